package content

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSlugHint(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Mamuju Tengah", `(huruf kecil a-z, angka, dan tanda -; mis. "mamuju-tengah")`},
		{"a--b", `(huruf kecil a-z, angka, dan tanda -; mis. "a-b")`},
		{"---", "(huruf kecil a-z, angka, dan tanda -)"},
		{"", "(huruf kecil a-z, angka, dan tanda -)"},
	} {
		if got := slugHint(tt.in); got != tt.want {
			t.Errorf("slugHint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIgnored(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{".git", true},
		{".v1.md.swp", true},
		{".DS_Store", true},
		{"v1.md~", true},
		{"#v1.md#", true},
		{"v1.md", false},
		{"_index.md", false},
		{"#", false},
		{"#v1.md", false},
	} {
		if got := ignored(tt.in); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCompareNatural(t *testing.T) {
	want := []string{"01", "1", "2", "10", "v", "v1", "v1-a", "v01-b", "v2", "v9", "v10", "v10a", "v99999999999999999999", "va"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, compareNatural)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("natural order mismatch (-want +got):\n%s", diff)
	}
	for _, s := range want {
		if c := compareNatural(s, s); c != 0 {
			t.Errorf("compareNatural(%q, %q) = %d, want 0", s, s, c)
		}
	}
}
