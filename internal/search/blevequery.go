package search

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// fieldBoosts rank a match in a title above one in a heading, and both above the text.
var fieldBoosts = []struct {
	field string
	boost float64
}{{"title", 3}, {"heading", 2}, {"text", 1}}

// buildQuery turns a plan and filters into a bleve query. The query leaves out
// the document leaveOut, unless it is "". The ranker, when not nil, must score
// the hits: bleve's scores alone do not rank them as the plan says.
func (ix *Index) buildQuery(p *plan, r Request, leaveOut string) (query.Query, *ranker) {
	var should, mustNot []query.Query
	// A ranker needs to know which terms a hit holds, which a presenceQuery
	// says at no cost, and, of several units, where they are in the hits
	// that hold them all, which the proximityQuery reads.
	presence := p.ranked()
	spans := map[int][]alt{} // the alternatives of runs of units, by run
	var order []int
	for _, u := range p.units {
		var own []alt
		for _, a := range u.alts {
			switch {
			case a.span == 0:
				own = append(own, a)
			case spans[a.span] == nil:
				order = append(order, a.span)
				fallthrough
			default:
				if !slices.ContainsFunc(spans[a.span], func(b alt) bool { return b.terms.String() == a.terms.String() }) {
					spans[a.span] = append(spans[a.span], a)
				}
			}
		}
		if q := altsQuery(own, presence); q != nil {
			should = append(should, q)
		}
	}
	for _, sp := range order {
		should = append(should, altsQuery(spans[sp], presence))
	}
	if q := proximityQuery(p); q != nil {
		should = append(should, q)
	}
	if len(should) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	for _, ph := range p.exclude {
		mustNot = append(mustNot, altQuery(alt{terms: ph}, false))
	}
	if leaveOut != "" {
		mustNot = append(mustNot, bleve.NewDocIDQuery([]string{leaveOut}))
	}
	must := ix.filters(r)
	var q query.Query
	if len(should) == 1 && len(must) == 0 && len(mustNot) == 0 {
		q = should[0]
	} else {
		b := bleve.NewBooleanQuery()
		b.AddMust(must...)
		b.AddShould(should...)
		b.SetMinShould(1)
		b.AddMustNot(mustNot...)
		q = b
	}
	if !p.ranked() {
		return q, nil
	}
	rk := newRanker(p)
	return &rankQuery{child: q, rk: rk}, rk
}

// proximityQuery finds the sections whose text holds every unit of p as
// written, of one word or corrected, and reads where, for the ranker; it
// weighs nothing. It is nil for a query of one unit, or of a unit of none such.
//
// It reads the text alone. Every section of a policy holds the policy's title,
// so that the title's positions would cost the most to read and rank no section
// above another of its policy; a heading is read where a phrase search reads
// it. On the all-different load of BenchmarkSearchDistinct this halves the
// cost of a search, and the relevance set ranks as before.
func proximityQuery(p *plan) query.Query {
	if len(p.units) < 2 {
		return nil
	}
	var all []query.Query
	for _, u := range p.units {
		var any []query.Query
		for _, a := range u.alts {
			if !a.kind.asWritten() || len(a.terms) != 1 {
				continue
			}
			q := bleve.NewTermQuery(a.terms[0])
			q.SetField("text")
			q.SetBoost(0)
			any = append(any, q)
		}
		if len(any) == 0 {
			return nil
		}
		all = append(all, bleve.NewDisjunctionQuery(any...))
	}
	return positionsQuery{bleve.NewConjunctionQuery(all...)}
}

// altsQuery matches a unit in the title, heading or text: any of its
// alternatives alts, each boosted by its weight. Alternatives of one kind and
// weight are one disjunction, so that many synonyms weigh no more than few,
// and a corrected word and its synonyms weigh as the word and its synonyms
// would, less the correction's weight. With presence, a term's query says that
// a hit holds it, for the ranker (see presenceQuery).
func altsQuery(alts []alt, presence bool) query.Query {
	type group struct {
		kind   altKind
		weight float64
	}
	var order []group
	byGroup := map[group][]query.Query{}
	for _, a := range alts {
		g := group{a.kind, a.boost()}
		if byGroup[g] == nil {
			order = append(order, g)
		}
		byGroup[g] = append(byGroup[g], altQuery(a, presence))
	}
	var parts []query.Query
	for _, g := range order {
		if qs := byGroup[g]; len(qs) == 1 {
			parts = append(parts, qs[0])
		} else {
			parts = append(parts, bleve.NewDisjunctionQuery(qs...))
		}
	}
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return bleve.NewDisjunctionQuery(parts...)
}

// A fieldQuery is a bleve query of a field, with a boost.
type fieldQuery interface {
	query.FieldableQuery
	SetBoost(float64)
}

// altQuery matches an alternative in the title, heading or text; one from the
// thesaurus only in the heading or text, since every section of a policy has
// its title, and a synonym in the title would lift them all.
func altQuery(a alt, presence bool) query.Query {
	var fields []query.Query
	for _, fb := range fieldBoosts {
		if fb.field == "title" && !a.kind.asWritten() {
			continue
		}
		var q fieldQuery
		if len(a.terms) == 1 {
			q = bleve.NewTermQuery(a.terms[0])
		} else {
			slots := make([][]string, len(a.terms))
			for i, t := range a.terms {
				if t != "" {
					slots[i] = []string{t}
				}
			}
			q = query.NewMultiPhraseQuery(slots, "")
		}
		q.SetField(fb.field)
		q.SetBoost(fb.boost * a.boost())
		if presence && len(a.terms) == 1 {
			fields = append(fields, &presenceQuery{q, fb.field, a.terms[0]})
		} else {
			fields = append(fields, q)
		}
	}
	return bleve.NewDisjunctionQuery(fields...)
}

func (ix *Index) filters(r Request) []query.Query {
	var out []query.Query
	// Filters must not change the ranking: each term weighs nothing, even
	// within a disjunction, whose own boost bleve does not pass on.
	term := func(field, value string) query.Query {
		q := bleve.NewTermQuery(value)
		q.SetField(field)
		q.SetBoost(0)
		return q
	}
	if len(r.Regions) > 0 {
		var any []query.Query
		for _, reg := range r.Regions {
			any = append(any, term("region", reg))
		}
		out = append(out, bleve.NewDisjunctionQuery(any...))
	}
	if r.Tag != "" {
		out = append(out, term("tags", r.Tag))
	}
	if r.Status != "" {
		out = append(out, term("status", r.Status))
	}
	return out
}
