package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestSearchAPICorrections checks the fields of /api/v1/search that say how
// the query was read: a corrected word, a query no section answers whole, and
// one of stop words only; and literal, which turns correction off.
func TestSearchAPICorrections(t *testing.T) {
	s := newTestServer(t)
	type answer struct {
		Total      int
		Corrected  string
		Suggestion bool
		Partial    bool
		StopWords  []string `json:"stop_words"`
		Message    string
	}
	tests := []struct {
		query string
		want  answer
		hits  bool
	}{
		{query: "q=pelatiahn", want: answer{Corrected: "pelatihan"}, hits: true},
		{query: "q=pelatiahn&literal=1", want: answer{}},
		{query: "q=pelatiahn&literal=0", want: answer{Corrected: "pelatihan"}, hits: true},
		{query: "q=" + url.QueryEscape("pelatihan zzzqqq"), want: answer{Partial: true}, hits: true},
		{query: "q=pelatihan", want: answer{}, hits: true},
		{query: "q=di", want: answer{StopWords: []string{"di"}, Message: "“di” terlalu umum untuk dicari"}},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/api/v1/search?"+tt.query)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d: %s", tt.query, res.StatusCode, body)
			continue
		}
		var got answer
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Message != "" && strings.HasPrefix(got.Message, tt.want.Message) {
			got.Message = tt.want.Message
		}
		if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(answer{}, "Total")); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.query, diff)
		}
		if (got.Total > 0) != tt.hits {
			t.Errorf("%s: %d hits", tt.query, got.Total)
		}
	}
	if res, body := get(t, s, "GET", "/api/v1/search?q=pelatihan&literal=ya"); res.StatusCode != 400 || !strings.Contains(body, "literal") {
		t.Errorf("literal=ya: %d %s, want a 400 about literal", res.StatusCode, body)
	}
}

// TestSearchPageCorrections checks that /cari says what it searched for
// instead of a misspelt word, with a link to the words as written, and says
// when no section holds every word or the words are too common.
func TestSearchPageCorrections(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		query string
		want  []string
		not   []string
	}{
		{"q=pelatiahn", []string{"Menampilkan hasil untuk <strong>pelatihan</strong>", `href="/cari?literal=1&amp;q=pelatiahn"`, "Cari “pelatiahn” persis seperti ditulis", "<mark>"}, nil},
		{"q=pelatiahn&literal=1", []string{"Tidak ada hasil"}, []string{"Menampilkan hasil untuk"}},
		{"q=pelatiahn&region=contoh&page=1", []string{`href="/cari?literal=1&amp;q=pelatiahn&amp;region=contoh"`}, nil},
		{"q=" + url.QueryEscape("pelatihan zzzqqq"), []string{"Tidak ada bagian yang memuat semua kata"}, nil},
		{"q=pelatihan", nil, []string{"Menampilkan hasil untuk", "Tidak ada bagian yang memuat", "Maksud Anda"}},
		{"q=di", []string{"“di” terlalu umum untuk dicari"}, nil},
	}
	for _, tt := range tests {
		res, body := get(t, s, "GET", "/cari?"+tt.query)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", tt.query, res.StatusCode)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", tt.query, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(body, w) {
				t.Errorf("%s: page holds %q", tt.query, w)
			}
		}
	}
}
