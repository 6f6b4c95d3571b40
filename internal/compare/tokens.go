package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A tokenKind classifies a token.
type tokenKind uint8

const (
	space tokenKind = iota // a run of white space
	punct                  // one character that is neither space nor part of a word
	word                   // a run of letters, digits and marks
)

// kindOf returns the kind of token that r belongs to.
func kindOf(r rune) tokenKind {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return word
		case r == ' ', '\t' <= r && r <= '\r':
			return space
		}
		return punct
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
		return word
	case unicode.IsSpace(r):
		return space
	}
	return punct
}

// An interner numbers distinct tokens so that texts can be compared as
// slices of integers. One interner serves every text of one comparison.
type interner struct {
	ids   map[string]int32
	ascii [utf8.RuneSelf]int32 // ascii[c] is 1 + the id of the token string(c), or 0
	fold  []int32              // fold[id] is the id of the lower-case form of word id
}

func newInterner() *interner {
	return &interner{ids: make(map[string]int32, 1024)}
}

// intern returns the id of tok, a token of kind k, numbering it if it is
// new.
func (in *interner) intern(tok string, k tokenKind) int32 {
	// Spaces and punctuation, half of all tokens, are mostly one byte.
	single := len(tok) == 1 && tok[0] < utf8.RuneSelf
	if single && in.ascii[tok[0]] > 0 {
		return in.ascii[tok[0]] - 1
	}
	if id, ok := in.ids[tok]; ok {
		return id
	}
	id := int32(len(in.fold))
	if single {
		in.ascii[tok[0]] = id + 1
	} else {
		in.ids[tok] = id
	}
	in.fold = append(in.fold, id)
	if k == word {
		if lower := strings.ToLower(tok); lower != tok {
			f := in.intern(lower, word) // may grow in.fold
			in.fold[id] = f
		}
	}
	return id
}

// A text is a string split into tokens. Every token is a substring of s and
// the tokens cover s without gaps, so any run of tokens is a substring too.
type text struct {
	s     string
	start []int32 // start[i] is the offset of token i in s; start[n] == len(s)
	ids   []int32 // ids[i] is the interned id of token i
	words []int32 // words[i] is the number of word tokens before token i
	set   []int32 // the distinct words of s, case-folded, as sorted ids
}

// newText splits s into words, runs of white space and single other
// characters, and interns the tokens in in.
func newText(in *interner, s string) *text {
	t := &text{s: s}
	n := len(s)/3 + 1
	t.start = make([]int32, 0, n+1)
	t.ids = make([]int32, 0, n)
	t.words = make([]int32, 0, n+1)
	nw := int32(0)
	for i := 0; i < len(s); {
		k, end := scanToken(s, i)
		t.start = append(t.start, int32(i))
		t.words = append(t.words, nw)
		id := in.intern(s[i:end], k)
		t.ids = append(t.ids, id)
		if k == word {
			nw++
			t.set = append(t.set, in.fold[id])
		}
		i = end
	}
	t.start = append(t.start, int32(len(s)))
	t.words = append(t.words, nw)
	slices.Sort(t.set)
	t.set = slices.Compact(t.set)
	return t
}

// scanToken returns the kind and the end offset of the token of s that
// starts at offset i.
func scanToken(s string, i int) (tokenKind, int) {
	k, end := nextRune(s, i)
	if k == punct {
		return k, end
	}
	for end < len(s) {
		kk, next := nextRune(s, end)
		if kk != k {
			break
		}
		end = next
	}
	return k, end
}

// nextRune returns the kind of token that the character at offset i of s
// belongs to, and the offset of the next character.
func nextRune(s string, i int) (tokenKind, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return kindOf(rune(c)), i + 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return kindOf(r), i + size
}

// countWords returns the number of words of s.
func countWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		k, end := scanToken(s, i)
		if k == word {
			n++
		}
		i = end
	}
	return n
}

// len returns the number of tokens of t.
func (t *text) len() int { return len(t.ids) }

// slice returns the text of tokens i to j, not including j.
func (t *text) slice(i, j int) string { return t.s[t.start[i]:t.start[j]] }

// size returns the length in bytes of tokens i to j, not including j.
func (t *text) size(i, j int) int { return int(t.start[j] - t.start[i]) }

// countWords returns the number of word tokens among tokens i to j, not
// including j.
func (t *text) countWords(i, j int) int { return int(t.words[j] - t.words[i]) }

// hasNewline reports whether tokens i to j, not including j, contain a
// line break.
func (t *text) hasNewline(i, j int) bool {
	return strings.IndexByte(t.slice(i, j), '\n') >= 0
}

// jaccard returns the Jaccard similarity of the word sets of x and y: the
// number of words they share divided by the number of words either has.
// Two texts without words are not similar.
func jaccard(x, y []int32) float64 {
	shared := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	union := len(x) + len(y) - shared
	if union == 0 {
		return 0
	}
	return float64(shared) / float64(union)
}
