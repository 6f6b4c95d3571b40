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

// TestWriter writes files from several goroutines, as the share cards are, and
// reads them back.
func TestWriter(t *testing.T) {
	root := t.TempDir()
	w := NewWriter(root)
	names := []string{"index.html", "a/index.html", "a/b/c/kartu.png", "a/b/index.html", "s/x/index.html"}
	errs := make(chan error, len(names))
	for _, name := range names {
		go func() { errs <- w.Write(name, []byte(name)) }()
	}
	for range names {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if w.Len() != len(names) {
		t.Errorf("Len = %d, want %d", w.Len(), len(names))
	}
	for _, name := range names {
		if got := read(t, filepath.Join(root, filepath.FromSlash(name))); got != name {
			t.Errorf("%s holds %q", name, got)
		}
		if data, err := w.Read(name); err != nil || string(data) != name || !w.Has(name) {
			t.Errorf("Read(%q) = %q, %v; Has = %v", name, data, err, w.Has(name))
		}
	}
	if _, err := w.Read("a/lain.html"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Read of a file never written: %v, want ErrNotExist", err)
	}
	for _, bad := range []string{"", ".", "../luar", "/abs", ".git/config", "a//b", "a/../b"} {
		if err := w.Write(bad, nil); err == nil {
			t.Errorf("Write(%q) was accepted", bad)
		}
	}
}
