package server

import (
	"math"
	"net/http"

	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/legal"
	"naskah/internal/theme"
)

// compareView is the comparison page. It tells two versions of one policy as
// old (A) and new (B), and the policies of two regions, or two policies of one
// region, in their own words: what only one of them has, and how alike the
// sections that pair are.
type compareView struct {
	theme.Page
	A, B         *catalog.Version // nil until chosen
	AName, BName string           // "Title (Kabupaten X, versi v1)"
	// ALabel and BLabel head the two columns of the texts: region and version.
	ALabel, BLabel string
	// ASide and BSide name the two texts in a sentence: "versi v1" for two
	// versions, else the regions ("Kabupaten Mamuju"), or "naskah A" for two
	// policies of one region.
	ASide, BSide string
	// Versions is set for two versions of one policy.
	Versions bool
	Result   *compare.Result
	Pairs    []pairView
	// Paired, AOnly and BOnly count the pairs of sections and the sections only
	// one text has.
	Paired, AOnly, BOnly int
	// Words shows the word diff rather than the aligned texts side by side.
	Words              bool
	SideURL, WordsURL  string
	AOptions, BOptions []optionGroup
	Error              string
	// Draft is, for two versions of one regulation, the change in the words
	// of the amending instrument.
	Draft *compare.Draft
}

// pairView is a pair of sections as the page shows it.
type pairView struct {
	compare.Pair
	Anchor  string // the pair's id: its section's own (compare.Result.Anchors)
	Index   int    // its place, for the anchors of old links (#bagian_3)
	Percent int    // Similarity in percent
	// Told is the status in the words of a comparison of two texts that are
	// not versions of one: "Sama", "Hanya di Kota Bandung".
	Told string
}

// optionGroup is the versions of one region that a picker offers.
type optionGroup struct {
	Label   string
	Options []option
}

type option struct {
	Value, Label string
	Selected     bool
}

// The views of the page: the texts side by side (the default; "side" is its
// old name) or the word diff ("inline" its old name).
const (
	viewWords    = "kata"
	viewOldWords = "inline"
)

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
	view := q.Get("view")
	v := compareView{Page: s.basePage(st, "compare.title"), Words: view == viewWords || view == viewOldWords}
	v.Description = mustT(st, "compare.description")
	if comparing && err == nil {
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
	day := s.asOf(st)
	v.AOptions = options(st, day, q.Get("a"))
	v.BOptions = options(st, day, q.Get("b"))
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
	v.ALabel = mustT(st, "compare.column", "A", regionNamed(st, a.Region), a.Label)
	v.BLabel = mustT(st, "compare.column", "B", regionNamed(st, b.Region), b.Label)
	v.Versions = a.Region == b.Region && a.Policy == b.Policy
	switch {
	case v.Versions:
		v.ASide, v.BSide = mustT(st, "compare.side_version", a.Label), mustT(st, "compare.side_version", b.Label)
	case a.Region != b.Region:
		v.ASide, v.BSide = regionNamed(st, a.Region), regionNamed(st, b.Region)
	default:
		v.ASide, v.BSide = mustT(st, "compare.side_text", "A"), mustT(st, "compare.side_text", "B")
	}
	v.Title = mustT(st, "compare.versus", v.AName, v.BName)
	v.SideURL = theme.CompareURL(refOf(a), refOf(b), "")
	v.WordsURL = theme.CompareURL(refOf(a), refOf(b), viewWords)
	v.Canonical = st.cat.BaseURL + v.SideURL
	anchors := res.Anchors()
	v.Pairs = make([]pairView, len(res.Sections))
	for i, p := range res.Sections {
		cp := pairView{Pair: p, Anchor: anchors[i], Index: i, Percent: int(math.Round(100 * p.Similarity))}
		switch p.Status {
		case compare.Added:
			v.BOnly++
			cp.Told = mustT(st, "compare.pair.only", v.BSide)
		case compare.Removed:
			v.AOnly++
			cp.Told = mustT(st, "compare.pair.only", v.ASide)
		default:
			v.Paired++
			cp.Told = mustT(st, "compare.pair."+string(p.Status))
		}
		v.Pairs[i] = cp
	}
}

// docName names a version for a reader: "Title (Kota Bandung, versi v1)".
func docName(st *state, v *catalog.Version) string {
	return mustT(st, "compare.heading", v.Title, regionNamed(st, v.Region), v.Label)
}

// regionNamed is how a reader calls the region slug: "Kabupaten Mamuju", a
// fictional one with its tag (see regionName).
func regionNamed(st *state, slug string) string {
	if reg := st.cat.Region(slug); reg != nil {
		return regionName(st, reg)
	}
	return slug
}

func refOf(v *catalog.Version) legal.Ref {
	return legal.Ref{Region: v.Region, Policy: v.Policy, Version: v.Slug}
}

// options lists every version of every policy for a picker, a group per
// region, each labelled region first, then the version, marked when it is in
// force on the day of day, then the title: a closed picker shows what it
// holds, and the two pickers offer the same whatever is chosen. selected is
// the reference the request gives; one without a version selects the version
// in force.
func options(st *state, day *catalog.AsOf, selected string) []optionGroup {
	groups := make([]optionGroup, 0, len(st.cat.Regions))
	for _, reg := range st.cat.Regions {
		name := mustT(st, "kind."+reg.Kind) + " " + reg.Name
		g := optionGroup{Label: name}
		if reg.Fictional {
			g.Label += " " + mustT(st, "fictional.tag")
		}
		for _, p := range reg.Policies {
			for i := len(p.Versions) - 1; i >= 0; i-- {
				v := p.Versions[i]
				ref := refOf(v).String()
				version := v.Label
				if day.State(v) == "berlaku" {
					version = mustT(st, "compare.in_force", v.Label)
				}
				g.Options = append(g.Options, option{
					Value:    ref,
					Label:    mustT(st, "compare.option", name, version, v.Title),
					Selected: ref == selected || (v.Current && selected == v.Region+"/"+v.Policy),
				})
			}
		}
		groups = append(groups, g)
	}
	return groups
}
