package build

import (
	"context"
	"errors"
	"maps"
	"slices"

	"naskah/internal/catalog"
	"naskah/internal/content"
	"naskah/internal/pages"
	"naskah/internal/publish"
	"naskah/internal/search"
	"naskah/internal/site"
	"naskah/internal/theme"
)

// Update is a site the preview rebuilt, for the server to swap in.
type Update struct {
	*Result
	Catalog *catalog.Catalog
	Index   *search.Index
	Theme   *theme.Theme
	Full    bool // every policy's pages were rendered again
}

// previewState is what Rebuild keeps of the last good build.
type previewState struct {
	live    *publish.Live
	index   *search.Index     // writable, shared with the server
	catalog *catalog.Catalog  // of the last rebuild, for Close to seal; nil while sealed
	sources *fingerprints     // of the last good build's source files
	files   map[string][]byte // the output of the last good build
}

// Rebuild builds the site for the live preview, drafts included, and publishes
// it: in full the first time, and afterwards only the output files whose bytes
// changed and the changed policies' entries in the index. With themeChanged, or
// when the site's own file changed, it renders every page again. On error
// nothing is published and the last good site stays as it was.
func (b *Builder) Rebuild(ctx context.Context, themeChanged bool) (*Update, error) {
	if b.cfg.Data == "" {
		return nil, errors.New("build: the preview needs a data directory")
	}
	if b.sources == nil {
		b.cfg.Drafts, b.sources, b.docs = true, content.NewCache(), &docCache{docs: map[string]cachedDoc{}}
	}
	p := b.preview
	if p == nil {
		return b.firstPreview(ctx)
	}
	res, err := b.prepare(ctx, themeChanged)
	if err != nil {
		return nil, err
	}
	changed, full := changedPolicies(p.sources, res.sources, themeChanged)
	u := &Update{Result: res, Theme: b.theme, Full: full}
	if err := res.time("pages", func() error { return b.renderChanged(ctx, u, changed) }); err != nil {
		return nil, err
	}
	if err := linkProblems(u.Site, memFiles(u.Files)); err != nil {
		return nil, err
	}
	if err := res.time("publish", func() error { return b.publishChanged(u, slices.Sorted(maps.Keys(changed))) }); err != nil {
		return nil, err
	}
	p.sources, p.files = res.sources, u.Files
	return u, nil
}

// Close releases the index and seals the snapshot with the last good catalog, to
// match the index for a later serve -no-build: writing the catalog after every
// rebuild would cost more than the rest of a rebuild.
func (b *Builder) Close() error {
	p := b.preview
	if p == nil {
		return nil
	}
	b.preview = nil
	err := p.index.Close()
	if p.catalog != nil {
		err = errors.Join(err, p.live.Seal(p.catalog))
	}
	return err
}

// renderChanged renders the changed policies' pages and the site-wide ones, and
// keeps the last build's pages of every other policy.
func (b *Builder) renderChanged(ctx context.Context, u *Update, changed map[string]bool) error {
	only := func(pol *site.Policy) bool { return changed[pol.Region.Slug+"/"+pol.Slug] }
	files, err := pages.Render(ctx, u.Site, b.theme, pages.Options{Only: only, Workers: b.workers})
	if err != nil {
		return err
	}
	shortLinks := map[string]string{} // redirect page → its policy
	for _, v := range u.Site.Versions {
		shortLinks[pages.ShortLinkFile(v)] = v.Policy.Region.Slug + "/" + v.Policy.Slug
	}
	for name, data := range b.preview.files {
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

// publishChanged publishes a rebuild in place: the files that changed, and the
// changed policies' index entries.
func (b *Builder) publishChanged(u *Update, changed []string) (err error) {
	p := b.preview
	u.Catalog = u.Site.Catalog()
	if u.Written, err = p.live.WriteChanged(p.files, u.Files); err != nil {
		return err
	}
	if p.catalog == nil {
		if err := p.live.Unseal(); err != nil {
			return err
		}
	}
	p.catalog = u.Catalog
	u.Index, err = p.index.Update(u.Catalog, changed, b.workers)
	return err
}

// firstPreview publishes the first build of the preview as a full build does,
// keeping its files, and opens its index for changing in place.
func (b *Builder) firstPreview(ctx context.Context) (*Update, error) {
	res, pub, err := b.build(ctx, true)
	if err != nil {
		return nil, err
	}
	live := pub.Live()
	index, err := search.OpenWritable(live.Snapshot.Index(), res.catalog)
	if err != nil {
		return nil, err
	}
	b.preview = &previewState{live: live, index: index, sources: res.sources, files: res.Files}
	return &Update{Result: res, Catalog: res.catalog, Index: index, Theme: b.theme, Full: true}, nil
}
