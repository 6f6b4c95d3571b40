package server

import (
	"context"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/build"
	"naskah/internal/search"
)

// TestSearchPagePastTheLast asks for pages after the last, and beyond what a
// search may skip: the page says how many hits there are on how many pages,
// and links the last.
func TestSearchPagePastTheLast(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		query, want, last string
	}{
		{"q=pelatihan&page=99", "Halaman 99 melewati hasil terakhir: ada 2 hasil dalam 1 halaman.", "/cari?page=1&q=pelatihan"},
		{"q=pegawai&size=2&page=99", "Halaman 99 melewati hasil terakhir: ada 15 hasil dalam 8 halaman.", "/cari?page=8&q=pegawai&size=2"},
		{"q=pegawai&page=500", "Halaman 500 melewati hasil terakhir: ada 15 hasil dalam 2 halaman.", "/cari?page=2&q=pegawai"},
		{"q=pegawai&page=99&region=contoh&tag=&status=", "Halaman 99 melewati hasil terakhir: ada 15 hasil dalam 2 halaman.", "/cari?page=2&q=pegawai&region=contoh"},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/cari?"+tt.query)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d, want 200", tt.query, res.StatusCode)
		}
		if !strings.Contains(body, tt.want) {
			t.Errorf("%s: page lacks %q", tt.query, tt.want)
		}
		if got := attr(body, `<a class="last-page" href="`); got != tt.last {
			t.Errorf("%s: the last page's link is %q, want %q", tt.query, got, tt.last)
		}
		if strings.Contains(body, `class="hit-title"`) || strings.Contains(body, "Tidak ada hasil") {
			t.Errorf("%s: the page shows hits, or says there are none", tt.query)
		}
	}
	// The last page itself has hits.
	if _, body := get(t, s, "GET", "/cari?page=8&q=pegawai&size=2"); !strings.Contains(body, `class="hit-title"`) || !strings.Contains(body, "Halaman 8 dari 8") {
		t.Errorf("the last page has no hits, or is not page 8 of 8")
	}
}

// TestSearchPageFilterChoices checks that each filter offers only the values
// that have hits under the other choices, with their counts; without a query,
// the values the versions searched have.
func TestSearchPageFilterChoices(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		query                  string
		region, tag, status    []string // the values offered, in order; "*" marks the chosen one
		active                 string   // the filter control's text
		regionLabel, tagLabels string   // a label the page must show
	}{
		{
			query:  "",
			region: []string{"contoh", "kota-uji"}, tag: []string{"kepegawaian", "pelatihan", "rekrutmen", "teknologi-informasi"},
			// The current version of a policy is in force, or revoked with it;
			// never superseded, and the fixture's draft and scheduled versions
			// are not any policy's current one.
			status: []string{"berlaku", "dicabut"}, active: "Saring hasil",
		},
		{
			query:  "versions=all",
			region: []string{"contoh", "kota-uji"}, tag: []string{"kepegawaian", "pelatihan", "rancangan-khusus", "rekrutmen", "teknologi-informasi"},
			status: []string{"berlaku", "akan-berlaku", "diganti", "dicabut", "rancangan"}, active: "Saring hasil (1 aktif)",
		},
		{
			query:  "q=pelatihan",
			region: []string{"contoh"}, tag: []string{"pelatihan", "rekrutmen"}, status: []string{"berlaku"}, active: "Saring hasil",
			regionLabel: "Kabupaten Contoh (fiktif) (2)", tagLabels: "Pelatihan (2)",
		},
		{
			query:  "q=pelatihan&versions=all",
			region: []string{"contoh"}, tag: []string{"pelatihan", "rekrutmen"}, status: []string{"berlaku", "akan-berlaku"}, active: "Saring hasil (1 aktif)",
		},
		{
			// A chosen region still offers the others, with what each has.
			query:  "q=aturan&region=kota-uji",
			region: []string{"contoh", "*kota-uji"}, tag: []string{"kepegawaian"}, status: []string{"berlaku", "dicabut"}, active: "Saring hasil (1 aktif)",
			regionLabel: "Kabupaten Contoh (fiktif) (7)",
		},
		{
			query:  "q=aturan&status=dicabut&tag=kepegawaian",
			region: []string{"kota-uji"}, tag: []string{"*kepegawaian"}, status: []string{"*dicabut"}, active: "Saring hasil (2 aktif)",
		},
		{
			// The form sends every select, those left at "all" empty.
			query:  "q=pelatihan&region=&tag=&status=&versions=current",
			region: []string{"contoh"}, tag: []string{"pelatihan", "rekrutmen"}, status: []string{"berlaku"}, active: "Saring hasil",
		},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/cari?"+tt.query)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d, want 200", tt.query, res.StatusCode)
			continue
		}
		for _, f := range []struct {
			id   string
			want []string
		}{{"f_region", tt.region}, {"f_tag", tt.tag}, {"f_status", tt.status}} {
			if diff := cmp.Diff(f.want, offered(t, body, f.id)); diff != "" {
				t.Errorf("%s: %s offers (-want +got):\n%s", tt.query, f.id, diff)
			}
		}
		if got := between(body, "<summary>", "</summary>"); got != tt.active {
			t.Errorf("%s: the filter control reads %q, want %q", tt.query, got, tt.active)
		}
		for _, w := range []string{tt.regionLabel, tt.tagLabels} {
			if w != "" && !strings.Contains(body, ">"+w+"</option>") {
				t.Errorf("%s: no option reads %q", tt.query, w)
			}
		}
	}
}

// TestSearchPageDraftsOnlyWhenBuilt checks that a site built without drafts
// never offers Rancangan, which one built with them does.
func TestSearchPageDraftsOnlyWhenBuilt(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		s := newServerOf(t, drafts)
		for _, query := range []string{"versions=all", "q=kebijakan&versions=all"} {
			_, body := get(t, s, "GET", "/cari?"+query)
			got := strings.Contains(body, `<option value="rancangan"`)
			if got != drafts {
				t.Errorf("drafts %v, %s: Rancangan offered: %v", drafts, query, got)
			}
			if !strings.Contains(body, `<option value="diganti"`) {
				t.Errorf("drafts %v, %s: Tidak berlaku (diganti) is not offered", drafts, query)
			}
		}
	}
}

// TestSearchPageStaleFilters opens searches whose filters leave no hits, as an
// old link or a changed choice may ask: the page answers 200, names the filter
// that leaves none and links the search without it, with its hits.
func TestSearchPageStaleFilters(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		query   string
		want    []string // links to what would have hits: "href|text"
		culprit []string
		notWant []string
	}{
		{
			// Superseded versions are never the current ones.
			query:   "q=pelatihan&status=diganti",
			culprit: []string{"Filter Status “Tidak berlaku (diganti)” membuat hasilnya kosong."},
			want:    []string{"/cari?q=pelatihan|Hapus filter Status: 2 hasil"},
		},
		{
			// A scheduled version is the current one only of a policy not yet in
			// force: the fixture's is newer than the one in force.
			query:   "q=pelatihan&status=akan-berlaku",
			culprit: []string{"Filter Status “Akan berlaku” membuat hasilnya kosong."},
			want: []string{
				"/cari?q=pelatihan|Hapus filter Status: 2 hasil",
				"/cari?q=pelatihan&status=akan-berlaku&versions=all|Cari juga di versi lain: 1 hasil",
			},
		},
		{
			query:   "q=aturan&region=kota-uji&tag=rekrutmen&page=3",
			culprit: []string{"Filter Daerah “Kota Uji” membuat hasilnya kosong.", "Filter Topik “Rekrutmen” membuat hasilnya kosong."},
			want:    []string{"/cari?q=aturan&tag=rekrutmen|Hapus filter Daerah: 7 hasil", "/cari?q=aturan&region=kota-uji|Hapus filter Topik: 2 hasil"},
		},
		{
			// No one filter is to blame, but all of them together.
			query:   "q=aturan&region=kota-uji&tag=rekrutmen&status=akan-berlaku",
			culprit: []string{"Filter-filter yang dipilih bersama-sama membuat hasilnya kosong."},
			want:    []string{"/cari?q=aturan|Cari lagi tanpa filter: 9 hasil"},
			notWant: []string{"Hapus filter"},
		},
		{
			// A query without hits anywhere: no filter is to blame.
			query:   "q=zzzzzz&region=contoh&status=berlaku",
			notWant: []string{"Hapus filter", "Cari lagi tanpa filter", "Cari juga di versi lain", `id="jalan_keluar"`},
		},
		{
			// A region the site does not have: dropping it gives hits.
			query:   "q=pelatihan&region=tidak-ada",
			culprit: []string{"Filter Daerah “tidak-ada” membuat hasilnya kosong."},
			want:    []string{"/cari?q=pelatihan|Hapus filter Daerah: 2 hasil"},
		},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/cari?"+tt.query)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d, want 200", tt.query, res.StatusCode)
			continue
		}
		if !strings.Contains(body, "Tidak ada hasil untuk") {
			t.Errorf("%s: the page does not say there are no hits", tt.query)
		}
		for _, c := range tt.culprit {
			if !strings.Contains(body, c) {
				t.Errorf("%s: page lacks %q", tt.query, c)
			}
		}
		for _, w := range tt.want {
			href, text, _ := strings.Cut(w, "|")
			if !strings.Contains(body, `<a href="`+html.EscapeString(href)+`">`+text+`</a>`) {
				t.Errorf("%s: no link %q to %s in\n%s", tt.query, text, href, between(body, `<h2 id="hasil">`, `<ul class="list">`))
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(body, w) {
				t.Errorf("%s: page holds %q", tt.query, w)
			}
		}
	}
}

// TestSearchPageOneSearchBox checks that /cari has one search box, its own,
// and that other pages keep the header's.
func TestSearchPageOneSearchBox(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{"/cari", "/cari?q=pelatihan", "/cari?q=pelatihan&page=99", "/cari?q=-x"} {
		_, body := get(t, s, "GET", target)
		if n := strings.Count(body, `type="search"`); n != 1 {
			t.Errorf("%s has %d search boxes, want 1", target, n)
		}
		if strings.Contains(body, `id="q_situs"`) {
			t.Errorf("%s has the header's search box", target)
		}
	}
	for _, target := range []string{"/contoh/", "/bandingkan"} {
		if _, body := get(t, s, "GET", target); !strings.Contains(body, `id="q_situs"`) {
			t.Errorf("%s lacks the header's search box", target)
		}
	}
}

// newServerOf serves the fixture site built with or without drafts.
func newServerOf(t *testing.T, drafts bool) *Server {
	t.Helper()
	dir := t.TempDir()
	cfg := build.Config{
		Content: os.DirFS("../build/testdata/site"), ContentDir: "content",
		Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data"), Drafts: drafts,
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Out: cfg.Out, Data: cfg.Data})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var optionRE = regexp.MustCompile(`<option value="([^"]*)"( selected)?>`)

// offered returns the values that the select with the id offers, but "all",
// the chosen one marked with a "*".
func offered(t *testing.T, body, id string) []string {
	t.Helper()
	sel := between(body, `<select id="`+id+`"`, "</select>")
	if sel == "" {
		t.Fatalf("no select #%s", id)
	}
	var out []string
	for _, m := range optionRE.FindAllStringSubmatch(sel, -1) {
		switch {
		case m[1] == "":
		case m[2] != "":
			out = append(out, "*"+m[1])
		default:
			out = append(out, m[1])
		}
	}
	return out
}

// between returns the text of s after the first from and before the next to.
func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, to)
	return in
}

// attr returns the unescaped value that follows prefix up to the next quote.
func attr(s, prefix string) string { return html.UnescapeString(between(s, prefix, `"`)) }

// TestPastLastDeep checks the page after the last that a search may show, when
// there are more hits than that: it says so, and links the deepest page.
func TestPastLastDeep(t *testing.T) {
	v := searchView{Result: &search.Result{Total: 5000, Page: 1, Size: 10}}
	(&Server{}).fillHits(nil, &v, url.Values{"q": {"x"}}, 150)
	want := &pastLast{Page: 150, Total: 5000, Pages: 100, Last: "/cari?page=100&q=x", Deep: true}
	if diff := cmp.Diff(want, v.PastLast); diff != "" {
		t.Errorf("past the last (-want +got):\n%s", diff)
	}
}
