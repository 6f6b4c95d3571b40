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

// correct corrects the misspelt words of p, matched against the sections of
// idx, and writes the corrected query into p.
func (ix *Index) correct(ctx context.Context, p *plan, idx bleve.Index, query string) error {
	var words []int // the units that may be misspelt
	for i, u := range p.units {
		if u.word != nil && editBudget(u.word.text) > 0 && allLetters(u.word.text) {
			words = append(words, i)
		}
	}
	if len(words) == 0 {
		return nil
	}
	rd, err := openReader(idx)
	if err != nil {
		return err
	}
	defer rd.Close()
	df := func(term string) (uint64, error) { return docFreq(ctx, rd, term) }
	type fix struct {
		start, end int
		word       string
	}
	var fixes []fix
	suggestion := true
	for _, i := range words {
		u := &p.units[i]
		n, err := df(u.alts[0].terms[0])
		if err != nil {
			return err
		}
		if n > fewHits {
			continue
		}
		if n == 0 {
			if has, err := ix.expansionsHit(u, df); err != nil || has {
				if err != nil {
					return err
				}
				continue
			}
		}
		w, term, ok, err := ix.nearest(strings.ToLower(u.word.text), n, df)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		u.add(alt{terms: phrase{term}, kind: corrected})
		if ix.expansions != nil {
			for _, a := range ix.expansions.alts[term] {
				// What the correction would find, as much below it as below the correction.
				u.add(alt{terms: a.terms, kind: corrected, weight: weights[corrected] * weights[a.kind]})
			}
		}
		fixes = append(fixes, fix{u.word.start, u.word.end, w})
		suggestion = suggestion && n > 0
	}
	if len(fixes) == 0 {
		return nil
	}
	var b strings.Builder
	at := 0
	for _, f := range fixes {
		b.WriteString(query[at:f.start])
		b.WriteString(f.word)
		at = f.end
	}
	b.WriteString(query[at:])
	p.corrected, p.suggestion = b.String(), suggestion
	return nil
}

// expansionsHit reports whether an alternative of u from the thesaurus may
// have hits: every term of it is in some section.
func (ix *Index) expansionsHit(u *unit, df func(string) (uint64, error)) (bool, error) {
	for _, a := range u.alts {
		if a.kind == literal || a.kind == corrected {
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
// many.
func (ix *Index) nearest(word string, n uint64, df func(string) (uint64, error)) (string, string, bool, error) {
	cands := ix.vocab.near(word)
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
		if term == own || ix.stops[c.word] || !allLetters(c.word) {
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
