package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func stage(t *testing.T, dir string, files map[string][]byte) *Staged {
	t.Helper()
	st, err := Stage(dir, func(tmp string) error { return WriteFiles(tmp, files) })
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestCommitReplacesTheWholeDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := stage(t, dir, map[string][]byte{"lama/index.html": []byte("lama")}).Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitkeep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st := stage(t, dir, map[string][]byte{"index.html": []byte("baru"), "a/b/c.css": []byte("c")})
	if read(t, filepath.Join(dir, "lama", "index.html")) != "lama" {
		t.Fatal("staging changed the directory before Commit")
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "index.html")) != "baru" || read(t, filepath.Join(dir, "a", "b", "c.css")) != "c" {
		t.Error("the new files are not in place")
	}
	if _, err := os.Stat(filepath.Join(dir, "lama")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file of the old content survived")
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitkeep")); err != nil {
		t.Error("the top-level dot-file was not carried over")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("staging left %d entries beside the directory", len(entries))
	}
}

func TestDiscardAndFailedFill(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	stage(t, dir, map[string][]byte{"x.html": []byte("x")}).Discard()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Error("Discard created the directory")
	}
	boom := errors.New("boom")
	if _, err := Stage(dir, func(string) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("Stage = %v, want the fill's error", err)
	}
	for _, bad := range []string{"../keluar.html", ".rahasia", "/mutlak"} {
		if _, err := Stage(dir, func(tmp string) error { return WriteFiles(tmp, map[string][]byte{bad: nil}) }); err == nil {
			t.Errorf("WriteFiles accepted the path %q", bad)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("failed stagings left %d entries behind", len(entries))
	}
}
