package search_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"naskah/internal/build"
	"naskah/internal/catalog"
	"naskah/internal/corpus"
	"naskah/internal/search"
)

// testCatalogs are the fixture and a small generated corpus.
func testCatalogs(t *testing.T) map[string]*catalog.Catalog {
	t.Helper()
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]*catalog.Catalog{}
	for name, content := range map[string]fs.FS{
		"fixture": fixture,
		"corpus":  pool.FS(corpus.Options{Regions: 3, Policies: 4, Versions: 3, Words: 400, Seed: 1}),
	} {
		res, err := build.Check(context.Background(), build.Config{Content: content, ContentDir: "content"})
		if err != nil {
			t.Fatal(err)
		}
		cats[name] = res.Site.Catalog()
	}
	return cats
}

// TestDocumentsAsMapped checks that the documents Build analyses itself are those
// that bleve's mapping makes of the same sections, but for the offsets of terms.
func TestDocumentsAsMapped(t *testing.T) {
	for name, cat := range testCatalogs(t) {
		built, want, err := search.MappedDocuments(cat)
		if err != nil {
			t.Fatal(err)
		}
		if len(built) != len(want) {
			t.Fatalf("%s: %d documents, want %d", name, len(built), len(want))
		}
		for i := range want {
			if diff := cmp.Diff(view(want[i]), view(built[i]), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: document %s (-want +got):\n%s", name, want[i].ID(), diff)
			}
		}
	}
}

type fieldView struct {
	Name           string
	ArrayPositions []uint64
	Options        index.FieldIndexingOptions
	Length         int
	Terms          map[string]termView
}

type termView struct {
	Frequency      int
	Positions      []int
	ArrayPositions [][]uint64
}

// view is what zap reads of the fields of d, but for the offsets of terms.
func view(d *document.Document) []fieldView {
	var out []fieldView
	d.VisitFields(func(f index.Field) {
		v := fieldView{Name: f.Name(), ArrayPositions: f.ArrayPositions(), Options: f.Options(), Length: f.AnalyzedLength(), Terms: map[string]termView{}}
		for term, tf := range f.AnalyzedTokenFrequencies() {
			tv := termView{Frequency: tf.Frequency()}
			for _, loc := range tf.Locations {
				tv.Positions = append(tv.Positions, loc.Position)
				tv.ArrayPositions = append(tv.ArrayPositions, loc.ArrayPositions)
			}
			v.Terms[term] = tv
		}
		out = append(out, v)
	})
	return out
}

// TestBuildAnswersAsMapped checks that indexes that Build writes answer as those
// that bleve writes of the documents its mapping makes.
func TestBuildAnswersAsMapped(t *testing.T) {
	var requests []search.Request
	for _, q := range []string{"pegawai", "pelatihan teknologi", `"penilaian kinerja"`, "rekrut*", "pelatihan -teknologi", "kebijakan memastikan", "angsa", "anggaran"} {
		requests = append(requests,
			search.Request{Query: q, Size: search.MaxSize},
			search.Request{Query: q, AllVersions: true, Size: search.MaxSize},
			search.Request{Query: q, AllVersions: true, Status: "diganti"},
			search.Request{Query: q, Regions: []string{"alpha", "daerah-002"}, Tag: "rekrutmen"},
		)
	}
	for name, cat := range testCatalogs(t) {
		dir := t.TempDir()
		built, mapped := filepath.Join(dir, "built"), filepath.Join(dir, "mapped")
		if err := search.Build(context.Background(), built, cat, runtime.GOMAXPROCS(0)); err != nil {
			t.Fatal(err)
		}
		if err := search.BuildMapped(mapped, cat); err != nil {
			t.Fatal(err)
		}
		got, want := openIndex(t, built, cat), openIndex(t, mapped, cat)
		hits := 0
		for _, r := range requests {
			w, g := run(t, want, r), run(t, got, r)
			hits += len(w.Hits)
			if diff := cmp.Diff(canonical(w), canonical(g), cmpopts.IgnoreFields(search.Result{}, "Took")); diff != "" {
				t.Errorf("%s: %+v (-want +got):\n%s", name, r, diff)
			}
		}
		if hits == 0 {
			t.Errorf("%s: no request found anything", name)
		}
	}
}

func openIndex(t *testing.T, dir string, cat *catalog.Catalog) *search.Index {
	t.Helper()
	ix, err := search.Open(dir, cat)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// canonical orders the hits of res that score the same by their URL, as two
// indexes of the same documents need not number them alike, and leaves out those
// that score as the last, which a page may cut anywhere.
func canonical(res *search.Result) *search.Result {
	out := *res
	out.Hits = slices.Clone(res.Hits)
	slices.SortStableFunc(out.Hits, func(a, b search.Hit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.URL, b.URL)
	})
	if n := len(out.Hits); n > 0 && res.Total > n {
		last := out.Hits[n-1].Score
		out.Hits = slices.DeleteFunc(out.Hits, func(h search.Hit) bool { return h.Score == last })
	}
	return &out
}
