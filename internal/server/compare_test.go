package server

import (
	"regexp"
	"strings"
	"testing"

	"naskah/internal/catalog"
	"naskah/internal/compare"
)

func TestCompare(t *testing.T) {
	s := newTestServer(t)
	const versions = "/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji@2025-03"
	const regions = "/bandingkan?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama@v1"
	tests := []struct {
		target    string
		status    int
		want, not []string
	}{
		{"/api/v1/compare?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", 200, []string{`"a":{"region":"contoh","policy":"kebijakan-uji","version":"2024-01"`, `"b":{"region":"contoh","policy":"kebijakan-uji","version":"2025-03"`, `"sections":[`, `"op":"insert"`, `"similarity":`, `"stats":{"words_added":`, `"sections_changed":`}, nil},
		{"/api/v1/compare?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama@v1", 200, []string{`"status":"added"`, `"status":"removed"`}, nil},
		{"/api/v1/compare?a=contoh/kebijakan-uji", 400, []string{`"bad_request"`, "b harus"}, nil},
		{"/api/v1/compare?a=contoh&b=contoh/kebijakan-uji", 400, []string{"a harus"}, nil},
		{"/api/v1/compare?a=contoh/kebijakan-uji@../x&b=contoh/kebijakan-uji", 400, []string{"a harus"}, nil},
		{"/api/v1/compare?a=tidak-ada/x&b=contoh/kebijakan-uji", 404, []string{`daerah \"tidak-ada\"`}, nil},
		{"/api/v1/compare?a=contoh/x&b=contoh/kebijakan-uji", 404, []string{`kebijakan \"x\"`}, nil},
		{"/api/v1/compare?a=contoh/kebijakan-uji@v9&b=contoh/kebijakan-uji", 404, []string{`versi \"v9\"`}, nil},
		// Two versions: side by side by default, old and new, a section's
		// anchor its own id, the old anchor kept.
		{versions, 200, []string{
			`class="diff-side"`, `aria-current="page">Berdampingan`, "<ins>", "<del>", "Ditambahkan", "Kata dihapus",
			`<h2 id="aspek-aspek-kebijakan">`, `href="#aspek-aspek-kebijakan"`, `id="bagian_0"`,
			`href="/contoh/kebijakan-uji/2025-03/#aspek-aspek-kebijakan"`, "A: Kabupaten Contoh (fiktif), versi 2024-01", "B: Kabupaten Contoh (fiktif), versi 2025 Perubahan",
			`<dt><del>contoh</del></dt>`,
		}, []string{`<h2 id="bagian_`}},
		{versions + "&view=side", 200, []string{`class="diff-side"`, `aria-current="page">Berdampingan`}, nil},
		{versions + "&view=kata", 200, []string{`<div class="diff">`, `aria-current="page">Perbedaan kata`, `name="view" value="kata"`}, []string{`class="diff-side"`}},
		{versions + "&view=inline", 200, []string{`<div class="diff">`, `aria-current="page">Perbedaan kata`}, nil},
		// Two regions, in their own words.
		{regions, 200, []string{
			`class="diff-side"`, "Hanya di Kabupaten Contoh", "Hanya di Kota Uji", "Kata hanya di Kota Uji",
			"bagian berpasangan", "Baca di Kota Uji", "Tidak ada di ", "A: Kabupaten Contoh (fiktif), versi 2025 Perubahan", "B: Kota Uji, versi v1",
		}, []string{"<del>", "<ins>", "Dihapus", "Ditambahkan", "sebelumnya berjudul", "Kata ditambahkan", "(lama)", "(baru)"}},
		{regions + "&view=kata", 200, []string{`<mark class="only">`, "[hanya di naskah ini:]"}, []string{"<del>", "<ins>"}},
		// The form: empty without an error, a version chosen alone without one.
		{"/bandingkan?a=contoh/kebijakan-uji", 200, []string{"Pilih dua naskah", `<option value="contoh/kebijakan-uji@2025-03" selected>`}, []string{`role="alert"`}},
		{"/bandingkan", 200, []string{"Pilih dua naskah", `<option value="kota-uji/aturan-lama@v1">`}, []string{`role="alert"`, " selected"}},
		{"/bandingkan?a=x&b=y", 400, []string{"a harus", `role="alert"`}, nil},
		{"/bandingkan?a=contoh/x&b=contoh/kebijakan-uji", 404, []string{"tidak dikenal"}, nil},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", tt.target)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.target, res.StatusCode, tt.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: body lacks %s", tt.target, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(mainText(body), w) {
				t.Errorf("%s: the page says %s", tt.target, w)
			}
		}
	}
}

// mainText is the main element of a page, without the pickers, whose labels name
// versions in their own words.
func mainText(page string) string {
	if i := strings.Index(page, "<main"); i >= 0 {
		page = page[i:]
	}
	if i := strings.Index(page, "</form>"); i >= 0 {
		page = page[i:]
	}
	return page
}

// TestComparePickers checks that both pickers offer every version of every
// policy, whatever is compared, labelled region first, then the version,
// marked when it is in force.
func TestComparePickers(t *testing.T) {
	s := newTestServer(t)
	st := s.acquire()
	var want []string
	for _, reg := range st.cat.Regions {
		for _, p := range reg.Policies {
			for _, v := range p.Versions {
				want = append(want, refOf(v).String())
			}
		}
	}
	st.release()
	option := regexp.MustCompile(`<option value="([^"]+)"(?: selected)?>([^<]*)</option>`)
	for _, target := range []string{"/bandingkan", "/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "/bandingkan?a=kota-uji/aturan-lama&b=contoh/peraturan-uji"} {
		_, body := get(t, s, "GET", target)
		for _, picker := range []string{`id="cmp_a"`, `id="cmp_b"`} {
			i := strings.Index(body, picker)
			if i < 0 {
				t.Fatalf("%s: no picker %s", target, picker)
			}
			sel := body[i : i+strings.Index(body[i:], "</select>")]
			got := map[string]string{}
			for _, m := range option.FindAllStringSubmatch(sel, -1) {
				got[m[1]] = m[2]
			}
			if len(got) != len(want) {
				t.Errorf("%s %s: %d versions offered, want %d", target, picker, len(got), len(want))
			}
			for _, ref := range want {
				if _, ok := got[ref]; !ok {
					t.Errorf("%s %s: %s is not offered", target, picker, ref)
				}
			}
			if l := got["contoh/kebijakan-uji@2025-03"]; !strings.HasPrefix(l, "Kabupaten Contoh · versi 2025 Perubahan (berlaku) · ") {
				t.Errorf("%s %s: the version in force reads %q", target, picker, l)
			}
			if l := got["contoh/kebijakan-uji@2024-01"]; !strings.HasPrefix(l, "Kabupaten Contoh · versi 2024-01 · ") {
				t.Errorf("%s %s: an old version reads %q", target, picker, l)
			}
		}
	}
}

// TestCompareRegionsPaired renders the comparison of two regions' sections that
// pair though their headings differ: the page gives the similarity and the
// other heading, side by side, in the words of two texts and not of two
// versions.
func TestCompareRegionsPaired(t *testing.T) {
	s := newTestServer(t)
	st := s.acquire()
	defer st.release()
	a := &catalog.Version{Region: "contoh", Policy: "a", Slug: "v1", Label: "v1", Title: "A", URL: "/contoh/a/v1/", Sections: []catalog.Section{
		{ID: "pelatihan", Heading: "Pelatihan", Text: "Pelatihan teknis diberikan kepada seluruh pegawai setiap tahun anggaran."},
	}}
	b := &catalog.Version{Region: "kota-uji", Policy: "b", Slug: "v2", Label: "v2", Title: "B", URL: "/kota-uji/b/v2/", Sections: []catalog.Section{
		{ID: "pengembangan-kompetensi", Heading: "Pengembangan Kompetensi", Text: "Pelatihan teknis diberikan kepada seluruh pegawai setiap semester."},
	}}
	v := compareView{Page: s.basePage(st, "compare.title")}
	s.fillComparison(st, &v, a, b, compare.Compare(a.Sections, b.Sections))
	out, err := st.theme.Render("compare", v)
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	for _, want := range []string{
		`<h2 id="pengembangan-kompetensi">Pengembangan Kompetensi`, `<span class="status pair-changed">Berbeda</span>`,
		"kemiripan 82%", "judul di Kabupaten Contoh (fiktif): “Pelatihan”", `href="/contoh/a/v1/#pelatihan">Baca di Kabupaten Contoh (fiktif)</a>`,
		"A: Kabupaten Contoh (fiktif), versi v1", "B: Kota Uji, versi v2", "1 bagian berpasangan, 0 hanya di Kabupaten Contoh (fiktif), 0 hanya di Kota Uji.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, bad := range []string{"sebelumnya berjudul", "<del>", "<ins>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page says %s", bad)
		}
	}
}
