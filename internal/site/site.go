// Package site assembles loaded content and rendered Markdown into the model of the
// published site: regions, their policies, each policy's versions in order with the
// status a reader sees, topics, and every page's URL.
//
// The model is read-only once New returns; pages, feeds and the catalog are all
// derived from it.
//
// The URLs of the static site are absolute paths. They are permanent: a version's
// URL never changes once published.
//
//	/                                   home: regions, latest changes, search box
//	/{region}/                          a region's policies with status and date
//	/{region}/{policy}/                 the version in force (or the newest)
//	/{region}/{policy}/{version}/       one version, permanently
//	/{region}/{policy}/versi/           the version history
//	/{region}/{policy}/{version}/perubahan/  what changed from the previous version
//	/{region}/{policy}/{version}/{file}  the version's original PDF and its images
//	/topik/{tag}/                       the policies of a topic
//	/feed.xml, /{region}/feed.xml       Atom feeds of new versions
//	/s/{code}/                          a version's short link (a redirect page)
//	/sitemap.xml, /robots.txt, /404.html
package site

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"naskah/internal/content"
	"naskah/internal/legal"
	"naskah/internal/markdown"
)

// Options choose what New includes and how URLs are made absolute.
type Options struct {
	// Drafts includes draft versions; without it they are absent everywhere.
	Drafts bool
	// BaseURL overrides the site's base_url; when both are empty, Fallback is used.
	BaseURL  string
	Fallback string
	// Now is the day status is reckoned by; zero means today (legal.Today).
	Now legal.Date
	// ShortCode derives a version's short code from its identity; nil means
	// legal.ShortCode. Tests inject a weaker one to provoke collisions.
	ShortCode func(identity string) string
}

// Site is the whole published site.
type Site struct {
	Title       string
	Description string
	Language    string
	// BaseURL is absolute and has no trailing slash.
	BaseURL  string
	Regions  []*Region
	Tags     []*Tag
	Versions []*Version // every included version, newest first
	// Short maps each version's short code to the version.
	Short map[string]*Version
	// Now is the day every version's State holds on: the build's moment.
	Now legal.Date
}

// Region is a regency, city or province with its policies.
type Region struct {
	Slug, Name, Kind, Province string
	// Fictional marks an example region that exists nowhere.
	Fictional   bool
	Description *markdown.Rendered
	Policies    []*Policy
}

// Policy is one policy of a region and its versions.
type Policy struct {
	Region   *Region
	Slug     string
	Versions []*Version // oldest first
	// Current is the version in force: the newest published one, or the newest
	// version when none is published.
	Current *Version
	// Revokers are the versions of other policies that revoke this one, and
	// RevokedBy the one whose revocation has taken effect, or nil.
	Revokers  []*Version
	RevokedBy *Version
}

// Version is one version of a policy.
type Version struct {
	Policy                            *Policy
	Slug, Label, Title, Summary, Note string
	Source                            string
	Date                              legal.Date
	Status                            content.Status
	State                             legal.State
	Tags                              []string
	Doc                               *markdown.Rendered
	// Path names the source file and BodyLine the line its body starts on, for
	// messages.
	Path     string
	BodyLine int
	DateLine int // of the date key, 0 when there is none
	// Updated is the start of the version's date; zero for an undated version,
	// which takes no date from the file system, so that two builds of the same
	// bytes are the same.
	Updated    time.Time
	Prev, Next *Version
	// Short is the code of the version's short link /s/{Short}.
	Short string
	// Instrument is the version's legal identity, and Designation how it is
	// cited in full ("Peraturan Bupati Mamuju Nomor 12 Tahun 2025 tentang …"),
	// empty when the version states no type.
	content.Instrument
	Designation string
	// Relations are those the version states and those derived from the
	// relations other versions state to it or to its policy, by kind.
	Relations []Relation
	// OriginalFile is the authentic PDF the version names, or nil; Files are
	// the files published under its URL (FileURL): the original, then the
	// images its body shows.
	OriginalFile *content.File
	Files        []*content.File
}

// Tag is a topic and the policies that carry it in any of their versions, so that a
// tag shown on an older version still leads somewhere.
type Tag struct {
	Slug     string
	Policies []*Policy
}

// Docs maps a version's or region's source path to its rendered Markdown.
type Docs map[string]*markdown.Rendered

// New assembles the site from a content tree and the rendered bodies of its files.
func New(tree *content.Tree, docs Docs, opts Options) (*Site, error) {
	base, err := baseURL(tree.Site, opts)
	if err != nil {
		return nil, err
	}
	s := &Site{
		Title:       tree.Site.Title,
		Description: tree.Site.Description,
		Language:    tree.Site.Language,
		BaseURL:     base,
		Now:         opts.Now,
	}
	if s.Now.IsZero() {
		s.Now = legal.Today(time.Now())
	}
	stated := map[*Version][]content.Relation{}
	for _, cr := range tree.Regions {
		r := &Region{Slug: cr.Slug, Name: cr.Name, Kind: cr.Kind, Province: cr.Province, Fictional: cr.Fictional, Description: docs[cr.Path]}
		for _, cp := range cr.Policies {
			if p := newPolicy(r, cp, docs, opts.Drafts, stated); p != nil {
				r.Policies = append(r.Policies, p)
				s.Versions = append(s.Versions, p.Versions...)
			}
		}
		s.Regions = append(s.Regions, r)
	}
	sort.SliceStable(s.Versions, func(i, j int) bool { return s.Versions[i].Updated.After(s.Versions[j].Updated) })
	revokers := relate(s, stated)
	for _, r := range s.Regions {
		for _, p := range r.Policies {
			p.Revokers = revokers[p]
			reckon(p, s.Now, revokedBy(p.Revokers, s.Now))
		}
	}
	s.Tags = collectTags(s.Regions)
	if err := s.assignShort(opts.ShortCode); err != nil {
		return nil, err
	}
	return s, nil
}

func baseURL(cs content.Site, opts Options) (string, error) {
	raw := opts.BaseURL
	if raw == "" {
		raw = cs.BaseURL
	}
	if raw == "" {
		raw = opts.Fallback
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("base URL %q: must be an absolute http or https URL", raw)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}

// newPolicy returns the policy cp of r with the versions the site includes,
// noting in stated the relations each version states; nil when it has none.
func newPolicy(r *Region, cp content.Policy, docs Docs, drafts bool, stated map[*Version][]content.Relation) *Policy {
	p := &Policy{Region: r, Slug: cp.Slug}
	files := map[string]*content.File{}
	for i := range cp.Files {
		files[cp.Files[i].Name] = &cp.Files[i]
	}
	for _, cv := range cp.Versions {
		if cv.Status == content.Draft && !drafts {
			continue
		}
		v := newVersion(p, cv, docs[cv.Path], files)
		stated[v] = cv.Relations
		p.Versions = append(p.Versions, v)
	}
	if len(p.Versions) == 0 {
		return nil
	}
	for i, v := range p.Versions {
		if i > 0 {
			v.Prev = p.Versions[i-1]
			v.Prev.Next = v
		}
	}
	return p
}

func newVersion(p *Policy, cv content.Version, doc *markdown.Rendered, files map[string]*content.File) *Version {
	v := &Version{
		Instrument:  cv.Instrument,
		Designation: legal.Designation(cv.Type, p.Region.Kind, p.Region.Name, cv.Number, cv.Year, cv.Title),
		Policy:      p, Slug: cv.Slug, Label: cv.Label, Title: cv.Title, Summary: cv.Summary,
		Note: cv.Note, Source: cv.Source, Date: cv.Date,
		Status: cv.Status, Tags: cv.Tags, Doc: doc, Path: cv.Path, BodyLine: cv.BodyLine, DateLine: cv.DateLine, Updated: cv.Date.Time(),
	}
	if v.Type != "" && v.Place == "" {
		v.Place = p.Region.Name
	}
	if v.Type != "" && len(v.Subjects) == 0 {
		v.Subjects = tagSubjects(v.Tags)
	}
	if f := files[cv.Original]; f != nil {
		v.OriginalFile = f
		v.Files = append(v.Files, f)
	}
	for _, name := range cv.Images {
		if f := files[name]; f != nil {
			v.Files = append(v.Files, f)
		}
	}
	return v
}

// tagSubjects are the subjects of an instrument that states none: its tags as
// words, in capitals as JDIH catalogues write subjects ("penilaian-kinerja"
// is "PENILAIAN KINERJA").
func tagSubjects(tags []string) []string {
	var out []string
	for _, tag := range tags {
		out = append(out, strings.ToUpper(strings.ReplaceAll(tag, "-", " ")))
	}
	return out
}

// reckon sets the state of every version of p as of the day now, and
// p.Current, by legal.Reckon; by, when not nil, is the version of another
// policy whose revocation of p has taken effect.
func reckon(p *Policy, now legal.Date, by *Version) {
	var revocations []legal.Date
	if by != nil {
		revocations = append(revocations, by.Date)
	}
	states, cur := legal.Reckon(p.Entries(), revocations, now)
	for i, v := range p.Versions {
		v.State = states[i]
	}
	p.Current = p.Versions[cur]
	p.RevokedBy = by
}

// Entries are the policy's versions as legal.Reckon takes them.
func (p *Policy) Entries() []legal.Entry {
	out := make([]legal.Entry, len(p.Versions))
	for i, v := range p.Versions {
		out[i] = legal.Entry{Date: v.Date, Standing: legal.Standing(v.Status)}
	}
	return out
}

func collectTags(regions []*Region) []*Tag {
	bySlug := map[string]*Tag{}
	for _, r := range regions {
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				for _, slug := range v.Tags {
					t := bySlug[slug]
					if t == nil {
						t = &Tag{Slug: slug}
						bySlug[slug] = t
					}
					if n := len(t.Policies); n == 0 || t.Policies[n-1] != p {
						t.Policies = append(t.Policies, p)
					}
				}
			}
		}
	}
	tags := make([]*Tag, 0, len(bySlug))
	for _, t := range bySlug {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].Slug < tags[j].Slug })
	return tags
}
