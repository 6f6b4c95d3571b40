package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOriginalAndImages reads a version with an original and an image on a
// phone, on its own page and on its policy's page: the image is drawn on both,
// the link to the original answers with the PDF, and the page states the
// fingerprint of the very file it links and that the HTML text is not the
// official one, all within the screen's width.
func TestOriginalAndImages(t *testing.T) {
	s := newSite(t, fixtureSite)
	pdf, err := os.ReadFile(filepath.Join(fixtureSite, "contoh/kebijakan-uji/2025-03.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(pdf)
	b := newBrowser(t, phone)
	for _, tt := range []struct{ page, image string }{
		{"/contoh/kebijakan-uji/2025-03/", "/contoh/kebijakan-uji/2025-03/bagan-pelatihan.svg"},
		{"/contoh/kebijakan-uji/", "/contoh/kebijakan-uji/2025-03/bagan-pelatihan.svg"},
		{"/kota-uji/aturan-pengganti/v1/", "/kota-uji/aturan-pengganti/v1/peta.png"},
		{"/kota-uji/aturan-pengganti/", "/kota-uji/aturan-pengganti/v1/peta.png"},
	} {
		t.Run(tt.page, func(t *testing.T) {
			b.open(t, s.url(tt.page))
			if w := b.imageWidth(t, `.prose img[src="`+tt.image+`"]`); w <= 0 {
				t.Errorf("the image %s is not drawn (naturalWidth %d)", tt.image, w)
			}
			b.fitsWidth(t)
		})
	}
	for _, page := range []string{"/contoh/kebijakan-uji/2025-03/", "/contoh/kebijakan-uji/"} {
		b.open(t, s.url(page))
		wantText(t, b, ".original", "Naskah asli (PDF, 924 bita)", "Teks HTML ini bukan naskah resmi; yang sah adalah naskah asli yang ditandatangani.")
		b.unfold(t)
		if got := b.text(t, ".policy-details .hash code"); got != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: SHA-256 shown %q, want %x", page, got, sum)
		}
		if got := b.fetchLink(t, ".original-link"); got != "200 application/pdf 924" {
			t.Errorf("%s: the original's link answers %q, want 200 application/pdf of 924 bytes", page, got)
		}
	}
}

// TestShippedDiagram: the fictional example's regulation in force shows its
// diagram and its original on a phone.
func TestShippedDiagram(t *testing.T) {
	s := newSiteOn(t, shippedContent, shippedNow)
	b := newBrowser(t, phone)
	b.open(t, s.url("/contoh/kebijakan-manajemen-asn/"))
	if w := b.imageWidth(t, `.prose img[src="/contoh/kebijakan-manajemen-asn/v2/alur-perencanaan.svg"]`); w <= 0 {
		t.Errorf("the diagram is not drawn (naturalWidth %d)", w)
	}
	if got := b.fetchLink(t, ".original-link"); len(got) < 20 || got[:20] != "200 application/pdf " {
		t.Errorf("the original's link answers %q", got)
	}
	b.fitsWidth(t)
}

// imageWidth is the natural width of the image sel once it has loaded or
// failed to: 0 for an image the browser could not draw, -1 for no such image.
func (b *browser) imageWidth(t testing.TB, sel string) int {
	t.Helper()
	return run(t, b, "loading "+sel, chromedp.Evaluate[int](`(async () => {
		const img = document.querySelector(`+jsString(sel)+`);
		if (!img) return -1;
		if (!img.complete) await new Promise(done => { img.addEventListener("load", done); img.addEventListener("error", done); });
		return img.naturalWidth;
	})()`, chromedp.EvalAwaitPromise))
}

// fetchLink fetches the href of the link sel from the page and returns the
// answer's status, content type and length in bytes.
func (b *browser) fetchLink(t testing.TB, sel string) string {
	t.Helper()
	return run(t, b, "fetching "+sel, chromedp.Evaluate[string](`(async () => {
		const a = document.querySelector(`+jsString(sel)+`);
		if (!a) return "no link";
		const r = await fetch(a.href);
		const body = await r.arrayBuffer();
		return r.status + " " + r.headers.get("content-type") + " " + body.byteLength;
	})()`, chromedp.EvalAwaitPromise))
}
