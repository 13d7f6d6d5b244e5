package browser

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsLoopback(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		"http://127.0.0.1:8080/x":         true,
		"http://localhost/":               true,
		"http://[::1]:1/":                 true,
		"https://www.youtube.com/embed/x": false,
		"http://127.0.0.1.evil.example/":  false,
		"http://localhost@evil.example/":  false,
		"data:text/html,hi":               false,
		"http://%zz":                      false,
	} {
		assert.Equal(t, want, IsLoopback(in), in)
	}
}

// TestInterceptor loads a loopback page that asks for an image elsewhere:
// the page loads, the image request is failed and recorded.
func TestInterceptor(t *testing.T) {
	b := New(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><title>t</title><p id="p">hello</p><img id="i" src="https://img.example.com/a.png">`))
	}))
	defer srv.Close()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL)))
	text, err := chromedp.Run(b.Ctx, chromedp.Poll[string](`(function(){var i=document.getElementById("i");return i.complete?document.getElementById("p").textContent:null})()`))
	require.NoError(t, err)
	assert.Equal(t, "hello", text)
	assert.Equal(t, []string{"https://img.example.com/a.png"}, b.Blocked())
	assert.Equal(t, []string{"img.example.com"}, b.BlockedHosts())
}
