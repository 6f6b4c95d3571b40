package site

import (
	"naskah/internal/catalog"
	"naskah/internal/markdown"
)

// Catalog compiles the catalog of the site: the data the server reads instead of
// the site model.
func (s *Site) Catalog() *catalog.Catalog {
	c := &catalog.Catalog{Format: catalog.Format, Title: s.Title, Description: s.Description, Language: s.Language, BaseURL: s.BaseURL, Now: s.Now.String()}
	for _, r := range s.Regions {
		cr := &catalog.Region{Slug: r.Slug, Name: r.Name, Kind: r.Kind, Province: r.Province, Fictional: r.Fictional, URL: r.URL(), Policies: []*catalog.Policy{}}
		for _, p := range r.Policies {
			cr.Policies = append(cr.Policies, p.catalog())
		}
		c.Regions = append(c.Regions, cr)
	}
	c.Index()
	return c
}

func (p *Policy) catalog() *catalog.Policy {
	cp := &catalog.Policy{Region: p.Region.Slug, Slug: p.Slug, Title: p.Current.Title, Current: p.Current.Slug, URL: p.URL()}
	for _, by := range p.Revokers {
		cp.Revocations = append(cp.Revocations, by.Date.String())
	}
	for _, v := range p.Versions {
		cv := &catalog.Version{
			Region: p.Region.Slug, Policy: p.Slug, Slug: v.Slug, Label: v.Label, Title: v.Title,
			Date: v.Date.String(), Status: string(v.State), Standing: string(v.Status), Current: v.IsCurrent(), Summary: v.Summary,
			Tags: v.Tags, Number: v.Number, Source: v.Source, Note: v.Note, URL: v.URL(), Short: v.Short,
			Sections: v.Sections(), Relations: v.catalogRelations(),
		}
		if cv.Tags == nil {
			cv.Tags = []string{}
		}
		if v.Doc != nil && v.Doc.Units != nil {
			cv.Form = "peraturan"
		}
		if v.Type != "" {
			cv.Instrument = &catalog.Instrument{
				Type: string(v.Type), TypeName: v.Type.Name(), Designation: v.Designation, Number: v.Number, Year: v.Year,
				Enacted: v.Enacted.String(), Promulgated: v.Promulgated.String(), Place: v.Place, Gazette: v.Gazette,
				Field: v.Field, Subjects: v.Subjects, Initiator: v.Initiator, Signer: v.Signer, Abstract: v.Abstract,
			}
			if cv.Instrument.Subjects == nil {
				cv.Instrument.Subjects = []string{}
			}
		}
		if v.Prev != nil {
			cv.Prev = v.Prev.Slug
		}
		if f := v.OriginalFile; f != nil {
			cv.OriginalURL, cv.OriginalSize, cv.OriginalSHA256 = v.FileURL(f), f.Size, f.SHA256Hex()
		}
		cp.Versions = append(cp.Versions, cv)
	}
	return cp
}

func (v *Version) catalogRelations() []catalog.Relation {
	out := make([]catalog.Relation, len(v.Relations))
	for i, r := range v.Relations {
		out[i] = catalog.Relation{Kind: string(r.Kind), Name: r.Name(), Ref: r.Ref(), URL: r.URL()}
	}
	return out
}

// Sections are the version's sections as the catalog holds them.
func (v *Version) Sections() []catalog.Section { return sections(v.Doc) }

func sections(doc *markdown.Rendered) []catalog.Section {
	out := []catalog.Section{}
	if doc == nil {
		return out
	}
	for _, s := range doc.Sections {
		blocks := make([]catalog.Block, len(s.Blocks))
		for i, b := range s.Blocks {
			blocks[i] = catalog.Block{ID: b.ID, Text: b.Text}
		}
		out = append(out, catalog.Section{ID: s.ID, Heading: s.Heading, HTML: string(s.HTML), Text: s.Text, Blocks: blocks})
	}
	return out
}
