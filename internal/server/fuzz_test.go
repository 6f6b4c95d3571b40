package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"naskah/internal/build"
)

// fuzzSecrets are files that must never be served: dot-files in the published site
// and files beside it. Each holds a random token, which a response must never carry.
var fuzzSecrets = []string{
	"public/.gitkeep",
	"public/.git/config",
	"public/contoh/.rahasia",
	"public/.naskah/index",
	"secret.txt",
	".naskah/index",
}

// FuzzServePath sends a GET or HEAD for any request target the HTTP server would
// accept and checks that the handler never panics, never answers 500, never serves a
// dot-file or anything from outside the output directory, and never redirects to
// another host.
func FuzzServePath(f *testing.F) {
	for _, seed := range []string{
		"/", "/contoh", "/contoh/", "/contoh/feed.xml", "/healthz", "/cari?q=pelatihan", "/api/v1/search?q=rekrutmen",
		"/tidak-ada/", "/.gitkeep", "/.git/config", "/%2egit/config", "/contoh/.rahasia",
		"/../secret.txt", "/%2e%2e/secret.txt", "/contoh/..%2f..%2fsecret.txt", "/..%5csecret.txt",
		"//secret.txt", "/contoh\\..\\..\\secret.txt", "/.naskah/index", "/./.gitkeep",
		"/contoh/kebijakan-uji/2024-01", "//example.com/", "/%2f%2fexample.com", "/contoh/kebijakan-uji/2024-01/?q=1#x",
		"/%00", "/contoh%00/", "*", "http://example.com/contoh/", "/%ZZ",
		"/contoh/kebijakan-uji/?pada=2024-06-01", "/contoh/kebijakan-uji?pada=%FF%FE", "/kota-uji/aturan-lama/?pada=2030-01-01&pada=x",
	} {
		f.Add(false, seed)
	}
	f.Add(true, "/contoh/kebijakan-uji/2024-01")

	h, token := fuzzServer(f, Config{})
	if code, body := serve(h, "GET", "/contoh/feed.xml"); code != http.StatusOK || !strings.Contains(body, "<feed") {
		f.Fatalf("GET /contoh/feed.xml: %d %q; the fuzz site is not being served", code, body)
	}

	f.Fuzz(func(t *testing.T, head bool, target string) {
		method := "GET"
		if head {
			method = "HEAD"
		}
		rec := httptest.NewRecorder()
		req, err := request(method, target)
		if err != nil {
			t.Skip() // net/http's server answers 400 without calling the handler
		}
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d", method, target, rec.Code)
		}
		if strings.Contains(body, token) {
			t.Fatalf("%s %q: served a dot-file or a file outside the site: %q", method, target, body)
		}
		if rec.Code >= 300 && rec.Code < 400 {
			loc := rec.Header().Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
				t.Fatalf("%s %q: redirects off the site to %q", method, target, loc)
			}
		}
	})
}

// fuzzServer builds the fixture site with secret files in and beside it, and
// returns a server over it with the limits of cfg and the secret token.
func fuzzServer(f *testing.F, cfg Config) (*Server, string) {
	// The token is random so that the fuzzer cannot put it into a request and have
	// a page (a search page, say) echo it.
	token := "RAHASIA-" + rand.Text()
	dir := f.TempDir()
	bcfg := build.Config{
		Content: os.DirFS("../build/testdata/site"), ContentDir: "content",
		Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data"), Drafts: true,
	}
	if _, err := build.Run(context.Background(), bcfg); err != nil {
		f.Fatal(err)
	}
	for _, name := range fuzzSecrets {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(token+" "+name), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	cfg.Out, cfg.Data = bcfg.Out, bcfg.Data
	h, err := New(cfg)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { h.Close() })
	return h, token
}

// request parses a request line with target as net/http's server does.
func request(method, target string) (*http.Request, error) {
	raw := method + " " + target + " HTTP/1.1\r\nHost: naskah.example\r\n\r\n"
	return http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
}

// serve answers one request and returns the status and body.
func serve(h http.Handler, method, target string) (int, string) {
	req, err := request(method, target)
	if err != nil {
		return 0, err.Error()
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// FuzzHandler sends any request net/http's server would pass on — method, target
// and the headers the server reads — to a server with every limit on, and checks
// that no answer is a 500 or a panic, that no secret is served, and that each
// answer is well formed: no body for HEAD, 204 or 304, a Content-Length that is the
// body's, a gzip body that decompresses, and the security headers.
func FuzzHandler(f *testing.F) {
	type seed struct{ method, target, encoding, match, forwarded, rng string }
	for _, s := range []seed{
		{"GET", "/", "gzip", "", "", ""},
		{"HEAD", "/contoh/", "gzip, br", `"x"`, "203.0.113.1", ""},
		{"GET", "/api/v1/search?q=pelatihan&region=contoh", "gzip;q=0", "*", "203.0.113.1, 127.0.0.1", ""},
		{"OPTIONS", "/api/v1/compare", "", "", "", ""},
		{"OPTIONS", "*", "", "", "", ""},
		{"POST", "/cari?q=x", "", "", "", ""},
		{"GET", "/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "*", "W/\"a\", \"b\"", "[::1]:80", ""},
		{"GET", "/api/v1/compare?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama@v1", "x-gzip", "", "bukan", "bytes=0-10"},
		{"GET", "/api/v1/policies/contoh/kebijakan-uji/versions/2025-03", "gzip", "", "", "bytes=5-"},
		{"GET", "/contoh/feed.xml", "gzip", "", "", "bytes=-3,0-1"},
		{"GET", "/api/v1/openapi.json", "", "", "", ""},
		{"GET", "/..%2f..%2fsecret.txt", "", "", "", ""},
		{"GET", "/%2e%2e%5c..%5csecret.txt", "", "", "", ""},
		{"GET", "/%252e%252e/secret.txt", "", "", "", ""},
		{"HEAD", "/healthz", "gzip", "", "", ""},
	} {
		f.Add(s.method, s.target, s.encoding, s.match, s.forwarded, s.rng)
	}
	proxies, err := ParseProxies("127.0.0.0/8,::1")
	if err != nil {
		f.Fatal(err)
	}
	h, token := fuzzServer(f, Config{Rate: 1000, Burst: 1000, TrustedProxies: proxies, MaxConcurrent: 4})
	f.Fuzz(func(t *testing.T, method, target, encoding, match, forwarded, rng string) {
		raw := method + " " + target + " HTTP/1.1\r\nHost: naskah.example\r\n"
		for _, hd := range [][2]string{{"Accept-Encoding", encoding}, {"If-None-Match", match}, {"X-Forwarded-For", forwarded}, {"Range", rng}} {
			if strings.ContainsAny(hd[1], "\r\n") {
				t.Skip()
			}
			if hd[1] != "" {
				raw += hd[0] + ": " + hd[1] + "\r\n"
			}
		}
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw + "\r\n")))
		if err != nil {
			t.Skip() // net/http's server answers 400 without calling the handler
		}
		req.RemoteAddr = "127.0.0.1:40000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkFuzzAnswer(t, req, rec, token)
	})
}

func checkFuzzAnswer(t *testing.T, req *http.Request, rec *httptest.ResponseRecorder, token string) {
	t.Helper()
	what := req.Method + " " + req.RequestURI
	body := rec.Body.Bytes()
	switch {
	case rec.Code >= 500:
		t.Fatalf("%s: status %d", what, rec.Code)
	case bytes.Contains(body, []byte(token)):
		t.Fatalf("%s: served a secret: %q", what, body)
	case rec.Header().Get("Content-Security-Policy") != csp:
		t.Fatalf("%s: no Content-Security-Policy", what)
	case len(body) > 0 && (rec.Code == 204 || rec.Code == 304 || req.Method == "HEAD" && rec.Code != 416):
		// http.ServeContent writes its 416 message for HEAD too; net/http's
		// server drops the body of every HEAD answer on the wire.
		t.Fatalf("%s: status %d with a body", what, rec.Code)
	}
	if cl := rec.Header().Get("Content-Length"); cl != "" && req.Method != "HEAD" && cl != strconv.Itoa(len(body)) {
		t.Fatalf("%s: Content-Length %s for %d bytes", what, cl, len(body))
	}
	if rec.Header().Get("Content-Encoding") == "gzip" && req.Method != "HEAD" && rec.Code == 200 {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err == nil {
			_, err = io.ReadAll(zr)
		}
		if err != nil {
			t.Fatalf("%s: gzip body does not decompress: %v", what, err)
		}
	}
	if loc := rec.Header().Get("Location"); rec.Code >= 300 && rec.Code < 400 && rec.Code != 304 {
		if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
			t.Fatalf("%s: redirects off the site to %q", what, loc)
		}
	}
}
