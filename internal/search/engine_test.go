package search_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"naskah/internal/search"
)

// openShipped opens the index of the content that naskah ships.
func openShipped(t *testing.T) *search.Index {
	t.Helper()
	return openSite(t, os.DirFS("../../content"))
}

// sections lists each hit as "region#section", lowercased.
func sections(res *search.Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Region+"#"+strings.ToLower(h.Section))
	}
	return out
}

// A queryCase is a request and what its hits must be.
type queryCase struct {
	name    string
	req     search.Request
	first   string   // the hit that ranks first ("region#section")
	include []string // hits among the first page
	exclude []string // hits not on it
	none    bool     // no hit at all
}

func (tt queryCase) check(t *testing.T, ix *search.Index) *search.Result {
	t.Helper()
	if tt.req.Size == 0 {
		tt.req.Size = search.MaxSize
	}
	res := run(t, ix, tt.req)
	got := sections(res)
	if tt.none && len(got) > 0 {
		t.Errorf("%q: want no hits, got %v", tt.req.Query, got)
	}
	if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
		t.Errorf("%q: first hit: want %s, got %v", tt.req.Query, tt.first, got)
	}
	for _, w := range tt.include {
		if !contains(got, w) {
			t.Errorf("%q: hits lack %s: %v", tt.req.Query, w, got)
		}
	}
	for _, w := range tt.exclude {
		if contains(got, w) {
			t.Errorf("%q: hits hold %s: %v", tt.req.Query, w, got)
		}
	}
	return res
}

// TestPrefixAsWritten checks that a prefix* is matched against the words as
// written, not their stems, and that one matching too many words is refused.
func TestPrefixAsWritten(t *testing.T) {
	ix := openShipped(t)
	for _, tt := range []queryCase{
		{name: "kepeg* finds kepegawaian", req: search.Request{Query: "kepeg*"}, include: []string{"serang#tantangan dalam pengelolaan kepegawaian"}},
		{name: "pelat* finds pelatihan", req: search.Request{Query: "pelat*"}, first: "serang#pelatihan dan pengembangan asn"},
		{name: "a prefix of a word's inside finds nothing", req: search.Request{Query: "gawai*"}, none: true},
		{name: "a prefix with other words", req: search.Request{Query: "kepeg* beasiswa"}, first: "bandung#aspek-aspek pengelolaan kepegawaian"},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, ix) })
	}
	_, err := ix.Search(context.Background(), search.Request{Query: "pe*"})
	if !search.IsQueryError(err) || !strings.Contains(err.Error(), "terlalu umum") {
		t.Errorf("pe*: %v, want a QueryError that says the prefix is too common", err)
	}
}

// TestAllWordsFirst checks that a section with every word of a query ranks
// above one that lacks one, that Partial says when none has them all, and the
// operators OR, AND and -.
func TestAllWordsFirst(t *testing.T) {
	ix := openShipped(t)
	both := "bandung#aspek-aspek pengelolaan kepegawaian" // pelatihan and beasiswa
	tests := []struct {
		queryCase
		partial bool
	}{
		{queryCase: queryCase{name: "both words first", req: search.Request{Query: "pelatihan beasiswa"}, first: both, include: []string{"serang#pelatihan dan pengembangan asn"}}},
		{queryCase: queryCase{name: "either order", req: search.Request{Query: "beasiswa pelatihan"}, first: both}},
		{queryCase: queryCase{name: "AND is the default", req: search.Request{Query: "pelatihan AND beasiswa"}, first: both}},
		{queryCase: queryCase{name: "exclusion", req: search.Request{Query: "pelatihan -beasiswa"}, exclude: []string{both}, include: []string{"serang#pelatihan dan pengembangan asn"}}},
		{queryCase: queryCase{name: "no section has them all", req: search.Request{Query: "beasiswa cuti"}, include: []string{both, "serang#penerapan teknologi dalam pengelolaan kepegawaian"}}, partial: true},
		{queryCase: queryCase{name: "words near each other rank first", req: search.Request{Query: "seleksi terbuka"}, first: "mamuju#aspek-aspek kebijakan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.check(t, ix)
			if res.Partial != tt.partial {
				t.Errorf("%q: Partial = %v, want %v", tt.req.Query, res.Partial, tt.partial)
			}
		})
	}
	// OR makes the words alternatives: a section with one of them ranks
	// among those with both, where AND puts it below them.
	and := sections(run(t, ix, search.Request{Query: "pelatihan AND rekrutmen", Size: search.MaxSize}))
	or := sections(run(t, ix, search.Request{Query: "pelatihan OR rekrutmen", Size: search.MaxSize}))
	if strings.Join(and, " ") == strings.Join(or, " ") {
		t.Errorf("pelatihan OR rekrutmen ranks as pelatihan AND rekrutmen: %v", or)
	}
	onlyOne := "serang#pelatihan dan pengembangan asn"
	if i, j := position(and, onlyOne), position(or, onlyOne); i < 0 || j < 0 || j >= i {
		t.Errorf("%s, with pelatihan only, is hit %d of AND and %d of OR; want it higher with OR", onlyOne, i, j)
	}
}

func position(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestTypos checks that a misspelt word finds what the word it misspells
// would, says so, and that the literal search turns it off.
func TestTypos(t *testing.T) {
	ix := openShipped(t)
	tests := []struct{ query, corrected string }{
		{"rekruitmen", "rekrutmen"},
		{"pelatiahn", "pelatihan"},
		{"kepegawain", "kepegawaian"},
		{"pegawi", "pegawai"},
		{"pelatiahn beasiswa", "pelatihan beasiswa"},
		{"PELATIAHN", "pelatihan"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			want := run(t, ix, search.Request{Query: tt.corrected, Size: search.MaxSize})
			got := run(t, ix, search.Request{Query: tt.query, Size: search.MaxSize})
			if got.Corrected != tt.corrected || got.Suggestion {
				t.Errorf("Corrected, Suggestion = %q, %v; want %q, false", got.Corrected, got.Suggestion, tt.corrected)
			}
			if got.Total == 0 || got.Total != want.Total {
				t.Errorf("%d hits, want those of %q: %d", got.Total, tt.corrected, want.Total)
			}
			if g, w := sections(got), sections(want); len(g) == 0 || g[0] != w[0] {
				t.Errorf("first hit: want %s's, %v; got %v", tt.corrected, w, g)
			}
			if len(got.Hits) > 0 && !strings.Contains(strings.Join(got.Hits[0].Fragments, " "), "<mark>") {
				t.Errorf("the first hit marks nothing: %q", got.Hits[0].Fragments)
			}
			lit := run(t, ix, search.Request{Query: tt.query, Literal: true})
			if lit.Corrected != "" || strings.Count(tt.query, " ") == 0 && lit.Total != 0 {
				t.Errorf("literal: Corrected %q, %d hits; want none of either", lit.Corrected, lit.Total)
			}
		})
	}
	for _, q := range []string{"pelatihan", "tes", "rekrutmen", "karir"} {
		if res := run(t, ix, search.Request{Query: q}); res.Corrected != "" {
			t.Errorf("%q is corrected to %q", q, res.Corrected)
		}
	}
}

// TestTypoSuggestion checks that a word with a few hits of its own is offered
// a correction with many more, whose hits rank below its own.
func TestTypoSuggestion(t *testing.T) {
	ix := openSite(t, fstest.MapFS{
		"_index.md":   file("---\ntitle: Uji\n---\n"),
		"a/_index.md": file("---\nname: Alpha\nkind: kota\n---\n"),
		"a/p/v1.md":   file(typoPolicy()),
	})
	res := run(t, ix, search.Request{Query: "pelatiahn", Size: search.MaxSize})
	if res.Corrected != "pelatihan" || !res.Suggestion {
		t.Fatalf("Corrected, Suggestion = %q, %v; want pelatihan, true", res.Corrected, res.Suggestion)
	}
	got := sections(res)
	if len(got) < 3 || got[0] != "a#salah ketik" {
		t.Errorf("hits %v: want the section of the word as written first, then those of its correction", got)
	}
}

// typoPolicy has a section that misspells pelatihan, and many that do not.
func typoPolicy() string {
	var b strings.Builder
	b.WriteString("---\ntitle: Uji Salah Ketik\n---\n\n## Salah Ketik\n\nNaskah ini menulis pelatiahn sekali.\n")
	for i := range 12 {
		fmt.Fprintf(&b, "\n## Bagian %d\n\nPelatihan ke-%d bagi pegawai.\n", i+1, i+1)
	}
	return b.String()
}

// TestStopWordsOnly checks that a query of stop words only is answered, with
// no hits and an explanation, rather than refused.
func TestStopWordsOnly(t *testing.T) {
	ix := openShipped(t)
	for _, q := range []string{"di", "dan yang", `"di"`} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Errorf("%q: %v", q, err)
			continue
		}
		if res.Total != 0 || len(res.StopWords) == 0 || !strings.Contains(res.Message, "terlalu umum") {
			t.Errorf("%q: %d hits, stop words %q, message %q", q, res.Total, res.StopWords, res.Message)
		}
	}
	if res := run(t, ix, search.Request{Query: "cuti di"}); res.Total == 0 || res.StopWords != nil {
		t.Errorf("cuti di: %d hits, stop words %q; want the hits of cuti", res.Total, res.StopWords)
	}
}

// TestNamesKeptWhole checks that a region's name is not stemmed into a
// common word, nor a common word into the name.
func TestNamesKeptWhole(t *testing.T) {
	ix := openSite(t, namesFixture)
	for _, tt := range []queryCase{
		{name: "serang finds the city, not the attacked", req: search.Request{Query: "serang"}, first: "serang#pegawai", exclude: []string{"gamma#pos jaga"}},
		{name: "menyerang finds diserang, not the city", req: search.Request{Query: "menyerang"}, include: []string{"gamma#pos jaga"}, exclude: []string{"serang#pegawai"}},
		{name: "serangan finds menyerang", req: search.Request{Query: "serangan"}, include: []string{"gamma#pos jaga"}, exclude: []string{"serang#pegawai"}},
		{name: "a name inflected is the name", req: search.Request{Query: "Serangnya"}, first: "serang#pegawai", exclude: []string{"gamma#pos jaga"}},
		{name: "pemalang is no form of malang", req: search.Request{Query: "malang"}, include: []string{"gamma#pos jaga"}, exclude: []string{"pemalang#pegawai"}},
		{name: "pemalang finds pemalang", req: search.Request{Query: "pemalang"}, first: "pemalang#pegawai", exclude: []string{"gamma#pos jaga"}},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, ix) })
	}
}

var namesFixture = fstest.MapFS{
	"_index.md":        file("---\ntitle: Uji Nama\n---\n"),
	"serang/_index.md": file("---\nname: Serang\nkind: kota\n---\n"),
	"serang/kebijakan/v1.md": file(`---
title: Kebijakan Kota Serang
---

## Pegawai

Pegawai Kota Serang dilatih setiap tahun. Pelatihan di Serangnya pun rutin.
`),
	"pemalang/_index.md": file("---\nname: Pemalang\nkind: kabupaten\n---\n"),
	"pemalang/kebijakan/v1.md": file(`---
title: Kebijakan Kabupaten Pemalang
---

## Pegawai

Pegawai Kabupaten Pemalang dilatih setiap tahun.
`),
	"gamma/_index.md": file("---\nname: Gamma\nkind: kota\n---\n"),
	"gamma/kebijakan/v1.md": file(`---
title: Kebijakan Keamanan
---

## Pos Jaga

Pos jaga yang diserang harus dilaporkan. Petugas tidak boleh menyerang warga
yang malang.
`),
}

// TestThesaurusShipped checks that the queries of issue 17 find sensible
// sections of the shipped content through the thesaurus, and that fragments
// mark what the thesaurus added.
func TestThesaurusShipped(t *testing.T) {
	ix := openShipped(t)
	tests := []struct {
		queryCase
		mark string // a marked word of the first hit's fragments
	}{
		{queryCase{name: "PPPK", req: search.Request{Query: "PPPK"}, include: []string{"contoh#pengadaan"}}, "ASN"},
		{queryCase{name: "honorer", req: search.Request{Query: "honorer"}, first: "contoh#menetapkan", include: []string{"contoh#menimbang"}}, "PENGADAAN"},
		{queryCase{name: "naik pangkat", req: search.Request{Query: "naik pangkat"}, first: "contoh#layanan kepegawaian daring", include: []string{"tanjungbalai#tujuan kebijakan pengelolaan kepegawaian"}}, "kenaikan"},
		{queryCase{name: "kuliah lagi", req: search.Request{Query: "kuliah lagi"}, first: "bandung#aspek-aspek pengelolaan kepegawaian"}, "lanjut"},
		{queryCase{name: "ujian masuk CPNS", req: search.Request{Query: "ujian masuk CPNS"}, first: "mamuju#aspek-aspek kebijakan", include: []string{"contoh#pengadaan"}}, "rekrutmen"},
		{queryCase{name: "gaji", req: search.Request{Query: "gaji"}, first: "mamuju#pendahuluan"}, "kesejahteraan"},
		{queryCase{name: "pengaduan", req: search.Request{Query: "pengaduan"}, first: "pematangsiantar#keterlibatan masyarakat"}, "keluhan"},
		{queryCase{name: "mutasi", req: search.Request{Query: "mutasi"}, none: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.check(t, ix)
			if tt.mark != "" && len(res.Hits) > 0 && !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>"+tt.mark+"</mark>") {
				t.Errorf("fragments of the first hit do not mark %s: %q", tt.mark, res.Hits[0].Fragments)
			}
			if res.Partial {
				t.Errorf("Partial: every unit has hits through the thesaurus")
			}
		})
	}
}

// TestThesaurusWeights checks that an abbreviation finds its expansion and the
// expansion the abbreviation, the words as written first, and that a site's
// thesaurus adds entries, overrides the built-in ones and lists names.
func TestThesaurusWeights(t *testing.T) {
	ix := openSite(t, thesaurusFixture)
	for _, tt := range []queryCase{
		{name: "ASN finds aparatur sipil negara", req: search.Request{Query: "ASN"}, first: "alpha#singkatan", include: []string{"alpha#kepanjangan"}},
		{name: "aparatur sipil negara finds ASN", req: search.Request{Query: "aparatur sipil negara"}, first: "alpha#kepanjangan", include: []string{"alpha#singkatan"}},
		{name: "a quoted expansion finds the abbreviation", req: search.Request{Query: `"aparatur sipil negara"`}, first: "alpha#kepanjangan", include: []string{"alpha#singkatan"}},
		{name: "diklat finds pelatihan below itself", req: search.Request{Query: "diklat"}, first: "alpha#diklat", include: []string{"alpha#pelatihan"}},
		{name: "pelatihan finds diklat below itself", req: search.Request{Query: "pelatihan"}, first: "alpha#pelatihan", include: []string{"alpha#diklat"}},
		{name: "a near-synonym is one way", req: search.Request{Query: "kesejahteraan"}, first: "alpha#kesejahteraan", exclude: []string{"alpha#gaji"}},
		{name: "the site adds an entry", req: search.Request{Query: "magang"}, first: "alpha#praktik"},
		{name: "the site overrides the built-in entry", req: search.Request{Query: "gaji"}, first: "alpha#gaji", include: []string{"alpha#honorarium"}, exclude: []string{"alpha#kesejahteraan"}},
		{name: "the site's names are kept whole", req: search.Request{Query: "Penanggungan"}, first: "alpha#nama", exclude: []string{"alpha#tanggung jawab"}},
		{name: "no word is stemmed into a site's name", req: search.Request{Query: "tanggung"}, first: "alpha#tanggung jawab", exclude: []string{"alpha#nama"}},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, ix) })
	}
	// The expansion of a phrase is marked where it stands whole, not word by word.
	res := run(t, ix, search.Request{Query: "ASN"})
	for _, h := range res.Hits {
		if h.Section == "Kepanjangan" && !strings.Contains(h.Fragments[0], "<mark>Aparatur</mark> <mark>Sipil</mark> <mark>Negara</mark>") {
			t.Errorf("fragment %q does not mark the expansion", h.Fragments[0])
		}
		if h.Section == "Kepanjangan" && strings.Contains(h.Fragments[0], "<mark>negara</mark>") {
			t.Errorf("fragment %q marks negara alone", h.Fragments[0])
		}
	}
}

var thesaurusFixture = fstest.MapFS{
	"_index.md": file("---\ntitle: Uji Tesaurus\n---\n"),
	"_sinonim.txt": file(`# tesaurus situs uji
magang = praktik kerja lapangan
gaji = honorarium
[nama]
Penanggungan
`),
	"alpha/_index.md": file("---\nname: Alpha\nkind: kota\n---\n"),
	"alpha/kebijakan/v1.md": file(`---
title: Kebijakan Uji
---

## Singkatan

Setiap ASN menaati kebijakan ini.

## Kepanjangan

Setiap Aparatur Sipil Negara mengabdi kepada negara.

## Diklat

Diklat diselenggarakan setiap tahun.

## Pelatihan

Pelatihan diselenggarakan setiap bulan.

## Gaji

Gaji dibayar setiap bulan.

## Honorarium

Honorarium narasumber dibayar sekali.

## Kesejahteraan

Kesejahteraan keluarga diperhatikan.

## Praktik

Praktik kerja lapangan bagi siswa.

## Nama

Gunung Penanggungan di kota ini.

## Tanggung Jawab

Pegawai bertanggung jawab atas tugasnya.
`),
}
