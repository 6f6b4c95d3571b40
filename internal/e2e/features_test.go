package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSearch types a query into the home page's search box, gets results, and
// follows a hit to its section.
func TestSearch(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/"))
	b.do(t, "typing a query", chromedp.SendKeys(chromedp.CSS("#q"), "pelatihan"))
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS("#q"))); err != nil {
		t.Fatalf("submitting the search: %v", err)
	}
	if loc := b.location(t); loc.Path != "/cari" || loc.Query().Get("q") != "pelatihan" {
		t.Fatalf("search went to %s", loc)
	}
	if n := b.count(t, ".hits > li"); n == 0 {
		t.Fatal("no hits for pelatihan")
	}
	wantText(t, b, ".hits", "Kebijakan Uji Kepegawaian")
	if b.count(t, ".hits mark") == 0 {
		t.Error("no match is marked in the fragments")
	}
	b.fitsWidth(t)
	b.follow(t, ".hits a.hit-title")
	loc := b.location(t)
	if loc.Path != "/contoh/kebijakan-uji/" || loc.Fragment == "" {
		t.Fatalf("the hit led to %s, want a section of the policy in force", loc)
	}
	if b.count(t, "#"+loc.Fragment) != 1 {
		t.Errorf("the page has no element #%s", loc.Fragment)
	}
}

// TestCompare opens a comparison from a policy page: side by side, what the old
// version lost marked in its column and what the new one gained in its own;
// then switches to the word diff and follows a section's link into one of the
// two documents.
func TestCompare(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url("/contoh/kebijakan-uji/"))
	b.follow(t, `.policy-foot a[href^="/bandingkan?"]`)
	if loc := b.location(t); loc.Path != "/bandingkan" || loc.Query().Get("a") == "" || loc.Query().Get("b") == "" {
		t.Fatalf("compare link went to %s", loc)
	}
	if b.count(t, ".diff-side .diff-a del") == 0 || b.count(t, ".diff-side .diff-b ins") == 0 {
		t.Error("the side-by-side view marks no deletion in A or insertion in B")
	}
	if b.count(t, ".diff-side .diff-a ins")+b.count(t, ".diff-side .diff-b del") != 0 {
		t.Error("a column marks what belongs to the other")
	}
	wantText(t, b, ".diff-stats", "Kata ditambahkan")
	wantText(t, b, ".legend", "dicoret", "bergaris bawah")
	b.follow(t, `.views a[href*="view=kata"]`)
	if b.count(t, ".diff ins") == 0 || b.count(t, ".diff del") == 0 || b.count(t, ".diff-side") != 0 {
		t.Fatal("the word diff is not one text with insertions and deletions")
	}
	b.axe(t)
	b.follow(t, `.pair-changed .item-meta a[href*="#"]`)
	loc := b.location(t)
	if !strings.HasPrefix(loc.Path, "/contoh/kebijakan-uji/") || loc.Fragment == "" || b.count(t, "#"+loc.Fragment) != 1 {
		t.Errorf("the section link led to %s", loc)
	}
}

// TestChangePage reads the change page of a version: the summary and marked
// changes, reached from the version history.
func TestChangePage(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/kebijakan-uji/versi/"))
	b.follow(t, `table.history a[href$="/perubahan/"]`)
	wantText(t, b, "main h1", "Perubahan pada versi")
	wantText(t, b, ".diff-stats", "Bagian berubah", "Kata ditambahkan", "Kata dihapus")
	// Changes are told by more than colour: the hidden words are read out.
	wantText(t, b, ".diff del", "[dihapus:]")
	b.fitsWidth(t)
}

// TestOldAnchorOnCurrentVersion opens the policy in force at the anchor of a section
// that only an older version has: the page says so and links to that version.
func TestOldAnchorOnCurrentVersion(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url("/contoh/kebijakan-uji/#penutup"))
	b.do(t, "waiting for the notice", chromedp.WaitVisible(chromedp.CSS("#pindah")))
	wantText(t, b, "#pindah", "tidak ada lagi di versi yang berlaku", "2024-01")
	b.follow(t, "#pindah a")
	if loc := b.location(t); loc.Path != "/contoh/kebijakan-uji/2024-01/" || loc.Fragment != "penutup" {
		t.Errorf("the notice led to %s", loc)
	}
}
