package search

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/id"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"naskah/internal/catalog"
	"naskah/internal/stemmer"
)

// Names in the index mapping.
const (
	analyzerName   = "naskah_id"      // the Indonesian analyzer of every text field
	stemFilterType = "naskah_stem_id" // the registered stemmer token filter
	stemFilterName = "naskah_stem_id_corpus"
)

// The stemmer filter is registered with bleve once, as bleve's registry requires; its
// lexicon travels in the index mapping, so an index opened anywhere stems queries
// exactly as its documents were stemmed.
func init() {
	registry.RegisterTokenFilter(stemFilterType, newStemFilter)
}

// stemFilter replaces each token's term by its stem.
type stemFilter struct {
	stem *stemmer.Stemmer
}

func newStemFilter(config map[string]interface{}, _ *registry.Cache) (analysis.TokenFilter, error) {
	raw, _ := config["lexicon"].([]interface{})
	lex := make(stemmer.WordSet, len(raw))
	for _, w := range raw {
		s, ok := w.(string)
		if !ok {
			return nil, fmt.Errorf("search: lexicon holds a %T, not a word", w)
		}
		lex.Add(s)
	}
	return &stemFilter{stem: stemmer.New(lex)}, nil
}

func (f *stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.Type != analysis.AlphaNumeric {
			continue
		}
		if s := f.stem.Stem(string(tok.Term)); s != string(tok.Term) {
			tok.Term = []byte(s)
		}
	}
	return input
}

// stemmerOf finds the stemmer in an analyzer built from addAnalyzer, so that
// fragments can be marked without running the whole analysis.
func stemmerOf(a analysis.Analyzer) func(string) string {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return nil
	}
	for _, f := range da.TokenFilters {
		if sf, ok := f.(*stemFilter); ok {
			return sf.stem.Stem
		}
	}
	return nil
}

// addAnalyzer defines the Indonesian analyzer in m: unicode tokenizer, lowercase,
// Indonesian stop words, and the stemmer with the corpus lexicon.
func addAnalyzer(m *mapping.IndexMappingImpl, lexicon []string) error {
	words := make([]interface{}, len(lexicon))
	for i, w := range lexicon {
		words[i] = w
	}
	err := m.AddCustomTokenFilter(stemFilterName, map[string]interface{}{"type": stemFilterType, "lexicon": words})
	if err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicodetok.Name,
		"token_filters": []interface{}{lowercase.Name, id.StopName, stemFilterName},
	})
}

// Lexicon returns every word the catalog's texts use, lowercased and sorted: the
// stemmer accepts a candidate root only when the corpus itself uses it as a word.
func Lexicon(c *catalog.Catalog) []string {
	seen := map[string]struct{}{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(text, notWordRune) {
			seen[strings.ToLower(w)] = struct{}{}
		}
	}
	texts := map[string]bool{} // versions share most of their text: read each once
	c.Versions(func(v *catalog.Version) {
		add(v.Title)
		for _, s := range v.Sections {
			add(s.Heading)
			if !texts[s.Text] {
				texts[s.Text] = true
				add(s.Text)
			}
		}
	})
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func notWordRune(r rune) bool { return !isWordRune(r) }
