package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/catalog"
)

// TestBuildIgnoresFileTimes builds the same bytes twice, with the files' times
// set years apart, and finds the same output: an undated version takes no date
// from the file system.
func TestBuildIgnoresFileTimes(t *testing.T) {
	var outs []map[string]string
	for _, when := range []time.Time{time.Date(2001, 1, 2, 3, 4, 5, 0, time.UTC), time.Now()} {
		dir := t.TempDir()
		src := filepath.Join(dir, "content")
		if err := os.CopyFS(src, os.DirFS("testdata/site")); err != nil {
			t.Fatal(err)
		}
		undated := filepath.Join(src, "kota-uji", "tanpa-tanggal")
		if err := os.Mkdir(undated, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(undated, "v1.md"), []byte("---\ntitle: Tanpa Tanggal\nsummary: Versi tanpa tanggal.\n---\n\n## Isi\n\nIsi.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := filepath.WalkDir(src, func(p string, _ fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			return os.Chtimes(p, when, when)
		})
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "public")
		if _, err := Run(context.Background(), Config{Content: os.DirFS(src), ContentDir: "content", Out: out}); err != nil {
			t.Fatal(err)
		}
		files := snapshot(t, out)
		delete(files, "/"+catalog.BuildFile) // names the build, which differs by design
		outs = append(outs, files)
	}
	if diff := cmp.Diff(outs[0], outs[1]); diff != "" {
		t.Errorf("the output depends on the files' times (-2001 +now):\n%s", diff)
	}
}
