package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"naskah/internal/catalog"
	"naskah/internal/search"
)

// previewFixture copies the fixture site to a temporary directory and starts a
// preview of it.
func previewFixture(t *testing.T) (*Builder, *Update, string, Config) {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	if out, err := exec.Command("cp", "-r", "testdata/site", src).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	cfg := Config{Content: os.DirFS(src), ContentDir: "content", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	p := New(cfg)
	u, err := p.Rebuild(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p, u, src, cfg
}

// sameAsFullBuild checks that the preview's output is what a full build of the
// same content writes.
func sameAsFullBuild(t *testing.T, cfg Config) {
	t.Helper()
	full := cfg
	full.Drafts = true
	dir := t.TempDir()
	full.Out, full.Data = filepath.Join(dir, "public"), filepath.Join(dir, "data")
	if _, err := Run(context.Background(), full); err != nil {
		t.Fatal(err)
	}
	want, got := snapshot(t, full.Out), snapshot(t, cfg.Out)
	// Each build has an id of its own.
	delete(want, "/"+catalog.BuildFile)
	delete(got, "/"+catalog.BuildFile)
	for name := range want {
		if got[name] != want[name] {
			t.Errorf("%s differs from a full build's", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is left over; a full build has no such file", name)
		}
	}
}

func TestPreviewRebuildsWhatChanged(t *testing.T) {
	p, first, src, cfg := previewFixture(t)
	if !first.Full || first.Written == 0 {
		t.Fatalf("first build: full %v, %d files", first.Full, first.Written)
	}
	file := filepath.Join(src, "kota-uji", "aturan-lama", "v1.md")
	data, _ := os.ReadFile(file)
	edited := strings.Replace(string(data), "Aturan ini kemudian dicabut", "Aturan ini kemudian dicabut lurah pengganti", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := p.Rebuild(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Full || u.Written == 0 || u.Written > 10 {
		t.Errorf("a one-file change: full %v, %d files written", u.Full, u.Written)
	}
	page, _ := os.ReadFile(filepath.Join(cfg.Out, "kota-uji", "aturan-lama", "v1", "index.html"))
	if !strings.Contains(string(page), "lurah pengganti") {
		t.Error("the page does not show the change")
	}
	res, err := u.Index.Search(context.Background(), search.Request{Query: "lurah", AllVersions: true})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].Region != "kota-uji" {
		t.Errorf("search does not see the change: %+v %v", res, err)
	}
	sameAsFullBuild(t, cfg)
}

func TestPreviewKeepsLastGoodSite(t *testing.T) {
	p, _, src, cfg := previewFixture(t)
	before := snapshot(t, cfg.Out)
	file := filepath.Join(src, "contoh", "kebijakan-uji", "2024-01.md")
	if err := os.WriteFile(file, []byte("---\ntitel: rusak\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := p.Rebuild(context.Background(), false)
	if ps, ok := Problems(err); !ok || !strings.Contains(ps.Error(), "content/contoh/kebijakan-uji/2024-01.md:2:") {
		t.Fatalf("Rebuild of a broken file: %v", err)
	}
	if after := snapshot(t, cfg.Out); len(after) != len(before) {
		t.Error("a broken edit changed the output")
	}
	// Fixed again, it builds.
	if err := os.WriteFile(file, []byte("---\ntitle: Kebijakan Uji Kepegawaian\ndate: 2024-01\nsummary: Lagi.\n---\n\n## Isi\n\nTeks.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Rebuild(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, cfg)
}

func TestPreviewRemovesAPolicy(t *testing.T) {
	p, _, src, cfg := previewFixture(t)
	// The policy that revokes aturan-lama: aturan-lama's pages change with it.
	if err := os.RemoveAll(filepath.Join(src, "kota-uji", "aturan-pengganti")); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Rebuild(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cfg.Out, "kota-uji", "aturan-pengganti", "index.html")); err == nil {
		t.Error("the removed policy's page is still published")
	}
	sameAsFullBuild(t, cfg)
}

// TestPreviewSeesEveryChangeOfBytes edits the site's own file, whose title every
// page shows, and then one version file. The first renders every page again,
// the second only its policy's, and both leave the output a full build writes.
func TestPreviewSeesEveryChangeOfBytes(t *testing.T) {
	p, _, src, cfg := previewFixture(t)
	index := filepath.Join(src, "_index.md")
	data, _ := os.ReadFile(index)
	if err := os.WriteFile(index, []byte(strings.Replace(string(data), "Situs Uji", "Situs Uji Baru", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := p.Rebuild(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	if !u.Full {
		t.Error("a change of the site's file did not render every page again")
	}
	page, _ := os.ReadFile(filepath.Join(cfg.Out, "kota-uji", "aturan-lama", "v1", "index.html"))
	if !strings.Contains(string(page), "Situs Uji Baru") {
		t.Error("a policy's page does not show the site's new title")
	}
	sameAsFullBuild(t, cfg)

	file := filepath.Join(src, "kota-uji", "aturan-lama", "v1.md")
	data, _ = os.ReadFile(file)
	if err := os.WriteFile(file, append(data, "\nBaris baru.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if u, err = p.Rebuild(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if u.Full || u.Written == 0 {
		t.Errorf("an edit of one file: full %v, %d files written", u.Full, u.Written)
	}
	sameAsFullBuild(t, cfg)
}
