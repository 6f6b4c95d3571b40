package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSearchPageOnPhone searches on a 360 × 740 phone: the page has one search
// box, the filters fold behind one control so that the first hit's title is on
// the first screen, and the control opens them to narrow the search.
func TestSearchPageOnPhone(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/cari?q=pelatihan"))
	if n := b.count(t, `input[type="search"]`); n != 1 {
		t.Errorf("the search page has %d search boxes, want 1", n)
	}
	if r := b.rect(t, ".hits .hit-title"); r.Top < 0 || r.Bottom > 740 || r.Bottom > r.Height {
		t.Errorf("the first hit's title is at %.0f–%.0f px, want it within the first %.0f px", r.Top, r.Bottom, min(740, r.Height))
	}
	wantText(t, b, ".filter-panel summary", "Saring hasil")
	if b.displayed(t, "#f_region") {
		t.Error("on a phone the filters show before their control is opened")
	}
	b.click(t, ".filter-panel summary")
	for _, sel := range []string{"#f_region", "#f_tag", "#f_status", "#f_versions", ".filters-apply button"} {
		if !b.displayed(t, sel) {
			t.Errorf("the opened filter control does not show %s", sel)
		}
	}
	b.axe(t)
	b.fitsWidth(t)

	// Narrowing to a status: the search has it, and the control counts it.
	b.do(t, "choosing a status", chromedp.SetValue(chromedp.CSS("#f_status"), "berlaku"))
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".filters-apply button"), chromedp.NodeVisible)); err != nil {
		t.Fatalf("applying the filters: %v", err)
	}
	loc := b.location(t)
	if q := loc.Query(); q.Get("status") != "berlaku" || q.Get("q") != "pelatihan" {
		t.Fatalf("the filters led to %s", loc)
	}
	if b.count(t, ".hits > li") == 0 {
		t.Fatalf("no hits at %s", loc)
	}
	wantText(t, b, ".filter-panel summary", "Saring hasil (1 aktif)")
}

// TestSearchPageDesktop checks that a wide screen shows the filters without
// their control, and keeps the header's search box on other pages.
func TestSearchPageDesktop(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url("/cari?q=pelatihan"))
	if !b.displayed(t, "#f_region") {
		t.Error("at 1280 px the filters are folded")
	}
	if b.displayed(t, ".filter-panel summary") {
		t.Error("at 1280 px the filters' control shows, though they are open")
	}
	b.open(t, s.url("/contoh/"))
	if !b.displayed(t, "#q_situs") {
		t.Error("a page without a search box of its own lacks the header's")
	}
}

// TestSearchPageWaysOut opens a page past the last and a search whose filter
// leaves no hits, and follows what each offers.
func TestSearchPageWaysOut(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/cari?q=pelatihan&page=99"))
	wantText(t, b, "#hasil", "Halaman 99 melewati hasil terakhir: ada 2 hasil dalam 1 halaman")
	b.follow(t, "a.last-page")
	if got := b.location(t).Query().Get("page"); got != "1" {
		t.Errorf("the last page's link led to page %q, want 1", got)
	}
	if b.count(t, ".hits > li") != 2 {
		t.Errorf("the last page shows %d hits, want 2", b.count(t, ".hits > li"))
	}

	b.open(t, s.url("/cari?q=pelatihan&status=diganti"))
	wantText(t, b, "#jalan_keluar", "Filter Status “Tidak berlaku (diganti)” membuat hasilnya kosong.")
	b.follow(t, "#jalan_keluar a")
	if q := b.location(t).Query(); q.Has("status") || q.Get("q") != "pelatihan" {
		t.Errorf("dropping the status led to %s", b.location(t))
	}
	if b.count(t, ".hits > li") == 0 {
		t.Error("the search without the status has no hits")
	}
}

// screenBox is where an element is on the screen, and the height of the
// viewport.
type screenBox struct {
	Top, Bottom, Height float64
}

// rect returns where the first element that sel finds is, relative to the
// viewport.
func (b *browser) rect(t testing.TB, sel string) screenBox {
	t.Helper()
	return eval[screenBox](t, b, `(() => {
		const el = document.querySelector(`+jsString(sel)+`);
		if (!el) throw new Error("no element matches " + `+jsString(sel)+`);
		const r = el.getBoundingClientRect();
		return {Top: r.top, Bottom: r.bottom, Height: window.innerHeight};
	})()`)
}
