package search

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// tokenizerCases hold the ways in which text can join or split words.
var tokenizerCases = []string{
	"",
	"   ",
	"Pegawai Negeri Sipil (PNS) wajib mengikuti pelatihan.",
	"Pasal 5 ayat (1) huruf a, b, dan c; lihat juga Pasal 10:",
	"Rp1.000.000,00 per bulan, 3,5 persen, 2024/2025, 10-12 Januari",
	"e-KTP, PP 11/2017, UU No. 5 Tahun 2014, a.n. Bupati, dll.",
	"don't rock'n'roll l'état 1'000 12:30 a:b",
	"snake_case _awal akhir_ __ 1_000 a_1",
	"abc123 123abc e2e ASN2024",
	"naïve café Ibu Kota Nusantara — “kutipan” ‘tunggal’ … ½ ²",
	"日本語のテキスト 中文 한국어 ภาษาไทย",
	"a\u0301b \u0301awal akhir\u0301 \u200bnol\u200d \u00adlunak",
	"baris\r\nbaru\nlagi\rdan\vvertikal\ftab\tspasi",
	"\x00\x01 kontrol \x7f ~!@#$%^&*()+={}[]|\\<>?/\"`",
	"\xff\xfe rusak \xc3",
	"😀 emoji 👍🏽 🇮🇩 bendera",
	"1.a a.1 1,a a,1 a.b.c 1.2.3 a..b 1..2 a'.b .5 5. 'a a'",
}

func TestWordTokenizerMatchesUnicode(t *testing.T) {
	for _, text := range tokenizerCases {
		checkTokens(t, text)
	}
}

func FuzzWordTokenizer(f *testing.F) {
	for _, text := range tokenizerCases {
		f.Add(text)
	}
	f.Fuzz(checkTokens)
}

// checkTokens checks that wordTokenizer splits text as bleve's unicode tokenizer.
func checkTokens(t *testing.T, text string) {
	want := unicodetok.NewUnicodeTokenizer().Tokenize([]byte(text))
	got := wordTokenizer{}.Tokenize([]byte(text))
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmp.Comparer(func(a, b []byte) bool { return string(a) == string(b) })); diff != "" {
		t.Errorf("Tokenize(%q) (-want +got):\n%s", text, diff)
	}
}

var _ analysis.Tokenizer = wordTokenizer{}
