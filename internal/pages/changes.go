package pages

import (
	"naskah/internal/legal"
	"naskah/internal/theme"

	"naskah/internal/compare"
	"naskah/internal/site"
)

type changesView struct {
	theme.Page
	Version    *site.Version
	Prev       *site.Version
	Result     *compare.Result
	Anchors    []string // the ids of the pairs of Result, their sections' own
	CompareURL string
	// Draft is, for a regulation, the change as the amending instrument
	// would write it.
	Draft *compare.Draft
}

// ChangesURL is the page of what changed in v since the version before it.
func ChangesURL(v *site.Version) string { return v.URL() + "perubahan/" }

// compareURL is the comparison page of two versions, side by side unless view
// says otherwise; b may be nil, for a page that asks the reader to choose it.
func compareURL(a, b *site.Version, view string) string {
	var br legal.Ref
	if b != nil {
		br = b.Ref()
	}
	return theme.CompareURL(a.Ref(), br, view)
}

// changes renders the change page of every version that has a predecessor.
func (r *renderer) changes(p *site.Policy) error {
	for _, v := range p.Versions {
		if v.Prev == nil {
			continue
		}
		old, cur := v.Prev.Sections(), v.Sections()
		regulations := isRegulation(v.Prev) && isRegulation(v)
		res := compare.Units(old, cur, regulations, true)
		path := ChangesURL(v)
		pg := r.base(path, r.t("changes.title", v.Label), r.t("changes.description", v.Title, v.Prev.Label, v.Label))
		pg.Feed = p.Region.FeedURL()
		pg.Fictional = r.fictional(p.Region)
		pg.Crumbs = r.crumbs(p.Region, p, r.t("changes.title", v.Label))
		view := changesView{Page: pg, Version: v, Prev: v.Prev, Result: res, Anchors: res.Anchors(), CompareURL: compareURL(v.Prev, v, "")}
		if regulations {
			if view.Draft = compare.DraftAmendment(old, cur, instrumentName(v.Prev)); view.Draft != nil {
				view.Draft.URL = v.URL()
			}
		}
		if err := r.page(path, "changes", view); err != nil {
			return err
		}
	}
	return nil
}

// isRegulation reports whether v is a regulation, read unit by unit.
func isRegulation(v *site.Version) bool { return v.Doc != nil && v.Doc.Units != nil }

// instrumentName is how an amending instrument names v: its designation, or
// its title.
func instrumentName(v *site.Version) string {
	if v.Designation != "" {
		return v.Designation
	}
	return v.Title
}
