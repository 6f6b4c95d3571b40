package content

import "testing"

func TestProblemString(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "content/r/p/v1.md", Line: 3, Message: "m"}, "content/r/p/v1.md:3: m"},
		{Problem{Path: "content/r", Message: "m"}, "content/r: m"},
		{Problem{Path: "content/r/p/v1.md", Line: 3, Message: "m", Warning: true}, "content/r/p/v1.md:3: peringatan: m"},
		{Problem{Path: "content/r", Message: "m", Warning: true}, "content/r: peringatan: m"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestProblemsError(t *testing.T) {
	ps := Problems{
		{Path: "a.md", Line: 1, Message: "satu"},
		{Path: "b.md", Message: "dua", Warning: true},
	}
	const want = "a.md:1: satu\nb.md: peringatan: dua"
	if got := ps.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
