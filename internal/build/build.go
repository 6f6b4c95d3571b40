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
	"os"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"naskah/internal/catalog"
	"naskah/internal/content"
	"naskah/internal/markdown"
	"naskah/internal/pages"
	"naskah/internal/publish"
	"naskah/internal/search"
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
	// Data is the directory of what the server needs besides Out: the catalog, the
	// search index and a copy of the theme. Empty means none is written.
	Data    string
	Drafts  bool
	BaseURL string // overrides the site's base_url
	// FallbackBaseURL is used when neither BaseURL nor the site sets one;
	// DefaultBaseURL when empty.
	FallbackBaseURL string
}

// DefaultBaseURL is where naskah serve listens unless told otherwise.
const DefaultBaseURL = "http://127.0.0.1:8080"

// siteOptions are the options of the site model that cfg asks for.
func (cfg Config) siteOptions() site.Options {
	opts := site.Options{Drafts: cfg.Drafts, BaseURL: cfg.BaseURL, Fallback: cfg.FallbackBaseURL}
	if opts.Fallback == "" {
		opts.Fallback = DefaultBaseURL
	}
	return opts
}

// Result reports a finished build or check.
type Result struct {
	mu    sync.Mutex // guards Steps
	Site  *site.Site
	theme fs.FS
	// Files are the files of the site, kept by Check; Run writes them out as
	// it makes them and counts them in Written.
	Files    map[string][]byte
	Written  int
	Warnings []content.Problem
	Steps    []Step
}

// Step is one timed step of the recipe.
type Step struct {
	Name     string
	Duration time.Duration
}

// Run builds the site and publishes it to cfg.Out and cfg.Data. On error, or when
// ctx is done before the commit point, nothing in either directory changes (see
// package publish). The pages and the index are made side by side: both need only
// the site model, and together they keep both cores busy. The pages go to the
// staged output as they are made, so that the build never holds them all.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	res, th, err := prepare(ctx, cfg)
	if err != nil {
		return res, err
	}
	pub, err := publish.Begin(ctx, publish.Target{Out: cfg.Out, Data: cfg.Data})
	if err != nil {
		return res, err
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return res.time("pages", func() error {
			opts := pages.Options{Previous: previousOutput(cfg.Out), Write: pub.Site.Write}
			if _, err := pages.RenderWith(gctx, res.Site, th, opts); err != nil {
				return err
			}
			res.Written = pub.Site.Len()
			if problems := checkLinks(res.Site, pub.Site); len(problems) > 0 {
				return problems
			}
			return nil
		})
	})
	if pub.Data != nil {
		g.Go(func() error {
			return res.time("index", func() error { return writeData(gctx, pub.Data, res.Site, res.theme) })
		})
	}
	if err := g.Wait(); err != nil {
		pub.Discard()
		return res, err
	}
	return res, res.time("publish", func() error { return pub.Commit(ctx) })
}

// writeData writes the server's data through w: the catalog, the search index, and
// the theme, so that the server renders its pages as the build did.
func writeData(ctx context.Context, w *publish.Writer, s *site.Site, th fs.FS) error {
	cat := s.Catalog()
	if err := w.WriteCatalog(cat); err != nil {
		return err
	}
	if err := w.WriteFS(catalog.ThemeDir, th); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	dir, err := w.Path(catalog.IndexDir)
	if err != nil {
		return err
	}
	return search.Build(ctx, dir, cat)
}

// Check runs every step of a build except publishing.
func Check(ctx context.Context, cfg Config) (*Result, error) {
	res, th, err := prepare(ctx, cfg)
	if err != nil {
		return res, err
	}
	err = res.time("pages", func() (err error) {
		res.Files, err = pages.RenderWith(ctx, res.Site, th, pages.Options{NoCards: true})
		return err
	})
	if err != nil {
		return res, err
	}
	if problems := checkLinks(res.Site, memFiles(res.Files)); len(problems) > 0 {
		return res, problems
	}
	return res, nil
}

// prepare loads the content and the theme, renders the Markdown and assembles the
// site model.
func prepare(ctx context.Context, cfg Config) (*Result, *theme.Theme, error) {
	res := &Result{}
	var tree *content.Tree
	err := res.time("load", func() (err error) {
		tree, err = content.Load(cfg.Content, cfg.ContentDir)
		return err
	})
	if err != nil {
		return res, nil, err
	}
	res.Warnings = append(tree.Warnings, summaryWarnings(tree)...)
	lang := tree.Site.Language
	if lang == "" {
		lang = "id"
	}
	res.theme = cfg.Theme
	if res.theme == nil {
		res.theme = themes.Default()
	}
	th, err := theme.Load(res.theme, lang)
	if err != nil {
		return res, nil, err
	}
	md, err := newMarkdown(th)
	if err != nil {
		return res, nil, err
	}
	var docs site.Docs
	if err := res.time("markdown", func() (err error) { docs, err = renderAll(ctx, tree, md, nil); return err }); err != nil {
		return res, nil, err
	}
	err = res.time("site", func() (err error) { res.Site, err = site.New(tree, docs, cfg.siteOptions()); return err })
	return res, th, err
}

// previousOutput is the output of the last build, whose share cards the pages
// may keep, or nil.
func previousOutput(dir string) fs.FS {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return os.DirFS(dir)
}

// time runs one step of the recipe and records how long it took. Steps that run
// side by side record their own wall time.
func (r *Result) time(name string, f func() error) error {
	start := time.Now()
	err := f()
	r.mu.Lock()
	r.Steps = append(r.Steps, Step{Name: name, Duration: time.Since(start)})
	r.mu.Unlock()
	return err
}

// newMarkdown sets up the renderer with the theme's labels for heading and
// paragraph links.
func newMarkdown(th *theme.Theme) (*markdown.Renderer, error) {
	label, err := th.Strings().T("policy.anchor")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	para, err := th.Strings().T("policy.paragraph_anchor")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return markdown.New(markdown.Options{AnchorLabel: label, ParagraphLabel: para}), nil
}

// renderAll renders the Markdown of every region description and version, in
// parallel, reusing what cache holds of an unchanged body (cache may be nil).
// Bodies past a limit of the renderer are content problems, all of them
// reported together.
func renderAll(ctx context.Context, tree *content.Tree, md *markdown.Renderer, cache *docCache) (site.Docs, error) {
	type job struct {
		path     string
		body     []byte
		bodyLine int
	}
	var jobs []job
	for _, r := range tree.Regions {
		jobs = append(jobs, job{r.Path, r.Body, r.BodyLine})
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				jobs = append(jobs, job{v.Path, v.Body, v.BodyLine})
			}
		}
	}
	out := make([]*markdown.Rendered, len(jobs))
	problems := make([]*content.Problem, len(jobs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		if out[i] = cache.get(j.path, j.body); out[i] != nil {
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := md.Render(j.body)
			if p, ok := limitProblem(j.path, j.bodyLine, err); ok {
				problems[i] = p
				return nil
			}
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
	var ps content.Problems
	for _, p := range problems {
		if p != nil {
			ps = append(ps, *p)
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	docs := make(site.Docs, len(jobs))
	for i, j := range jobs {
		docs[j.path] = out[i]
		cache.put(j.path, j.body, out[i])
	}
	return docs, nil
}

// limitProblem turns err, if the renderer refused a body that starts at line
// bodyLine of the file path for going past a limit, into the problem at the
// line of the file.
func limitProblem(path string, bodyLine int, err error) (*content.Problem, bool) {
	var le *markdown.LimitError
	if !errors.As(err, &le) {
		return nil, false
	}
	return &content.Problem{Path: path, Line: bodyLine + le.Line - 1, Message: le.Msg}, true
}

// summaryWarnings names the versions without a summary, which search results and
// link previews show.
func summaryWarnings(tree *content.Tree) []content.Problem {
	var out []content.Problem
	for _, r := range tree.Regions {
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				if v.Summary == "" {
					out = append(out, content.Problem{Path: v.Path, Line: 1, Warning: true,
						Message: "summary kosong; ringkasan tampil di hasil pencarian dan pratinjau tautan"})
				}
			}
		}
	}
	return out
}

// Problems returns the content problems in err, if it holds any.
func Problems(err error) (content.Problems, bool) {
	var ps content.Problems
	ok := errors.As(err, &ps)
	return ps, ok
}
