package post

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestFrontMatterJSONFields: frontMatterJSON has FrontMatter's fields,
// names and json tags, in order, so a field added to one is added to both.
func TestFrontMatterJSONFields(t *testing.T) {
	t.Parallel()
	a, b := reflect.TypeFor[FrontMatter](), reflect.TypeFor[frontMatterJSON]()
	if !assert.Equal(t, a.NumField(), b.NumField()) {
		return
	}
	for i := range a.NumField() {
		fa, fb := a.Field(i), b.Field(i)
		assert.Equal(t, fa.Name, fb.Name)
		assert.Equal(t, fa.Tag, fb.Tag, fa.Name)
		if fa.Type != fb.Type {
			assert.Equal(t, reflect.TypeFor[*time.Time](), fb.Type, fa.Name)
		}
	}
}
