package search_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"naskah/internal/build"
	"naskah/internal/catalog"
	"naskah/internal/corpus"
	"naskah/internal/search"
)

// TestFacetsMatchBleve checks that the answers of a read-only index, which
// counts facets from its table and evaluates plans of words with an
// accumulator, are bleve's: the same facets, totals, hits in the same order,
// and scores equal but for rounding.
func TestFacetsMatchBleve(t *testing.T) {
	fixtureRequests := []search.Request{
		{Query: "pegawai"},
		{Query: "pelatihan", AllVersions: true},
		{Query: "pelatihan", AllVersions: true, Status: "diganti"},
		{Query: "pegawai", Regions: []string{"beta"}},
		{Query: "pegawai", Tag: "penilaian-kinerja"},
		{Query: "pegawai pelatihan kinerja", AllVersions: true, Size: 1, Page: 2},
		{Query: "angsa"},
	}
	corpusRequests := []search.Request{
		{Query: "pegawai"},
		{Query: "kebijakan memastikan"},
		{Query: `"penilaian kinerja"`},
		{Query: "rekrut*"},
		{Query: "anggaran -teknologi"},
		{Query: "pelatihan", AllVersions: true},
		{Query: "pelatihan", AllVersions: true, Status: "diganti"},
		{Query: "pelatihan", Regions: []string{"daerah-001", "daerah-003"}},
		{Query: "pelatihan", Tag: "rekrutmen", AllVersions: true},
		{Query: "pelatihan", Page: 3, Size: 7},
		{Query: "zzzz"},
		// Plans of several words, expansions, corrections, runs and exclusions.
		{Query: "pelatihan rekrutmen kinerja"},
		{Query: "pelatihan OR beasiswa"},
		{Query: "kebijakan pengembangan -anggaran", Size: 20},
		{Query: "PPPK"},
		{Query: "ASN pelatihan"},
		{Query: "naik pangkat"},
		{Query: "gaji pegawai"},
		{Query: "pelatiahn"},
		{Query: "kepegawain pelatihan"},
		{Query: "pelat* kinerja"},
		{Query: "pegawai", Page: 40, Size: 25},
		{Query: "pengembangan kompetensi", AllVersions: true, Regions: []string{"daerah-002"}},
	}
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	sites := []struct {
		name     string
		ix       *search.Index
		requests []search.Request
	}{
		{"fixture", openFixture(t), fixtureRequests},
		{"corpus", openSite(t, pool.FS(corpus.Options{Regions: 3, Policies: 4, Versions: 3, Words: 400, Seed: 1})), corpusRequests},
	}
	for _, site := range sites {
		if !search.CountsFacets(site.ix) {
			t.Fatalf("%s: the index opened read-only does not count its facets", site.name)
		}
		bleveIx := search.WithBleveFacets(site.ix)
		for _, r := range site.requests {
			t.Run(site.name+"/"+r.Query, func(t *testing.T) {
				want := run(t, bleveIx, r)
				got := run(t, site.ix, r)
				if want.Total > 0 && len(want.Facets.Region) == 0 {
					t.Errorf("bleve counted no facets: %+v", want)
				}
				if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(search.Result{}, "Took"), cmpopts.EquateApprox(1e-12, 0)); diff != "" {
					t.Errorf("answer differs from bleve's (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// openSite builds a site and opens its index.
func openSite(t *testing.T, content fs.FS) *search.Index {
	t.Helper()
	dir := t.TempDir()
	cfg := build.Config{Content: content, ContentDir: "content", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	snap, err := catalog.Locate(cfg.Out, cfg.Data)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(snap.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(snap.Index(), cat)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestConcurrentSearches asks the same new question from many goroutines at
// once: each gets the whole answer, and none sees another's.
func TestConcurrentSearches(t *testing.T) {
	ix := openFixture(t)
	want := run(t, search.WithBleveFacets(ix), search.Request{Query: "pegawai"})
	var wg sync.WaitGroup
	results := make([]*search.Result, 16)
	errs := make([]error, len(results))
	for i := range results {
		wg.Go(func() { results[i], errs[i] = ix.Search(context.Background(), search.Request{Query: "pegawai"}) })
	}
	wg.Wait()
	for i, got := range results {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(search.Result{}, "Took")); diff != "" {
			t.Errorf("answer differs (-want +got):\n%s", diff)
		}
	}
}

// TestCancelledSearch checks that a search whose context is done stops with
// the context's error, and leaves nothing behind that changes the answers
// after it: an accumulator cut short drops its board.
func TestCancelledSearch(t *testing.T) {
	ix := openFixture(t)
	ix.SetCacheSize(0)
	requests := []search.Request{{Query: "pegawai pelatihan"}, {Query: "pegawai -kinerja"}, {Query: `"penilaian kinerja" pegawai`}}
	var want []*search.Result
	for _, r := range requests {
		want = append(want, run(t, ix, r))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, r := range requests {
		if _, err := ix.Search(ctx, r); !errors.Is(err, context.Canceled) {
			t.Errorf("Search(%q) with a cancelled context: %v, want context.Canceled", r.Query, err)
		}
	}
	for i, r := range requests {
		if diff := cmp.Diff(want[i], run(t, ix, r), cmpopts.IgnoreFields(search.Result{}, "Took")); diff != "" {
			t.Errorf("%q after cancelled searches (-before +after):\n%s", r.Query, diff)
		}
	}
}
