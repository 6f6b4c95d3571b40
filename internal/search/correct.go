package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// When a word of a query has no hit as written, or very few, it is matched as
// well as the nearest word of the vocabulary that has hits, within
// editBudget edits: the correction stands in for a word with none, and is
// offered ("Maksud Anda: …?") for a word with few, whose own hits still rank
// first. A correction of a word with few hits must have many more.
const (
	fewHits      = 2  // sections in which a word is rare enough to be corrected
	suggestRatio = 10 // how many times more sections its correction must be in
)

// A fix is the correction of a word of a query, where the query has it.
type fix struct {
	start, end int
	word       string
	had        bool // the word has hits as written
}

// correct corrects the misspelt words of p, counting sections with df, and
// writes the corrected query into p.
func (ix *Index) correct(p *plan, df func(string) (uint64, error), query string) error {
	var fixes []fix
	for i := range p.units {
		f, ok, err := ix.correctUnit(&p.units[i], df)
		if err != nil {
			return err
		}
		if ok {
			fixes = append(fixes, f)
		}
	}
	if len(fixes) == 0 {
		return nil
	}
	var b strings.Builder
	at := 0
	p.suggestion = true
	for _, f := range fixes {
		b.WriteString(query[at:f.start])
		b.WriteString(f.word)
		at = f.end
		p.suggestion = p.suggestion && f.had
	}
	b.WriteString(query[at:])
	p.corrected = b.String()
	return nil
}

// correctUnit corrects u if it is a word with no hit or few, adding its
// correction to its alternatives, and the correction's expansions.
func (ix *Index) correctUnit(u *unit, df func(string) (uint64, error)) (fix, bool, error) {
	if u.word == nil || editBudget(u.word.text) == 0 || !allLetters(u.word.text) {
		return fix{}, false, nil
	}
	n, err := df(u.alts[0].terms[0])
	if err != nil || n > fewHits {
		return fix{}, false, err
	}
	if n == 0 {
		if has, err := ix.expansionsHit(u, df); err != nil || has {
			return fix{}, false, err // the thesaurus finds what was meant
		}
	}
	w, term, ok, err := ix.nearest(strings.ToLower(u.word.text), n, df)
	if err != nil || !ok {
		return fix{}, false, err
	}
	u.add(alt{terms: phrase{term}, kind: corrected})
	if ix.expansions != nil {
		for _, a := range ix.expansions.alts[term] {
			// What the correction would find, as much below it as below the correction.
			if c := (alt{terms: a.terms, kind: correctedSynonym, weight: weights[corrected] * weights[a.kind]}); !u.within(c) {
				u.add(c)
			}
		}
	}
	return fix{u.word.start, u.word.end, w, n > 0}, true, nil
}

// expansionsHit reports whether an alternative of u from the thesaurus may
// have hits: every term of it is in some section.
func (ix *Index) expansionsHit(u *unit, df func(string) (uint64, error)) (bool, error) {
	for _, a := range u.alts {
		if a.kind == literal || !a.kind.direct() {
			continue
		}
		all := true
		for _, t := range a.terms {
			if t == "" {
				continue
			}
			n, err := df(t)
			if err != nil {
				return false, err
			}
			all = all && n > 0
		}
		if all {
			return true, nil
		}
	}
	return false, nil
}

// nearest returns the word of the vocabulary nearest to word that has hits,
// and its index term: of the fewest edits, then of the most sections. A word
// that has n hits itself is corrected only to one with suggestRatio times as
// many. The words one edit away are looked for first: most misspellings are
// one, and the automaton of two edits costs several times as much to make.
func (ix *Index) nearest(word string, n uint64, df func(string) (uint64, error)) (string, string, bool, error) {
	for k := 1; k <= editBudget(word); k++ {
		w, t, ok, err := ix.nearestWithin(word, k, n, df)
		if ok || err != nil {
			return w, t, ok, err
		}
	}
	return "", "", false, nil
}

func (ix *Index) nearestWithin(word string, k int, n uint64, df func(string) (uint64, error)) (string, string, bool, error) {
	cands := ix.vocab.near(word, k)
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].edits != cands[j].edits {
			return cands[i].edits < cands[j].edits
		}
		return cands[i].word < cands[j].word
	})
	own := ix.stem(word)
	var best, bestTerm string
	var bestN uint64
	for i, c := range cands {
		if best != "" && c.edits > cands[i-1].edits {
			break // a nearer word was found
		}
		term := ix.stem(c.word)
		if c.edits < k || term == own || ix.stops[c.word] || !allLetters(c.word) {
			continue
		}
		m, err := df(term)
		if err != nil {
			return "", "", false, err
		}
		if m > bestN && (n == 0 || m >= suggestRatio*n) {
			best, bestTerm, bestN = c.word, term, m
		}
	}
	return best, bestTerm, best != "", nil
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// prune leaves out of the units of p the alternatives that have a term no
// section holds, which can find nothing: most of a word's synonyms, which a
// site seldom uses all of, and a misspelt word that a correction stands in
// for. Left in, they would cost their searches, and make the search rank.
func prune(p *plan, df func(string) (uint64, error)) error {
	for i := range p.units {
		u := &p.units[i]
		kept := u.alts[:0]
		for _, a := range u.alts {
			ok := true
			for _, t := range a.terms {
				if !ok || t == "" {
					continue
				}
				n, err := df(t)
				if err != nil {
					return err
				}
				ok = n > 0
			}
			if ok {
				kept = append(kept, a)
			}
		}
		u.alts = kept
	}
	return nil
}

// docFreqs counts the sections of an index that hold a term, once a term.
type docFreqs struct {
	ctx    context.Context
	rd     index.IndexReader
	counts map[string]uint64
}

func (d *docFreqs) of(term string) (uint64, error) {
	if n, ok := d.counts[term]; ok {
		return n, nil
	}
	n, err := docFreq(d.ctx, d.rd, term)
	if err == nil {
		d.counts[term] = n
	}
	return n, err
}

func openReader(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	rd, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return rd, nil
}

// docFreq counts the sections whose title, heading or text holds term (a
// section with it in two counts twice).
func docFreq(ctx context.Context, rd index.IndexReader, term string) (uint64, error) {
	var n uint64
	for _, f := range textFields {
		tfr, err := rd.TermFieldReader(ctx, []byte(term), f, false, false, false)
		if err != nil {
			return 0, fmt.Errorf("search: %w", err)
		}
		n += tfr.Count()
		if err := tfr.Close(); err != nil {
			return 0, fmt.Errorf("search: %w", err)
		}
	}
	return n, nil
}
