// Package bench compares folio with the libraries it replaces, on the
// hugodocs corpus (../../shared/corpus/hugodocs). It is its own module so
// that the library's go.mod carries none of these baselines.
//
//	cd bench && go test -bench . -benchtime 5x
//
// Each sub-benchmark of BenchmarkCorpus handles the whole corpus per
// operation and also reports ns/post; B/op and allocs/op are per corpus.
package bench
