package search

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"naskah/internal/catalog"
)

// marker knows which words of a text a query matched: as written (its words,
// the words its prefixes begin, the corrections of its misspelt words), and
// through the thesaurus, whose phrases are marked only where they stand
// whole.
type marker struct {
	terms    map[string]bool // as written
	expanded map[string]bool // of one word, from the thesaurus
	phrases  []phrase        // of several, from the thesaurus
}

func newMarker(p *plan) *marker {
	m := &marker{terms: map[string]bool{}, expanded: map[string]bool{}}
	for _, u := range p.units {
		for _, a := range u.alts {
			switch {
			case a.kind.asWritten() && (a.kind == literal || len(a.terms) == 1):
				for _, t := range a.terms {
					if t != "" {
						m.terms[t] = true
					}
				}
			case len(a.terms) == 1:
				m.expanded[a.terms[0]] = true
			default:
				m.phrases = append(m.phrases, a.terms)
			}
		}
	}
	return m
}

// A word is a word of a text, with its stem; "" for a stop word.
type word struct {
	start, end int
	stem       string
}

// A span is a marked word of a text; literal when as written.
type span struct {
	start, end int
	literal    bool
}

// spans returns the marked words of text. It finds them word by word with the
// index's stemmer, which is much cheaper than a full analysis of the text.
func (ix *Index) spans(text string, m *marker) []span {
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
		w := strings.ToLower(text[start:end])
		if ix.stops[w] {
			w = "" // the index leaves it out, and a phrase may skip it
		} else {
			w = ix.stem(w)
		}
		words = append(words, word{start, end, w})
		start = end
	}
	marks := make([]int8, len(words)) // 0 unmarked, 1 expanded, 2 as written
	for i, w := range words {
		switch {
		case w.stem == "":
		case m.terms[w.stem]:
			marks[i] = 2
		case m.expanded[w.stem]:
			marks[i] = 1
		}
	}
	for _, p := range m.phrases {
		for i := 0; i+len(p) <= len(words); i++ {
			if phraseAt(p, words, i) {
				for j, t := range p {
					if t != "" {
						marks[i+j] = max(marks[i+j], 1)
					}
				}
			}
		}
	}
	var out []span
	for i, mk := range marks {
		if mk > 0 {
			out = append(out, span{words[i].start, words[i].end, mk == 2})
		}
	}
	return out
}

// phraseAt reports whether p stands at words[i:], a stop word where it has a
// gap.
func phraseAt(p phrase, words []word, i int) bool {
	for j, t := range p {
		if words[i+j].stem != t {
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

// A passage is a text that fragments are cut from, with what comes before
// each of its fragments.
type passage struct {
	prefix string // HTML
	text   string
	spans  []span
	cuts   [][2]int // the fragments chosen, from and to
}

// fragments cuts up to fragmentCount passages of text around its matches, escapes
// them and wraps each match in <mark>; without a match, it is the opening of the
// text.
func (ix *Index) fragments(text string, m *marker) []string {
	return ix.cutFragments([]*passage{{text: text, spans: ix.spans(text, m)}})
}

// hitFragments are the fragments of a hit of sec, a section of v: for a Pasal
// of a regulation, those of its penjelasan after those of its own text, each
// after the penjelasan's heading, so that the reader sees where the match is.
func (ix *Index) hitFragments(v *catalog.Version, sec *catalog.Section, m *marker) []string {
	ps := []*passage{{text: sec.Text, spans: ix.spans(sec.Text, m)}}
	if p := penjelasanOf(v, *sec); p != nil {
		ps = append(ps, &passage{prefix: html.EscapeString(p.Heading) + ": ", text: p.Text, spans: ix.spans(p.Text, m)})
	}
	return ix.cutFragments(ps)
}

// cutFragments cuts up to fragmentCount fragments from the passages: first
// around the words as written, in the order of the passages, and then, if
// there is room, around the words the thesaurus added. Each fragment marks
// every match in it. Without a match, the fragment is the opening of the
// first passage.
func (ix *Index) cutFragments(ps []*passage) []string {
	n := 0
	for _, literal := range []bool{true, false} {
		for _, p := range ps {
			n += p.cut(fragmentCount-n, literal)
		}
	}
	var out []string
	for _, p := range ps {
		slices.SortFunc(p.cuts, func(a, b [2]int) int { return a[0] - b[0] })
		for _, c := range p.cuts {
			out = append(out, p.prefix+p.render(c[0], c[1]))
		}
	}
	if len(out) == 0 && ps[0].text != "" {
		// A match in the title or heading only: show the opening of the text.
		text := ps[0].text
		_, to := window(text, 0, fragmentLen)
		frag := html.EscapeString(text[:to])
		if to < len(text) {
			frag += " …"
		}
		out = append(out, frag)
	}
	return out
}

// cut chooses up to n more fragments of p, each around the first match as
// written (or, unless literal, any match) that no fragment holds yet, and
// returns how many it chose.
func (p *passage) cut(n int, literal bool) int {
	chosen := 0
	for _, s := range p.spans {
		if chosen == n {
			break
		}
		if literal && !s.literal || p.holds(s) {
			continue
		}
		from, to := window(p.text, s.start, fragmentLen)
		for _, c := range p.cuts { // fragments do not overlap
			if c[0] < to && from < c[1] {
				if c[0] > s.start {
					to = c[0]
				} else {
					from = c[1]
				}
			}
		}
		p.cuts = append(p.cuts, [2]int{from, to})
		chosen++
	}
	return chosen
}

func (p *passage) holds(s span) bool {
	for _, c := range p.cuts {
		if c[0] <= s.start && s.start < c[1] {
			return true
		}
	}
	return false
}

// render escapes the text of p from from to to and marks its matches.
func (p *passage) render(from, to int) string {
	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	pos := from
	for _, s := range p.spans {
		if s.start < from || s.end > to {
			continue
		}
		b.WriteString(html.EscapeString(p.text[pos:s.start]))
		b.WriteString("<mark>" + html.EscapeString(p.text[s.start:s.end]) + "</mark>")
		pos = s.end
	}
	b.WriteString(html.EscapeString(p.text[pos:to]))
	if to < len(p.text) {
		b.WriteString(" …")
	}
	return b.String()
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
