package search_test

import (
	"context"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"naskah/internal/build"
	"naskah/internal/catalog"
	"naskah/internal/corpus"
	"naskah/internal/legal"
	"naskah/internal/search"
)

// TestRanking measures the ranking against the judged queries of
// testdata/relevance.json: per query, the reciprocal rank of the first hit
// that answers it and nDCG@10; their means overall, by set and by category
// are logged (go test -run TestRanking -v) and must not fall below the floors
// stored in the file.
//
// The floors are the figures measured when they were set, less 0.01. They are
// raised whenever ranking improves, so that a later change cannot lose the gain
// silently; a floor is lowered only with the reason in the commit.
func TestRanking(t *testing.T) {
	rs, err := readRelevanceSet("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.Queries) < 36 {
		t.Errorf("%d judged queries, want at least 36", len(rs.Queries))
	}
	indexes := rankingIndexes(t, rs)
	all := &rankTally{}
	bySet, byCategory := map[string]*rankTally{}, map[string]*rankTally{}
	for _, q := range rs.Queries {
		hits, pinned, err := rankedHits(indexes[q.Set], q.Query)
		if err != nil {
			t.Errorf("%s %q: %v", q.Set, q.Query, err)
			continue
		}
		f := measureRanking(hits, pinned, rs.answersOf(q))
		t.Logf("%s %-10s RR %.3f nDCG@10 %.3f  %-42q → %s", q.Set, q.Category, f.MRR, f.NDCG10, q.Query, rankFirstHits(hits, 3))
		all.add(f)
		tallyInto(bySet, q.Set, f)
		tallyInto(byCategory, q.Category, f)
	}
	reportRanking(t, "all", all, rs.Floor)
	for _, name := range slices.Sorted(maps.Keys(bySet)) {
		reportRanking(t, "set "+name, bySet[name], rs.Sets[name].Floor)
	}
	for _, name := range slices.Sorted(maps.Keys(byCategory)) {
		reportRanking(t, "category "+name, byCategory[name], rs.Categories[name].Floor)
	}
}

func tallyInto(m map[string]*rankTally, name string, f rankFigures) {
	if m[name] == nil {
		m[name] = &rankTally{}
	}
	m[name].add(f)
}

// reportRanking logs the means of t and fails if one falls below its floor.
func reportRanking(t *testing.T, name string, tl *rankTally, floor rankFigures) {
	t.Helper()
	f := tl.mean()
	s := f.suggested()
	t.Logf("%-20s %2d queries  MRR %.3f  nDCG@10 %.3f  (floors %.3f %.3f; measured less 0.01: %.3f %.3f)",
		name, tl.n, f.MRR, f.NDCG10, floor.MRR, floor.NDCG10, s.MRR, s.NDCG10)
	if why := f.below(floor); why != "" {
		t.Errorf("%s: ranking regressed: %s", name, why)
	}
}

// rankedHits returns the hits of the query in the versions in force, as far
// as the tie at rankDepth reaches, and how many of them come first whatever
// their score: the hit of a cited Pasal, which comes first with the score of
// the best of the others (see Result.Direct).
func rankedHits(ix *search.Index, query string) ([]search.Hit, int, error) {
	var hits []search.Hit
	pinned := 0
	for page := 1; page*search.MaxSize <= search.MaxDepth; page++ {
		res, err := ix.Search(context.Background(), search.Request{Query: query, Page: page, Size: search.MaxSize})
		if err != nil {
			return nil, 0, err
		}
		if page == 1 && citedFirst(res) {
			pinned = 1
		}
		hits = append(hits, res.Hits...)
		if len(res.Hits) < search.MaxSize || hits[len(hits)-1].Score != hits[rankDepth-1].Score {
			break
		}
	}
	return hits, pinned, nil
}

// citedFirst reports whether the first hit of res is the Pasal of a cited unit.
func citedFirst(res *search.Result) bool {
	d := res.Direct
	if d == nil || d.Unit == "" || len(res.Hits) == 0 {
		return false
	}
	h := res.Hits[0]
	_, pasal, _ := strings.Cut(rankKey(h), "#")
	return h.Region == d.Region && h.Policy == d.Policy && (d.Unit == pasal || strings.HasPrefix(d.Unit, pasal+"-"))
}

// rankFirstHits lists the first n hits as answers name sections.
func rankFirstHits(hits []search.Hit, n int) string {
	var out []string
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, rankKey(h))
	}
	if len(out) == 0 {
		return "(no hit)"
	}
	return strings.Join(out, "  ")
}

// rankingIndexes builds the index of each set of rs: konten, the shipped
// content; korpus, a generated corpus with plantedRegion among it. Both are
// reckoned as of rs.Now, so that a version coming into force later does not
// change the figures.
func rankingIndexes(t *testing.T, rs *relevanceSet) map[string]*search.Index {
	t.Helper()
	now, err := legal.ParseDate(rs.Now)
	if err != nil {
		t.Fatalf("now: %v", err)
	}
	content := os.DirFS("../../content")
	pool, err := corpus.NewPool(content)
	if err != nil {
		t.Fatal(err)
	}
	o := rs.Corpus
	generated := pool.Files(corpus.Options{Regions: o.Regions, Policies: o.Policies, Versions: o.Versions, Words: o.Words, Seed: o.Seed})
	if w := plantedWordIn(generated); w != "" {
		t.Fatalf("the generated corpus holds a planted word (%s): the judgments of the korpus set no longer hold", w)
	}
	korpus := fstest.MapFS{}
	for name, data := range generated {
		korpus[name] = &fstest.MapFile{Data: data}
	}
	maps.Copy(korpus, plantedRegion)
	indexes := map[string]*search.Index{}
	for name, fsys := range map[string]fs.FS{"konten": content, "korpus": korpus} {
		if rs.Sets[name] == nil {
			t.Fatalf("testdata/relevance.json has no set %s", name)
		}
		cat := rankingCatalog(t, name, fsys, now)
		if missing := rs.missingSections(name, cat); len(missing) > 0 {
			t.Fatalf("set %s: answers that are no section:\n%s", name, strings.Join(missing, "\n"))
		}
		indexes[name] = openRankingIndex(t, cat)
	}
	return indexes
}

func rankingCatalog(t *testing.T, name string, content fs.FS, now legal.Date) *catalog.Catalog {
	t.Helper()
	res, err := build.Check(context.Background(), build.Config{Content: content, ContentDir: name, Now: now})
	if err != nil {
		t.Fatalf("set %s: %v", name, err)
	}
	return res.Site.Catalog()
}

func openRankingIndex(t *testing.T, cat *catalog.Catalog) *search.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if err := search.Build(context.Background(), dir, cat, 2); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(dir, cat)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestRankingMeasure checks the figures of rankings small enough to reckon by
// hand.
func TestRankingMeasure(t *testing.T) {
	a := func(section string, grade int) judgedAnswer { return judgedAnswer{"r", "p", section, grade} }
	h := func(section string, score float64) search.Hit {
		return search.Hit{Region: "r", Policy: "p", URL: "/r/p/#" + section, Score: score}
	}
	two := []judgedAnswer{a("x", 2), a("y", 1)}
	ideal := 3 + 1/math.Log2(3)
	tests := []struct {
		name    string
		hits    []search.Hit
		pinned  int
		answers []judgedAnswer
		want    rankFigures
	}{
		{"ideal", []search.Hit{h("x", 3), h("y", 2), h("z", 1)}, 0, two, rankFigures{1, 1}},
		{"none", []search.Hit{h("z", 1)}, 0, two, rankFigures{0, 0}},
		{"second", []search.Hit{h("z", 3), h("x", 2)}, 0, two, rankFigures{0.5, 3 / math.Log2(3) / ideal}},
		{"a section met twice gains once", []search.Hit{h("y", 3), h("y", 2)}, 0, two, rankFigures{1, 1 / ideal}},
		{"below the first page", append(slices.Repeat([]search.Hit{h("z", 2)}, rankDepth), h("x", 1)), 0, two, rankFigures{0, 0}},
		// A tie of two, one of them relevant: first or second, equally likely.
		{"tie", []search.Hit{h("z", 1), h("x", 1)}, 0, []judgedAnswer{a("x", 2)}, rankFigures{0.75, (3 + 3/math.Log2(3)) / 2 / 3}},
		{"pinned first is no tie", []search.Hit{h("x", 1), h("z", 1)}, 1, []judgedAnswer{a("x", 2)}, rankFigures{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := measureRanking(tt.hits, tt.pinned, tt.answers)
			if math.Abs(got.MRR-tt.want.MRR) > 1e-9 || math.Abs(got.NDCG10-tt.want.NDCG10) > 1e-9 {
				t.Errorf("measure = %+v, want %+v", got, tt.want)
			}
		})
	}
}
