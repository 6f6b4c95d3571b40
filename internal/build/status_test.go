package build

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/legal"
)

// TestCheckSaysWhatIsScheduled checks that a check names, as of its day, the
// versions still to come into force and the policy with none in force yet.
func TestCheckSaysWhatIsScheduled(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":      {Data: []byte("---\ntitle: Situs\n---\n")},
		"r/_index.md":    {Data: []byte("---\nname: R\nkind: kota\n---\n")},
		"r/p/v1.md":      {Data: []byte("---\ntitle: P\nsummary: S.\ndate: 2025-01\n---\n## A\n\nIsi.\n")},
		"r/p/v2.md":      {Data: []byte("---\ntitle: P\nsummary: S.\ndate: 2025-07-01\n---\n## A\n\nIsi.\n")},
		"r/baru/2026.md": {Data: []byte("---\ntitle: Baru\nsummary: S.\n\ndate: 2026-01-01\n---\n## A\n\nIsi.\n")},
	}
	res, err := Check(context.Background(), Config{Content: fsys, ContentDir: "content", Now: legal.Date{Year: 2025, Month: 6, Day: 15}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		"content/r/baru/2026.md:5: peringatan: kebijakan ini belum memiliki versi yang berlaku per 2025-06-15; versi 2026 baru berlaku mulai 2026-01-01",
		"content/r/p/v2.md:4: peringatan: versi v2 baru berlaku mulai 2025-07-01; per 2025-06-15 statusnya Akan berlaku",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
