package search_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"naskah/internal/search"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// fixture is a small site whose texts exercise Indonesian word forms, versions and
// hostile input.
var fixture = fstest.MapFS{
	"_index.md":       file("---\ntitle: Uji Cari\n---\n"),
	"alpha/_index.md": file("---\nname: Alpha\nkind: kota\nprovince: Uji\n---\n"),
	"alpha/kepegawaian/v1.md": file(`---
title: Kebijakan Kepegawaian Alpha
date: 2024-01
tags: [rekrutmen]
---

## Pendahuluan

Naskah lama tentang angsa putih yang sudah diganti.

## Pelatihan

Pemerintah menyelenggarakan pelatihan bagi pegawai setiap tahun.
`),
	"alpha/kepegawaian/v2.md": file(`---
title: Kebijakan Kepegawaian Alpha
date: 2025-01
tags: [rekrutmen, pelatihan]
---

## Pendahuluan

Pengelolaan kepegawaian ASN di Alpha menyangkut perekrutan dan penilaian kinerja.

## Pelatihan

Pemerintah menyelenggarakan pelatihan bagi pegawai setiap tahun.

## Teknologi

Pelatihan teknologi informasi untuk ASN. Kerja sama dengan kampus.

## Keamanan

Teks berbahaya <script>alert(1)</script> dan "><img src=x onerror=alert(2)> tetap teks.
`),
	"beta/_index.md": file("---\nname: Beta\nkind: kabupaten\n---\n"),
	"beta/kebijakan/v1.md": file(`---
title: Kebijakan Beta
tags: [penilaian-kinerja]
---

## Penilaian

Penilaian kinerja dilakukan oleh atasan langsung, bukan oleh rekan kerja.

## Tugas

Pegawai menerima penugasan dari pimpinan dan melaksanakan tugas dengan baik.
`),
}

// openFixture builds the fixture and opens its index.
func openFixture(t *testing.T) *search.Index {
	t.Helper()
	return openSite(t, fixture)
}

func run(t *testing.T, ix *search.Index, r search.Request) *search.Result {
	t.Helper()
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("Search(%+v): %v", r, err)
	}
	return res
}

// where lists each hit as "region/policy@version#section".
func where(res *search.Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Region+"/"+h.Policy+"@"+h.Version+"#"+strings.ToLower(h.Section))
	}
	return out
}

func TestQueries(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name    string
		req     search.Request
		none    bool     // no hit at all
		first   string   // the hit that must rank first
		include []string // hits that must be among the results
		exclude []string // hits that must not
	}{
		{name: "root finds derived form", req: search.Request{Query: "pegawai"}, include: []string{"alpha/kepegawaian@v2#pendahuluan", "beta/kebijakan@v1#tugas"}},
		{name: "derived form finds root", req: search.Request{Query: "penugasan"}, first: "beta/kebijakan@v1#tugas"},
		{name: "rekrut finds perekrutan", req: search.Request{Query: "rekrut"}, first: "alpha/kepegawaian@v2#pendahuluan"},
		{name: "phrase", req: search.Request{Query: `"penilaian kinerja"`}, include: []string{"beta/kebijakan@v1#penilaian", "alpha/kepegawaian@v2#pendahuluan"}, exclude: []string{"alpha/kepegawaian@v2#teknologi"}},
		{name: "exclusion", req: search.Request{Query: "pelatihan -teknologi"}, include: []string{"alpha/kepegawaian@v2#pelatihan"}, exclude: []string{"alpha/kepegawaian@v2#teknologi"}},
		{name: "prefix", req: search.Request{Query: "tekno*"}, first: "alpha/kepegawaian@v2#teknologi"},
		{name: "heading ranks above text", req: search.Request{Query: "penilaian"}, first: "beta/kebijakan@v1#penilaian"},
		{name: "all words first", req: search.Request{Query: "pelatihan teknologi"}, first: "alpha/kepegawaian@v2#teknologi"},
		{name: "old versions are not searched by default", req: search.Request{Query: "angsa"}, none: true},
		{name: "all versions", req: search.Request{Query: "angsa", AllVersions: true}, first: "alpha/kepegawaian@v1#pendahuluan"},
		{name: "a shared section leads to the version in force", req: search.Request{Query: "menyelenggarakan", AllVersions: true}, first: "alpha/kepegawaian@v2#pelatihan"},
		{name: "status filter", req: search.Request{Query: "pelatihan", AllVersions: true, Status: "diganti"}, exclude: []string{"alpha/kepegawaian@v2#teknologi"}, include: []string{"alpha/kepegawaian@v1#pelatihan"}},
		{name: "region filter", req: search.Request{Query: "pegawai", Regions: []string{"beta"}}, first: "beta/kebijakan@v1#tugas", exclude: []string{"alpha/kepegawaian@v2#pelatihan"}},
		{name: "tag filter", req: search.Request{Query: "pegawai", Tag: "penilaian-kinerja"}, first: "beta/kebijakan@v1#tugas", exclude: []string{"alpha/kepegawaian@v2#pelatihan"}},
		{name: "kinerja does not find kerja", req: search.Request{Query: "kinerja"}, include: []string{"beta/kebijakan@v1#penilaian"}, exclude: []string{"alpha/kepegawaian@v2#teknologi"}},
		{name: "stop words alone find nothing", req: search.Request{Query: "dan yang"}, none: true},
		{name: "query syntax of other engines is plain text", req: search.Request{Query: `+pelatihan title:(x) ^2 ~ "`}, include: []string{"alpha/kepegawaian@v2#pelatihan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				if tt.none && search.IsQueryError(err) {
					return // nothing to look for is an acceptable answer to stop words alone
				}
				t.Fatal(err)
			}
			got := where(res)
			if tt.none && len(got) > 0 {
				t.Errorf("want no hits, got %v", got)
			}
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("first hit: want %s, got %v", tt.first, got)
			}
			for _, w := range tt.include {
				if !contains(got, w) {
					t.Errorf("hits lack %s: %v", w, got)
				}
			}
			for _, w := range tt.exclude {
				if contains(got, w) {
					t.Errorf("hits hold %s: %v", w, got)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestHitFields(t *testing.T) {
	ix := openFixture(t)
	res := run(t, ix, search.Request{Query: "penugasan"})
	if res.Total < 1 || len(res.Hits) < 1 {
		t.Fatalf("no hits: %+v", res)
	}
	h := res.Hits[0]
	if h.URL != "/beta/kebijakan/#tugas" || h.Title != "Kebijakan Beta" || h.Section != "Tugas" || h.Status != "berlaku" {
		t.Errorf("hit = %+v", h)
	}
	if len(h.Fragments) == 0 || !strings.Contains(h.Fragments[0], "<mark>penugasan</mark>") {
		t.Errorf("fragments = %q", h.Fragments)
	}
	old := run(t, ix, search.Request{Query: "angsa", AllVersions: true}).Hits[0]
	if old.URL != "/alpha/kepegawaian/v1/#pendahuluan" || old.Status != "diganti" || old.Date != "2024-01" {
		t.Errorf("old hit = %+v", old)
	}
}

func TestFacets(t *testing.T) {
	ix := openFixture(t)
	res := run(t, ix, search.Request{Query: "pegawai"})
	regions := map[string]int{}
	for _, c := range res.Facets.Region {
		regions[c.Value] = c.Count
	}
	if regions["alpha"] < 1 || regions["beta"] < 1 {
		t.Errorf("region facets = %+v", res.Facets.Region)
	}
	if len(res.Facets.Status) != 1 || res.Facets.Status[0].Value != "berlaku" {
		t.Errorf("status facets = %+v", res.Facets.Status)
	}
}

func TestFragmentsAreEscaped(t *testing.T) {
	ix := openFixture(t)
	for _, q := range []string{"berbahaya", `"><img src=x onerror=alert(2)>`, "<script>alert(1)</script>", "teks"} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			if search.IsQueryError(err) {
				continue
			}
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			for _, f := range h.Fragments {
				rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(f)
				if strings.ContainsAny(rest, "<>") {
					t.Errorf("query %q: fragment carries markup: %q", q, f)
				}
			}
		}
	}
}

func TestBadRequests(t *testing.T) {
	ix := openFixture(t)
	tests := []search.Request{
		{Query: strings.Repeat("a", search.MaxQueryLength+1)},
		{Query: "-pelatihan"},
		{Query: "   "},
		{Query: "pelatihan", Size: search.MaxSize + 1},
		{Query: "pelatihan", Page: search.MaxDepth},
		{Query: "pelatihan", Status: "aktif"},
		{Query: "a b c d e f g h i j k l m n o p q"},
		{Query: "\xff\xfe"},
	}
	for _, r := range tests {
		_, err := ix.Search(context.Background(), r)
		if !search.IsQueryError(err) {
			t.Errorf("Search(%+v) = %v, want a QueryError", r, err)
		}
	}
}

func TestPaging(t *testing.T) {
	ix := openFixture(t)
	all := run(t, ix, search.Request{Query: "pegawai pelatihan kinerja", AllVersions: true, Size: 50})
	if all.Total < 3 {
		t.Fatalf("want at least 3 hits, got %d", all.Total)
	}
	var paged []string
	for page := 1; page <= all.Total; page++ {
		res := run(t, ix, search.Request{Query: "pegawai pelatihan kinerja", AllVersions: true, Size: 1, Page: page})
		paged = append(paged, where(res)...)
	}
	if strings.Join(paged, " ") != strings.Join(where(all), " ") {
		t.Errorf("pages of one differ from one page:\n%v\n%v", paged, where(all))
	}
}
