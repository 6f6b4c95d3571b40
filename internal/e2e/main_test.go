// Package e2e checks the published site the way people and validators meet it: a
// reader in a real browser (chromedp driving chromium), axe-core for WCAG 2.0, 2.1
// and 2.2 A and AA (target size included) at the widths of a desktop and a phone,
// the Nu HTML Checker for validity, and encoding/xml for the feeds and sitemap.
//
// The package has only tests. harness_test.go is the harness a new browser case
// uses: newSite builds a fixture and serves it, newBrowser opens a tab in the
// package's one chromium, and the browser's methods act and check, each with a
// timeout; everything is cleaned up when the test ends. A case for a new page:
//
//	func TestSearchPage(t *testing.T) {
//		s := newSite(t, fixtureSite)
//		b := newBrowser(t, phone) // or newBrowser(t) for 1280×800
//		b.open(t, s.url("/cari?q=pelatihan"))
//		b.axe(t)       // WCAG 2.0, 2.1 and 2.2 A and AA
//		b.fitsWidth(t) // no sideways scrolling
//		wantText(t, b, "main h1", "pelatihan")
//		b.follow(t, ".hits a") // click a link, wait for the page
//	}
//
// A new kind of page also belongs in fixturePages, which the accessibility, phone
// and print tests walk.
//
// Tests that need chromium, java or npm skip when the tool is missing, except under
// NASKAH_E2E=1 (as .ci/run sets it), where a missing tool fails the test. The npm
// packages pinned in testdata/tools/package.json are installed into $NASKAH_TOOLS,
// or into naskah-e2e in the user cache directory when that is unset.
package e2e

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) {
	code := m.Run()
	chrome.stop()
	os.Exit(code)
}

// chrome is the one browser that the package's tests share: starting chromium takes
// a second or two, a tab takes milliseconds. It starts on first use, so tests that
// need no browser never start it, and TestMain stops it.
var chrome sharedBrowser

type sharedBrowser struct {
	once   sync.Once
	ctx    context.Context // the browser; each test opens a tab under it
	err    error
	cancel []context.CancelFunc
}

// startTimeout bounds the start of the browser.
const startTimeout = time.Minute

// context returns the shared browser, starting it on first use.
func (c *sharedBrowser) context(t testing.TB) context.Context {
	t.Helper()
	exe := lookTool(t, "apt-get install -y chromium", "chromium", "chromium-browser", "google-chrome")
	c.once.Do(func() { c.ctx, c.err = c.start(exe) })
	if c.err != nil {
		t.Fatalf("starting %s: %v", exe, c.err)
	}
	return c.ctx
}

func (c *sharedBrowser) start(exe string) (context.Context, error) {
	// chromedp gives the browser a fresh user data directory of its own, and removes
	// it (with any leftover child process) when the allocator is cancelled.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // chromium refuses to run as root with its sandbox
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	c.cancel = []context.CancelFunc{cancelBrowser, cancelAlloc}

	// The first Do starts the browser and ties its life to ctx, so it must not get a
	// context with a deadline; bound the wait from outside instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			c.stop()
			return nil, err
		}
	case <-time.After(startTimeout):
		c.stop()
		return nil, fmt.Errorf("the browser did not start within %v", startTimeout)
	}
	return ctx, nil
}

// stop ends the browser and waits for its processes to exit.
func (c *sharedBrowser) stop() {
	for _, cancel := range c.cancel {
		cancel()
	}
	c.cancel = nil
}
