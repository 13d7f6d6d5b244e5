// Package pagetest holds the browser tests of the pages folio's example
// programs write (examples/render, examples/site). They run the programs
// with go run in the folio module and load the pages in headless Chromium.
package pagetest
