//go:build linux

package theme

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"naskah/internal/dirfs"
	"naskah/themes"
)

// TestUntrustedTheme loads copies of the default theme on disk, through
// dirfs.New as naskah build -theme does, each with one entry an attacker could
// add. Load must fail promptly, naming the entry, and never name what lies
// outside the theme.
func TestUntrustedTheme(t *testing.T) {
	for _, tt := range []struct {
		name string
		add  func(t *testing.T, dir, outside string)
		want string // part of the error
	}{
		{"a FIFO among the static files", fifo("static/pipa.css"), "static/pipa.css: not a regular file or directory"},
		{"a FIFO as a page template", fifo("layouts/pipa.html"), "layouts/pipa.html: not a regular file or directory"},
		{"a FIFO as a partial", fifo("layouts/partials/pipa.html"), "layouts/partials/pipa.html: not a regular file or directory"},
		{"a FIFO as the strings file", replace("strings/id.toml", fifo("strings/id.toml")), "strings/id.toml: not a regular file or directory"},
		{"a socket among the static files", socket("static/soket"), "static/soket: not a regular file or directory"},
		{"a link to a file outside", link("outside/kunci.txt", "static/kunci.txt"), "static/kunci.txt: leads outside the directory"},
		{"a link to /dev/zero", link("/dev/zero", "static/nol.css"), "static/nol.css: leads outside the directory"},
		{"a link to a directory outside, among the static files", link("outside", "static/luar"), "static/luar: leads outside the directory"},
		{"a link to a directory outside, as the partials", replace("layouts/partials", link("outside", "layouts/partials")), "layouts/partials: leads outside the directory"},
		{"a link to the strings file outside", replace("strings/id.toml", link("outside/id.toml", "strings/id.toml")), "strings/id.toml: leads outside the directory"},
		{"a file over the size limit", func(t *testing.T, dir, _ string) {
			must(t, os.WriteFile(filepath.Join(dir, "static/besar.png"), make([]byte, MaxFileSize+1), 0o644))
		}, "theme: static files: static/besar.png: larger than 4 MiB, the limit for a theme file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, outside := filepath.Join(t.TempDir(), "tema"), t.TempDir()
			must(t, os.CopyFS(dir, themes.Default()))
			must(t, os.WriteFile(filepath.Join(outside, "kunci.txt"), []byte("rahasia"), 0o644))
			must(t, os.WriteFile(filepath.Join(outside, "id.toml"), []byte(`judul = "rahasia"`), 0o644))
			must(t, os.WriteFile(filepath.Join(outside, "id_rsa.html"), []byte("rahasia"), 0o644))
			tt.add(t, dir, outside)
			err := loadPromptly(t, dirfs.New(dir))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load: %v; want an error with %q", err, tt.want)
			}
			if msg := err.Error(); strings.Contains(msg, outside) || strings.Contains(msg, "id_rsa") || strings.Contains(msg, "rahasia") {
				t.Errorf("the error names what lies outside the theme: %s", msg)
			}
		})
	}
}

// TestIrregularThemeEntriesOnAnyFS checks that irregular entries are refused
// from their listing on an fs.FS that would read them like any file.
func TestIrregularThemeEntriesOnAnyFS(t *testing.T) {
	for _, name := range []string{"static/pipa.css", "layouts/pipa.html", "layouts/partials/pipa.html", "strings/id.toml"} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			must(t, fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := fs.ReadFile(themes.Default(), p)
				fsys[p] = &fstest.MapFile{Data: data}
				return err
			}))
			fsys[name] = &fstest.MapFile{Mode: fs.ModeNamedPipe, Data: []byte("body{}")}
			err := loadPromptly(t, fsys)
			if want := "read " + name + ": not a regular file or directory"; err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Load: %v; want an error with %q", err, want)
			}
		})
	}
}

// TestThemeFileAtTheLimit checks that a file of MaxFileSize bytes loads.
func TestThemeFileAtTheLimit(t *testing.T) {
	dir := t.TempDir()
	must(t, os.CopyFS(dir, themes.Default()))
	must(t, os.WriteFile(filepath.Join(dir, "static/besar.png"), make([]byte, MaxFileSize), 0o644))
	if err := loadPromptly(t, dirfs.New(dir)); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func fifo(name string) func(t *testing.T, dir, outside string) {
	return func(t *testing.T, dir, _ string) { must(t, syscall.Mkfifo(filepath.Join(dir, name), 0o644)) }
}

func socket(name string) func(t *testing.T, dir, outside string) {
	return func(t *testing.T, dir, _ string) {
		ln, err := net.Listen("unix", filepath.Join(dir, name))
		must(t, err)
		t.Cleanup(func() { ln.Close() })
	}
}

// link makes name a symbolic link to target, which is relative to outside
// when it starts with "outside".
func link(target, name string) func(t *testing.T, dir, outside string) {
	return func(t *testing.T, dir, outside string) {
		if rest, ok := strings.CutPrefix(target, "outside"); ok {
			target = outside + rest
		}
		must(t, os.Symlink(target, filepath.Join(dir, name)))
	}
}

// replace removes name, a file or a directory, before add makes it again.
func replace(name string, add func(t *testing.T, dir, outside string)) func(t *testing.T, dir, outside string) {
	return func(t *testing.T, dir, outside string) {
		must(t, os.RemoveAll(filepath.Join(dir, name)))
		add(t, dir, outside)
	}
}

// loadPromptly loads the theme in fsys, failing the test if Load has not
// returned within a few seconds, as it would not if it opened a FIFO.
func loadPromptly(t *testing.T, fsys fs.FS) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Load(fsys, "id")
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("Load did not return: it opened a FIFO?")
		return nil
	}
}
