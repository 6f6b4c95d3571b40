// Package stemmer reduces Indonesian words to stems, so that a search for
// one form of a word finds the others: pegawai and kepegawaian, nilai and
// penilaian, layanan and melayani.
//
// Stemmer is a confix-stripping stemmer in the style of Nazief and Adriani:
// it removes inflectional suffixes, a derivational suffix and up to three
// derivational prefixes, undoing the sound changes of the nasal prefixes
// (menyusun from susun, menugaskan from tugas), and accepts a root only when
// a Lexicon attests it. The lexicon is meant to be every word of the corpus
// being indexed, derived forms included; of the roots it attests, Stemmer
// takes the one the most affixes removed lead to. A short built-in list of
// base words of civil-service text supplies roots a corpus seldom uses alone
// (layan, terap) and keeps whole words that only look derived (ketua,
// pemerintah, kinerja). Against the dictionary-free light stemmer of Tala
// (2003), as in Lucene, which the tests keep as the yardstick of the relevance
// set, Stemmer joins far more forms and does not cut roots such as nilai and
// pegawai.
//
// Stemmer expects one lowercased token with stop words already removed.
// For every input, Stem returns a string no longer than its input and not
// empty unless the input is; it never panics. Stemmer returns a word
// unchanged when no root of it is attested, when it is shorter than four
// bytes or longer than 40, and when it holds anything but the letters a to
// z. It keeps no state between calls and is as safe for concurrent use as its
// Lexicon. Stemming allocates nothing unless
// the stem begins with a letter a nasal prefix had replaced, and then only
// the stem.
//
// Stemming is not idempotent in general. Stemmer's stems are attested words
// that it maps to themselves in practice, but that is not guaranteed for every
// input.
//
// It lives under package search, the one stage that stems; the relevance tests
// compare it with Tala's light stemmer, which is in a test file for that reason.
package stemmer
