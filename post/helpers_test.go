package post

import (
	"fmt"
	"reflect"
	"testing"
)

// The tests of this package use the standard library only, so that a
// program importing post finds no test-only module in its go.sum (go mod
// tidy also resolves the test imports of the packages a program imports).
// These helpers report a mismatch with t.Errorf and let the test go on;
// they return whether the values matched. Where a failure must stop the
// test, the tests call t.Fatalf themselves.

// equal reports whether got == want; if not, the test fails with both
// values. what (a format, with args) names the value compared.
func equal[T comparable](tb testing.TB, got, want T, what string, args ...any) bool {
	tb.Helper()
	if got == want {
		return true
	}
	tb.Errorf("%s:\n got: %s\nwant: %s", fmt.Sprintf(what, args...), show(got), show(want))
	return false
}

// deepEqual is equal for values == cannot compare (maps, slices, values
// of type any): it uses reflect.DeepEqual, so the types must match too.
func deepEqual(tb testing.TB, got, want any, what string, args ...any) bool {
	tb.Helper()
	if reflect.DeepEqual(got, want) {
		return true
	}
	tb.Errorf("%s:\n got: %s\nwant: %s", fmt.Sprintf(what, args...), show(got), show(want))
	return false
}

// show formats a value for a failure message: strings quoted, other
// values in Go syntax with their type.
func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%#v", v)
}
