package stemmer

// The light stemmer of Tala (2003), as in Lucene: the yardstick Stemmer is
// measured against in the relevance tests. Only tests use it.

// A Mode selects how much of a word the light stemmer removes.
type Mode int

const (
	// Full removes particles, possessive pronouns, derivational prefixes and
	// derivational suffixes.
	Full Mode = iota
	// Inflectional removes only particles and possessive pronouns.
	Inflectional
)

// Light is the light stemmer of F. Z. Tala, "A Study of Stemming Effects on
// Information Retrieval in Bahasa Indonesia" (2003), the algorithm behind
// Lucene's IndonesianStemmer. It needs no dictionary, so it is fast and
// predictable, but it cannot tell an affix from the same letters in a root:
// it stems nilai to nila and pegawai to gawa, but penilaian to tilai and
// kepegawaian to gawai.
//
// A Light is safe for concurrent use.
type Light struct {
	mode Mode
}

// NewLight returns a light stemmer working in the given mode.
func NewLight(mode Mode) *Light {
	return &Light{mode: mode}
}

// Removed affixes that forbid some of the later steps.
const (
	removedKe = 1 << iota
	removedPeng
	removedDi
	removedMeng
	removedTer
	removedBer
	removedPe
)

// lightState is a word part way through the light stemmer.
type lightState struct {
	f       form
	vowels  int // vowels left in f; an affix is removed only while above 2
	removed int // the removed* affixes removed so far
}

// Stem returns the stem of word. It counts vowels as syllables and removes
// an affix only while more than two syllables are left, so words of one or
// two syllables are returned unchanged.
func (l *Light) Stem(word string) string {
	s := lightState{f: form{rest: word}}
	s.vowels = s.f.vowels()
	s.removeAny(particles[:])
	s.removeAny(possessives[:])
	if l.mode == Full {
		s.removeDerivational()
	}
	return s.f.String()
}

// removeAny removes the first of suffixes that the word ends with.
func (s *lightState) removeAny(suffixes []string) {
	for _, x := range suffixes {
		if s.removeSuffixText(x) {
			return
		}
	}
}

// removeSuffixText removes the suffix x if the word ends with it and has
// more than two syllables.
func (s *lightState) removeSuffixText(x string) bool {
	if s.vowels <= 2 || !s.f.hasSuffix(x) {
		return false
	}
	s.f = s.f.trim(len(x))
	s.vowels--
	return true
}

// removeDerivational removes derivational affixes: a first-order prefix
// followed by a suffix and then a second-order prefix, or, when the word has
// no first-order prefix, a second-order prefix followed by a suffix.
func (s *lightState) removeDerivational() {
	if s.removeFirstOrderPrefix() {
		if s.removeSuffix() {
			s.removeSecondOrderPrefix()
		}
		return
	}
	s.removeSecondOrderPrefix()
	s.removeSuffix()
}

// A lightPrefix is a first-order prefix of the light stemmer. When recode is
// not zero the prefix applies only before a vowel, and it had replaced the
// root's first letter recode: after removing the prefix's length bytes,
// recode is put back in front of the vowel.
type lightPrefix struct {
	text   string
	recode byte
	flag   int
}

// firstOrderPrefixes lists the first-order prefixes in the order they are
// tried.
var firstOrderPrefixes = [...]lightPrefix{
	{"meng", 0, removedMeng},
	{"meny", 's', removedMeng},
	{"men", 0, removedMeng},
	{"mem", 0, removedMeng},
	{"me", 0, removedMeng},
	{"peng", 0, removedPeng},
	{"peny", 's', removedPeng},
	{"peny", 0, removedPeng},
	{"pen", 't', removedPeng},
	{"pen", 0, removedPeng},
	{"pem", 0, removedPeng},
	{"di", 0, removedDi},
	{"ter", 0, removedTer},
	{"ke", 0, removedKe},
}

// removeFirstOrderPrefix removes the first matching first-order prefix.
func (s *lightState) removeFirstOrderPrefix() bool {
	if s.vowels <= 2 {
		return false
	}
	for _, p := range firstOrderPrefixes {
		if !s.f.hasPrefix(p.text) {
			continue
		}
		if p.recode == 0 {
			s.f = s.f.drop(len(p.text))
		} else if isVowel(s.f.at(len(p.text))) {
			s.f = s.f.recode(len(p.text), p.recode)
		} else {
			continue
		}
		s.vowels--
		s.removed |= p.flag
		return true
	}
	return false
}

// removeSecondOrderPrefix removes ber-, be- before a syllable ending in -er,
// per- or pe-, and bel- or pel- from belajar and pelajar.
func (s *lightState) removeSecondOrderPrefix() {
	if s.vowels <= 2 {
		return
	}
	f := s.f
	n, flag := 0, 0
	switch {
	case f.hasPrefix("ber"):
		n, flag = 3, removedBer
	case f.len() == 7 && f.hasPrefix("belajar"):
		n, flag = 3, removedBer
	case f.hasPrefix("be") && f.len() > 4 && !isVowel(f.at(2)) && f.at(3) == 'e' && f.at(4) == 'r':
		n, flag = 2, removedBer
	case f.hasPrefix("per"):
		n = 3
	case f.len() == 7 && f.hasPrefix("pelajar"):
		n = 3
	case f.hasPrefix("pe"):
		n, flag = 2, removedPe
	default:
		return
	}
	s.f = f.drop(n)
	s.vowels--
	s.removed |= flag
}

// removeSuffix removes -kan, -an or -i unless a prefix removed earlier rules
// it out: -kan does not follow ke-, peng- or pe-; -an does not follow di-,
// meng- or ter-; and -i does not follow ber-, ke- or peng-, nor end -si.
func (s *lightState) removeSuffix() bool {
	switch {
	case s.f.hasSuffix("kan") && s.removed&(removedKe|removedPeng|removedPe) == 0:
		return s.removeSuffixText("kan")
	case s.f.hasSuffix("an") && s.removed&(removedDi|removedMeng|removedTer) == 0:
		return s.removeSuffixText("an")
	case s.f.hasSuffix("i") && !s.f.hasSuffix("si") && s.removed&(removedBer|removedKe|removedPeng) == 0:
		return s.removeSuffixText("i")
	}
	return false
}
