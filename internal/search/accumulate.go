package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// The evaluation of a plan over the postings of a read-only index, which bleve's
// searchers would otherwise do (blevequery.go and rank.go).
//
// bleve finds a hit of a query of several words through a searcher for each
// word in each field, a disjunction of them per word, another of the words, a
// conjunction that reads where the words stand, and a ranker over the lot:
// each hit passes through every level as a DocumentMatch of its own. On the
// all-different load of BenchmarkSearchDistinct this cost ten times what
// reading the postings does. An accumulator reads each posting list once and
// adds its scores into arrays by document number, which the facet table
// (facets.go) already gives every document, and it reads where the words stand
// only in the hits that might still reach the page.
//
// It ranks as the ranker does, in the same tiers (every unit; no correction;
// most units as written), with the closeness of the words (ranker.proximity)
// raising a score within its tier. The score within a tier is bleve's
// TF-IDF, nested as bleve nests the query: a term in a field scores its
// field's boost × its alternative's weight × idf² × √tf × norm, and each level
// that joins several (the fields of an alternative, the alternatives of a kind,
// the kinds of a unit, the units) multiplies the sum of what matched by the
// share that matched, and every score by the query's norm: the scores are
// bleve's.
//
// It evaluates the plans of single words (written, expanded, corrected or the
// words of a prefix), with words left out (-word) and the filters of the
// facet table; a plan with a phrase, which needs the words' positions in every
// hit, goes to bleve.

// flat reports whether every alternative and exclusion of p is a single term,
// which an accumulator evaluates.
func (p *plan) flat() bool {
	for _, u := range p.units {
		for _, a := range u.alts {
			if len(a.terms) != 1 || a.terms[0] == "" {
				return false
			}
		}
	}
	for _, ph := range p.exclude {
		if len(ph) != 1 || ph[0] == "" {
			return false
		}
	}
	return true
}

// fieldsOf are the fields in which an alternative of kind k is looked for: a
// thesaurus's alternative not in the title (see altQuery).
func fieldsOf(k altKind) int {
	if k.asWritten() {
		return len(textFields)
	}
	return len(textFields) - 1
}

// boostOf is the boost of field f of textFields.
func boostOf(f int) float64 { return fieldBoosts[f].boost }

// A board holds the arrays of one evaluation, by document number.
type board struct {
	score     []float64 // the sum of the query's clauses so far
	clauses   []uint8   // clauses matched
	all       []uint8   // units matched
	direct    []uint8   // units matched without a correction
	asWritten []uint8   // units matched as written or as corrected
	inText    []uint8   // units with a word as written in the text
	excluded  []bool
	// scratch, by level of the query's nesting: alternative, kind, unit
	levels [3]struct {
		score   []float64
		matched []uint8
		touched []int32
	}
	best    []uint8 // of a unit, the best kind matched plus 1; 0 for none
	text    []bool  // of a unit, a word as written in the text
	touched []int32 // of a unit's tiers
}

var boards = sync.Pool{New: func() any { return new(board) }}

// reset readies b for n documents.
func (b *board) reset(n int) {
	grow := func(s []uint8) []uint8 {
		if cap(s) < n {
			return make([]uint8, n)
		}
		s = s[:n]
		clear(s)
		return s
	}
	if cap(b.score) < n {
		b.score = make([]float64, n)
	}
	b.score = b.score[:n]
	clear(b.score)
	b.clauses, b.all, b.direct, b.asWritten, b.inText, b.best = grow(b.clauses), grow(b.all), grow(b.direct), grow(b.asWritten), grow(b.inText), grow(b.best)
	if cap(b.excluded) < n {
		b.excluded = make([]bool, n)
	}
	b.excluded = b.excluded[:n]
	clear(b.excluded)
	if cap(b.text) < n {
		b.text = make([]bool, n)
	}
	b.text = b.text[:n]
	clear(b.text)
	for i := range b.levels {
		l := &b.levels[i]
		if cap(l.score) < n {
			l.score = make([]float64, n)
		}
		l.score = l.score[:n]
		clear(l.score)
		l.matched = grow(l.matched)
		l.touched = l.touched[:0]
	}
	b.touched = b.touched[:0]
}

// An accumulator evaluates one plan over one reader of an index.
type accumulator struct {
	ctx   context.Context
	rd    index.IndexReader
	table *facetTable
	docs  float64 // in the index, for idf
	b     *board
	n     int
	err   error
	// sumSq is the sum of the squared weights of the query's terms, whose
	// root's inverse is bleve's query norm.
	sumSq float64
}

// postings calls fn with the number of every document whose field holds
// term, and the term's score there: w(idf) × √tf × norm.
func (ac *accumulator) postings(term, field string, w func(idf float64) float64, fn func(doc int, s float64)) {
	if ac.err != nil {
		return
	}
	r, err := ac.rd.TermFieldReader(ac.ctx, []byte(term), field, true, true, false)
	if err != nil {
		ac.err = err
		return
	}
	defer r.Close()
	weight := w(1 + math.Log(ac.docs/float64(r.Count()+1)))
	var d index.TermFieldDoc
	for i := 0; ; i++ {
		if i%4096 == 0 && ac.ctx.Err() != nil {
			ac.err = ac.ctx.Err()
			return
		}
		m, err := r.Next(d.Reset())
		if err != nil {
			ac.err = err
			return
		}
		if m == nil {
			return
		}
		if doc := int(binary.BigEndian.Uint64(m.ID)); doc < ac.n {
			fn(doc, weight*math.Sqrt(float64(m.Freq))*m.Norm)
		}
	}
}

// level adds the score s of document doc at level l.
func (ac *accumulator) level(l int, doc int, s float64) {
	lv := &ac.b.levels[l]
	if lv.matched[doc] == 0 {
		lv.touched = append(lv.touched, int32(doc))
	}
	lv.score[doc] += s
	lv.matched[doc]++
}

// fold passes level l's scores to the level above, or to fn, each multiplied
// by the share of the level's of clauses that matched, when it has several.
func (ac *accumulator) fold(l, of int, fn func(doc int, s float64)) {
	lv := &ac.b.levels[l]
	for _, d := range lv.touched {
		s := lv.score[d]
		if of > 1 {
			s *= float64(lv.matched[d]) / float64(of)
		}
		lv.score[d], lv.matched[d] = 0, 0
		fn(int(d), s)
	}
	lv.touched = lv.touched[:0]
}

// scoreAlts scores alts as altsQuery nests them, passing each document's
// score to fn; with mark, it marks the unit's tiers as it goes (see mark).
func (ac *accumulator) scoreAlts(alts []alt, mark bool, fn func(doc int, s float64)) {
	type group struct {
		kind   altKind
		weight float64
	}
	var order []group
	byGroup := map[group][]alt{}
	for _, a := range alts {
		g := group{a.kind, a.boost()}
		if byGroup[g] == nil {
			order = append(order, g)
		}
		byGroup[g] = append(byGroup[g], a)
	}
	for _, g := range order {
		for _, a := range byGroup[g] {
			for f, field := range textFields {
				if f == 0 && !a.kind.asWritten() {
					continue
				}
				text := field == "text"
				ac.postings(a.terms[0], field,
					func(idf float64) float64 {
						w := boostOf(f) * g.weight * idf
						ac.sumSq += w * w
						return w * idf
					},
					func(doc int, s float64) {
						ac.level(0, doc, s)
						if mark {
							ac.mark(doc, a.kind, text)
						}
					})
			}
			ac.fold(0, fieldsOf(a.kind), func(doc int, s float64) { ac.level(1, doc, s) })
		}
		ac.fold(1, len(byGroup[g]), func(doc int, s float64) { ac.level(2, doc, s) })
	}
	ac.fold(2, len(order), fn)
}

// mark records that document doc holds the unit under way through an
// alternative of kind k, in its text or not.
func (ac *accumulator) mark(doc int, k altKind, text bool) {
	b := ac.b
	if b.best[doc] == 0 {
		b.touched = append(b.touched, int32(doc))
	}
	if b.best[doc] == 0 || uint8(k)+1 < b.best[doc] {
		b.best[doc] = uint8(k) + 1
	}
	if text && k.asWritten() {
		b.text[doc] = true
	}
}

// markOnly marks the unit's tiers for alts without scoring them: the
// alternatives of a run of units (naik pangkat), which score once, as a clause
// of their own.
func (ac *accumulator) markOnly(alts []alt) {
	for _, a := range alts {
		for f, field := range textFields {
			if f == 0 && !a.kind.asWritten() {
				continue
			}
			text := field == "text"
			ac.postings(a.terms[0], field, func(float64) float64 { return 0 },
				func(doc int, _ float64) { ac.mark(doc, a.kind, text) })
		}
	}
}

// endUnit counts the unit under way in the tiers of the documents that hold
// it, as ranker.score does.
func (ac *accumulator) endUnit() {
	b := ac.b
	for _, d := range b.touched {
		k := altKind(b.best[d] - 1)
		b.all[d]++
		if k.direct() {
			b.direct[d]++
		}
		if k.asWritten() {
			b.asWritten[d]++
		}
		if b.text[d] {
			b.inText[d]++
		}
		b.best[d], b.text[d] = 0, false
	}
	b.touched = b.touched[:0]
}

// An accHit is a hit of an accumulator: its document, tier and score.
type accHit struct {
	doc   int
	tier  int
	score float64 // before closeness
	near  bool    // its text holds every unit as written: closeness counts
}

// key orders hits best first: by tier, then score, then document number, as
// bleve's collector does.
func compareHits(a, b accHit) int {
	if c := cmp.Compare(b.tier, a.tier); c != 0 {
		return c
	}
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Compare(a.doc, b.doc)
}

// top returns the best k of hits, best first; it reorders hits.
func top(hits []accHit, k int) []accHit {
	if len(hits) <= k {
		slices.SortFunc(hits, compareHits)
		return hits
	}
	// A heap of the best k so far, the worst of them at its root.
	h := hits[:k]
	worse := func(i, j int) bool { return compareHits(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= k {
				return
			}
			if r := l + 1; r < k && worse(r, l) {
				l = r
			}
			if !worse(l, i) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range hits[k:] {
		if compareHits(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	out := slices.Clone(h)
	slices.SortFunc(out, compareHits)
	return out
}

// accumulated is what an accumulator found: the hits of the page, how many
// there are, how many hold every unit, and the facets' counts.
type accumulated struct {
	page     []accHit
	total    int
	complete int
}

// evaluate finds the hits of p for r: the best from+size of them, counting
// every hit in hits by facet combination. The document leaveOut, if not "",
// is left out.
func (ac *accumulator) evaluate(p *plan, r Request, from, size int, leaveOut string, hits []int) (*accumulated, error) {
	b := ac.b
	clauses := 0
	spans := map[int][]alt{}
	var order []int
	for _, u := range p.units {
		var own, shared []alt
		for _, a := range u.alts {
			if a.span == 0 {
				own = append(own, a)
				continue
			}
			shared = append(shared, a)
			if spans[a.span] == nil {
				order = append(order, a.span)
			}
			if !slices.ContainsFunc(spans[a.span], func(b alt) bool { return b.terms.String() == a.terms.String() }) {
				spans[a.span] = append(spans[a.span], a)
			}
		}
		if len(own) > 0 {
			clauses++
			ac.scoreAlts(own, true, ac.clause)
		}
		ac.markOnly(shared)
		ac.endUnit()
	}
	for _, sp := range order {
		clauses++
		ac.scoreAlts(spans[sp], false, ac.clause)
	}
	near := proximityQuery(p) != nil
	if near {
		clauses++
	}
	for _, ph := range p.exclude {
		for _, field := range textFields {
			ac.postings(ph[0], field, func(float64) float64 { return 0 }, func(doc int, _ float64) { b.excluded[doc] = true })
		}
	}
	if leaveOut != "" {
		if id, err := ac.rd.InternalID(leaveOut); err == nil && len(id) == 8 {
			if d := int(binary.BigEndian.Uint64(id)); d < ac.n {
				b.excluded[d] = true
			}
		}
	}
	if ac.err != nil {
		return nil, ac.err
	}
	norm := 1.0
	if ac.sumSq > 0 {
		norm = 1 / math.Sqrt(ac.sumSq)
	}
	allowed := ac.table.allowed(r)
	out := &accumulated{}
	var found []accHit
	units := len(p.units)
	for d := range ac.n {
		if b.clauses[d] == 0 || b.excluded[d] || !allowed[ac.table.combo[d]] {
			continue
		}
		hits[ac.table.combo[d]]++
		out.total++
		if int(b.all[d]) == units {
			out.complete++
		}
		h := accHit{doc: d, score: b.score[d] * norm, near: near && int(b.inText[d]) == units}
		if clauses > 1 {
			matched := int(b.clauses[d])
			if h.near {
				matched++
			}
			h.score *= float64(matched) / float64(clauses)
		}
		if p.ranked() {
			h.tier = (int(b.all[d])*tierBase+int(b.direct[d]))*tierBase + int(b.asWritten[d])
		}
		found = append(found, h)
	}
	k := from + size
	if !near {
		out.page = top(found, k)
		return out, nil
	}
	// Closeness raises a score at most 5 times (ranker.proximity): only the
	// hits that could then pass the kth best need their words' positions.
	var cands []accHit
	if best := top(slices.Clone(found), k); len(best) < k {
		cands = found
	} else {
		kth := best[len(best)-1]
		for _, h := range found {
			if h.tier > kth.tier || h.tier == kth.tier && h.score*5 >= kth.score {
				cands = append(cands, h)
			}
		}
	}
	if err := ac.closeness(p, cands); err != nil {
		return nil, err
	}
	out.page = top(cands, k)
	return out, nil
}

// clause adds a clause's score s to document doc.
func (ac *accumulator) clause(doc int, s float64) {
	ac.b.score[doc] += s
	ac.b.clauses[doc]++
}

// closeness multiplies the score of each of hits whose text holds every unit
// by the closeness of the units there, as ranker.proximity measures it from
// the positions of the words as written.
func (ac *accumulator) closeness(p *plan, hits []accHit) error {
	var docs []int
	for _, h := range hits {
		if h.near {
			docs = append(docs, h.doc)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	slices.Sort(docs)
	marks := make(map[int][]mark, len(docs))
	var buf []byte
	for u, unit := range p.units {
		for _, a := range unit.alts {
			if !a.kind.asWritten() {
				continue
			}
			r, err := ac.rd.TermFieldReader(ac.ctx, []byte(a.terms[0]), "text", false, false, true)
			if err != nil {
				return err
			}
			var d index.TermFieldDoc
			at := -1 // the document r is at
			for _, doc := range docs {
				if at < doc {
					buf = index.NewIndexInternalID(buf, uint64(doc))
					m, err := r.Advance(buf, d.Reset())
					if err != nil {
						r.Close()
						return err
					}
					if m == nil {
						break
					}
					at = int(binary.BigEndian.Uint64(m.ID))
				}
				if at == doc {
					for _, v := range d.Vectors {
						marks[doc] = append(marks[doc], mark{int(v.Pos), u})
					}
				}
			}
			r.Close()
		}
	}
	inside := make([]int, len(p.units))
	for i := range hits {
		if !hits[i].near {
			continue
		}
		width := narrowest(marks[hits[i].doc], inside, len(p.units))
		hits[i].score *= closenessOf(len(p.units), width)
	}
	if err := ac.ctx.Err(); err != nil {
		return err
	}
	return nil
}

// matches turns the page of hits from index from on into bleve's hits, with the
// stored versions that Index.hit reads.
func (ac *accumulator) matches(page []accHit, from int, ranked bool) ([]*search.DocumentMatch, error) {
	var out []*search.DocumentMatch
	var buf []byte
	for _, h := range page[min(from, len(page)):] {
		buf = index.NewIndexInternalID(buf, uint64(h.doc))
		id, err := ac.rd.ExternalID(buf)
		if err != nil {
			return nil, err
		}
		doc, err := ac.rd.Document(id)
		if err != nil {
			return nil, err
		}
		var versions []interface{}
		if doc != nil {
			doc.VisitFields(func(f index.Field) {
				if f.Name() == "versions" {
					versions = append(versions, string(f.Value()))
				}
			})
		}
		score := h.score
		if ranked {
			score = float64(h.tier) + score/(1+score)
		}
		out = append(out, &search.DocumentMatch{ID: id, Score: score, Fields: map[string]interface{}{"versions": versions}})
	}
	return out, nil
}
