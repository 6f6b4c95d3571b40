package content

import (
	"slices"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"title", "title", 0},
		{"titel", "title", 1},
		{"tittle", "title", 1},
		{"tite", "title", 1},
		{"sumary", "summary", 1},
		{"", "note", 4},
		{"ca", "abc", 3},
		{"tanggal", "date", 6},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"tag", "tags"},
		{"baseurl", "base_url"},
		{"lang", "language"},
		{"desc", "description"},
		{"judul", "title"},
		{"tanggal", "date"},
		{"nama", ""}, // not a key of versions
		{"penulis", ""},
		{"x", ""},
		{"", ""},
	} {
		keys := slices.Concat(versionSchema.keys, siteSchema.keys)
		if got := closest(tt.key, keys); got != tt.want {
			t.Errorf("closest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
