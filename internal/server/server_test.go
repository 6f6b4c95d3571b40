package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"naskah/internal/build"
)

// newTestServer builds the fixture site of internal/build, drafts included, adds
// files that must never be served, and returns a server over it.
func newTestServer(t *testing.T) *Server {
	t.Helper()
	return newTestServerWith(t, Config{})
}

// newTestServerWith is newTestServer with the limits and proxies of cfg.
func newTestServerWith(t *testing.T, cfg Config) *Server {
	t.Helper()
	cfg.Out, cfg.Data = buildFixture(t)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// buildFixture builds the fixture site into a temporary directory, with hidden
// files added, and returns its output and data directories.
func buildFixture(t testing.TB) (out, data string) {
	t.Helper()
	dir := t.TempDir()
	out, data = filepath.Join(dir, "public"), filepath.Join(dir, "data")
	cfg := build.Config{
		Content: os.DirFS("../build/testdata/site"), ContentDir: "content",
		Out: out, Data: data, Drafts: true,
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	hidden := map[string]string{
		".gitkeep":        "",
		"kosong/.keep":    "",
		"contoh/.rahasia": "rahasia",
		".git/config":     "rahasia",
	}
	for name, body := range hidden {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out, data
}

// get sends one request to h and returns the response with its body read.
func get(t testing.TB, h http.Handler, method, target string, header ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, "http://example"+target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestStatic(t *testing.T) {
	s := newTestServer(t)
	const html = "text/html; charset=utf-8"
	tests := []struct {
		method, target string
		status         int
		contentType    string
		body           string // a part of the body
	}{
		{"GET", "/", 200, html, "Situs Uji"},
		{"HEAD", "/", 200, html, ""},
		{"GET", "/contoh/", 200, html, "Kabupaten Contoh"},
		{"GET", "/contoh", 301, "", ""},
		{"GET", "/contoh/feed.xml", 200, "application/atom+xml; charset=utf-8", "<feed"},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "<urlset"},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent"},
		{"GET", "/healthz", 200, "text/plain; charset=utf-8", "ok"},
		{"GET", "/tidak-ada/", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/kosong/", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/.gitkeep", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/contoh/.rahasia", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/.git/config", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/%2egit/config", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/contoh/..%2f..%2fetc/passwd", 404, html, "Halaman tidak ditemukan"},
		{"GET", "/contoh\\..\\index.html", 404, html, "Halaman tidak ditemukan"},
		{"POST", "/", 405, "", ""},
		{"PUT", "/contoh/", 405, "", ""},
		{"DELETE", "/healthz", 405, "", ""},
		{"GET", "/" + strings.Repeat("a", 3000), 414, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target[:min(len(tt.target), 40)], func(t *testing.T) {
			res, body := get(t, s, tt.method, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			if tt.contentType != "" && res.Header.Get("Content-Type") != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", res.Header.Get("Content-Type"), tt.contentType)
			}
			if !strings.Contains(body, tt.body) {
				t.Errorf("body lacks %q", tt.body)
			}
			if tt.method == "HEAD" && body != "" {
				t.Errorf("HEAD answered with a body")
			}
			if tt.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", res.Header.Get("Allow"))
			}
			if strings.Contains(body, "rahasia") {
				t.Errorf("served a dot-file")
			}
		})
	}
}

func TestAssetsServedWithTheirType(t *testing.T) {
	s := newTestServer(t)
	_, page := get(t, s, "GET", "/")
	i := strings.Index(page, "/assets/naskah.")
	if i < 0 {
		t.Fatal("home page links no stylesheet")
	}
	css := page[i : i+strings.Index(page[i:], `"`)]
	res, body := get(t, s, "GET", css)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(body, "body") {
		t.Errorf("GET %s: %d %q", css, res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func TestNewRefusesEmptyDirectory(t *testing.T) {
	if _, err := New(Config{Out: t.TempDir(), Data: t.TempDir()}); err == nil {
		t.Fatal("New accepted a directory without a built site")
	}
}
