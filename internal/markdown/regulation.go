package markdown

import (
	"bytes"
	"html/template"
	"strings"

	"naskah/internal/peraturan"
)

// A Unit is a unit of a regulation: a BAB, Pasal, ayat, huruf, a part of the
// opening, the penjelasan of a Pasal (see package peraturan).
type Unit struct {
	ID     string // permanent, the same in every version: "pasal-2-ayat-2"
	Kind   string // "bab", "pasal", "ayat", "huruf", "menimbang", …
	Number string // as written: "II", "2A", "2a", "b"; "" for the parts
	Label  string // "BAB II", "Pasal 2A", "(2a)", "b."
	Title  string // of a BAB, Bagian or Paragraf
	// Cite is how the unit is cited before the instrument's designation:
	// "Pasal 2 ayat (2) huruf b".
	Cite string
	// Text is the unit's own text, without its sub-units.
	Text    string
	Deleted bool // its text is "Dihapus."
	// Parent is the index of the unit it stands in, -1 for none.
	Parent int
	// InPenjelasan marks the units of the penjelasan; Explained is the id of
	// a Pasal's penjelasan, or of the Pasal a penjelasan explains.
	InPenjelasan bool
	Explained    string
	Line         int // of the body
}

// A Problem is something wrong with the structure of a regulation, at a line
// of the body.
type Problem = peraturan.Problem

// RenderRegulation is RenderAt for the body of a regulation (form:
// peraturan), which it reads as package peraturan says: its units are
// Rendered.Units, their problems Rendered.Problems. Its sections are the
// parts of the opening, each Pasal, the Penutup and each part of the
// penjelasan, each with the Pasal's items as its blocks; a section's HTML is
// the unit's alone, so that the sections of a regulation, which nest in
// BABs, do not add up to the body as those of prose do. The table of
// contents lists the parts and BABs (level 2) and the Pasal (level 3).
func (r *Renderer) RenderRegulation(src []byte, base string) (*Rendered, error) {
	doc, b, pc, err := parse(r.reg, src)
	if err != nil {
		return nil, err
	}
	b.assignHeadingIDs(doc)
	links, images := collectLinks(doc, src)
	if base != "" {
		resolveRelative(doc, base)
	}
	res := &Rendered{Links: links, Images: images, Problems: peraturan.Problems(pc)}
	b.out.Grow(2 * len(src))
	if err := b.render.Render(&b.out, src, doc); err != nil {
		return nil, err
	}
	res.HTML = template.HTML(b.out.String())
	units := peraturan.Units(doc)
	index := make(map[*peraturan.Unit]int, len(units))
	var texts []string
	for i, u := range units {
		index[u] = i
		parent := -1
		if p, ok := u.Parent().(*peraturan.Unit); ok {
			parent = index[p]
		}
		own := u.PlainText(src)
		res.Units = append(res.Units, Unit{
			ID: u.ID, Kind: string(u.Is), Number: u.Number, Label: u.Label(), Title: u.Title, Cite: u.Cite(),
			Text: own, Deleted: u.Deleted, Parent: parent, InPenjelasan: u.InPenjelasan(), Explained: u.Explained, Line: u.Line,
		})
		texts = append(texts, strings.TrimSpace(strings.Join([]string{u.Label(), u.Title, own}, " ")))
		if toc, ok := tocEntry(u); ok {
			res.TOC = append(res.TOC, toc)
		}
		if sectionUnit(u) {
			sec, err := b.regulationSection(u)
			if err != nil {
				return nil, err
			}
			res.Sections = append(res.Sections, sec)
		}
	}
	res.Text = strings.Join(texts, "\n\n")
	return res, nil
}

// tocEntry is u's entry in the table of contents, if it has one.
func tocEntry(u *peraturan.Unit) (Heading, bool) {
	switch u.Is {
	case peraturan.Menimbang, peraturan.Mengingat, peraturan.Menetapkan, peraturan.Penutup, peraturan.Penjelasan, peraturan.Bab:
		return Heading{ID: u.ID, Text: strings.TrimSpace(u.Label() + " " + u.Title), Level: 2}, true
	case peraturan.Pasal:
		if !u.InPenjelasan() {
			return Heading{ID: u.ID, Text: u.Label(), Level: 3}, true
		}
	}
	return Heading{}, false
}

// sectionUnit reports whether u is a section of the regulation.
func sectionUnit(u *peraturan.Unit) bool {
	switch u.Is {
	case peraturan.Menimbang, peraturan.Mengingat, peraturan.Menetapkan, peraturan.Penutup, peraturan.Pasal, peraturan.Umum:
		return true
	}
	return false
}

// regulationSection is the section of the unit u: its own HTML, and as its
// blocks its own text and each of its items.
func (b *builder) regulationSection(u *peraturan.Unit) (Section, error) {
	var out htmlBuffer
	if err := b.render.Render(&out, b.src, u); err != nil {
		return Section{}, err
	}
	heading := u.Label()
	if u.InPenjelasan() {
		heading = u.Cite()
	}
	sec := Section{ID: u.ID, Heading: heading, HTML: template.HTML(out.String())}
	if own := u.PlainText(b.src); own != "" {
		sec.Blocks = append(sec.Blocks, Block{ID: u.ID, Text: own})
	}
	for _, v := range peraturan.Units(u)[1:] {
		sec.Blocks = append(sec.Blocks, Block{ID: v.ID, Text: strings.TrimSpace(v.Label() + " " + v.PlainText(b.src))})
	}
	var texts bytes.Buffer
	for i, blk := range sec.Blocks {
		if i > 0 {
			texts.WriteString("\n\n")
		}
		texts.WriteString(blk.Text)
	}
	sec.Text = texts.String()
	return sec, nil
}
