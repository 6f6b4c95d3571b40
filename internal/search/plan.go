package search

import (
	"fmt"
	"slices"
	"strings"
)

// A plan is what a query looks for, worked out before bleve is asked: the
// units that a hit should contain every one of, each with the ways it may be
// matched, and the phrases that a hit must not contain.
type plan struct {
	units   []unit
	exclude []phrase
	// corrected is the query with its misspelt words corrected, "" when no
	// word is; suggestion says that each of them has hits as written.
	corrected  string
	suggestion bool
	// stopWords are the words of a query that holds nothing but words too
	// common to be indexed, which can find nothing.
	stopWords []string
}

// A unit is what a reader asks to find once: a word, a "phrase", a prefix*, or
// several of them joined by OR. Its alternatives are the ways a section may
// contain it.
type unit struct {
	alts    []alt
	clauses []clause // that it is made of
	// word is the clause of a unit of one plain word, which may be misspelt.
	word *clause
	// broken says that an excluded clause follows the unit, which no run of
	// words the thesaurus knows may span.
	broken bool
}

// A phrase is a sequence of index terms, each a position after the one before;
// "" stands for a stop word, which the index leaves out.
type phrase []string

func (p phrase) String() string { return strings.Join(p, " ") }

// An altKind is how an alternative of a unit came about. A section that holds
// a unit only through a later kind ranks below one that holds it through an
// earlier.
type altKind uint8

const (
	literal          altKind = iota // the text as written, in any form the analyzer conflates
	synonym                         // a synonym or an expanded abbreviation from the thesaurus
	related                         // a near-synonym from the thesaurus
	corrected                       // the correction of a misspelt word
	correctedSynonym                // a synonym or near-synonym of a correction
)

// weights are the boosts of the kinds of alternatives, as a factor of a
// literal match's; that of a correction's synonym is set by its alt.
var weights = [...]float64{literal: 1, synonym: 0.5, related: 0.3, corrected: 0.3, correctedSynonym: 0.1}

// direct reports whether an alternative of kind k needs no correction.
func (k altKind) direct() bool { return k < corrected }

// asWritten reports whether an alternative of kind k is the words as written,
// or as corrected, rather than through the thesaurus.
func (k altKind) asWritten() bool { return k == literal || k == corrected }

// An alt is one way a section may contain a unit.
type alt struct {
	terms phrase
	kind  altKind
	// weight is its boost as a factor of a literal match's; 0 means its
	// kind's.
	weight float64
	// span, when not 0, names the run of units that the alternative stands
	// for together (naik pangkat for promosi): each unit of the run has it,
	// and the query looks for it once.
	span int
}

func (a alt) boost() float64 {
	if a.weight != 0 {
		return a.weight
	}
	return weights[a.kind]
}

// add adds a to u unless u has it already.
func (u *unit) add(a alt) {
	for _, b := range u.alts {
		if b.terms.String() == a.terms.String() {
			return
		}
	}
	u.alts = append(u.alts, a)
}

// within reports whether the phrase of a holds the term of an alternative of
// u of one word and of a kind no later than a's, so that a finds no section
// that u does not, nor ranks one higher, and would only cost a phrase search
// (pelatihan needs no pendidikan dan pelatihan).
func (u *unit) within(a alt) bool {
	if len(a.terms) < 2 {
		return false
	}
	for _, b := range u.alts {
		if b.kind <= a.kind && len(b.terms) == 1 && slices.Contains(a.terms, b.terms[0]) {
			return true
		}
	}
	return false
}

// plan works out what the clauses of query q look for, as written and as the
// thesaurus expands them.
func (ix *Index) plan(clauses []clause, q string) (*plan, error) {
	p := &plan{}
	var stops []string
	joinable := false // the clause before made or joined the last unit
	for _, c := range clauses {
		alts, err := ix.literalAlts(c)
		if err != nil {
			return nil, err
		}
		switch {
		case c.exclude:
			for _, a := range alts {
				p.exclude = append(p.exclude, a.terms)
			}
			if len(p.units) > 0 {
				p.units[len(p.units)-1].broken = true
			}
		case alts == nil && !c.prefix:
			stops = append(stops, c.text) // only stop words
		case c.or && joinable:
			u := &p.units[len(p.units)-1]
			for _, a := range alts {
				u.add(a)
			}
			u.word, u.clauses = nil, append(u.clauses, c)
		default:
			u := unit{clauses: []clause{c}}
			for _, a := range alts {
				u.add(a)
			}
			if !c.phrase && !c.prefix && len(alts) == 1 && len(alts[0].terms) == 1 {
				u.word = &c
			}
			p.units = append(p.units, u)
		}
		joinable = !c.exclude && (alts != nil || c.prefix)
	}
	if len(p.units) == 0 {
		p.stopWords = stops
	}
	ix.expand(p, q)
	return p, nil
}

// literalAlts returns the ways of matching c as written: its analyzed terms, as
// a phrase when there are several (a quoted phrase, or a word such as e-KTP
// that is several tokens), or for a prefix the terms of the words it begins.
func (ix *Index) literalAlts(c clause) ([]alt, error) {
	if c.prefix {
		raw := strings.ToLower(strings.TrimFunc(c.text, notWordRune))
		terms, ok := ix.vocab.prefixTerms(raw)
		if !ok {
			return nil, &QueryError{Msg: fmt.Sprintf("awalan “%s*” terlalu umum: cocok dengan lebih dari %d kata; tambahkan hurufnya", raw, maxPrefixWords)}
		}
		alts := make([]alt, len(terms))
		for i, t := range terms {
			alts[i] = alt{terms: phrase{t}}
		}
		return alts, nil
	}
	if p := ix.phraseOf(c.text); p != nil {
		return []alt{{terms: p}}, nil
	}
	return nil, nil
}

// phraseOf analyzes text as the index does, into the phrase of its terms; nil
// when it holds only stop words.
func (ix *Index) phraseOf(text string) phrase {
	tokens := ix.analyzer.Analyze([]byte(text))
	if len(tokens) == 0 {
		return nil
	}
	first, last := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	p := make(phrase, last-first+1)
	for _, t := range tokens {
		p[t.Position-first] = string(t.Term)
	}
	return p
}

// ranked reports whether the plan needs the ranking of rank.go: bleve's own
// scores do for one unit whose alternatives are all of one kind, weighted as
// their kind says.
func (p *plan) ranked() bool {
	if len(p.units) != 1 {
		return len(p.units) > 1
	}
	for _, a := range p.units[0].alts {
		if a.kind != p.units[0].alts[0].kind {
			return true
		}
	}
	return false
}

// stopWordsMessage tells a reader whose query holds only the stop words words
// why it finds nothing, and what to do.
func stopWordsMessage(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "“" + w + "”"
	}
	return strings.Join(quoted, ", ") + " terlalu umum untuk dicari: kata seperti itu tidak diindeks. " +
		"Tambahkan kata yang lebih khas, misalnya “cuti” atau “pelatihan”."
}
