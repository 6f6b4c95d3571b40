package stemmer

import "testing"

// benchWords returns the tokens of the policy documents in testdata/corpus
// in text order, a realistic mix of roots, derived forms and short words.
func benchWords(b *testing.B) []string {
	return tokens(corpusText(b))
}

// BenchmarkLight reports the cost of stemming one token with Light.
func BenchmarkLight(b *testing.B) {
	words := benchWords(b)
	l := NewLight(Full)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		l.Stem(words[i%len(words)])
	}
}

// BenchmarkStemmer reports the cost of stemming one token with Stemmer,
// its lexicon holding every word of the documents.
func BenchmarkStemmer(b *testing.B) {
	words := benchWords(b)
	s := New(corpusLexicon(b))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Stem(words[i%len(words)])
	}
}
