package search

import (
	"context"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// A ranker ranks the hits of a plan in tiers, from the positions of the terms
// that each hit matched: first the sections that contain every unit of the
// query, in any of its alternatives; among those, the ones that need no
// correction of a misspelt word, and then the ones that contain the most units
// as written (or as corrected) rather than through the thesaurus. Within a
// tier bleve's score decides, raised when the units stand close together.
//
// Its score of a hit is the tier plus bleve's score s, made proximate, mapped
// into [0, 1) as s/(1+s), so that the order of tiers is strict and the score
// still says which hit is better.
//
// A ranker serves one search, whose hits bleve finds one after another: it
// keeps its counts and its scratch space without locks.
type ranker struct {
	plan    *plan
	termIDs map[string]int // the terms of the plan's alternatives
	alts    [][]rankedAlt  // by unit

	complete int // hits that contain every unit

	pos    [len(textFields)][][]int // by field and term: the positions in the hit
	found  [][len(textFields)][]int // by unit and field: where an alternative of it starts
	marks  []mark                   // of window
	inside []int                    // of window, by unit
}

// tierBase is the base of the tier's digits: more than a query's units.
const tierBase = maxClauses + 1

// A rankedAlt is an alternative of a unit with its terms as the ranker numbers
// them, -1 for a gap.
type rankedAlt struct {
	terms []int
	kind  altKind
}

func newRanker(p *plan) *ranker {
	rk := &ranker{plan: p, termIDs: map[string]int{}, found: make([][len(textFields)][]int, len(p.units)), inside: make([]int, len(p.units))}
	rk.alts = make([][]rankedAlt, len(p.units))
	for i, u := range p.units {
		for _, a := range u.alts {
			ra := rankedAlt{kind: a.kind}
			for _, t := range a.terms {
				id, ok := rk.termIDs[t]
				switch {
				case t == "":
					id = -1
				case !ok:
					id = len(rk.termIDs)
					rk.termIDs[t] = id
				}
				ra.terms = append(ra.terms, id)
			}
			rk.alts[i] = append(rk.alts[i], ra)
		}
	}
	for f := range rk.pos {
		rk.pos[f] = make([][]int, len(rk.termIDs))
	}
	return rk
}

func fieldIndex(name string) int {
	for i, f := range textFields {
		if f == name {
			return i
		}
	}
	return -1
}

// rankQuery is a bleve query whose hits are its child's, scored by the ranker
// from the terms they hold, which presenceQuery and phrase searches say, and
// where, which a positionsQuery says.
type rankQuery struct {
	child query.Query
	rk    *ranker
}

func (q *rankQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.child.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return &rankSearcher{Searcher: s, rk: q.rk}, nil
}

// rankSearcher is the searcher of a rankQuery.
type rankSearcher struct {
	search.Searcher
	rk *ranker
}

func (s *rankSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		d.Score = s.rk.score(d)
	}
	return d, err
}

func (s *rankSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		d.Score = s.rk.score(d)
	}
	return d, err
}

// presenceQuery is the query of a term in a field, whose hits say that they
// hold it without its positions, which cost much more to read: a position
// that no phrase can follow.
type presenceQuery struct {
	query.Query
	field, term string
}

// nowhere is the position a presenceQuery gives its term.
const nowhere = math.MaxInt32

func (q *presenceQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return &presenceSearcher{Searcher: s, q: q}, nil
}

type presenceSearcher struct {
	search.Searcher
	q *presenceQuery
}

func (s *presenceSearcher) mark(d *search.DocumentMatch) {
	if d != nil && len(d.FieldTermLocations) == 0 {
		d.FieldTermLocations = append(d.FieldTermLocations, search.FieldTermLocation{
			Field: s.q.field, Term: s.q.term, Location: search.Location{Pos: nowhere}})
	}
}

func (s *presenceSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	s.mark(d)
	return d, err
}

func (s *presenceSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	s.mark(d)
	return d, err
}

// positionsQuery is a query whose searchers read the positions of the terms of
// its hits: that of the words of a query of several, all of them (see
// proximityQuery), so that only the sections that hold them all cost as much.
type positionsQuery struct{ query.Query }

func (q positionsQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.IncludeTermVectors = true
	return q.Query.Searcher(ctx, i, m, options)
}

// score is the score of a hit.
func (rk *ranker) score(d *search.DocumentMatch) float64 {
	rk.read(d)
	var all, direct, asWritten int
	for i := range rk.plan.units {
		best, ok := rk.match(i)
		if !ok {
			continue
		}
		all++
		if best.direct() {
			direct++
		}
		if best.asWritten() {
			asWritten++
		}
	}
	if all == len(rk.plan.units) {
		rk.complete++
	}
	tier := (all*tierBase+direct)*tierBase + asWritten
	s := d.Score * rk.proximity()
	return float64(tier) + s/(1+s)
}

// closeness is the factor of closeness of the units of a hit whose terms
// stand where list says, as proximity says.
func (rk *ranker) closeness(list []termAt) float64 {
	for f := range rk.pos {
		for t := range rk.pos[f] {
			rk.pos[f][t] = rk.pos[f][t][:0]
		}
	}
	for _, t := range list {
		rk.pos[t.field][t.term] = append(rk.pos[t.field][t.term], int(t.pos))
	}
	for i := range rk.plan.units {
		rk.match(i)
	}
	return rk.proximity()
}

// read collects the positions of the plan's terms in d.
func (rk *ranker) read(d *search.DocumentMatch) {
	for f := range rk.pos {
		for t := range rk.pos[f] {
			rk.pos[f][t] = rk.pos[f][t][:0]
		}
	}
	for _, ftl := range d.FieldTermLocations {
		f := fieldIndex(ftl.Field)
		id, ok := rk.termIDs[ftl.Term]
		if f < 0 || !ok {
			continue
		}
		rk.pos[f][id] = append(rk.pos[f][id], int(ftl.Location.Pos))
	}
}

// match finds where the hit contains unit i, recording the start of each
// alternative it contains, and returns the best kind among them.
func (rk *ranker) match(i int) (best altKind, ok bool) {
	for f := range rk.found[i] {
		rk.found[i][f] = rk.found[i][f][:0]
	}
	for _, a := range rk.alts[i] {
		for f := range rk.pos {
			n := len(rk.found[i][f])
			rk.found[i][f] = rk.starts(f, a.terms, rk.found[i][f])
			if len(rk.found[i][f]) > n && (!ok || a.kind < best) {
				best, ok = a.kind, true
			}
		}
	}
	return best, ok
}

// starts appends to out the positions in field f at which the phrase of
// terms starts.
func (rk *ranker) starts(f int, terms []int, out []int) []int {
	for _, at := range rk.pos[f][terms[0]] {
		if rk.holds(f, terms, at) {
			out = append(out, at)
		}
	}
	return out
}

// holds reports whether the phrase of terms is at position at of field f.
func (rk *ranker) holds(f int, terms []int, at int) bool {
	for k, t := range terms[1:] {
		if t >= 0 && !contains(rk.pos[f][t], at+k+1) {
			return false
		}
	}
	return true
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// proximity is the factor of closeness of the units in the field that holds
// the most of them: 5 when they stand side by side, 2 when the narrowest
// passage that holds them all is twice as wide, falling towards 1 as it
// widens. Sections hold their words at all sorts of distances, and a reader's
// words next to each other are what the reader meant. A query of one unit has
// none, and it is known only of sections that hold every unit as written (see
// proximityQuery) or as a phrase.
func (rk *ranker) proximity() float64 {
	if len(rk.plan.units) < 2 {
		return 1
	}
	bestUnits, bestWidth := 1, 0
	for f := range textFields {
		units, width := rk.window(f)
		if units > bestUnits || units == bestUnits && units > 1 && width < bestWidth {
			bestUnits, bestWidth = units, width
		}
	}
	if bestUnits < 2 {
		return 1
	}
	return closenessOf(bestUnits, bestWidth)
}

// closenessOf is the factor of closeness of units that the narrowest passage
// of width holds: 5 side by side, falling towards 1 as it widens.
func closenessOf(units, width int) float64 {
	r := float64(units-1) / float64(max(width, units-1))
	return 1 + 4*r*r
}

// A mark is where an alternative of a unit starts.
type mark struct{ pos, unit int }

// window returns how many units field f holds, and the width of the narrowest
// passage of f that holds one start of each.
func (rk *ranker) window(f int) (units, width int) {
	marks := rk.marks[:0]
	for i := range rk.found {
		if slices.ContainsFunc(rk.found[i][f], func(at int) bool { return at != nowhere }) {
			units++
		}
		for _, at := range rk.found[i][f] {
			if at != nowhere {
				marks = append(marks, mark{at, i})
			}
		}
	}
	rk.marks = marks
	if units < 2 {
		return units, 0
	}
	return units, narrowest(marks, rk.inside, units)
}

// narrowest returns the width of the narrowest passage that holds a mark of
// each of units units, which marks hold; it sorts marks, and inside is scratch
// space of a count by unit.
func narrowest(marks []mark, inside []int, units int) int {
	slices.SortFunc(marks, func(a, b mark) int { return a.pos - b.pos })
	clear(inside) // marks of each unit in the passage
	have, from := 0, 0
	width := -1
	for to := range marks {
		if inside[marks[to].unit]++; inside[marks[to].unit] == 1 {
			have++
		}
		for have == units {
			if w := marks[to].pos - marks[from].pos; width < 0 || w < width {
				width = w
			}
			if inside[marks[from].unit]--; inside[marks[from].unit] == 0 {
				have--
			}
			from++
		}
	}
	return width
}
