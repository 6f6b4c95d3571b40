package e2e

import (
	"encoding/xml"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These checks need no external tool, so they always run.

const (
	atomNS    = "http://www.w3.org/2005/Atom"
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
)

type atomFeed struct {
	XMLName xml.Name     `xml:"feed"`
	ID      string       `xml:"id"`
	Title   string       `xml:"title"`
	Updated string       `xml:"updated"`
	Authors []atomPerson `xml:"author"`
	Links   []atomLink   `xml:"link"`
	Entries []atomEntry  `xml:"entry"`
}

type atomEntry struct {
	ID      string       `xml:"id"`
	Title   string       `xml:"title"`
	Updated string       `xml:"updated"`
	Authors []atomPerson `xml:"author"`
	Links   []atomLink   `xml:"link"`
	Content *struct{}    `xml:"content"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

// TestFeeds checks every Atom feed of the built fixture and shipped content for what
// RFC 4287 requires.
func TestFeeds(t *testing.T) {
	for _, dir := range []string{fixtureSite, shippedContent} {
		out := buildSite(t, dir)
		feeds := filesNamed(t, out, "feed.xml")
		if len(feeds) < 2 {
			t.Errorf("%s: %d feeds built, want the site's and one per region", dir, len(feeds))
		}
		for _, name := range feeds {
			t.Run(filepath.Base(dir)+"/"+name, func(t *testing.T) {
				var f atomFeed
				decodeXML(t, filepath.Join(out, name), &f)
				checkFeed(t, &f)
			})
		}
	}
}

func checkFeed(t *testing.T, f *atomFeed) {
	if f.XMLName.Space != atomNS {
		t.Errorf("root element is {%s}%s, want {%s}feed", f.XMLName.Space, f.XMLName.Local, atomNS)
	}
	wantIRI(t, "feed id", f.ID)
	wantNonEmpty(t, "feed title", f.Title)
	wantTime(t, "feed updated", f.Updated)
	wantAuthors(t, "feed", f.Authors)
	for _, l := range f.Links {
		wantIRI(t, "feed link", l.Href)
	}
	if len(f.Entries) == 0 {
		t.Error("the feed has no entries")
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		what := "entry " + e.ID
		wantIRI(t, what+" id", e.ID)
		if ids[e.ID] {
			t.Errorf("%s: id used twice", what)
		}
		ids[e.ID] = true
		wantNonEmpty(t, what+" title", e.Title)
		wantTime(t, what+" updated", e.Updated)
		if len(f.Authors) == 0 {
			wantAuthors(t, what, e.Authors)
			if len(e.Authors) == 0 {
				t.Errorf("entry %d (%s) has no author, and neither has the feed", i, e.ID)
			}
		}
		alternate := false
		for _, l := range e.Links {
			wantIRI(t, what+" link", l.Href)
			alternate = alternate || l.Rel == "" || l.Rel == "alternate"
		}
		if !alternate && e.Content == nil {
			t.Errorf("%s has neither content nor an alternate link", what)
		}
	}
}

type sitemap struct {
	XMLName xml.Name `xml:"urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

// TestSitemap checks the sitemap of the built fixture and shipped content: the
// sitemaps.org namespace, absolute locations, and a page behind every location.
func TestSitemap(t *testing.T) {
	for _, dir := range []string{fixtureSite, shippedContent} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out := buildSite(t, dir)
			var sm sitemap
			decodeXML(t, filepath.Join(out, "sitemap.xml"), &sm)
			if sm.XMLName.Space != sitemapNS {
				t.Errorf("root element is {%s}%s, want {%s}urlset", sm.XMLName.Space, sm.XMLName.Local, sitemapNS)
			}
			if len(sm.URLs) < 3 {
				t.Errorf("the sitemap lists %d URLs", len(sm.URLs))
			}
			for _, u := range sm.URLs {
				wantIRI(t, "loc", u.Loc)
				if p, err := url.Parse(u.Loc); err == nil {
					page := filepath.Join(out, filepath.FromSlash(p.Path), "index.html")
					if _, err := os.Stat(page); err != nil {
						t.Errorf("loc %s: no page built there", u.Loc)
					}
				}
				if u.LastMod != "" {
					if _, err := time.Parse(time.DateOnly, u.LastMod); err != nil {
						wantTime(t, "lastmod of "+u.Loc, u.LastMod)
					}
				}
			}
		})
	}
}

func decodeXML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s does not parse as XML: %v", path, err)
	}
}

// filesNamed lists the files called name under dir, relative to it.
func filesNamed(t *testing.T, dir, name string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == name {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func wantIRI(t *testing.T, what, s string) {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		t.Errorf("%s %q is not an absolute http(s) URL", what, s)
	}
}

func wantNonEmpty(t *testing.T, what, s string) {
	t.Helper()
	if strings.TrimSpace(s) == "" {
		t.Errorf("%s is missing or empty", what)
	}
}

func wantTime(t *testing.T, what, s string) {
	t.Helper()
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		t.Errorf("%s %q is not an RFC 3339 date-time", what, s)
	}
}

func wantAuthors(t *testing.T, what string, authors []atomPerson) {
	t.Helper()
	for _, a := range authors {
		if strings.TrimSpace(a.Name) == "" {
			t.Errorf("%s has an author without a name", what)
		}
	}
}
