// Package catalog is the compiled form of a site that the server needs and that is
// not published as static files: every region, policy and version with its metadata
// and its text split into sections. The build writes it to the data directory; the
// server reads it back, so that a deployment needs only the output and data
// directories, never content/ or the theme.
//
// A Catalog is read-only once made; its lookups are safe for concurrent use.
package catalog

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"naskah/internal/markdown"
	"naskah/internal/site"
)

// The layout of the data directory that the build writes and the server reads.
const (
	FileName = "catalog.json" // the catalog
	IndexDir = "index"        // the search index
	ThemeDir = "theme"        // a copy of the theme the site was built with
)

// Catalog is the whole site's data.
type Catalog struct {
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Language    string    `json:"language"`
	BaseURL     string    `json:"base_url"`
	Regions     []*Region `json:"regions"`

	regions  map[string]*Region
	policies map[string]*Policy  // "region/policy"
	versions map[string]*Version // "region/policy/version"
	short    map[string]*Version // short code, as site.ShortCode derives it
}

// Region is a regency, city or province.
type Region struct {
	Slug     string    `json:"slug"`
	Name     string    `json:"name"`
	Kind     string    `json:"kind"`
	Province string    `json:"province"`
	URL      string    `json:"url"`
	Policies []*Policy `json:"policies"`
}

// Policy is one policy of a region, its versions oldest first.
type Policy struct {
	Region   string     `json:"region"`
	Slug     string     `json:"slug"`
	Title    string     `json:"title"`
	Current  string     `json:"current"`
	URL      string     `json:"url"`
	Versions []*Version `json:"versions"`
}

// Version is one version of a policy with its text.
type Version struct {
	Region   string    `json:"region"`
	Policy   string    `json:"policy"`
	Slug     string    `json:"version"`
	Label    string    `json:"label"`
	Title    string    `json:"title"`
	Date     string    `json:"date"`
	Status   string    `json:"status"` // the state a reader sees: berlaku, diganti, dicabut, rancangan
	Current  bool      `json:"current"`
	Summary  string    `json:"summary"`
	Tags     []string  `json:"tags"`
	Number   string    `json:"number,omitempty"`
	Source   string    `json:"source,omitempty"`
	Note     string    `json:"note,omitempty"`
	URL      string    `json:"url"`
	Prev     string    `json:"prev,omitempty"`
	Sections []Section `json:"sections"`
}

// Section is a part of a version's text under one level-2 heading.
type Section struct {
	ID      string  `json:"id"`
	Heading string  `json:"heading"`
	HTML    string  `json:"html"`
	Text    string  `json:"text"`
	Blocks  []Block `json:"blocks"`
}

// Block is a paragraph, list or table of a section.
type Block struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// New compiles the catalog of s.
func New(s *site.Site) *Catalog {
	c := &Catalog{Title: s.Title, Description: s.Description, Language: s.Language, BaseURL: s.BaseURL}
	for _, r := range s.Regions {
		cr := &Region{Slug: r.Slug, Name: r.Name, Kind: r.Kind, Province: r.Province, URL: r.URL(), Policies: []*Policy{}}
		for _, p := range r.Policies {
			cr.Policies = append(cr.Policies, newPolicy(p))
		}
		c.Regions = append(c.Regions, cr)
	}
	c.index()
	return c
}

func newPolicy(p *site.Policy) *Policy {
	cp := &Policy{Region: p.Region.Slug, Slug: p.Slug, Title: p.Current.Title, Current: p.Current.Slug, URL: p.URL()}
	for _, v := range p.Versions {
		cv := &Version{
			Region: p.Region.Slug, Policy: p.Slug, Slug: v.Slug, Label: v.Label, Title: v.Title,
			Date: v.Date.String(), Status: string(v.State), Current: v.IsCurrent(), Summary: v.Summary,
			Tags: v.Tags, Number: v.Number, Source: v.Source, Note: v.Note, URL: v.URL(),
			Sections: Sections(v.Doc),
		}
		if cv.Tags == nil {
			cv.Tags = []string{}
		}
		if v.Prev != nil {
			cv.Prev = v.Prev.Slug
		}
		cp.Versions = append(cp.Versions, cv)
	}
	return cp
}

// Sections converts a rendered document's sections.
func Sections(doc *markdown.Rendered) []Section {
	out := []Section{}
	if doc == nil {
		return out
	}
	for _, s := range doc.Sections {
		blocks := make([]Block, len(s.Blocks))
		for i, b := range s.Blocks {
			blocks[i] = Block{ID: b.ID, Text: b.Text}
		}
		out = append(out, Section{ID: s.ID, Heading: s.Heading, HTML: string(s.HTML), Text: s.Text, Blocks: blocks})
	}
	return out
}

func (c *Catalog) index() {
	c.regions = map[string]*Region{}
	c.policies = map[string]*Policy{}
	c.versions = map[string]*Version{}
	c.short = map[string]*Version{}
	for _, r := range c.Regions {
		c.regions[r.Slug] = r
		for _, p := range r.Policies {
			c.policies[r.Slug+"/"+p.Slug] = p
			for _, v := range p.Versions {
				id := r.Slug + "/" + p.Slug + "/" + v.Slug
				c.versions[id] = v
				c.short[site.ShortCode(id)] = v
			}
		}
	}
}

// Region returns the region with the slug, or nil.
func (c *Catalog) Region(slug string) *Region { return c.regions[slug] }

// Policy returns the policy, or nil.
func (c *Catalog) Policy(region, policy string) *Policy { return c.policies[region+"/"+policy] }

// Version returns the version, or nil. An empty version means the current one.
func (c *Catalog) Version(region, policy, version string) *Version {
	if version == "" {
		p := c.Policy(region, policy)
		if p == nil {
			return nil
		}
		version = p.Current
	}
	return c.versions[region+"/"+policy+"/"+version]
}

// ByShort returns the version whose short link code is code, or nil. The codes
// are derived again from the versions' identities, as the build derived them, so
// the catalog file needs no field for them.
func (c *Catalog) ByShort(code string) *Version { return c.short[code] }

// Tags returns every tag of every version, sorted.
func (c *Catalog) Tags() []string {
	var tags []string
	c.Versions(func(v *Version) { tags = append(tags, v.Tags...) })
	slices.Sort(tags)
	return slices.Compact(tags)
}

// Versions calls f for every version of every policy, in catalog order.
func (c *Catalog) Versions(f func(*Version)) {
	for _, r := range c.Regions {
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				f(v)
			}
		}
	}
}

// Marshal encodes the catalog for the data directory.
func (c *Catalog) Marshal() ([]byte, error) { return json.Marshal(c) }

// Read loads the catalog from the file at path.
func Read(path string) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("catalog: %s: %w", path, err)
	}
	c.index()
	return &c, nil
}
