package build

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"naskah/internal/corpus"
)

var benchVersions = flag.Int("bench.versions", 500, "versions in the generated benchmark corpus (a multiple of 50)")

// benchCorpus writes a generated corpus to disk and returns its directory.
func benchCorpus(b *testing.B) string {
	b.Helper()
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "content")
	o := corpus.Options{Regions: *benchVersions / 50, Policies: 10, Versions: 5, Words: 1700, Seed: 1}
	if err := pool.Write(dir, o); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkFullBuild is a whole build, HTML and index, as naskah build does it.
func BenchmarkFullBuild(b *testing.B) {
	src := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		cfg := Config{Content: os.DirFS(src), ContentDir: "content", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
		res, err := Run(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.Log(res.Steps)
		}
	}
}

// BenchmarkPreviewRebuild is the live preview's rebuild after one version file
// changed: one sentence is edited each time.
func BenchmarkPreviewRebuild(b *testing.B) {
	src := benchCorpus(b)
	dir := b.TempDir()
	cfg := Config{Content: os.DirFS(src), ContentDir: "content", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	p := New(cfg)
	if _, err := p.Rebuild(context.Background(), false); err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	file := filepath.Join(src, "daerah-001", "kebijakan-01", "v5.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		edited := strings.Replace(string(orig), "\n\n", "\n\nSuntingan nomor "+strings.Repeat("x", i%7+1)+".\n\n", 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		u, err := p.Rebuild(context.Background(), false)
		if err != nil {
			b.Fatal(err)
		}
		if u.Full {
			b.Fatal("a one-file change rebuilt everything")
		}
	}
}
