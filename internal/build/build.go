// Package build is the Builder, which turns a content tree into a published site:
// load and validate the content, render its Markdown, assemble the site model,
// render the pages and, beside them, the catalog and the search index, and publish
// the lot at one commit point (package publish). Each step is timed.
//
// A full build is a Builder used once (Run). Check runs every step but
// publishing, so that it finds every problem a build would and writes nothing.
// The live preview keeps one Builder and calls Rebuild after every change: it
// decodes and renders again only the files whose bytes changed, renders the pages
// of the policies those files belong to (and the site-wide pages), writes only the
// output files whose bytes changed, and indexes those policies again.
//
// The Builder decides how many goroutines its parallel steps use (Config.Workers)
// and passes its context to every step, so that a build stops soon after it is
// told to, with nothing published.
//
// The packages under internal/ follow the two halves of the pipeline. Build time
// is content → markdown → site → pages → publish, driven by build; pages keeps
// its leaves card and qrcode under it. Serve time is catalog → search (with its
// leaf stemmer) and compare → server. The two meet only in the catalog, which
// site makes and the server reads, and in theme, the templates and strings both
// render with. legal, cache, dirfs and corpus are leaves that several stages
// share; watch and reload are the live preview's.
package build

import (
	"cmp"
	"context"
	"hash/maphash"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"naskah/internal/catalog"
	"naskah/internal/content"
	"naskah/internal/legal"
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
	// WarnFallback warns when FallbackBaseURL is used: every absolute link of
	// the site (QR codes, short and share links, canonical URLs, cards, feeds)
	// then leads to it. A build to publish wants it; the live preview not.
	WarnFallback bool
	// Workers is how many goroutines each parallel step runs; 0 means one per
	// processor (GOMAXPROCS).
	Workers int
	// Now is the day the status of every version is reckoned by; zero means
	// today in western Indonesian time. Two builds of the same content with the
	// same Now are the same.
	Now legal.Date
}

// DefaultBaseURL is where naskah serve listens unless told otherwise.
const DefaultBaseURL = "http://127.0.0.1:8080"

// Result reports a finished build or check.
type Result struct {
	mu      sync.Mutex // guards Steps, and Files while the pages are made
	Site    *site.Site
	catalog *catalog.Catalog // written to the data directory
	// thesaurus is the site's thesaurus of search, nil when it has none.
	thesaurus *search.Thesaurus
	sources   *fingerprints // of the source files, made for the preview only
	// Files are the files of the site, kept by Check and Rebuild; Run writes them
	// out as it makes them.
	Files map[string][]byte
	// Written counts the files written to the output: all of them after a full
	// build, and those added, changed or removed after a Rebuild.
	Written  int
	Warnings []content.Problem
	Steps    []Step
}

// Step is one timed step of the recipe.
type Step struct {
	Name     string
	Duration time.Duration
}

// Builder builds the site of one Config, keeping between builds what it may reuse.
type Builder struct {
	cfg     Config
	workers int
	themeFS fs.FS
	seed    maphash.Seed // of the fingerprints of sources and output files

	theme   *theme.Theme       // loaded by the first build that needs it
	md      *markdown.Renderer // set up with theme
	sources *content.Cache     // decoded version files, kept by Rebuild
	docs    *docCache          // rendered bodies, kept by Rebuild
	preview *previewState      // what Rebuild keeps of the last good build
}

// New returns the Builder of cfg.
func New(cfg Config) *Builder {
	b := &Builder{cfg: cfg, workers: cmp.Or(cfg.Workers, runtime.GOMAXPROCS(0)), themeFS: cfg.Theme, seed: maphash.MakeSeed()}
	if b.themeFS == nil {
		b.themeFS = themes.Default()
	}
	b.cfg.FallbackBaseURL = cmp.Or(cfg.FallbackBaseURL, DefaultBaseURL)
	return b
}

// Run builds the site of cfg once and publishes it (Builder.Build).
func Run(ctx context.Context, cfg Config) (*Result, error) { return New(cfg).Build(ctx) }

// Check runs every step of a build of cfg except publishing (Builder.Check).
func Check(ctx context.Context, cfg Config) (*Result, error) { return New(cfg).Check(ctx) }

// Build builds the site and publishes it to cfg.Out and cfg.Data. On error, or when
// ctx is done before the commit point, nothing in either directory changes. The
// pages and the index are made side by side: both need only the site model, and
// together they keep both cores busy. The pages go to the staged output as they
// are made, so that the build never holds them all.
func (b *Builder) Build(ctx context.Context) (*Result, error) {
	res, _, err := b.build(ctx, false)
	return res, err
}

// build is Build that also keeps the site's files in res.Files when keep, and
// returns the committed build, for the preview to go on changing in place.
func (b *Builder) build(ctx context.Context, keep bool) (*Result, *publish.Build, error) {
	res, err := b.prepare(ctx, false)
	if err != nil {
		return res, nil, err
	}
	pub, err := publish.Begin(ctx, publish.Target{Out: b.cfg.Out, Data: b.cfg.Data})
	if err != nil {
		return res, nil, err
	}
	write := pub.Site.Write
	if keep {
		res.Files = map[string][]byte{}
		write = func(name string, data []byte) error {
			res.mu.Lock()
			res.Files[name] = data
			res.mu.Unlock()
			return pub.Site.Write(name, data)
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return res.time("pages", func() error {
			opts := pages.Options{Previous: previousOutput(b.cfg.Out), Write: write, Workers: b.workers}
			if _, err := pages.Render(gctx, res.Site, b.theme, opts); err != nil {
				return err
			}
			res.Written = pub.Site.Len()
			return linkProblems(res.Site, pub.Site)
		})
	})
	if pub.Data != nil {
		g.Go(func() error {
			return res.time("index", func() (err error) { res.catalog, err = b.writeData(gctx, pub.Data, res); return err })
		})
	}
	if err := g.Wait(); err != nil {
		pub.Discard()
		return res, nil, err
	}
	return res, pub, res.time("publish", func() error { return pub.Commit(ctx) })
}

// Check runs every step of a build except publishing; it draws no share cards.
func (b *Builder) Check(ctx context.Context) (*Result, error) {
	res, err := b.prepare(ctx, false)
	if err != nil {
		return res, err
	}
	err = res.time("pages", func() (err error) {
		res.Files, err = pages.Render(ctx, res.Site, b.theme, pages.Options{NoCards: true, NoFileData: true, Workers: b.workers})
		return err
	})
	if err != nil {
		return res, err
	}
	return res, linkProblems(res.Site, memFiles(res.Files))
}

// linkProblems is checkLinks as an error: nil without problems.
func linkProblems(s *site.Site, files outputFiles) error {
	if problems := checkLinks(s, files); len(problems) > 0 {
		return problems
	}
	return nil
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
