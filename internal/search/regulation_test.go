package search_test

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

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
	if len(h.Fragments) != 1 || !strings.HasPrefix(h.Fragments[0], "Penjelasan Pasal 4: ") || !strings.Contains(h.Fragments[0], "<mark>dilamar</mark>") {
		t.Errorf("fragments %q do not mark the word of the penjelasan after its heading", h.Fragments)
	}
	both := run(t, ix, search.Request{Query: "seleksi kompetensi bidang"})
	if h := both.Hits[0]; h.Section != "Pasal 4" || len(h.Fragments) != 2 || strings.HasPrefix(h.Fragments[0], "Penjelasan") ||
		!strings.HasPrefix(h.Fragments[1], "Penjelasan Pasal 4: <mark>Seleksi</mark>") {
		t.Errorf("a match in the Pasal and its penjelasan: %s %q, want the Pasal's fragment, then the penjelasan's", h.Section, h.Fragments)
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

// TestCitation asks for units and instruments of the fixture by citation: the
// answer leads to the deepest unit cited that the instrument has, and the hit
// of its Pasal comes first, of whichever version the instrument is.
func TestCitation(t *testing.T) {
	ix := openSiteFixture(t)
	const (
		v1 = "Peraturan Bupati Contoh Nomor 3 Tahun 2024 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh"
		v2 = "Peraturan Bupati Contoh Nomor 8 Tahun 2025 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh"
	)
	reg := func(version, unit, cite string) *search.Direct {
		d := &search.Direct{Region: "contoh", Policy: "peraturan-uji", Version: version, Unit: unit, Cite: cite,
			URL: "/contoh/peraturan-uji/" + version + "/"}
		if unit != "" {
			d.URL += "#" + unit
		}
		return d
	}
	missing := func(d *search.Direct, m string) *search.Direct { d.Missing = m; return d }
	tests := []struct {
		q     string
		all   bool
		want  *search.Direct
		first string // the hit that comes first, as where writes it
		frag  string // how its fragment starts
	}{
		{q: "Pasal 4 ayat (2) Perbup Contoh 3/2024", want: reg("v1", "pasal-4-ayat-2", "Pasal 4 ayat (2) "+v1),
			first: "contoh/peraturan-uji@v1#pasal 4", frag: "(2) Seleksi kompetensi bidang"},
		{q: "Pasal 4 ayat (2) Perbup Contoh 3/2024", all: true, want: reg("v1", "pasal-4-ayat-2", "Pasal 4 ayat (2) "+v1),
			first: "contoh/peraturan-uji@v1#pasal 4"},
		{q: "perbup contoh nomor 8 tahun 2025 pasal 4", want: reg("v2", "pasal-4", "Pasal 4 "+v2),
			first: "contoh/peraturan-uji@v2#pasal 4", frag: "(1) Seleksi Pegawai terdiri atas"},
		{q: "perbup contoh nomor 8 tahun 2025 pasal 4", all: true, want: reg("v2", "pasal-4", "Pasal 4 "+v2),
			first: "contoh/peraturan-uji@v2#pasal 4"},
		{q: "pasal 4 ayat 1 huruf b perbup 8/2025", want: reg("v2", "pasal-4-ayat-1-huruf-b", "Pasal 4 ayat (1) huruf b "+v2),
			first: "contoh/peraturan-uji@v2#pasal 4", frag: "b. seleksi kompetensi dasar"},
		{q: "Pasal 4 ayat (2) huruf b angka 1 Peraturan Bupati Contoh Nomor 3 Tahun 2024",
			want:  reg("v1", "pasal-4-ayat-2-huruf-b-subangka-1", "Pasal 4 ayat (2) huruf b angka 1) "+v1),
			first: "contoh/peraturan-uji@v1#pasal 4", frag: "1) praktik kerja lapangan"},
		{q: "pasal 1 angka 3 perbup contoh 3/2024", want: reg("v1", "pasal-1-angka-3", "Pasal 1 angka 3 "+v1),
			first: "contoh/peraturan-uji@v1#pasal 1", frag: "3. Pegawai adalah"},
		{q: "Pasal 7 Perbup Contoh 3/2024", want: reg("v1", "pasal-7", "Pasal 7 "+v1), first: "contoh/peraturan-uji@v1#pasal 7"},
		{q: "Pasal 4A Perbup Contoh 8/2025", want: reg("v2", "pasal-4a", "Pasal 4A "+v2), first: "contoh/peraturan-uji@v2#pasal 4a"},
		{q: "Pasal 4 ayat (5) perbup contoh 3/2024", want: missing(reg("v1", "pasal-4", "Pasal 4 "+v1), "Pasal 4 ayat (5)"),
			first: "contoh/peraturan-uji@v1#pasal 4"},
		{q: "Pasal 99 perbup contoh 3/2024", want: missing(reg("v1", "", v1), "Pasal 99")},
		{q: "perbup contoh 3/2024", want: reg("v1", "", v1)},
		{q: "Peraturan Bupati Contoh Nomor 8 Tahun 2025 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh", want: reg("v2", "", v2)},
		{q: "perbup contoh 1/2025", want: &search.Direct{Region: "contoh", Policy: "kebijakan-uji", Version: "2025-03",
			Cite: "Peraturan Bupati Contoh Nomor 1 Tahun 2025 tentang Kebijakan Uji Kepegawaian", URL: "/contoh/kebijakan-uji/2025-03/"}},
		{q: "Pasal 2 perbup contoh 1/2025", want: &search.Direct{Region: "contoh", Policy: "kebijakan-uji", Version: "2025-03",
			Cite: "Peraturan Bupati Contoh Nomor 1 Tahun 2025 tentang Kebijakan Uji Kepegawaian", URL: "/contoh/kebijakan-uji/2025-03/", Missing: "Pasal 2"}},
		{q: "perwal uji 2/2020", want: &search.Direct{Region: "kota-uji", Policy: "aturan-lama", Version: "v1",
			Cite: "Peraturan Wali Kota Uji Nomor 2 Tahun 2020 tentang Aturan Lama", URL: "/kota-uji/aturan-lama/v1/"}},
		// A number without its year is enough when it names one instrument.
		{q: "Pasal 4 ayat (2) Perbup Contoh Nomor 3", want: reg("v1", "pasal-4-ayat-2", "Pasal 4 ayat (2) "+v1),
			first: "contoh/peraturan-uji@v1#pasal 4"},
		{q: "Pasal 4 ayat (2) Perbup Contoh 3/2025"}, // no such instrument
		{q: "Pasal 4 ayat (2) Perwal Contoh 3/2024"}, // nor of that form
		{q: "Pasal 4 ayat (2) Perbup Mamuju 3/2024"}, // nor of that region
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := run(t, ix, search.Request{Query: tt.q, AllVersions: tt.all, Size: search.MaxSize})
			if !res.Cited {
				t.Error("the query is not read as a citation")
			}
			if diff := cmp.Diff(tt.want, res.Direct); diff != "" {
				t.Errorf("Direct (-want +got):\n%s", diff)
			}
			got := where(res)
			if tt.first == "" {
				if tt.want == nil && len(got) == 0 {
					t.Error("a citation that leads nowhere finds nothing: it should be searched as words")
				}
				return
			}
			if len(got) == 0 || got[0] != tt.first {
				t.Fatalf("first hit: want %s, got %v", tt.first, got)
			}
			if slices.Contains(got[1:], tt.first) {
				t.Errorf("the first hit comes again: %v", got)
			}
			h := res.Hits[0]
			wantURL := "/contoh/peraturan-uji/" + h.Version + "/#" + strings.ReplaceAll(strings.ToLower(h.Section), " ", "-")
			if h.Version == "v2" { // in force
				wantURL = "/contoh/peraturan-uji/#" + strings.ReplaceAll(strings.ToLower(h.Section), " ", "-")
			}
			if h.URL != wantURL {
				t.Errorf("first hit's URL %s, want %s", h.URL, wantURL)
			}
			if tt.frag != "" && (len(h.Fragments) == 0 || !strings.HasPrefix(h.Fragments[0], tt.frag)) {
				t.Errorf("first hit's fragments %q, want the first to start %q", h.Fragments, tt.frag)
			}
			if res.Total != len(res.Hits) && len(res.Hits) < search.MaxSize {
				t.Errorf("total %d, but %d hits on the only page", res.Total, len(res.Hits))
			}
		})
	}
}

// regulation is the body of a small regulation of the form (perbup) and
// number given, with a Pasal 1 of two ayat.
func regulation(title, number string) *fstest.MapFile {
	return file("---\ntitle: " + title + "\ndate: 2025-01\nform: peraturan\ntype: perbup\nnumber: \"" + number + "\"\nyear: 2025\ntags: [kehadiran]\n---\n\n" +
		"## Menimbang\na. bahwa perlu mengatur " + strings.ToLower(title) + ";\n\n" +
		"## Menetapkan\nPERATURAN BUPATI TENTANG " + strings.ToUpper(title) + ".\n\n" +
		"### Pasal 1\n(1) Pegawai wajib hadir tepat waktu.\n(2) Pegawai wajib mengisi daftar hadir.\n\n" +
		"### Pasal 2\nKetentuan lain ditetapkan kemudian.\n\n" +
		"## Penutup\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n")
}

// twins is a site whose instruments share numbers: two regions have a Perbup
// 1/2025 each, and one region has two of number 2, a regulation and prose.
var twins = fstest.MapFS{
	"_index.md":             file("---\ntitle: Kembar\n---\n"),
	"alpha/_index.md":       file("---\nname: Alpha\nkind: kabupaten\n---\n"),
	"alpha/kehadiran/v1.md": regulation("Kehadiran Pegawai", "1"),
	"alpha/jam-kerja/v1.md": regulation("Jam Kerja", "2"),
	"alpha/pedoman/v1.md":   file("---\ntitle: Pedoman Kehadiran\ntype: perbup\nnumber: \"2\"\nyear: 2025\n---\n\n## Umum\n\nPegawai hadir tepat waktu.\n"),
	"beta/_index.md":        file("---\nname: Beta\nkind: kabupaten\n---\n"),
	"beta/kehadiran/v1.md":  regulation("Kehadiran Aparatur", "1"),
	"beta/lain/v1.md":       file("---\ntitle: Hal Lain\n---\n\n## Umum\n\nPegawai wajib hadir di kantor.\n"),
}

// TestCitationOfTwins checks how a citation that fits more than one
// instrument is answered: the region or the unit tells them apart, and if
// nothing does, the answer leads nowhere but lists them.
func TestCitationOfTwins(t *testing.T) {
	ix := openSite(t, twins)
	directs := func(ds ...*search.Direct) []string {
		var out []string
		for _, d := range ds {
			if d != nil {
				out = append(out, d.Region+"/"+d.Policy+"#"+d.Unit)
			}
		}
		return out
	}
	tests := []struct {
		q          string
		direct     string
		candidates []string
	}{
		{q: "perbup 1/2025", candidates: []string{"alpha/kehadiran#", "beta/kehadiran#"}},
		{q: "pasal 1 ayat 2 perbup 1/2025", candidates: []string{"alpha/kehadiran#", "beta/kehadiran#"}},
		{q: "pasal 1 ayat 2 perbup alpha 1/2025", direct: "alpha/kehadiran#pasal-1-ayat-2"},
		{q: "Peraturan Bupati Beta Nomor 1 Tahun 2025", direct: "beta/kehadiran#"},
		{q: "perbup kabupaten beta 1/2025 pasal 2", direct: "beta/kehadiran#pasal-2"},
		{q: "perbup alpha 2/2025", candidates: []string{"alpha/jam-kerja#", "alpha/pedoman#"}},
		{q: "pasal 1 perbup alpha 2/2025", direct: "alpha/jam-kerja#pasal-1"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := run(t, ix, search.Request{Query: tt.q})
			if got := strings.Join(directs(res.Direct), ""); got != tt.direct {
				t.Errorf("Direct %q, want %q", got, tt.direct)
			}
			var got []string
			for i := range res.Candidates {
				got = append(got, directs(&res.Candidates[i])...)
			}
			if diff := cmp.Diff(tt.candidates, got); diff != "" {
				t.Errorf("Candidates (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCitationWithFilters checks that the hit of a cited Pasal comes first
// only among hits that pass the filters, and that the answer leads to the unit
// all the same.
func TestCitationWithFilters(t *testing.T) {
	ix := openSite(t, twins)
	const q = "pasal 1 ayat 2 perbup alpha 1/2025"
	for _, r := range []search.Request{{Query: q, Regions: []string{"beta"}}, {Query: q, Tag: "pelatihan"}, {Query: q, Status: "diganti", AllVersions: true}} {
		res, err := ix.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if res.Direct == nil || res.Direct.Unit != "pasal-1-ayat-2" {
			t.Errorf("%+v: Direct %+v", r, res.Direct)
		}
		if slices.Contains(where(res), "alpha/kehadiran@v1#pasal 1") {
			t.Errorf("%+v: a hit that the filters leave out comes first: %v", r, where(res))
		}
	}
	res := run(t, ix, search.Request{Query: q, Regions: []string{"alpha"}})
	if got := where(res); len(got) == 0 || got[0] != "alpha/kehadiran@v1#pasal 1" {
		t.Errorf("within the region the Pasal does not come first: %v", got)
	}
}

// TestCitationPaging checks that the hit of the cited Pasal takes the first
// place of the first page only: pages of one hit list what one page of all
// does, each hit once, and the total counts it.
func TestCitationPaging(t *testing.T) {
	for name, site := range map[string]fs.FS{"twins": twins, "fixture": os.DirFS(siteFixture)} {
		ix := openSite(t, site)
		for _, q := range []string{"pasal 1 ayat 2 perbup alpha 1/2025", "Pasal 4 ayat (2) Perbup Contoh 3/2024", "perbup contoh nomor 8 tahun 2025 pasal 4"} {
			for _, all := range []bool{false, true} {
				whole := run(t, ix, search.Request{Query: q, AllVersions: all, Size: search.MaxSize})
				if whole.Direct == nil {
					continue // a citation of the other site
				}
				if whole.Total != len(whole.Hits) {
					t.Fatalf("%s %q: total %d, %d hits on one page", name, q, whole.Total, len(whole.Hits))
				}
				var paged []string
				for page := 1; page <= whole.Total; page++ {
					res := run(t, ix, search.Request{Query: q, AllVersions: all, Size: 1, Page: page})
					if res.Total != whole.Total {
						t.Errorf("%s %q page %d: total %d, want %d", name, q, page, res.Total, whole.Total)
					}
					paged = append(paged, where(res)...)
				}
				if diff := cmp.Diff(where(whole), paged); diff != "" {
					t.Errorf("%s %q (all versions: %t): pages of one differ from one page (-whole +paged):\n%s", name, q, all, diff)
				}
			}
		}
	}
}
