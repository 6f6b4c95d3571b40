package e2e

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"naskah/internal/legal"
)

// The sharing kit on the fixture's superseded version: what socialisation staff
// copy, share, scan and print.
const (
	fixtureBase  = "https://naskah.example" // the fixture site's base_url
	oldVersion   = "/contoh/kebijakan-uji/2024-01/"
	oldIdentity  = "contoh/kebijakan-uji/2024-01"
	oldParagraph = "p-aspek-aspek-kebijakan-1"
)

// addScript runs js in every document the tab loads from now on, before the
// page's own scripts.
func (b *browser) addScript(t testing.TB, js string) {
	t.Helper()
	b.do(t, "adding a script", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
		return err
	}))
}

// clipboardHook replaces navigator.clipboard.writeText with a recorder: a
// headless browser's clipboard depends on focus and permissions, and what the
// page hands to the clipboard API is what this test is about.
const clipboardHook = `window.__disalin = [];
Object.defineProperty(navigator, "clipboard", {configurable: true, value: {
	writeText: function (text) { window.__disalin.push(String(text)); return Promise.resolve(); }
}});`

// TestCopyLinkAndCitation copies from the menus of a paragraph, of a heading
// and of the text before the first heading: the clipboard gets the permanent
// URL of the version with the anchor, and the Indonesian citation with its
// status, URL and access day; the live region says so.
func TestCopyLinkAndCitation(t *testing.T) {
	s := newSiteOn(t, fixtureSite, toolsDay)
	b := newBrowser(t)
	b.addScript(t, clipboardHook)
	b.open(t, s.url(oldVersion))
	tail := func(anchor string) string {
		return "versi 2024-01 (Januari 2024), Tidak berlaku (diganti) per 15 Januari 2026, " + fixtureBase + oldVersion + "#" + anchor + ", diakses " + today(t, b)
	}
	tests := []struct{ link, item, status, want string }{
		{oldPilcrow, ".salin-tautan", "Tautan disalin", fixtureBase + oldVersion + "#" + oldParagraph},
		{oldPilcrow, ".salin-kutipan", "Kutipan disalin",
			"Kebijakan Uji Kepegawaian, Kabupaten Contoh (fiktif), bagian “Aspek-Aspek Kebijakan”, " + tail(oldParagraph)},
		{"#penutup > a.anchor", ".salin-tautan", "Tautan disalin", fixtureBase + oldVersion + "#penutup"},
		{"#penutup > a.anchor", ".salin-kutipan", "Kutipan disalin",
			"Kebijakan Uji Kepegawaian, Kabupaten Contoh (fiktif), bagian “Penutup”, " + tail("penutup")},
		{"#p-1 > a.pilcrow", ".salin-kutipan", "Kutipan disalin",
			"Kebijakan Uji Kepegawaian, Kabupaten Contoh (fiktif), " + tail("p-1")},
	}
	for i, tt := range tests {
		b.click(t, tt.link)
		b.click(t, "#salin_menu "+tt.item)
		waitFor(t, b, "the copy to be announced", `document.getElementById("salin_status").textContent === `+jsString(tt.status))
		got := eval[[]string](t, b, `window.__disalin`)
		if len(got) != i+1 || got[i] != tt.want {
			t.Errorf("after copying with %s %s the clipboard got %q, want %q last", tt.link, tt.item, got, tt.want)
		}
		eval[bool](t, b, `(document.getElementById("salin_status").textContent = "", true)`)
	}
}

// TestCopyButtonsNeedScript checks that the static page has no copy buttons
// or menu: they would be dead without JavaScript; the permalinks are there
// instead, plain links.
func TestCopyButtonsNeedScript(t *testing.T) {
	s := newSite(t, fixtureSite)
	html, err := os.ReadFile(filepath.Join(s.Out, filepath.FromSlash(oldVersion), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"salin-tautan", "salin-kutipan", "salin_menu", "aria-haspopup", "share-native", `class="salin"`, "onclick"} {
		if bytes.Contains(html, []byte(bad)) {
			t.Errorf("the static page holds %s", bad)
		}
	}
	for _, want := range []string{`<a class="pilcrow" href="#` + oldParagraph + `"`, `<a class="anchor" href="#penutup"`} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("the static page lacks the permalink %s", want)
		}
	}
}

// TestShareLinks reads the share links: each carries the version's permanent
// URL, and none loads anything from its target. The Web Share button appears
// where the browser has navigator.share, and shares the same URL.
func TestShareLinks(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.addScript(t, `window.__dibagikan = null; navigator.share = function (d) { window.__dibagikan = d; return Promise.resolve(); };`)
	b.open(t, s.url(oldVersion))
	want := fixtureBase + oldVersion
	hrefs := eval[[]string](t, b, `[...document.querySelectorAll(".share-links a")].map(a => a.href)`)
	if len(hrefs) != 3 {
		t.Fatalf("share links: %q, want WhatsApp, Telegram and e-mail", hrefs)
	}
	checks := []struct{ prefix, param string }{
		{"https://wa.me/?", "text"}, {"https://t.me/share/url?", "url"}, {"mailto:?", "body"},
	}
	for i, c := range checks {
		if !strings.HasPrefix(hrefs[i], c.prefix) {
			t.Errorf("share link %d is %s, want it to start with %s", i, hrefs[i], c.prefix)
			continue
		}
		q, err := url.ParseQuery(hrefs[i][len(c.prefix):])
		if err != nil || !strings.Contains(q.Get(c.param), want) {
			t.Errorf("%s: %s = %q, want it to hold %s (%v)", c.prefix, c.param, q.Get(c.param), want, err)
		}
	}
	if n := b.count(t, "script[src^='http'], iframe"); n != 0 {
		t.Errorf("the page loads %d third-party scripts or frames", n)
	}
	b.click(t, ".share-links .share-native")
	if got := eval[string](t, b, `window.__dibagikan && window.__dibagikan.url`); got != want {
		t.Errorf("navigator.share got url %q, want %q", got, want)
	}
}

// TestShareCard checks the Open Graph image of a version page: a PNG of the
// size its tags say, whose colour is not that of the card of the version in
// force.
func TestShareCard(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url(oldVersion))
	meta := func(attr, name string) string {
		return eval[string](t, b, `(document.querySelector('meta[`+attr+`="`+name+`"]') || {}).content || ""`)
	}
	img := meta("property", "og:image")
	if img != fixtureBase+oldVersion+"kartu.png" || meta("name", "twitter:card") != "summary_large_image" || meta("name", "twitter:image") != img {
		t.Fatalf("og:image %q, twitter:card %q, twitter:image %q", img, meta("name", "twitter:card"), meta("name", "twitter:image"))
	}
	if meta("property", "og:image:alt") == "" {
		t.Errorf("og:image has no alt text")
	}
	res, err := http.Get(s.url(strings.TrimPrefix(img, fixtureBase)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	cfg, err := png.DecodeConfig(res.Body)
	if err != nil {
		t.Fatalf("the card is no PNG: %v", err)
	}
	if w, h := strconv.Itoa(cfg.Width), strconv.Itoa(cfg.Height); w != meta("property", "og:image:width") || h != meta("property", "og:image:height") {
		t.Errorf("the card is %s×%s, its tags say %s×%s", w, h, meta("property", "og:image:width"), meta("property", "og:image:height"))
	}
	old, current := cardColour(t, s, oldVersion), cardColour(t, s, "/contoh/kebijakan-uji/2025-03/")
	if old == current {
		t.Errorf("the card of the superseded version has the colour of the card of the version in force: %v", old)
	}
}

// cardColour is the colour of the bottom right corner of the share card of
// the version at path.
func cardColour(t *testing.T, s *testSite, path string) color.Color {
	t.Helper()
	res, err := http.Get(s.url(path + "kartu.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	img, err := png.Decode(res.Body)
	if err != nil {
		t.Fatalf("the card of %s is no PNG: %v", path, err)
	}
	r, g, b, _ := img.At(img.Bounds().Max.X-1, img.Bounds().Max.Y-1).RGBA()
	return color.RGBA64{uint16(r), uint16(g), uint16(b), 0xffff}
}

// TestQRCodeDecodes photographs the QR code on the page and decodes it: it
// holds the version's short link, and the downloadable file is an SVG.
func TestQRCodeDecodes(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url(oldVersion))
	shot := run(t, b, "photographing the QR code", chromedp.ScreenshotScale(chromedp.CSS(".qr-blok img.qr"), 2))
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	want := fixtureBase + "/s/" + legal.ShortCode(oldIdentity)
	if got := decodeQR(t, img); got != want {
		t.Errorf("the QR code says %q, want %q", got, want)
	}
	if got := b.text(t, ".qr-blok .short-url"); got != want {
		t.Errorf("the short link beside the code reads %q, want %q", got, want)
	}
	res, err := http.Get(s.url(eval[string](t, b, `document.querySelector(".qr-unduh").getAttribute("href")`)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "image/svg+xml") {
		t.Errorf("the QR code file answers %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("decoding the QR code: %v", err)
	}
	return res.GetText()
}

// TestShortLinkLeadsToTheVersion follows the short link as a scanned QR code
// does: through the server it is a 301, on the static site a redirect page;
// both end at the old version, which says a newer one is in force and links
// to it.
func TestShortLinkLeadsToTheVersion(t *testing.T) {
	s := newSite(t, fixtureSite)
	code := legal.ShortCode(oldIdentity)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(s.url("/s/" + code))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 301 || res.Header.Get("Location") != oldVersion {
		t.Errorf("/s/%s answers %d to %q, want 301 to %s", code, res.StatusCode, res.Header.Get("Location"), oldVersion)
	}
	for _, path := range []string{"/s/" + code, "/s/" + code + "/"} {
		b := newBrowser(t)
		b.open(t, s.url(path))
		waitFor(t, b, "the redirect to "+oldVersion, `location.pathname === `+jsString(oldVersion))
		wantText(t, b, ".banner-old", "sudah tidak berlaku", "Baca versi yang berlaku")
		if got := eval[string](t, b, `document.querySelector(".banner-old a").getAttribute("href")`); got != "/contoh/kebijakan-uji/2025-03/" {
			t.Errorf("the banner links to %q, want the version in force", got)
		}
	}
}
