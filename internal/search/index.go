// Package search indexes the sections of every version in bleve with Indonesian
// analysis, and answers queries with hits that lead to the exact section of the
// exact version, with highlighted fragments.
//
// Versions of a policy share most of their text, so each distinct section (the same
// heading and text in the same policy) is indexed once, with the versions that hold
// it as a multi-valued field. Most searches are of the versions in force only, so
// those sections also have an index of their own, a fraction of the size; the two
// are built side by side. Texts are not stored in bleve: the catalog already holds
// them, and fragments are made from it at query time with the same analysis.
package search

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/sync/errgroup"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"naskah/internal/catalog"
)

// doc is what bleve indexes for one distinct section.
type doc struct {
	Title    string   `json:"title"`
	Heading  string   `json:"heading"`
	Text     string   `json:"text"`
	Region   string   `json:"region"`
	Policy   string   `json:"policy"`
	Versions []string `json:"versions"`
	Status   []string `json:"status"`
	Tags     []string `json:"tags"`

	current *catalog.Version // the version in force, if it holds the section
}

// newMapping declares each field deliberately: the three texts are analyzed and
// searched, with term positions for phrase queries; the keywords are indexed for
// filters and facets. Only the versions are stored, to resolve a hit to the version
// a reader should see; everything else a hit shows comes from the catalog.
func newMapping(lexicon []string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m, lexicon); err != nil {
		return nil, err
	}
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerName
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	keywordField := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	for _, name := range []string{"title", "heading", "text"} {
		dm.AddFieldMappingsAt(name, text())
	}
	for _, name := range []string{"region", "policy", "status", "tags"} {
		dm.AddFieldMappingsAt(name, keywordField())
	}
	versions := keywordField()
	versions.Store = true
	dm.AddFieldMappingsAt("versions", versions)
	m.DefaultMapping = dm
	m.DefaultAnalyzer = analyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// sectionDocs returns the distinct sections of every version of the policies that
// keep accepts (all when nil), keyed by document id.
func sectionDocs(c *catalog.Catalog, keep func(region, policy string) bool) map[string]*doc {
	docs := map[string]*doc{}
	c.Versions(func(v *catalog.Version) {
		if keep != nil && !keep(v.Region, v.Policy) {
			return
		}
		for _, s := range v.Sections {
			key := docID(v, s)
			d := docs[key]
			if d == nil {
				d = &doc{Heading: s.Heading, Text: s.Text, Region: v.Region, Policy: v.Policy}
				docs[key] = d
			}
			// Versions come oldest first: the newest one names the section.
			d.Title = v.Title
			d.Versions = append(d.Versions, v.Slug)
			d.Status = appendNew(d.Status, v.Status)
			for _, t := range v.Tags {
				d.Tags = appendNew(d.Tags, t)
			}
			if v.Current {
				d.current = v
			}
		}
	})
	return docs
}

// docID names a distinct section: its policy, its anchor and a hash of its text.
func docID(v *catalog.Version, s catalog.Section) string {
	h := sha256.New()
	h.Write([]byte(s.Heading))
	h.Write([]byte{0})
	h.Write([]byte(s.Text))
	return v.Region + "/" + v.Policy + "#" + s.ID + "@" + hex.EncodeToString(h.Sum(nil)[:8])
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// batchSize bounds the documents held in one bleve batch.
const batchSize = 2000

// The two indexes in the index directory.
const (
	currentDir = "current" // sections of the versions in force
	allDir     = "all"     // sections of every version
)

// Build writes the indexes of the catalog into dir, which must not exist yet.
func Build(dir string, c *catalog.Catalog) error {
	m, err := newMapping(Lexicon(c))
	if err != nil {
		return fmt.Errorf("search: mapping: %w", err)
	}
	all := sectionDocs(c, nil)
	current := currentDocs(all)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	var g errgroup.Group
	g.Go(func() error { return buildIndex(filepath.Join(dir, currentDir), m, current) })
	g.Go(func() error { return buildIndex(filepath.Join(dir, allDir), m, all) })
	return g.Wait()
}

// currentDocs returns the documents of the sections that the versions in force
// hold, as the versions in force describe them.
func currentDocs(all map[string]*doc) map[string]*doc {
	current := map[string]*doc{}
	for id, d := range all {
		if d.current != nil {
			cd := *d
			cd.Title = d.current.Title
			cd.Versions = []string{d.current.Slug}
			cd.Status = []string{d.current.Status}
			cd.Tags = d.current.Tags
			current[id] = &cd
		}
	}
	return current
}

// buildIndex writes one index of docs into dir.
func buildIndex(dir string, m mapping.IndexMapping, docs map[string]*doc) error {
	idx, err := bleve.New(dir, m)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	batch := idx.NewBatch()
	for i, id := range ids {
		if err := batch.Index(id, docs[id]); err != nil {
			idx.Close()
			return fmt.Errorf("search: %s: %w", id, err)
		}
		if batch.Size() >= batchSize || i == len(ids)-1 {
			if err := idx.Batch(batch); err != nil {
				idx.Close()
				return fmt.Errorf("search: %w", err)
			}
			batch.Reset()
		}
	}
	return idx.Close()
}
