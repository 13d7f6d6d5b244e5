package textstats

// StatsRef is the byte-by-byte reference of Stats, for the corpus
// benchmark in package textstats_test.
var StatsRef = statsRef
