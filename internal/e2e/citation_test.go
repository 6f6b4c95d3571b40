package e2e

import (
	"context"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCitationSearch types the citation of an ayat into the home page's
// search box on a phone, as a lawyer who knows what to read would, and goes
// straight there: the results offer the way at the top, the Pasal comes
// first, and the link lands on the ayat of the version that is that
// instrument, though another is now in force.
func TestCitationSearch(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/"))
	const cite = "Pasal 4 ayat (2) Perbup Contoh 4/2024"
	b.do(t, "typing a citation", chromedp.SendKeys(chromedp.CSS("#q"), cite))
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS("#q"))); err != nil {
		t.Fatalf("submitting the search: %v", err)
	}
	if loc := b.location(t); loc.Path != "/cari" || loc.Query().Get("q") != cite {
		t.Fatalf("search went to %s", loc)
	}
	wantText(t, b, "#langsung", "Langsung ke Pasal 4 ayat (2) Peraturan Bupati Contoh Nomor 4 Tahun 2024 tentang Pengadaan Pegawai", "Tidak berlaku (diganti)")
	if !b.displayed(t, "#langsung a.direct-link") {
		t.Fatal("the way straight to the ayat is not shown")
	}
	if top := eval[float64](t, b, `document.querySelector("#langsung").getBoundingClientRect().bottom`); top > float64(b.vp.height) {
		t.Errorf("the way straight to the ayat is below the fold of the phone (%v px)", top)
	}
	wantText(t, b, ".hits > li:first-child .hit-title", "Pengadaan Pegawai", "Pasal 4")
	wantText(t, b, ".hits > li:first-child", "versi v1", "(2) Seleksi kompetensi bidang")
	b.fitsWidth(t)
	b.follow(t, "#langsung a.direct-link")
	if loc := b.location(t); loc.Path != "/contoh/pengadaan-pegawai/v1/" || loc.Fragment != "pasal-4-ayat-2" {
		t.Fatalf("the way straight there led to %s", loc)
	}
	if !eval[bool](t, b, `document.querySelector("#pasal-4-ayat-2").matches(":target")`) {
		t.Error("the ayat cited is not the page's target")
	}
	wantText(t, b, "#pasal-4-ayat-2", "Seleksi kompetensi bidang")
}

// TestCitationOfAnInstrument cites an instrument without a unit, as people
// type it: the results lead straight to the instrument's page.
func TestCitationOfAnInstrument(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/cari?q="+url.QueryEscape("perbup contoh nomor 4 tahun 2024")))
	wantText(t, b, "#langsung", "Peraturan Bupati Contoh Nomor 4 Tahun 2024 tentang Pengadaan Pegawai")
	b.fitsWidth(t)
	b.follow(t, "#langsung a.direct-link")
	if loc := b.location(t); loc.Path != "/contoh/pengadaan-pegawai/v1/" || loc.Fragment != "" {
		t.Fatalf("the way straight there led to %s", loc)
	}
	wantText(t, b, ".designation", "Peraturan Bupati Contoh Nomor 4 Tahun 2024")
}

// TestPenjelasanFindsPasal searches a word that only the penjelasan of Pasal
// 4 holds: the hit is Pasal 4, and it leads there.
func TestPenjelasanFindsPasal(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/cari?q=dilamar"))
	wantText(t, b, ".hits > li:first-child .hit-title", "Pengadaan Pegawai", "Pasal 4")
	wantText(t, b, ".hits > li:first-child", "Penjelasan Pasal 4: ", "dilamar")
	b.follow(t, ".hits > li:first-child a.hit-title")
	if loc := b.location(t); loc.Path != "/contoh/pengadaan-pegawai/" || loc.Fragment != "pasal-4" {
		t.Fatalf("the hit led to %s", loc)
	}
}
