package stemmer

// A prefixKind names a derivational prefix with all its variants. The kinds
// are bits, so that a set of kinds is a prefixKind too.
type prefixKind uint8

const (
	kindDi  prefixKind = 1 << iota // di-
	kindKe                         // ke-
	kindSe                         // se-
	kindMe                         // meN-: me-, mem-, men-, meng-, menge- and meny-
	kindPe                         // pe- and peN-: pem-, pen-, peng-, penge- and peny-
	kindBer                        // ber-, be- and bel-
	kindTer                        // ter- and te-
	kindPer                        // per- and pel-
)

// A suffix is a derivational suffix. The inflectional suffixes (particles and
// possessive pronouns) are handled apart, because they combine with anything.
type suffix uint8

const (
	noSuffix suffix = iota
	suffixKan
	suffixAn
	suffixI
	suffixMen  // the loan suffix of rekrutmen, English -ment
	suffixEnsi // the loan ending of kompetensi, English -ence: kompeten-si
)

// suffixes lists the derivational suffixes in the order they are tried.
var suffixes = [...]suffix{noSuffix, suffixKan, suffixAn, suffixI, suffixMen, suffixEnsi}

// strip returns f without the suffix x, and whether f has it. The loan
// suffixes are removed only where the remainder looks like the loanword it
// came from: -men after a consonant (rekrut-men, but not doku-men or
// manaje-men), and -si after -en (kompeten-si, but not instan-si).
func (x suffix) strip(f form) (form, bool) {
	var s string
	switch x {
	case noSuffix:
		return f, true
	case suffixKan:
		s = "kan"
	case suffixAn:
		s = "an"
	case suffixI:
		s = "i"
	case suffixMen:
		if !f.hasSuffix("men") || !isConsonant(f.at(f.len()-4)) {
			return f, false
		}
		s = "men"
	case suffixEnsi:
		if !f.hasSuffix("ensi") {
			return f, false
		}
		s = "si"
	}
	if !f.hasSuffix(s) {
		return f, false
	}
	return f.trim(len(s)), true
}

// allows reports whether a word may carry the suffix x together with the
// outermost prefix of kind k, zero when the word has no prefix. Nazief and Adriani rule out be-…-i, di-…-an,
// ke-…-i, ke-…-kan, me-…-an, se-…-i and se-…-kan; peN- forms nouns, so
// pe-…-i and pe-…-kan are ruled out too. The suffix -i needs a prefix: an
// unprefixed word ending in i (nilai, pegawai, terapi) is almost always a
// root in formal text, rarely an imperative.
func (x suffix) allows(k prefixKind) bool {
	switch x {
	case suffixKan:
		return k&(kindKe|kindSe|kindPe) == 0
	case suffixAn:
		return k&(kindDi|kindMe) == 0
	case suffixI:
		return k != 0 && k&(kindBer|kindKe|kindSe|kindPe) == 0
	}
	return true
}

// A strip is one way to remove a prefix from a form.
type strip struct {
	kind prefixKind
	rest form // the form without the prefix
	mono bool // the prefix is menge- or penge-, which come before roots of one syllable
}

// strips holds the ways to remove one prefix from a form, most likely first.
type strips struct {
	n int
	s [3]strip
}

// add appends s to ss; ss has room for every way a form can be read.
func (ss *strips) add(s strip) {
	if ss.n < len(ss.s) {
		ss.s[ss.n] = s
		ss.n++
	}
}

// prefixStrips returns the ways to remove one prefix from f.
func prefixStrips(f form) strips {
	var ss strips
	switch {
	case f.hasPrefix("di"):
		ss.add(strip{kind: kindDi, rest: f.drop(2)})
	case f.hasPrefix("ke"):
		ss.add(strip{kind: kindKe, rest: f.drop(2)})
	case f.hasPrefix("se"):
		ss.add(strip{kind: kindSe, rest: f.drop(2)})
	case f.hasPrefix("me"):
		nasalStrips(&ss, f, kindMe)
		if c := f.at(2); (c == 'l' || c == 'r' || c == 'w' || c == 'y') && isVowel(f.at(3)) {
			ss.add(strip{kind: kindMe, rest: f.drop(2)})
		}
	case f.hasPrefix("pe"):
		nasalStrips(&ss, f, kindPe)
		peStrips(&ss, f)
	case f.hasPrefix("be"):
		rStrips(&ss, f, kindBer)
	case f.hasPrefix("te"):
		rStrips(&ss, f, kindTer)
	}
	return ss
}

// nasalStrips adds the ways to remove the nasal prefixes meN- and peN- (k
// tells which) from f, following the recoding rules of confix stripping: the
// nasal may have replaced a root's first k, p, s or t, so men- before a
// vowel is men-t… (menulis from tulis) or me-n… (menikah from nikah).
//
// The order settles the rare words for which the lexicon attests both
// readings. For men-, meny- and mem- the recoded root comes first, because
// the literal reading (nulis, nyusun, milih) is also the colloquial verb that
// drops me-, which a corpus may hold; for meng- the literal reading is a
// root beginning with a vowel (ajar, urus), a standard word, and comes first.
func nasalStrips(ss *strips, f form, k prefixKind) {
	c3, c4 := f.at(3), f.at(4)
	switch f.at(2) {
	case 'n':
		switch {
		case c3 == 'g' && isVowel(c4):
			ss.add(strip{kind: k, rest: f.drop(4)})        // meng-ajar
			ss.add(strip{kind: k, rest: f.recode(4, 'k')}) // meng-(k)irim
			if c4 == 'e' && isConsonant(f.at(5)) {
				ss.add(strip{kind: k, rest: f.drop(5), mono: true}) // menge-cek
			}
		case c3 == 'g' && (c4 == 'g' || c4 == 'h' || c4 == 'k' || c4 == 'q'):
			ss.add(strip{kind: k, rest: f.drop(4)}) // meng-gunakan
		case c3 == 'y' && isVowel(c4):
			ss.add(strip{kind: k, rest: f.recode(4, 's')}) // meny-(s)usun
			ss.add(strip{kind: k, rest: f.drop(2)})        // me-nyatakan
		case isVowel(c3):
			ss.add(strip{kind: k, rest: f.recode(3, 't')}) // men-(t)ugaskan
			ss.add(strip{kind: k, rest: f.drop(2)})        // me-nilai
		case c3 == 'c' || c3 == 'd' || c3 == 'j' || c3 == 's' || c3 == 't' || c3 == 'z':
			ss.add(strip{kind: k, rest: f.drop(3)}) // men-didik
		}
	case 'm':
		switch {
		case c3 == 'b' || c3 == 'f' || c3 == 'v' || c3 == 'p':
			ss.add(strip{kind: k, rest: f.drop(3)}) // mem-bina, mem-promosikan
		case isVowel(c3):
			ss.add(strip{kind: k, rest: f.recode(3, 'p')}) // mem-(p)indahkan
			ss.add(strip{kind: k, rest: f.drop(2)})        // me-miliki
		case c3 == 'r' && isVowel(c4):
			ss.add(strip{kind: k, rest: f.recode(3, 'p')}) // pem-(p)rograman
		}
	}
}

// peStrips adds the ways to remove the non-nasal pe-, per- and pel- from f:
// pe- before a consonant other than a nasal (pe-tugas, pe-rekrutan), per-
// (per-aturan) and pel- in pelajar.
func peStrips(ss *strips, f form) {
	if f.hasPrefix("per") || f.hasPrefix("pelajar") {
		ss.add(strip{kind: kindPer, rest: f.drop(3)})
	}
	if c := f.at(2); isConsonant(c) && c != 'm' && c != 'n' {
		ss.add(strip{kind: kindPe, rest: f.drop(2)})
	}
}

// rStrips adds the ways to remove ber- or ter- (k tells which) from f, which
// begins with be or te: the prefix whole (ber-tugas), be- or te- before an r
// that starts the root (be-ragam), be- or te- before a syllable ending in -er
// (be-kerja), and bel- in belajar.
func rStrips(ss *strips, f form, k prefixKind) {
	c2, c3 := f.at(2), f.at(3)
	switch {
	case c2 == 'r':
		ss.add(strip{kind: k, rest: f.drop(3)})
		if isVowel(c3) {
			ss.add(strip{kind: k, rest: f.drop(2)})
		}
	case k == kindBer && f.hasPrefix("belajar"):
		ss.add(strip{kind: k, rest: f.drop(3)})
	case isConsonant(c2) && c3 == 'e' && f.at(4) == 'r':
		ss.add(strip{kind: k, rest: f.drop(2)})
	}
}

// Inflectional suffixes, in the order Tala removes them.
var (
	particles   = [...]string{"kah", "lah", "pun"}
	possessives = [...]string{"ku", "mu", "nya"}
)
