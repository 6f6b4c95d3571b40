package search_test

import (
	"os"
	"strings"
	"testing"

	"naskah/internal/search"
)

// siteFixture is internal/build's fixture site, whose Kabupaten Contoh has a
// regulation in two versions (contoh/peraturan-uji).
const siteFixture = "../build/testdata/site"

// openSiteFixture builds internal/build's fixture site and opens its index.
func openSiteFixture(t *testing.T) *search.Index {
	t.Helper()
	return openSite(t, os.DirFS(siteFixture))
}

// TestPasalWithPenjelasan checks that a regulation's documents are its Pasal:
// a word found only in the penjelasan of Pasal 4 finds Pasal 4, named and
// linked as such, and no penjelasan of a Pasal is a hit of its own.
func TestPasalWithPenjelasan(t *testing.T) {
	ix := openSiteFixture(t)
	res := run(t, ix, search.Request{Query: "dilamar"})
	if len(res.Hits) == 0 {
		t.Fatal("a word of the penjelasan of Pasal 4 finds nothing")
	}
	h := res.Hits[0]
	if h.Section != "Pasal 4" || h.URL != "/contoh/peraturan-uji/#pasal-4" || h.Version != "v2" {
		t.Errorf("first hit = %s %s %s, want Pasal 4 of the version in force", h.Version, h.Section, h.URL)
	}
	if frag := strings.Join(h.Fragments, " "); !strings.Contains(frag, "<mark>dilamar</mark>") {
		t.Errorf("fragments %q do not mark the word of the penjelasan", h.Fragments)
	}
	for _, q := range []string{"jelas", "penjelasan", "pembangunan jangka menengah", "seleksi kompetensi"} {
		res := run(t, ix, search.Request{Query: q, AllVersions: true, Size: search.MaxSize})
		if len(res.Hits) == 0 {
			t.Errorf("%q finds nothing", q)
		}
		for _, h := range res.Hits {
			if strings.HasPrefix(h.Section, "Penjelasan Pasal") {
				t.Errorf("%q: the penjelasan of a Pasal is a hit of its own: %+v", q, h)
			}
		}
	}
	umum := run(t, ix, search.Request{Query: "perencanaan kebutuhan sampai pengumuman"})
	if !contains(where(umum), "contoh/peraturan-uji@v2#penjelasan umum") {
		t.Errorf("the Penjelasan Umum is not a document of its own: %v", where(umum))
	}
}
