package site

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/content"
	"naskah/internal/legal"
)

// instrument is version with the legal dates of an instrument.
func instrument(slug, date, enacted, promulgated string) content.Version {
	v := version(slug, content.Published, date)
	v.Enacted, _ = legal.ParseDate(enacted)
	v.Promulgated, _ = legal.ParseDate(promulgated)
	return v
}

// events writes the timeline of the first policy as "date kind version name
// url", with "future" after an event to come; "-" stands for what is empty.
func events(s *Site) []string {
	var out []string
	for _, e := range s.Regions[0].Policies[0].Timeline(s.Now) {
		version := "-"
		if e.Version != nil {
			version = e.Version.Slug
		}
		line := fmt.Sprintf("%s %s %s %s %s", or(e.Date.String(), "-"), e.Kind, version, or(e.Name, "-"), or(e.URL, "-"))
		if e.Future {
			line += " future"
		}
		out = append(out, line)
	}
	return out
}

func or(s, empty string) string {
	if s == "" {
		return empty
	}
	return s
}

func TestTimeline(t *testing.T) {
	withDraft := func(tr *content.Tree) *content.Tree {
		vs := &tr.Regions[0].Policies[0].Versions
		*vs = append(*vs, version("v3", content.Draft, "2026-03-01"), version("v4", content.Draft, ""))
		return tr
	}
	revokesCitation := func(tr *content.Tree) *content.Tree {
		v := &tr.Regions[0].Policies[0].Versions[0]
		v.Relations = []content.Relation{{Kind: content.Revokes, Target: "Peraturan Wali Kota R Nomor 3 Tahun 2010"}, {Kind: content.Related, Target: "Undang-Undang Nomor 20 Tahun 2023"}}
		return tr
	}
	tests := []struct {
		name string
		tree *content.Tree
		want []string
	}{
		{
			name: "a day's steps in legal order, the ones to come marked",
			tree: tree(instrument("v1", "2024-01-10", "2024-01-02", "2024-01-03"), instrument("v2", "2025-09-01", "2025-08-20", "2025-09-01")),
			want: []string{
				"2024-01-02 enacted v1 - /r/p/v1/",
				"2024-01-03 promulgated v1 - /r/p/v1/",
				"2024-01-10 in-force v1 - /r/p/v1/",
				"2025-08-20 enacted v2 - /r/p/v2/ future",
				"2025-09-01 promulgated v2 - /r/p/v2/ future",
				"2025-09-01 in-force v2 - /r/p/v2/ future",
			},
		},
		{
			name: "an undated version holds from the start and comes first; a month before its days",
			tree: tree(instrument("v1", "", "", ""), instrument("v2", "2025-03", "", "2025-02-27"), instrument("v3", "2025-03-01", "", "")),
			want: []string{
				"- in-force v1 - /r/p/v1/",
				"2025-02-27 promulgated v2 - /r/p/v2/",
				"2025-03 in-force v2 - /r/p/v2/",
				"2025-03-01 in-force v3 - /r/p/v3/",
			},
		},
		{
			name: "a draft shows the day it is planned for, an undated draft nothing",
			tree: withDraft(tree(version("v1", content.Published, "2024-01"))),
			want: []string{
				"2024-01 in-force v1 - /r/p/v1/",
				"2026-03-01 planned v3 - /r/p/v3/ future",
			},
		},
		{
			name: "a version that revokes its own policy",
			tree: tree(version("v1", content.Published, "2024-01"), version("v2", content.Revoked, "2025-05-01")),
			want: []string{
				"2024-01 in-force v1 - /r/p/v1/",
				"2025-05-01 withdrawn v2 - /r/p/v2/",
			},
		},
		{
			name: "a revocation the policy makes of an instrument outside the site; related is no event",
			tree: revokesCitation(tree(version("v1", content.Published, "2024-01"))),
			want: []string{
				"2024-01 in-force v1 - /r/p/v1/",
				"2024-01 revokes v1 Peraturan Wali Kota R Nomor 3 Tahun 2010 -",
			},
		},
		{
			name: "amended as a whole: one event, on the day the amendment takes effect",
			tree: relationTree("2025-06-01", content.Relation{Kind: content.Amends, Target: "r/p"}),
			want: []string{
				"2024-01 in-force v1 - /r/p/v1/",
				"2025-01 in-force v2 - /r/p/v2/",
				"2025-06-01 amended-by - Kebijakan q1 /r/q/q1/",
			},
		},
		{
			name: "implemented and then revoked by a version to come, naming one version",
			tree: relationTree("2026-02-01",
				content.Relation{Kind: content.Implements, Target: "r/p@v1"},
				content.Relation{Kind: content.Revokes, Target: "r/p@v2"}),
			want: []string{
				"2024-01 in-force v1 - /r/p/v1/",
				"2025-01 in-force v2 - /r/p/v2/",
				"2026-02-01 revoked-by v2 Kebijakan q1 /r/q/q1/ future",
				"2026-02-01 implemented-by v1 Kebijakan q1 /r/q/q1/ future",
			},
		},
		{
			name: "revoked by an undated instrument: from the start",
			tree: relationTree("", content.Relation{Kind: content.Revokes, Target: "r/p"}),
			want: []string{
				"- revoked-by - Kebijakan q1 /r/q/q1/",
				"2024-01 in-force v1 - /r/p/v1/",
				"2025-01 in-force v2 - /r/p/v2/",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.tree, nil, Options{Drafts: true, Now: legal.Date{Year: 2025, Month: 6, Day: 15}})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, events(s)); diff != "" {
				t.Errorf("timeline (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTimelineOfTheRelatingPolicy checks that the instrument that amends
// another shows it on its own timeline, as it takes effect.
func TestTimelineOfTheRelatingPolicy(t *testing.T) {
	s, err := New(relationTree("2025-06-01", content.Relation{Kind: content.Amends, Target: "r/p@v2"}), nil, Options{Now: legal.Date{Year: 2025, Month: 6, Day: 15}})
	if err != nil {
		t.Fatal(err)
	}
	q := s.Regions[0].Policies[1]
	var got []string
	for _, e := range q.Timeline(s.Now) {
		got = append(got, fmt.Sprintf("%s %s %s %s", e.Date, e.Kind, e.Name, e.URL))
	}
	want := []string{"2025-06-01 in-force  /r/q/q1/", "2025-06-01 amends Kebijakan v2 /r/p/v2/"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timeline of q (-want +got):\n%s", diff)
	}
}
