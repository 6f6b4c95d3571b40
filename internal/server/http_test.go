package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	cmpTarget    = "/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji@2025-03"
	cmpAPITarget = "/api/v1/compare?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji@2025-03"
)

// assetURL returns the fingerprinted stylesheet the home page links.
func assetURL(t *testing.T, s *Server) string {
	t.Helper()
	_, page := get(t, s, "GET", "/")
	i := strings.Index(page, "/assets/naskah.")
	if i < 0 {
		t.Fatal("home page links no stylesheet")
	}
	return page[i : i+strings.Index(page[i:], `"`)]
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t)
	for _, tt := range []struct{ method, target string }{
		{"GET", "/"}, {"GET", "/contoh/feed.xml"}, {"GET", assetURL(t, s)}, {"GET", "/tidak-ada/"},
		{"GET", "/cari?q=pelatihan"}, {"GET", cmpTarget}, {"GET", "/healthz"}, {"POST", "/"},
		{"GET", "/api/v1/regions"}, {"GET", "/api/v1/search?q=pelatihan"}, {"GET", "/api/v1/search"},
		{"GET", "/api/v1/openapi.json"}, {"OPTIONS", "/api/v1/search"}, {"HEAD", "/contoh"},
	} {
		res, _ := get(t, s, tt.method, tt.target)
		h := res.Header
		if got := h.Get("Content-Security-Policy"); got != csp || strings.Contains(got, "unsafe-inline") {
			t.Errorf("%s %s: Content-Security-Policy = %q", tt.method, tt.target, got)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s %s: no frame-ancestors", tt.method, tt.target)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s %s: security headers %v", tt.method, tt.target, h)
		}
	}
}

// TestFilesBesideVersions: an original and the images of a version are served
// with their types; an SVG, which a browser opened on it treats as a
// document, in a sandbox without script, and never sniffed as anything else.
func TestFilesBesideVersions(t *testing.T) {
	s := newTestServer(t)
	const sandbox = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
	for _, tt := range []struct{ target, ctype, csp, start string }{
		{"/contoh/kebijakan-uji/2025-03/2025-03.pdf", "application/pdf", csp, "%PDF-"},
		{"/contoh/kebijakan-uji/2025-03/bagan-pelatihan.svg", "image/svg+xml", sandbox, "<svg"},
		{"/kota-uji/aturan-pengganti/v1/peta.png", "image/png", csp, "\x89PNG"},
		{"/contoh/kebijakan-uji/2025-03/qr.svg", "image/svg+xml", sandbox, ""},
	} {
		for _, method := range []string{"GET", "HEAD"} {
			res, body := get(t, s, method, tt.target, "Accept-Encoding", "gzip")
			h := res.Header
			if res.StatusCode != 200 || h.Get("Content-Type") != tt.ctype {
				t.Errorf("%s %s: %d %s", method, tt.target, res.StatusCode, h.Get("Content-Type"))
			}
			if got := h.Get("Content-Security-Policy"); got != tt.csp {
				t.Errorf("%s %s: Content-Security-Policy = %q, want %q", method, tt.target, got, tt.csp)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s %s: no nosniff", method, tt.target)
			}
			if h.Get("Content-Encoding") == "" && method == "GET" && !strings.HasPrefix(body, tt.start) {
				t.Errorf("%s %s: body starts %q", method, tt.target, body[:min(len(body), 8)])
			}
		}
	}
}

func TestCacheControl(t *testing.T) {
	s := newTestServer(t)
	tests := []struct{ target, want string }{
		{"/", "no-cache"},
		{"/contoh/kebijakan-uji/", "no-cache"},
		{assetURL(t, s), "public, max-age=31536000, immutable"},
		{"/contoh/feed.xml", "public, max-age=300"},
		{"/sitemap.xml", "public, max-age=300"},
		{"/tidak-ada/", "no-store"},
		{"/healthz", "no-store"},
		{"/cari?q=pelatihan", "no-store"},
		{cmpTarget, "no-cache"},
		{"/bandingkan?a=contoh/x&b=contoh/kebijakan-uji", "no-store"},
		{"/api/v1/search?q=pelatihan", "no-store"},
		{"/api/v1/compare?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "no-cache"},
		{"/api/v1/regions", "no-cache"},
		{"/api/v1/regions/tidak-ada", "no-store"},
		{"/api/v1/openapi.json", "no-cache"},
	}
	for _, tt := range tests {
		res, _ := get(t, s, "GET", tt.target)
		if got := res.Header.Get("Cache-Control"); got != tt.want {
			t.Errorf("%s: Cache-Control = %q, want %q", tt.target, got, tt.want)
		}
	}
}

// TestConditional asks for every kind of answer that has validators again, with
// each validator: a match gets 304 without a body, a mismatch the whole answer.
func TestConditional(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{
		"/", "/contoh/feed.xml", assetURL(t, s), cmpTarget, cmpAPITarget, "/api/v1/regions",
		"/api/v1/policies/contoh/kebijakan-uji/versions/2025-03", "/api/v1/openapi.json",
	} {
		for _, enc := range []string{"", "gzip"} {
			res, body := get(t, s, "GET", target, "Accept-Encoding", enc)
			etag, lm := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
			if res.StatusCode != 200 || !strings.HasPrefix(etag, `"`) || strings.HasPrefix(etag, "W/") {
				t.Fatalf("%s: %d, ETag %q", target, res.StatusCode, etag)
			}
			check := func(name, value string, want int) {
				t.Helper()
				res, got := get(t, s, "GET", target, "Accept-Encoding", enc, name, value)
				if res.StatusCode != want {
					t.Errorf("%s (%s) %s: %s: status %d, want %d", target, enc, name, value, res.StatusCode, want)
				}
				if want == 304 && (got != "" || res.Header.Get("ETag") != etag) {
					t.Errorf("%s: 304 with body %q, ETag %q", target, got, res.Header.Get("ETag"))
				}
				if want == 200 && got != body {
					t.Errorf("%s: second answer differs", target)
				}
			}
			check("If-None-Match", etag, 304)
			check("If-None-Match", `"lain", `+etag, 304)
			check("If-None-Match", "W/"+etag, 304)
			check("If-None-Match", `"lain"`, 200)
			if target == "/api/v1/openapi.json" {
				continue // embedded: no modification time
			}
			if lm == "" {
				t.Fatalf("%s: no Last-Modified", target)
			}
			check("If-Modified-Since", lm, 304)
			mod, _ := http.ParseTime(lm)
			check("If-Modified-Since", mod.Add(-time.Hour).Format(http.TimeFormat), 200)
		}
	}
}

func TestGzip(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{
		"/", assetURL(t, s), "/contoh/feed.xml", "/cari?q=pelatihan", cmpTarget, cmpAPITarget,
		"/api/v1/policies/contoh/kebijakan-uji/versions/2025-03", "/api/v1/openapi.json", "/tidak-ada/",
	} {
		res, plain := get(t, s, "GET", target)
		zres, zbody := get(t, s, "GET", target, "Accept-Encoding", "br, gzip;q=0.8")
		if res.Header.Get("Content-Encoding") != "" || zres.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: Content-Encoding %q without gzip, %q with", target,
				res.Header.Get("Content-Encoding"), zres.Header.Get("Content-Encoding"))
			continue
		}
		if zres.Header.Get("Vary") != "Accept-Encoding" || res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s: Vary = %q", target, zres.Header.Get("Vary"))
		}
		if zres.Header.Get("Content-Length") != strconv.Itoa(len(zbody)) {
			t.Errorf("%s: Content-Length %s for %d bytes", target, zres.Header.Get("Content-Length"), len(zbody))
		}
		if got := gunzip(t, zbody); got != plain || got == "" {
			t.Errorf("%s: gzip round trip differs", target)
		}
		if e := zres.Header.Get("ETag"); e != "" && e == res.Header.Get("ETag") {
			t.Errorf("%s: the gzip answer has the same strong ETag %s", target, e)
		}
		hres, hbody := get(t, s, "HEAD", target, "Accept-Encoding", "gzip")
		if hbody != "" || hres.Header.Get("Content-Encoding") != "gzip" || hres.Header.Get("Content-Length") != zres.Header.Get("Content-Length") {
			t.Errorf("%s: HEAD: body %d bytes, %v", target, len(hbody), hres.Header)
		}
	}
	for _, tt := range []struct{ target, accept string }{
		{"/healthz", "gzip"},               // tiny
		{"/robots.txt", "gzip"},            // tiny
		{"/api/v1/search", "gzip"},         // a tiny error
		{"/", "gzip;q=0"},                  // refused
		{"/", "identity"},                  // not offered
		{"/api/v1/regions", "deflate, br"}, // not offered
	} {
		res, _ := get(t, s, "GET", tt.target, "Accept-Encoding", tt.accept)
		if res.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s with Accept-Encoding %q: compressed", tt.target, tt.accept)
		}
	}
}

func gunzip(t *testing.T, body string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestCORS(t *testing.T) {
	s := newTestServer(t)
	res, _ := get(t, s, "GET", "/api/v1/regions", "Origin", "https://lain.example")
	if res.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(res.Header.Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("GET /api/v1/regions: CORS headers %v", res.Header)
	}
	res, _ = get(t, s, "GET", "/api/v1/tidak-ada")
	if res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("an API error lacks Access-Control-Allow-Origin")
	}
	if res, _ := get(t, s, "GET", "/"); res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("a page allows other origins")
	}
	res, body := get(t, s, "OPTIONS", "/api/v1/search?q=x",
		"Origin", "https://lain.example", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match")
	if res.StatusCode != 204 || body != "" || res.Header.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "GET") ||
		!strings.Contains(res.Header.Get("Access-Control-Allow-Headers"), "If-None-Match") {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
	if res, _ := get(t, s, "OPTIONS", "/cari"); res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("OPTIONS /cari: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
	if res, _ := get(t, s, "PUT", "/api/v1/regions"); res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD, OPTIONS" {
		t.Errorf("PUT /api/v1/regions: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
}

func TestRequestLimits(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		target string
		body   string
		status int
	}{
		{"/cari?q=" + strings.Repeat("a", maxQueryLength), "", 414},
		{"/api/v1/search?q=" + strings.Repeat("a", maxQueryLength), "", 414},
		{"/" + strings.Repeat("a", maxURLLength), "", 414},
		{"/api/v1/regions", "isi", 413},
		{"/", "isi", 413},
		{"/cari?q=" + strings.Repeat("a", 256), "", 200},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", "http://example"+tt.target, strings.NewReader(tt.body))
		req.RequestURI = req.URL.RequestURI()
		res, _ := serveRequest(s, req)
		if res.StatusCode != tt.status {
			t.Errorf("%s (body %q): %d, want %d", tt.target[:min(len(tt.target), 40)], tt.body, res.StatusCode, tt.status)
		}
	}
}

func serveRequest(h http.Handler, req *http.Request) (*http.Response, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestFileTypes(t *testing.T) {
	tests := []struct {
		name, ctype  string
		text         bool
		cacheControl string
	}{
		{"index.html", "text/html; charset=utf-8", true, "no-cache"},
		{"assets/naskah.1a2b3c4d.css", "text/css; charset=utf-8", true, cacheImmutable},
		{"assets/naskah.1a2b3c4d.js", "text/javascript; charset=utf-8", true, cacheImmutable},
		{"assets/naskah.css", "text/css; charset=utf-8", true, "public, max-age=3600"},
		{"assets/logo.1A2B3C4D.png", "image/png", false, "public, max-age=3600"},
		{"assets/huruf.0123abcd.woff2", "font/woff2", false, cacheImmutable},
		{"contoh/feed.xml", "application/atom+xml; charset=utf-8", true, "public, max-age=300"},
		{"sitemap.xml", "application/xml; charset=utf-8", true, "public, max-age=300"},
		{"robots.txt", "text/plain; charset=utf-8", true, "public, max-age=300"},
		{"berkas.tanpa-jenis", "application/octet-stream", false, "public, max-age=3600"},
	}
	for _, tt := range tests {
		ctype, text := fileType(tt.name)
		if ctype != tt.ctype || text != tt.text {
			t.Errorf("fileType(%s) = %q, %v; want %q, %v", tt.name, ctype, text, tt.ctype, tt.text)
		}
		if got := fileCache(tt.name); got != tt.cacheControl {
			t.Errorf("fileCache(%s) = %q, want %q", tt.name, got, tt.cacheControl)
		}
	}
}

func TestGzipCacheIsBounded(t *testing.T) {
	var c gzipCache
	big := bytes.Repeat([]byte("x"), gzipCacheSize/4)
	for i := range 10 {
		c.put(strconv.Itoa(i), `"e"`, big)
		if c.size > gzipCacheSize || c.size != len(c.files)*len(big) {
			t.Fatalf("after %d files: size %d with %d files", i+1, c.size, len(c.files))
		}
	}
	c.put("9", `"f"`, []byte("y"))
	if data, ok := c.get("9", `"f"`); !ok || string(data) != "y" {
		t.Error("a file put again is not the new one")
	}
	if _, ok := c.get("9", `"e"`); ok {
		t.Error("a stale validator hits the cache")
	}
}

// TestHTMLErrorsSayWhy: an HTML route's error other than 404 is the theme's error
// page with the reason, not the page that says a page is missing.
func TestHTMLErrorsSayWhy(t *testing.T) {
	s := newTestServer(t)
	for _, tt := range []struct {
		method, target string
		status         int
		reason         string
	}{
		{"POST", "/contoh/", 405, "metode tidak diizinkan"},
		{"GET", "/" + strings.Repeat("a", 3000), 414, "terlalu panjang"},
	} {
		res, body := get(t, s, tt.method, tt.target)
		if res.StatusCode != tt.status || !strings.Contains(body, tt.reason) || !strings.Contains(body, "Permintaan tidak dapat dilayani") {
			t.Errorf("%s %.40s: %d, body lacks the reason %q", tt.method, tt.target, res.StatusCode, tt.reason)
		}
		if strings.Contains(body, "Halaman tidak ditemukan") {
			t.Errorf("%s %.40s: the error page says the page is missing", tt.method, tt.target)
		}
	}
}

// TestJDIHNFeed checks the feed as JDIHN's harvester fetches it: JSON that
// any origin may read, revalidated by its ETag.
func TestJDIHNFeed(t *testing.T) {
	s := newTestServer(t)
	res, body := get(t, s, "GET", "/jdihn.json", "Origin", "https://jdihn.go.id")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != jsonType {
		t.Fatalf("GET /jdihn.json: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var records []map[string]string // every value a string, as the harvester reads them
	if err := json.Unmarshal([]byte(body), &records); err != nil || len(records) == 0 {
		t.Fatalf("the feed is not a list of records of strings: %v\n%s", err, body)
	}
	if res.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(res.Header.Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("CORS headers %v", res.Header)
	}
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if res, body := get(t, s, "GET", "/jdihn.json", "If-None-Match", etag); res.StatusCode != 304 || body != "" {
		t.Errorf("revalidation: %d, %d bytes; want 304 and none", res.StatusCode, len(body))
	}
	res, _ = get(t, s, "OPTIONS", "/jdihn.json", "Origin", "https://jdihn.go.id", "Access-Control-Request-Method", "GET")
	if res.StatusCode != 204 || res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
}

// TestCompareRegulations compares two versions of the fixture's regulation:
// unit by unit, an inserted Pasal is added and the Pasal after it keep their
// places, and the answer carries the change in the words of the amending
// instrument, with the draft of its Pasal I.
func TestCompareRegulations(t *testing.T) {
	s := newTestServer(t)
	res, body := get(t, s, "GET", "/api/v1/compare?a=contoh/peraturan-uji@v1&b=contoh/peraturan-uji@v2")
	if res.StatusCode != 200 {
		t.Fatalf("compare: %d %s", res.StatusCode, body)
	}
	var got struct {
		Sections []struct {
			S string `json:"status"`
			A string `json:"a_id"`
			B string `json:"b_id"`
		} `json:"sections"`
		Amendment struct {
			Amendments []struct{ Instruction, Unit string } `json:"amendments"`
			PasalI     string                               `json:"pasal_i"`
		} `json:"amendment"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, p := range got.Sections {
		status[p.A+">"+p.B] = p.S
	}
	for pair, want := range map[string]string{">pasal-4a": "added", "pasal-5>pasal-5": "changed", "pasal-6>pasal-6": "changed", "pasal-7>pasal-7": "changed", "mengingat>mengingat": "unchanged"} {
		if status[pair] != want {
			t.Errorf("pair %s is %q, want %q (all: %v)", pair, status[pair], want, status)
		}
	}
	var instructions []string
	for _, a := range got.Amendment.Amendments {
		instructions = append(instructions, a.Instruction)
	}
	all := strings.Join(instructions, "\n")
	for _, want := range []string{
		"Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A",
		"Pasal 6 dihapus.",
		"Ketentuan Pasal 2 ditambah 1 (satu) ayat, yakni ayat (2a)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the amendments lack %q:\n%s", want, all)
		}
	}
	if !strings.HasPrefix(got.Amendment.PasalI, "Beberapa ketentuan dalam Peraturan Bupati Contoh Nomor 3 Tahun 2024 tentang") {
		t.Errorf("Pasal I begins %.120q", got.Amendment.PasalI)
	}
	if _, body := get(t, s, "GET", "/api/v1/compare?a=contoh/peraturan-uji@v1&b=contoh/kebijakan-uji"); strings.Contains(body, `"amendment"`) {
		t.Error("a regulation compared with a policy of another kind carries an amendment")
	}
	if _, page := get(t, s, "GET", "/bandingkan?a=contoh/peraturan-uji@v1&b=contoh/peraturan-uji@v2"); !strings.Contains(page, `id="rancangan_pasal_i"`) {
		t.Error("the comparison page of two versions of a regulation shows no draft of Pasal I")
	}
}

// TestMissingPages checks what a reader who mistyped an address gets: a
// path in other case is redirected to the page, a missing version or policy
// leads to what its policy or region has, anything else is the site's 404.
func TestMissingPages(t *testing.T) {
	s := newTestServer(t)
	for _, tt := range []struct {
		path, location string
		status         int
		want           []string
	}{
		{"/Contoh/", "/contoh/", 301, nil},
		{"/CONTOH/Kebijakan-Uji/?x=1", "/contoh/kebijakan-uji/?x=1", 301, nil},
		{"/contoh/kebijakan-uji/v9/", "", 404, []string{`href="/contoh/kebijakan-uji/"`, `href="/contoh/kebijakan-uji/versi/"`, "tidak ada pada Kebijakan Uji"}},
		{"/contoh/tidak-ada/", "", 404, []string{`href="/contoh/"`, "Kabupaten Contoh"}},
		{"/Tidak-Ada/", "", 404, []string{"Halaman tidak ditemukan"}},
		{"//evil.example/", "/evil.example/", 307, nil}, // the mux cleans the path; never a redirect off the site
	} {
		res, body := get(t, s, "GET", tt.path)
		if res.StatusCode != tt.status || res.Header.Get("Location") != tt.location {
			t.Errorf("%s: %d to %q, want %d to %q", tt.path, res.StatusCode, res.Header.Get("Location"), tt.status, tt.location)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the page lacks %s", tt.path, w)
			}
		}
	}
}

// TestStaticOnlyPages: the build writes /cari/ and /bandingkan/ for hosts
// that serve the files alone; the server sends readers on to its own answers.
func TestStaticOnlyPages(t *testing.T) {
	s := newTestServer(t)
	for path, want := range map[string]string{"/cari/?q=cuti": "/cari?q=cuti", "/bandingkan/": "/bandingkan"} {
		if res, _ := get(t, s, "GET", path); res.StatusCode != 301 || res.Header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 301 to %s", path, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
	if res, _ := get(t, s, "GET", "/cari/lain"); res.StatusCode != 404 {
		t.Errorf("/cari/lain: %d, want 404", res.StatusCode)
	}
}
