package server

import (
	"net/http"

	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/legal"
	"naskah/internal/theme"
)

// compareView is the comparison page.
type compareView struct {
	theme.Page
	A, B       *catalog.Version // nil until chosen
	AName      string
	BName      string
	Result     *compare.Result
	Side       bool // side by side rather than inline
	InlineURL  string
	SideURL    string
	AOptions   []option
	BOptions   []option
	Error      string
	ShareURL   string
	Unchanged  int
	HasChanges bool
	// Draft is, for two versions of one regulation, the change in the words
	// of the amending instrument.
	Draft *compare.Draft
}

type option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var err error
	comparing := q.Get("a") != "" && q.Get("b") != ""
	if comparing {
		if err = s.admit(r); err == nil {
			defer s.done()
		}
	}
	st := s.acquire()
	defer st.release()
	v := compareView{Page: s.basePage(st, "compare.title"), Side: q.Get("view") == "side"}
	v.Description = mustT(st, "compare.description")
	if !comparing {
		v.Error = mustT(st, "compare.need_both")
	} else if err == nil {
		var c *comparison
		if c, err = comparePair(st, q); err == nil {
			s.fillComparison(st, &v, c.a, c.b, c.Result())
			v.Draft = c.Draft()
		}
	}
	status, err := pageError(w, err, &v.Error)
	if err != nil {
		return err
	}
	v.AOptions = options(st.cat, anchorOf(st.cat, q.Get("a"), q.Get("b")), q.Get("a"))
	v.BOptions = options(st.cat, anchorOf(st.cat, q.Get("b"), q.Get("a")), q.Get("b"))
	out, err := st.theme.Render("compare", v)
	if err != nil {
		return err
	}
	rp := reply{status: status, ctype: htmlType, cache: "no-store", body: out}
	if comparing && status == http.StatusOK {
		rp.cache, rp.revalidate, rp.modTime = "no-cache", true, st.modTime
	}
	s.send(w, r, rp)
	return nil
}

func (s *Server) fillComparison(st *state, v *compareView, a, b *catalog.Version, res *compare.Result) {
	v.A, v.B, v.Result = a, b, res
	v.AName, v.BName = docName(st, a), docName(st, b)
	v.Title = mustT(st, "compare.versus", v.AName, v.BName)
	base := theme.CompareURL(refOf(a), refOf(b), "")
	v.InlineURL, v.SideURL = base, theme.CompareURL(refOf(a), refOf(b), "side")
	v.ShareURL = st.cat.BaseURL + base
	v.Canonical = v.ShareURL
	for _, p := range res.Sections {
		if p.Status == compare.Unchanged {
			v.Unchanged++
		}
	}
	v.HasChanges = v.Unchanged < len(res.Sections)
}

// docName names a version for a reader: "Title (Kota Bandung, versi v1)".
func docName(st *state, v *catalog.Version) string {
	region := v.Region
	if reg := st.cat.Region(v.Region); reg != nil {
		region = mustT(st, "kind."+reg.Kind) + " " + reg.Name
	}
	return mustT(st, "compare.heading", v.Title, region, v.Label)
}

func refOf(v *catalog.Version) legal.Ref {
	return legal.Ref{Region: v.Region, Policy: v.Policy, Version: v.Slug}
}

// anchorOf is the version whose neighbours a select offers: the one chosen, else
// the one chosen on the other side.
func anchorOf(c *catalog.Catalog, refs ...string) *catalog.Version {
	for _, s := range refs {
		if r, err := parseRef("", s); err == nil {
			if v := c.Version(r.Region, r.Policy, r.Version); v != nil {
				return v
			}
		}
	}
	return nil
}

// options lists what a reader is likely to compare near anchor, so that the form
// stays small however large the site: the versions of its policy, the same kind of
// policy in other regions, and the other policies of its region. With no anchor it
// lists every policy's version in force.
func options(c *catalog.Catalog, anchor *catalog.Version, selected string) []option {
	var out []option
	seen := map[string]bool{}
	add := func(v *catalog.Version, label string) {
		ref := refOf(v).String()
		if seen[ref] {
			return
		}
		seen[ref] = true
		sel := ref == selected || (v.Current && selected == v.Region+"/"+v.Policy)
		out = append(out, option{Value: ref, Label: label, Selected: sel})
	}
	for _, reg := range c.Regions {
		for _, p := range reg.Policies {
			if anchor != nil && p.Region == anchor.Region && p.Slug == anchor.Policy {
				for i := len(p.Versions) - 1; i >= 0; i-- {
					add(p.Versions[i], p.Title+" — "+reg.Name+" — "+p.Versions[i].Label)
				}
			}
		}
	}
	for _, reg := range c.Regions {
		for _, p := range reg.Policies {
			if anchor == nil || p.Slug == anchor.Policy || p.Region == anchor.Region {
				cur := c.Version(p.Region, p.Slug, "")
				add(cur, p.Title+" — "+reg.Name+" — "+cur.Label)
			}
		}
	}
	return out
}
