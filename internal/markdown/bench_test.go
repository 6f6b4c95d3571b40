package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// benchWords are the words of the generated benchmark document.
const benchWords = `pemerintah daerah kebijakan pengelolaan
kepegawaian aparatur sipil negara pelayanan publik anggaran pendapatan
belanja pembangunan perencanaan pengawasan evaluasi kinerja masyarakat
peraturan bupati gubernur wali kota dinas badan sekretariat program kegiatan
strategis prioritas tahun berjalan sesuai ketentuan perundang-undangan
dalam rangka meningkatkan kualitas efektivitas efisiensi transparansi
akuntabilitas partisipasi koordinasi sinergi antarperangkat wilayah desa
kelurahan kecamatan kabupaten provinsi indikator sasaran capaian target`

// benchDoc returns a Markdown document of about 1,700 words in 8 sections,
// with the mix of blocks a typical policy document has.
func benchDoc() string {
	vocab := strings.Fields(benchWords)
	var b strings.Builder
	w := 0
	words := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = vocab[(w*7+i*3)%len(vocab)]
			w++
		}
		return strings.Join(s, " ")
	}
	fmt.Fprintf(&b, "%s.\n\n", words(30))
	for sec := 1; sec <= 8; sec++ {
		fmt.Fprintf(&b, "## Bab %d %s\n\n", sec, words(3))
		for p := 1; p <= 4; p++ {
			fmt.Fprintf(&b, "%s **%s** %s,\n%s [%s](https://jdih.example/%d) %s.\n\n",
				words(12), words(2), words(12), words(10), words(2), p, words(8))
		}
		if sec%2 == 0 {
			fmt.Fprintf(&b, "### Rincian %s\n\n", words(2))
			b.WriteString("| Indikator | Target | Capaian |\n|---|---:|---:|\n")
			for r := range 3 {
				fmt.Fprintf(&b, "| %s | %d%% | %d%% |\n", words(3), 80+r, 70+r)
			}
			b.WriteString("\n")
		} else {
			for range 4 {
				fmt.Fprintf(&b, "- %s\n", words(6))
			}
			fmt.Fprintf(&b, "\n%s[^%d].\n\n", words(10), sec)
		}
	}
	for sec := 1; sec <= 8; sec += 2 {
		fmt.Fprintf(&b, "[^%d]: %s.\n", sec, words(8))
	}
	return b.String()
}

func TestBenchDocSize(t *testing.T) {
	res, err := New(Options{}).Render([]byte(benchDoc()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Fields(res.Text)); n < 1500 || n > 1900 {
		t.Errorf("benchmark document has %d words, want about 1,700", n)
	}
	if n := len(res.Sections); n != 9 {
		t.Errorf("benchmark document has %d sections, want 9 (preamble and 8)", n)
	}
}

func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	src := []byte(benchDoc())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(src); err != nil {
			b.Fatal(err)
		}
	}
}
