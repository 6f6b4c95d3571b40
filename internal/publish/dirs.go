package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"naskah/internal/catalog"
)

// Dirs are the directories a build reads and writes, as the command line names
// them.
type Dirs struct {
	Out, Data      string // written; Data may be empty
	Content, Theme string // read; Theme is empty for the embedded theme
	// Force lets the build replace an existing directory that no naskah build
	// made.
	Force bool
}

// A DirError says why a build must not write to a directory. Nothing was written.
type DirError struct{ msg string }

func (e *DirError) Error() string { return e.msg }

// Check refuses output directories that a build would destroy sources with,
// before anything is written: an output equal to, inside or above the content
// or theme directory, or the other output; one equal to or above the working
// directory, or holding go.mod or .git; and an existing directory with files that
// no naskah build made (unless Force). Paths are compared after following
// symbolic links.
func (d Dirs) Check() error {
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	reads := []struct{ what, dir string }{{"direktori kerja", cwd}, {"direktori konten", d.Content}, {"direktori tema", d.Theme}}
	outs := []struct{ flag, dir string }{{"-out", d.Out}, {"-data", d.Data}}
	for _, o := range outs {
		if o.dir == "" {
			continue
		}
		for _, r := range reads {
			if err := refuseOverlap(o.flag, o.dir, r.what, r.dir, r.what == "direktori kerja"); err != nil {
				return err
			}
		}
		if err := refuseProject(o.flag, o.dir); err != nil {
			return err
		}
	}
	if err := refuseOverlap("-out", d.Out, "-data", d.Data, false); err != nil {
		return err
	}
	if d.Force {
		return nil
	}
	for i, o := range outs {
		if o.dir == "" {
			continue
		}
		if err := refuseForeign(o.flag, o.dir, i == 1); err != nil {
			return err
		}
	}
	return nil
}

// refuseOverlap refuses the output dir (of flag) if it is other (named what), lies
// inside it or holds it. With aboveOnly, lying inside other is fine: the outputs
// belong inside the working directory.
func refuseOverlap(flag, dir, what, other string, aboveOnly bool) error {
	if other == "" {
		return nil
	}
	a, b := realPath(dir), realPath(other)
	var rel string
	switch {
	case a == b:
		rel = "sama dengan"
	case within(b, a):
		rel = "berisi"
	case within(a, b) && !aboveOnly:
		rel = "ada di dalam"
	default:
		return nil
	}
	return &DirError{fmt.Sprintf("%s %s: menolak, karena direktori itu %s %s %s, yang akan terhapus atau tercampur oleh build; pilih direktori keluaran lain (bawaan: -out public -data .naskah)",
		flag, quote(dir), rel, what, quote(other))}
}

// refuseProject refuses an output that holds a Go module or a git repository.
func refuseProject(flag, dir string) error {
	for _, name := range []string{"go.mod", ".git"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return &DirError{fmt.Sprintf("%s %s: menolak, karena direktori itu berisi %s dan akan terhapus oleh build; pilih direktori keluaran lain", flag, quote(dir), name)}
		}
	}
	return nil
}

// refuseForeign refuses an existing output with files in it that no naskah build
// made: a site's carries the build file, a data directory the data marker (or,
// written before markers, a catalog and an index). Regular dot-files alone do not
// count: a build carries them over.
func refuseForeign(flag, dir string, data bool) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &DirError{fmt.Sprintf("%s %s: %v", flag, quote(dir), err)}
	}
	if onlyDotFiles(entries) || madeByNaskah(dir, data) {
		return nil
	}
	return &DirError{fmt.Sprintf("%s %s: menolak, karena direktori itu berisi berkas yang tidak dibuat naskah build dan akan terhapus; kosongkan atau pilih direktori lain, atau tambahkan -force bila memang boleh diganti", flag, quote(dir))}
}

func onlyDotFiles(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !e.Type().IsRegular() {
			return false
		}
	}
	return true
}

func madeByNaskah(dir string, data bool) bool {
	exists := func(name string) bool { _, err := os.Lstat(filepath.Join(dir, name)); return err == nil }
	if !data {
		return exists(catalog.BuildFile) || legacySite(dir)
	}
	return exists(catalog.DataMarker) || exists(catalog.FileName) && exists(catalog.IndexDir)
}

// legacySite reports whether dir is a site that naskah built before build files:
// its stylesheet is named naskah.{fingerprint}.css.
func legacySite(dir string) bool {
	css, _ := filepath.Glob(filepath.Join(globEscape(dir), "assets", "naskah.*.css"))
	return len(css) > 0
}

// realPath is p made absolute with its symbolic links followed, as far as it
// exists.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if dir == filepath.Dir(dir) {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path a lies strictly inside directory b.
func within(a, b string) bool {
	rel, err := filepath.Rel(b, a)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// quote shows a path as typed, escaping what a terminal would not show.
func quote(p string) string { return fmt.Sprintf("%q", p) }
