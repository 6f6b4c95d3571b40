package e2e

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"naskah/internal/build"
	"naskah/internal/reload"
	"naskah/internal/server"
	"naskah/internal/watch"
)

// startPreview runs the live preview, as naskah serve -watch does, over a copy of
// the fixture site, and returns the copy's directory and the preview's address.
func startPreview(t *testing.T) (src, addr string) {
	t.Helper()
	dir := t.TempDir()
	src = filepath.Join(dir, "content")
	if out, err := exec.Command("cp", "-r", fixtureSite, src).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cfg := build.Config{Content: os.DirFS(src), ContentDir: "content", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	p := build.New(cfg)
	u, err := p.Rebuild(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.NewPreview(server.Config{Out: cfg.Out, Data: cfg.Data}, u.Catalog, u.Index, u.Theme)
	if err != nil {
		t.Fatal(err)
	}
	w, err := watch.New([]string{src}, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	live := reload.New()
	loop := &watch.Preview{Watcher: w, Build: p, Server: srv, Live: live, Report: testWriter{t}}
	done := make(chan struct{})
	go func() { loop.Run(ctx); close(done) }()
	hs := httptest.NewServer(live.Wrap(srv))
	t.Cleanup(func() {
		hs.CloseClientConnections()
		hs.Close()
		cancel()
		w.Close()
		<-done
		srv.Close()
		p.Close()
	})
	return src, hs.URL
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// waitFor polls a condition in the page until it holds or 15 seconds pass.
func waitFor(t *testing.T, b *browser, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		// An evaluation may fail while the page navigates, as a redirect
		// makes it do: that is asked again, like a false answer.
		ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s (last evaluation: %v, %v)", what, ok, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestLivePreview edits a version file under an open page: the page reloads with
// the change; a broken edit shows path:line over the page, which keeps the last good
// text; fixing it reloads the page.
func TestLivePreview(t *testing.T) {
	src, addr := startPreview(t)
	b := newBrowser(t)
	b.open(t, addr+"/contoh/kebijakan-uji/")
	file := filepath.Join(src, "contoh", "kebijakan-uji", "2025-03.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "Pelatihan diadakan setiap tahun.", "Pelatihan diadakan setiap semester.", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, b, "the page to show the edit", `!!document.body && document.body.innerText.includes("setiap semester")`)

	broken := strings.Replace(edited, "title:", "titel:", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, b, "the error overlay", `!!document.getElementById("naskah-galat")`)
	wantText(t, b, "#naskah-galat", "content/contoh/kebijakan-uji/2025-03.md:2:", "titel")
	wantText(t, b, ".prose", "setiap semester") // the last good text stays

	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, b, "the page to reload without the overlay",
		`!document.getElementById("naskah-galat") && !!document.body && document.body.innerText.includes("setiap tahun")`)
}
