package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site writes a tiny published site and returns a handler over it.
func site(t *testing.T) http.Handler {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":              "<!DOCTYPE html><title>beranda</title>",
		"404.html":                "<!DOCTYPE html><title>tidak ditemukan</title>",
		"mamuju/index.html":       "<!DOCTYPE html><title>mamuju</title>",
		"mamuju/feed.xml":         "<feed/>",
		"sitemap.xml":             "<urlset/>",
		"robots.txt":              "User-agent: *\n",
		"assets/naskah.1234.css":  "body{}",
		".gitkeep":                "",
		"kosong/.keep":            "",
		"mamuju/.rahasia":         "rahasia",
		".git/config":             "rahasia",
		"mamuju/kebijakan/v1.txt": "teks",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := New(Config{Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestServer(t *testing.T) {
	h := site(t)
	tests := []struct {
		method, target string
		status         int
		contentType    string
		body           string // a part of the body
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "beranda"},
		{"HEAD", "/", 200, "text/html; charset=utf-8", ""},
		{"GET", "/mamuju/", 200, "text/html; charset=utf-8", "mamuju"},
		{"GET", "/mamuju", 301, "", ""},
		{"GET", "/mamuju/feed.xml", 200, "application/atom+xml; charset=utf-8", "<feed/>"},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "<urlset/>"},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent"},
		{"GET", "/assets/naskah.1234.css", 200, "text/css; charset=utf-8", "body{}"},
		{"GET", "/healthz", 200, "text/plain; charset=utf-8", "ok"},
		{"GET", "/tidak-ada/", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/kosong/", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/.gitkeep", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/mamuju/.rahasia", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/.git/config", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/%2egit/config", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/mamuju/..%2f..%2fetc/passwd", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"GET", "/mamuju\\..\\index.html", 404, "text/html; charset=utf-8", "tidak ditemukan"},
		{"POST", "/", 405, "", ""},
		{"PUT", "/mamuju/", 405, "", ""},
		{"DELETE", "/healthz", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://example"+tt.target, nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d", rec.Code, tt.status)
			}
			if tt.contentType != "" && rec.Header().Get("Content-Type") != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", rec.Header().Get("Content-Type"), tt.contentType)
			}
			body, _ := io.ReadAll(rec.Body)
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("body %q lacks %q", body, tt.body)
			}
			if tt.method == "HEAD" && len(body) != 0 {
				t.Errorf("HEAD answered with a body")
			}
			if tt.status == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", rec.Header().Get("Allow"))
			}
			if strings.Contains(string(body), "rahasia") {
				t.Errorf("served a dot-file")
			}
		})
	}
}

func TestNewRefusesEmptyDirectory(t *testing.T) {
	if _, err := New(Config{Out: t.TempDir()}); err == nil {
		t.Fatal("New accepted a directory without a built site")
	}
}
