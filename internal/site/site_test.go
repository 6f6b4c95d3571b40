package site

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/content"
	"naskah/internal/legal"
)

func version(slug string, status content.Status, date string, tags ...string) content.Version {
	d, err := legal.ParseDate(date)
	if date != "" && err != nil {
		panic(err)
	}
	return content.Version{Slug: slug, Label: slug, Title: "Kebijakan " + slug, Status: status, Date: d, Tags: tags, Path: "content/r/p/" + slug + ".md"}
}

func tree(versions ...content.Version) *content.Tree {
	return &content.Tree{
		Site: content.Site{Title: "Uji", BaseURL: "https://naskah.example/"},
		Regions: []content.Region{{
			Slug: "r", Name: "R", Kind: "kota", Path: "content/r/_index.md",
			Policies: []content.Policy{{Slug: "p", Path: "content/r/p", Versions: versions}},
		}},
	}
}

// states returns each version's slug and state, oldest first, and the current one.
func states(t *testing.T, s *Site) (map[string]legal.State, string) {
	t.Helper()
	got := map[string]legal.State{}
	if len(s.Regions[0].Policies) == 0 {
		return got, ""
	}
	p := s.Regions[0].Policies[0]
	for _, v := range p.Versions {
		got[v.Slug] = v.State
	}
	return got, p.Current.Slug
}

func TestStates(t *testing.T) {
	tests := []struct {
		name        string
		versions    []content.Version
		drafts      bool
		want        map[string]legal.State
		wantCurrent string
	}{
		{
			name:        "newest published is in force",
			versions:    []content.Version{version("v1", content.Published, "2024-01"), version("v2", content.Published, "2025-01")},
			want:        map[string]legal.State{"v1": legal.Superseded, "v2": legal.InForce},
			wantCurrent: "v2",
		},
		{
			name:        "drafts left out by default",
			versions:    []content.Version{version("v1", content.Published, ""), version("v2", content.Draft, "")},
			want:        map[string]legal.State{"v1": legal.InForce},
			wantCurrent: "v1",
		},
		{
			name:        "a draft does not displace the version in force",
			versions:    []content.Version{version("v1", content.Published, ""), version("v2", content.Draft, "")},
			drafts:      true,
			want:        map[string]legal.State{"v1": legal.InForce, "v2": legal.Draft},
			wantCurrent: "v1",
		},
		{
			// From the date of a revoked version the policy is revoked: every
			// version says so, and the policy's page shows the revocation.
			name:        "revoked",
			versions:    []content.Version{version("v1", content.Published, ""), version("v2", content.Revoked, "")},
			want:        map[string]legal.State{"v1": legal.Revoked, "v2": legal.Revoked},
			wantCurrent: "v2",
		},
		{
			name:        "a later date is scheduled, the earlier one stays in force",
			versions:    []content.Version{version("v1", content.Published, "2025-01"), version("v2", content.Published, "2025-07-01")},
			want:        map[string]legal.State{"v1": legal.InForce, "v2": legal.Scheduled},
			wantCurrent: "v1",
		},
		{
			name:        "in force on its own day",
			versions:    []content.Version{version("v1", content.Published, "2025-01"), version("v2", content.Published, "2025-06-15")},
			want:        map[string]legal.State{"v1": legal.Superseded, "v2": legal.InForce},
			wantCurrent: "v2",
		},
		{
			name:        "a month counts from its first day",
			versions:    []content.Version{version("v1", content.Published, "2025-06")},
			want:        map[string]legal.State{"v1": legal.InForce},
			wantCurrent: "v1",
		},
		{
			name:        "a revocation to come leaves the policy in force until then",
			versions:    []content.Version{version("v1", content.Published, ""), version("v2", content.Revoked, "2025-12-31")},
			want:        map[string]legal.State{"v1": legal.InForce, "v2": legal.Scheduled},
			wantCurrent: "v1",
		},
		{
			name:        "nothing in force yet: the first scheduled version is shown",
			versions:    []content.Version{version("v1", content.Published, "2025-07"), version("v2", content.Published, "2026-01")},
			want:        map[string]legal.State{"v1": legal.Scheduled, "v2": legal.Scheduled},
			wantCurrent: "v1",
		},
		{
			name:        "re-enacted after a revocation",
			versions:    []content.Version{version("v1", content.Revoked, "2024-01"), version("v2", content.Published, "2025-01")},
			want:        map[string]legal.State{"v1": legal.Revoked, "v2": legal.InForce},
			wantCurrent: "v2",
		},
		{
			name:        "only revoked: the newest is shown",
			versions:    []content.Version{version("v1", content.Revoked, "")},
			want:        map[string]legal.State{"v1": legal.Revoked},
			wantCurrent: "v1",
		},
		{
			name:     "only drafts: the policy is absent",
			versions: []content.Version{version("v1", content.Draft, "")},
			want:     map[string]legal.State{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tree(tt.versions...), Docs{}, Options{Drafts: tt.drafts, Now: legal.Date{Year: 2025, Month: 6, Day: 15}})
			if err != nil {
				t.Fatal(err)
			}
			got, cur := states(t, s)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("states (-want +got):\n%s", diff)
			}
			if cur != tt.wantCurrent {
				t.Errorf("current = %q, want %q", cur, tt.wantCurrent)
			}
		})
	}
}

func TestLinksAndTags(t *testing.T) {
	s, err := New(tree(version("v1", content.Published, "2024-01", "rekrutmen"), version("v2", content.Published, "2025-02-03", "pelatihan")), Docs{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Regions[0].Policies[0]
	v1, v2 := p.Versions[0], p.Versions[1]
	if v1.Next != v2 || v2.Prev != v1 || v1.Prev != nil || v2.Next != nil {
		t.Error("versions are not linked in order")
	}
	got := map[string]string{"region": s.Regions[0].URL(), "policy": p.URL(), "history": p.HistoryURL(), "v1": v1.URL(), "abs": s.Abs(v2.URL())}
	want := map[string]string{"region": "/r/", "policy": "/r/p/", "history": "/r/p/versi/", "v1": "/r/p/v1/", "abs": "https://naskah.example/r/p/v2/"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("URLs (-want +got):\n%s", diff)
	}
	var tags []string
	for _, tag := range s.Tags {
		tags = append(tags, tag.Slug)
	}
	if diff := cmp.Diff([]string{"pelatihan", "rekrutmen"}, tags); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	if s.Versions[0] != v2 || !v2.Updated.Equal(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("site versions are not newest first: %v", s.Versions[0].Slug)
	}
}

func TestBaseURL(t *testing.T) {
	tests := []struct{ flag, site, fallback, want string }{
		{"", "https://a.example/", "http://127.0.0.1:8080", "https://a.example"},
		{"https://b.example/sub/", "https://a.example/", "", "https://b.example/sub"},
		{"", "", "http://127.0.0.1:8080", "http://127.0.0.1:8080"},
	}
	for _, tt := range tests {
		got, err := baseURL(content.Site{BaseURL: tt.site}, Options{BaseURL: tt.flag, Fallback: tt.fallback})
		if err != nil || got != tt.want {
			t.Errorf("baseURL(%q, %q, %q) = %q, %v; want %q", tt.flag, tt.site, tt.fallback, got, err, tt.want)
		}
	}
	if _, err := baseURL(content.Site{}, Options{BaseURL: "naskah.example"}); err == nil {
		t.Error("a relative base URL was accepted")
	}
}
