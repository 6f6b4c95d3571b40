package search

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBuiltinThesaurus checks that the built-in thesaurus reads, is as large
// as promised, and that each of its terms is a phrase the analyzer keeps: no
// term of stop words only, and none whose analysis is one of another term's.
func TestBuiltinThesaurus(t *testing.T) {
	th := builtin()
	if th.Len() < 60 {
		t.Errorf("%d entries, want at least 60", th.Len())
	}
	ix := analysisIndex(t)
	for _, e := range th.entries {
		for _, term := range append([]string{e.head}, e.terms...) {
			p := ix.phraseOf(term)
			if p == nil {
				t.Errorf("%s: %q is stop words only", e.head, term)
			}
			if words := strings.Fields(term); len(words) > 1 && len(p) == 1 {
				t.Errorf("%s: %q analyzes to one word, %q", e.head, term, p)
			}
		}
	}
}

// analysisIndex is an Index with the analysis of an empty corpus, enough for
// phraseOf.
func analysisIndex(t *testing.T) *Index {
	t.Helper()
	m, err := newMapping(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(analyzerName)
	return &Index{analyzer: a, stem: stemmerOf(a)}
}

func TestParseThesaurus(t *testing.T) {
	src := `# komentar
PPPK = Pegawai  Pemerintah dengan Perjanjian Kerja, P3K # dua arah
gaji > tunjangan,, kesejahteraan
cuti =
[nama]
Kediri, Pemalang
Tanjung Jabung Barat
[sinonim]
ASN = aparatur sipil negara
`
	th, err := ParseThesaurus([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Thesaurus{
		entries: []thesaurusEntry{
			{head: "pppk", terms: []string{"pegawai pemerintah dengan perjanjian kerja", "p3k"}},
			{head: "gaji", related: true, terms: []string{"tunjangan", "kesejahteraan"}},
			{head: "cuti"},
			{head: "asn", terms: []string{"aparatur sipil negara"}},
		},
		names: []string{"kediri", "pemalang", "tanjung jabung barat"},
	}
	want.src = []byte(src)
	if diff := cmp.Diff(want, th, cmp.AllowUnexported(Thesaurus{}, thesaurusEntry{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err = ParseThesaurus([]byte("ASN aparatur\n= x\n[lain]\na = b > c\n"))
	var lines []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		lines = append(lines, e.(*ThesaurusError).Line)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 4}, lines); diff != "" {
		t.Errorf("lines of errors (-want +got):\n%s\n%v", diff, err)
	}
}

// TestThesaurusOverride checks that a site's entry replaces the built-in
// entries of its first term, and that one with nothing after = removes them.
func TestThesaurusOverride(t *testing.T) {
	site, err := ParseThesaurus([]byte("gaji = honorarium\ncuti >\nmagang = praktik kerja\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := analysisIndex(t)
	ex := ix.compile(site)
	got := func(key string) []string {
		var out []string
		for _, a := range ex.alts[key] {
			out = append(out, a.terms.String())
		}
		return out
	}
	if diff := cmp.Diff([]string{"honorarium"}, got("gaji")); diff != "" {
		t.Errorf("gaji (-want +got):\n%s", diff)
	}
	if g := got("cuti"); len(g) != 0 {
		t.Errorf("cuti still expands to %q", g)
	}
	if g := got("magang"); len(g) != 1 {
		t.Errorf("magang expands to %q, want praktik kerja", g)
	}
	if g := got("asn"); len(g) == 0 {
		t.Errorf("asn lost its built-in expansions")
	}
}
