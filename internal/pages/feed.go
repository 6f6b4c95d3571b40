package pages

import (
	"bytes"
	"encoding/xml"
	"time"

	"naskah/internal/site"
)

// The Atom 1.0 (RFC 4287) elements naskah writes.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string         `xml:"id"`
	Title    string         `xml:"title"`
	Updated  string         `xml:"updated"`
	Link     atomLink       `xml:"link"`
	Summary  string         `xml:"summary,omitempty"`
	Category []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// feedLimit bounds a feed to the newest versions.
const feedLimit = 50

func (r *renderer) feeds() error {
	if err := r.feed("/feed.xml", "/", r.site.Title, r.site.Versions); err != nil {
		return err
	}
	for _, reg := range r.site.Regions {
		var versions []*site.Version
		for _, v := range r.site.Versions {
			if v.Policy.Region == reg {
				versions = append(versions, v)
			}
		}
		title := r.t("feed_title", r.regionName(reg))
		if err := r.feed(reg.FeedURL(), reg.URL(), title, versions); err != nil {
			return err
		}
	}
	return nil
}

// feed writes one Atom feed of versions, which are newest first.
func (r *renderer) feed(feedPath, pagePath, title string, versions []*site.Version) error {
	if len(versions) > feedLimit {
		versions = versions[:feedLimit]
	}
	f := atomFeed{
		Lang: r.site.Language, ID: r.site.Abs(feedPath), Title: title,
		Updated: atomTime(time.Time{}),
		Author:  atomPerson{Name: r.site.Title, URI: r.site.Abs("/")},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.site.Abs(feedPath)},
			{Rel: "alternate", Type: "text/html", Href: r.site.Abs(pagePath)},
		},
	}
	if len(versions) > 0 {
		f.Updated = atomTime(versions[0].Updated)
	}
	for _, v := range versions {
		e := atomEntry{
			ID:      r.site.Abs(v.URL()),
			Title:   v.Title + " (" + r.t("policy.version") + " " + v.Label + ")",
			Updated: atomTime(v.Updated),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: r.site.Abs(v.URL())},
			Summary: r.feedSummary(v),
		}
		for _, tag := range v.Tags {
			e.Category = append(e.Category, atomCategory{Term: tag})
		}
		f.Entries = append(f.Entries, e)
	}
	return r.xmlFile(feedPath, f)
}

// atomTime is t as Atom writes it. Atom requires a time where an undated
// version has none: it gets the start of 1970, as an empty feed does.
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

func (r *renderer) xmlFile(urlPath string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return r.put(fileFor(urlPath), buf.Bytes())
}

// feedSummary is the summary of a version's entry: its status as of the
// build's day, then its own summary.
func (r *renderer) feedSummary(v *site.Version) string {
	status := r.t("status."+string(v.State)) + " " + r.t("policy.status_as_of", r.date(r.site.Now)) + "."
	if v.Summary == "" {
		return status
	}
	return status + " " + v.Summary
}
