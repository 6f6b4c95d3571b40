package build

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/content"
)

// TestMarkdownLimitsAreProblems checks that a body the renderer refuses for
// going past one of its limits is reported at the line of the file, like
// any other content problem, and that every such body is reported.
func TestMarkdownLimitsAreProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":   {Data: []byte("---\ntitle: Uji\n---\n")},
		"a/_index.md": {Data: []byte("---\nname: A\nkind: kota\n---\n# " + strings.Repeat("*a* ", 65) + "\n")},
		"a/k/v1.md":   {Data: []byte("---\ntitle: K\nsummary: S.\n---\n\nPembuka.\n\n" + strings.Repeat("- ", 17) + "x\n")},
		"a/k/v2.md":   {Data: []byte("---\ntitle: K\nsummary: S.\n---\n\n" + strings.Repeat("- ", 16) + "x\n")},
	}
	_, err := Check(context.Background(), Config{Content: fsys, ContentDir: "content"})
	got, ok := Problems(err)
	if !ok {
		t.Fatalf("Check = %v, want problems", err)
	}
	want := content.Problems{
		{Path: "content/a/_index.md", Line: 5, Message: "lebih dari 128 penanda format (*, _, ~, `, [, ]) dalam satu paragraf, judul, atau sel tabel; pecah menjadi beberapa paragraf"},
		{Path: "content/a/k/v1.md", Line: 8, Message: "daftar atau kutipan bersarang lebih dari 16 tingkat; ratakan susunannya"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if s := got.Error(); !strings.Contains(s, "content/a/k/v1.md:8: daftar atau kutipan bersarang") {
		t.Errorf("problems read %q, want content/a/k/v1.md:8: …", s)
	}
}
