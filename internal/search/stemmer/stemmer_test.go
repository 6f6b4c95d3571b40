package stemmer

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// corpusText returns the text of the policy documents in testdata/corpus,
// copies of the site's content.
func corpusText(t testing.TB) string {
	t.Helper()
	files, err := filepath.Glob("testdata/corpus/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no documents in testdata/corpus")
	}
	var b strings.Builder
	for _, name := range files {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(text)
		b.WriteByte('\n')
	}
	return b.String()
}

// tokens splits text into lowercase words of the letters a to z, as the
// search index's analyzer would.
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return r < 'a' || r > 'z'
	})
}

// corpusLexicon returns a lexicon of every word of the documents in
// testdata/corpus.
func corpusLexicon(t testing.TB) WordSet {
	lex := WordSet{}
	lex.Add(tokens(corpusText(t))...)
	return lex
}

// TestStemmer checks the prefix, suffix and recoding rules against a lexicon
// that holds every form, so that only the rules decide.
func TestStemmer(t *testing.T) {
	tests := []struct{ word, want string }{
		// Inflectional suffixes.
		{"pegawainya", "pegawai"},
		{"bukunyakah", "buku"},
		{"sekolah", "sekolah"}, // base word, not seko-lah
		{"masalah", "masalah"}, // base word, not masa-lah
		// meN- and its recoding.
		{"menyatakan", "nyata"},      // me-ny…
		{"menyusun", "susun"},        // meny-(s)…, though nyusun is a word too
		{"menikah", "nikah"},         // me-n…
		{"menulis", "tulis"},         // men-(t)…, though nulis is a word too
		{"mengurus", "urus"},         // meng-V…, though kurus is a word too
		{"mendidik", "didik"},        // men-d…
		{"memiliki", "milik"},        // me-m…
		{"memakai", "pakai"},         // mem-(p)…, though makai is a word too
		{"membina", "bina"},          // mem-b…
		{"mengajar", "ajar"},         // meng-V…
		{"mengirim", "kirim"},        // meng-(k)…
		{"menggunakan", "guna"},      // meng-g…
		{"mengesahkan", "sah"},       // menge- before one syllable
		{"merekrut", "rekrut"},       // me-r…
		{"mempromosikan", "promosi"}, // mem-p before a consonant
		{"memperlihatkan", "lihat"},  // mem-per-…-kan
		{"mempelajari", "ajar"},      // mem-pel-…-i
		{"menyejahterakan", "sejahtera"},
		// peN-, pe- and per-.
		{"penilaian", "nilai"},
		{"penugasan", "tugas"},
		{"pemrograman", "program"}, // pem-(p)r…
		{"pembelajaran", "ajar"},   // pem-bel-…-an
		{"pekerjaan", "kerja"},     // pe-…-an
		{"perekrutan", "rekrut"},   // pe-r…, not per-ekrut
		{"peraturan", "atur"},      // per-…, not pe-ratur
		{"pelajaran", "ajar"},      // pel-ajar
		// ber-, ter-, ke-, se-, di- and their stacks.
		{"bekerja", "kerja"},  // be- before -er
		{"beragam", "ragam"},  // be-r…
		{"belajar", "ajar"},   // bel-ajar
		{"tersusun", "susun"}, // ter-
		{"keberadaan", "ada"}, // ke-ber-…-an
		{"kepegawaian", "pegawai"},
		{"diketahui", "tahu"}, // di-ke-…-i: only the outer prefix meets the suffix
		{"dipekerjakan", "kerja"},
		// Ruled-out prefix and suffix pairs: the word stays whole.
		{"berhenti", "berhenti"}, // not ber-hent-i, and henti is not a word
		{"kemukakan", "kemukakan"},
		// The suffix -i needs a prefix.
		{"terapi", "terapi"},
		{"tetapi", "tetapi"},
		// Loan suffixes.
		{"rekrutmen", "rekrut"},
		{"kompetensi", "kompeten"},
		{"instansi", "instansi"},
	}
	lex := WordSet{}
	lex.Add("buku", "nyata", "susun", "nyusun", "nikah", "tulis", "nulis", "didik", "milik", "milih",
		"pakai", "makai", "bina", "urus", "kurus", "ajar", "kirim", "guna", "sah", "promosi", "lihat", "sejahtera", "program",
		"kerja", "rekrut", "ekrut", "atur", "ragam", "ada", "tahu", "terap", "tetap", "instan",
		"seko", "masa", "tugas", "hent", "muka", "kompeten")
	for _, tt := range tests {
		lex.Add(tt.word)
	}
	s := New(lex)
	for _, tt := range tests {
		if got := s.Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestStemmerLoanMen pins the treatment of the loan suffix -men (English
// -ment). It is removed only when what remains ends in a consonant and is a
// word itself: rekrutmen is rekrut-men, while dokumen, elemen and manajemen
// keep -men, which is part of their root. Komitmen keeps it too unless the
// corpus uses komit as a word, and then joining the two is right.
func TestStemmerLoanMen(t *testing.T) {
	lex := WordSet{}
	lex.Add("rekrut", "doku", "ele", "manaje", "asesmen", "rekrutmen", "dokumen", "elemen", "manajemen", "komitmen")
	tests := []struct {
		lex        WordSet
		word, want string
	}{
		{lex, "rekrutmen", "rekrut"},
		{lex, "rekrutmennya", "rekrut"},
		{lex, "dokumen", "dokumen"}, // doku ends in a vowel
		{lex, "elemen", "elemen"},
		{lex, "manajemen", "manajemen"},
		{lex, "asesmen", "asesmen"}, // ases is not a word of the corpus
		{lex, "komitmen", "komitmen"},
		{WordSet{"komit": {}}, "komitmen", "komit"},
		{WordSet{"komit": {}}, "berkomitmen", "komit"},
	}
	for _, tt := range tests {
		if got := New(tt.lex).Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) with komit %v = %q, want %q", tt.word, tt.lex.Has("komit"), got, tt.want)
		}
	}
}

// TestStemmerFallback checks that a word whose roots are all unattested is
// returned unchanged, rather than cut to an unattested stem.
func TestStemmerFallback(t *testing.T) {
	for _, lex := range []Lexicon{nil, WordSet{}, WordSet{"pemberdayaan": {}}} {
		s := New(lex)
		for _, word := range []string{"pemberdayaan", "berhenti", "memperlihatkan", "pantai"} {
			if got := s.Stem(word); got != word {
				t.Errorf("Stem(%q) with lexicon %v = %q, want it unchanged", word, lex, got)
			}
		}
		if got, want := s.Stem("pelayanan"), "layan"; got != want {
			t.Errorf("Stem(%q) with lexicon %v = %q, want %q from the base words", "pelayanan", lex, got, want)
		}
	}
}

// TestStemmerUnstemmable checks the words Stem leaves alone.
func TestStemmerUnstemmable(t *testing.T) {
	s := New(WordSet{"ajar": {}})
	for _, word := range []string{"", "di", "asn", "mengajar2", "Mengajar", "pengajar-", "méngajar",
		strings.Repeat("me", 21) + "ajar"} {
		if got := s.Stem(word); got != word {
			t.Errorf("Stem(%q) = %q, want it unchanged", word, got)
		}
	}
}

// funcLexicon is a Lexicon that is not a WordSet.
type funcLexicon func(string) bool

func (f funcLexicon) Has(word string) bool { return f(word) }

// TestStemmerLexiconInterface checks that any Lexicon serves, recoded
// candidates included.
func TestStemmerLexiconInterface(t *testing.T) {
	lex := funcLexicon(func(w string) bool { return w == "tulis" || w == "baca" })
	s := New(lex)
	for word, want := range map[string]string{"menulis": "tulis", "penulisan": "tulis", "membaca": "baca"} {
		if got := s.Stem(word); got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestStemmerAllocs checks that stemming allocates only to build a stem whose
// first letter a nasal prefix had replaced.
func TestStemmerAllocs(t *testing.T) {
	s := New(corpusLexicon(t))
	for word, want := range map[string]float64{"kepegawaiannya": 0, "pelatihan": 0, "penilaian": 0,
		"menyusun": 1, "menugaskan": 1, "ketua": 0, "asn": 0} {
		if got := testing.AllocsPerRun(100, func() { s.Stem(word) }); got != want {
			t.Errorf("Stem(%q) makes %v allocations, want %v", word, got, want)
		}
	}
}

// TestStemmerConcurrent stems from many goroutines at once; run it with
// -race.
func TestStemmerConcurrent(t *testing.T) {
	s := New(corpusLexicon(t))
	words := tokens(corpusText(t))
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = s.Stem(w)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, w := range words {
				if got := s.Stem(w); got != want[i] {
					t.Errorf("Stem(%q) = %q concurrently, %q alone", w, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// TestIdempotence checks that stemming a stem of a real word gives it back.
// That holds for Stemmer, whose stems are attested words it would reach
// again, but not for Light, which may cut a stem further (kepegawaian →
// gawai → gawa), so Light's failures are only counted.
func TestIdempotence(t *testing.T) {
	fams := readFamilies(t)
	lex := corpusLexicon(t)
	lex.Add(familyWords(fams)...)
	s, l := New(lex), NewLight(Full)
	lightFailures := 0
	for w := range lex {
		if st := s.Stem(w); s.Stem(st) != st {
			t.Errorf("Stem(%q) = %q, but Stem(%q) = %q", w, st, st, s.Stem(st))
		}
		if st := l.Stem(w); l.Stem(st) != st {
			lightFailures++
		}
	}
	t.Logf("Light is not idempotent on %d of %d words", lightFailures, len(lex))
}
