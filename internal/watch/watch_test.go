package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

func newWatcher(t *testing.T, dir string) *Watcher {
	t.Helper()
	w, err := New([]string{dir}, Options{Quiet: 30 * time.Millisecond, Max: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// collect gathers the paths of the batches until want are all seen or time runs out.
func collect(t *testing.T, w *Watcher, want ...string) []string {
	t.Helper()
	seen := map[string]bool{}
	timeout := time.After(5 * time.Second)
	for {
		missing := false
		for _, p := range want {
			if !seen[p] {
				missing = true
			}
		}
		if !missing {
			break
		}
		select {
		case b := <-w.Batches():
			for _, p := range b.Paths {
				seen[p] = true
			}
		case <-timeout:
			t.Fatalf("timed out; saw %v, want %v", keys(seen), want)
		}
	}
	// Anything else that arrives right after belongs to the same change.
	for {
		select {
		case b := <-w.Batches():
			for _, p := range b.Paths {
				seen[p] = true
			}
		case <-time.After(150 * time.Millisecond):
			return keys(seen)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEditAndEditorSwap(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a", "v1.md")
	write(t, file, "satu")
	w := newWatcher(t, dir)
	// vim: write a swap file, probe with 4913, rename the old file away, write anew.
	write(t, filepath.Join(dir, "a", ".v1.md.swp"), "swap")
	write(t, filepath.Join(dir, "a", "4913"), "")
	os.Remove(filepath.Join(dir, "a", "4913"))
	if err := os.Rename(file, file+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, file, "dua")
	os.Remove(file + "~")
	got := collect(t, w, file)
	if !slices.Equal(got, []string{file}) {
		t.Errorf("paths = %v, want only %s", got, file)
	}
}

func TestDirectoryCreatedLater(t *testing.T) {
	dir := t.TempDir()
	w := newWatcher(t, dir)
	// A directory moved in with files already in it.
	outside := filepath.Join(t.TempDir(), "baru")
	write(t, filepath.Join(outside, "k", "v1.md"), "x")
	moved := filepath.Join(dir, "baru")
	if err := os.Rename(outside, moved); err != nil {
		t.Fatal(err)
	}
	collect(t, w, filepath.Join(moved, "k", "v1.md"))
	// Files written later in the new directory are seen too.
	later := filepath.Join(moved, "k", "v2.md")
	write(t, later, "y")
	collect(t, w, later)
	// A directory moved out is a change of its path.
	if err := os.Rename(moved, filepath.Join(t.TempDir(), "keluar")); err != nil {
		t.Fatal(err)
	}
	collect(t, w, moved)
}

func TestBurstIsBatched(t *testing.T) {
	dir := t.TempDir()
	w := newWatcher(t, dir)
	var want []string
	for i := range 300 {
		p := filepath.Join(dir, fmt.Sprintf("f%03d.md", i))
		want = append(want, p)
		write(t, p, "x")
	}
	batches, seen := 0, map[string]bool{}
	timeout := time.After(10 * time.Second)
	for len(seen) < len(want) {
		select {
		case b := <-w.Batches():
			batches++
			for _, p := range b.Paths {
				seen[p] = true
			}
		case <-timeout:
			t.Fatalf("saw %d of %d files", len(seen), len(want))
		}
	}
	if batches > 10 {
		t.Errorf("300 writes came in %d batches; want them gathered", batches)
	}
}

// TestSlowConsumerGetsNewestChanges: while the consumer is busy, changes gather
// into one batch, which it gets when it is ready.
func TestSlowConsumerGetsNewestChanges(t *testing.T) {
	dir := t.TempDir()
	w := newWatcher(t, dir)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	write(t, a, "1")
	time.Sleep(400 * time.Millisecond) // the consumer is "rebuilding"
	write(t, b, "2")
	write(t, a, "3")
	time.Sleep(400 * time.Millisecond)
	got := collect(t, w, a, b)
	if !slices.Equal(got, []string{a, b}) {
		t.Errorf("paths = %v", got)
	}
}

func TestCloseLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 5 {
		w, err := New([]string{t.TempDir()}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if _, open := <-w.Batches(); open {
			t.Error("Batches is still open after Close")
		}
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines before, %d after", before, n)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"v1.md": false, "_index.md": false, ".v1.md.swp": true, "v1.md~": true, "#v1.md#": true,
		"4913": true, ".DS_Store": true, "v1.md.tmp": true, "naskah.css": false, ".git": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
