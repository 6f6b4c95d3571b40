package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSearchAPI(t *testing.T) {
	s := newTestServer(t)
	res, body := get(t, s, "GET", "/api/v1/search?q=pelatihan")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, type %q: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var got struct {
		Query, Total, Page, Size, TookMS any
		Hits                             []map[string]any
		Facets                           map[string][]map[string]any
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Hits) == 0 {
		t.Fatalf("no hits: %s", body)
	}
	for _, key := range []string{"region", "policy", "version", "title", "section", "url", "status", "date", "score", "fragments"} {
		if _, ok := got.Hits[0][key]; !ok {
			t.Errorf("hit lacks %q: %v", key, got.Hits[0])
		}
	}
	for _, key := range []string{"region", "tag", "status"} {
		if _, ok := got.Facets[key]; !ok {
			t.Errorf("facets lack %q", key)
		}
	}
	if !strings.Contains(body, `"took_ms":`) || !strings.Contains(body, `"total":`) {
		t.Errorf("response lacks took_ms or total: %s", body)
	}
}

func TestSearchAPIErrors(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		query  string
		status int
	}{
		{"", 400},
		{"q=", 400},
		{"q=" + strings.Repeat("a", 300), 400},
		{"q=-pelatihan", 400},
		{"q=x&size=500", 400},
		{"q=x&size=-1", 400},
		{"q=x&page=abc", 400},
		{"q=x&page=999", 400},
		{"q=x&versions=semua", 400},
		{"q=x&status=aktif", 400},
		{"q=x&region=../../etc", 400},
		{"q=x&tag=%3Cscript%3E", 400},
		{"q=%ff%fe", 400},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/api/v1/search?"+tt.query)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.query, res.StatusCode, tt.status, body)
			continue
		}
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: error body %q (%v)", tt.query, body, err)
		}
	}
	if res, body := get(t, s, "GET", "/api/v1/tidak-ada"); res.StatusCode != 404 || !strings.Contains(body, `"not_found"`) {
		t.Errorf("unknown API route: %d %s", res.StatusCode, body)
	}
	if res, body := get(t, s, "POST", "/api/v1/search?q=x"); res.StatusCode != 405 || !strings.Contains(body, `"method_not_allowed"`) {
		t.Errorf("POST: %d %s", res.StatusCode, body)
	}
}

func TestSearchPage(t *testing.T) {
	s := newTestServer(t)
	hostile := `"><img src=x onerror=alert(1)><script>alert(2)</script>`
	tests := []struct {
		query  string
		status int
		want   []string
	}{
		{"", 200, []string{"Tuliskan satu kata", `href="/contoh/"`}},
		{"q=pelatihan", 200, []string{"hasil untuk", "<mark>", `href="/contoh/kebijakan-uji/#`}},
		{"q=zzzzzz", 200, []string{"Tidak ada hasil", `href="/contoh/"`}},
		{"q=zzzzzz&region=contoh", 200, []string{"Tidak ada hasil", `<option value="contoh" selected>`}},
		{"q=-pelatihan", 400, []string{"pengecualian"}},
		{"q=kebijakan&page=2&size=1", 200, []string{`rel="prev"`}},
		{"q=" + url.QueryEscape(hostile), 200, []string{"&lt;script&gt;"}},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/cari?"+tt.query)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.query, res.StatusCode, tt.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", tt.query, w)
			}
		}
		if strings.Contains(body, "<script") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: page reflects markup unescaped", tt.query)
		}
	}
}

func TestMetadataAPI(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		target string
		status int
		want   []string
	}{
		{"/api/v1/regions", 200, []string{`"regions":[`, `"slug":"contoh"`, `"kind":"kabupaten"`, `"policies":2`}},
		{"/api/v1/regions/contoh", 200, []string{`"slug":"kebijakan-uji"`, `"status":"berlaku"`, `"url":"/contoh/kebijakan-uji/"`}},
		{"/api/v1/policies/contoh/kebijakan-uji", 200, []string{`"current":"2025-03"`, `"version":"2024-01"`, `"status":"diganti"`, `"status":"rancangan"`}},
		{"/api/v1/policies/contoh/kebijakan-uji/versions/2025-03", 200, []string{`"sections":[`, `"id":"aspek-aspek-kebijakan"`, `"tags":["rekrutmen","pelatihan"]`, `"original_url":"/contoh/kebijakan-uji/2025-03/2025-03.pdf","original_size":924,"original_sha256":"a2ccc3e32bef632da61757b3b8513678cc2973cf4dc95964ec6629dbed8bcc05"`}},
		{"/api/v1/regions/tidak-ada", 404, []string{`daerah \"tidak-ada\" tidak dikenal`}},
		{"/api/v1/policies/contoh/tidak-ada", 404, []string{`kebijakan \"tidak-ada\" tidak dikenal`}},
		{"/api/v1/policies/contoh/kebijakan-uji/versions/v9", 404, []string{`versi \"v9\" tidak dikenal`}},
		{"/api/v1/policies/tidak-ada/x/versions/v1", 404, []string{`daerah \"tidak-ada\"`}},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", tt.target)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.target, res.StatusCode, tt.status, body)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: body lacks %s:\n%s", tt.target, w, body)
			}
		}
	}
}

// TestSearchAnswersAreKept asks the same search twice, with and without gzip:
// every answer says the same, whether it was searched or kept.
func TestSearchAnswersAreKept(t *testing.T) {
	s := newTestServer(t)
	target := "/api/v1/search?q=pe*&versions=all&size=50"
	var want map[string]any
	for i, accept := range []string{"gzip", "", "gzip", ""} {
		res, body := get(t, s, "GET", target, "Accept-Encoding", accept)
		if res.StatusCode != 200 {
			t.Fatalf("status %d: %s", res.StatusCode, body)
		}
		if accept != "" {
			if res.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("answer %d: not compressed: %d bytes", i, len(body))
			}
			body = gunzip(t, body)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("answer %d: %v: %s", i, err, body)
		}
		if _, ok := got["took_ms"].(float64); !ok {
			t.Errorf("answer %d: took_ms = %v", i, got["took_ms"])
		}
		delete(got, "took_ms")
		if want == nil {
			want = got
		} else if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("answer %d differs from the first (-want +got):\n%s", i, diff)
		}
	}
}

// TestSearchAPIDirect asks for units and instruments by citation: the answer
// says where the citation leads, with the status as of today, and the hit of
// the cited Pasal comes first; an ordinary search or a citation that names
// nothing on the site has no direct.
func TestSearchAPIDirect(t *testing.T) {
	s := newTestServer(t)
	type direct struct {
		Cite, URL, Region, Policy, Version, Status, Unit, Missing string
	}
	type answer struct {
		Total  int
		Hits   []struct{ Version, Section, URL string }
		Direct *direct
	}
	const v1 = "Peraturan Bupati Contoh Nomor 3 Tahun 2024 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh"
	tests := []struct {
		q        string
		want     *direct
		firstHit string // its URL
	}{
		{q: "Pasal 4 ayat (2) Perbup Contoh 3/2024", firstHit: "/contoh/peraturan-uji/v1/#pasal-4", want: &direct{
			Cite: "Pasal 4 ayat (2) " + v1, URL: "/contoh/peraturan-uji/v1/#pasal-4-ayat-2",
			Region: "contoh", Policy: "peraturan-uji", Version: "v1", Status: "diganti", Unit: "pasal-4-ayat-2"}},
		{q: "perbup contoh nomor 8 tahun 2025 pasal 4", firstHit: "/contoh/peraturan-uji/#pasal-4", want: &direct{
			Cite: "Pasal 4 Peraturan Bupati Contoh Nomor 8 Tahun 2025 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh",
			URL:  "/contoh/peraturan-uji/v2/#pasal-4", Region: "contoh", Policy: "peraturan-uji", Version: "v2", Status: "berlaku", Unit: "pasal-4"}},
		{q: "perbup contoh 3/2024", want: &direct{Cite: v1, URL: "/contoh/peraturan-uji/v1/",
			Region: "contoh", Policy: "peraturan-uji", Version: "v1", Status: "diganti"}},
		{q: "Pasal 9 Perbup Contoh 3/2024", want: &direct{Cite: v1, URL: "/contoh/peraturan-uji/v1/",
			Region: "contoh", Policy: "peraturan-uji", Version: "v1", Status: "diganti", Missing: "Pasal 9"}},
		{q: "Pasal 4 ayat (2) Perbup Contoh 3/2025"},
		{q: "seleksi kompetensi"},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/api/v1/search?q="+url.QueryEscape(tt.q))
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", tt.q, res.StatusCode, body)
		}
		var got answer
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got.Direct); diff != "" {
			t.Errorf("%s: direct (-want +got):\n%s", tt.q, diff)
		}
		if tt.want == nil && strings.Contains(body, `"direct"`) {
			t.Errorf("%s: the answer carries a direct: %s", tt.q, body)
		}
		if tt.firstHit != "" && (len(got.Hits) == 0 || got.Hits[0].URL != tt.firstHit) {
			t.Errorf("%s: first hit %+v, want %s", tt.q, got.Hits, tt.firstHit)
		}
		if len(got.Hits) == 0 && tt.want == nil {
			t.Errorf("%s: no hits", tt.q)
		}
	}
}

// TestSearchPageDirect checks that /cari offers to go straight to what a
// citation names, and says when it names nothing. (The fixture has no two
// instruments of one number; the browser test of the shipped content, which
// has, sees the list of candidates.)
func TestSearchPageDirect(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		q       string
		want    []string
		notWant []string
	}{
		{"Pasal 4 ayat (2) Perbup Contoh 3/2024", []string{
			`<a class="direct-link" href="/contoh/peraturan-uji/v1/#pasal-4-ayat-2"><strong>Langsung ke Pasal 4 ayat (2) Peraturan Bupati Contoh Nomor 3 Tahun 2024 tentang Pengadaan Pegawai`,
			"Tidak berlaku (diganti)", `href="/contoh/peraturan-uji/v1/#pasal-4"`,
		}, []string{"terbaca sebagai kutipan"}},
		{"Pasal 4 ayat (7) Perbup Contoh 3/2024", []string{`href="/contoh/peraturan-uji/v1/#pasal-4"><strong>Langsung ke Pasal 4 Peraturan`, "Pasal 4 ayat (7) tidak ada dalam peraturan itu."}, nil},
		{"Pasal 4 ayat (2) Perbup Contoh 3/2025", []string{"terbaca sebagai kutipan produk hukum", "hasil untuk"}, []string{"direct-link"}},
		{"seleksi kompetensi", []string{"hasil untuk"}, []string{"direct-link", "terbaca sebagai kutipan"}},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/cari?q="+url.QueryEscape(tt.q))
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", tt.q, res.StatusCode)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", tt.q, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(body, w) {
				t.Errorf("%s: page holds %q", tt.q, w)
			}
		}
	}
}
