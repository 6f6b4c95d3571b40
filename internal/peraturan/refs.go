package peraturan

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A reference is a mention of a unit in the text: "Pasal 2 ayat (2) huruf b",
// "ayat (1)", "huruf a". Parts not written are "".
type reference struct {
	start, end                  int // in the text searched
	pasal, ayat, huruf, angka   string
	hasAyat, hasHuruf, hasAngka bool
}

// instrumentWords start the name of an instrument: a Pasal followed by one
// is of that instrument, not of this one, unless "ini" follows soon.
var instrumentWords = []string{"Undang-Undang", "Peraturan", "Keputusan", "Instruksi", "Surat", "UU", "PP", "Perpres", "Permen", "Perda", "Perbup", "Perwal", "Pergub", "Kitab"}

// findReferences finds the references in s.
func findReferences(s string) []reference {
	var out []reference
	for i := 0; i < len(s); {
		if i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		r, ok := readReference(s, i)
		if !ok {
			i++
			continue
		}
		if !external(s[r.end:]) {
			out = append(out, r)
		}
		i = r.end
	}
	return out
}

// readReference reads a reference that starts at s[i:].
func readReference(s string, i int) (reference, bool) {
	r := reference{start: i}
	pos := i
	word := func(w string) bool {
		if strings.HasPrefix(s[pos:], w+" ") {
			pos += len(w) + 1
			return true
		}
		return false
	}
	// part reads " WORD NUMBER" after the first part.
	part := func(w string, read func() (string, bool)) (string, bool) {
		save := pos
		if pos > i {
			if pos >= len(s) || s[pos] != ' ' {
				return "", false
			}
			pos++
		}
		if !word(w) {
			pos = save
			return "", false
		}
		n, ok := read()
		if !ok {
			pos = save
		}
		return n, ok
	}
	// take reads s[pos:j] as a number, which must end a word.
	take := func(j int) (string, bool) {
		if j < len(s) && isWordByte(s[j]) {
			return "", false
		}
		n := s[pos:j]
		pos = j
		return n, true
	}
	num := func(upper bool) func() (string, bool) {
		return func() (string, bool) {
			j := pos
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				j++
			}
			if j == pos {
				return "", false
			}
			if j < len(s) && (upper && 'A' <= s[j] && s[j] <= 'Z' || !upper && isLower(s[j])) {
				j++
			}
			return take(j)
		}
	}
	ayat := func() (string, bool) {
		if pos >= len(s) || s[pos] != '(' {
			return "", false
		}
		save := pos
		pos++
		n, ok := num(false)()
		if !ok || pos >= len(s) || s[pos] != ')' {
			pos = save
			return "", false
		}
		pos++
		return n, true
	}
	letter := func() (string, bool) {
		j := pos
		if j >= len(s) || !isLower(s[j]) {
			return "", false
		}
		j++
		if j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		return take(j)
	}
	r.pasal, _ = part("Pasal", num(true))
	r.ayat, r.hasAyat = part("ayat", ayat)
	r.huruf, r.hasHuruf = part("huruf", letter)
	r.angka, r.hasAngka = part("angka", num(false))
	if r.pasal == "" && !r.hasAyat && !r.hasHuruf && !r.hasAngka {
		return r, false
	}
	r.end = pos
	return r, true
}

// external reports whether rest, the text after a reference, names another
// instrument the reference is of.
func external(rest string) bool {
	words := strings.Fields(rest)
	if len(words) == 0 {
		return false
	}
	w := strings.Trim(words[0], ",.;:()")
	isInstrument := false
	for _, iw := range instrumentWords {
		if w == iw {
			isInstrument = true
		}
	}
	if !isInstrument {
		return false
	}
	for _, w := range words[1:min(len(words), 5)] {
		if strings.Trim(w, ",.;:()") == "ini" {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// link turns the references in the text of the body's units into links to
// the units they name, and reports those that name no unit. The opening's
// Menimbang and Mengingat cite other instruments and are left as written.
func (s *structure) link() {
	for _, u := range Units(s.doc) {
		if u.Is.headed() {
			for c := u.FirstChild(); c != nil; c = c.NextSibling() {
				if _, isUnit := c.(*Unit); !isUnit && c.Type() == ast.TypeBlock {
					s.linkIn(c, u)
				}
			}
			continue
		}
		s.linkIn(u, u)
	}
}

// inOpening reports whether u is in the Menimbang or Mengingat, whose
// Pasal and ayat are of the instruments they cite: only their references to
// their own huruf and angka are to this text.
func inOpening(u *Unit) bool {
	for v := u; v != nil; v, _ = v.Parent().(*Unit) {
		if v.Is == Menimbang || v.Is == Mengingat {
			return true
		}
	}
	return false
}

// linkIn links the references in the inline content of block, which belongs
// to the unit u.
func (s *structure) linkIn(block ast.Node, u *Unit) {
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; {
			if _, ok := c.(*ast.Text); ok {
				c = s.linkRun(n, c, u)
				continue
			}
			if _, ok := c.(*ast.Link); !ok && c.Type() != ast.TypeBlock {
				walk(c) // emphasis and the like, but not into a link
			} else if _, isUnit := c.(*Unit); !isUnit && c.Type() == ast.TypeBlock {
				walk(c) // a table's cells, a quotation's paragraphs
			}
			c = c.NextSibling()
		}
	}
	walk(block)
}

// linkRun links the references in the run of text nodes that starts at
// first, a child of parent, joined over soft line breaks, and returns the
// node after the run.
func (s *structure) linkRun(parent, first ast.Node, u *Unit) ast.Node {
	var run []*ast.Text
	var at []int // where in the joined text each of run starts
	var b bytes.Buffer
	n := first
	for ; n != nil; n = n.NextSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		run = append(run, t)
		at = append(at, b.Len())
		b.Write(t.Segment.Value(s.src))
		if t.HardLineBreak() {
			n = n.NextSibling()
			break
		}
		if t.SoftLineBreak() {
			b.WriteByte(' ')
		}
	}
	joined := b.String()
	if !strings.Contains(joined, "Pasal ") && !strings.Contains(joined, "ayat (") && !strings.Contains(joined, "huruf ") && !strings.Contains(joined, "angka ") {
		return n
	}
	refs := findReferences(joined)
	if inOpening(u) {
		refs = slices.DeleteFunc(refs, func(r reference) bool { return r.pasal != "" || r.hasAyat })
	}
	if len(refs) == 0 {
		return n
	}
	// lineAt is the line of the source the joined text's byte i is on.
	lineAt := func(i int) int {
		k := sort.SearchInts(at, i+1) - 1
		return s.lineOf(run[k].Segment.Start + i - at[k])
	}
	last := run[len(run)-1]
	done := 0
	var prev *Unit // the unit the reference before named, for "huruf a sampai dengan huruf c"
	for _, r := range refs {
		target := s.resolve(r, u)
		if prev != nil && r.pasal == "" && connects(joined[done:r.start]) {
			if sibling := childOf(prev.Parent(), lastKind(r), lastNumber(r)); sibling != nil {
				target = sibling
			}
		}
		prev = target
		if target == nil {
			s.error(lineAt(r.start), "rujukan ke %s, yang tidak ada di peraturan ini; perbaiki rujukannya", s.describeRef(r, u))
			continue
		}
		if r.start > done {
			parent.InsertBefore(parent, first, ast.NewString([]byte(joined[done:r.start])))
		}
		a := ast.NewLink()
		a.Destination = []byte("#" + target.ID)
		a.SetAttributeString("class", []byte("ref"))
		a.AppendChild(a, ast.NewString([]byte(joined[r.start:r.end])))
		parent.InsertBefore(parent, first, a)
		done = r.end
	}
	if done == 0 {
		return n // every reference failed to resolve: leave the text as it was
	}
	if done < len(joined) {
		parent.InsertBefore(parent, first, ast.NewString([]byte(joined[done:])))
	}
	hard := last.HardLineBreak()
	end := last.Segment.Stop
	for _, t := range run {
		parent.RemoveChild(parent, t)
	}
	if hard || last.SoftLineBreak() { // a soft break inside the run is a space in the strings
		br := ast.NewTextSegment(text.NewSegment(end, end))
		br.SetHardLineBreak(hard)
		br.SetSoftLineBreak(!hard)
		if n != nil {
			parent.InsertBefore(parent, n, br)
		} else {
			parent.AppendChild(parent, br)
		}
	}
	return n
}

// resolve finds the unit a reference made in u names, or nil.
func (s *structure) resolve(r reference, u *Unit) *Unit {
	var at *Unit
	switch {
	case r.pasal != "":
		at = s.pasals[r.pasal]
	case r.hasAyat:
		at = s.contextPasal(u)
	default: // huruf or angka of the list the text stands in
		kind := Huruf
		if !r.hasHuruf {
			kind = Angka
		}
		for v := u; v != nil && at == nil; v, _ = v.Parent().(*Unit) {
			if childOf(v, kind, "") != nil {
				at = v
			}
		}
		if at == nil {
			return nil
		}
	}
	if at == nil {
		return nil
	}
	for _, step := range []struct {
		kind Kind
		n    string
		has  bool
	}{{Ayat, r.ayat, r.hasAyat}, {Huruf, r.huruf, r.hasHuruf}, {Angka, r.angka, r.hasAngka}} {
		if !step.has {
			continue
		}
		if at = childOf(at, step.kind, step.n); at == nil {
			return nil
		}
	}
	return at
}

// contextPasal is the Pasal an "ayat (n)" in u is of: the Pasal u stands
// in, or the one its penjelasan explains.
func (s *structure) contextPasal(u *Unit) *Unit {
	p := u
	if p.Is != Pasal {
		p = ancestor(u, Pasal)
	}
	if p != nil && p.inPenjelasan {
		return s.pasals[p.Number]
	}
	return p
}

// childOf is the sub-unit of n of kind k numbered number, or with number ""
// the first of kind k; nil if there is none.
func childOf(n ast.Node, k Kind, number string) *Unit {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if v, ok := c.(*Unit); ok && v.Is == k && (number == "" || v.Number == number) {
			return v
		}
	}
	return nil
}

// describeRef names what a reference that resolves to nothing names, for
// the message that says so.
func (s *structure) describeRef(r reference, u *Unit) string {
	var parts []string
	if r.pasal != "" {
		parts = append(parts, "Pasal "+r.pasal)
	} else if p := s.contextPasal(u); r.hasAyat && p != nil {
		parts = append(parts, "Pasal "+p.Number)
	}
	if r.hasAyat {
		parts = append(parts, "ayat ("+r.ayat+")")
	}
	if r.hasHuruf {
		parts = append(parts, "huruf "+r.huruf)
	}
	if r.hasAngka {
		parts = append(parts, "angka "+r.angka)
	}
	return strings.Join(parts, " ")
}

// connector is what stands between the references of a range or a list:
// "huruf a sampai dengan huruf c", "ayat (1) dan ayat (2)".
var connector = regexp.MustCompile(`^(,?\s*(sampai dengan|dan|atau|serta)?\s*|,\s*)$`)

// connects reports whether gap, the text between two references, joins them
// into one range or list, whose later members are of the same list.
func connects(gap string) bool { return gap != "" && connector.MatchString(gap) }

// lastKind and lastNumber are the deepest part a reference names.
func lastKind(r reference) Kind {
	switch {
	case r.hasAngka:
		return Angka
	case r.hasHuruf:
		return Huruf
	case r.hasAyat:
		return Ayat
	}
	return Pasal
}

func lastNumber(r reference) string {
	switch {
	case r.hasAngka:
		return r.angka
	case r.hasHuruf:
		return r.huruf
	case r.hasAyat:
		return r.ayat
	}
	return r.pasal
}
