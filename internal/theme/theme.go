// Package theme loads a theme — page templates, static assets and UI strings — and
// executes its templates.
//
// A theme is a directory (an fs.FS) holding:
//
//	layouts/base.html        the base layout, which defines "base"
//	layouts/partials/*.html  partials, shared by every page
//	layouts/NAME.html        one page template each; NAME is what Render takes
//	static/*             CSS, scripts and images, published fingerprinted under /assets/
//	strings/LANG.toml    UI text, one file per language
//
// Templates are parsed once by Load; Render executes one into memory, so a template
// error never leaves a half-written page. Every text a reader sees comes from the
// strings file: a key missing from it is an error, not a blank.
//
// A theme given with -theme is input naskah does not trust: Load reads only
// regular files, each of at most MaxFileSize bytes, and refuses a FIFO, a device
// or a socket without blocking on it. Given the fs.FS of dirfs.New, as naskah does,
// it refuses symbolic links that lead outside the theme too.
package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"naskah/internal/dirfs"
)

// Theme is a loaded theme for one language.
type Theme struct {
	pages   map[string]*template.Template
	strings Strings
	assets  map[string]Asset // by source name, e.g. "naskah.css"
}

// Asset is a static file published under a fingerprinted URL.
type Asset struct {
	URL  string // "/assets/naskah.1a2b3c4d.css"
	Data []byte
}

// MaxFileSize is the most bytes a file of a theme may hold. Templates and
// strings files hold a few kilobytes and the default theme's largest static
// file, its CSS, about 11 KB; 4 MiB leaves room for images and fonts.
const MaxFileSize = 4 << 20

// Load reads the theme in fsys with the UI strings of lang.
func Load(fsys fs.FS, lang string) (*Theme, error) {
	strs, err := loadStrings(fsys, lang)
	if err != nil {
		return nil, err
	}
	t := &Theme{strings: strs, pages: map[string]*template.Template{}}
	if t.assets, err = loadAssets(fsys); err != nil {
		return nil, err
	}
	if err := t.parse(fsys); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *Theme) parse(fsys fs.FS) error {
	names, err := templateFiles(fsys, "layouts")
	if err != nil {
		return err
	}
	partials, err := templateFiles(fsys, "layouts/partials")
	if err != nil {
		return err
	}
	shared := append([]string{"layouts/base.html"}, partials...)
	var pages []string
	for _, n := range names {
		if n != "layouts/base.html" {
			pages = append(pages, n)
		}
	}
	if _, err := fs.Stat(fsys, "layouts/base.html"); err != nil {
		return fmt.Errorf("theme: no base layout (layouts/base.html)")
	}
	base := template.New("").Funcs(t.funcs())
	if err := parseFiles(base, fsys, shared...); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	for _, p := range pages {
		clone := template.Must(base.Clone())
		if err := parseFiles(clone, fsys, p); err != nil {
			return fmt.Errorf("theme: %w", err)
		}
		t.pages[strings.TrimSuffix(path.Base(p), ".html")] = clone
	}
	return nil
}

// templateFiles returns the names of the files in dir of fsys that match
// *.html, as fs.Glob does, but fails when dir exists and cannot be read, so
// that a link that leads outside the theme is an error and not a theme
// without those templates, and refuses irregular entries without opening them.
func templateFiles(fsys fs.FS, dir string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	var names []string
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if ok, _ := path.Match("*.html", e.Name()); !ok {
			continue
		}
		if err := checkEntry(name, e); err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		names = append(names, name)
	}
	return names, nil
}

// parseFiles parses each file of fsys named in names into t, as a template
// named by the file's base name, as ParseFS does, but reading with readFile.
func parseFiles(t *template.Template, fsys fs.FS, names ...string) error {
	for _, name := range names {
		data, err := readFile(fsys, name)
		if err != nil {
			return err
		}
		if _, err := t.New(path.Base(name)).Parse(string(data)); err != nil {
			return err
		}
	}
	return nil
}

// Render executes the page template name with data into memory.
func (t *Theme) Render(name string, data any) ([]byte, error) {
	tmpl, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("theme: no page template %q (layouts/%s.html)", name, name)
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "base", data); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return buf.Bytes(), nil
}

// Assets returns the static files to publish.
func (t *Theme) Assets() []Asset {
	out := make([]Asset, 0, len(t.assets))
	for _, a := range t.assets {
		out = append(out, a)
	}
	return out
}

// AssetURL returns the published URL of the static file name.
func (t *Theme) AssetURL(name string) (string, error) {
	a, ok := t.assets[name]
	if !ok {
		return "", fmt.Errorf("theme: no static file %q", name)
	}
	return a.URL, nil
}

// Strings returns the UI strings.
func (t *Theme) Strings() Strings { return t.strings }

func loadAssets(fsys fs.FS) (map[string]Asset, error) {
	assets := map[string]Asset{}
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		if err := checkEntry(p, d); err != nil {
			return err
		}
		data, err := readFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		url := "/assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		assets[name] = Asset{URL: url, Data: data}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("theme: static files: %w", err)
	}
	return assets, nil
}

// readFile reads the file name of fsys, refusing a file larger than
// MaxFileSize and anything but a regular file, on any fs.FS.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	data, _, err := dirfs.ReadFile(fsys, name, MaxFileSize)
	if errors.Is(err, dirfs.ErrTooLarge) {
		return nil, fmt.Errorf("%s: larger than %d MiB, the limit for a theme file", name, MaxFileSize>>20)
	}
	return data, err
}

// checkEntry refuses the entry d, at name, without opening it, when it is
// neither a regular file, a directory nor a symbolic link, which readFile
// follows and checks.
func checkEntry(name string, d fs.DirEntry) error {
	if typ := d.Type(); typ&^(fs.ModeDir|fs.ModeSymlink) != 0 {
		return &fs.PathError{Op: "read", Path: name, Err: dirfs.ErrIrregular}
	}
	return nil
}
