package server

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"naskah/internal/catalog"
	"naskah/internal/legal"
	"naskah/internal/search"
	"naskah/internal/theme"
)

// searchView is the search page.
type searchView struct {
	theme.Page
	Query   string
	Request search.Request
	Error   string
	Result  *search.Result
	Hits    []pageHit
	Regions []*catalog.Region // to browse when there is nothing to show
	// Filters are the region, tag and status filters, each offering the
	// values that can match; Active counts the choices that differ from the
	// defaults, the versions choice among them.
	Filters  []pageFilter
	Active   int
	Unfilter string // the same search without filters
	// For a search without hits: Culprits are the filters that leave none,
	// each of which dropped alone gives some; EveryVersion searches every
	// version instead of the current ones, and Unfiltered drops every filter,
	// each when that has hits.
	Culprits     []pageFilter
	EveryVersion *pageLink
	Unfiltered   *pageLink
	Prev         string
	Next         string
	PageCount    int
	// PastLast is set when the page asked for comes after the last one.
	PastLast *pastLast
	// Direct is where a query that cites a unit or an instrument leads, and
	// Candidates the instruments it may name when it names several; Uncited
	// says that it names none.
	Direct     *pageDirect
	Candidates []pageDirect
	Uncited    bool
	// CorrectedURL searches the corrected query; LiteralURL the query as
	// written, with no correction.
	CorrectedURL string
	LiteralURL   string
}

// pastLast tells a page asked for after the last one how many hits there are,
// on how many pages, and links the last page.
type pastLast struct {
	Page, Total, Pages int
	Last               string // the last page's URL
	Deep               bool   // there are more hits than pages may show
}

// pageDirect is where a citation leads, with the status of its version as of
// today.
type pageDirect struct {
	search.Direct
	Status string
}

type pageHit struct {
	search.Hit
	RegionName string
	DateText   string
	Fragments  []template.HTML
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	q := formValues(r.URL.Query())
	req, err := searchParams(q)
	searching := err == nil && req.Query != ""
	if searching {
		if err = s.admit(r); err == nil {
			defer s.done()
		}
	}
	st := s.acquire()
	defer st.release()
	v := searchView{
		Page: s.basePage(st, "search.title"), Query: req.Query, Request: req, Regions: st.cat.Regions,
		Active: activeFilters(req),
	}
	v.NoIndex = true
	v.Unfilter = "/cari?" + url.Values{"q": {req.Query}}.Encode()
	// A page too deep to search is past the last one: the first tells how many
	// there are.
	asked := req.Page
	if searching && err == nil && deeperThanSearched(req) {
		req.Page = 1
	}
	if searching && err == nil {
		v.Result, err = st.index.Search(r.Context(), req)
	}
	status, err := pageError(w, err, &v.Error)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		v.Result = nil
	}
	if err := s.fillFilters(r.Context(), st, &v, req, q); err != nil {
		return err
	}
	if v.Result != nil {
		s.fillHits(st, &v, q, asked)
		s.fillDirect(st, &v)
		if c := v.Result.Corrected; c != "" {
			v.CorrectedURL, v.LiteralURL = searchWith(r.URL.Query(), "q", c), searchWith(r.URL.Query(), "literal", "1")
		}
	}
	out, err := st.theme.Render("search", v)
	if err != nil {
		return err
	}
	s.send(w, r, reply{status: status, ctype: htmlType, cache: "no-store", body: out})
	return nil
}

// formValues are the parameters of q that choose something: the search form
// sends every filter, those left at "all" empty, and the versions choice even
// when it is the default.
func formValues(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if v != "" && (k != "versions" || v != "current") {
				out[k] = append(out[k], v)
			}
		}
	}
	return out
}

// deeperThanSearched reports whether r asks for a page beyond the hits that a
// search may skip.
func deeperThanSearched(r search.Request) bool {
	size := r.Size
	if size == 0 {
		size = search.DefaultSize
	}
	return size <= search.MaxSize && r.Page*size > search.MaxDepth
}

// pageError turns the error of a search or comparison into the message a page
// shows and the status it is answered with; a fault of the server's own is
// returned for the error page.
func pageError(w http.ResponseWriter, err error, msg *string) (int, error) {
	if err == nil {
		return http.StatusOK, nil
	}
	he := classify(err)
	if he.status == http.StatusInternalServerError {
		return 0, err
	}
	setRetryAfter(w.Header(), he)
	*msg = he.msg
	return he.status, nil
}

// fillHits sets the hits of v's result, its pager, and, when asked is a page
// after the last, what tells so.
func (s *Server) fillHits(st *state, v *searchView, q url.Values, asked int) {
	res := v.Result
	v.PageCount = (min(res.Total, search.MaxDepth) + res.Size - 1) / res.Size
	if asked > v.PageCount && res.Total > 0 {
		v.PastLast = &pastLast{Page: asked, Total: res.Total, Pages: v.PageCount,
			Last: pageURL(q, v.PageCount), Deep: res.Total > search.MaxDepth}
		return
	}
	day := s.asOf(st)
	for _, h := range res.Hits {
		ph := pageHit{Hit: h}
		if cv := st.cat.Version(h.Region, h.Policy, h.Version); cv != nil {
			ph.Status = day.State(cv) // as of today, like the API
		}
		if reg := st.cat.Region(h.Region); reg != nil {
			ph.RegionName = regionName(st, reg)
		}
		if d, err := legal.ParseDate(h.Date); err == nil {
			ph.DateText, _ = st.theme.Strings().Date(d)
		}
		for _, f := range h.Fragments {
			ph.Fragments = append(ph.Fragments, template.HTML(f)) // escaped by search, but for <mark>
		}
		v.Hits = append(v.Hits, ph)
	}
	if res.Page > 1 {
		v.Prev = pageURL(q, res.Page-1)
	}
	if res.Page < v.PageCount {
		v.Next = pageURL(q, res.Page+1)
	}
}

// fillDirect tells the page where the query leads if it cites an instrument.
func (s *Server) fillDirect(st *state, v *searchView) {
	day := s.asOf(st)
	of := func(d search.Direct) pageDirect {
		pd := pageDirect{Direct: d}
		if cv := st.cat.Version(d.Region, d.Policy, d.Version); cv != nil {
			pd.Status = day.State(cv)
		}
		return pd
	}
	res := v.Result
	if res.Direct != nil {
		d := of(*res.Direct)
		v.Direct = &d
	}
	for _, c := range res.Candidates {
		v.Candidates = append(v.Candidates, of(c))
	}
	v.Uncited = res.Cited && res.Direct == nil && len(res.Candidates) == 0
}

// searchWith is the search of q, from its first page, with key set to value.
func searchWith(q url.Values, key, value string) string {
	c := cloneValues(q)
	c.Del("page")
	c.Set(key, value)
	return "/cari?" + c.Encode()
}

func pageURL(q url.Values, page int) string {
	c := cloneValues(q)
	c.Set("page", strconv.Itoa(page))
	return "/cari?" + c.Encode()
}

// basePage is the layout data of a page the server renders.
func (s *Server) basePage(st *state, titleKey string) theme.Page {
	title := mustT(st, titleKey)
	info := theme.SiteInfo{Title: st.cat.Title, Description: st.cat.Description, Language: st.cat.Language, BaseURL: st.cat.BaseURL,
		StatusDate: s.asOf(st).Day}
	p := st.theme.NewPage(info, "", title, "")
	p.Crumbs = []theme.Crumb{{Name: mustT(st, "nav.home"), URL: "/"}, {Name: title}}
	return p
}

// mustT is a UI string; a theme that lacks it shows the key rather than failing
// the page.
func mustT(st *state, key string, args ...any) string {
	s, err := st.theme.Strings().T(key, args...)
	if err != nil {
		return key
	}
	return s
}
