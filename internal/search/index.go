// Package search indexes the sections of every version in bleve with Indonesian
// analysis, and answers queries with hits that lead to the exact section of the
// exact version, with highlighted fragments. A regulation's sections are its
// Pasal, each with its penjelasan (see documentSections).
//
// A query that cites an instrument, or a unit of one, as Indonesians type it
// ("Pasal 4 ayat (2) Perbup Contoh 3/2024", "perbup contoh nomor 3 tahun 2024
// pasal 4") is resolved against the catalog by form, region, number and year:
// the answer says where it leads (Result.Direct), the deepest cited unit that
// the instrument has, and the hit of that Pasal comes first, of whichever
// version the instrument is. A query that is no citation, or one that names
// nothing on the site, is searched as its words.
//
// The words are planned into units (plan.go): a word, a "phrase", a prefix*
// (matched against the words of the corpus as written), or words joined by OR,
// each with its alternatives: as written, in any form the stemmer conflates;
// through a thesaurus of civil-service words (thesaurus.txt, which a site's
// own extends); and, for a word with no hit or very few, as the nearest word
// of the corpus (correct.go). The hits are ranked in tiers (rank.go): the
// sections with every unit first, then those that need no correction, then
// those with the most units as written, and by bleve's score, raised by the
// closeness of the units, within a tier. Names of regions, and those a site
// lists, are kept whole by the stemmer.
//
// bleve stores the index. A read-only index, as naskah serve opens it, is
// searched by an accumulator of our own over bleve's postings
// (accumulate.go), which gives bleve's answers at a fraction of the cost;
// the live preview's writable index is searched by bleve's searchers.
//
// Versions of a policy share most of their text, so each distinct section (the same
// heading and text in the same policy) is indexed once, with the versions that hold
// it as a multi-valued field. Most searches are of the versions in force only, so
// those sections also have an index of their own, a fraction of the size; the two
// are built side by side from one analysis of each section. Texts are not stored
// in bleve: the catalog already holds them, and fragments are made from it at
// query time with the same analysis.
package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"golang.org/x/sync/errgroup"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"naskah/internal/catalog"
)

// doc is what bleve indexes for one distinct section: three texts, analysed with the
// Indonesian analyzer, and keywords, which are indexed as they are.
type doc struct {
	Title, Heading, Text string

	Region, Policy         string
	Versions, Status, Tags []string

	current *catalog.Version // the version in force, if it holds the section
}

// textFields name the texts of a doc in the index.
var textFields = [3]string{"title", "heading", "text"}

// A keywordField is a field of a doc whose values are indexed as they are.
type keywordField struct {
	name   string
	values func(d *doc) []string
	list   bool // the values are a list, in which each has its position
	stored bool // stored, and not searched
}

// keywordFields are the keywords of a doc. The region, status and tags are searched,
// for filters, with doc values for the facetFields; the policy is searched, for Update to
// find a policy's documents. The versions are stored, to resolve a hit to the
// version a reader should see, and nothing searches them.
var keywordFields = []keywordField{
	{name: "region", values: func(d *doc) []string { return []string{d.Region} }},
	{name: "policy", values: func(d *doc) []string { return []string{d.Policy} }},
	{name: "versions", values: func(d *doc) []string { return d.Versions }, list: true, stored: true},
	{name: "status", values: func(d *doc) []string { return d.Status }, list: true},
	{name: "tags", values: func(d *doc) []string { return d.Tags }, list: true},
}

// newMapping declares each field deliberately, and each only as a search needs it:
// the three texts are analyzed and searched, with term positions for phrase
// queries; the keywords as keywordFields say. Only the versions are stored:
// everything else a hit shows comes from the catalog. No field goes into _all,
// which no query reads.
func newMapping(lexicon, names []string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m, lexicon, names); err != nil {
		return nil, err
	}
	dm := bleve.NewDocumentStaticMapping()
	for _, name := range textFields {
		dm.AddFieldMappingsAt(name, textMapping())
	}
	for _, k := range keywordFields {
		dm.AddFieldMappingsAt(k.name, k.mapping())
	}
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.DefaultMapping = dm
	m.DefaultAnalyzer = analyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// textMapping is the mapping of each text field.
func textMapping() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzerName
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = true
	f.DocValues = false
	return f
}

func (k keywordField) mapping() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Index = !k.stored
	f.Store = k.stored
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = slices.ContainsFunc(facetFields[:], func(ff facetField) bool { return ff.name == k.name }) // facets count them
	return f
}

// sectionDocs returns the distinct sections of every version of the policies that
// keep accepts (all when nil), keyed by document id: the sections as
// documentSections has them, a regulation's Pasal with their penjelasan.
func sectionDocs(c *catalog.Catalog, keep func(region, policy string) bool) map[string]*doc {
	docs := map[string]*doc{}
	c.Versions(func(v *catalog.Version) {
		if keep != nil && !keep(v.Region, v.Policy) {
			return
		}
		for _, s := range documentSections(v) {
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

// chunkSize is how many sections are analysed at a time. Each index makes a
// segment of each chunk, which its merger merges with others as they come; a chunk
// of a few thousand bounds the memory a build holds, and is small enough that zap
// reads it while the analysis left much of it in the processor's cache.
const chunkSize = 2000

// The two indexes in the index directory.
const (
	currentDir = "current" // sections of the versions in force
	allDir     = "all"     // sections of every version
)

// Build writes the indexes of the catalog into dir, which must not exist yet. It
// stops with ctx's error soon after ctx is done, between two chunks.
//
// The indexes are built side by side from one analysis: a chunk of sections is
// analysed by workers goroutines (see documents), and each index makes a segment
// of its documents of the chunk while the next chunk is analysed.
func Build(ctx context.Context, dir string, c *catalog.Catalog, workers int) error {
	return BuildWithThesaurus(ctx, dir, c, workers, nil)
}

// BuildWithThesaurus is Build with a site's thesaurus (see Thesaurus), which
// extends and overrides the built-in one, and whose names the stemmer keeps
// whole with the regions'. It is copied into dir for Open.
func BuildWithThesaurus(ctx context.Context, dir string, c *catalog.Catalog, workers int, site *Thesaurus) error {
	all := sectionDocs(c, nil)
	current := currentDocs(all)
	m, err := newMapping(lexicon(c, all), names(c, site.Names()))
	if err != nil {
		return fmt.Errorf("search: mapping: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if site != nil {
		if err := os.WriteFile(filepath.Join(dir, siteThesaurusFile), site.src, 0o644); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	chunks := [2]chan []*document.Document{make(chan []*document.Document), make(chan []*document.Document)}
	for i, name := range [2]string{currentDir, allDir} {
		g.Go(func() error { return writeIndex(ctx, filepath.Join(dir, name), m, chunks[i]) })
	}
	g.Go(func() error {
		defer close(chunks[0])
		defer close(chunks[1])
		ds := newDocuments(m, workers)
		ids := sortedIDs(all)
		for start := 0; start < len(ids); start += chunkSize {
			cur, every := ds.chunk(ids[start:min(start+chunkSize, len(ids))], current, all)
			for i, docs := range [2][]*document.Document{cur, every} {
				select {
				case chunks[i] <- docs:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		}
		return nil
	})
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

func sortedIDs(docs map[string]*doc) []string {
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// writeIndex writes an index into dir of the chunks of documents it receives.
func writeIndex(ctx context.Context, dir string, m mapping.IndexMapping, chunks <-chan []*document.Document) error {
	idx, err := bleve.New(dir, m)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	for docs := range chunks {
		if err := ctx.Err(); err != nil {
			idx.Close()
			return err
		}
		if len(docs) == 0 {
			continue
		}
		batch := idx.NewBatch()
		for _, d := range docs {
			if err := batch.IndexAdvanced(d); err != nil {
				idx.Close()
				return fmt.Errorf("search: %s: %w", d.ID(), err)
			}
		}
		if err := idx.Batch(batch); err != nil {
			idx.Close()
			return fmt.Errorf("search: %w", err)
		}
	}
	return idx.Close()
}
