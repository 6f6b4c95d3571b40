package catalog

import (
	"testing"

	"naskah/internal/legal"
)

func asOfCatalog() *Catalog {
	p := &Policy{Region: "r", Slug: "p", Current: "v1", Revocations: []string{"2027-01-01"}, Versions: []*Version{
		{Region: "r", Policy: "p", Slug: "v1", Date: "2025-01-01", Standing: "published", Status: "berlaku"},
		{Region: "r", Policy: "p", Slug: "v2", Date: "2026-07-01", Standing: "published", Status: "akan-berlaku"},
		{Region: "r", Policy: "p", Slug: "v3", Date: "2026-09-01", Standing: "draft", Status: "rancangan"},
	}}
	c := &Catalog{Now: "2026-01-15", Regions: []*Region{{Slug: "r", Policies: []*Policy{p}}}}
	c.Index()
	return c
}

func TestAsOf(t *testing.T) {
	c := asOfCatalog()
	p := c.Policy("r", "p")
	for _, tt := range []struct {
		day          string
		v1, v2, cur  string
		inForceOnDay string
	}{
		{"2026-01-15", "berlaku", "akan-berlaku", "v1", "v1"},
		{"2026-07-01", "diganti", "berlaku", "v2", "v2"},
		{"2027-01-01", "dicabut", "dicabut", "v2", ""},
		{"2024-12-31", "akan-berlaku", "akan-berlaku", "v1", ""},
	} {
		day, _ := legal.ParseDate(tt.day)
		a := c.AsOf(day)
		if got := [3]string{a.State(p.Versions[0]), a.State(p.Versions[1]), a.Current(p).Slug}; got != [3]string{tt.v1, tt.v2, tt.cur} {
			t.Errorf("%s: v1, v2, current = %v; want %s %s %s", tt.day, got, tt.v1, tt.v2, tt.cur)
		}
		got := ""
		if v := p.InForceOn(day); v != nil {
			got = v.Slug
		}
		if got != tt.inForceOnDay {
			t.Errorf("%s: in force %q, want %q", tt.day, got, tt.inForceOnDay)
		}
	}
}

func TestNextChange(t *testing.T) {
	c := asOfCatalog()
	for _, tt := range []struct{ day, want string }{
		{"2026-01-15", "2026-07-01"}, // the draft's date is no change
		{"2026-07-01", "2027-01-01"},
		{"2027-01-01", ""},
	} {
		day, _ := legal.ParseDate(tt.day)
		next, ok := c.NextChange(day)
		if got := next.String(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("NextChange(%s) = %s, %v; want %q", tt.day, got, ok, tt.want)
		}
	}
}
