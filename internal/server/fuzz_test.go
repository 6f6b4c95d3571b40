package server

import (
	"bufio"
	"context"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
	} {
		f.Add(false, seed)
	}
	f.Add(true, "/contoh/kebijakan-uji/2024-01")

	// The token is random so that the fuzzer cannot put it into a request and have
	// a page (a search page, say) echo it.
	token := "RAHASIA-" + rand.Text()
	dir := f.TempDir()
	cfg := build.Config{
		Content: os.DirFS("../build/testdata/site"), ContentDir: "content",
		Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data"), Drafts: true,
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
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
	h, err := New(Config{Out: cfg.Out, Data: cfg.Data})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { h.Close() })
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
