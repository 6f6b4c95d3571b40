package pages

import (
	"naskah/internal/theme"

	"golang.org/x/sync/errgroup"

	"naskah/internal/site"
)

func (r *renderer) home() error {
	latest := r.site.Versions
	if len(latest) > latestCount {
		latest = latest[:latestCount]
	}
	return r.page("/", "home", homeView{Page: r.base("/", "", ""), Regions: r.site.Regions, Latest: latest})
}

// regions renders every region's page and the pages of its policies. The
// policies are rendered in parallel: each needs only the site model.
func (r *renderer) regions() error {
	g, ctx := errgroup.WithContext(r.ctx)
	g.SetLimit(r.workers)
	for _, reg := range r.site.Regions {
		name := r.regionName(reg)
		pg := r.base(reg.URL(), r.t("region.title", name), r.regionDescription(reg))
		pg.Feed = reg.FeedURL()
		pg.Fictional = r.fictional(reg)
		pg.Crumbs = r.crumbs(nil, nil, name)
		if err := r.page(reg.URL(), "region", regionView{Page: pg, Region: reg}); err != nil {
			return err
		}
		for _, p := range reg.Policies {
			if r.only == nil || r.only(p) {
				g.Go(func() error {
					if err := ctx.Err(); err != nil {
						return err
					}
					return r.policy(p)
				})
			}
		}
	}
	return g.Wait()
}

func (r *renderer) regionDescription(reg *site.Region) string {
	if reg.Description != nil && reg.Description.Text != "" {
		return reg.Description.Text
	}
	return r.t("region.title", r.regionName(reg))
}

// policy renders the policy page (the version in force), every version's permanent
// page and the version history.
func (r *renderer) policy(p *site.Policy) error {
	moved := movedAnchors(p)
	current, err := r.versionView(p.Current, p.URL())
	if err != nil {
		return err
	}
	current.Moved = moved
	if err := r.page(p.URL(), "version", current); err != nil {
		return err
	}
	for _, v := range p.Versions {
		view, err := r.versionView(v, v.URL())
		if err != nil {
			return err
		}
		if v == p.Current {
			view.Moved = moved
		}
		if err := r.page(v.URL(), "version", view); err != nil {
			return err
		}
		if err := r.versionFiles(v); err != nil {
			return err
		}
	}
	if err := r.changes(p); err != nil {
		return err
	}
	newest := make([]historyRow, len(p.Versions))
	for i, v := range p.Versions {
		row := historyRow{Version: v}
		if v.Prev != nil {
			row.ChangesURL = ChangesURL(v)
		}
		newest[len(p.Versions)-1-i] = row
	}
	title := r.t("history.title", p.Current.Title)
	pg := r.base(p.HistoryURL(), title, r.t("history.description", p.Current.Title))
	pg.Feed = p.Region.FeedURL()
	pg.Fictional = r.fictional(p.Region)
	pg.Crumbs = r.crumbs(p.Region, p, r.t("policy.history"))
	return r.page(p.HistoryURL(), "history", historyView{
		Page: pg, Policy: p, Versions: newest,
		Timeline: p.Timeline(r.site.Now), DayForm: theme.DayForm{Action: p.URL()},
	})
}

// versionFiles publishes the files beside the version v under its URL: its original
// and its images, as content checked them.
func (r *renderer) versionFiles(v *site.Version) error {
	for _, f := range v.Files {
		var data []byte
		if !r.noFileData {
			var err error
			if data, err = f.Read(); err != nil {
				return err
			}
		}
		if err := r.put(fileFor(v.FileURL(f)), data); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) versionView(v *site.Version, urlPath string) (versionView, error) {
	description := v.Summary
	if description == "" {
		description = v.Title + " — " + r.regionName(v.Policy.Region)
	}
	pg := r.base(urlPath, v.Title, description)
	pg.OGType = "article"
	pg.Image = r.versionImage(v)
	pg.Feed = v.Policy.Region.FeedURL()
	pg.Fictional = r.fictional(v.Policy.Region)
	pg.Crumbs = r.crumbs(v.Policy.Region, nil, v.Title)
	if urlPath != v.Policy.URL() {
		pg.Crumbs = r.crumbs(v.Policy.Region, v.Policy, r.t("policy.version")+" "+v.Label)
	}
	tags := make([]Link, len(v.Tags))
	for i, slug := range v.Tags {
		tags[i] = Link{Name: slug, URL: site.TagURL(slug)}
	}
	kit, err := r.share(v)
	if err != nil {
		return versionView{}, err
	}
	view := versionView{Page: pg, Version: v, Tags: tags, Share: kit, CompareRegion: compareURL(v, nil, "")}
	if v.Prev != nil {
		view.ChangesURL = ChangesURL(v)
	}
	if other := otherVersion(v); other != nil {
		view.CompareVersion = compareURL(other, v, "")
	}
	if other := r.sameKindElsewhere(v.Policy); other != nil {
		view.CompareRegion = compareURL(v, other.Current, "")
	}
	return view, nil
}

// otherVersion is the version a reader most likely compares v with: the one
// before it, or for the first version the one in force.
func otherVersion(v *site.Version) *site.Version {
	switch {
	case v.Prev != nil:
		return v.Prev
	case v != v.Policy.Current:
		return v.Policy.Current
	case v.Next != nil:
		return v.Next
	}
	return nil
}

// sameKindElsewhere finds the same kind of policy in another region: the first
// with the same slug, else the only policy of the first other region that has one.
func (r *renderer) sameKindElsewhere(p *site.Policy) *site.Policy {
	var fallback *site.Policy
	for _, reg := range r.site.Regions {
		if reg == p.Region {
			continue
		}
		for _, q := range reg.Policies {
			if q.Slug == p.Slug {
				return q
			}
		}
		if fallback == nil && len(reg.Policies) == 1 {
			fallback = reg.Policies[0]
		}
	}
	return fallback
}

func (r *renderer) topics() error {
	pg := r.base("/topik/", r.t("topic.index_title"), r.t("topic.index_description"))
	pg.Crumbs = r.crumbs(nil, nil, r.t("nav.topics"))
	if err := r.page("/topik/", "topics", topicsView{Page: pg, Tags: r.site.Tags}); err != nil {
		return err
	}
	for _, tag := range r.site.Tags {
		pg := r.base(tag.URL(), r.t("topic.title", r.strs.Topic(tag.Slug)), r.t("topic.description", r.strs.Topic(tag.Slug)))
		pg.Crumbs = []theme.Crumb{{Name: r.t("nav.home"), URL: "/"}, {Name: r.t("nav.topics"), URL: "/topik/"}, {Name: r.strs.Topic(tag.Slug)}}
		if err := r.page(tag.URL(), "topic", topicView{Page: pg, Tag: tag}); err != nil {
			return err
		}
	}
	return nil
}

type noServerView struct {
	theme.Page
	What    string // "search" or "compare"
	Regions []*site.Region
	Tags    []*site.Tag
}

// noServer writes the pages that /cari and /bandingkan lead to on a host that
// serves the files alone, where the search forms of every page land: they say
// plainly that searching and comparing need naskah serve, and offer the
// regions and topics instead. naskah serve answers those paths itself.
func (r *renderer) noServer() error {
	for _, p := range []struct{ path, what string }{{"/cari/", "search"}, {"/bandingkan/", "compare"}} {
		pg := r.base(p.path, r.t("noserver."+p.what+"_title"), r.t("noserver."+p.what+"_text"))
		pg.NoIndex = true
		if err := r.page(p.path, "noserver", noServerView{Page: pg, What: p.what, Regions: r.site.Regions, Tags: r.site.Tags}); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) notFound() error {
	pg := r.base("/404.html", r.t("notfound.title"), r.t("notfound.text"))
	pg.Canonical = ""
	pg.NoIndex = true
	return r.page("/404.html", "404", pg)
}

func (r *renderer) assets() error {
	for _, a := range r.theme.Assets() {
		if err := r.put(a.URL[1:], a.Data); err != nil {
			return err
		}
	}
	return nil
}
