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
// It evaluates every plan: words as written, expanded, corrected or begun by a
// prefix; phrases, read from their rarest word, whose positions the ranker's
// closeness reads as bleve's phrase searchers would report them; words left
// out (-word); and the filters, from the facet table.

// flat reports whether every alternative and exclusion of p holds a word,
// which an accumulator needs.
func (p *plan) flat() bool {
	words := func(ph phrase) bool { return slices.ContainsFunc(ph, func(t string) bool { return t != "" }) }
	for _, u := range p.units {
		for _, a := range u.alts {
			if !words(a.terms) {
				return false
			}
		}
	}
	for _, ph := range p.exclude {
		if !words(ph) {
			return false
		}
	}
	return true
}

// fieldsOf is how many fields an alternative of kind k is looked for in: a
// thesaurus's alternative not in the title (see altQuery).
func fieldsOf(k altKind) int {
	if k.asWritten() {
		return len(textFields)
	}
	return len(textFields) - 1
}

// boostOf is the boost of field f of textFields.
func boostOf(f int) float64 { return fieldBoosts[f].boost }

// A board holds the arrays of one evaluation, by document number. Between
// evaluations every array is zero: an evaluation clears what it wrote, which
// is a fraction of a broad index, rather than everything.
type board struct {
	score     []float64 // the sum of the query's clauses so far
	clauses   []uint8   // clauses matched
	all       []uint8   // units matched
	direct    []uint8   // units matched without a correction
	asWritten []uint8   // units matched as written or as corrected
	inText    []uint8   // units with a word as written in the text
	excluded  []bool
	hit       []int32 // the documents with a clause matched
	left      []int32 // the documents excluded
	// scratch, by level of the query's nesting: alternative, kind, unit
	levels [3]struct {
		score   []float64
		matched []uint8
		touched []int32
	}
	best    []uint8 // of a unit, the best kind matched plus 1; 0 for none
	text    []bool  // of a unit, a word as written in the text
	touched []int32 // of a unit's tiers
	// the hits, and the most their scores could be
	found, bounds, first []accHit
}

var boards = sync.Pool{New: func() any { return new(board) }}

// reset readies b for n documents.
func (b *board) reset(n int) {
	if len(b.score) == n {
		return
	}
	*b = board{
		score: make([]float64, n), clauses: make([]uint8, n), all: make([]uint8, n), direct: make([]uint8, n),
		asWritten: make([]uint8, n), inText: make([]uint8, n), excluded: make([]bool, n),
		best: make([]uint8, n), text: make([]bool, n),
	}
	for i := range b.levels {
		b.levels[i].score, b.levels[i].matched = make([]float64, n), make([]uint8, n)
	}
}

// clean zeroes what an evaluation wrote, after which b may be reused.
func (b *board) clean() {
	for _, d := range b.hit {
		b.score[d], b.clauses[d], b.all[d], b.direct[d], b.asWritten[d], b.inText[d] = 0, 0, 0, 0, 0, 0
	}
	for _, d := range b.left {
		b.excluded[d] = false
	}
	b.hit, b.left = b.hit[:0], b.left[:0]
	b.found, b.bounds, b.first = b.found[:0], b.bounds[:0], b.first[:0]
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
	// positions are where the terms of the phrases that matched stand, by
	// document: the positions bleve's phrase searchers report to the ranker.
	positions map[int]*termPositions
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
// score to fn; for a unit (not -1), it marks the unit's tiers as it goes (see
// mark).
func (ac *accumulator) scoreAlts(alts []alt, unit int, fn func(doc int, s float64)) {
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
			for f := range textFields {
				if f == 0 && !a.kind.asWritten() {
					continue
				}
				ac.alt(a, f, unit,
					func(idf float64) float64 {
						w := boostOf(f) * g.weight * idf
						ac.sumSq += w * w
						return w * idf
					},
					func(doc int, s float64) { ac.level(0, doc, s) })
			}
			ac.fold(0, fieldsOf(a.kind), func(doc int, s float64) { ac.level(1, doc, s) })
		}
		ac.fold(1, len(byGroup[g]), func(doc int, s float64) { ac.level(2, doc, s) })
	}
	ac.fold(2, len(order), fn)
}

// alt calls fn with every document whose field f holds alternative a, and
// its score there, weighted by w (see postings and phrase). For a unit (not
// -1), it marks the unit's tiers, and keeps where a phrase starts.
func (ac *accumulator) alt(a alt, f, unit int, w func(idf float64) float64, fn func(doc int, s float64)) {
	field := textFields[f]
	if len(a.terms) == 1 {
		text := field == "text"
		ac.postings(a.terms[0], field, w, func(doc int, s float64) {
			fn(doc, s)
			if unit >= 0 {
				ac.mark(doc, a.kind, text)
			}
		})
		return
	}
	ac.phrase(a.terms, field, w, func(doc int, s float64, starts []int) {
		fn(doc, s)
		if unit >= 0 {
			ac.mark(doc, a.kind, false)
		}
		at := ac.positions[doc]
		if at == nil {
			at = &termPositions{}
			ac.positions[doc] = at
		}
		for _, p := range starts {
			for k, t := range a.terms {
				if t != "" {
					at.add(f, t, p+k)
				}
			}
		}
	})
}

// termPositions are the positions of terms in a document, by field.
type termPositions [len(textFields)]map[string][]int

func (tp *termPositions) add(f int, term string, pos int) {
	if tp[f] == nil {
		tp[f] = map[string][]int{}
	}
	tp[f][term] = append(tp[f][term], pos) // a position twice counts once
}

// phrase calls fn with every document whose field holds the phrase ph ("" for a
// stop word, which any word stands for), its score there, and the positions at
// which it starts. A phrase scores as bleve's phrase searcher does: the sum
// of its words' scores, each w(idf) × √tf × norm.
func (ac *accumulator) phrase(ph phrase, field string, w func(idf float64) float64, fn func(doc int, s float64, starts []int)) {
	if ac.err != nil {
		return
	}
	words, err := ac.phraseWords(ph, field, w)
	defer func() {
		for _, wd := range words {
			wd.r.Close()
		}
	}()
	if err != nil {
		ac.err = err
		return
	}
	// The rarest word leads; the others advance to its documents.
	lead := slices.MinFunc(words, func(a, b *phraseWord) int { return cmp.Compare(a.r.Count(), b.r.Count()) })
	var starts []int
	for i := 0; ; i++ {
		if i%4096 == 0 && ac.ctx.Err() != nil {
			ac.err = ac.ctx.Err()
			return
		}
		m, err := lead.r.Next(lead.d.Reset())
		if err != nil {
			ac.err = err
			return
		}
		if m == nil {
			return
		}
		doc := int(binary.BigEndian.Uint64(m.ID))
		lead.at = doc
		all, err := allAt(words, doc)
		if err != nil {
			ac.err = err
			return
		}
		if !all || doc >= ac.n {
			continue
		}
		if starts = phraseStarts(lead, words, starts[:0]); len(starts) > 0 {
			var s float64
			for _, wd := range words {
				s += wd.weight * math.Sqrt(float64(wd.d.Freq)) * wd.d.Norm
			}
			fn(doc, s, starts)
		}
	}
}

// A phraseWord is a word of a phrase, with the reader of its postings.
type phraseWord struct {
	r      index.TermFieldReader
	d      index.TermFieldDoc
	offset int     // in the phrase
	weight float64 // w(idf)
	at     int     // the document r is at
	buf    []byte
}

// phraseWords opens the readers of the words of ph in field.
func (ac *accumulator) phraseWords(ph phrase, field string, w func(idf float64) float64) ([]*phraseWord, error) {
	var words []*phraseWord
	for i, t := range ph {
		if t == "" {
			continue
		}
		r, err := ac.rd.TermFieldReader(ac.ctx, []byte(t), field, true, true, true)
		if err != nil {
			return words, err
		}
		words = append(words, &phraseWord{r: r, offset: i, weight: w(1 + math.Log(ac.docs/float64(r.Count()+1))), at: -1})
	}
	return words, nil
}

// allAt advances the words behind doc to it, and reports whether every one
// is at doc.
func allAt(words []*phraseWord, doc int) (bool, error) {
	all := true
	for _, wd := range words {
		if wd.at < doc {
			wd.buf = index.NewIndexInternalID(wd.buf, uint64(doc))
			m, err := wd.r.Advance(wd.buf, wd.d.Reset())
			if err != nil {
				return false, err
			}
			wd.at = math.MaxInt
			if m != nil {
				wd.at = int(binary.BigEndian.Uint64(m.ID))
			}
		}
		all = all && wd.at == doc
	}
	return all, nil
}

// phraseStarts appends to out the positions at which the phrase of words
// starts, where every word is at the same document.
func phraseStarts(lead *phraseWord, words []*phraseWord, out []int) []int {
	for _, v := range lead.d.Vectors {
		start := int(v.Pos) - lead.offset
		if !slices.ContainsFunc(words, func(wd *phraseWord) bool { return !holdsAt(wd.d.Vectors, start+wd.offset) }) {
			out = append(out, start)
		}
	}
	return out
}

// holdsAt reports whether vectors hold position pos.
func holdsAt(vectors []*index.TermFieldVector, pos int) bool {
	return slices.ContainsFunc(vectors, func(v *index.TermFieldVector) bool { return int(v.Pos) == pos })
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
func (ac *accumulator) markOnly(alts []alt, unit int) {
	for _, a := range alts {
		for f := range textFields {
			if f == 0 && !a.kind.asWritten() {
				continue
			}
			ac.alt(a, f, unit, func(float64) float64 { return 0 }, func(int, float64) {})
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
	// near says that closeness may raise its score: its text holds every unit
	// as written (see proximityQuery), or a phrase starts in it.
	near bool
	// inText says that its text holds every unit as written.
	inText bool
}

// compareHits orders hits best first: by tier, then score, then document
// number, as bleve's collector does.
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
	switch {
	case k <= 0:
		return nil
	case len(hits) <= k:
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
	clauses := ac.scoreUnits(p)
	near := proximityQuery(p) != nil
	if near {
		clauses++
	}
	ac.exclude(p, leaveOut)
	if ac.err != nil {
		return nil, ac.err
	}
	out := &accumulated{}
	found := ac.collect(p, r, clauses, near, hits, out)
	k := from + size
	if len(p.units) < 2 || k <= 0 {
		out.page = top(found, k)
		return out, nil
	}
	page, err := ac.rankNear(p, found, k)
	if err != nil {
		return nil, err
	}
	out.page = page
	return out, nil
}

// maxCloseness is the most that closeness raises a score (ranker.proximity).
const maxCloseness = 5

// rankNear returns the best k of found, which are in the order of their
// documents, their scores raised by the closeness of their units. Only the
// hits that could pass the kth best need their words' positions, which cost
// the most to read: it measures the closeness of the k hits that could score
// the most, and then that of the others that could pass the kth best of those.
func (ac *accumulator) rankNear(p *plan, found []accHit, k int) ([]accHit, error) {
	b := ac.b
	bounds := append(b.bounds[:0], found...)
	for i, h := range found {
		if h.near {
			bounds[i].score *= maxCloseness
		}
	}
	b.bounds = bounds
	b.first = append(b.first[:0], bounds...)
	first := top(b.first, k)
	measured := make([]accHit, 0, len(first))
	for _, b := range first {
		i, _ := slices.BinarySearchFunc(found, b.doc, func(h accHit, doc int) int { return cmp.Compare(h.doc, doc) })
		measured = append(measured, found[i])
	}
	if err := ac.closeness(p, measured); err != nil {
		return nil, err
	}
	best := top(measured, k)
	if len(best) < k {
		return best, nil
	}
	kth := best[k-1]
	done := make(map[int]bool, len(best))
	for _, h := range best {
		done[h.doc] = true
	}
	var rest []accHit
	for i, b := range bounds {
		if compareHits(b, kth) < 0 && !done[b.doc] {
			rest = append(rest, found[i])
		}
	}
	if err := ac.closeness(p, rest); err != nil {
		return nil, err
	}
	return top(append(best, rest...), k), nil
}

// scoreUnits scores the units of p and the runs of units that the thesaurus
// joins, each a clause as buildQuery makes it, and marks their tiers; it
// returns how many clauses there are.
func (ac *accumulator) scoreUnits(p *plan) (clauses int) {
	spans := map[int][]alt{}
	var order []int
	for i, u := range p.units {
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
			ac.scoreAlts(own, i, ac.clause)
		}
		ac.markOnly(shared, i)
		ac.endUnit()
	}
	for _, sp := range order {
		clauses++
		ac.scoreAlts(spans[sp], -1, ac.clause)
	}
	return clauses
}

// exclude leaves out the documents that hold an excluded phrase of p in any
// field, and the document leaveOut.
func (ac *accumulator) exclude(p *plan, leaveOut string) {
	for _, ph := range p.exclude {
		for f := range textFields {
			ac.alt(alt{terms: ph}, f, -1, func(float64) float64 { return 0 }, func(doc int, _ float64) { ac.leaveOut(doc) })
		}
	}
	if leaveOut == "" {
		return
	}
	if id, err := ac.rd.InternalID(leaveOut); err == nil && len(id) == 8 {
		if d := int(binary.BigEndian.Uint64(id)); d < ac.n {
			ac.leaveOut(d)
		}
	}
}

// leaveOut excludes document doc.
func (ac *accumulator) leaveOut(doc int) {
	if b := ac.b; !b.excluded[doc] {
		b.excluded[doc] = true
		b.left = append(b.left, int32(doc))
	}
}

// collect returns the hits that pass r's filters, with their tiers and
// scores as of the query's clauses, counting them in hits and out.
func (ac *accumulator) collect(p *plan, r Request, clauses int, near bool, hits []int, out *accumulated) []accHit {
	b := ac.b
	norm := 1.0
	if ac.sumSq > 0 {
		norm = 1 / math.Sqrt(ac.sumSq)
	}
	allowed := ac.table.allowed(r)
	units := len(p.units)
	ranked := p.ranked()
	found := b.found
	for d := range ac.n {
		if b.clauses[d] == 0 || b.excluded[d] || !allowed[ac.table.combo[d]] {
			continue
		}
		hits[ac.table.combo[d]]++
		out.total++
		if int(b.all[d]) == units {
			out.complete++
		}
		h := accHit{doc: d, score: b.score[d] * norm, inText: near && int(b.inText[d]) == units}
		h.near = h.inText || ac.positions[d] != nil
		if clauses > 1 {
			matched := int(b.clauses[d])
			if h.inText {
				matched++
			}
			h.score *= float64(matched) / float64(clauses)
		}
		if ranked {
			h.tier = (int(b.all[d])*tierBase+int(b.direct[d]))*tierBase + int(b.asWritten[d])
		}
		found = append(found, h)
	}
	b.found = found
	return found
}

// clause adds a clause's score s to document doc.
func (ac *accumulator) clause(doc int, s float64) {
	b := ac.b
	if b.clauses[doc] == 0 {
		b.hit = append(b.hit, int32(doc))
	}
	b.score[doc] += s
	b.clauses[doc]++
}

// closeness multiplies the score of each of hits that may be raised by the
// closeness of its units by that closeness, as the ranker measures it
// (ranker.proximity) from the positions bleve's searchers would report: those
// of the phrases that matched, and, in a text that holds every unit as
// written, those of the words as written (see proximityQuery).
func (ac *accumulator) closeness(p *plan, hits []accHit) error {
	var docs []int
	for _, h := range hits {
		if h.inText {
			docs = append(docs, h.doc)
		}
	}
	slices.Sort(docs)
	rk := newRanker(p)
	at, err := ac.textPositions(p, rk, docs)
	if err != nil {
		return err
	}
	var list []termAt
	for i, h := range hits {
		if !h.near {
			continue
		}
		list = list[:0]
		if j, ok := slices.BinarySearch(docs, h.doc); ok {
			list = append(list, at[j]...)
		}
		if tp := ac.positions[h.doc]; tp != nil {
			list = tp.appendTo(list, rk)
		}
		hits[i].score *= rk.closeness(list)
	}
	return nil
}

// A termAt is where a term of a plan stands in a hit: its field, its number
// in the plan's ranker, and its position.
type termAt struct{ field, term, pos int32 }

// appendTo appends the positions of tp of the terms that rk knows to list.
func (tp *termPositions) appendTo(list []termAt, rk *ranker) []termAt {
	for f, terms := range tp {
		for term, ps := range terms {
			if id, ok := rk.termIDs[term]; ok {
				for _, pos := range ps {
					list = append(list, termAt{int32(f), int32(id), int32(pos)})
				}
			}
		}
	}
	return list
}

// textPositions returns where the words as written of each unit of p stand in
// the text of docs, which are sorted, by document.
func (ac *accumulator) textPositions(p *plan, rk *ranker, docs []int) ([][]termAt, error) {
	at := make([][]termAt, len(docs))
	if len(docs) == 0 {
		return at, nil
	}
	text := int32(len(textFields) - 1)
	for _, unit := range p.units {
		for _, a := range unit.alts {
			if !a.kind.asWritten() || len(a.terms) != 1 {
				continue
			}
			term := int32(rk.termIDs[a.terms[0]])
			r, err := ac.rd.TermFieldReader(ac.ctx, []byte(a.terms[0]), "text", false, false, true)
			if err != nil {
				return nil, err
			}
			err = ac.visit(r, docs, func(i int, d *index.TermFieldDoc) {
				for _, v := range d.Vectors {
					at[i] = append(at[i], termAt{text, term, int32(v.Pos)})
				}
			})
			r.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	return at, ac.ctx.Err()
}

// visit calls fn with the postings of r of each of docs, which are sorted, and
// the document's index in docs. Advancing to a document costs more than
// reading the next, which it does when docs are many of r's.
func (ac *accumulator) visit(r index.TermFieldReader, docs []int, fn func(i int, d *index.TermFieldDoc)) error {
	var d index.TermFieldDoc
	if uint64(len(docs))*8 >= r.Count() {
		for i := 0; i < len(docs); {
			m, err := r.Next(d.Reset())
			if err != nil || m == nil {
				return err
			}
			doc := int(binary.BigEndian.Uint64(m.ID))
			for i < len(docs) && docs[i] < doc {
				i++
			}
			if i < len(docs) && docs[i] == doc {
				fn(i, &d)
			}
		}
		return nil
	}
	var buf []byte
	at := -1 // the document r is at
	for i, doc := range docs {
		if at < doc {
			buf = index.NewIndexInternalID(buf, uint64(doc))
			m, err := r.Advance(buf, d.Reset())
			if err != nil || m == nil {
				return err
			}
			at = int(binary.BigEndian.Uint64(m.ID))
		}
		if at == doc {
			fn(i, &d)
		}
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
