package stemmer

// A Lexicon is a set of words known to be words, such as every token of the
// corpus being indexed. Has must be safe for concurrent use when the Stemmer
// using the Lexicon is.
type Lexicon interface {
	// Has reports whether word is in the lexicon.
	Has(word string) bool
}

// A WordSet is a Lexicon held in a map. It is safe for concurrent use as long
// as nothing adds to it.
type WordSet map[string]struct{}

// Add adds words to s.
func (s WordSet) Add(words ...string) {
	for _, w := range words {
		s[w] = struct{}{}
	}
}

// Has reports whether s holds word.
func (s WordSet) Has(word string) bool {
	_, ok := s[word]
	return ok
}

// maxWordLen is the length of the longest word the Stemmer stems; longer
// ones are returned unchanged.
const maxWordLen = 40

// maxPrefixes is the largest number of derivational prefixes removed from a
// word, as in ke-ber-ada-an and mem-per-tanggungjawab-kan.
const maxPrefixes = 3

// A Stemmer is a confix-stripping stemmer in the style of Nazief and Adriani
// that accepts a stem only when its lexicon or its built-in base words
// attest it.
//
// A Stemmer is safe for concurrent use when its Lexicon is.
type Stemmer struct {
	lex   Lexicon
	bases WordSet
}

// New returns a Stemmer that accepts the stems in lex. A nil lex is taken as
// empty: the Stemmer then knows only its built-in base words.
func New(lex Lexicon) *Stemmer {
	if lex == nil {
		lex = WordSet(nil)
	}
	return &Stemmer{lex: lex, bases: baseWords}
}

// Stem returns the stem of word. It removes affixes in every way Indonesian
// morphology allows and, of the roots so reached that are attested, returns
// the one reached by removing the most affixes, preferring a built-in base
// word to a word only the lexicon holds; between equally deep readings it
// takes the likelier. A built-in base word is never reduced further. A word
// with no attested root is returned unchanged, and so are words shorter than
// four bytes, longer than 40, or holding anything but the letters a to z.
func (s *Stemmer) Stem(word string) string {
	if !stemmable(word) || s.bases.Has(word) {
		return word
	}
	q := search{s: s}
	var vs [4]inflected
	for _, v := range inflections(word, &vs) {
		for _, x := range suffixes {
			if f, ok := x.strip(form{rest: v.word}); ok {
				q.x = x
				q.removed = v.removed
				if x != noSuffix {
					q.removed++
				}
				q.walk(f, 0, 0, 0, false)
			}
		}
	}
	if !q.found {
		return word
	}
	return q.best.String()
}

// stemmable reports whether Stem should analyse word at all.
func stemmable(word string) bool {
	if len(word) < 4 || len(word) > maxWordLen {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return false
		}
	}
	return true
}

// An inflected is a word less some of its inflectional suffixes.
type inflected struct {
	word    string
	removed int // the suffixes removed
}

// inflections returns word and word without its inflectional suffixes: a
// particle (-kah, -lah, -pun), then a possessive pronoun (-ku, -mu, -nya), as
// in buku-nya-kah. It stores them in vs.
func inflections(word string, vs *[4]inflected) []inflected {
	vs[0] = inflected{word, 0}
	n := 1
	if w, ok := trimAny(word, particles[:]); ok {
		vs[n] = inflected{w, 1}
		n++
	}
	for _, v := range vs[:n] {
		if w, ok := trimAny(v.word, possessives[:]); ok {
			vs[n] = inflected{w, v.removed + 1}
			n++
		}
	}
	return vs[:n]
}

// trimAny returns word without the first of suffixes it ends with, and
// whether there was one.
func trimAny(word string, suffixes []string) (string, bool) {
	for _, x := range suffixes {
		if len(word) > len(x) && word[len(word)-len(x):] == x {
			return word[:len(word)-len(x)], true
		}
	}
	return word, false
}

// A search looks for the best root of one word.
type search struct {
	s       *Stemmer
	x       suffix // the derivational suffix removed on the current path
	removed int    // the suffixes removed on the current path

	found   bool
	best    form
	base    bool // best is a built-in base word
	affixes int  // the affixes removed to reach best
}

// walk considers as a root f, which is the word less q.removed suffixes and
// depth prefixes, of the kinds in used and outer the outermost, and then
// removes further prefixes from it.
func (q *search) walk(f form, outer, used prefixKind, depth int, mono bool) {
	n := q.removed + depth
	if n > 0 && (outer != 0 || q.x.allows(0)) && rootShaped(f, mono) {
		if q.consider(f, n) {
			return // a base word is not reduced further
		}
	}
	if depth == maxPrefixes {
		return
	}
	ss := prefixStrips(f)
	for _, st := range ss.s[:ss.n] {
		if used&st.kind != 0 || depth > 0 && st.kind&(kindDi|kindMe) != 0 {
			continue // no prefix twice; di- and meN- come outermost
		}
		o := outer
		if depth == 0 {
			o = st.kind
			if !q.x.allows(o) {
				continue
			}
		}
		q.walk(st.rest, o, used|st.kind, depth+1, st.mono)
	}
}

// rootShaped reports whether f can be a root: at least three letters and two
// syllables, or one syllable after menge- or penge- (mono).
func rootShaped(f form, mono bool) bool {
	if f.len() < 3 {
		return false
	}
	v := f.vowels()
	return v >= 2 || mono && v == 1
}

// consider records f, reached by removing n affixes, as the best root if it
// is attested and better than the best so far: base words beat lexicon
// words, and then more affixes removed beat fewer. It reports whether f is a
// base word.
func (q *search) consider(f form, n int) bool {
	if has(q.s.bases, f) {
		if !q.base || n > q.affixes {
			q.found, q.best, q.base, q.affixes = true, f, true, n
		}
		return true
	}
	if q.base || q.found && n <= q.affixes {
		return false
	}
	if has(q.s.lex, f) {
		q.found, q.best, q.affixes = true, f, n
	}
	return false
}

// has reports whether lex holds f, without allocating when lex is a WordSet.
func has(lex Lexicon, f form) bool {
	if f.lead == 0 {
		return lex.Has(f.rest)
	}
	var buf [maxWordLen]byte
	buf[0] = f.lead
	n := 1 + copy(buf[1:], f.rest)
	if ws, ok := lex.(WordSet); ok {
		_, ok := ws[string(buf[:n])]
		return ok
	}
	return lex.Has(string(buf[:n]))
}
