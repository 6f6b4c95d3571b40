package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search"

	"naskah/internal/catalog"
)

// hit resolves a bleve hit to the version and section the reader should see: of the
// versions that hold the section and pass the filters, the newest.
func (ix *Index) hit(h *search.DocumentMatch, r Request, marks *marker) (Hit, bool) {
	region, rest, _ := strings.Cut(h.ID, "/")
	policy, rest, _ := strings.Cut(rest, "#")
	sectionID, _, _ := strings.Cut(rest, "@")
	var v *catalog.Version
	for _, slug := range storedList(h.Fields["versions"]) {
		cand := ix.cat.Version(region, policy, slug)
		if cand == nil || (!r.AllVersions && !cand.Current) || (r.Status != "" && cand.Status != r.Status) {
			continue
		}
		v = cand // stored oldest first
	}
	if v == nil {
		return Hit{}, false
	}
	sec := section(v, sectionID)
	if sec == nil {
		return Hit{}, false
	}
	return Hit{
		Region: region, Policy: policy, Version: v.Slug, Title: v.Title, Section: sec.Heading,
		URL: ix.hitURL(v, sec.ID), Status: v.Status, Date: v.Date, Score: h.Score,
		Fragments: ix.hitFragments(v, sec, marks),
	}, true
}

// hitURL is where a hit of the section with the id leads: the policy's URL for
// the version in force, which stays right when the next comes into force, and
// the version's own for another.
func (ix *Index) hitURL(v *catalog.Version, id string) string {
	url := v.URL
	if v.Current {
		url = ix.cat.Policy(v.Region, v.Policy).URL
	}
	if id != "" {
		url += "#" + id
	}
	return url
}

func storedList(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func section(v *catalog.Version, id string) *catalog.Section {
	for i := range v.Sections {
		if v.Sections[i].ID == id {
			return &v.Sections[i]
		}
	}
	return nil
}
