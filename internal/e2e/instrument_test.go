package e2e

import (
	"testing"

	"naskah/internal/legal"
)

// shippedNow is the day the shipped content is built as of in these tests:
// version v3 of Kabupaten Contoh's policy is still to come.
var shippedNow = legal.Date{Year: 2026, Month: 12, Day: 1}

// TestInstrumentPage reads the fictional example's policy in force as a reader
// on a phone would: the page says the region is fictional, carries the
// designation, status and date near the top, keeps the other legal facts and
// the abstract folded until asked, and fits the screen.
func TestInstrumentPage(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/kebijakan-manajemen-asn/"))
	wantText(t, b, ".banner-fictional", "Contoh fiktif", "Kabupaten Contoh tidak ada")
	wantText(t, b, ".designation", "Peraturan Bupati Contoh Nomor 12 Tahun 2025 tentang Manajemen Aparatur Sipil Negara")
	wantText(t, b, ".meta-key", "Berlaku", "per 1 Desember 2026", "v2", "1 Juli 2025")
	if b.displayed(t, ".policy-details .meta") {
		t.Error("the legal details are open on a phone before the reader asks for them")
	}
	b.unfold(t)
	wantText(t, b, ".policy-details .meta", "16 Juni 2025", "17 Juni 2025", "Berita Daerah Kabupaten Contoh Tahun 2025 Nomor 12", "Bupati Contoh")
	if b.displayed(t, ".abstract p") {
		t.Error("the abstract is open before the reader asks for it")
	}
	b.click(t, ".abstract summary")
	if !b.displayed(t, ".abstract p") {
		t.Error("the abstract does not open")
	}
	wantText(t, b, ".abstract p", "Dasar Hukum")
	wantText(t, b, ".relations", "Dilaksanakan dengan", "Peraturan Bupati Contoh Nomor 9 Tahun 2025")
	b.fitsWidth(t)
}

// TestScheduledVersion opens a version still to come: it says from when it
// applies and leads to the version in force.
func TestScheduledVersion(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t)
	b.open(t, s.url("/contoh/kebijakan-manajemen-asn/v3/"))
	wantText(t, b, ".policy-head .banner", "Versi v3 baru berlaku mulai 1 Juli 2027")
	wantText(t, b, ".meta", "Akan berlaku")
	b.follow(t, ".policy-head .banner a")
	if got := b.location(t).Path; got != "/contoh/kebijakan-manajemen-asn/v2/" {
		t.Fatalf("the scheduled version's banner led to %s, want the version in force", got)
	}
	wantText(t, b, ".meta", "Berlaku")
}

// TestRevokedPolicyAndRevoker goes from a policy another instrument revoked to
// the revoking instrument and back: each names the other, in its own words.
func TestRevokedPolicyAndRevoker(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/pedoman-jam-kerja-lama/"))
	wantText(t, b, ".banner-revoked", "Kebijakan ini telah dicabut dengan", "Peraturan Bupati Contoh Nomor 9 Tahun 2025", "sejak 1 Oktober 2025")
	wantText(t, b, ".meta", "Dicabut")
	b.unfold(t)
	wantText(t, b, ".relations", "Dicabut dengan")
	b.follow(t, ".banner-revoked a")
	if got := b.location(t).Path; got != "/contoh/pedoman-jam-kerja/v1/" {
		t.Fatalf("the revocation banner led to %s", got)
	}
	b.unfold(t)
	wantText(t, b, ".relations", "Mencabut", "Peraturan Bupati Contoh Nomor 5 Tahun 2019", "Melaksanakan", "Terkait", "Undang-Undang Nomor 20 Tahun 2023")
	b.follow(t, `.relations a[href="/contoh/pedoman-jam-kerja-lama/"]`)
	wantText(t, b, ".meta", "Dicabut")
	b.fitsWidth(t)
}

// unfold opens the legal details of the version page in the tab, which a phone
// shows folded; on a wide screen they are open already.
func (b *browser) unfold(t testing.TB) {
	t.Helper()
	if b.displayed(t, ".policy-details > summary") {
		b.click(t, ".policy-details > summary")
	}
	if !b.displayed(t, ".policy-details .meta") {
		t.Fatal("the legal details do not open")
	}
}
