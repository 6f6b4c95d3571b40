package search

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"golang.org/x/sync/singleflight"

	"naskah/internal/cache"
	"naskah/internal/catalog"
	"naskah/internal/legal"
)

// Limits on paging.
const (
	DefaultSize = 10
	MaxSize     = 50
	MaxDepth    = 1000 // hits skipped plus hits returned
)

// Index is an open, read-only pair of search indexes with the catalog they were
// built from.
type Index struct {
	current  bleve.Index // the versions in force
	all      bleve.Index // every version
	cat      *catalog.Catalog
	analyzer analysis.Analyzer
	stem     func(string) string // of a lowercase word; the words of the texts are looked up
	vocab    *vocabulary
	// expansions are the thesaurus, built-in and the site's, compiled with
	// the index's analysis.
	expansions *expansions
	stops      analysis.TokenMap
	cache      *cache.LRU[string, *Result]
	// searching holds the searches under way, so that identical ones arriving
	// together are answered once.
	searching *singleflight.Group
	// currentFacets and allFacets count the facets of a read-only index; without
	// them (the live preview's writable index, which Update changes) bleve does.
	currentFacets, allFacets *facetTable
}

// Open opens the indexes in dir read-only.
func Open(dir string, c *catalog.Catalog) (*Index, error) { return open(dir, c, true) }

func open(dir string, c *catalog.Catalog, readOnly bool) (*Index, error) {
	ix := &Index{
		cat: c, cache: cache.New[string, *Result](DefaultCacheSize),
		searching: new(singleflight.Group),
	}
	var err error
	if ix.current, err = openIndex(filepath.Join(dir, currentDir), readOnly); err != nil {
		return nil, err
	}
	if ix.all, err = openIndex(filepath.Join(dir, allDir), readOnly); err != nil {
		ix.current.Close()
		return nil, err
	}
	ix.analyzer = ix.current.Mapping().AnalyzerNamed(analyzerName)
	ix.stops = stopWords()
	ix.stem = stemmerOf(ix.analyzer)
	if ix.analyzer == nil || ix.stem == nil {
		ix.Close()
		return nil, fmt.Errorf("search: %s has no %s analyzer", dir, analyzerName)
	}
	words, err := lexiconOf(ix.current.Mapping())
	if err == nil {
		ix.vocab, err = newVocabulary(words, ix.stem)
	}
	var site *Thesaurus
	if err == nil {
		site, err = readSiteThesaurus(dir)
	}
	if err != nil {
		ix.Close()
		return nil, err
	}
	ix.expansions = ix.compile(site)
	if readOnly {
		if ix.currentFacets, err = newFacetTable(ix.current); err == nil {
			ix.allFacets, err = newFacetTable(ix.all)
		}
		if err != nil {
			ix.Close()
			return nil, err
		}
	}
	return ix, nil
}

func openIndex(dir string, readOnly bool) (bleve.Index, error) {
	idx, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": readOnly})
	if err != nil {
		return nil, fmt.Errorf("search: open %s: %w", dir, err)
	}
	return idx, nil
}

// Close closes the indexes.
func (ix *Index) Close() error {
	return errors.Join(ix.current.Close(), ix.all.Close())
}

// Request is a reader's search.
type Request struct {
	Query       string
	Regions     []string // any of them; none means all
	Tag         string
	Status      string // berlaku, diganti, dicabut or rancangan
	AllVersions bool   // search every version, not only those in force
	Literal     bool   // no correction of misspelt words
	Page        int    // from 1
	Size        int
}

// Result is one page of hits.
type Result struct {
	Total  int
	Page   int
	Size   int
	Took   time.Duration
	Hits   []Hit
	Facets Facets
	// Cited reports that the query reads as the citation of an instrument, or
	// of a unit of one ("Pasal 4 ayat (2) Perbup Contoh 3/2024"). Direct is
	// where it leads, and the hit of the cited Pasal comes first; Direct is nil
	// when the citation names no instrument of the site, or several, which
	// Candidates then lists.
	Cited      bool
	Direct     *Direct
	Candidates []Direct
	// Corrected is the query with the words it misspells corrected to the
	// nearest words of the index, when a word has no hit as written or very
	// few; "" when none is. The hits of corrections rank below those of the
	// words as written. Suggestion says that every corrected word has hits
	// of its own: Corrected is a suggestion ("Maksud Anda: …?"). Otherwise a
	// correction stands in for a word that has none ("Menampilkan hasil untuk
	// …"), and Request.Literal searches the words as written.
	Corrected  string
	Suggestion bool
	// Partial reports that no section contains every unit of a query of
	// several (a word, a "phrase", a prefix*, or words joined by OR), in any
	// form the analyzer or the thesaurus conflates: the hits are the best
	// partial matches. Otherwise the sections that contain every unit come
	// first.
	Partial bool
	// StopWords are the words of a query that holds nothing but words too
	// common to be indexed (di, yang, dan), which find nothing; Message then
	// explains, in Indonesian, what to do instead.
	StopWords []string
	Message   string
}

// Hit is a section of a version that matches.
type Hit struct {
	Region    string
	Policy    string
	Version   string
	Title     string
	Section   string // the section's heading
	URL       string // absolute path with the section's anchor
	Status    string
	Date      string
	Score     float64
	Fragments []string // HTML: escaped text with <mark> around matches
}

// Facets count the matching sections by region, tag and status.
type Facets struct {
	Region []Count
	Tag    []Count
	Status []Count
}

// Count is one facet value and how many hits have it.
type Count struct {
	Value string
	Count int
}

// Search answers r. Bad input is a *QueryError.
func (ix *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if err := r.normalize(); err != nil {
		return nil, err
	}
	key := r.Key()
	res, ok := ix.cache.Get(key)
	for !ok {
		v, err, _ := ix.searching.Do(key, func() (any, error) { return ix.search(ctx, r, key) })
		if err != nil && ctx.Err() == nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			continue // joined another request's search, which it gave up
		}
		if err != nil {
			return nil, err
		}
		res, ok = v.(*Result), true
	}
	out := *res // the hits are shared and read-only
	out.Took = time.Since(start)
	return &out, nil
}

// search asks bleve, and keeps the answer under key.
//
// The answer to a citation of a unit has the hit of the unit's Pasal first: it
// takes the first place of the first page, and bleve is asked for the others,
// leaving out the document that it stands for.
func (ix *Index) search(ctx context.Context, r Request, key string) (*Result, error) {
	out := &Result{Page: r.Page, Size: r.Size}
	p, first, err := ix.readQuery(ctx, r, out)
	if err != nil {
		return nil, err
	}
	if len(p.units) == 0 && len(p.stopWords) == 0 {
		return nil, &QueryError{Msg: "kueri kosong: tuliskan kata yang dicari"}
	}
	if len(p.units) == 0 {
		out.StopWords, out.Message = p.stopWords, stopWordsMessage(p.stopWords)
		ix.cache.Put(key, out)
		return out, nil
	}
	from, size, leaveOut := first.window(r)
	idx, table := ix.current, ix.currentFacets
	if r.AllVersions {
		idx, table = ix.all, ix.allFacets
	}
	out.Corrected, out.Suggestion = p.corrected, p.suggestion
	find := ix.searchBleve
	if table != nil && p.flat() {
		find = ix.accumulate
	}
	hits, err := find(ctx, idx, table, p, r, from, size, leaveOut, out)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	ix.finish(out, p, hits, r, first)
	ix.cache.Put(key, out)
	return out, nil
}

// searchBleve finds the hits of p in idx with bleve's searchers (blevequery.go),
// writing the total, the facets and whether no hit holds every unit into out,
// and returns the page's hits. It serves the index that an accumulator cannot
// read: the live preview's, which Update changes, and which has no table.
func (ix *Index) searchBleve(ctx context.Context, idx bleve.Index, table *facetTable, p *plan, r Request, from, size int, leaveOut string, out *Result) ([]*search.DocumentMatch, error) {
	q, rk := ix.buildQuery(p, r, leaveOut)
	req := bleve.NewSearchRequestOptions(q, size, from, false)
	req.Fields = []string{"versions"}
	var hits []int // by facet combination
	if table != nil {
		hits = table.counter()
		ctx = context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, table.handler(hits))
	} else {
		for _, f := range facetFields {
			req.AddFacet(f.name, bleve.NewFacetRequest(f.name, f.size))
		}
	}
	res, err := idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out.Total = int(res.Total)
	out.Partial = rk != nil && len(p.units) > 1 && rk.complete == 0 && res.Total > 0
	if table != nil {
		out.Facets = table.facets(hits)
	} else {
		out.Facets = bleveFacets(res.Facets)
	}
	return res.Hits, nil
}

// finish resolves the hits of the page into out, and puts the hit of a cited
// unit first.
func (ix *Index) finish(out *Result, p *plan, hits []*search.DocumentMatch, r Request, first *firstHit) {
	marks := newMarker(p)
	for _, h := range hits {
		if hit, ok := ix.hit(h, r, marks); ok {
			out.Hits = append(out.Hits, hit)
		}
	}
	if first != nil {
		first.insert(out)
	}
}

// accumulate finds the hits of the flat plan p in idx with an accumulator
// (accumulate.go), writing the total, the facets and whether no hit holds every
// unit into out, and returns the page's hits.
func (ix *Index) accumulate(ctx context.Context, idx bleve.Index, table *facetTable, p *plan, r Request, from, size int, leaveOut string, out *Result) ([]*search.DocumentMatch, error) {
	rd, err := openReader(idx)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	docs, err := rd.DocCount()
	if err != nil {
		return nil, err
	}
	b := boards.Get().(*board)
	b.reset(len(table.combo))
	ac := &accumulator{ctx: ctx, rd: rd, table: table, docs: float64(docs), b: b, n: len(table.combo), positions: map[int]*termPositions{}}
	hits := table.counter()
	found, err := ac.evaluate(p, r, from, size, leaveOut, hits)
	if err != nil {
		return nil, err // and the board, which an evaluation cut short leaves unclean
	}
	out.Total = found.total
	out.Partial = p.ranked() && len(p.units) > 1 && found.complete == 0 && found.total > 0
	out.Facets = table.facets(hits)
	matches, err := ac.matches(found.page, from, p.ranked())
	b.clean()
	boards.Put(b)
	return matches, err
}

// readQuery works out what r's query looks for and, if it cites an
// instrument, resolves the citation into res and returns the hit that comes
// first, if one does.
func (ix *Index) readQuery(ctx context.Context, r Request, res *Result) (*plan, *firstHit, error) {
	clauses, err := splitQuery(r.Query)
	if err != nil {
		return nil, nil, err
	}
	var first *firstHit
	if c, ok := parseCitation(r.Query); ok {
		res.Cited = true
		res.Direct, res.Candidates, first = ix.cite(c, r)
		// A citation in full, with its title, may be longer than a search may
		// be: its first words are searched.
		clauses = clauses[:min(len(clauses), maxClauses)]
	}
	if clauses, err = checkClauses(clauses); err != nil {
		return nil, nil, err
	}
	p, err := ix.plan(clauses, r.Query)
	if err != nil {
		return nil, nil, err
	}
	rd, err := openReader(ix.index(r))
	if err != nil {
		return nil, nil, err
	}
	defer rd.Close()
	df := (&docFreqs{ctx: ctx, rd: rd, counts: map[string]uint64{}}).of
	if !r.Literal {
		if err := ix.correct(p, df, r.Query); err != nil {
			return nil, nil, err
		}
	}
	return p, first, prune(p, df)
}

// index is the index that r searches.
func (ix *Index) index(r Request) bleve.Index {
	if r.AllVersions {
		return ix.all
	}
	return ix.current
}

// SetCacheSize replaces the cache of answers with an empty one of size entries;
// 0 keeps none (benchmarks use it to measure the index itself).
func (ix *Index) SetCacheSize(size int) { ix.cache = cache.New[string, *Result](size) }

func (r *Request) normalize() error {
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Page == 0 {
		r.Page = 1
	}
	switch {
	case r.Size < 1 || r.Size > MaxSize:
		return &QueryError{Msg: fmt.Sprintf("size harus antara 1 dan %d", MaxSize)}
	case r.Page < 1 || r.Page*r.Size > MaxDepth:
		return &QueryError{Msg: fmt.Sprintf("page di luar jangkauan (paling dalam %d hasil)", MaxDepth)}
	}
	if r.Status != "" && !legal.ValidState(r.Status) {
		return &QueryError{Msg: "status harus berlaku, diganti, dicabut atau rancangan"}
	}
	return nil
}

// IsQueryError reports whether err is the reader's to fix.
func IsQueryError(err error) bool {
	var qe *QueryError
	return errors.As(err, &qe)
}
