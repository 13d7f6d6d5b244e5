package post

import (
	"reflect"
	"testing"
	"time"
)

// TestFrontMatterJSONFields: frontMatterJSON has FrontMatter's fields,
// names and json tags, in order, so a field added to one is added to both.
func TestFrontMatterJSONFields(t *testing.T) {
	t.Parallel()
	a, b := reflect.TypeFor[FrontMatter](), reflect.TypeFor[frontMatterJSON]()
	if !equal(t, b.NumField(), a.NumField(), "frontMatterJSON's fields, against FrontMatter's") {
		return
	}
	for i := range a.NumField() {
		fa, fb := a.Field(i), b.Field(i)
		equal(t, fb.Name, fa.Name, "frontMatterJSON field %d's name", i)
		equal(t, fb.Tag, fa.Tag, "frontMatterJSON.%s's tag", fa.Name)
		if fa.Type != fb.Type {
			equal(t, fb.Type, reflect.TypeFor[*time.Time](), "frontMatterJSON.%s's type (FrontMatter's is %v)", fa.Name, fa.Type)
		}
	}

}
