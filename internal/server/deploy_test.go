package server

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"naskah/internal/build"
)

// TestDeployCopiedInPlaceUnderLiveSearches copies a newer build over the served
// one as `cp -r new/. old/` does, overwriting files of the same name in place,
// while searches run, then reloads. No search may fail, no file the server has
// mapped may be written, and after the reload the new build answers.
func TestDeployCopiedInPlaceUnderLiveSearches(t *testing.T) {
	out, data := buildFixture(t)
	newOut, newData := buildEdited(t, "Pelatihan diadakan setiap tahun.", "Pelatihan swasembada diadakan setiap tahun.")
	s, err := New(Config{Out: out, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mapped := mappedFiles(t, data)

	var failures atomic.Int32
	var searches atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, q := range []string{"rekrutmen", "pelatihan", "pegawai"} {
					if res, body := get(t, s, "GET", "/api/v1/search?versions=all&q="+q); res.StatusCode != http.StatusOK {
						t.Errorf("search %q during the copy: %d %s", q, res.StatusCode, body)
						failures.Add(1)
					}
					searches.Add(1)
				}
			}
		}()
	}
	written := copyInPlace(t, newData, data)
	copyInPlace(t, newOut, out)
	if err := s.Reload(); err != nil {
		t.Fatalf("reload after the copy: %v", err)
	}
	for searches.Load() < 200 && failures.Load() == 0 {
		runtime.Gosched()
	}
	close(stop)
	wg.Wait()
	for _, f := range written {
		if mapped[f] {
			t.Errorf("the copy overwrote %s, which the server had mapped", f)
		}
	}
	if _, body := get(t, s, "GET", "/api/v1/search?q=swasembada"); !strings.Contains(body, `"total":1`) {
		t.Errorf("after the reload the new build does not answer: %s", body)
	}
}

// buildEdited builds the fixture site with one sentence replaced, and returns its
// output and data directories.
func buildEdited(t *testing.T, old, new string) (out, data string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(src, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "contoh", "kebijakan-uji", "2025-03.md")
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s lacks %q: %v", file, old, err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out, data = filepath.Join(dir, "public"), filepath.Join(dir, "data")
	cfg := build.Config{Content: os.DirFS(src), ContentDir: "content", Out: out, Data: data, Drafts: true}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return out, data
}

// copyInPlace copies the tree src over dst as cp -r src/. dst/ does: a file that
// exists is truncated and written again. It returns the files it wrote.
func copyInPlace(t *testing.T, src, dst string) []string {
	t.Helper()
	var written []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, in); err != nil {
			f.Close()
			return err
		}
		written = append(written, target)
		return f.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	return written
}

// mappedFiles returns the files below dir that this process has mapped, read
// from /proc/self/maps; the test skips where there is none.
func mappedFiles(t *testing.T, dir string) map[string]bool {
	t.Helper()
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		t.Skipf("skipped: no /proc/self/maps to tell which files are mapped (%v)", err)
	}
	defer f.Close()
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 6 && strings.HasPrefix(fields[5], real+string(filepath.Separator)) {
			files[fields[5]] = true
			files[filepath.Join(dir, strings.TrimPrefix(fields[5], real))] = true
		}
	}
	if len(files) == 0 {
		t.Fatal("the server maps no file of the data directory: the test would check nothing")
	}
	return files
}
