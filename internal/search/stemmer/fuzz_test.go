package stemmer

import "testing"

// FuzzStem checks that no stemmer panics, lengthens a word or empties it.
// Idempotence is not checked: it does not hold for Light (kepegawaian →
// gawai → gawa) and holds for Stemmer only on real words (see
// TestIdempotence).
func FuzzStem(f *testing.F) {
	for _, w := range tokens(corpusText(f)) {
		f.Add(w)
	}
	for _, w := range familyWords(readFamilies(f)) {
		f.Add(w)
	}
	f.Add("mempertanggungjawabkannyalah")
	f.Add("menyé")
	f.Add("pengeng")
	lex := corpusLexicon(f)
	lex.Add("a", "ng", "e", "s", "t", "p", "k", "se", "te", "pe", "ke", "kan")
	stemmers := []struct {
		name string
		stem func(string) string
	}{
		{"Light(Full)", NewLight(Full).Stem},
		{"Light(Inflectional)", NewLight(Inflectional).Stem},
		{"Stemmer", New(lex).Stem},
		{"Stemmer without lexicon", New(nil).Stem},
		{"Stemmer accepting anything", New(funcLexicon(func(string) bool { return true })).Stem},
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, s := range stemmers {
			got := s.stem(word)
			if len(got) > len(word) {
				t.Errorf("%s: Stem(%q) = %q, longer than the word", s.name, word, got)
			}
			if word != "" && got == "" {
				t.Errorf("%s: Stem(%q) is empty", s.name, word)
			}
		}
	})
}
