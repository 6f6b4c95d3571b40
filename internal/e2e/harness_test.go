package e2e

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"naskah/internal/build"
	"naskah/internal/legal"
	"naskah/internal/server"
)

// Content directories that newSite and buildSite build.
const (
	fixtureSite    = "../build/testdata/site" // internal/build's fixture: every page kind
	shippedContent = "../../content"          // what the repository publishes
)

const (
	actionTimeout = 30 * time.Second // every browser action
	tabTimeout    = 5 * time.Minute  // a tab, however many actions it runs
)

// buildSite builds the content directory dir, drafts included, into a temporary
// directory and returns the static site's directory; the server's data directory is
// "data" beside it.
func buildSite(t testing.TB, dir string) string {
	t.Helper()
	return buildSiteOn(t, dir, legal.Date{})
}

// buildSiteOn is buildSite with status as of the day now (zero: today).
func buildSiteOn(t testing.TB, dir string, now legal.Date) string {
	t.Helper()
	tmp := t.TempDir()
	cfg := build.Config{
		Content:    os.DirFS(dir),
		ContentDir: dir,
		Out:        filepath.Join(tmp, "public"),
		Data:       filepath.Join(tmp, "data"),
		Drafts:     true,
		Now:        now,
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatalf("building %s: %v", dir, err)
	}
	return cfg.Out
}

// testSite is a freshly built site served on a loopback port.
type testSite struct {
	Out string // the built static site
	srv *httptest.Server
}

// newSite builds the content directory dir (fixtureSite, shippedContent or a
// testdata tree) and serves it with the server package until the test ends.
func newSite(t testing.TB, dir string) *testSite {
	t.Helper()
	return newSiteOn(t, dir, legal.Date{})
}

// newSiteOn is newSite with status as of the day now (zero: today).
func newSiteOn(t testing.TB, dir string, now legal.Date) *testSite {
	t.Helper()
	out := buildSiteOn(t, dir, now)
	h, err := server.New(server.Config{Out: out, Data: filepath.Join(filepath.Dir(out), "data")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close) // runs before h.Close
	return &testSite{Out: out, srv: srv}
}

// url returns the absolute URL of a site path such as "/contoh/".
func (s *testSite) url(path string) string { return s.srv.URL + path }

// pageKind is a page of the fixture site that stands for every page of its kind.
type pageKind struct {
	name, path string
	status     int
	// refresh is where the page sends the browser on at once (a meta refresh),
	// if it does; tests that look at the page itself open it with openKind,
	// which holds the browser on it.
	refresh string
}

// fixturePages has one page of every kind that the fixture site builds with drafts.
var fixturePages = []pageKind{
	{"home", "/", 200, ""},
	{"region", "/contoh/", 200, ""},
	{"policy", "/contoh/kebijakan-uji/", 200, ""},
	{"older version", "/contoh/kebijakan-uji/2024-01/", 200, ""},
	{"draft version", "/contoh/kebijakan-uji/2025-09/", 200, ""},
	{"revoked version", "/kota-uji/aturan-lama/v1/", 200, ""},
	{"scheduled version", "/contoh/kebijakan-uji/2099-01/", 200, ""},
	{"revoking instrument", "/kota-uji/aturan-pengganti/v1/", 200, ""},
	{"regulation", "/contoh/peraturan-uji/", 200, ""},
	{"regulation changes", "/contoh/peraturan-uji/v2/perubahan/", 200, ""},
	{"history", "/contoh/kebijakan-uji/versi/", 200, ""},
	{"no version on a day", "/contoh/kebijakan-uji/?pada=2023-12-31", 404, ""},
	{"revoked on a day", "/kota-uji/aturan-lama/?pada=2022-01-01", 404, ""},
	{"unreadable day", "/contoh/kebijakan-uji/?pada=kemarin", 400, ""},
	{"changes", "/contoh/kebijakan-uji/2025-03/perubahan/", 200, ""},
	{"topics", "/topik/", 200, ""},
	{"topic", "/topik/pelatihan/", 200, ""},
	{"search", "/cari?q=pelatihan", 200, ""},
	{"search without hits", "/cari?q=zzzz", 200, ""},
	{"search filtered", "/cari?q=aturan&region=kota-uji&versions=all", 200, ""},
	{"search with a filter that leaves no hits", "/cari?q=pelatihan&status=akan-berlaku", 200, ""},
	{"search past the last page", "/cari?q=pelatihan&page=99", 200, ""},
	{"search by citation", "/cari?q=" + url.QueryEscape("Pasal 4 ayat (2) Perbup Contoh 3/2024"), 200, ""},
	{"search by a citation that names nothing", "/cari?q=" + url.QueryEscape("Pasal 4 Perbup Contoh 3/2025"), 200, ""},
	{"compare form", "/bandingkan", 200, ""},
	{"compare versions", "/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", 200, ""},
	{"compare regions", "/bandingkan?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama", 200, ""},
	{"compare error", "/bandingkan?a=tidak/ada&b=contoh/kebijakan-uji", 404, ""},
	{"404", "/tidak-ada/", 404, ""},
	{"missing version", "/contoh/kebijakan-uji/v9/", 404, ""},
	{name: "short link page", path: "/s/" + legal.ShortCode("contoh/kebijakan-uji/2024-01") + "/", status: 200, refresh: "/contoh/kebijakan-uji/2024-01/"},
}

// browser is a tab of the package's shared chromium.
type browser struct {
	ctx context.Context
	vp  viewport
}

type viewport struct {
	width, height int64
	mobile        bool
}

// browserOption changes how newBrowser sets up the tab.
type browserOption func(*viewport)

// phone makes the tab a 360 px wide phone in portrait, the narrowest screen the
// theme supports.
func phone(v *viewport) { *v = viewport{width: 360, height: 740, mobile: true} }

// newBrowser opens a tab (1280×800 unless an option says otherwise) that closes when
// the test ends.
func newBrowser(t testing.TB, opts ...browserOption) *browser {
	t.Helper()
	parent, cancelParent := context.WithTimeout(chrome.context(t), tabTimeout)
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(func() { cancel(); cancelParent() })
	b := &browser{ctx: ctx, vp: viewport{width: 1280, height: 800}}
	for _, o := range opts {
		o(&b.vp)
	}
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatalf("opening a tab: %v", err)
	}
	b.resize(t, b.vp)
	return b
}

// do runs actions on the tab, each batch bounded by actionTimeout.
func (b *browser) do(t testing.TB, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// run runs one action that returns a value, bounded by actionTimeout.
func run[T any](t testing.TB, b *browser, what string, action chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t testing.TB, b *browser, expr string) T {
	t.Helper()
	return run(t, b, "evaluating "+expr, chromedp.Evaluate[T](expr))
}

// resize sets the viewport of the tab.
func (b *browser) resize(t testing.TB, v viewport) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	b.do(t, "setting the viewport", chromedp.EmulateViewport(v.width, v.height, opts...))
	b.vp = v
}

// open loads url and fails unless it answers 200.
func (b *browser) open(t testing.TB, url string) { t.Helper(); b.openStatus(t, url, 200) }

// openStatus loads url and fails unless it answers with status.
func (b *browser) openStatus(t testing.TB, url string, status int) {
	t.Helper()
	resp := run(t, b, "opening "+url, chromedp.NavigateResponse(url))
	if resp.Status != int64(status) {
		t.Fatalf("%s answered %d, want %d", url, resp.Status, status)
	}
}

// openKind opens a page of fixturePages with its status and, for a page that
// refreshes to another at once, keeps the browser on the page itself: the
// request of the refresh is aborted, which leaves the page in place.
func (b *browser) openKind(t testing.TB, s *testSite, p pageKind) {
	t.Helper()
	if p.refresh == "" {
		b.openStatus(t, s.url(p.path), p.status)
		return
	}
	ctx, cancel := context.WithCancel(b.ctx)
	defer cancel()
	tried := make(chan struct{}, 1)
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			go func() {
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonAborted})
				select {
				case tried <- struct{}{}:
				default:
				}
			}()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, "holding "+p.path, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: s.url(p.refresh)}}})
		return err
	}))
	b.openStatus(t, s.url(p.path), p.status)
	select {
	case <-tried: // the refresh was tried, and is aborted
	case <-time.After(actionTimeout):
		t.Fatalf("%s did not refresh to %s", p.path, p.refresh)
	}
	b.do(t, "releasing "+p.path, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, fetch.Disable, cdp.Empty{})
		return err
	}))
	if got := b.location(t).Path; got != p.path {
		t.Fatalf("the browser left %s for %s", p.path, got)
	}
}

// follow clicks the link that sel finds and waits for the page it leads to, which
// must answer 200.
func (b *browser) follow(t testing.TB, sel string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("following %s: %v", sel, err)
	}
	if resp.Status != 200 {
		t.Fatalf("following %s to %s: status %d", sel, resp.URL, resp.Status)
	}
}

// click clicks the element that sel finds, as a mouse does, without waiting for a
// new page: use it for links within the page and for controls.
func (b *browser) click(t testing.TB, sel string) {
	t.Helper()
	b.do(t, "clicking "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// text returns the text of the first element that sel finds, as rendered.
func (b *browser) text(t testing.TB, sel string) string {
	t.Helper()
	return run(t, b, "reading "+sel, chromedp.Text(chromedp.CSS(sel)))
}

// count returns how many elements sel finds.
func (b *browser) count(t testing.TB, sel string) int {
	t.Helper()
	return eval[int](t, b, "document.querySelectorAll("+jsString(sel)+").length")
}

// displayed reports whether the first element that sel finds is rendered and
// visible, so that a reader can see it.
func (b *browser) displayed(t testing.TB, sel string) bool {
	t.Helper()
	return eval[bool](t, b, `(() => {
		const el = document.querySelector(`+jsString(sel)+`);
		if (!el) throw new Error("no element matches " + `+jsString(sel)+`);
		return el.checkVisibility({opacityProperty: true, visibilityProperty: true});
	})()`)
}

// location returns the URL of the page in the tab.
func (b *browser) location(t testing.TB) *url.URL {
	t.Helper()
	loc := run(t, b, "reading the location", chromedp.Location())
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// media emulates a CSS media type such as "print"; "" returns to the screen.
func (b *browser) media(t testing.TB, media string) {
	t.Helper()
	b.do(t, "emulating media "+media, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
}

// fitsWidth fails t if the page scrolls sideways, naming the elements that stick out.
func (b *browser) fitsWidth(t testing.TB) {
	t.Helper()
	type width struct {
		Scroll  int      `json:"scroll"`
		Client  int      `json:"client"`
		Culprit []string `json:"culprit"`
	}
	w := eval[width](t, b, `(() => {
		const root = document.documentElement, client = root.clientWidth;
		const culprit = [...document.querySelectorAll("body *")]
			.filter(el => el.getBoundingClientRect().right > client + 0.5)
			.slice(0, 5)
			.map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
				(el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
				" (right edge " + Math.round(el.getBoundingClientRect().right) + " px)");
		return {scroll: root.scrollWidth, client: client, culprit: culprit};
	})()`)
	if w.Scroll > w.Client {
		t.Errorf("%s scrolls sideways at %d px: scrollWidth %d > clientWidth %d; sticking out: %v",
			b.location(t).Path, b.vp.width, w.Scroll, w.Client, w.Culprit)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	q, _ := json.Marshal(s) // JSON escapes U+2028 and U+2029, so this is valid JavaScript
	return string(q)
}
