package stemmer

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestLightLucenePairs checks the word and stem pairs that Lucene's tests
// assert for its Indonesian light stemmer.
func TestLightLucenePairs(t *testing.T) {
	f, err := os.Open("testdata/lucene-light-pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	modes := map[string]*Light{"full": NewLight(Full), "inflectional": NewLight(Inflectional)}
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 1 || len(fields) == 0 || fields[0] == "" {
			continue // header or blank line
		}
		if len(fields) != 3 || modes[fields[2]] == nil {
			t.Fatalf("line %d: malformed %q", line, sc.Text())
		}
		word, want, mode := fields[0], fields[1], fields[2]
		if got := modes[mode].Stem(word); got != want {
			t.Errorf("NewLight(%s).Stem(%q) = %q, want %q", mode, word, got, want)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Errorf("read %d pairs, want at least 60", n)
	}
}

// TestLight checks cases the Lucene pairs leave out.
func TestLight(t *testing.T) {
	tests := []struct {
		mode Mode
		word string
		want string
	}{
		{Full, "", ""},
		{Full, "buku", "buku"},         // two syllables
		{Full, "nilai", "nila"},        // the light stemmer cannot tell -i from a root
		{Full, "penilaian", "tilai"},   // nor pen- before a vowel from pe-n
		{Full, "pegawai", "gawa"},      // pe- and -i
		{Full, "kepegawaian", "gawai"}, // ke-, pe- and -an
		{Full, "kebijakan", "bijak"},
		{Full, "menyusun", "susun"},
		{Full, "kenaikan", "naik"},     // -kan after ke- is -an
		{Full, "penyrukan", "rukan"},   // peny- before a consonant
		{Full, "berhenti", "henti"},    // -i after ber- stays
		{Full, "pekerjaan", "kerja"},   // pe- and -an
		{Full, "mengkritik", "kritik"}, // meng- before a consonant
		{Inflectional, "pegawainya", "pegawai"},
		{Inflectional, "penilaian", "penilaian"},
	}
	for _, tt := range tests {
		if got := NewLight(tt.mode).Stem(tt.word); got != tt.want {
			t.Errorf("NewLight(%d).Stem(%q) = %q, want %q", tt.mode, tt.word, got, tt.want)
		}
	}
}
