package main

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/corpus"
)

func TestBuildSteps(t *testing.T) {
	out := "naskah build: 26211 berkas ke public dalam 24.305s (load 246ms, markdown 1.15s, site 4ms, index 11.876s, pages 22.903s, publish 0s)\n"
	want := map[string]dur{
		"load": dur(246 * time.Millisecond), "markdown": dur(1150 * time.Millisecond), "site": dur(4 * time.Millisecond),
		"index": dur(11876 * time.Millisecond), "pages": dur(22903 * time.Millisecond), "publish": 0,
	}
	if diff := cmp.Diff(want, buildSteps(out)); diff != "" {
		t.Errorf("buildSteps (-want +got):\n%s", diff)
	}
	if got := buildSteps("naskah build: gagal\n"); got != nil {
		t.Errorf("buildSteps of a report without steps = %v, want nil", got)
	}
}

// TestDistinctQueries checks that the queries of the "all different" load are
// all different, so that none is answered from the server's cache.
func TestDistinctQueries(t *testing.T) {
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := pool.Write(dir, corpus.Options{Regions: 1, Policies: 2, Versions: 2, Words: 1700, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	qs := distinctQueries(dir, 3000)
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
