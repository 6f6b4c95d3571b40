package search

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// tokenizerName names wordTokenizer in the index mapping.
const tokenizerName = "naskah_words"

func init() {
	registry.RegisterTokenizer(tokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
}

// wordTokenizer splits a text into words exactly as bleve's unicode tokenizer does,
// by the word boundaries of Unicode (UAX #29), but several times faster on the
// plain words that policy texts are mostly made of. Word boundaries never join
// across ASCII white space, so each run of text between white space is split on
// its own: a run of ASCII letters and digits, and punctuation that joins neither
// (as in "(1)" or "pegawai,"), is cut into its letters and its digits directly;
// any other run (non-ASCII, "1.000", "a_b", "e-KTP2") goes to the segmenter.
type wordTokenizer struct{}

// A byteClass is what wordTokenizer's fast path makes of a byte.
type byteClass uint8

const (
	classPunct   byteClass = iota // ASCII punctuation that never joins words
	classSpace                    // ASCII white space
	classLetter                   // ASCII letter
	classDigit                    // ASCII digit
	classJoiner                   // ASCII punctuation that may join letters or digits: . ' : , ;
	classUnusual                  // a byte left to the segmenter: _ and every non-ASCII byte
)

var byteClasses = func() (t [256]byteClass) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = classUnusual
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = classSpace
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = classLetter, classLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for _, c := range ".':,;" {
		t[c] = classJoiner
	}
	t['_'] = classUnusual
	return t
}()

func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if !utf8.Valid(input) {
		// The segmenter stops at the first byte that is not UTF-8.
		return unicodetok.NewUnicodeTokenizer().Tokenize(input)
	}
	t := tokens{out: make(analysis.TokenStream, 0, len(input)/8+1)}
	for start := 0; start < len(input); {
		if byteClasses[input[start]] == classSpace {
			start++
			continue
		}
		end := start + 1
		for end < len(input) && byteClasses[input[end]] != classSpace {
			end++
		}
		if plain(input[start:end]) {
			t.splitPlain(input, start, end)
		} else {
			t.segment(input, start, end)
		}
		start = end
	}
	return t.out
}

// plain reports whether the words of run are its letters and its digits, with
// no byte that the segmenter would treat otherwise.
func plain(run []byte) bool {
	prev := classPunct
	for i, c := range run {
		class := byteClasses[c]
		switch {
		case class == classUnusual:
			return false
		case class == classLetter && prev == classDigit, class == classDigit && prev == classLetter:
			return false // joined, as in "e2"
		case class == classJoiner && (prev == classLetter || prev == classDigit) && i+1 < len(run):
			if next := byteClasses[run[i+1]]; next == classLetter || next == classDigit {
				return false // perhaps joined, as in "1.000" or "a.n."
			}
		}
		prev = class
	}
	return true
}

// tokens collects the tokens of a text, allocating them in blocks.
type tokens struct {
	out   analysis.TokenStream
	block []analysis.Token
}

func (t *tokens) add(term []byte, start, end int, typ analysis.TokenType) {
	if len(t.block) == cap(t.block) {
		t.block = make([]analysis.Token, 0, max(cap(t.out)-len(t.out), 16))
	}
	t.block = append(t.block, analysis.Token{Term: term, Start: start, End: end, Position: len(t.out) + 1, Type: typ})
	t.out = append(t.out, &t.block[len(t.block)-1])
}

// splitPlain adds the letters and the digits of input[start:end], which is plain.
func (t *tokens) splitPlain(input []byte, start, end int) {
	for i := start; i < end; {
		class := byteClasses[input[i]]
		j := i + 1
		for j < end && byteClasses[input[j]] == class {
			j++
		}
		switch class {
		case classLetter:
			t.add(input[i:j], i, j, analysis.AlphaNumeric)
		case classDigit:
			t.add(input[i:j], i, j, analysis.Numeric)
		}
		i = j
	}
}

// segment adds the words that bleve's unicode tokenizer finds in input[start:end].
func (t *tokens) segment(input []byte, start, end int) {
	for _, tok := range unicodetok.NewUnicodeTokenizer().Tokenize(input[start:end]) {
		t.add(tok.Term, start+tok.Start, start+tok.End, tok.Type)
	}
}
