package search

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/vellum"
	"github.com/blevesearch/vellum/levenshtein"
)

// vocabulary is the index's own lexicon, every word of the corpus as written
// (lowercased), which the index mapping carries for the stemmer: a prefix* is
// matched against it, and a misspelt word is corrected to the nearest of its
// words. Both answer with the stems the words are indexed as.
type vocabulary struct {
	words []string // sorted
	fst   *vellum.FST
	stem  func(string) string
}

// maxPrefixWords bounds what a prefix* may stand for: the words of the
// vocabulary it begins. A prefix of more is refused rather than searched
// slowly.
const maxPrefixWords = 50

func newVocabulary(words []string, stem func(string) string) (*vocabulary, error) {
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return nil, err
	}
	for i, w := range words {
		if err := b.Insert([]byte(w), uint64(i)); err != nil {
			return nil, fmt.Errorf("search: lexicon: %w", err)
		}
	}
	if err := b.Close(); err != nil {
		return nil, err
	}
	fst, err := vellum.Load(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return &vocabulary{words: words, fst: fst, stem: stem}, nil
}

// lexiconOf returns the lexicon that newMapping put into m, sorted.
func lexiconOf(m mapping.IndexMapping) ([]string, error) {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok || im.CustomAnalysis == nil {
		return nil, fmt.Errorf("search: the index mapping has no analysis of naskah's")
	}
	raw, _ := im.CustomAnalysis.TokenFilters[stemFilterName]["lexicon"].([]interface{})
	words := make([]string, 0, len(raw))
	for _, w := range raw {
		if s, ok := w.(string); ok {
			words = append(words, s)
		}
	}
	if !sort.StringsAreSorted(words) {
		sort.Strings(words)
	}
	return words, nil
}

// prefixTerms returns the index terms of the words that begin with prefix; ok
// is false when there are more than maxPrefixWords of those.
func (v *vocabulary) prefixTerms(prefix string) (terms []string, ok bool) {
	seen := map[string]bool{}
	from := sort.SearchStrings(v.words, prefix)
	for i := from; i < len(v.words) && strings.HasPrefix(v.words[i], prefix); i++ {
		if i-from == maxPrefixWords {
			return nil, false
		}
		if t := v.stem(v.words[i]); !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	return terms, true
}

// editBudget is how many edits a correction of a word may make: none for a
// word of three letters or fewer, one up to seven, two from eight.
func editBudget(word string) int {
	switch n := len([]rune(word)); {
	case n <= 3:
		return 0
	case n <= 7:
		return 1
	default:
		return 2
	}
}

// A nearWord is a word of the vocabulary a few edits from another.
type nearWord struct {
	word  string
	edits int
}

// maxNear bounds the words near considers, so that a short word with many
// neighbours costs no more than a long one.
const maxNear = 256

// near returns the words of the vocabulary k edits from word or nearer, a
// transposition of two letters counting as one, but for word itself.
func (v *vocabulary) near(word string, k int) []nearWord {
	if k == 0 {
		return nil
	}
	lb, err := automatonBuilder(k)
	if err != nil {
		return nil
	}
	dfa, err := lb.BuildDfa(word, uint8(k))
	if err != nil {
		return nil // too long a word for an automaton; no correction
	}
	var out []nearWord
	it, err := v.fst.Search(dfa, nil, nil)
	for err == nil && len(out) < maxNear {
		key, _ := it.Current()
		if w := string(key); w != word {
			_, d := dfa.MatchAndDistance(w)
			out = append(out, nearWord{w, int(d)})
		}
		err = it.Next()
	}
	return out
}

// automatonBuilder returns the builder of Levenshtein automata of up to k edits
// with transpositions, made once: making one takes a few milliseconds.
func automatonBuilder(k int) (*levenshtein.LevenshteinAutomatonBuilder, error) {
	return automatonBuilders[k-1]()
}

var automatonBuilders = [2]func() (*levenshtein.LevenshteinAutomatonBuilder, error){
	sync.OnceValues(func() (*levenshtein.LevenshteinAutomatonBuilder, error) {
		return levenshtein.NewLevenshteinAutomatonBuilder(1, true)
	}),
	sync.OnceValues(func() (*levenshtein.LevenshteinAutomatonBuilder, error) {
		return levenshtein.NewLevenshteinAutomatonBuilder(2, true)
	}),
}
