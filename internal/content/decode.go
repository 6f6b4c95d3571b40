package content

import (
	"net/url"
	"slices"
	"strings"

	"naskah/internal/legal"
)

// The values the kind of a region and the status of a version may take.
var (
	regionKinds = []string{"kabupaten", "kota", "provinsi"}
	statuses    = []string{string(Draft), string(Published), string(Revoked)}
)

// decodeSite decodes the front matter of the site's _index.md.
func decodeSite(d document, r report) Site {
	rd := newReader(d, &siteSchema, r)
	s := Site{Path: r.path, Language: "id"}
	s.Title, _ = rd.required("title")
	s.Description, _ = rd.text("description")
	s.BaseURL = rd.url("base_url")
	if lang, line := rd.text("language"); lang != "" {
		if !validLanguage(lang) {
			r.errorf(line, "language %q tidak valid (2–3 huruf kecil, mis. \"id\")", lang)
		}
		s.Language = lang
	}
	return s
}

// decodeRegion decodes the front matter of a region's _index.md into reg.
func decodeRegion(d document, reg *Region, r report) {
	rd := newReader(d, &regionSchema, r)
	reg.Name, _ = rd.required("name")
	var line int
	reg.Kind, line = rd.required("kind")
	if reg.Kind != "" {
		rd.oneOf("kind", reg.Kind, line, regionKinds)
	}
	reg.Province, _ = rd.text("province")
	reg.Fictional = rd.flag("fictional")
	reg.Body, reg.BodyLine = d.body, d.bodyLine
}

// versionLines are the lines of a version's keys that checks of its policy
// report at: 0 when the key is absent (the label is then the slug).
type versionLines struct {
	open, label, status int
	// jdihn are the warnings about the fields JDIHN requires of an
	// instrument, which hold only in a region that is not fictional.
	jdihn Problems
}

// decodeVersion decodes the front matter of a version file whose name
// without ".md" is slug, and returns the lines of the keys its policy's
// checks need.
func decodeVersion(d document, slug string, r report) (Version, versionLines) {
	rd := newReader(d, &versionSchema, r)
	v := Version{Slug: slug, Path: r.path, Body: d.body, BodyLine: d.bodyLine}
	lines := versionLines{open: d.open}
	v.Title, _ = rd.required("title")
	label, labelLine := rd.text("version")
	if v.Label = label; label == "" {
		v.Label, labelLine = slug, 0
	}
	lines.label = labelLine
	v.Date, v.DateLine = rd.date("date")
	v.Status = Published
	s, line := rd.text("status")
	if s != "" && rd.oneOf("status", s, line, statuses) {
		v.Status = Status(s)
	}
	lines.status = line
	v.Summary, _ = rd.text("summary")
	v.Tags = rd.tags("tags")
	v.Source = rd.url("source")
	v.Note, _ = rd.text("note")
	v.Form = Prose
	if f, line := rd.text("form"); f != "" && rd.oneOf("form", f, line, forms) {
		v.Form = Form(f)
	}
	v.Instrument = rd.instrument()
	v.Relations = rd.relations()
	if v.Type != "" && v.Status != Draft {
		lines.jdihn = rd.jdihnGaps(v)
	}
	return v, lines
}

// oneOf reports whether s, the value of key on line, is one of choices, and
// reports it if not.
func (rd *reader) oneOf(key, s string, line int, choices []string) bool {
	if slices.Contains(choices, s) {
		return true
	}
	rd.r.errorf(line, "%s %q tidak dikenal (pilihan: %s)", key, s, strings.Join(choices, ", "))
	return false
}

// date returns the value of key as a legal.Date and the key's line, reporting a
// value that is not a date.
func (rd *reader) date(key string) (legal.Date, int) {
	s, line := rd.text(key)
	if s == "" {
		return legal.Date{}, line
	}
	d, err := legal.ParseDate(s)
	if err != nil {
		rd.r.errorf(line, "%v", err)
	}
	return d, line
}

// url returns the value of key, reporting a value that is not an absolute
// http or https URL.
func (rd *reader) url(key string) string {
	s, line := rd.text(key)
	if s != "" && !validURL(s) {
		rd.r.errorf(line, "%s %q bukan URL http/https yang lengkap (mis. \"https://contoh.go.id/...\")", key, s)
	}
	return s
}

// tags returns the value of key as a list of tags, reporting tags that are
// not slugs and warning about tags given twice.
func (rd *reader) tags(key string) []string {
	var tags []string
	for _, item := range rd.list(key) {
		switch {
		case !legal.ValidSlug(item.text):
			rd.r.errorf(item.line, "tag %q bukan slug %s", item.text, slugHint(item.text))
		case slices.Contains(tags, item.text):
			rd.r.warnf(item.line, "tag %q disebut dua kali", item.text)
		default:
			tags = append(tags, item.text)
		}
	}
	return tags
}

// validURL reports whether s is an absolute http or https URL with a host.
func validURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// validLanguage reports whether s is a language code of two or three
// lowercase ASCII letters, such as "id".
func validLanguage(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
