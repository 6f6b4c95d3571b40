package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"strings"

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

// Preview builds a site for the live preview and rebuilds it after a change,
// doing again only what the change needs: the Markdown of changed files, the pages
// of the policies they belong to (and the site-wide pages), and those policies'
// entries in the search index. Files in the output are rewritten only when their
// bytes change. Drafts are always included.
type Preview struct {
	cfg      Config
	themeFS  fs.FS
	theme    *theme.Theme
	md       *markdown.Renderer
	cache    *docCache
	sources  *content.Cache    // the decoded version files
	policies map[string]uint64 // fingerprint by "region/policy"
	seed     maphash.Seed      // of the fingerprints
	files    map[string][]byte
	index    *search.Index    // writable, shared with the server
	catalog  *catalog.Catalog // of the last rebuild, written to the data directory by Close
	live     *publish.Live    // the published build that rebuilds change in place
}

// Update is a rebuilt site, for the server to swap in.
type Update struct {
	Result
	Catalog *catalog.Catalog
	Index   *search.Index
	Theme   *theme.Theme
	Written int // files written or removed in the output
	Full    bool
}

// NewPreview makes the first, full build of the preview.
func NewPreview(ctx context.Context, cfg Config) (*Preview, *Update, error) {
	if cfg.Data == "" {
		return nil, nil, errors.New("build: the preview needs a data directory")
	}
	cfg.Drafts = true
	p := &Preview{cfg: cfg, themeFS: cfg.Theme, seed: maphash.MakeSeed(), sources: content.NewCache()}
	if p.themeFS == nil {
		p.themeFS = themes.Default()
	}
	u, err := p.Rebuild(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	return p, u, nil
}

// Close releases the index and seals the snapshot with the catalog of the last good
// build, so that it matches the index for a later naskah serve -no-build. (Writing
// the catalog after every rebuild would cost more than the rest of a rebuild.)
func (p *Preview) Close() error {
	if p.index == nil {
		return nil
	}
	err := p.index.Close()
	if p.catalog != nil {
		err = errors.Join(err, p.live.Seal(p.catalog))
	}
	return err
}

// Rebuild reads the content again and publishes what changed. With themeChanged,
// or before the first build, it renders everything. On error nothing is published
// and the last good site stays as it was.
func (p *Preview) Rebuild(ctx context.Context, themeChanged bool) (*Update, error) {
	u := &Update{Full: p.index == nil || themeChanged}
	var tree *content.Tree
	err := u.time("load", func() (err error) {
		tree, err = content.LoadCached(p.cfg.Content, p.cfg.ContentDir, p.sources)
		return err
	})
	if err != nil {
		return nil, err
	}
	u.Warnings = append(tree.Warnings, summaryWarnings(tree)...)
	if u.Full {
		if err := p.loadTheme(tree.Site.Language); err != nil {
			return nil, err
		}
	}
	var docs site.Docs
	if err := u.time("markdown", func() (err error) { docs, err = renderAll(ctx, tree, p.md, p.cache); return err }); err != nil {
		return nil, err
	}
	if err := u.time("site", func() (err error) { u.Site, err = site.New(tree, docs, p.cfg.siteOptions()); return err }); err != nil {
		return nil, err
	}
	fingerprints := policyFingerprints(tree, p.seed)
	changed := p.changedPolicies(fingerprints, u.Full)
	if err := u.time("pages", func() error { return p.render(ctx, u, changed) }); err != nil {
		return nil, err
	}
	if problems := checkLinks(u.Site, memFiles(u.Files)); len(problems) > 0 {
		return nil, problems
	}
	if err := u.time("publish", func() error { return p.publish(ctx, u, changed) }); err != nil {
		return nil, err
	}
	p.policies, p.files = fingerprints, u.Files
	return u, nil
}

func (p *Preview) loadTheme(lang string) error {
	if lang == "" {
		lang = "id"
	}
	th, err := theme.Load(p.themeFS, lang)
	if err != nil {
		return err
	}
	md, err := newMarkdown(th)
	if err != nil {
		return err
	}
	p.theme, p.md, p.cache = th, md, &docCache{docs: map[string]cachedDoc{}}
	return nil
}

// policyFingerprints hashes each policy's sources, front matter and bodies, with its
// region's, so that any change to what its pages show changes its fingerprint. The
// hash need only tell this process's builds apart, so a fast one with a seed of the
// preview's own does.
func policyFingerprints(tree *content.Tree, seed maphash.Seed) map[string]uint64 {
	out := map[string]uint64{}
	for _, r := range tree.Regions {
		for _, pol := range r.Policies {
			var h maphash.Hash
			h.SetSeed(seed)
			fmt.Fprintf(&h, "%s\x00%s\x00%s\x00%s\x00", r.Name, r.Kind, r.Province, r.Body)
			for _, v := range pol.Versions {
				fmt.Fprintf(&h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%v\x00%s\x00%d\x00",
					v.Path, v.Title, v.Label, v.Summary, v.Number, v.Source, v.Note, v.Date, v.Status, v.Tags, v.Body, v.BodyLine)
			}
			out[r.Slug+"/"+pol.Slug] = h.Sum64()
		}
	}
	return out
}

// changedPolicies lists the policies added, removed or changed since the last
// build. When policies come or go, every policy counts as changed: each policy's
// pages link to the same kind of policy in another region, which may be the one
// that came or went.
func (p *Preview) changedPolicies(now map[string]uint64, full bool) map[string]bool {
	changed := map[string]bool{}
	for key, fp := range now {
		old, ok := p.policies[key]
		if !ok && !full {
			return p.changedPolicies(now, true)
		}
		if full || old != fp {
			changed[key] = true
		}
	}
	for key := range p.policies {
		if _, ok := now[key]; !ok {
			if !full {
				return p.changedPolicies(now, true)
			}
			changed[key] = true
		}
	}
	return changed
}

// render renders the changed policies' pages and the site-wide ones, and keeps the
// last build's pages of every other policy.
func (p *Preview) render(ctx context.Context, u *Update, changed map[string]bool) error {
	only := func(pol *site.Policy) bool { return changed[pol.Region.Slug+"/"+pol.Slug] }
	files, err := pages.RenderSome(ctx, u.Site, p.theme, only)
	if err != nil {
		return err
	}
	shortLinks := map[string]string{} // redirect page → its policy
	for _, v := range u.Site.Versions {
		shortLinks[pages.ShortLinkFile(v)] = v.Policy.Region.Slug + "/" + v.Policy.Slug
	}
	for name, data := range p.files {
		if _, fresh := files[name]; fresh || underChanged(name, changed) {
			continue
		}
		if pages.IsShortLink(name) {
			if pol, ok := shortLinks[name]; !ok || changed[pol] {
				continue // gone, or rendered again if still there
			}
		}
		files[name] = data
	}
	u.Files = files
	return nil
}

// underChanged reports whether an output file belongs to a changed policy.
func underChanged(name string, changed map[string]bool) bool {
	parts := strings.SplitN(name, "/", 3)
	return len(parts) == 3 && changed[parts[0]+"/"+parts[1]]
}

// publish writes the output and the data: whole and atomically the first time, and
// afterwards only the files that changed, the catalog, and the changed policies'
// index entries.
func (p *Preview) publish(ctx context.Context, u *Update, changed map[string]bool) error {
	u.Catalog = u.Site.Catalog()
	u.Theme = p.theme
	if p.index == nil {
		if err := p.publishAll(ctx, u); err != nil {
			return err
		}
		u.Index = p.index
		return nil
	}
	n, err := p.live.WriteChanged(p.files, u.Files)
	if err != nil {
		return err
	}
	u.Written = n
	if p.catalog == nil {
		if err := p.live.Unseal(); err != nil {
			return err
		}
	}
	p.catalog = u.Catalog
	keys := make([]string, 0, len(changed))
	for k := range changed {
		keys = append(keys, k)
	}
	idx, err := p.index.Update(u.Catalog, keys)
	if err != nil {
		return err
	}
	u.Index = idx
	return nil
}

func (p *Preview) publishAll(ctx context.Context, u *Update) error {
	pub, err := publish.Begin(ctx, publish.Target{Out: p.cfg.Out, Data: p.cfg.Data})
	if err != nil {
		return err
	}
	for name, data := range u.Files {
		if err := pub.Site.Write(name, data); err != nil {
			pub.Discard()
			return err
		}
	}
	if err := writeData(ctx, pub.Data, u.Site, p.themeFS); err != nil {
		pub.Discard()
		return err
	}
	if err := pub.Commit(ctx); err != nil {
		return err
	}
	if p.index != nil {
		p.index.Close()
	}
	p.live, p.catalog = pub.Live(), nil
	p.index, err = search.OpenWritable(p.live.Snapshot.Index(), u.Catalog)
	u.Written = len(u.Files)
	return err
}
