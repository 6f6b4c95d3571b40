package search

import (
	"context"
	"sort"

	"github.com/blevesearch/bleve/v2/search"
)

// A ranker ranks the hits of a plan in tiers, from the positions of the terms
// that each hit matched: first the sections that contain every unit of the
// query, in any of its alternatives; among those, the ones that need no
// correction of a misspelt word, and then the ones that contain the most units
// as written rather than through the thesaurus. Within a tier bleve's score
// decides, raised when the units stand close together.
//
// Its score of a hit is the tier plus bleve's score s, made proximate, mapped
// into [0, 1) as s/(1+s), so that the order of tiers is strict and the score
// still says which hit is better.
//
// A ranker serves one search, whose hits bleve scores one after another: it
// keeps its counts and its scratch space without locks.
type ranker struct {
	plan    *plan
	termIDs map[string]int // the terms of the plan's alternatives

	complete int // hits that contain every unit

	pos   [len(textFields)][][]int // by field and term: the positions in the hit
	found [][len(textFields)][]int // by unit and field: where an alternative of it starts
}

// tierBase is the base of the tier's digits: more than a query's units.
const tierBase = maxClauses + 1

func newRanker(p *plan) *ranker {
	rk := &ranker{plan: p, termIDs: map[string]int{}, found: make([][len(textFields)][]int, len(p.units))}
	for _, u := range p.units {
		for _, a := range u.alts {
			for _, t := range a.terms {
				if _, ok := rk.termIDs[t]; !ok && t != "" {
					rk.termIDs[t] = len(rk.termIDs)
				}
			}
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

// score is the search.CustomScoreFunc of the ranker.
func (rk *ranker) score(_ context.Context, d *search.DocumentMatch) (float64, error) {
	rk.read(d)
	var all, direct, asWritten int
	for i, u := range rk.plan.units {
		best, ok := rk.match(i, u)
		if !ok {
			continue
		}
		all++
		if best != corrected {
			direct++
		}
		if best == literal {
			asWritten++
		}
	}
	if all == len(rk.plan.units) {
		rk.complete++
	}
	tier := (all*tierBase+direct)*tierBase + asWritten
	s := d.Score * rk.proximity()
	return float64(tier) + s/(1+s), nil
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

// match finds where the hit contains unit i, u, recording the start of each
// alternative it contains, and returns the best kind among them.
func (rk *ranker) match(i int, u unit) (best altKind, ok bool) {
	for f := range rk.found[i] {
		rk.found[i][f] = rk.found[i][f][:0]
	}
	for _, a := range u.alts {
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

// starts appends to out the positions in field f at which p starts.
func (rk *ranker) starts(f int, p phrase, out []int) []int {
	first := rk.pos[f][rk.termIDs[p[0]]]
	for _, at := range first {
		if rk.holds(f, p, at) {
			out = append(out, at)
		}
	}
	return out
}

// holds reports whether p is at position at of field f.
func (rk *ranker) holds(f int, p phrase, at int) bool {
	for k, t := range p[1:] {
		if t != "" && !contains(rk.pos[f][rk.termIDs[t]], at+k+1) {
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
// none.
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
	r := float64(bestUnits-1) / float64(max(bestWidth, bestUnits-1))
	return 1 + 4*r*r
}

// A mark is where an alternative of a unit starts.
type mark struct{ pos, unit int }

// window returns how many units field f holds, and the width of the narrowest
// passage of f that holds one start of each.
func (rk *ranker) window(f int) (units, width int) {
	var marks []mark
	for i := range rk.found {
		if len(rk.found[i][f]) > 0 {
			units++
		}
		for _, at := range rk.found[i][f] {
			marks = append(marks, mark{at, i})
		}
	}
	if units < 2 {
		return units, 0
	}
	sort.Slice(marks, func(a, b int) bool { return marks[a].pos < marks[b].pos })
	inside := make([]int, len(rk.found)) // marks of each unit in the passage
	have, from := 0, 0
	width = -1
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
	return units, width
}
