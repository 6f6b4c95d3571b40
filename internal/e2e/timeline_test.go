package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTimeline reads the fixture's version history on a phone: below the
// table, the Lini masa puts every step of the policy on a dated line, in
// order, with what is still to come said in words; the form under it asks the
// server for the version in force on a day and lands on that version's page,
// or on a page that says why there is none.
func TestTimeline(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/kebijakan-uji/versi/"))
	wantText(t, b, "h2#lini_masa", "Lini masa")
	wantText(t, b, "ol.timeline",
		"1 Maret 2021", "Versi 2024-01 dilaksanakan dengan", "Peraturan Wali Kota Uji Nomor 7 Tahun 2021",
		"Januari 2024", "Versi 2024-01 mulai berlaku",
		"3 Maret 2025", "Versi 2025 Perubahan ditetapkan",
		"4 Maret 2025", "Versi 2025 Perubahan diundangkan",
		"6 Maret 2025", "Versi 2025 Perubahan mulai berlaku",
		"1 September 2025", "Rancangan versi 2025-09 direncanakan mulai berlaku",
		"Status di halaman ini dihitung per tanggal ini",
		"1 Januari 2099", "Versi 2026 Perubahan Kedua mulai berlaku", "akan datang")
	order := eval[[]string](t, b, `[...document.querySelectorAll("ol.timeline time")].map(e => e.getAttribute("datetime"))`)
	for i := 1; i < len(order); i++ {
		if order[i] < order[i-1] {
			t.Errorf("the timeline is out of order: %s after %s", order[i], order[i-1])
		}
	}
	if n := b.count(t, "ol.timeline .event-future"); n != 1 {
		t.Errorf("%d events are to come, want 1 (the version of 2099)", n)
	}
	b.fitsWidth(t)

	b.onDay(t, "2025-03-06", 200)
	wantPage(t, b, "/contoh/kebijakan-uji/2025-03/", "Kebijakan Uji Kepegawaian")
	wantText(t, b, ".meta", "2025 Perubahan")

	b.open(t, s.url("/contoh/kebijakan-uji/versi/"))
	b.onDay(t, "2099-06-01", 200)
	wantPage(t, b, "/contoh/kebijakan-uji/2099-01/", "Kebijakan Uji Kepegawaian")

	b.open(t, s.url("/contoh/kebijakan-uji/versi/"))
	b.onDay(t, "2023-12-31", 404)
	wantText(t, b, "main h1", "Tidak ada versi yang berlaku pada 31 Desember 2023")
	wantText(t, b, "main .banner-draft", "belum berlaku", "mulai berlaku pada Januari 2024")
	b.fitsWidth(t)
	b.onDay(t, "2024-02-01", 200) // the form again, on the page that says why
	wantPage(t, b, "/contoh/kebijakan-uji/2024-01/", "Kebijakan Uji Kepegawaian")
}

// TestRevokedOnADay asks for a revoked policy on a day after its revocation:
// the page names the day and the revoking instrument, and leads to it.
func TestRevokedOnADay(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url("/kota-uji/aturan-lama/versi/"))
	wantText(t, b, "ol.timeline", "1 Maret 2021", "Dicabut dengan", "Peraturan Wali Kota Uji Nomor 7 Tahun 2021")
	b.onDay(t, "2022-01-01", 404)
	wantText(t, b, "main .banner-revoked", "Pada 1 Januari 2022 kebijakan ini sudah dicabut.", "sejak 1 Maret 2021", "Dicabut dengan")
	b.follow(t, "main .banner-revoked a")
	wantPage(t, b, "/kota-uji/aturan-pengganti/v1/", "Aturan Pengganti")
}

// onDay fills in the day form of the page with day (YYYY-MM-DD), sends it,
// and fails unless the page it leads to answers status.
func (b *browser) onDay(t testing.TB, day string, status int) {
	t.Helper()
	b.do(t, "choosing "+day, chromedp.SetValue(chromedp.CSS("#pada_tanggal"), day))
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".day-form button"), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("sending the day %s: %v", day, err)
	}
	if resp.Status != int64(status) {
		t.Fatalf("the day %s led to %s with status %d, want %d", day, resp.URL, resp.Status, status)
	}
}
