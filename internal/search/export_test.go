package search

import (
	"errors"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/singleflight"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"naskah/internal/catalog"
)

// WithBleveFacets returns a copy of ix that keeps no answers and lets bleve
// search and count the facets, as it does for the live preview's writable
// index.
func WithBleveFacets(ix *Index) *Index {
	c := *ix
	c.currentFacets, c.allFacets = nil, nil
	c.cache = nil
	c.searching = new(singleflight.Group)
	return &c
}

// CountsFacets reports whether ix counts the facets itself.
func CountsFacets(ix *Index) bool { return ix.currentFacets != nil && ix.allFacets != nil }

// mappedDoc is a section as bleve's mapping takes it, with no analysis done ahead.
type mappedDoc struct {
	Title    string   `json:"title"`
	Heading  string   `json:"heading"`
	Text     string   `json:"text"`
	Region   string   `json:"region"`
	Policy   string   `json:"policy"`
	Versions []string `json:"versions"`
	Status   []string `json:"status"`
	Tags     []string `json:"tags"`
}

func mapped(d *doc) mappedDoc {
	return mappedDoc{d.Title, d.Heading, d.Text, d.Region, d.Policy, d.Versions, d.Status, d.Tags}
}

// BuildMapped writes the indexes of c into dir as bleve indexes documents given
// to its mapping, one batch of each index at a time: the way Build did before it
// analysed the sections itself, which its answers must not differ from.
func BuildMapped(dir string, c *catalog.Catalog) error {
	all := sectionDocs(c, nil)
	m, err := newMapping(lexicon(c, all), names(c, nil))
	if err != nil {
		return err
	}
	for name, docs := range map[string]map[string]*doc{currentDir: currentDocs(all), allDir: all} {
		idx, err := bleve.New(filepath.Join(dir, name), m)
		if err != nil {
			return err
		}
		batch := idx.NewBatch()
		for id, d := range docs {
			if err := batch.Index(id, mapped(d)); err != nil {
				idx.Close()
				return err
			}
		}
		if err := errors.Join(idx.Batch(batch), idx.Close()); err != nil {
			return err
		}
	}
	return nil
}

// MappedDocuments returns the documents that Build indexes of c, in both indexes,
// and those that bleve's mapping makes of the same sections, analysed.
func MappedDocuments(c *catalog.Catalog) (built, want []*document.Document, err error) {
	all := sectionDocs(c, nil)
	current := currentDocs(all)
	m, err := newMapping(lexicon(c, all), names(c, nil))
	if err != nil {
		return nil, nil, err
	}
	ids := sortedIDs(all)
	cur, every := newDocuments(m, runtime.GOMAXPROCS(0)).chunk(ids, current, all)
	for _, docs := range []map[string]*doc{current, all} {
		for _, id := range ids {
			if docs[id] == nil {
				continue
			}
			d := document.NewDocument(id)
			if err := m.MapDocument(d, mapped(docs[id])); err != nil {
				return nil, nil, err
			}
			want = append(want, analysed(d))
		}
	}
	for _, d := range append(cur, every...) {
		built = append(built, analysed(d))
	}
	return built, want, nil
}

// analysed analyses the fields of d as scorch does when it indexes d.
func analysed(d *document.Document) *document.Document {
	d.VisitFields(func(f index.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	})
	return d
}
