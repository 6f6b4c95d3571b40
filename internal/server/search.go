package server

import (
	"net/http"
	"net/url"
	"strconv"
	"unicode/utf8"

	"naskah/internal/catalog"
	"naskah/internal/legal"
	"naskah/internal/search"
)

// searchParams reads a search from the query string, as /api/v1/search and /cari
// share it: q, region (repeatable), tag, status, versions=current|all, page, size,
// literal=1 (no correction of misspelt words).
func searchParams(v url.Values) (search.Request, error) {
	r := search.Request{Query: v.Get("q"), Regions: v["region"], Tag: v.Get("tag"), Status: v.Get("status")}
	if utf8.RuneCountInString(r.Query) > search.MaxQueryLength {
		return r, badRequest("q terlalu panjang (paling banyak 256 karakter)")
	}
	if len(r.Regions) > 20 {
		return r, badRequest("terlalu banyak region (paling banyak 20)")
	}
	for _, reg := range r.Regions {
		if !legal.ValidSlug(reg) {
			return r, badRequest("region harus berupa slug, misalnya mamuju")
		}
	}
	if r.Tag != "" && !legal.ValidSlug(r.Tag) {
		return r, badRequest("tag harus berupa slug, misalnya pelatihan")
	}
	switch v.Get("versions") {
	case "", "current":
	case "all":
		r.AllVersions = true
	default:
		return r, badRequest("versions harus current atau all")
	}
	switch v.Get("literal") {
	case "", "0":
	case "1":
		r.Literal = true
	default:
		return r, badRequest("literal harus 1 (cari kata persis seperti ditulis) atau 0")
	}
	var err error
	if r.Page, err = intParam(v, "page"); err != nil {
		return r, err
	}
	if r.Size, err = intParam(v, "size"); err != nil {
		return r, err
	}
	return r, nil
}

func intParam(v url.Values, name string) (int, error) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1000 {
		return 0, badRequest(name + " harus bilangan bulat positif")
	}
	return n, nil
}

// searchResponse is the JSON of /api/v1/search.
type searchResponse struct {
	Query  string       `json:"query"`
	Total  int          `json:"total"`
	Page   int          `json:"page"`
	Size   int          `json:"size"`
	TookMS float64      `json:"took_ms"`
	Hits   []searchHit  `json:"hits"`
	Facets searchFacets `json:"facets"`
	// Direct is where a query that cites a unit or an instrument leads;
	// Candidates are the instruments a citation may name when it names several.
	Direct     *searchDirect  `json:"direct,omitempty"`
	Candidates []searchDirect `json:"candidates,omitempty"`
	// Corrected is the query with its misspelt words corrected; Suggestion
	// says that the words as written have hits too, which come first.
	Corrected  string `json:"corrected,omitempty"`
	Suggestion bool   `json:"suggestion,omitempty"`
	// Partial says that no section holds every word of the query.
	Partial bool `json:"partial,omitempty"`
	// StopWords are the words of a query of stop words only, which find
	// nothing; Message says what to do instead.
	StopWords []string `json:"stop_words,omitempty"`
	Message   string   `json:"message,omitempty"`
}

type searchDirect struct {
	Cite    string `json:"cite"`
	URL     string `json:"url"`
	Region  string `json:"region"`
	Policy  string `json:"policy"`
	Version string `json:"version"`
	Status  string `json:"status"`
	Unit    string `json:"unit,omitempty"`
	Missing string `json:"missing,omitempty"`
}

type searchHit struct {
	Region    string   `json:"region"`
	Policy    string   `json:"policy"`
	Version   string   `json:"version"`
	Title     string   `json:"title"`
	Section   string   `json:"section"`
	URL       string   `json:"url"`
	Status    string   `json:"status"`
	Date      string   `json:"date"`
	Score     float64  `json:"score"`
	Fragments []string `json:"fragments"`
}

type searchFacets struct {
	Region []facetCount `json:"region"`
	Tag    []facetCount `json:"tag"`
	Status []facetCount `json:"status"`
}

type facetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

func (s *Server) searchAPI(w http.ResponseWriter, r *http.Request) error {
	req, err := searchParams(r.URL.Query())
	if err != nil {
		return err
	}
	if req.Query == "" {
		return badRequest("q wajib diisi")
	}
	st := s.acquire()
	defer st.release()
	day := s.asOf(st)
	key := day.Day.String() + " " + req.Key() // statuses are of the day
	a, ok := st.searches.Get(key)
	if !ok {
		res, err := st.index.Search(r.Context(), req)
		if err != nil {
			return err
		}
		if a, err = s.encodeSearch(st.cat, day, req.Query, res); err != nil {
			return err
		}
		st.searches.Put(key, a)
	}
	// Not stored: what people search for is theirs.
	s.send(w, r, reply{status: http.StatusOK, ctype: jsonType, cache: "no-store", body: a.body, gz: a.gz})
	return nil
}

// encodeSearch encodes a search's answer once, with its gzip form, to be sent
// again for the same query until the next rebuild: its took_ms is the time of the
// search that made it. Keeping the answer whole costs a cached search nothing but
// the write; compressing it again for each request would cost six times as much.
//
// A hit's status is as of the day of the request; the facets and the status
// filter count the statuses the index was built with, as of the build's day.
func (s *Server) encodeSearch(cat *catalog.Catalog, day *catalog.AsOf, query string, res *search.Result) (*encoded, error) {
	out := searchResponse{
		Query: query, Total: res.Total, Page: res.Page, Size: res.Size, Hits: []searchHit{},
		TookMS:    float64(res.Took.Microseconds()) / 1000,
		Facets:    searchFacets{Region: counts(res.Facets.Region), Tag: counts(res.Facets.Tag), Status: counts(res.Facets.Status)},
		Corrected: res.Corrected, Suggestion: res.Suggestion, Partial: res.Partial,
		StopWords: res.StopWords, Message: res.Message,
	}
	for _, h := range res.Hits {
		hit := searchHit(h)
		if v := cat.Version(h.Region, h.Policy, h.Version); v != nil {
			hit.Status = day.State(v)
		}
		hit.Fragments = nonNil(hit.Fragments)
		out.Hits = append(out.Hits, hit)
	}
	if res.Direct != nil {
		d := directJSON(cat, day, *res.Direct)
		out.Direct = &d
	}
	for _, c := range res.Candidates {
		out.Candidates = append(out.Candidates, directJSON(cat, day, c))
	}
	return s.encode(out)
}

// directJSON is d with its version's status as of day.
func directJSON(cat *catalog.Catalog, day *catalog.AsOf, d search.Direct) searchDirect {
	out := searchDirect{Cite: d.Cite, URL: d.URL, Region: d.Region, Policy: d.Policy, Version: d.Version, Unit: d.Unit, Missing: d.Missing}
	if v := cat.Version(d.Region, d.Policy, d.Version); v != nil {
		out.Status = day.State(v)
	}
	return out
}

func counts(cs []search.Count) []facetCount {
	out := make([]facetCount, len(cs))
	for i, c := range cs {
		out[i] = facetCount(c)
	}
	return out
}
