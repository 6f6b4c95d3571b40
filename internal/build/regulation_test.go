package build

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestRegulationProblems checks that check finds every problem of a
// regulation's structure in one run, at the lines of the file: a reference
// to a unit that does not exist fails it, the rest are warnings.
func TestRegulationProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":   {Data: []byte("---\ntitle: Situs\n---\n")},
		"r/_index.md": {Data: []byte("---\nname: R\nkind: kota\nfictional: true\n---\n")},
		"r/p/v1.md": {Data: []byte("---\ntitle: P\nsummary: S.\nform: peraturan\n---\n\n" +
			"## BAB I UMUM\n\n### Pasal 1\n(1) Satu.\n(3) Tiga, sebagaimana dimaksud pada ayat (2).\n\n" +
			"### Pasal 3\nMerujuk Pasal 9.\n\n## PENJELASAN\n### Pasal 5\nCukup jelas.\n")},
	}
	cfg := Config{Content: fsys, ContentDir: "content", Out: t.TempDir(), Data: t.TempDir()}
	_, err := Check(context.Background(), cfg)
	ps, ok := Problems(err)
	if !ok {
		t.Fatalf("check: %v, want the regulation's problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		"content/r/p/v1.md:11: rujukan ke Pasal 1 ayat (2), yang tidak ada di peraturan ini; perbaiki rujukannya",
		"content/r/p/v1.md:14: rujukan ke Pasal 9, yang tidak ada di peraturan ini; perbaiki rujukannya",
		"content/r/p/v1.md:11: peringatan: ayat (3) sesudah ayat (1): ayat (2) terlewat; perbaiki nomornya, atau tulis nomor sisipan seperti ayat (1a)",
		"content/r/p/v1.md:13: peringatan: Pasal 3 sesudah Pasal 1: Pasal 2 terlewat; perbaiki nomornya, atau tulis nomor sisipan seperti Pasal 1A",
		"content/r/p/v1.md:17: peringatan: penjelasan Pasal 5, padahal tidak ada Pasal 5; hapus penjelasannya atau perbaiki nomornya",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
