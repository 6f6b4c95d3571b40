package site

import (
	"strings"
	"testing"

	"naskah/internal/content"
	"naskah/internal/legal"
)

func TestShortCodesIndexVersions(t *testing.T) {
	s, err := New(tree(version("v1", content.Published, "2024-01"), version("v2", content.Published, "2025-01")), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range s.Versions {
		if want := legal.ShortCode("r/p/" + v.Slug); v.Short != want || s.Short[want] != v {
			t.Errorf("%s: Short = %q, want %q indexed in Site.Short", v.Slug, v.Short, want)
		}
		if got, want := v.ShortURL(), "/s/"+v.Short; got != want {
			t.Errorf("ShortURL = %q, want %q", got, want)
		}
	}
}

func TestShortCodeCollisionIsAnError(t *testing.T) {
	tiny := func(identity string) string { return legal.ShortCode(identity)[:0] + "x" }
	_, err := New(tree(version("v1", content.Published, "2024-01"), version("v2", content.Published, "2025-01")), nil, Options{ShortCode: tiny})
	if err == nil {
		t.Fatal("New accepted two versions with one short code")
	}
	for _, want := range []string{"/s/x", "r/p/v1", "r/p/v2", "content/r/p/v1.md", "content/r/p/v2.md"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}
