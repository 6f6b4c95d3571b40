package pages

import (
	"sort"
	"strings"
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

// sitemap lists every HTML page rendered so far except the error page, and writes
// robots.txt pointing at it. It runs after the pages.
func (r *renderer) sitemap() error {
	lastmod := map[string]string{}
	for _, v := range r.site.Versions {
		if v.Updated.IsZero() {
			continue
		}
		day := v.Updated.UTC().Format("2006-01-02")
		lastmod[v.URL()] = day
		if v.IsCurrent() {
			lastmod[v.Policy.URL()] = day
		}
	}
	set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for file := range r.files {
		if !strings.HasSuffix(file, "index.html") {
			continue
		}
		p := "/" + strings.TrimSuffix(file, "index.html")
		set.URLs = append(set.URLs, sitemapURL{Loc: r.site.Abs(p), LastMod: lastmod[p]})
	}
	sort.Slice(set.URLs, func(i, j int) bool { return set.URLs[i].Loc < set.URLs[j].Loc })
	if err := r.xmlFile("/sitemap.xml", set); err != nil {
		return err
	}
	r.files["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.site.Abs("/sitemap.xml") + "\n")
	return nil
}
