package pages

import (
	"net/url"
	"strings"

	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/site"
)

type changesView struct {
	Page
	Version    *site.Version
	Prev       *site.Version
	Result     *compare.Result
	CompareURL string
}

// ChangesURL is the page of what changed in v since the version before it.
func ChangesURL(v *site.Version) string { return v.URL() + "perubahan/" }

// CompareURL is the comparison page of two versions; b may be nil, for a page
// that asks the reader to choose it.
func CompareURL(a, b *site.Version, view string) string {
	u := "/bandingkan?a=" + RefQuery(ref(a))
	if b != nil {
		u += "&b=" + RefQuery(ref(b))
	}
	if view != "" {
		u += "&view=" + url.QueryEscape(view)
	}
	return u
}

// RefQuery escapes a reference for a query string but keeps its / and @, which a
// query may hold as they are, so that shared links stay readable.
func RefQuery(ref string) string {
	return strings.NewReplacer("%2F", "/", "%40", "@").Replace(url.QueryEscape(ref))
}

// ref names a version as the comparison routes take it: REGION/POLICY@VERSION.
func ref(v *site.Version) string {
	return v.Policy.Region.Slug + "/" + v.Policy.Slug + "@" + v.Slug
}

// changes renders the change page of every version that has a predecessor.
func (r *renderer) changes(p *site.Policy) error {
	for _, v := range p.Versions {
		if v.Prev == nil {
			continue
		}
		res := compare.Compare(catalog.Sections(v.Prev.Doc), catalog.Sections(v.Doc))
		path := ChangesURL(v)
		pg := r.base(path, r.t("changes.title", v.Label), r.t("changes.description", v.Title, v.Prev.Label, v.Label))
		pg.Feed = p.Region.FeedURL()
		pg.Crumbs = r.crumbs(p.Region, p, r.t("changes.title", v.Label))
		view := changesView{Page: pg, Version: v, Prev: v.Prev, Result: res, CompareURL: CompareURL(v.Prev, v, "side")}
		if err := r.page(path, "changes", view); err != nil {
			return err
		}
	}
	return nil
}
