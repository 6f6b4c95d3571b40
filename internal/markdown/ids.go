package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

var _ parser.IDs = (*idSet)(nil)

// emptySlug is the id of a heading whose text yields no slug.
const emptySlug = "bagian"

// An idSet hands out the element ids of one document and keeps them unique.
// It implements parser.IDs.
type idSet struct {
	used map[string]bool
	next map[string]int // next suffix to try for a base id, once it collided
}

// newIDSet returns an empty idSet with room for about hint ids.
func newIDSet(hint int) *idSet {
	return &idSet{used: make(map[string]bool, hint)}
}

// Generate returns a unique id for a heading with the plain text value.
func (s *idSet) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(s.heading(string(value)))
}

// Put records value as used.
func (s *idSet) Put(value []byte) {
	s.used[string(value)] = true
}

// heading returns a unique id for a heading with the plain text txt.
func (s *idSet) heading(txt string) string {
	id := slug(txt)
	if id == "" {
		id = emptySlug
	}
	return s.unique(id)
}

// unique returns base, or base followed by "-2", "-3", … if base is taken,
// and records the result as used.
func (s *idSet) unique(base string) string {
	if !s.used[base] {
		s.used[base] = true
		return base
	}
	if s.next == nil {
		s.next = make(map[string]int)
	}
	n := max(s.next[base], 2)
	id := base + "-" + strconv.Itoa(n)
	for s.used[id] {
		n++
		id = base + "-" + strconv.Itoa(n)
	}
	s.next[base] = n + 1
	s.used[id] = true
	return id
}

// slug returns s lower-cased, with Latin letters folded to ASCII, other
// non-ASCII letters, digits and marks dropped, and each run of any other
// characters turned into a single "-", trimmed at both ends.
func slug(s string) string {
	b := make([]byte, 0, len(s))
	sep := false // a "-" is due before the next character
	for _, r := range s {
		r = unicode.ToLower(r)
		part := fold(r)
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', part != "":
		case r >= utf8.RuneSelf && isWordRune(r):
			continue
		default:
			sep = len(b) > 0
			continue
		}
		if sep {
			b = append(b, '-')
			sep = false
		}
		if part != "" {
			b = append(b, part...)
		} else {
			b = append(b, byte(r))
		}
	}
	return string(b)
}

// isWordRune reports whether the non-ASCII rune r is part of a word, so that
// dropping it must not separate the letters around it.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// fold returns the ASCII spelling of the lower-case Latin letter r, or ""
// if it has none.
func fold(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'æ':
		return "ae"
	case 'ç', 'ć', 'č':
		return "c"
	case 'ð', 'ď', 'đ':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return "e"
	case 'ğ':
		return "g"
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return "i"
	case 'ł':
		return "l"
	case 'ñ', 'ń', 'ň':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o"
	case 'œ':
		return "oe"
	case 'ř':
		return "r"
	case 'ß':
		return "ss"
	case 'ś', 'š', 'ş':
		return "s"
	case 'þ':
		return "th"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ź', 'ż', 'ž':
		return "z"
	}
	return ""
}
