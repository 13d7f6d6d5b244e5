// Package browser starts a headless Chromium for tests, with every request
// to a host other than the loopback interface failed and recorded.
//
// It is for tests only (the embed package's layout tests and the examples'
// page tests). A test calls [New], serves its pages with net/http/httptest
// (which listens on 127.0.0.1) and drives the tab with chromedp:
//
//	b := browser.New(t) // skips when no Chromium is installed
//	srv := httptest.NewServer(handler)
//	defer srv.Close()
//	if err := chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL)); err != nil {
//		t.Fatal(err)
//	}
//	assert.Empty(t, b.Blocked()) // no request left the machine
//
// # Finding the browser
//
// New looks for, in order: the path in $FOLIO_CHROMIUM, /usr/bin/chromium,
// then chromium, chromium-browser, google-chrome and headless-shell on $PATH.
// When none is found it calls t.Skip, or t.Fatal when the environment
// variable FOLIO_REQUIRE_BROWSER=1 (CI's .ci/run sets it). On Debian:
// apt-get install chromium.
//
// # Isolation
//
// The browser runs headless with a fresh user-data-dir in t.TempDir(), no
// sandbox (containers run as root), no GPU, no QUIC, no background
// networking, component updates or sync. The tab intercepts every request
// with the DevTools Fetch domain: requests to 127.0.0.1, [::1] or localhost
// continue, all others fail with BlockedByClient and their URLs are kept for
// [Browser.Blocked]. As a second fence the host resolver maps every other
// name to nothing, so even a request the interceptor does not see cannot
// reach the network.
//
// A Browser belongs to one test; its methods are safe for concurrent use.
// Everything is shut down by t.Cleanup.
package browser

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// RequireEnv is the environment variable that turns a missing browser from a
// skip into a failure when set to "1".
const RequireEnv = "FOLIO_REQUIRE_BROWSER"

// PathEnv is the environment variable that names the browser executable.
const PathEnv = "FOLIO_CHROMIUM"

// Browser is one headless Chromium with one intercepted tab.
type Browser struct {
	// Ctx is the chromedp context of the tab: pass it to chromedp.Do and
	// chromedp.Run. It ends when the test ends.
	Ctx context.Context

	mu      sync.Mutex
	blocked []string
}

// Find returns the path of a Chromium executable, or "" when there is none.
func Find() string {
	if p := os.Getenv(PathEnv); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts Chromium for t and returns it with its tab ready and the
// interceptor on. It skips t when no browser is installed (fails it when
// FOLIO_REQUIRE_BROWSER=1) and fails t when the browser does not start.
func New(t testing.TB) *Browser {
	t.Helper()
	path := Find()
	if path == "" {
		msg := "no Chromium found (apt-get install chromium, or set " + PathEnv + ")"
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal("browser: " + msg + "; " + RequireEnv + "=1 requires it")
		}
		t.Skip("browser: " + msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelTab)

	b := &Browser{Ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // starts the browser and the tab
		t.Fatalf("browser: start %s: %v", path, err)
	}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev, err := range paused {
			if err != nil {
				return // the context ended
			}
			b.handle(ctx, ev)
		}
	}()
	t.Cleanup(func() { cancelTab(); <-done })
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*"}},
	}); err != nil {
		t.Fatalf("browser: enable request interception: %v", err)
	}
	return b
}

// handle lets a loopback request through and fails any other.
func (b *Browser) handle(ctx context.Context, ev fetch.EventRequestPaused) {
	u := ""
	if ev.Request != nil {
		u = ev.Request.URL
	}
	// The errors of these calls are ignored on purpose: the only ones
	// possible are a request whose frame went away meanwhile and the end of
	// the test, and neither lets a request through.
	if IsLoopback(u) {
		chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID}) //nolint:errcheck
		return
	}
	b.mu.Lock()
	b.blocked = append(b.blocked, u)
	b.mu.Unlock()
	chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{ //nolint:errcheck
		RequestID:   ev.RequestID,
		ErrorReason: network.ErrorReasonBlockedByClient,
	})
}

// IsLoopback reports whether the URL's host is 127.0.0.1, [::1] or
// localhost, the only hosts the interceptor lets through.
func IsLoopback(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Hostname()) {
	case "127.0.0.1", "::1", "localhost":
		return true
	}
	return false
}

// Blocked returns the URLs of the requests failed so far, in order.
func (b *Browser) Blocked() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.blocked...)
}

// BlockedHosts returns the hosts of the requests failed so far.
func (b *Browser) BlockedHosts() []string {
	var hosts []string
	for _, raw := range b.Blocked() {
		u, err := url.Parse(raw)
		if err != nil {
			hosts = append(hosts, raw)
			continue
		}
		hosts = append(hosts, u.Hostname())
	}
	return hosts
}
