package search

import (
	"fmt"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
)

// facetFields are the fields that Facets count, with how many values of each a
// result lists, most frequent first.
var facetFields = [3]facetField{{"region", 200}, {"tags", 50}, {"status", 4}}

type facetField struct {
	name string
	size int
}

// facetTable knows the region, tags and status of every document of an index that
// cannot change, by its number in the index, so that a search counts its facets
// from the numbers of its hits. Letting bleve build the facets instead reads the
// values of each hit from the index, and a broad query hits most sections: that
// reading was most of the work of a search.
//
// Documents with the same values share a combination, so counting a hit is one
// increment; the combinations are spread over the values once, at the end.
type facetTable struct {
	combo  []uint32   // by document number; unused numbers are never hits
	combos [][3][]int // by combination: for each facet field, its value ids
	values [3][]string
}

// newFacetTable reads the facet values of every document of idx, or returns nil
// when the index does not number its documents as the table needs.
func newFacetTable(idx bleve.Index) (*facetTable, error) {
	t, err := readFacetTable(idx)
	if err != nil {
		return nil, fmt.Errorf("search: facets: %w", err)
	}
	return t, nil
}

func readFacetTable(idx bleve.Index) (*facetTable, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	docs, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer docs.Close()
	var names []string
	for _, f := range facetFields {
		names = append(names, f.name)
	}
	dv, err := r.DocValueReader(names)
	if err != nil {
		return nil, err
	}
	b := newTableBuilder()
	for {
		id, err := docs.Next()
		switch {
		case err != nil:
			return nil, err
		case id == nil:
			return &b.t, nil
		case len(id) != 8:
			return nil, nil // not the numbering of scorch, which the table is made for
		}
		var doc [3][]int
		err = dv.VisitDocValues(id, func(field string, term []byte) {
			if f := slices.IndexFunc(facetFields[:], func(ff facetField) bool { return ff.name == field }); f >= 0 {
				doc[f] = append(doc[f], b.valueID(f, string(term)))
			}
		})
		if err != nil {
			return nil, err
		}
		b.add(id.Value(), doc)
	}
}

// tableBuilder gives ids to the values and combinations of a facetTable.
type tableBuilder struct {
	t        facetTable
	valueIDs [3]map[string]int
	comboIDs map[string]uint32
}

func newTableBuilder() *tableBuilder {
	b := &tableBuilder{comboIDs: map[string]uint32{}}
	for f := range b.valueIDs {
		b.valueIDs[f] = map[string]int{}
	}
	return b
}

func (b *tableBuilder) valueID(f int, v string) int {
	id, ok := b.valueIDs[f][v]
	if !ok {
		id = len(b.t.values[f])
		b.valueIDs[f][v] = id
		b.t.values[f] = append(b.t.values[f], v)
	}
	return id
}

func (b *tableBuilder) add(n uint64, doc [3][]int) {
	key := fmt.Sprint(doc)
	id, ok := b.comboIDs[key]
	if !ok {
		id = uint32(len(b.t.combos))
		b.comboIDs[key] = id
		b.t.combos = append(b.t.combos, doc)
	}
	for uint64(len(b.t.combo)) <= n {
		b.t.combo = append(b.t.combo, 0)
	}
	b.t.combo[n] = id
}

// allowed says, by combination, whether r's filters let its documents through.
func (t *facetTable) allowed(r Request) []bool {
	out := make([]bool, len(t.combos))
	for c, combo := range t.combos {
		out[c] = t.has(combo[0], r.Regions...) && (r.Tag == "" || t.hasValue(1, combo[1], r.Tag)) &&
			(r.Status == "" || t.hasValue(2, combo[2], r.Status))
	}
	return out
}

// has reports whether the region ids hold one of regions, or regions is empty.
func (t *facetTable) has(ids []int, regions ...string) bool {
	if len(regions) == 0 {
		return true
	}
	for _, reg := range regions {
		if t.hasValue(0, ids, reg) {
			return true
		}
	}
	return false
}

// hasValue reports whether the value ids of facet field f hold v.
func (t *facetTable) hasValue(f int, ids []int, v string) bool {
	for _, id := range ids {
		if t.values[f][id] == v {
			return true
		}
	}
	return false
}

// counter returns an empty count of hits by combination.
func (t *facetTable) counter() []int { return make([]int, len(t.combos)) }

// handler wraps bleve's collection of the top hits to count every hit in hits,
// which counter made.
func (t *facetTable) handler(hits []int) search.MakeDocumentMatchHandler {
	return func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		next, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
		if err != nil {
			return nil, false, err
		}
		return func(d *search.DocumentMatch) error {
			if d != nil {
				hits[t.combo[d.IndexInternalID.Value()]]++
			}
			return next(d)
		}, loadID, nil
	}
}

// facets turns the hits counted by combination into Facets, ordered as bleve
// orders them: most hits first, then by value.
func (t *facetTable) facets(hits []int) Facets {
	var lists [3][]Count
	for f, ff := range facetFields {
		counts := make([]int, len(t.values[f]))
		for c, n := range hits {
			for _, v := range t.combos[c][f] {
				counts[v] += n
			}
		}
		list := []Count{}
		for v, n := range counts {
			if n > 0 {
				list = append(list, Count{Value: t.values[f][v], Count: n})
			}
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
		lists[f] = list[:min(len(list), ff.size)]
	}
	return Facets{Region: lists[0], Tag: lists[1], Status: lists[2]}
}

// bleveFacets turns the facets bleve built into Facets.
func bleveFacets(fr search.FacetResults) Facets {
	var lists [3][]Count
	for f, ff := range facetFields {
		lists[f] = []Count{}
		if res := fr[ff.name]; res != nil {
			for _, t := range res.Terms.Terms() {
				lists[f] = append(lists[f], Count{Value: t.Term, Count: t.Count})
			}
		}
		sort.SliceStable(lists[f], func(i, j int) bool { return lists[f][i].Count > lists[f][j].Count })
	}
	return Facets{Region: lists[0], Tag: lists[1], Status: lists[2]}
}
