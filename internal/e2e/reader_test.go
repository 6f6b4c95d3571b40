package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestReader walks the fixture site as a reader does, by clicking links: home,
// region, the policy in force, an older version, and the version history.
func TestReader(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)

	b.open(t, s.url("/"))
	wantPage(t, b, "/", "Situs Uji")

	b.follow(t, `main a[href="/contoh/"]`)
	wantPage(t, b, "/contoh/", "Kabupaten Contoh (fiktif)")

	b.follow(t, `main a[href="/contoh/kebijakan-uji/"]`)
	wantPage(t, b, "/contoh/kebijakan-uji/", "Kebijakan Uji Kepegawaian")
	wantText(t, b, ".meta", "Berlaku", "2025 Perubahan", "6 Maret 2025")
	if b.count(t, ".policy-head .banner") != 0 {
		t.Errorf("the version in force carries a banner: %q", b.text(t, ".policy-head .banner"))
	}
	wantText(t, b, ".banner-fictional", "Kabupaten Contoh tidak ada")

	b.follow(t, `.policy-foot a[rel="prev"]`)
	wantPage(t, b, "/contoh/kebijakan-uji/2024-01/", "Kebijakan Uji Kepegawaian")
	wantText(t, b, ".banner-old", "Anda membaca versi 2024-01, yang sudah tidak berlaku.", "Baca versi yang berlaku (2025 Perubahan)")
	wantText(t, b, ".meta", "Tidak berlaku (diganti)")

	b.follow(t, `.policy-foot a[href$="/versi/"]`)
	wantPage(t, b, "/contoh/kebijakan-uji/versi/", "Riwayat versi: Kebijakan Uji Kepegawaian")
	if n := b.count(t, "table.history tbody tr"); n != 4 {
		t.Errorf("the history lists %d versions, want 4 (with the draft)", n)
	}
	wantText(t, b, "table.history tbody tr:nth-child(1)", "2026 Perubahan Kedua", "Akan berlaku")
	wantText(t, b, "table.history tbody tr:nth-child(2)", "2025-09", "Rancangan")
	wantText(t, b, "table.history tbody tr:nth-child(3)", "2025 Perubahan", "Berlaku")
	wantText(t, b, "table.history tbody tr:nth-child(4)", "2024-01", "Tidak berlaku (diganti)")

	// Back to the older version from its row, then to the version in force from
	// the banner that says it is superseded.
	b.follow(t, `table.history a[href="/contoh/kebijakan-uji/2024-01/"]`)
	b.follow(t, `.banner-old a`)
	wantPage(t, b, "/contoh/kebijakan-uji/2025-03/", "Kebijakan Uji Kepegawaian")
}

// TestHeadingAnchors follows a heading's own link and a table-of-contents link: the
// URL gets the heading's fragment and the heading comes to the top of the window.
// On a wide screen the table of contents is open beside the text, on a phone
// folded above it.
func TestHeadingAnchors(t *testing.T) {
	s := newSite(t, fixtureSite)
	for _, tt := range []struct {
		name string
		opts []browserOption
	}{{"desktop", nil}, {"phone", []browserOption{phone}}} {
		t.Run(tt.name, func(t *testing.T) {
			b := newBrowser(t, tt.opts...)
			b.open(t, s.url("/contoh/kebijakan-uji/"))
			// The first section is followed by enough text to reach the top.
			if !followAnchor(t, b, `#aspek-aspek-kebijakan > a.anchor`, "aspek-aspek-kebijakan") {
				t.Errorf("the page could not scroll #aspek-aspek-kebijakan to the top")
			}
			// A later one may not be: then the page must scroll to its end. A
			// phone shows the table of contents folded: the reader opens it.
			if b.displayed(t, ".toc summary") {
				b.click(t, ".toc summary")
			}
			followAnchor(t, b, `.toc a[href="#pelatihan"]`, "pelatihan")
			followAnchor(t, b, `#pelatihan > a.anchor`, "pelatihan")
		})
	}
}

// followAnchor scrolls to the top, clicks the in-page link that sel finds, and fails
// t unless the location's fragment becomes id and the element with that id comes to
// the top of the viewport (below its scroll-margin-top), or, where the page is too
// short for that, the page scrolls to its end with the element in view. It reports
// whether the element came to the top.
func followAnchor(t *testing.T, b *browser, sel, id string) bool {
	t.Helper()
	eval[bool](t, b, "(window.scrollTo(0, 0), true)")
	b.click(t, sel)
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.hash === `+jsString("#"+id))); err != nil {
		t.Errorf("after clicking %s the fragment is %q, want %q", sel, b.location(t).Fragment, id)
	}
	type pos struct {
		Top, Bottom, Margin, ScrollY, Height float64
		AtEnd                                bool
	}
	p := eval[pos](t, b, `(() => {
		const el = document.getElementById(`+jsString(id)+`), root = document.documentElement;
		const r = el.getBoundingClientRect();
		return {
			Top: r.top, Bottom: r.bottom, Height: root.clientHeight, ScrollY: window.scrollY,
			Margin: parseFloat(getComputedStyle(el).scrollMarginTop) || 0,
			AtEnd: Math.ceil(window.scrollY + root.clientHeight) >= root.scrollHeight,
		};
	})()`)
	if p.ScrollY == 0 {
		t.Errorf("after clicking %s the page did not scroll", sel)
	}
	atTop := p.Top-p.Margin >= -1 && p.Top-p.Margin <= 1
	inView := p.Top >= p.Margin-1 && p.Bottom <= p.Height
	if !atTop && !(p.AtEnd && inView) {
		t.Errorf("after clicking %s, #%s is %.0f px from the top of the viewport, want %.0f (its scroll-margin-top)",
			sel, id, p.Top, p.Margin)
	}
	return atTop
}

// TestEveryPageOnPhone checks every kind of page at 360 px: nothing scrolls sideways.
func TestEveryPageOnPhone(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	for _, p := range fixturePages {
		t.Run(p.name, func(t *testing.T) {
			b.openKind(t, s, p)
			b.fitsWidth(t)
		})
	}
}

// TestFitsWidthCatchesOverflow proves that fitsWidth fails on a page that scrolls
// sideways.
func TestFitsWidthCatchesOverflow(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/"))
	eval[bool](t, b, `(document.querySelector("main").insertAdjacentHTML("beforeend", '<pre id="lebar">`+strings.Repeat("x", 200)+`</pre>'), true)`)
	ft := &fakeT{TB: t}
	b.fitsWidth(ft)
	if !ft.failed {
		t.Error("fitsWidth passed a page with a 200-character line of preformatted text at 360 px")
	}
}

// TestPrint checks every kind of page with print media: the text is there and
// visible, the navigation is not.
func TestPrint(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.media(t, "print")
	for _, p := range fixturePages {
		t.Run(p.name, func(t *testing.T) {
			b.openKind(t, s, p)
			for _, sel := range []string{".site-header nav", ".site-header", ".crumbs", ".site-footer", ".skip"} {
				if b.count(t, sel) > 0 && b.displayed(t, sel) {
					t.Errorf("%s is printed", sel)
				}
			}
			for _, sel := range []string{"main h1", "main"} {
				if !b.displayed(t, sel) {
					t.Errorf("%s is not printed", sel)
				}
			}
			if text := b.text(t, "main"); len(strings.Fields(text)) < 5 {
				t.Errorf("the printed main text is only %q", text)
			}
			if b.count(t, ".prose p") > 0 && !b.displayed(t, ".prose p") {
				t.Errorf("the policy text is not printed")
			}
		})
	}
	b.media(t, "")
	b.open(t, s.url("/contoh/kebijakan-uji/"))
	if !b.displayed(t, ".site-header nav") {
		t.Error("on screen the site navigation is hidden: the print check proves nothing")
	}
}

// wantPage fails t unless the tab shows path with the main heading h1.
func wantPage(t *testing.T, b *browser, path, h1 string) {
	t.Helper()
	if got := b.location(t).Path; got != path {
		t.Fatalf("at %s, want %s", got, path)
	}
	if got := b.text(t, "main h1"); got != h1 {
		t.Errorf("%s: h1 = %q, want %q", path, got, h1)
	}
}

// wantText fails t unless the element that sel finds shows every one of texts.
func wantText(t *testing.T, b *browser, sel string, texts ...string) {
	t.Helper()
	got := b.text(t, sel)
	for _, want := range texts {
		if !strings.Contains(got, want) {
			t.Errorf("%s shows %q, want it to contain %q", sel, got, want)
		}
	}
}

// fakeT records a failure instead of failing the test, so that a test can check
// that a helper fails.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
