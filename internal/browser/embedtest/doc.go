// Package embedtest holds the browser tests of package embed's markup and
// CSS: every wrapper style measured in headless Chromium.
package embedtest
