// Package catalog is the compiled form of a site that the server needs and that is
// not published as static files: every region, policy and version with its metadata
// and its text split into sections. The build writes it to the data directory; the
// server reads it back, so that a deployment needs only the output and data
// directories, never content/ or the theme.
//
// A Catalog is read-only once made; its lookups are safe for concurrent use.
//
// The catalog file is a stream of JSON values, one per line: the catalog's own
// fields, then each region with its policies and versions. Each policy lists the
// distinct sections of its versions once, and each version the indexes of its
// sections in that list: versions a few edits apart share most sections, and the
// file would otherwise hold each of them once per version. A section's plain text
// is its blocks' texts joined, so the file holds only the blocks'.
package catalog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// The layout of the data directory that the build writes and the server reads.
const (
	FileName = "catalog.json" // the catalog
	IndexDir = "index"        // the search index
	ThemeDir = "theme"        // a copy of the theme the site was built with
)

// JDIHNPath is the site path of the JDIHN integration feed, a static file that
// the build writes and the server lets any web page read, as JDIH members do.
const JDIHNPath = "/jdihn.json"

// Format is the version of the catalog file's layout. Read refuses a file of
// another, which an older naskah wrote: build again.
const Format = 4

// Catalog is the whole site's data.
type Catalog struct {
	Format      int    `json:"format"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Language    string `json:"language"`
	BaseURL     string `json:"base_url"`
	// Now is the day (YYYY-MM-DD) the statuses of the catalog hold on: the
	// build's moment. AsOf reckons them for another day.
	Now     string    `json:"now"`
	Regions []*Region `json:"-"` // in the file, the values after the catalog's

	regions  map[string]*Region
	policies map[string]*Policy  // "region/policy"
	versions map[string]*Version // "region/policy/version"
	short    map[string]*Version // by short code
}

// Region is a regency, city or province.
type Region struct {
	Slug     string `json:"slug"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Province string `json:"province"`
	// Fictional marks an example region that exists nowhere.
	Fictional bool      `json:"fictional,omitempty"`
	URL       string    `json:"url"`
	Policies  []*Policy `json:"policies"`
}

// Policy is one policy of a region, its versions oldest first.
type Policy struct {
	Region  string `json:"region"`
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	Current string `json:"current"`
	URL     string `json:"url"`
	// Revocations are the dates (YYYY-MM-DD or YYYY-MM; empty: from the start)
	// from which versions of other policies revoke this one.
	Revocations []string   `json:"revocations,omitempty"`
	Versions    []*Version `json:"-"` // in the file, as policyFile has them
}

// Version is one version of a policy with its text.
type Version struct {
	Region   string   `json:"region"`
	Policy   string   `json:"policy"`
	Slug     string   `json:"version"`
	Label    string   `json:"label"`
	Title    string   `json:"title"`
	Date     string   `json:"date"`
	Status   string   `json:"status"`   // the state a reader sees as of the catalog's Now: berlaku, akan-berlaku, diganti, dicabut, rancangan
	Standing string   `json:"standing"` // what the content states: draft, published, revoked
	Current  bool     `json:"current"`
	Summary  string   `json:"summary"`
	Tags     []string `json:"tags"`
	Number   string   `json:"number,omitempty"`
	Source   string   `json:"source,omitempty"`
	Note     string   `json:"note,omitempty"`
	// Form is "peraturan" for a regulation, whose sections are its parts and
	// Pasal and whose blocks are its units (ids "pasal-2-ayat-1"); "" for prose.
	Form     string    `json:"form,omitempty"`
	URL      string    `json:"url"`
	Short    string    `json:"short"` // the short link code
	Prev     string    `json:"prev,omitempty"`
	Sections []Section `json:"-"` // in the file, as versionFile has them
	// Instrument is the legal identity of a version that states its type.
	Instrument *Instrument `json:"instrument,omitempty"`
	// Relations are the version's relations to other instruments, those it
	// states and those derived from what others state, by kind.
	Relations []Relation `json:"relations"`
	// OriginalURL is the site path of the authentic PDF of the version, with
	// its size in bytes and its SHA-256 in hex; all empty when it has none.
	OriginalURL    string `json:"original_url,omitempty"`
	OriginalSize   int64  `json:"original_size,omitempty"`
	OriginalSHA256 string `json:"original_sha256,omitempty"`
}

// Relation is a relation of a version to another instrument: kind is amends,
// amended-by, revokes, revoked-by, implements, implemented-by or related; ref
// (REGION/POLICY or REGION/POLICY@VERSION) and url name an instrument of the
// site and are empty for the citation of one outside it; name is its
// designation, title or citation.
type Relation struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	Ref  string `json:"ref,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Instrument is the legal identity of a version: its form, number and year, how
// it is cited in full, and its legal dates (YYYY-MM-DD or YYYY-MM), each empty
// when the content does not state it.
type Instrument struct {
	Type        string   `json:"type"`        // e.g. "perbup"
	TypeName    string   `json:"type_name"`   // e.g. "Peraturan Bupati"
	Designation string   `json:"designation"` // e.g. "Peraturan Bupati Mamuju Nomor 12 Tahun 2025 tentang …"
	Number      string   `json:"number"`
	Year        int      `json:"year,omitempty"`
	Enacted     string   `json:"enacted"`
	Promulgated string   `json:"promulgated"`
	Place       string   `json:"place"`
	Gazette     string   `json:"gazette"`
	Field       string   `json:"field"`
	Subjects    []string `json:"subjects"`
	Initiator   string   `json:"initiator"`
	Signer      string   `json:"signer"`
	Abstract    string   `json:"abstract"`
}

// Section is a part of a version's text under one level-2 heading.
type Section struct {
	ID      string  `json:"id"`
	Heading string  `json:"heading"`
	HTML    string  `json:"html"`
	Text    string  `json:"-"` // the blocks' texts, joined by blank lines
	Blocks  []Block `json:"blocks"`
}

// Block is a paragraph, list or table of a section.
type Block struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Index builds the lookups of a catalog made in memory; Read does so itself.
func (c *Catalog) Index() { c.index() }

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
				c.versions[r.Slug+"/"+p.Slug+"/"+v.Slug] = v
				c.short[v.Short] = v
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

// ByShort returns the version whose short link code is code, or nil.
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

// Marshal encodes the catalog as its file holds it.
func (c *Catalog) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	err := c.Encode(&buf)
	return buf.Bytes(), err
}

// Encode writes the catalog to w as its file holds it, a region at a time.
func (c *Catalog) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return err
	}
	for _, r := range c.Regions {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// Read loads the catalog from the file at path.
func Read(path string) (*Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer f.Close()
	c, err := decode(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("catalog: %s: %w", path, err)
	}
	return c, nil
}

// decode reads a catalog as Encode writes it.
func decode(r io.Reader) (*Catalog, error) {
	dec := json.NewDecoder(r)
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if c.Format != Format {
		return nil, fmt.Errorf("format berkas katalog %d, bukan %d: jalankan naskah build lagi", c.Format, Format)
	}
	for dec.More() {
		var reg Region
		if err := dec.Decode(&reg); err != nil {
			return nil, err
		}
		c.Regions = append(c.Regions, &reg)
	}
	c.index()
	return &c, nil
}

// policyFile is a policy as the file holds it, with its distinct sections.
type policyFile struct {
	*policyFields
	Sections []Section     `json:"sections"`
	Versions []versionFile `json:"versions"`
}

type policyFields Policy // Policy without its methods, for encoding/json

// versionFile is a version as the file holds it: its sections are indexes in
// the policy's Sections.
type versionFile struct {
	*Version
	Sections []int `json:"sections"`
}

// MarshalJSON encodes p as the file holds it.
func (p *Policy) MarshalJSON() ([]byte, error) {
	f := policyFile{policyFields: (*policyFields)(p), Sections: []Section{}, Versions: make([]versionFile, len(p.Versions))}
	seen := map[string]int{}
	for i, v := range p.Versions {
		f.Versions[i] = versionFile{Version: v, Sections: make([]int, len(v.Sections))}
		for j, s := range v.Sections {
			k := s.key()
			n, ok := seen[k]
			if !ok {
				n = len(f.Sections)
				seen[k] = n
				f.Sections = append(f.Sections, s)
			}
			f.Versions[i].Sections[j] = n
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // HTML is most of the file: keep it readable and small
	err := enc.Encode(f)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// UnmarshalJSON decodes p as MarshalJSON encodes it.
func (p *Policy) UnmarshalJSON(data []byte) error {
	f := policyFile{policyFields: (*policyFields)(p)}
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	for i := range f.Sections {
		f.Sections[i].Text = f.Sections[i].joinBlocks()
	}
	p.Versions = make([]*Version, len(f.Versions))
	for i, vf := range f.Versions {
		if vf.Version == nil {
			return fmt.Errorf("policy %s/%s: version %d is null", p.Region, p.Slug, i)
		}
		v := vf.Version
		v.Sections = make([]Section, len(vf.Sections))
		for j, n := range vf.Sections {
			if n < 0 || n >= len(f.Sections) {
				return fmt.Errorf("policy %s/%s: version %s: no section %d", p.Region, p.Slug, v.Slug, n)
			}
			v.Sections[j] = f.Sections[n]
		}
		p.Versions[i] = v
	}
	return nil
}

// key tells sections apart: two sections with the same key are the same.
func (s Section) key() string {
	var b strings.Builder
	b.WriteString(s.ID)
	b.WriteByte(0)
	b.WriteString(s.Heading)
	b.WriteByte(0)
	b.WriteString(s.HTML)
	for _, blk := range s.Blocks {
		b.WriteByte(0)
		b.WriteString(blk.ID)
		b.WriteByte(0)
		b.WriteString(blk.Text)
	}
	return b.String()
}

// joinBlocks is the section's plain text: its blocks' texts, separated by a
// blank line, as markdown makes it.
func (s Section) joinBlocks() string {
	texts := make([]string, len(s.Blocks))
	for i, b := range s.Blocks {
		texts[i] = b.Text
	}
	return strings.Join(texts, "\n\n")
}
