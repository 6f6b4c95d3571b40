package e2e

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestPhoneFirstScreen opens version pages on a 360×740 phone: the status, the
// date and the links to the version history and the comparison are on the
// first screen, the text starts within the first screen and a half, and the QR
// code waits in the share section after the text.
func TestPhoneFirstScreen(t *testing.T) {
	fixture := newSite(t, fixtureSite)
	shipped := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	for _, tt := range []struct {
		site *testSite
		path string
	}{
		{fixture, "/contoh/kebijakan-uji/"},
		{fixture, "/contoh/kebijakan-uji/2024-01/"},
		{fixture, "/contoh/kebijakan-uji/2099-01/"},
		{fixture, "/contoh/peraturan-uji/"},
		{fixture, "/kota-uji/aturan-lama/v1/"},
		{fixture, "/kota-uji/aturan-pengganti/v1/"},
		{shipped, "/contoh/kebijakan-manajemen-asn/"},
		{shipped, "/contoh/pengadaan-pegawai/"},
		{shipped, "/mamuju/kebijakan-pengelolaan-kepegawaian-asn/"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			b.open(t, tt.site.url(tt.path))
			screen := float64(b.vp.height)
			for _, e := range []struct{ what, sel string }{
				{"the status", ".meta-key .status"},
				{"the date", ".meta-key div:nth-child(3) dd"},
				{"the version history link", `.policy-actions a[href$="/versi/"]`},
				{"the comparison link", `.policy-actions a[href^="/bandingkan?"]`},
			} {
				if bottom := b.pageBox(t, e.sel).Bottom; bottom > screen {
					t.Errorf("%s ends %.0f px down the page, below the first screen (%.0f px)", e.what, bottom, screen)
				}
			}
			if top := b.pageBox(t, ".prose p").Top; top > 1.5*screen {
				t.Errorf("the text starts %.0f px down the page, below the first screen and a half (%.0f px)", top, 1.5*screen)
			}
			if b.count(t, ".policy-head .qr-blok") != 0 || b.count(t, ".share-print .qr-blok") != 1 {
				t.Error("the QR code is not in the share section")
			}
			if qr := b.pageBox(t, ".qr-blok").Top; qr < b.pageBox(t, ".prose").Bottom {
				t.Errorf("the QR code, %.0f px down the page, comes before the end of the text", qr)
			}
		})
	}
}

// TestVersionPageWide opens a regulation on a wide screen: the table of
// contents stands beside a text of readable measure and stays in view as the
// reader scrolls, and the legal facts that a phone folds are open.
func TestVersionPageWide(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url("/contoh/peraturan-uji/"))
	toc, text := b.pageBox(t, ".toc"), b.pageBox(t, ".prose")
	if toc.Right > text.Left {
		t.Errorf("the table of contents (%.0f–%.0f px) is not beside the text (%.0f–%.0f px)", toc.Left, toc.Right, text.Left, text.Right)
	}
	if w := text.Right - text.Left; w < 500 || w > 800 {
		t.Errorf("the text is %.0f px wide, want a readable measure", w)
	}
	if !b.displayed(t, ".toc ol") || !b.displayed(t, ".policy-details .meta") {
		t.Error("the contents or the legal details are folded on a wide screen")
	}
	eval[bool](t, b, `(window.scrollTo(0, document.querySelector(".prose").getBoundingClientRect().bottom + window.scrollY - 400), true)`)
	if top := eval[float64](t, b, `document.querySelector(".toc").getBoundingClientRect().top`); top < -1 || top > 1 {
		t.Errorf("scrolled down the text, the table of contents is %.0f px from the top of the window, want 0", top)
	}
}

// TestComparisonWide compares two regions and two versions at 1280 px: the two
// texts stand side by side over the whole width, each column over 500 px wide,
// headed by its region and version, and the heads stay in view as the reader
// scrolls; on a phone the texts stand one above the other, each with its label.
func TestComparisonWide(t *testing.T) {
	s := newSite(t, fixtureSite)
	for _, tt := range []struct {
		path   string
		aLabel string
		bLabel string
	}{
		{"/bandingkan?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama", "A: Kabupaten Contoh (fiktif), versi 2025 Perubahan", "B: Kota Uji, versi v1"},
		{"/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "A: Kabupaten Contoh (fiktif), versi 2024-01", "B: Kabupaten Contoh (fiktif), versi 2025 Perubahan"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, s.url(tt.path))
			a, bb := b.pageBox(t, ".pair .side-a"), b.pageBox(t, ".pair .side-b")
			for name, box := range map[string]box{"A": a, "B": bb} {
				if w := box.Right - box.Left; w <= 500 {
					t.Errorf("column %s is %.0f px wide, want more than 500", name, w)
				}
			}
			if a.Right > bb.Left || a.Top != bb.Top {
				t.Errorf("the columns are not side by side: A %+v, B %+v", a, bb)
			}
			wantText(t, b, ".cols-head p:first-child", tt.aLabel)
			wantText(t, b, ".cols-head p:last-child", tt.bLabel)
			eval[bool](t, b, `(window.scrollTo(0, document.body.scrollHeight), true)`)
			if top := eval[float64](t, b, `document.querySelector(".cols-head").getBoundingClientRect().top`); top < -1 || top > 1 {
				t.Errorf("scrolled to the end, the column heads are %.0f px from the top of the window, want 0", top)
			}
			b.axe(t)

			phoneTab := newBrowser(t, phone)
			phoneTab.open(t, s.url(tt.path))
			a, bb = phoneTab.pageBox(t, ".pair .side-a"), phoneTab.pageBox(t, ".pair .side-b")
			if bb.Top < a.Bottom {
				t.Errorf("on a phone the texts are not one above the other: A %+v, B %+v", a, bb)
			}
			if phoneTab.displayed(t, ".cols-head") || !phoneTab.displayed(t, ".pair .side-a .side-label") {
				t.Error("on a phone the texts are labelled by the column heads, not each by its own label")
			}
			wantText(t, phoneTab, ".pair .side-a .side-label", tt.aLabel)
			wantText(t, phoneTab, ".pair .side-b .side-label", tt.bLabel)
			phoneTab.fitsWidth(t)
		})
	}
}

// TestComparePickersOfferEverything opens the comparison page empty and with a
// comparison: no error on the empty form, and both pickers offer every version
// of every policy that the API lists, whatever is chosen, each labelled region
// and version first, so that the two closed pickers read differently.
func TestComparePickersOfferEverything(t *testing.T) {
	s := newSite(t, fixtureSite)
	want := apiVersions(t, s)
	b := newBrowser(t, phone)
	b.open(t, s.url("/bandingkan"))
	if n := b.count(t, `main [role="alert"], main .error-box`); n != 0 {
		t.Errorf("the empty form shows %d errors", n)
	}
	for _, path := range []string{"/bandingkan", "/bandingkan?a=contoh/kebijakan-uji@2024-01&b=kota-uji/aturan-lama", "/bandingkan?a=contoh/peraturan-uji@v1&b=contoh/peraturan-uji"} {
		b.open(t, s.url(path))
		for _, picker := range []string{"#cmp_a", "#cmp_b"} {
			got := eval[[]string](t, b, `[...document.querySelectorAll(`+jsString(picker+" option")+`)].map(o => o.value).filter(v => v)`)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s offers %v, want every version: %v", path, picker, got, want)
			}
		}
	}
	a := eval[string](t, b, `document.querySelector("#cmp_a").selectedOptions[0].label`)
	bl := eval[string](t, b, `document.querySelector("#cmp_b").selectedOptions[0].label`)
	if !strings.HasPrefix(a, "Kabupaten Contoh · versi v1 · ") || !strings.HasPrefix(bl, "Kabupaten Contoh · versi v2 (berlaku) · ") {
		t.Errorf("the chosen versions read %q and %q, want region and version first, the version in force marked", a, bl)
	}
}

// apiVersions lists every version of the site as REGION/POLICY@VERSION, sorted,
// from the API.
func apiVersions(t *testing.T, s *testSite) []string {
	t.Helper()
	var regions struct {
		Regions []struct{ Slug string } `json:"regions"`
	}
	getJSON(t, s, "/api/v1/regions", &regions)
	var out []string
	for _, r := range regions.Regions {
		var region struct {
			Policies []struct{ Slug string } `json:"policies"`
		}
		getJSON(t, s, "/api/v1/regions/"+r.Slug, &region)
		for _, p := range region.Policies {
			var policy struct {
				Versions []struct{ Version string } `json:"versions"`
			}
			getJSON(t, s, "/api/v1/policies/"+r.Slug+"/"+p.Slug, &policy)
			for _, v := range policy.Versions {
				out = append(out, r.Slug+"/"+p.Slug+"@"+v.Version)
			}
		}
	}
	slices.Sort(out)
	return out
}

func getJSON(t *testing.T, s *testSite, path string, v any) {
	t.Helper()
	res, err := http.Get(s.url(path))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("%s answers %d", path, res.StatusCode)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// box is where an element is on the page, in CSS pixels from the top left of
// the document.
type box struct{ Top, Bottom, Left, Right float64 }

// pageBox returns the box of the first element that sel finds.
func (b *browser) pageBox(t testing.TB, sel string) box {
	t.Helper()
	return eval[box](t, b, `(() => {
		const el = document.querySelector(`+jsString(sel)+`);
		if (!el) throw new Error("no element matches " + `+jsString(sel)+`);
		const r = el.getBoundingClientRect();
		return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Left: r.left + scrollX, Right: r.right + scrollX};
	})()`)
}

// TestTablesFitPhone opens every kind of page at 360 px: every table shows all
// its columns, without a part hidden to scroll to.
func TestTablesFitPhone(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	tables := 0
	for _, p := range fixturePages {
		t.Run(p.name, func(t *testing.T) {
			b.openKind(t, s, p)
			type table struct {
				Text        string
				Width, Room float64
			}
			// A table's width is that of its content, which it scrolls when it is
			// a block; its room is its own box's, or its parent's when it is wider.
			for _, tb := range eval[[]table](t, b, `[...document.querySelectorAll("main table")].map(t => ({
				Text: t.textContent.trim().replace(/\s+/g, " ").slice(0, 40),
				Width: Math.max(t.scrollWidth, t.getBoundingClientRect().width),
				Room: Math.min(t.clientWidth || Infinity, t.parentElement.clientWidth),
			}))`) {
				tables++
				if tb.Width > tb.Room+1 {
					t.Errorf("the table %q is %.0f px wide in %.0f px: part of it is hidden", tb.Text, tb.Width, tb.Room)
				}
			}
		})
	}
	if tables == 0 {
		t.Error("no page has a table: the test checks nothing")
	}
}
