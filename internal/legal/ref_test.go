package legal

import (
	"strings"
	"testing"
)

func TestValidSlug(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"mamuju", true},
		{"kebijakan-asn-2025", true},
		{"v2", true},
		{"2025-04", true},
		{"a", true},
		{"", false},
		{"-a", false},
		{"a-", false},
		{"a--b", false},
		{"Mamuju", false},
		{"mamuju tengah", false},
		{"p_2", false},
		{"café", false},
		{"_index", false},
		{"v1.md", false},
	} {
		if got := ValidSlug(tt.in); got != tt.want {
			t.Errorf("ValidSlug(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseRef(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Ref
		ok   bool
	}{
		{"mamuju/kebijakan-asn", Ref{"mamuju", "kebijakan-asn", ""}, true},
		{"mamuju/kebijakan-asn@v2", Ref{"mamuju", "kebijakan-asn", "v2"}, true},
		{"mamuju/kebijakan-asn@", Ref{}, false},
		{"mamuju", Ref{}, false},
		{"Mamuju/k", Ref{}, false},
		{"a/b/c", Ref{}, false},
		{"a/b@c@d", Ref{}, false},
	} {
		got, err := ParseRef(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseRef(%q) = %+v, %v; want %+v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && got.String() != tt.in {
			t.Errorf("ParseRef(%q).String() = %q", tt.in, got.String())
		}
	}
	if q := (Ref{"a", "b", "v1"}).Query(); q != "a/b@v1" {
		t.Errorf("Query = %q, want a/b@v1", q)
	}
}

func TestShortCode(t *testing.T) {
	a := ShortCode("mamuju/kebijakan/v1")
	if len(a) != ShortLen {
		t.Fatalf("ShortCode = %q, want %d characters", a, ShortLen)
	}
	for _, c := range a {
		if !strings.ContainsRune(ShortAlphabet, c) {
			t.Errorf("ShortCode = %q has %q, not in the alphabet", a, c)
		}
	}
	if b := ShortCode("mamuju/kebijakan/v1"); b != a {
		t.Errorf("ShortCode is not stable: %q then %q", a, b)
	}
	if b := ShortCode("mamuju/kebijakan/v2"); b == a {
		t.Errorf("two identities share the code %q", a)
	}
}
