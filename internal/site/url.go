package site

import "naskah/internal/content"

// The URLs of the package doc's table, each with a trailing slash.

// URL is the region page.
func (r *Region) URL() string { return "/" + r.Slug + "/" }

// FeedURL is the region's Atom feed.
func (r *Region) FeedURL() string { return "/" + r.Slug + "/feed.xml" }

// URL is the policy page, which shows the version in force.
func (p *Policy) URL() string { return p.Region.URL() + p.Slug + "/" }

// HistoryURL is the policy's version history.
func (p *Policy) HistoryURL() string { return p.URL() + "versi/" }

// URL is the version's permanent page.
func (v *Version) URL() string { return VersionURL(v.Policy.Region.Slug, v.Policy.Slug, v.Slug) }

// VersionURL is the permanent page of a version by its slugs, for what needs
// it before the site is made, such as the base its body is rendered at.
func VersionURL(region, policy, version string) string {
	return "/" + region + "/" + policy + "/" + version + "/"
}

// FileURL is where the file f beside the version is published: under the
// version's URL, so that a relative link from its page leads to it.
func (v *Version) FileURL(f *content.File) string { return v.URL() + f.Name }

// IsCurrent reports whether v is the version in force of its policy.
func (v *Version) IsCurrent() bool { return v == v.Policy.Current }

// URL is the topic page.
func (t *Tag) URL() string { return TagURL(t.Slug) }

// TagURL is the page of the topic with the given slug.
func TagURL(slug string) string { return "/topik/" + slug + "/" }

// Abs makes a site path absolute with the base URL.
func (s *Site) Abs(path string) string { return s.BaseURL + path }
