package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"naskah/internal/legal"
	"naskah/internal/search"
)

// searchParams reads a search from the query string, as /api/v1/search and /cari
// share it: q, region (repeatable), tag, status, versions=current|all, page, size.
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
	start := time.Now()
	key := req.Key()
	a, ok := st.searches.Get(key)
	took := time.Since(start)
	if !ok {
		res, err := st.index.Search(r.Context(), req)
		if err != nil {
			return err
		}
		if a, err = encodeSearch(req.Query, res); err != nil {
			return err
		}
		st.searches.Put(key, a)
		took = res.Took
	}
	s.sendSearch(w, r, a, took)
	return nil
}

// searchAnswer is the JSON of a search's answer encoded once, to be sent many
// times: the bytes before and after the value of took_ms, which differs each
// time, and the gzip stream of the same.
type searchAnswer struct {
	head, tail []byte
	gz         *gzipSplice
}

// tookKey is where the answer is cut. The query before it is a JSON string, in
// which every quote is escaped, so the first match is the key.
const tookKey = `,"took_ms":`

func encodeSearch(query string, res *search.Result) (*searchAnswer, error) {
	out := searchResponse{
		Query: query, Total: res.Total, Page: res.Page, Size: res.Size, Hits: []searchHit{},
		Facets: searchFacets{Region: counts(res.Facets.Region), Tag: counts(res.Facets.Tag), Status: counts(res.Facets.Status)},
	}
	for _, h := range res.Hits {
		hit := searchHit(h)
		hit.Fragments = nonNil(hit.Fragments)
		out.Hits = append(out.Hits, hit)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	body := buf.Bytes()
	i := bytes.Index(body, []byte(tookKey+"0,"))
	if i < 0 {
		return nil, errors.New("server: the search answer has no took_ms")
	}
	head, tail := body[:i+len(tookKey)], body[i+len(tookKey)+1:]
	return &searchAnswer{head: head, tail: tail, gz: newGzipSplice(head, tail)}, nil
}

// sendSearch sends a search's answer with took in it. Not stored: what people
// search for is theirs, and took_ms differs each time.
func (s *Server) sendSearch(w http.ResponseWriter, r *http.Request, a *searchAnswer, took time.Duration) {
	// The milliseconds as encoding/json writes numbers of this size.
	ms := strconv.AppendFloat(nil, float64(took.Microseconds())/1000, 'f', -1, 64)
	body := s.buffer()
	defer s.recycle(body)
	body.Write(a.head)
	body.Write(ms)
	body.Write(a.tail)
	rp := reply{status: http.StatusOK, ctype: jsonType, cache: "no-store", body: body.Bytes()}
	if acceptsGzip(r) {
		gz := s.buffer()
		defer s.recycle(gz)
		a.gz.write(gz, ms)
		rp.gz = gz.Bytes()
	}
	s.send(w, r, rp)
}

func counts(cs []search.Count) []facetCount {
	out := make([]facetCount, len(cs))
	for i, c := range cs {
		out[i] = facetCount(c)
	}
	return out
}
