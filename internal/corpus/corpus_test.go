package corpus

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func pool(t testing.TB) *Pool {
	t.Helper()
	p, err := NewPool(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDeterministic(t *testing.T) {
	p := pool(t)
	o := Options{Regions: 3, Policies: 2, Versions: 3, Words: 500, Seed: 7}
	a, b := p.Files(o), p.Files(o)
	if len(a) != 1+3+3*2*3 {
		t.Fatalf("got %d files, want %d", len(a), 1+3+3*2*3)
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}
	other := p.Files(Options{Regions: 3, Policies: 2, Versions: 3, Words: 500, Seed: 8})
	if bytes.Equal(a["daerah-001/kebijakan-01/v1.md"], other["daerah-001/kebijakan-01/v1.md"]) {
		t.Error("another seed gave the same text")
	}
}

func TestVersionsAreAFewEditsApart(t *testing.T) {
	p := pool(t)
	files := p.Files(Options{Regions: 1, Policies: 1, Versions: 2, Words: 1700, Seed: 1})
	v1 := lines(files["daerah-001/kebijakan-01/v1.md"])
	v2 := lines(files["daerah-001/kebijakan-01/v2.md"])
	words := len(strings.Fields(strings.Join(v1, " ")))
	if words < 1500 || words > 2200 {
		t.Errorf("version has %d words, want about 1700", words)
	}
	same := 0
	for _, l := range v2 {
		for _, m := range v1 {
			if l == m {
				same++
				break
			}
		}
	}
	if same == len(v2) || same < len(v2)*2/3 {
		t.Errorf("%d of %d lines of v2 are in v1: want a few edits", same, len(v2))
	}
}

func lines(data []byte) []string { return strings.Split(string(data), "\n") }

// TestQueries checks that the queries of an "all different" load are all
// different, so that none is answered from a cache.
func TestQueries(t *testing.T) {
	fsys := pool(t).FS(Options{Regions: 1, Policies: 2, Versions: 2, Words: 1700, Seed: 1})
	qs := Queries(fsys, 3000)
	if len(qs) != 3000 {
		t.Fatalf("got %d queries, want 3000", len(qs))
	}
	seen := map[string]bool{}
	for _, q := range qs {
		if seen[q] {
			t.Fatalf("query %q comes twice", q)
		}
		seen[q] = true
	}
}
