package server

import (
	"net/http"
	"sync"

	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/legal"
)

// parseRef reads a reference; name is the parameter, for the error message.
func parseRef(name, s string) (legal.Ref, error) {
	r, err := legal.ParseRef(s)
	if err != nil {
		return r, badRequest(name + " " + err.Error())
	}
	return r, nil
}

// resolve finds the version a reference names; no version means the one in force.
func resolve(c *catalog.Catalog, r legal.Ref) (*catalog.Version, error) {
	return lookupVersion(c, r.Region, r.Policy, r.Version)
}

type docJSON struct {
	Region  string `json:"region"`
	Policy  string `json:"policy"`
	Version string `json:"version"`
	Title   string `json:"title"`
	URL     string `json:"url"`
}

type compareResponse struct {
	A docJSON `json:"a"`
	B docJSON `json:"b"`
	*compare.Result
	// Amendment is, for two versions of one regulation, the change in the
	// words of the amending instrument.
	Amendment *compare.Draft `json:"amendment,omitempty"`
}

// comparison is a comparison of two versions as a state keeps it. Requests that
// ask for it at once compare the versions once, and its API answer is encoded
// once, when first asked for: a build's texts never change.
type comparison struct {
	a, b     *catalog.Version
	compared sync.Once
	result   *compare.Result
	draft    *compare.Draft
	answered sync.Once
	answer   *encoded
	err      error
}

// Result compares the versions, or returns the result of doing so before: two
// regulations unit by unit, by their ids alone when they are versions of one.
func (c *comparison) Result() *compare.Result {
	c.compare()
	return c.result
}

// Draft is, for two versions of one regulation, the change from a to b in the
// words of the amending instrument; nil otherwise.
func (c *comparison) Draft() *compare.Draft {
	c.compare()
	return c.draft
}

func (c *comparison) compare() {
	c.compared.Do(func() {
		regulations := c.a.Form == "peraturan" && c.b.Form == "peraturan"
		same := c.a.Region == c.b.Region && c.a.Policy == c.b.Policy
		c.result = compare.Units(c.a.Sections, c.b.Sections, regulations, same)
		if regulations && same && c.a.Slug != c.b.Slug {
			name := c.a.Title
			if c.a.Instrument != nil && c.a.Instrument.Designation != "" {
				name = c.a.Instrument.Designation
			}
			if c.draft = compare.DraftAmendment(c.a.Sections, c.b.Sections, name); c.draft != nil {
				c.draft.URL = c.b.URL
			}
		}
	})
}

// comparePair parses and resolves the a and b parameters, and returns their
// comparison.
func comparePair(st *state, q map[string][]string) (*comparison, error) {
	get := func(name string) string {
		if v := q[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	ra, err := parseRef("a", get("a"))
	if err != nil {
		return nil, err
	}
	rb, err := parseRef("b", get("b"))
	if err != nil {
		return nil, err
	}
	a, err := resolve(st.cat, ra)
	if err != nil {
		return nil, err
	}
	b, err := resolve(st.cat, rb)
	if err != nil {
		return nil, err
	}
	c, _ := st.compares.GetOrPut(refOf(a).String()+"|"+refOf(b).String(), &comparison{a: a, b: b})
	return c, nil
}

func (s *Server) compareAPI(w http.ResponseWriter, r *http.Request) error {
	st := s.acquire()
	defer st.release()
	c, err := comparePair(st, r.URL.Query())
	if err != nil {
		return err
	}
	answer, err := s.compareAnswer(c)
	if err != nil {
		return err
	}
	return s.sendEncoded(w, r, st, answer)
}

// compareAnswer returns the API's answer of a comparison, encoding it the first
// time.
func (s *Server) compareAnswer(c *comparison) (*encoded, error) {
	c.answered.Do(func() {
		c.answer, c.err = s.encode(compareResponse{A: docOf(c.a), B: docOf(c.b), Result: c.Result(), Amendment: c.Draft()})
	})
	return c.answer, c.err
}

func docOf(v *catalog.Version) docJSON {
	return docJSON{Region: v.Region, Policy: v.Policy, Version: v.Slug, Title: v.Title, URL: v.URL}
}
