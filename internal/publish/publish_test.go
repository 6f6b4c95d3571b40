package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"naskah/internal/catalog"
)

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// publishBuild publishes a build whose site and data both say which, through o.
func publishBuild(t Target, o ops, which string) error {
	b, err := begin(context.Background(), t, o)
	if err != nil {
		return err
	}
	// In a fixed order: the count of operations depends on it (directories are
	// made once), and the tests that count operations must see the same count.
	for _, name := range []string{"index.html", "a/b/index.html", "a/kartu.png"} {
		if err := b.Site.Write(name, []byte(which)); err != nil {
			b.Discard()
			return err
		}
	}
	if b.Data != nil {
		for _, name := range []string{"which", "index/segment.zap"} {
			if err := b.Data.Write(name, []byte(which)); err != nil {
				b.Discard()
				return err
			}
		}
	}
	return b.Commit(context.Background())
}

// served returns which build the pair of directories holds, failing t if the site
// and its data are not of one build or the site is missing.
func served(t *testing.T, tg Target) string {
	t.Helper()
	snap, err := catalog.Locate(tg.Out, tg.Data)
	if err != nil {
		t.Fatalf("the site names no whole snapshot: %v", err)
	}
	site, data := read(t, filepath.Join(tg.Out, "index.html")), read(t, filepath.Join(snap.Dir, "which"))
	if site != data || read(t, filepath.Join(tg.Out, "a", "b", "index.html")) != site {
		t.Fatalf("a mix: the site is %q, its data %q", site, data)
	}
	return site
}

// tidy fails t unless only the output, the data directory and keep are left.
func tidy(t *testing.T, tg Target, keep ...string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(tg.Out))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := append([]string{filepath.Base(tg.Out), filepath.Base(tg.Data)}, keep...)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("beside the output: %v, want %v", names, want)
	}
	entries, _ = os.ReadDir(tg.Data)
	if len(entries) != 2 { // the marker and one snapshot
		t.Errorf("the data directory holds %d entries, want the marker and one snapshot", len(entries))
	}
}

func newTarget(t *testing.T) Target {
	parent := t.TempDir()
	return Target{Out: filepath.Join(parent, "public"), Data: filepath.Join(parent, "data")}
}

func TestCommitReplacesTheWholeSite(t *testing.T) {
	tg := newTarget(t)
	if err := publishBuild(tg, osOps{}, "lama"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tg.Out, ".gitkeep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tg.Out, "sisa.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := publishBuild(tg, osOps{}, "baru"); err != nil {
		t.Fatal(err)
	}
	if got := served(t, tg); got != "baru" {
		t.Errorf("served %q after the second build", got)
	}
	if _, err := os.Stat(filepath.Join(tg.Out, "sisa.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file of the old site survived")
	}
	if _, err := os.Stat(filepath.Join(tg.Out, ".gitkeep")); err != nil {
		t.Error("the top-level dot-file was not carried over")
	}
	tidy(t, tg)
}

func TestDiscardChangesNothing(t *testing.T) {
	tg := newTarget(t)
	if err := publishBuild(tg, osOps{}, "lama"); err != nil {
		t.Fatal(err)
	}
	b, err := Begin(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Site.Write("index.html", []byte("baru")); err != nil {
		t.Fatal(err)
	}
	b.Discard()
	if got := served(t, tg); got != "lama" {
		t.Errorf("served %q after a discarded build", got)
	}
	tidy(t, tg)
	for _, bad := range []string{"../keluar.html", ".rahasia", "/mutlak", "a/../../b"} {
		if err := NewWriter(t.TempDir()).Write(bad, nil); err == nil {
			t.Errorf("Write accepted the path %q", bad)
		}
	}
}

func TestCanceledBeforeTheCommitPoint(t *testing.T) {
	tg := newTarget(t)
	if err := publishBuild(tg, osOps{}, "lama"); err != nil {
		t.Fatal(err)
	}
	b, err := Begin(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	b.Site.Write("index.html", []byte("baru"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Commit(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Commit = %v, want context.Canceled", err)
	}
	if got := served(t, tg); got != "lama" {
		t.Errorf("served %q after a canceled build", got)
	}
	tidy(t, tg)
}

// faultyOps make one operation fail, or the process die there: every operation
// from then on does nothing, as nothing happens once a process is killed.
type faultyOps struct {
	ops
	mu     sync.Mutex
	n, at  int
	mode   string // "fail"; or "die-before", "die-after" the operation at
	dead   bool
	noExch bool // the file system cannot exchange directories
}

var errInjected = errors.New("injected failure")

// step counts an operation and says whether it happens, and what to return
// after it if it does.
func (f *faultyOps) step() (do bool, after error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	switch {
	case f.dead:
		return false, errInjected
	case f.n != f.at:
		return true, nil
	case f.mode == "fail":
		return false, errInjected
	}
	f.dead = true
	return f.mode == "die-after", errInjected
}

func (f *faultyOps) run(op func() error) error {
	do, after := f.step()
	if !do {
		return after
	}
	if err := op(); err != nil {
		return err
	}
	return after
}

func (f *faultyOps) MkdirAll(p string, perm fs.FileMode) error {
	return f.run(func() error { return f.ops.MkdirAll(p, perm) })
}

func (f *faultyOps) WriteFile(name string, data []byte, perm fs.FileMode) error {
	do, after := f.step()
	if !do && f.mode == "die-before" && f.n == f.at {
		// Killed in the middle of the write: half the file is there.
		f.ops.WriteFile(name, data[:len(data)/2], perm)
	}
	if !do {
		return after
	}
	if err := f.ops.WriteFile(name, data, perm); err != nil {
		return err
	}
	return after
}

func (f *faultyOps) Create(name string) (io.WriteCloser, error) {
	var w io.WriteCloser
	err := f.run(func() (err error) { w, err = f.ops.Create(name); return err })
	return w, err
}

func (f *faultyOps) Rename(from, to string) error {
	return f.run(func() error { return f.ops.Rename(from, to) })
}

func (f *faultyOps) Exchange(a, b string) error {
	if f.noExch {
		return f.run(func() error { return errNoExchange })
	}
	return f.run(func() error { return f.ops.Exchange(a, b) })
}

func (f *faultyOps) RemoveAll(p string) error {
	return f.run(func() error { return f.ops.RemoveAll(p) })
}

// TestEveryOperationFailing makes each file system operation of a publish fail in
// turn, and kills the process before and after each one, and checks after each
// that the site and data in place are of one build, old or new; that a failed
// publish says so and changed nothing; and that the next build leaves nothing of
// the failed one behind. It does so with and without an atomic exchange.
func TestEveryOperationFailing(t *testing.T) {
	for _, noExch := range []bool{false, true} {
		for _, mode := range []string{"fail", "die-before", "die-after"} {
			t.Run(fmt.Sprintf("%s/noexchange=%v", mode, noExch), func(t *testing.T) {
				seen := map[string]bool{}
				for at := 1; ; at++ {
					got, ok := failAt(t, mode, at, noExch)
					if !ok {
						break
					}
					seen[got] = true
				}
				if (!noExch || mode == "fail") && (!seen["lama"] || !seen["baru"]) {
					t.Errorf("the failures left %v in place; want both the old build and the new one (failures before and after the commit point)", seen)
				}
			})
		}
	}
}

// failAt runs one case and returns the build in place after it, where there is
// one; it reports false once the publish made fewer than at operations, so that
// nothing was injected.
func failAt(t *testing.T, mode string, at int, noExch bool) (string, bool) {
	tg := newTarget(t)
	if err := publishBuild(tg, osOps{}, "lama"); err != nil {
		t.Fatal(err)
	}
	f := &faultyOps{ops: osOps{}, at: at, mode: mode, noExch: noExch}
	err := publishBuild(tg, f, "baru")
	if f.n < at {
		return "", false
	}
	var got string
	if !noExch || mode == "fail" {
		// With an exchange there is no moment without a site.
		got = served(t, tg)
		if err != nil && mode == "fail" && got != "lama" {
			t.Errorf("operation %d failed, the publish said %v, and yet the new build is in place", at, err)
		}
		if err == nil && mode == "fail" && got != "baru" {
			t.Errorf("operation %d failed after the commit point, and yet %q is in place", at, got)
		}
	}
	if err := publishBuild(tg, osOps{}, "berikut"); err != nil {
		t.Fatalf("operation %d %s: the next build failed: %v", at, mode, err)
	}
	if got := served(t, tg); got != "berikut" {
		t.Errorf("operation %d %s: the next build serves %q", at, mode, got)
	}
	tidy(t, tg)
	return got, true
}

// TestRestoreAfterDeathBetweenRenames kills a publish that cannot exchange
// directories between its two renames: the output is missing until the next
// build puts the old site back.
func TestRestoreAfterDeathBetweenRenames(t *testing.T) {
	tg := newTarget(t)
	if err := publishBuild(tg, osOps{}, "lama"); err != nil {
		t.Fatal(err)
	}
	// Find the operation after which the output is gone.
	for at := 1; at < 100; at++ {
		tgi := newTarget(t)
		publishBuild(tgi, osOps{}, "lama")
		f := &faultyOps{ops: osOps{}, at: at, mode: "die-after", noExch: true}
		publishBuild(tgi, f, "baru")
		if _, err := os.Stat(tgi.Out); err == nil {
			continue
		}
		b, err := Begin(context.Background(), tgi)
		if err != nil {
			t.Fatal(err)
		}
		b.Discard()
		if got := served(t, tgi); got != "lama" {
			t.Errorf("restored %q, want the old site", got)
		}
		return
	}
	t.Fatal("no operation left the output missing")
}

func TestLiveSealsItsSnapshot(t *testing.T) {
	tg := newTarget(t)
	b, err := Begin(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	b.Site.Write("index.html", []byte("satu"))
	b.Site.Write("lama.html", []byte("x"))
	b.Data.Write(catalog.FileName, []byte("{}"))
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	live := b.Live()
	prev := map[string][]byte{"index.html": []byte("satu"), "lama.html": []byte("x")}
	next := map[string][]byte{"index.html": []byte("dua"), "baru/index.html": []byte("b")}
	if n, err := live.WriteChanged(prev, next); err != nil || n != 3 {
		t.Fatalf("WriteChanged = %d, %v; want 3 files touched", n, err)
	}
	if read(t, filepath.Join(tg.Out, "index.html")) != "dua" || read(t, filepath.Join(tg.Out, "baru", "index.html")) != "b" {
		t.Error("the changed files are not in place")
	}
	if _, err := os.Stat(filepath.Join(tg.Out, "lama.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file the new build lacks is still there")
	}
	if err := live.Unseal(); err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.Locate(tg.Out, tg.Data); err == nil {
		t.Error("an unsealed snapshot was located as whole")
	}
	if err := live.Seal(&catalog.Catalog{Format: catalog.Format, Title: "T"}); err != nil {
		t.Fatal(err)
	}
	snap, err := catalog.Locate(tg.Out, tg.Data)
	if err != nil {
		t.Fatalf("sealed again: %v", err)
	}
	if cat, err := catalog.Read(snap.Catalog()); err != nil || cat.Title != "T" {
		t.Errorf("the sealed catalog: %v, %v", cat, err)
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
