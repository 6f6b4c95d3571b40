package server

import (
	"context"
	"net/url"
	"slices"

	"naskah/internal/catalog"
	"naskah/internal/legal"
	"naskah/internal/search"
)

// The filters of the search page offer only the values that can match: a
// value of one filter is offered when the query has hits with it under the
// page's other choices. For a filter that is not chosen these are the facets
// of the page's own result; for one that is, the facets of the same search
// without it, which also tell how many hits dropping it would give. Without a
// query the catalog says which values exist among the versions searched.
//
// What the versions choice allows follows from it, not from a rule of the
// page: with versions=current the index holds the current version of each
// policy, which is in force (berlaku), or scheduled (akan-berlaku) when none
// is yet, or revoked (dicabut) with its policy, or a draft (rancangan) when the
// policy has only drafts; never superseded (diganti). Drafts are in the
// catalog only when the site was built with them.

// pageFilter is one filter of the search page: a select of the values that
// can match.
type pageFilter struct {
	Name    string // the query parameter, and after "f_" the id of the select
	Label   string // "Daerah"
	All     string // the choice of no filter: "Semua daerah"
	Value   string // the value chosen; "" for none
	Options []filterOption
	// Without is how many hits the search has without this filter, and Drop
	// that search; both are set only when the filter is chosen.
	Without int
	Drop    string
}

type filterOption struct {
	Value, Label string // Label with the value's hits, when the page has searched
	Selected     bool
	name         string // Label without its hits
}

// ValueLabel is how the chosen value reads.
func (f pageFilter) ValueLabel() string {
	for _, o := range f.Options {
		if o.Selected {
			return o.name
		}
	}
	return f.Value
}

// filterDim is what the page knows of one filter.
type filterDim struct {
	name, label, all string // the parameter, and the UI strings of the select
	chosen           func(search.Request) string
	drop             func(*search.Request)
	facets           func(search.Facets) []search.Count
	values           func(*catalog.Version) []string
}

var filterDims = [...]filterDim{
	{
		name: "region", label: "search.region", all: "search.all_regions",
		chosen: func(r search.Request) string { return first(r.Regions) },
		drop:   func(r *search.Request) { r.Regions = nil },
		facets: func(f search.Facets) []search.Count { return f.Region },
		values: func(v *catalog.Version) []string { return []string{v.Region} },
	},
	{
		name: "tag", label: "search.tag", all: "search.all_tags",
		chosen: func(r search.Request) string { return r.Tag },
		drop:   func(r *search.Request) { r.Tag = "" },
		facets: func(f search.Facets) []search.Count { return f.Tag },
		values: func(v *catalog.Version) []string { return v.Tags },
	},
	{
		name: "status", label: "search.status", all: "search.all_statuses",
		chosen: func(r search.Request) string { return r.Status },
		drop:   func(r *search.Request) { r.Status = "" },
		facets: func(f search.Facets) []search.Count { return f.Status },
		values: func(v *catalog.Version) []string { return []string{v.Status} },
	},
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// activeFilters counts the choices that narrow or widen the search: the
// filters chosen, and every version rather than the current ones.
func activeFilters(r search.Request) int {
	n := 0
	for _, d := range filterDims {
		if d.chosen(r) != "" {
			n++
		}
	}
	if r.AllVersions {
		n++
	}
	return n
}

// fillFilters sets the filters of v, whose search is req, and, when the search
// has no hits, how to get some: which filter leaves none and what dropping it,
// or searching every version, would give.
func (s *Server) fillFilters(ctx context.Context, st *state, v *searchView, req search.Request, q url.Values) error {
	for _, d := range filterDims {
		f := pageFilter{Name: d.name, Label: mustT(st, d.label), All: mustT(st, d.all), Value: d.chosen(req)}
		var counts map[string]int
		switch {
		case v.Result == nil:
			counts = catalogCounts(st.cat, req, d)
		case f.Value == "":
			counts = countsOf(d.facets(v.Result.Facets))
		default:
			r := req
			d.drop(&r)
			res, err := s.probe(ctx, st, r)
			if err != nil {
				return err
			}
			counts = countsOf(d.facets(res.Facets))
			f.Without, f.Drop = res.Total, searchURL(q, d.name)
		}
		f.Options = filterOptions(st, d.name, f.Value, counts, v.Result != nil)
		v.Filters = append(v.Filters, f)
	}
	if v.Result == nil || v.Result.Total > 0 {
		return nil
	}
	return s.fillWaysOut(ctx, st, v, req, q)
}

// fillWaysOut tells a search without hits what would have some.
func (s *Server) fillWaysOut(ctx context.Context, st *state, v *searchView, req search.Request, q url.Values) error {
	for _, f := range v.Filters {
		if f.Drop != "" && f.Without > 0 {
			v.Culprits = append(v.Culprits, f)
		}
	}
	if !req.AllVersions {
		r := req
		r.AllVersions = true
		res, err := s.probe(ctx, st, r)
		if err != nil {
			return err
		}
		if res.Total > 0 {
			c := cloneValues(q)
			c.Set("versions", "all")
			c.Del("page")
			v.EveryVersion = &pageLink{URL: "/cari?" + c.Encode(), Total: res.Total}
		}
	}
	if len(v.Culprits) == 0 && activeFilters(req) > 1 {
		// No one filter is to blame, but together they may be.
		r := req
		for _, d := range filterDims {
			d.drop(&r)
		}
		r.AllVersions = false
		res, err := s.probe(ctx, st, r)
		if err != nil {
			return err
		}
		if res.Total > 0 {
			v.Unfiltered = &pageLink{URL: v.Unfilter, Total: res.Total}
		}
	}
	return nil
}

// pageLink is a search the page suggests, with its number of hits.
type pageLink struct {
	URL   string
	Total int
}

// probe searches r only for its facets and total.
func (s *Server) probe(ctx context.Context, st *state, r search.Request) (*search.Result, error) {
	r.Page, r.Size = 1, 1
	return st.index.Search(ctx, r)
}

// filterOptions are the values of the filter name with hits in counts, in the
// order readers look for them, and the chosen one whether it has hits or not,
// so that the form shows what the URL asks for. withCounts shows how many hits
// each value has.
func filterOptions(st *state, name, chosen string, counts map[string]int, withCounts bool) []filterOption {
	var values []string
	switch name {
	case "region":
		for _, r := range st.cat.Regions {
			values = append(values, r.Slug)
		}
	case "status":
		for _, s := range legal.States() {
			values = append(values, string(s))
		}
	default:
		for v := range counts {
			values = append(values, v)
		}
		slices.Sort(values)
	}
	if chosen != "" && !slices.Contains(values, chosen) {
		values = append(values, chosen)
	}
	var out []filterOption
	for _, val := range values {
		n, ok := counts[val]
		if !ok && val != chosen {
			continue
		}
		o := filterOption{Value: val, name: valueName(st, name, val), Selected: val == chosen}
		o.Label = o.name
		if withCounts {
			o.Label = mustT(st, "search.option_count", o.name, n)
		}
		out = append(out, o)
	}
	return out
}

// valueName is how a value of the filter name reads.
func valueName(st *state, name, value string) string {
	switch name {
	case "region":
		if r := st.cat.Region(value); r != nil {
			return regionName(st, r)
		}
	case "status":
		if legal.ValidState(value) {
			return mustT(st, "status."+value)
		}
	case "tag":
		return st.theme.Strings().Topic(value)
	}
	return value
}

// regionName is how a region reads: "Kabupaten Contoh (fiktif)".
func regionName(st *state, r *catalog.Region) string {
	name := mustT(st, "kind."+r.Kind) + " " + r.Name
	if r.Fictional {
		name += " " + mustT(st, "fictional.tag")
	}
	return name
}

func countsOf(cs []search.Count) map[string]int {
	out := make(map[string]int, len(cs))
	for _, c := range cs {
		out[c.Value] = c.Count
	}
	return out
}

// catalogCounts counts, for a page without a search, the versions that req's
// versions choice searches and its other filters pass, by their values of d.
func catalogCounts(cat *catalog.Catalog, req search.Request, d filterDim) map[string]int {
	r := req
	d.drop(&r)
	out := map[string]int{}
	cat.Versions(func(v *catalog.Version) {
		if !req.AllVersions && !v.Current {
			return
		}
		if len(r.Regions) > 0 && !slices.Contains(r.Regions, v.Region) ||
			r.Tag != "" && !slices.Contains(v.Tags, r.Tag) ||
			r.Status != "" && v.Status != r.Status {
			return
		}
		for _, val := range d.values(v) {
			out[val]++
		}
	})
	return out
}

// searchURL is the search of q without the parameter drop, from its first page.
func searchURL(q url.Values, drop string) string {
	c := cloneValues(q)
	c.Del(drop)
	c.Del("page")
	return "/cari?" + c.Encode()
}

func cloneValues(q url.Values) url.Values {
	c := url.Values{}
	for k, vs := range q {
		c[k] = slices.Clone(vs)
	}
	return c
}
