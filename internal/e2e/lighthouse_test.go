package e2e

import (
	"context"
	"encoding/json"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"naskah/internal/build"
	"naskah/internal/server"
)

// lighthouseFloor is the least score of every Lighthouse category on a phone.
const lighthouseFloor = 0.95

// TestLighthouse runs Lighthouse (phone profile: its default) over a page of
// every kind of the shipped content, served with the site's own base URL, and
// holds every category at lighthouseFloor or more. Pages that ask search
// engines not to index them (search results, the fictional region's) are
// spared the audit that says so, which they mean. Lighthouse refuses to
// audit an error page, so the 404 page is left to the axe and validator
// tests. Under the race detector, which adds nothing to a run of node, the
// test is skipped: CI runs it in the plain run.
func TestLighthouse(t *testing.T) {
	if raceEnabled {
		t.Skip("skipped under -race: Lighthouse runs in node; the plain run of go test runs it")
	}
	node := lookTool(t, "apt-get install -y nodejs", "node")
	chromium := lookTool(t, "apt-get install -y chromium", "chromium", "chromium-browser", "google-chrome")
	cli := npmFile(t, lighthouseFile)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + l.Addr().String()
	tmp := t.TempDir()
	cfg := build.Config{
		Content: os.DirFS(shippedContent), ContentDir: shippedContent, BaseURL: base, Now: shippedNow,
		Out: filepath.Join(tmp, "public"), Data: filepath.Join(tmp, "data"),
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	h, err := server.New(server.Config{Out: cfg.Out, Data: cfg.Data})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	for _, p := range []struct {
		name, path string
		skip       []string
	}{
		{"home", "/", nil},
		{"region", "/mamuju/", nil},
		{"policy", "/mamuju/kebijakan-pengelolaan-kepegawaian-asn/", nil},
		{"history", "/mamuju/kebijakan-pengelolaan-kepegawaian-asn/versi/", nil},
		{"topic", "/topik/", nil},
		{"comparison", "/bandingkan?a=mamuju/kebijakan-pengelolaan-kepegawaian-asn&b=bandung/kebijakan-pengelolaan-kepegawaian-asn", nil},
		{"regulation", "/contoh/pengadaan-pegawai/", []string{"is-crawlable"}},
		{"change", "/contoh/pengadaan-pegawai/v2/perubahan/", []string{"is-crawlable"}},
		{"search", "/cari?q=pelatihan", []string{"is-crawlable"}},
	} {
		t.Run(p.name, func(t *testing.T) {
			args := []string{cli, base + p.path, "--quiet", "--output=json", "--output-path=stdout",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu"}
			if p.skip != nil {
				args = append(args, "--skip-audits="+strings.Join(p.skip, ","))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, args...)
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("lighthouse %s: %v", p.path, err)
			}
			var report struct {
				Categories map[string]struct {
					Score *float64 `json:"score"`
				} `json:"categories"`
			}
			if err := json.Unmarshal(out, &report); err != nil {
				t.Fatalf("lighthouse %s: %v", p.path, err)
			}
			if len(report.Categories) < 4 {
				t.Fatalf("lighthouse %s: %d categories, want performance, accessibility, best practices and SEO", p.path, len(report.Categories))
			}
			for name, c := range report.Categories {
				if c.Score == nil || *c.Score < lighthouseFloor {
					t.Errorf("%s: %s scores %v, want at least %.2f", p.path, name, c.Score, lighthouseFloor)
				}
			}
		})
	}
}
