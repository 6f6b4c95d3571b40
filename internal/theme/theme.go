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
package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
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
	names, err := fs.Glob(fsys, "layouts/*.html")
	if err != nil {
		return err
	}
	partials, err := fs.Glob(fsys, "layouts/partials/*.html")
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
	base, err := template.New("").Funcs(t.funcs()).ParseFS(fsys, shared...)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	for _, p := range pages {
		clone := template.Must(base.Clone())
		if _, err := clone.ParseFS(fsys, p); err != nil {
			return fmt.Errorf("theme: %w", err)
		}
		t.pages[strings.TrimSuffix(path.Base(p), ".html")] = clone
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
		data, err := fs.ReadFile(fsys, p)
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
