package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

// hugoLayouts is a minimal Hugo theme: a page shows its title and text, a list its
// pages. It does what a plain static site generator must, and no more.
var hugoLayouts = map[string]string{
	"hugo.toml": "baseURL = 'http://127.0.0.1:1313/'\nlanguageCode = 'id'\ntitle = 'Korpus Uji'\n" +
		"disableKinds = ['taxonomy', 'term', 'RSS']\n",
	"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title>` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
	"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}`,
	"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
	"layouts/index.html":           `{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
}

// monthDate matches the YYYY-MM dates that naskah takes and Hugo does not.
var monthDate = regexp.MustCompile(`(?m)^date: (\d{4}-\d{2})$`)

// measureHugo builds the corpus with Hugo, then indexes Hugo's output with Pagefind,
// when they are installed.
func measureHugo(ctx context.Context, o options, work, bin string, r *report, log io.Writer) error {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		fmt.Fprintln(log, "hugo is not on PATH; skipping Hugo and Pagefind")
		return nil
	}
	site := filepath.Join(work, "hugo")
	if err := writeHugoSite(filepath.Join(work, "content"), site); err != nil {
		return err
	}
	fmt.Fprintln(log, "hugo …")
	h, err := timed(ctx, site, hugo, "--quiet", "-d", "public")
	if err != nil {
		return err
	}
	r.Hugo = &h
	pagefind, err := exec.LookPath("pagefind")
	if o.pagefind != "" {
		pagefind, err = filepath.Join(o.pagefind, "node_modules", ".bin", "pagefind"), nil
	}
	if err != nil {
		fmt.Fprintln(log, "pagefind is not on PATH; skipping it (npm install pagefind, then -pagefind DIR)")
		return nil
	}
	fmt.Fprintln(log, "pagefind …")
	p, err := timed(ctx, site, pagefind, "--site", "public")
	if err != nil {
		return err
	}
	r.Pagefind = &p
	return nil
}

// writeHugoSite copies the corpus into a Hugo site with the minimal layouts.
func writeHugoSite(content, site string) error {
	for name, text := range hugoLayouts {
		if err := writeFile(filepath.Join(site, name), []byte(text)); err != nil {
			return err
		}
	}
	return filepath.Walk(content, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, err := filepath.Rel(content, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = monthDate.ReplaceAll(data, []byte("date: $1-01"))
		return writeFile(filepath.Join(site, "content", rel), data)
	})
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
