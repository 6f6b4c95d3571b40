package peraturan

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// itemParser opens an item at a line that starts with its number: "(2)" an
// ayat, "b." a huruf, "1." an angka, "a)" and "1)" the two deeper levels. Its
// text runs to a blank line or the next line that starts a unit or a
// heading. Where to nest it is for the structurer to say, once every block
// is known.
type itemParser struct{}

func (itemParser) Trigger() []byte {
	t := []byte{'('}
	for c := byte('a'); c <= 'z'; c++ {
		t = append(t, c)
	}
	for c := byte('0'); c <= '9'; c++ {
		t = append(t, c)
	}
	return t
}

func (itemParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	kind, number, width := marker(line)
	if kind == "" {
		return nil, parser.NoChildren
	}
	u := &Unit{Is: kind, Number: number, start: seg.Start}
	u.Lines().Append(text.NewSegment(seg.Start+width, seg.Stop))
	reader.AdvanceToEOL()
	return u, parser.NoChildren
}

func (itemParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if util.IsBlank(line) || startsBlock(line) {
		return parser.Close
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close trims the item's lines, as a paragraph's are, and drops those left
// empty: the inline parser takes no empty line.
func (itemParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	kept := text.NewSegments()
	for i := range lines.Len() {
		seg := lines.At(i)
		seg = seg.TrimLeftSpace(reader.Source())
		if i == lines.Len()-1 {
			seg = seg.TrimRightSpace(reader.Source())
		}
		if seg.Len() > 0 {
			kept.Append(seg)
		}
	}
	node.SetLines(kept)
}

func (itemParser) CanInterruptParagraph() bool { return true }

func (itemParser) CanAcceptIndentedLine() bool { return true }

// startsBlock reports whether line starts an item or an ATX heading, which
// end the item before it.
func startsBlock(line []byte) bool {
	if kind, _, _ := marker(line); kind != "" {
		return true
	}
	i := skipSpace(line)
	return i < len(line) && line[i] == '#'
}

// marker reads the number that starts an item on line, after any spaces and
// tabs: its kind, the number as written, and how many bytes the number and
// the spaces after it take. The kind is "" when line does not start an item.
func marker(line []byte) (kind Kind, number string, width int) {
	i := skipSpace(line)
	start := i
	if i < len(line) && line[i] == '(' { // (2) or (2a)
		j := digits(line, i+1)
		if j == i+1 || j-i-1 > 3 {
			return "", "", 0
		}
		j = optional(line, j, isLower)
		if j >= len(line) || line[j] != ')' {
			return "", "", 0
		}
		return after(line, Ayat, string(line[i+1:j]), j+1)
	}
	if j := digits(line, i); j > i && j-i <= 3 { // 1. 1) 1a.
		j = optional(line, j, isLower)
		switch {
		case j < len(line) && line[j] == '.':
			return after(line, Angka, string(line[start:j]), j+1)
		case j < len(line) && line[j] == ')':
			return after(line, SubAngka, string(line[start:j]), j+1)
		}
		return "", "", 0
	}
	if i < len(line) && isLower(line[i]) { // a. a) aa. c1.
		j := i + 1
		switch {
		case j < len(line) && line[j] == line[i]:
			j++
		case j < len(line) && '0' <= line[j] && line[j] <= '9':
			j++
		}
		switch {
		case j < len(line) && line[j] == '.':
			return after(line, Huruf, string(line[i:j]), j+1)
		case j < len(line) && line[j] == ')' && j == i+1:
			return after(line, SubHuruf, string(line[i:j]), j+1)
		}
	}
	return "", "", 0
}

// after completes marker: the number must be followed by a space, a tab or
// the end of the line.
func after(line []byte, kind Kind, number string, end int) (Kind, string, int) {
	if end < len(line) && !util.IsSpace(line[end]) {
		return "", "", 0
	}
	for end < len(line) && (line[end] == ' ' || line[end] == '\t') {
		end++
	}
	return kind, number, end
}

func skipSpace(line []byte) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

func digits(line []byte, i int) int {
	for i < len(line) && '0' <= line[i] && line[i] <= '9' {
		i++
	}
	return i
}

func optional(line []byte, i int, ok func(byte) bool) int {
	if i < len(line) && ok(line[i]) {
		return i + 1
	}
	return i
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
