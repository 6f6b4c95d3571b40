package server

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"naskah/internal/catalog"
	"naskah/internal/legal"
	"naskah/internal/theme"
)

// maxShownDay is how much of an unreadable ?pada= value the page repeats.
const maxShownDay = 40

// dayView is the page of a day on which no version of a policy is in force,
// or of a day that cannot be read.
type dayView struct {
	theme.Page
	Policy     *catalog.Policy
	RegionName string
	Heading    string
	Form       theme.DayForm
	// Asked is the day asked for; zero when Raw, what was asked, is no day.
	Asked legal.Date
	Raw   string
	Lapse catalog.Lapse
	// ByName names the revoking version and RevokedSince is the day the
	// revocation took effect, unless that is the day asked for or the start;
	// FirstDate is the day the first version takes effect.
	ByName       string
	RevokedSince *legal.Date
	FirstDate    legal.Date
}

// site serves the static site and, on a policy's URL with ?pada=YYYY-MM-DD,
// the version in force on that day.
func (s *Server) site(w http.ResponseWriter, r *http.Request) error {
	if region, policy, ok := policyPath(r.URL.Path); ok && r.URL.Query().Has("pada") {
		return s.versionOnDay(w, r, region, policy)
	}
	return s.static(w, r)
}

// policyPath reads the region and policy of a policy's URL, /{region}/{policy}/
// (or without the trailing slash, which the static site would add).
func policyPath(p string) (region, policy string, ok bool) {
	p, ok = strings.CutPrefix(p, "/")
	region, policy, _ = strings.Cut(strings.TrimSuffix(p, "/"), "/")
	return region, policy, ok && legal.ValidSlug(region) && legal.ValidSlug(policy)
}

// versionOnDay answers ?pada= on a policy's URL: a 302 to the version in
// force on the day, which was or will be so (a scheduled version counts for
// its days to come); else a 404 page that says why none is, or a 400 page for
// a day that cannot be read. A path that names no policy is the static
// site's, which ignores the query as a static host would.
//
// Which version is in force on a day depends only on the build, never on the
// day of the request, but a rebuild may change it: the redirect is to be
// checked again, which costs nothing to answer.
func (s *Server) versionOnDay(w http.ResponseWriter, r *http.Request, region, policy string) error {
	st := s.acquire()
	defer st.release()
	p := st.cat.Policy(region, policy)
	if p == nil {
		return s.static(w, r)
	}
	raw := r.URL.Query().Get("pada")
	day, ok := parseDay(raw)
	if ok {
		if v := p.InForceOn(day); v != nil {
			w.Header().Set("Cache-Control", "no-cache")
			http.Redirect(w, r, v.URL, http.StatusFound)
			return nil
		}
	}
	v := s.dayView(st, p, raw, day)
	out, err := st.theme.Render("day", v)
	if err != nil {
		return err
	}
	status := http.StatusNotFound
	if !ok {
		status = http.StatusBadRequest
	}
	s.send(w, r, reply{status: status, ctype: htmlType, cache: "no-store", body: out})
	return nil
}

// parseDay reads a day written YYYY-MM-DD; a month alone is no day.
func parseDay(s string) (legal.Date, bool) {
	d, err := legal.ParseDate(s)
	if err != nil || d.Day == 0 {
		return legal.Date{}, false
	}
	return d, true
}

// dayView is the page of the day asked for, or of raw when day is zero.
func (s *Server) dayView(st *state, p *catalog.Policy, raw string, day legal.Date) dayView {
	v := dayView{Page: s.basePage(st, "day.heading"), Policy: p, Asked: day, Form: theme.DayForm{Action: p.URL}}
	v.Title = mustT(st, "day.title", p.Title)
	v.NoIndex = true
	if reg := st.cat.Region(p.Region); reg != nil {
		v.RegionName = mustT(st, "kind."+reg.Kind) + " " + reg.Name
		if reg.Fictional {
			v.Fictional = v.RegionName
			v.RegionName += " " + mustT(st, "fictional.tag")
		}
	}
	v.Crumbs = []theme.Crumb{{Name: mustT(st, "nav.home"), URL: "/"}, {Name: v.RegionName, URL: "/" + p.Region + "/"}, {Name: p.Title, URL: p.URL}, {Name: mustT(st, "day.heading")}}
	if day.IsZero() {
		v.Heading = mustT(st, "day.invalid_title")
		v.Raw = shown(raw)
		return v
	}
	asked, _ := st.theme.Strings().Date(day)
	v.Heading = mustT(st, "day.none_title", asked)
	v.Form.Value = day.String()
	v.Lapse = st.cat.Lapse(p, day)
	if by := v.Lapse.By; by != nil {
		v.ByName = docName(st, by)
		if by.Instrument != nil && by.Instrument.Designation != "" {
			v.ByName = by.Instrument.Designation
		}
	}
	if on := v.Lapse.RevokedOn; !on.IsZero() && on != day {
		v.RevokedSince = &on
	}
	if f := v.Lapse.First; f != nil {
		v.FirstDate, _ = legal.ParseDate(f.Date)
	}
	return v
}

// shown is what a page repeats of a value a reader gave: valid UTF-8, and
// not too long.
func shown(s string) string {
	s = strings.ToValidUTF8(s, "�")
	if utf8.RuneCountInString(s) <= maxShownDay {
		return s
	}
	return string([]rune(s)[:maxShownDay]) + "…"
}
