package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"

	"naskah/internal/catalog"
	"naskah/internal/content"
	"naskah/internal/legal"
	"naskah/internal/markdown"
	"naskah/internal/publish"
	"naskah/internal/search"
	"naskah/internal/site"
	"naskah/internal/theme"
)

// prepare loads the content, loads the theme the first time (and again when
// reloadTheme), renders the Markdown and assembles the site model. The preview's
// Builder keeps the decoded files and the rendered bodies, and does again only
// what changed.
func (b *Builder) prepare(ctx context.Context, reloadTheme bool) (*Result, error) {
	res := &Result{}
	var tree *content.Tree // let go after the site is made: it holds every source file
	err := res.time("load", func() (err error) {
		tree, err = content.LoadCached(b.cfg.Content, b.cfg.ContentDir, b.sources)
		return err
	})
	if err != nil {
		return res, err
	}
	res.Warnings = append(tree.Warnings, summaryWarnings(tree)...)
	if res.thesaurus, err = readThesaurus(tree); err != nil {
		return res, err
	}
	if b.sources != nil {
		res.sources = b.fingerprints(tree)
	}
	if b.theme == nil || reloadTheme {
		if err := b.loadTheme(tree.Site.Language); err != nil {
			return res, err
		}
	}
	var docs site.Docs
	var structure content.Problems
	if err := res.time("markdown", func() (err error) {
		docs, structure, err = renderAll(ctx, tree, b.md, b.docs, b.workers)
		return err
	}); err != nil {
		return res, err
	}
	res.Warnings = append(res.Warnings, structure...)
	if err := tree.ShowImages(imageRefs(tree, docs)); err != nil {
		return res, err
	}
	opts := site.Options{Drafts: b.cfg.Drafts, BaseURL: b.cfg.BaseURL, Fallback: b.cfg.FallbackBaseURL, Now: b.cfg.Now}
	if b.cfg.WarnFallback && b.cfg.BaseURL == "" && tree.Site.BaseURL == "" {
		res.Warnings = append(res.Warnings, content.Problem{Path: tree.Site.Path, Warning: true, Message: fmt.Sprintf(
			"base_url belum diisi: kode QR, tautan pendek, tautan berbagi, URL kanonik, kartu berbagi dan feed akan menunjuk ke %s; "+
				"isi base_url (mis. base_url: https://naskah.contoh.go.id) di berkas ini, atau bangun dengan -base-url", b.cfg.FallbackBaseURL)})
	}
	err = res.time("site", func() (err error) { res.Site, err = site.New(tree, docs, opts); return err })
	if err == nil {
		res.Warnings = append(res.Warnings, statusWarnings(res.Site)...)
	}
	return res, err
}

// loadTheme loads the theme in the site's language and sets up the Markdown
// renderer with its labels. A Builder that keeps rendered bodies forgets them:
// they carry the old labels.
func (b *Builder) loadTheme(lang string) error {
	th, err := theme.Load(b.themeFS, lang)
	if err != nil {
		return err
	}
	md, err := newMarkdown(th)
	if err != nil {
		return err
	}
	b.theme, b.md = th, md
	if b.docs != nil {
		b.docs = &docCache{docs: map[string]cachedDoc{}}
	}
	return nil
}

// writeData writes the server's data through w: the catalog, the search index, and
// the theme, so that the server renders its pages as the build did.
func (b *Builder) writeData(ctx context.Context, w *publish.Writer, res *Result) (*catalog.Catalog, error) {
	cat := res.Site.Catalog()
	if err := w.WriteCatalog(cat); err != nil {
		return nil, err
	}
	if err := w.WriteFS(catalog.ThemeDir, b.themeFS); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	dir, err := w.Path(catalog.IndexDir)
	if err != nil {
		return nil, err
	}
	return cat, search.BuildWithThesaurus(ctx, dir, cat, b.workers, res.thesaurus)
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
// parallel on workers goroutines, reusing what cache holds of an unchanged body (cache may be nil).
// A regulation's body (form: peraturan) is read as its units. Bodies past a
// limit of the renderer and references to units that do not exist are content
// problems, all of them reported together; the other problems of a
// regulation's structure are returned as warnings.
func renderAll(ctx context.Context, tree *content.Tree, md *markdown.Renderer, cache *docCache, workers int) (site.Docs, content.Problems, error) {
	type job struct {
		path       string
		body       []byte
		bodyLine   int
		base       string // the page the body is read at; "" for a region's description
		regulation bool
	}
	var jobs []job
	for _, r := range tree.Regions {
		jobs = append(jobs, job{r.Path, r.Body, r.BodyLine, "", false})
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				jobs = append(jobs, job{v.Path, v.Body, v.BodyLine, site.VersionURL(r.Slug, p.Slug, v.Slug), v.Form == content.Peraturan})
			}
		}
	}
	// key is what the cache knows a rendering by: the same bytes read in
	// another form render otherwise.
	key := func(j job) string {
		if j.regulation {
			return j.path + "\x00peraturan"
		}
		return j.path
	}
	out := make([]*markdown.Rendered, len(jobs))
	problems := make([]*content.Problem, len(jobs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, j := range jobs {
		if out[i] = cache.get(key(j), j.body); out[i] != nil {
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			render := md.RenderAt
			if j.regulation {
				render = md.RenderRegulation
			}
			doc, err := render(j.body, j.base)
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
		return nil, nil, err
	}
	var ps, warnings content.Problems
	for i, p := range problems {
		if p != nil {
			ps = append(ps, *p)
			continue
		}
		for _, sp := range out[i].Problems {
			p := content.Problem{Path: jobs[i].path, Line: jobs[i].bodyLine + sp.Line - 1, Message: sp.Message, Warning: !sp.Error}
			if sp.Error {
				ps = append(ps, p)
			} else {
				warnings = append(warnings, p)
			}
		}
	}
	if len(ps) > 0 {
		return nil, nil, append(ps, warnings...)
	}
	docs := make(site.Docs, len(jobs))
	for i, j := range jobs {
		docs[j.path] = out[i]
		cache.put(key(j), j.body, out[i])
	}
	return docs, warnings, nil
}

// imageRefs are the images that each version's body shows, by the version's
// path, for content to check against the files beside it.
func imageRefs(tree *content.Tree, docs site.Docs) map[string][]content.ImageRef {
	refs := map[string][]content.ImageRef{}
	for _, r := range tree.Regions {
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				for _, img := range docs[v.Path].Images {
					refs[v.Path] = append(refs[v.Path], content.ImageRef{Dest: img.Dest, Line: img.Line})
				}
			}
		}
	}
	return refs
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

// statusWarnings names, as of the site's day, the versions still to come into
// force and the policies with no version in force yet, so that a drafter sees
// what readers will see as Akan berlaku.
func statusWarnings(s *site.Site) []content.Problem {
	var out []content.Problem
	for _, r := range s.Regions {
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				if v.State != legal.Scheduled {
					continue
				}
				msg := fmt.Sprintf("versi %s baru berlaku mulai %s; per %s statusnya Akan berlaku", v.Label, v.Date, s.Now)
				if v == p.Current {
					msg = fmt.Sprintf("kebijakan ini belum memiliki versi yang berlaku per %s; versi %s baru berlaku mulai %s", s.Now, v.Label, v.Date)
				}
				out = append(out, content.Problem{Path: v.Path, Line: max(v.DateLine, 1), Warning: true, Message: msg})
			}
		}
	}
	return out
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

// docCache keeps rendered bodies by source path, with the body they were rendered
// from: comparing bodies costs less than hashing them. A nil *docCache keeps
// nothing.
type docCache struct {
	docs map[string]cachedDoc
}

type cachedDoc struct {
	body []byte
	doc  *markdown.Rendered
}

func (c *docCache) get(path string, body []byte) *markdown.Rendered {
	if c == nil {
		return nil
	}
	if d, ok := c.docs[path]; ok && bytes.Equal(d.body, body) {
		return d.doc
	}
	return nil
}

// put is called from one goroutine, after the parallel rendering.
func (c *docCache) put(path string, body []byte, doc *markdown.Rendered) {
	if c != nil {
		c.docs[path] = cachedDoc{body, doc}
	}
}

// readThesaurus reads the site's thesaurus of search, if it has one, and
// reports each line it cannot read as a problem of the file.
func readThesaurus(tree *content.Tree) (*search.Thesaurus, error) {
	if tree.Thesaurus == nil {
		return nil, nil
	}
	th, err := search.ParseThesaurus(tree.Thesaurus)
	var te *search.ThesaurusError
	var problems content.Problems
	for _, e := range unwrapAll(err) {
		if errors.As(e, &te) {
			problems = append(problems, content.Problem{Path: tree.ThesaurusPath, Line: te.Line, Message: te.Msg})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return th, err
}

// unwrapAll returns the errors that err joins, or err alone.
func unwrapAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}
