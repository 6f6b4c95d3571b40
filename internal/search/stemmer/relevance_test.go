package stemmer

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// A family is one line of testdata/relevance.txt.
type family struct {
	match  []string // forms that must stem alike
	unlike []string // forms that must not stem like them
}

// readFamilies reads the word families of testdata/relevance.txt.
func readFamilies(t testing.TB) []family {
	t.Helper()
	f, err := os.Open("testdata/relevance.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var fams []family
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		match, unlike, _ := strings.Cut(line, "|")
		fams = append(fams, family{strings.Fields(match), strings.Fields(unlike)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return fams
}

// A pair is two words and whether they must stem alike.
type pair struct {
	a, b  string
	match bool
}

// pairs returns the judged pairs of fams, each once.
func pairs(t testing.TB, fams []family) []pair {
	t.Helper()
	seen := make(map[[2]string]bool)
	var ps []pair
	add := func(a, b string, match bool) {
		if a > b {
			a, b = b, a
		}
		k := [2]string{a, b}
		if m, ok := seen[k]; ok {
			if m != match {
				t.Fatalf("%s and %s are judged both alike and unlike", a, b)
			}
			return
		}
		seen[k] = match
		ps = append(ps, pair{a, b, match})
	}
	for _, fam := range fams {
		for i, a := range fam.match {
			for _, b := range fam.match[i+1:] {
				add(a, b, true)
			}
			for _, b := range fam.unlike {
				add(a, b, false)
			}
		}
	}
	return ps
}

// A score is the quality of a stemmer on the judged pairs.
type score struct {
	recall    float64 // must-match pairs stemmed alike, over all must-match pairs
	precision float64 // must-match pairs stemmed alike, over all pairs stemmed alike
	missed    []pair  // must-match pairs stemmed apart
	confused  []pair  // must-not pairs stemmed alike
}

// measure scores stem on ps.
func measure(ps []pair, stem func(string) string) score {
	var s score
	matches, alike, hits := 0, 0, 0
	for _, p := range ps {
		same := stem(p.a) == stem(p.b)
		if p.match {
			matches++
		}
		if same {
			alike++
		}
		switch {
		case p.match && same:
			hits++
		case p.match:
			s.missed = append(s.missed, p)
		case same:
			s.confused = append(s.confused, p)
		}
	}
	s.recall = float64(hits) / float64(matches)
	s.precision = 1
	if alike > 0 {
		s.precision = float64(hits) / float64(alike)
	}
	return s
}

// familyWords returns every form in fams.
func familyWords(fams []family) []string {
	var ws []string
	for _, fam := range fams {
		ws = append(ws, fam.match...)
		ws = append(ws, fam.unlike...)
	}
	return ws
}

// TestRelevance measures how well the stemmers join the word families of
// testdata/relevance.txt and keep them apart from look-alikes. Run it with
// -v to see the scores.
//
// The Stemmer's lexicon is what a search index would build: every word of a
// corpus. The corpus here is the policy documents in testdata/corpus plus the
// forms of the families themselves, as a real corpus holding those documents
// would also hold the forms its readers search for. The lexicon therefore
// holds derived forms (kepegawaian, pelatihan) as well as roots, and look-
// alikes (gawai, nila, perintah) as well as the words they look like.
//
// For comparison the test also scores the Stemmer without its built-in base
// words, and with a lexicon of the documents alone, which lacks most roots.
func TestRelevance(t *testing.T) {
	fams := readFamilies(t)
	if len(fams) < 20 {
		t.Fatalf("read %d families, want at least 20", len(fams))
	}
	ps := pairs(t, fams)
	docs := corpusLexicon(t)
	lex := corpusLexicon(t)
	lex.Add(familyWords(fams)...)
	s := New(lex)

	light := measure(ps, NewLight(Full).Stem)
	stem := measure(ps, s.Stem)
	t.Logf("%d families, %d pairs", len(fams), len(ps))
	t.Logf("%-44s recall %.3f precision %.3f", "Light", light.recall, light.precision)
	t.Logf("%-44s recall %.3f precision %.3f", "Stemmer", stem.recall, stem.precision)
	for _, v := range []struct {
		name string
		s    *Stemmer
	}{
		{"Stemmer without base words", &Stemmer{lex: lex, bases: WordSet{}}},
		{"Stemmer, documents only", New(docs)},
		{"Stemmer, documents only, without base words", &Stemmer{lex: docs, bases: WordSet{}}},
	} {
		sc := measure(ps, v.s.Stem)
		t.Logf("%-44s recall %.3f precision %.3f", v.name, sc.recall, sc.precision)
	}
	for _, p := range stem.missed {
		t.Logf("missed:   %s → %s, %s → %s", p.a, s.Stem(p.a), p.b, s.Stem(p.b))
	}
	for _, p := range stem.confused {
		t.Logf("confused: %s → %s, %s → %s", p.a, s.Stem(p.a), p.b, s.Stem(p.b))
	}
	if stem.recall < 0.95 || stem.precision < 0.95 {
		t.Errorf("Stemmer: recall %.3f, precision %.3f; want both at least 0.95", stem.recall, stem.precision)
	}
	if stem.recall <= light.recall {
		t.Errorf("Stemmer recall %.3f is no better than Light's %.3f", stem.recall, light.recall)
	}
}
