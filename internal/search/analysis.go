package search

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/id"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"naskah/internal/catalog"
	"naskah/internal/search/stemmer"
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

// stemFilter replaces each token's term by its stem. It stems every word of the
// lexicon once, when it is made: most tokens of an indexed text are such words, and
// looking a stem up costs a fraction of finding it again.
//
// It keeps names whole: the names of the regions and those a site lists (see
// Thesaurus) are never stemmed, nor is a name with an inflectional suffix
// (Serangnya) stemmed but into the name. Nor is another word stemmed into a name
// of one word: diserang and menyerang are indexed under serang~, which they
// share, and not under serang, the city.
type stemFilter struct {
	stem  *stemmer.Stemmer
	stems map[string]string // of each word of the lexicon
	names map[string]bool   // lowercase
}

// nameMark marks the stem of a word whose root is written as a name. No token
// holds it: it is no letter or digit.
const nameMark = "~"

func newStemFilter(config map[string]interface{}, _ *registry.Cache) (analysis.TokenFilter, error) {
	lex, err := configWords(config, "lexicon")
	if err != nil {
		return nil, err
	}
	names, err := configWords(config, "names")
	if err != nil {
		return nil, err
	}
	f := &stemFilter{stem: stemmer.New(lex), stems: make(map[string]string, len(lex)), names: map[string]bool{}}
	for n := range names {
		f.names[n] = true
	}
	for w := range lex {
		f.stems[w] = f.stemWord(w)
	}
	return f, nil
}

// configWords reads the list of words under key of a filter's config.
func configWords(config map[string]interface{}, key string) (stemmer.WordSet, error) {
	raw, _ := config[key].([]interface{})
	words := make(stemmer.WordSet, len(raw))
	for _, w := range raw {
		s, ok := w.(string)
		if !ok {
			return nil, fmt.Errorf("search: %s holds a %T, not a word", key, w)
		}
		words.Add(s)
	}
	return words, nil
}

// stemWord stems w, keeping names whole.
func (f *stemFilter) stemWord(w string) string {
	if len(f.names) == 0 {
		return f.stem.Stem(w)
	}
	if f.names[w] {
		return w
	}
	for _, x := range nameSuffixes {
		if n, ok := strings.CutSuffix(w, x); ok && f.names[n] {
			return n
		}
	}
	s := f.stem.Stem(w)
	if s != w && f.names[s] {
		return s + nameMark
	}
	return s
}

// nameSuffixes are the inflections a name takes and stays a name: Serangnya,
// Bandunglah.
var nameSuffixes = []string{"nya", "lah", "kah", "pun"}

func (f *stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.Type != analysis.AlphaNumeric {
			continue
		}
		s := f.stemOf(string(tok.Term))
		// A stem is never longer than its word, so it is written over the word
		// rather than allocated (and if it were, append would allocate).
		tok.Term = append(tok.Term[:0:len(tok.Term)], s...)
	}
	return input
}

// stemOf returns the stem of the lowercase word w, looked up if w is a word of the
// lexicon, as nearly every word of an indexed text is.
func (f *stemFilter) stemOf(w string) string {
	if s, ok := f.stems[w]; ok {
		return s
	}
	return f.stemWord(w)
}

// stopWords are the words the analyzer leaves out.
var stopWords = sync.OnceValue(func() analysis.TokenMap {
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(id.IndonesianStopWords); err != nil {
		panic(err) // bleve's own list
	}
	return tm
})

// stemmerOf finds the stemmer in an analyzer built from addAnalyzer, so that
// fragments can be marked without running the whole analysis.
func stemmerOf(a analysis.Analyzer) func(string) string {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return nil
	}
	for _, f := range da.TokenFilters {
		if sf, ok := f.(*stemFilter); ok {
			return sf.stemOf
		}
	}
	return nil
}

// addAnalyzer defines the Indonesian analyzer in m: Unicode word boundaries, lowercase,
// Indonesian stop words, and the stemmer with the corpus lexicon, which keeps
// the names whole.
func addAnalyzer(m *mapping.IndexMappingImpl, lexicon, names []string) error {
	err := m.AddCustomTokenFilter(stemFilterName, map[string]interface{}{
		"type": stemFilterType, "lexicon": anyList(lexicon), "names": anyList(names),
	})
	if err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []interface{}{lowercase.Name, id.StopName, stemFilterName},
	})
}

// lexicon returns every word of the titles, headings and texts of the catalog,
// lowercased and sorted: the stemmer accepts a candidate root only when the corpus
// itself uses it as a word. docs are the catalog's distinct sections: versions
// share most of their text, and each is read once.
func lexicon(c *catalog.Catalog, docs map[string]*doc) []string {
	ws := wordSet{raw: map[string]bool{}, lower: map[string]bool{}}
	c.Versions(func(v *catalog.Version) {
		ws.addWords(v.Title)
		for _, s := range v.Sections {
			ws.addWords(s.Heading)
		}
	})
	for _, d := range docs {
		ws.addWords(d.Text)
	}
	words := make([]string, 0, len(ws.lower))
	for w := range ws.lower {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

func anyList(words []string) []interface{} {
	out := make([]interface{}, len(words))
	for i, w := range words {
		out[i] = w
	}
	return out
}

// names returns the names that the stemmer keeps whole, lowercased and sorted:
// the regions' names of one word, and the names a site lists, each word of
// them.
func names(c *catalog.Catalog, site []string) []string {
	set := map[string]bool{}
	for _, r := range c.Regions {
		if ws := strings.FieldsFunc(strings.ToLower(r.Name), notWordRune); len(ws) == 1 {
			set[ws[0]] = true
		}
	}
	for _, n := range site {
		for _, w := range strings.FieldsFunc(strings.ToLower(n), notWordRune) {
			set[w] = true
		}
	}
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// wordSet collects the words of texts, lowercased. A text's words are its runs of
// letters and digits, as strings.FieldsFunc(text, notWordRune) cuts them.
type wordSet struct {
	raw   map[string]bool // the words as written
	lower map[string]bool
}

func (ws *wordSet) addWords(text string) {
	start := -1 // of the word being read
	for i := 0; i < len(text); {
		var isWord bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			isWord = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			isWord = isWordRune(r)
		}
		switch {
		case isWord && start < 0:
			start = i
		case !isWord && start >= 0:
			ws.add(text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		ws.add(text[start:])
	}
}

// add adds a word as written, lowercasing it the first time only: most words
// recur, and a capitalized one would be lowercased anew each time.
func (ws *wordSet) add(w string) {
	if ws.raw[w] {
		return
	}
	ws.raw[strings.Clone(w)] = true // not a slice of the whole text
	ws.lower[strings.ToLower(w)] = true
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func notWordRune(r rune) bool { return !isWordRune(r) }
