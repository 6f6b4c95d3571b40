package peraturan

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A Problem is something wrong with the structure of a regulation, at a line
// of its body. A reference to a unit that does not exist is an error: the
// link would lead nowhere. The rest are warnings, for an official text may
// carry them and must still be published as it is.
type Problem struct {
	Line    int
	Message string
	Error   bool
}

var problemsKey = parser.NewContextKey()

// Problems returns the problems that parsing a body with pc found, in the
// order of their lines.
func Problems(pc parser.Context) []Problem {
	ps, _ := pc.Get(problemsKey).([]Problem)
	return ps
}

// structurer turns the flat list of blocks that the parser made into the tree
// of units: headings that name a unit become units holding what follows
// them, items nest in the unit before them, every unit gets its id, and the
// structure is checked.
type structurer struct{}

func (structurer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	s := &structure{src: reader.Source(), doc: doc, ids: pc.IDs()}
	s.lineStarts = append(s.lineStarts, 0)
	for i, c := range s.src {
		if c == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	s.nest()
	s.assignIDs()
	s.check()
	s.link()
	sort.SliceStable(s.probs, func(i, j int) bool { return s.probs[i].Line < s.probs[j].Line })
	pc.Set(problemsKey, s.probs)
}

// A structure is the state of one transformation.
type structure struct {
	src        []byte
	doc        *ast.Document
	ids        parser.IDs // may be nil
	lineStarts []int      // offsets at which lines start
	probs      []Problem
	hasBab     bool
	// pasals and explanations are the Pasal of the body and of the
	// penjelasan, by number.
	pasals       map[string]*Unit
	explanations map[string]*Unit
}

func (s *structure) problem(line int, format string, args ...any) {
	s.probs = append(s.probs, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

func (s *structure) error(line int, format string, args ...any) {
	s.probs = append(s.probs, Problem{Line: line, Message: fmt.Sprintf(format, args...), Error: true})
}

// lineOf is the line, from 1, of the byte at offset.
func (s *structure) lineOf(offset int) int {
	return sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > offset })
}

// startLine is the line a block starts on, or 0 if it has no lines.
func (s *structure) startLine(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return s.lineOf(n.Lines().At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l := s.startLine(c); l > 0 {
			return l
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return s.lineOf(t.Segment.Start)
	}
	return 0
}

var (
	babHeading      = regexp.MustCompile(`^BAB\s+([IVXLCDM]+[A-Z]?)\b\s*(.*)$`)
	bagianHeading   = regexp.MustCompile(`^Bagian\s+(.+)$`)
	paragrafHeading = regexp.MustCompile(`^Paragraf\s+([0-9]+[A-Z]?)\b\s*(.*)$`)
	pasalHeading    = regexp.MustCompile(`^Pasal\s+([0-9]+[A-Z]?|[IVXLC]+)$`)
	umumHeading     = regexp.MustCompile(`^(?i:(?:I\.\s*)?umum)$`)
	pasalDemiPasal  = regexp.MustCompile(`^(?i:(?:II\.\s*)?pasal\s+demi\s+pasal)$`)
)

// parts are the parts of a regulation that a heading of their name opens.
var parts = map[string]Kind{"menimbang": Menimbang, "mengingat": Mengingat, "menetapkan": Menetapkan, "penutup": Penutup, "penjelasan": Penjelasan}

// headedUnit reads a heading's text as a unit, or returns nil for a heading
// that names none.
func (s *structure) headedUnit(h string, inPenjelasan bool) *Unit {
	h = strings.Join(strings.Fields(h), " ")
	if k, ok := parts[strings.ToLower(strings.TrimRight(h, " :"))]; ok {
		return &Unit{Is: k}
	}
	if m := pasalHeading.FindStringSubmatch(h); m != nil {
		return &Unit{Is: Pasal, Number: m[1], inPenjelasan: inPenjelasan}
	}
	if inPenjelasan {
		if umumHeading.MatchString(h) {
			return &Unit{Is: Umum, inPenjelasan: true}
		}
		return nil
	}
	if m := babHeading.FindStringSubmatch(h); m != nil {
		return &Unit{Is: Bab, Number: m[1], Title: m[2]}
	}
	if m := bagianHeading.FindStringSubmatch(h); m != nil {
		if n := ordinalWords(m[1]); n > 0 {
			words := strings.Fields(m[1])
			return &Unit{Is: Bagian, Number: strings.Join(words[:n], " "), Title: strings.Join(words[n:], " ")}
		}
	}
	if m := paragrafHeading.FindStringSubmatch(h); m != nil {
		return &Unit{Is: Paragraf, Number: m[1], Title: m[2]}
	}
	return nil
}

// rank orders the headed units: a unit closes every open one of its rank
// or above, and nests in the nearest open one below.
var rank = map[Kind]int{Menimbang: 0, Mengingat: 0, Menetapkan: 0, Penutup: 0, Penjelasan: 0, Bab: 1, Umum: 1, Bagian: 2, Paragraf: 3, Pasal: 4}

// nest builds the tree of units from the blocks of the document, in order.
func (s *structure) nest() {
	var blocks []ast.Node
	for c := s.doc.FirstChild(); c != nil; {
		next := c.NextSibling()
		s.doc.RemoveChild(s.doc, c)
		blocks = append(blocks, c)
		c = next
	}
	var stack []*Unit // the open units, outermost first
	inPenjelasan := false
	top := func() ast.Node {
		if len(stack) == 0 {
			return s.doc
		}
		return stack[len(stack)-1]
	}
	// closeItems pops the open items.
	closeItems := func() {
		for len(stack) > 0 && !stack[len(stack)-1].Is.headed() {
			stack = stack[:len(stack)-1]
		}
	}
	// closeTo pops the open units of rank r or deeper, and the parts of the
	// opening, but never the penjelasan.
	closeTo := func(r int) {
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			if u.Is == Penjelasan || u.Is.headed() && rank[u.Is] > 0 && rank[u.Is] < r {
				break
			}
			stack = stack[:len(stack)-1]
		}
	}
	for _, b := range blocks {
		line := s.startLine(b)
		switch n := b.(type) {
		case *ast.Heading:
			u := s.headedUnit(plain(n, s.src), inPenjelasan)
			if u == nil {
				if inPenjelasan && pasalDemiPasal.MatchString(strings.TrimSpace(plain(n, s.src))) {
					closeTo(1)
				} else {
					closeItems()
				}
				top().AppendChild(top(), n)
				continue
			}
			u.Line = line
			if u.Is == Penjelasan {
				inPenjelasan = true
				u.inPenjelasan = true
				stack = nil
			} else if rank[u.Is] == 0 {
				stack = nil
				if inPenjelasan {
					s.problem(line, "%s sesudah PENJELASAN: penjelasan adalah bagian terakhir peraturan; pindahkan %s ke atas PENJELASAN", u.Label(), u.Label())
				}
			} else if u.inPenjelasan && u.Is == Pasal {
				closeTo(1) // a Pasal explained stands beside the general part
			} else {
				closeTo(rank[u.Is])
			}
			if u.Is == Bab {
				s.hasBab = true
			}
			top().AppendChild(top(), u)
			stack = append(stack, u)
		case *Unit: // an item
			n.Line = s.lineOf(n.start)
			n.inPenjelasan = inPenjelasan
			i := len(stack) - 1
			for ; i >= 0 && !stack[i].Is.headed(); i-- {
				if stack[i].Is == n.Is {
					break
				}
			}
			if i >= 0 && stack[i].Is == n.Is {
				stack = stack[:i] // a sibling of the one found
			}
			top().AppendChild(top(), n)
			stack = append(stack, n)
			if isDeleted(n, s.src) {
				n.Deleted = true
			}
		default:
			closeItems()
			if p, ok := top().(*Unit); ok && p.Is.headed() && p.FirstChild() == nil && isDeleted(b, s.src) {
				p.Deleted = true
			}
			top().AppendChild(top(), b)
		}
	}
}

// isDeleted reports whether the whole text of n is "Dihapus.".
func isDeleted(n ast.Node, src []byte) bool {
	return strings.TrimSpace(plain(n, src)) == "Dihapus."
}

// plain is the text of n's inline content, with soft line breaks as spaces.
func plain(n ast.Node, src []byte) string {
	var b bytes.Buffer
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*Unit); ok {
				continue
			}
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// PlainText is the plain text of u itself, without its sub-units: an item's text
// after its number, or the paragraphs of a headed unit.
func (u *Unit) PlainText(src []byte) string {
	if !u.Is.headed() {
		return strings.TrimSpace(plain(u, src))
	}
	var parts []string
	for c := u.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*Unit); !ok {
			parts = append(parts, strings.TrimSpace(plain(c, src)))
		}
	}
	return strings.Join(parts, "\n\n")
}

// assignIDs gives every unit its id, reporting the ids that two units would
// share: a number written twice.
func (s *structure) assignIDs() {
	seen := map[string]*Unit{}
	s.pasals, s.explanations = map[string]*Unit{}, map[string]*Unit{}
	for _, u := range Units(s.doc) {
		id := u.idPart()
		if p := scope(u); p != nil {
			id = p.ID + "-" + id
		}
		if first, dup := seen[id]; dup {
			s.problem(u.Line, "%s ditulis dua kali (juga di baris %d); beri nomor berikutnya, atau nomor sisipan seperti %s", u.Cite(), first.Line, inserted(u))
			base := id // a second Pasal 1 is pasal-1-2, never another unit's id
			for n := 2; seen[id] != nil; n++ {
				id = fmt.Sprintf("%s-%d", base, n)
			}
		}
		u.ID = id
		seen[id] = u
		if s.ids != nil {
			s.ids.Put([]byte(id)) // no heading's id may be a unit's
		}
		if u.Is == Pasal {
			if u.inPenjelasan {
				s.explanations[u.Number] = u
			} else if s.pasals[u.Number] == nil {
				s.pasals[u.Number] = u
			}
		}
	}
	for number, e := range s.explanations {
		p := s.pasals[number]
		if p == nil {
			s.problem(e.Line, "penjelasan Pasal %s, padahal tidak ada Pasal %s; hapus penjelasannya atau perbaiki nomornya", number, number)
			continue
		}
		p.Explained, e.Explained = e.ID, p.ID
	}
}

// inserted names the unit inserted after u would be: "Pasal 2A" after
// Pasal 2, "ayat (2a)" after ayat (2), "huruf b1" after huruf b.
func inserted(u *Unit) string {
	switch u.Is {
	case Pasal, Bab:
		return describe(u.Is, u.Number+"A")
	case Huruf, SubHuruf:
		return describe(u.Is, u.Number+"1")
	}
	return describe(u.Is, u.Number+"a")
}
