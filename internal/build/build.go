// Package build is the recipe that turns a content tree into a published site:
// load and validate the content, render its Markdown, assemble the site model,
// render the pages, and publish them atomically. Each step is timed.
//
// Check runs every step but the last, so that it finds every problem a build would
// and writes nothing.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"naskah/internal/content"
	"naskah/internal/markdown"
	"naskah/internal/pages"
	"naskah/internal/publish"
	"naskah/internal/site"
	"naskah/internal/theme"
	"naskah/themes"
)

// Config says what to build and where to put it.
type Config struct {
	Content    fs.FS  // the content directory
	ContentDir string // how the content directory is named in messages, e.g. "content"
	Theme      fs.FS  // nil for the embedded default theme
	Out        string // the static site's directory
	Drafts     bool
	BaseURL    string // overrides the site's base_url
	// FallbackBaseURL is used when neither BaseURL nor the site sets one.
	FallbackBaseURL string
}

// Result reports a finished build or check.
type Result struct {
	Site     *site.Site
	Files    map[string][]byte
	Warnings []content.Problem
	Steps    []Step
}

// Step is one timed step of the recipe.
type Step struct {
	Name     string
	Duration time.Duration
}

// Run builds the site and publishes it to cfg.Out. On error nothing in cfg.Out changes.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	res, err := Check(ctx, cfg)
	if err != nil {
		return res, err
	}
	err = res.time("publish", func() error { return publish.Write(cfg.Out, res.Files) })
	return res, err
}

// Check runs every step of a build except publishing.
func Check(ctx context.Context, cfg Config) (*Result, error) {
	res := &Result{}
	var tree *content.Tree
	err := res.time("load", func() (err error) {
		tree, err = content.Load(cfg.Content, cfg.ContentDir)
		return err
	})
	if err != nil {
		return res, err
	}
	res.Warnings = tree.Warnings
	lang := tree.Site.Language
	if lang == "" {
		lang = "id"
	}
	th, err := loadTheme(cfg.Theme, lang)
	if err != nil {
		return res, err
	}
	var docs site.Docs
	if err := res.time("markdown", func() (err error) { docs, err = renderAll(ctx, tree, th); return err }); err != nil {
		return res, err
	}
	opts := site.Options{Drafts: cfg.Drafts, BaseURL: cfg.BaseURL, Fallback: cfg.FallbackBaseURL}
	if err := res.time("site", func() (err error) { res.Site, err = site.New(tree, docs, opts); return err }); err != nil {
		return res, err
	}
	err = res.time("pages", func() (err error) { res.Files, err = pages.Render(res.Site, th); return err })
	return res, err
}

func (r *Result) time(name string, f func() error) error {
	start := time.Now()
	err := f()
	r.Steps = append(r.Steps, Step{Name: name, Duration: time.Since(start)})
	return err
}

func loadTheme(fsys fs.FS, lang string) (*theme.Theme, error) {
	if fsys == nil {
		fsys = themes.Default()
	}
	return theme.Load(fsys, lang)
}

// renderAll renders the Markdown of every region description and version, in parallel.
func renderAll(ctx context.Context, tree *content.Tree, th *theme.Theme) (site.Docs, error) {
	label, err := th.Strings().T("policy.anchor")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	md := markdown.New(markdown.Options{AnchorLabel: label})
	type job struct {
		path string
		body []byte
	}
	var jobs []job
	for _, r := range tree.Regions {
		jobs = append(jobs, job{r.Path, r.Body})
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				jobs = append(jobs, job{v.Path, v.Body})
			}
		}
	}
	out := make([]*markdown.Rendered, len(jobs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := md.Render(j.body)
			if err != nil {
				return fmt.Errorf("%s: %w", j.path, err)
			}
			out[i] = doc
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	docs := make(site.Docs, len(jobs))
	for i, j := range jobs {
		docs[j.path] = out[i]
	}
	return docs, nil
}

// CheckOutput refuses an output directory that a publish would destroy: the current
// directory, a filesystem root, or one that holds the content or theme directory.
func CheckOutput(out string, keep ...string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	cwd, _ := filepath.Abs(".")
	if abs == cwd || abs == filepath.Dir(abs) {
		return fmt.Errorf("direktori keluaran %q: menolak mengganti direktori kerja atau direktori akar", out)
	}
	for _, k := range keep {
		if k == "" {
			continue
		}
		kabs, err := filepath.Abs(k)
		if err != nil {
			return err
		}
		if kabs == abs || strings.HasPrefix(kabs, abs+string(filepath.Separator)) {
			return fmt.Errorf("direktori keluaran %q: menolak, karena berisi %q yang akan terhapus oleh build", out, k)
		}
	}
	return nil
}

// Problems returns the content problems in err, if it holds any.
func Problems(err error) (content.Problems, bool) {
	var ps content.Problems
	ok := errors.As(err, &ps)
	return ps, ok
}
