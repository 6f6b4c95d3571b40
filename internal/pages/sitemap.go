package pages

import (
	"sort"
	"time"
)

// The sitemap protocol (sitemaps.org, 0.9) elements naskah writes.
type urlSet struct {
	XMLName string       `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every page of the site but the error page, from the site model, so
// that it is whole even when only some policies' pages are rendered again, and
// writes robots.txt pointing at it.
func (r *renderer) sitemap() error {
	set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	add := func(path string, updated time.Time) {
		u := sitemapURL{Loc: r.site.Abs(path)}
		if !updated.IsZero() {
			u.LastMod = updated.UTC().Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	add("/", time.Time{})
	add("/topik/", time.Time{})
	for _, t := range r.site.Tags {
		add(t.URL(), time.Time{})
	}
	for _, reg := range r.site.Regions {
		if reg.Fictional {
			continue // kept out of search engines, as its pages ask
		}
		add(reg.URL(), time.Time{})
		for _, p := range reg.Policies {
			add(p.URL(), p.Current.Updated)
			add(p.HistoryURL(), time.Time{})
			for _, v := range p.Versions {
				add(v.URL(), v.Updated)
				if v.Prev != nil {
					add(ChangesURL(v), v.Updated)
				}
			}
		}
	}
	sort.Slice(set.URLs, func(i, j int) bool { return set.URLs[i].Loc < set.URLs[j].Loc })
	if err := r.xmlFile("/sitemap.xml", set); err != nil {
		return err
	}
	return r.put("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+r.site.Abs("/sitemap.xml")+"\n"))
}
