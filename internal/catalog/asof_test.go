package catalog

import (
	"fmt"
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

func TestLapse(t *testing.T) {
	revoker := &Policy{Region: "r", Slug: "q", Current: "q1", Versions: []*Version{
		{Region: "r", Policy: "q", Slug: "q1", Date: "2027-01-01", Standing: "published"},
	}}
	withdrawn := &Policy{Region: "r", Slug: "w", Current: "w2", Versions: []*Version{
		{Region: "r", Policy: "w", Slug: "w1", Date: "2020-01", Standing: "published"},
		{Region: "r", Policy: "w", Slug: "w2", Date: "2022-05-01", Standing: "revoked"},
	}}
	drafts := &Policy{Region: "r", Slug: "d", Current: "d1", Versions: []*Version{
		{Region: "r", Policy: "d", Slug: "d1", Date: "2020-01-01", Standing: "draft"},
	}}
	c := asOfCatalog()
	p := c.Policy("r", "p")
	p.Revocations = []string{"2028-01-01", "2027-01-01"}
	p.Versions[0].Relations = []Relation{{Kind: "revoked-by", Ref: "r/q@q1"}}
	c.Regions[0].Policies = append(c.Regions[0].Policies, revoker, withdrawn, drafts)
	c.Index()
	for _, tt := range []struct {
		policy, day string
		revoked     bool
		on, by      string
		first       string
	}{
		{policy: "p", day: "2024-12-31", first: "v1"},
		{policy: "p", day: "2028-06-01", revoked: true, on: "2027-01-01", by: "q1"},
		{policy: "w", day: "2019-12-31", first: "w1"},
		{policy: "w", day: "2022-05-01", revoked: true, on: "2022-05-01", by: "w2"},
		{policy: "d", day: "2025-01-01"},
	} {
		day, _ := legal.ParseDate(tt.day)
		l := c.Lapse(c.Policy("r", tt.policy), day)
		got := [4]string{fmt.Sprint(l.Revoked), l.RevokedOn.String(), slug(l.By), slug(l.First)}
		if want := [4]string{fmt.Sprint(tt.revoked), tt.on, tt.by, tt.first}; got != want {
			t.Errorf("Lapse(%s, %s) = revoked, on, by, first %q; want %q", tt.policy, tt.day, got, want)
		}
	}
	p.Versions[0].Relations = nil
	if l := c.Lapse(p, legal.Date{Year: 2030, Month: 1, Day: 1}); !l.Revoked || l.By != nil {
		t.Errorf("a revocation the relations do not name: %+v", l)
	}
}

func slug(v *Version) string {
	if v == nil {
		return ""
	}
	return v.Slug
}
