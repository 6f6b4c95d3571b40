package site

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/content"
	"naskah/internal/legal"
)

// relationTree holds policy p (v1 of 2024, v2 of 2025) and policy q, whose one
// version, dated qDate, states rels.
func relationTree(qDate string, rels ...content.Relation) *content.Tree {
	t := tree(version("v1", content.Published, "2024-01"), version("v2", content.Published, "2025-01"))
	q := version("q1", content.Published, qDate)
	q.Path = "content/r/q/q1.md"
	q.Relations = rels
	t.Regions[0].Policies = append(t.Regions[0].Policies, content.Policy{Slug: "q", Versions: []content.Version{q}})
	return t
}

// relations writes the relations of every version as "kind name url".
func relations(s *Site) map[string][]string {
	out := map[string][]string{}
	for _, v := range s.Versions {
		for _, r := range v.Relations {
			out[v.Policy.Slug+"/"+v.Slug] = append(out[v.Policy.Slug+"/"+v.Slug], fmt.Sprintf("%s %s %s", r.Kind, r.Name(), r.URL()))
		}
	}
	return out
}

func TestRelationsBothWays(t *testing.T) {
	tr := relationTree("2025-06",
		content.Relation{Kind: content.Implements, Target: "r/p@v1"},
		content.Relation{Kind: content.Amends, Target: "r/p"},
		content.Relation{Kind: content.Related, Target: "Peraturan Pemerintah Nomor 11 Tahun 2017"})
	s, err := New(tr, nil, Options{Now: legal.Date{Year: 2026, Month: 1, Day: 1}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"q/q1": {
			"amends Kebijakan v2 /r/p/",
			"implements Kebijakan v1 /r/p/v1/",
			"related Peraturan Pemerintah Nomor 11 Tahun 2017 ",
		},
		"p/v2": {"amended-by Kebijakan q1 /r/q/q1/"},
		"p/v1": {"amended-by Kebijakan q1 /r/q/q1/", "implemented-by Kebijakan q1 /r/q/q1/"},
	}
	if diff := cmp.Diff(want, relations(s)); diff != "" {
		t.Errorf("relations (-want +got):\n%s", diff)
	}
}

func TestRevokedByAnotherInstrument(t *testing.T) {
	for _, tt := range []struct {
		name, qDate, now string
		want             map[string]legal.State
		revoked          bool
	}{
		{"before the revocation", "2025-06-01", "2025-05-31", map[string]legal.State{"v1": legal.Superseded, "v2": legal.InForce}, false},
		{"on its day", "2025-06-01", "2025-06-01", map[string]legal.State{"v1": legal.Revoked, "v2": legal.Revoked}, true},
		{"by an undated instrument", "", "2024-02-01", map[string]legal.State{"v1": legal.Revoked, "v2": legal.Scheduled}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			now, _ := legal.ParseDate(tt.now)
			s, err := New(relationTree(tt.qDate, content.Relation{Kind: content.Revokes, Target: "r/p@v2"}), nil, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			got, cur := states(t, s)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("states (-want +got):\n%s", diff)
			}
			p := s.Regions[0].Policies[0]
			if (p.RevokedBy != nil) != tt.revoked {
				t.Errorf("RevokedBy = %v, want revoked %v", p.RevokedBy, tt.revoked)
			}
			if tt.revoked && (p.RevokedBy.Slug != "q1" || cur == "") {
				t.Errorf("revoked by %s, current %q", p.RevokedBy.Slug, cur)
			}
			if q := s.Regions[0].Policies[1]; q.Current.State == legal.Revoked {
				t.Errorf("the revoking instrument is itself %s", q.Current.State)
			}
		})
	}
}

func TestRelationToALeftOutDraft(t *testing.T) {
	tr := relationTree("2025-06", content.Relation{Kind: content.Related, Target: "r/p@v3"})
	tr.Regions[0].Policies[0].Versions = append(tr.Regions[0].Policies[0].Versions, version("v3", content.Draft, ""))
	s, err := New(tr, nil, Options{Now: legal.Date{Year: 2026, Month: 1, Day: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string][]string{"q/q1": {"related r/p@v3 "}}, relations(s)); diff != "" {
		t.Errorf("relations (-want +got):\n%s", diff)
	}
}
