package build

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strings"

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
	live     *publish.Live
	index    *search.Index     // writable, shared with the server
	catalog  *catalog.Catalog  // of the last rebuild, for Close to seal; nil while sealed
	site     uint64            // fingerprint of the site's own file
	policies map[string]uint64 // fingerprint by "region/policy"
	files    map[string][]byte // the output of the last good build
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
	res, err := b.prepare(ctx, themeChanged)
	if err != nil {
		return nil, err
	}
	siteFP, policies := b.fingerprints(res.tree)
	p := b.preview
	changed, full := changedPolicies(p, policies, p == nil || themeChanged || siteFP != p.site)
	u := &Update{Result: res, Theme: b.theme, Full: full}
	if err := res.time("pages", func() error { return b.renderChanged(ctx, u, changed) }); err != nil {
		return nil, err
	}
	if err := linkProblems(u.Site, memFiles(u.Files)); err != nil {
		return nil, err
	}
	if err := res.time("publish", func() error { return b.publishPreview(ctx, u, slices.Sorted(maps.Keys(changed))) }); err != nil {
		return nil, err
	}
	b.preview.site, b.preview.policies, b.preview.files = siteFP, policies, u.Files
	return u, nil
}

// Close releases the preview's index and seals its snapshot with the catalog of
// the last good build, so that it matches the index for a later naskah serve
// -no-build. (Writing the catalog after every rebuild would cost more than the
// rest of a rebuild.)
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

// fingerprints hashes the bytes of the site's file, and of each policy's files
// with its region's, so that any change to what a policy's pages show changes
// its fingerprint. Undated versions show their file's time, which counts too.
// The hash need only tell this Builder's builds apart, so a fast one with a seed
// of its own does.
func (b *Builder) fingerprints(tree *content.Tree) (uint64, map[string]uint64) {
	out := map[string]uint64{}
	for _, r := range tree.Regions {
		for _, pol := range r.Policies {
			var h maphash.Hash
			h.SetSeed(b.seed)
			fmt.Fprintf(&h, "%d\x00%s", len(r.Raw), r.Raw)
			for _, v := range pol.Versions {
				fmt.Fprintf(&h, "%s\x00%d\x00%d\x00%s", v.Path, v.ModTime.UnixNano(), len(v.Raw), v.Raw)
			}
			out[r.Slug+"/"+pol.Slug] = h.Sum64()
		}
	}
	return maphash.Bytes(b.seed, tree.Site.Raw), out
}

// changedPolicies lists the policies added, removed or changed since the last
// build, or all of them when full. When policies come or go, every policy counts
// as changed: each policy's pages link to the same kind of policy in another
// region, which may be the one that came or went.
func changedPolicies(last *previewState, now map[string]uint64, full bool) (map[string]bool, bool) {
	if !full && (len(now) != len(last.policies) || !maps.EqualFunc(now, last.policies, func(uint64, uint64) bool { return true })) {
		full = true
	}
	changed := map[string]bool{}
	for key, fp := range now {
		if full || last.policies[key] != fp {
			changed[key] = true
		}
	}
	if full && last != nil {
		for key := range last.policies {
			changed[key] = true // gone: its index entries go too
		}
	}
	return changed, full
}

// renderChanged renders the changed policies' pages and the site-wide ones, and
// keeps the last build's pages of every other policy.
func (b *Builder) renderChanged(ctx context.Context, u *Update, changed map[string]bool) error {
	only := func(pol *site.Policy) bool { return changed[pol.Region.Slug+"/"+pol.Slug] }
	files, err := pages.Render(ctx, u.Site, b.theme, pages.Options{Only: only, Workers: b.workers})
	if err != nil || b.preview == nil {
		u.Files = files
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

// underChanged reports whether an output file belongs to a changed policy.
func underChanged(name string, changed map[string]bool) bool {
	parts := strings.SplitN(name, "/", 3)
	return len(parts) == 3 && changed[parts[0]+"/"+parts[1]]
}

// publishPreview publishes the first build whole, at the commit point of package
// publish, and each later one in place: the files that changed, and the changed
// policies' index entries.
func (b *Builder) publishPreview(ctx context.Context, u *Update, changed []string) (err error) {
	p := b.preview
	if p == nil {
		return b.publishFirst(ctx, u)
	}
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

// publishFirst publishes the first build and opens its index for changing in
// place.
func (b *Builder) publishFirst(ctx context.Context, u *Update) (err error) {
	pub, err := publish.Begin(ctx, publish.Target{Out: b.cfg.Out, Data: b.cfg.Data})
	if err != nil {
		return err
	}
	for name, data := range u.Files {
		if err := pub.Site.Write(name, data); err != nil {
			pub.Discard()
			return err
		}
	}
	if u.Catalog, err = b.writeData(ctx, pub.Data, u.Site); err != nil {
		pub.Discard()
		return err
	}
	if err := pub.Commit(ctx); err != nil {
		return err
	}
	live := pub.Live()
	index, err := search.OpenWritable(live.Snapshot.Index(), u.Catalog)
	if err != nil {
		return err
	}
	b.preview = &previewState{live: live, index: index}
	u.Index, u.Written = index, len(u.Files)
	return nil
}
