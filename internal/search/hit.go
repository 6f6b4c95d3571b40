package search

import (
	"html"
	"strings"
	"unicode/utf8"

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

// marker knows which analyzed terms of a text a query matched: its words, the
// words its prefixes begin and the corrections of its misspelt words, and the
// phrases of its units, which the thesaurus expands into, marked only where they
// stand whole.
type marker struct {
	terms   map[string]bool
	phrases []phrase
}

func newMarker(p *plan) *marker {
	m := &marker{terms: map[string]bool{}}
	for _, u := range p.units {
		for _, a := range u.alts {
			if a.kind != literal && len(a.terms) > 1 {
				m.phrases = append(m.phrases, a.terms)
				continue
			}
			for _, t := range a.terms {
				if t != "" {
					m.terms[t] = true
				}
			}
		}
	}
	return m
}

// A word is a word of a text, with its stem.
type word struct {
	start, end int
	stem       string
}

// marked returns which of words the marker marks.
func (m *marker) marked(words []word) []bool {
	out := make([]bool, len(words))
	for i, w := range words {
		out[i] = m.terms[w.stem]
	}
	for _, p := range m.phrases {
		for i := 0; i+len(p) <= len(words); i++ {
			if phraseAt(p, words, i) {
				for j := range p {
					out[i+j] = out[i+j] || p[j] != ""
				}
			}
		}
	}
	return out
}

func phraseAt(p phrase, words []word, i int) bool {
	for j, t := range p {
		if t != "" && words[i+j].stem != t {
			return false
		}
	}
	return true
}

// Fragment sizes, in bytes of text.
const (
	fragmentLen   = 200
	fragmentCount = 2
)

// fragments cuts up to fragmentCount passages of text around its matches, escapes
// them and wraps each match in <mark>; without a match, it is the opening of the
// text.
func (ix *Index) fragments(text string, m *marker) []string {
	out := ix.matches(text, m, fragmentCount)
	if len(out) == 0 && text != "" {
		// A match in the title or heading only: show the opening of the text.
		_, to := window(text, 0, fragmentLen)
		frag := html.EscapeString(text[:to])
		if to < len(text) {
			frag += " …"
		}
		out = append(out, frag)
	}
	return out
}

// hitFragments are the fragments of a hit of sec, a section of v: for a Pasal
// of a regulation, those of its penjelasan after those of its own text, each
// after the penjelasan's heading, so that the reader sees where the match is.
func (ix *Index) hitFragments(v *catalog.Version, sec *catalog.Section, m *marker) []string {
	p := penjelasanOf(v, *sec)
	if p == nil {
		return ix.fragments(sec.Text, m)
	}
	out := ix.matches(sec.Text, m, fragmentCount)
	for _, f := range ix.matches(p.Text, m, fragmentCount-len(out)) {
		out = append(out, html.EscapeString(p.Heading)+": "+f)
	}
	if len(out) == 0 {
		return ix.fragments(sec.Text, m)
	}
	return out
}

// matches cuts up to n passages of text around its matches, escapes them and
// wraps each match in <mark>. It finds the matches word by word with the
// index's stemmer, which is much cheaper than a full analysis of the text.
func (ix *Index) matches(text string, m *marker, n int) []string {
	if n <= 0 {
		return nil
	}
	type span struct{ start, end int }
	var words []word
	for start := 0; start < len(text); {
		i := strings.IndexFunc(text[start:], isWordRune)
		if i < 0 {
			break
		}
		start += i
		end := len(text)
		if j := strings.IndexFunc(text[start:], notWordRune); j >= 0 {
			end = start + j
		}
		words = append(words, word{start, end, ix.stem(strings.ToLower(text[start:end]))})
		start = end
	}
	var spans []span
	for i, ok := range m.marked(words) {
		if ok {
			spans = append(spans, span{words[i].start, words[i].end})
		}
	}
	var out []string
	for i := 0; i < len(spans) && len(out) < n; {
		from, to := window(text, spans[i].start, fragmentLen)
		var b strings.Builder
		if from > 0 {
			b.WriteString("… ")
		}
		pos := from
		for ; i < len(spans) && spans[i].end <= to; i++ {
			b.WriteString(html.EscapeString(text[pos:spans[i].start]))
			b.WriteString("<mark>" + html.EscapeString(text[spans[i].start:spans[i].end]) + "</mark>")
			pos = spans[i].end
		}
		b.WriteString(html.EscapeString(text[pos:to]))
		if to < len(text) {
			b.WriteString(" …")
		}
		out = append(out, b.String())
		for i < len(spans) && spans[i].start < to {
			i++
		}
	}
	return out
}

// window returns a passage of about size bytes that starts a little before at, with
// both ends on word boundaries where there are any.
func window(text string, at, size int) (from, to int) {
	from = max(at-size/4, 0)
	if from > 0 {
		if sp := strings.IndexByte(text[from:at], ' '); sp >= 0 {
			from += sp + 1
		} else {
			from = at
		}
	}
	to = from + size
	if to >= len(text) {
		return from, len(text)
	}
	if to > at {
		if sp := strings.LastIndexByte(text[at:to], ' '); sp > 0 {
			return from, at + sp
		}
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	return from, to
}
