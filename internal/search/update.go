package search

import (
	"fmt"
	"strings"

	"golang.org/x/sync/singleflight"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"

	"naskah/internal/cache"
	"naskah/internal/catalog"
)

// OpenWritable opens the indexes in dir for Update, for the live preview. Searches
// may run while it updates.
func OpenWritable(dir string, c *catalog.Catalog) (*Index, error) { return open(dir, c, false) }

// Update indexes the sections of the given policies ("region/policy") anew from c,
// and returns the index searching with c. The receiver and the result share the
// underlying indexes; close only one of them. The lexicon stays that of the last
// full build, so a word new to the corpus is stemmed less well until the next one.
// The sections are analysed by workers goroutines.
func (ix *Index) Update(c *catalog.Catalog, policies []string, workers int) (*Index, error) {
	keep := map[string]bool{}
	for _, p := range policies {
		keep[p] = true
	}
	all := sectionDocs(c, func(region, policy string) bool { return keep[region+"/"+policy] })
	cur, every := newDocuments(ix.current.Mapping(), workers).chunk(sortedIDs(all), currentDocs(all), all)
	for _, u := range []struct {
		idx  bleve.Index
		docs []*document.Document
	}{{ix.current, cur}, {ix.all, every}} {
		if err := replacePolicies(u.idx, policies, u.docs); err != nil {
			return nil, err
		}
	}
	next := *ix
	next.cat = c
	next.cache = cache.New[string, *Result](DefaultCacheSize) // the answers changed
	next.searching = new(singleflight.Group)
	return &next, nil
}

// replacePolicies deletes every document of the policies from idx and adds docs.
func replacePolicies(idx bleve.Index, policies []string, docs []*document.Document) error {
	keep := make(map[string]bool, len(docs))
	batch := idx.NewBatch()
	for _, d := range docs {
		keep[d.ID()] = true
		if err := batch.IndexAdvanced(d); err != nil {
			return fmt.Errorf("search: %s: %w", d.ID(), err)
		}
	}
	for _, p := range policies {
		region, policy, _ := strings.Cut(p, "/")
		ids, err := policyDocIDs(idx, region, policy)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !keep[id] {
				batch.Delete(id)
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// policyDocIDs lists the ids of every document of one policy.
func policyDocIDs(idx bleve.Index, region, policy string) ([]string, error) {
	rq := bleve.NewTermQuery(region)
	rq.SetField("region")
	pq := bleve.NewTermQuery(policy)
	pq.SetField("policy")
	var ids []string
	for from := 0; ; from += 1000 {
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery([]query.Query{rq, pq}...), 1000, from, false)
		res, err := idx.Search(req)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < 1000 {
			return ids, nil
		}
	}
}
