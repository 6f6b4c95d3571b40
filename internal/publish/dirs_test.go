package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirsCheck runs the checks from inside a project directory laid out as
// naskah's own: content/, themes/default/, go.mod, .git, and a public/ with only
// its .gitkeep.
func TestDirsCheck(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"content/a", "themes/default", ".git", "public", "lain/berkas", "lama-naskah/assets", "data-lama/index", "kosong", "hanya-titik"} {
		mkdir(t, filepath.Join(root, dir))
	}
	for _, file := range []string{"go.mod", "public/.gitkeep", "lain/berkas/x.txt", "lama-naskah/assets/naskah.1a2b3c4d.css", "data-lama/catalog.json", "hanya-titik/.htaccess"} {
		if err := os.WriteFile(filepath.Join(root, file), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "tautan-konten")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)

	ok := Dirs{Out: "public", Data: ".naskah", Content: "content"}
	tests := []struct {
		name string
		dirs Dirs
		want string // a part of the message; "" for no error
	}{
		{"the defaults", ok, ""},
		{"a theme directory", with(ok, func(d *Dirs) { d.Theme = "themes/default" }), ""},
		{"an empty directory", with(ok, func(d *Dirs) { d.Out = "kosong" }), ""},
		{"a directory of dot-files only", with(ok, func(d *Dirs) { d.Out = "hanya-titik" }), ""},
		{"a new directory elsewhere", with(ok, func(d *Dirs) { d.Out = filepath.Join(t.TempDir(), "situs") }), ""},
		{"a site of an older naskah", with(ok, func(d *Dirs) { d.Out = "lama-naskah" }), ""},
		{"data of an older naskah", with(ok, func(d *Dirs) { d.Data = "data-lama" }), ""},
		{"-data is the content", with(ok, func(d *Dirs) { d.Data = "content" }), `-data "content": menolak, karena direktori itu sama dengan direktori konten`},
		{"-out is the content", with(ok, func(d *Dirs) { d.Out = "content/" }), "sama dengan direktori konten"},
		{"-out inside the content", with(ok, func(d *Dirs) { d.Out = "content/public" }), "ada di dalam direktori konten"},
		{"-data above the content", with(ok, func(d *Dirs) { d.Data = "." }), "sama dengan direktori kerja"},
		{"-out through a link to the content", with(ok, func(d *Dirs) { d.Out = "tautan-konten" }), "sama dengan direktori konten"},
		{"-out is the theme", with(ok, func(d *Dirs) { d.Theme, d.Out = "themes/default", "themes/default" }), "direktori tema"},
		{"-out above the theme", with(ok, func(d *Dirs) { d.Theme, d.Out = "themes/default", "themes" }), "berisi direktori tema"},
		{"-out is the working directory", with(ok, func(d *Dirs) { d.Out = root }), "sama dengan direktori kerja"},
		{"-out above the working directory", with(ok, func(d *Dirs) { d.Out = ".." }), "berisi direktori kerja"},
		{"-data is the root", with(ok, func(d *Dirs) { d.Data = "/" }), "berisi direktori kerja"},
		{"-out equal to -data", with(ok, func(d *Dirs) { d.Data = "public" }), `-out "public": menolak, karena direktori itu sama dengan -data`},
		{"-out inside -data", with(ok, func(d *Dirs) { d.Out = ".naskah/public" }), "ada di dalam -data"},
		{"-data inside -out", with(ok, func(d *Dirs) { d.Data = "public/data" }), "berisi -data"},
		{"a directory holding go.mod", with(ok, func(d *Dirs) {
			d.Out = filepath.Join(root, "sub")
			mkdir(t, d.Out)
			touch(t, filepath.Join(d.Out, "go.mod"))
		}), "berisi go.mod"},
		{"a directory holding .git", with(ok, func(d *Dirs) { d.Data = "repo"; mkdir(t, "repo/.git") }), "berisi .git"},
		{"a foreign directory", with(ok, func(d *Dirs) { d.Out = "lain" }), "tidak dibuat naskah build"},
		{"a foreign directory, forced", with(ok, func(d *Dirs) { d.Out, d.Force = "lain", true }), ""},
		{"a foreign data directory", with(ok, func(d *Dirs) { d.Data = "lain" }), `-data "lain"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.dirs.Check()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Check = %v, want no error", err)
				}
				return
			}
			var de *DirError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v, want a DirError with %q", err, tt.want)
			}
		})
	}
}

func with(d Dirs, f func(*Dirs)) Dirs {
	f(&d)
	return d
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func touch(t *testing.T, file string) {
	t.Helper()
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
}
