package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"naskah/internal/legal"
)

// jdihnRecord holds the fields of a JDIHN record that this test checks.
type jdihnRecord struct {
	IDData, Judul, Status, URLDetailPeraturan, TEUBadan string
}

// TestJDIHNFeed reads the JDIHN feed as the network's web tools do, from a
// page of another origin, and follows each record to its policy's page: the
// page names the instrument as the record does and agrees on its status. The
// fictional region's instruments stay out.
func TestJDIHNFeed(t *testing.T) {
	s := newSiteOn(t, fixtureSite, legal.Date{Year: 2026, Month: 6, Day: 1})
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!doctype html><html lang=id><title>Portal lain</title><p>Portal lain</p></html>")
	}))
	t.Cleanup(elsewhere.Close)
	b := newBrowser(t)
	b.open(t, elsewhere.URL)
	expr := fmt.Sprintf(`fetch(%s).then(r => r.json()).then(rs => rs.map(r => ({
		IDData: r.idData, Judul: r.judul, Status: r.status, URLDetailPeraturan: r.urlDetailPeraturan, TEUBadan: r.teuBadan})))`,
		jsString(s.url("/jdihn.json")))
	records := run(t, b, "fetching the feed from another origin", chromedp.Evaluate[[]jdihnRecord](expr, chromedp.EvalAwaitPromise, chromedp.EvalAsValue))
	if len(records) != 2 {
		t.Fatalf("the feed has %d records, want the two instruments of Kota Uji: %+v", len(records), records)
	}
	for _, rec := range records {
		if strings.HasPrefix(rec.IDData, "contoh/") {
			t.Errorf("record %s is of the fictional region", rec.IDData)
		}
		if rec.TEUBadan != "Uji.Kota Uji" {
			t.Errorf("record %s: teuBadan %q", rec.IDData, rec.TEUBadan)
		}
		path, ok := strings.CutPrefix(rec.URLDetailPeraturan, fixtureBase)
		if !ok {
			t.Fatalf("record %s: urlDetailPeraturan %q is not on the site", rec.IDData, rec.URLDetailPeraturan)
		}
		b.open(t, s.url(path))
		wantText(t, b, ".designation", rec.Judul)
		status := map[string]string{"Berlaku": "Berlaku", "Tidak Berlaku": "Dicabut"}[rec.Status]
		wantText(t, b, ".meta", status)
	}
}
