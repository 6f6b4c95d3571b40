package content

import (
	"os"
	"testing"

	"naskah/internal/corpus"
)

// benchCorpus is a generated corpus of 500 versions, in memory.
func benchCorpus(b *testing.B) *corpus.Pool {
	b.Helper()
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		b.Fatal(err)
	}
	return pool
}

// BenchmarkFrontMatter splits and decodes the front matter of one version file
// of about 1,700 words.
func BenchmarkFrontMatter(b *testing.B) {
	files := benchCorpus(b).Files(corpus.Options{Regions: 1, Policies: 1, Versions: 1, Words: 1700, Seed: 1})
	src := files["daerah-001/kebijakan-01/v1.md"]
	if src == nil {
		b.Fatalf("no version file among %d generated files", len(files))
	}
	var probs Problems
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := parseFile(src, "", report{path: "v1.md", probs: &probs}); !ok {
			b.Fatal(probs)
		}
	}
}

// BenchmarkLoad reads and checks a whole content tree of 500 versions from
// memory: directories, front matter, dates and the rules between versions.
func BenchmarkLoad(b *testing.B) {
	fsys := benchCorpus(b).FS(corpus.Options{Regions: 10, Policies: 10, Versions: 5, Words: 1700, Seed: 1})
	b.ReportAllocs()
	for b.Loop() {
		tree, err := Load(fsys, "content")
		if err != nil {
			b.Fatal(err)
		}
		if n := len(tree.Regions); n != 10 {
			b.Fatalf("loaded %d regions, want 10", n)
		}
	}
}
