package e2e

import (
	"strings"
	"testing"
)

// TestRegulation reads the fictional example's regulation on a phone as a
// lawyer would: the title block and the contents by BAB and Pasal, a
// reference in the text that leads to the ayat and huruf it names, a Pasal's
// penjelasan and the way back, and the citation of a unit, ready to copy from
// the menu that its ¶ opens.
func TestRegulation(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/pengadaan-pegawai/"))
	wantText(t, b, ".banner-fictional", "Contoh fiktif")
	wantText(t, b, ".reg-title", "PERATURAN BUPATI CONTOH", "NOMOR 8 TAHUN 2025", "TENTANG", "PENGADAAN PEGAWAI")
	// The long contents are folded on a phone until the reader opens them.
	if b.displayed(t, ".toc ol") {
		t.Error("the contents are open on a phone before the reader asks for them")
	}
	b.click(t, ".toc summary")
	wantText(t, b, ".toc", "BAB II PERENCANAAN DAN SELEKSI", "Pasal 4A", "Penjelasan")
	wantText(t, b, "#pasal-6", "Dihapus.")
	if b.count(t, "#pasal-6.unit-deleted") != 1 {
		t.Error("Pasal 6, deleted, is not marked so")
	}
	b.click(t, `#pasal-4a a.ref[href="#pasal-4-ayat-1-huruf-b"]`)
	if got := b.location(t).Fragment; got != "pasal-4-ayat-1-huruf-b" {
		t.Fatalf("the reference led to #%s", got)
	}
	wantText(t, b, "#pasal-4-ayat-1-huruf-b", "seleksi kompetensi dasar")
	if !eval[bool](t, b, `document.querySelector("#pasal-4-ayat-1-huruf-b").matches(":target")`) {
		t.Error("the ayat named is not the page's target")
	}
	b.click(t, `#pasal-2 > .unit-explained a`)
	if got := b.location(t).Fragment; got != "penjelasan-pasal-2" {
		t.Fatalf("Pasal 2's penjelasan link led to #%s", got)
	}
	b.click(t, `#penjelasan-pasal-2 > .unit-explained a`)
	if got := b.location(t).Fragment; got != "pasal-2" {
		t.Fatalf("the way back from the penjelasan led to #%s", got)
	}
	cite := eval[string](t, b, `JSON.parse(document.getElementById("kutipan").textContent).cite["pasal-4-ayat-1-huruf-b"]`)
	if want := "Pasal 4 ayat (1) huruf b Peraturan Bupati Contoh Nomor 8 Tahun 2025 tentang Pengadaan Pegawai"; !strings.HasPrefix(cite, want) {
		t.Errorf("the citation of huruf b is %q, want it to start %q", cite, want)
	}
	b.click(t, `#pasal-4-ayat-1-huruf-b > .pilcrow`)
	if !b.displayed(t, `#pasal-4-ayat-1-huruf-b > #salin_menu .salin-kutipan`) {
		t.Error("the item whose ¶ was followed shows no menu to copy its citation")
	}
	b.fitsWidth(t)
}

// TestRegulationLinkToAGoneUnit follows a link to a huruf that the version in
// force no longer has: it lands on the ayat that held it, which says so and
// leads to the version that had it.
func TestRegulationLinkToAGoneUnit(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/peraturan-uji/#pasal-4-ayat-2-huruf-c"))
	if got := b.location(t).Fragment; got != "pasal-4-ayat-2" {
		t.Errorf("the link to the gone huruf c landed on #%s, want the ayat that held it", got)
	}
	wantText(t, b, "#pindah", "tidak ada lagi", "v1")
	if !eval[bool](t, b, `document.querySelector("#pasal-4-ayat-2 > #pindah") !== null`) {
		t.Error("the notice is not beside the ayat it is about")
	}
	b.follow(t, "#pindah a")
	if got := b.location(t); got.Path != "/contoh/peraturan-uji/v1/" || got.Fragment != "pasal-4-ayat-2-huruf-c" {
		t.Errorf("the notice led to %s", got)
	}
	wantText(t, b, "#pasal-4-ayat-2-huruf-c", "wawancara")
}
