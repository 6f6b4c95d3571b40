package server

import (
	"fmt"
	"net/http"

	"naskah/internal/catalog"
)

// The JSON shapes of the metadata routes, as the OpenAPI document describes them.
// Fields may be added, never renamed.
type (
	regionSummary struct {
		Slug     string `json:"slug"`
		Name     string `json:"name"`
		Kind     string `json:"kind"`
		Province string `json:"province"`
		URL      string `json:"url"`
		Policies int    `json:"policies"`
	}
	regionDetail struct {
		Slug     string          `json:"slug"`
		Name     string          `json:"name"`
		Kind     string          `json:"kind"`
		Province string          `json:"province"`
		URL      string          `json:"url"`
		Policies []policySummary `json:"policies"`
	}
	policySummary struct {
		Slug   string `json:"slug"`
		Title  string `json:"title"`
		Status string `json:"status"`
		Date   string `json:"date"`
		URL    string `json:"url"`
	}
	policyDetail struct {
		Region   string           `json:"region"`
		Slug     string           `json:"slug"`
		Title    string           `json:"title"`
		Current  string           `json:"current"`
		URL      string           `json:"url"`
		Versions []versionSummary `json:"versions"`
	}
	versionSummary struct {
		Version string `json:"version"`
		Label   string `json:"label"`
		Date    string `json:"date"`
		Status  string `json:"status"`
		URL     string `json:"url"`
	}
	sectionJSON struct {
		ID      string `json:"id"`
		Heading string `json:"heading"`
		HTML    string `json:"html"`
		Text    string `json:"text"`
	}
	versionDetail struct {
		Region   string        `json:"region"`
		Policy   string        `json:"policy"`
		Version  string        `json:"version"`
		Label    string        `json:"label"`
		Title    string        `json:"title"`
		Date     string        `json:"date"`
		Status   string        `json:"status"`
		Current  bool          `json:"current"`
		Summary  string        `json:"summary"`
		Tags     []string      `json:"tags"`
		Number   string        `json:"number"`
		Source   string        `json:"source"`
		Note     string        `json:"note"`
		URL      string        `json:"url"`
		Sections []sectionJSON `json:"sections"`
		// Instrument is absent for a version that states no type.
		Instrument *catalog.Instrument `json:"instrument,omitempty"`
		Relations  []catalog.Relation  `json:"relations"`
		// The authentic PDF; absent when the version names none.
		OriginalURL    string `json:"original_url,omitempty"`
		OriginalSize   int64  `json:"original_size,omitempty"`
		OriginalSHA256 string `json:"original_sha256,omitempty"`
		// Form is "peraturan" for a regulation; absent for prose.
		Form string `json:"form,omitempty"`
	}
)

func (s *Server) regionsAPI(w http.ResponseWriter, r *http.Request) error {
	st := s.acquire()
	defer st.release()
	out := struct {
		Regions []regionSummary `json:"regions"`
	}{Regions: []regionSummary{}}
	for _, reg := range st.cat.Regions {
		out.Regions = append(out.Regions, regionSummary{reg.Slug, reg.Name, reg.Kind, reg.Province, reg.URL, len(reg.Policies)})
	}
	return s.sendData(w, r, st, out)
}

func (s *Server) regionAPI(w http.ResponseWriter, r *http.Request) error {
	st := s.acquire()
	defer st.release()
	reg, err := lookupRegion(st.cat, r.PathValue("region"))
	if err != nil {
		return err
	}
	a := s.asOf(st)
	out := regionDetail{Slug: reg.Slug, Name: reg.Name, Kind: reg.Kind, Province: reg.Province, URL: reg.URL, Policies: []policySummary{}}
	for _, p := range reg.Policies {
		cur := a.Current(p)
		out.Policies = append(out.Policies, policySummary{p.Slug, cur.Title, a.State(cur), cur.Date, p.URL})
	}
	return s.sendStatuses(w, r, st, a, out)
}

func (s *Server) policyAPI(w http.ResponseWriter, r *http.Request) error {
	st := s.acquire()
	defer st.release()
	p, err := lookupPolicy(st.cat, r.PathValue("region"), r.PathValue("policy"))
	if err != nil {
		return err
	}
	a := s.asOf(st)
	cur := a.Current(p)
	out := policyDetail{Region: p.Region, Slug: p.Slug, Title: cur.Title, Current: cur.Slug, URL: p.URL, Versions: []versionSummary{}}
	for _, v := range p.Versions {
		out.Versions = append(out.Versions, versionSummary{v.Slug, v.Label, v.Date, a.State(v), v.URL})
	}
	return s.sendStatuses(w, r, st, a, out)
}

func (s *Server) versionAPI(w http.ResponseWriter, r *http.Request) error {
	st := s.acquire()
	defer st.release()
	v, err := lookupVersion(st.cat, r.PathValue("region"), r.PathValue("policy"), r.PathValue("version"))
	if err != nil {
		return err
	}
	a := s.asOf(st)
	out := versionDetail{
		Region: v.Region, Policy: v.Policy, Version: v.Slug, Label: v.Label, Title: v.Title,
		Date: v.Date, Status: a.State(v), Current: a.Current(st.cat.Policy(v.Region, v.Policy)) == v, Summary: v.Summary, Tags: nonNil(v.Tags),
		Number: v.Number, Source: v.Source, Note: v.Note, URL: v.URL, Sections: []sectionJSON{},
		Instrument: v.Instrument, Relations: v.Relations,
		OriginalURL: v.OriginalURL, OriginalSize: v.OriginalSize, OriginalSHA256: v.OriginalSHA256, Form: v.Form,
	}
	if out.Relations == nil {
		out.Relations = []catalog.Relation{}
	}
	for _, sec := range v.Sections {
		out.Sections = append(out.Sections, sectionJSON{sec.ID, sec.Heading, sec.HTML, sec.Text})
	}
	return s.sendStatuses(w, r, st, a, out)
}

func notFound(format string, args ...any) error {
	return &httpError{status: http.StatusNotFound, code: "not_found", msg: fmt.Sprintf(format, args...)}
}

func lookupRegion(c *catalog.Catalog, region string) (*catalog.Region, error) {
	reg := c.Region(region)
	if reg == nil {
		return nil, notFound("daerah %q tidak dikenal", region)
	}
	return reg, nil
}

func lookupPolicy(c *catalog.Catalog, region, policy string) (*catalog.Policy, error) {
	if _, err := lookupRegion(c, region); err != nil {
		return nil, err
	}
	p := c.Policy(region, policy)
	if p == nil {
		return nil, notFound("kebijakan %q tidak dikenal di daerah %q", policy, region)
	}
	return p, nil
}

// lookupVersion finds a version; an empty version means the one in force.
func lookupVersion(c *catalog.Catalog, region, policy, version string) (*catalog.Version, error) {
	if _, err := lookupPolicy(c, region, policy); err != nil {
		return nil, err
	}
	v := c.Version(region, policy, version)
	if v == nil {
		return nil, notFound("versi %q tidak dikenal untuk kebijakan %s/%s", version, region, policy)
	}
	return v, nil
}

// nonNil keeps an empty list a list in JSON.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
