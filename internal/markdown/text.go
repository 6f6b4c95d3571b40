package markdown

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// plainText extracts the plain text of AST nodes into a reusable buffer.
//
// Soft line breaks become spaces and hard ones newlines; code spans, link
// text and the alt text of images are kept; character references and
// backslash escapes are resolved; footnote references are dropped.
type plainText struct {
	src []byte
	buf []byte
}

// string returns the text that fn appends for n.
func (t *plainText) string(fn func(ast.Node), n ast.Node) string {
	t.buf = t.buf[:0]
	fn(n)
	return string(t.buf)
}

// block appends the text of the block node n. Lines of code, list items,
// table rows and the children of other containers are separated by "\n",
// table cells by " | ".
func (t *plainText) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.CodeBlock:
		t.lines(n.Lines(), nil)
	case *ast.FencedCodeBlock:
		t.lines(n.Lines(), nil)
	case *ast.HTMLBlock:
		var closure []byte
		if n.HasClosure() {
			closure = n.ClosureLine.Value(t.src)
		}
		t.lines(n.Lines(), closure)
	case *ast.ThematicBreak:
	case *east.Table:
		t.join(n, "\n", t.tableRow)
	default:
		if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
			t.inline(n)
		} else {
			t.join(n, "\n", t.block)
		}
	}
}

// tableRow appends the text of a table row or header.
func (t *plainText) tableRow(n ast.Node) {
	t.join(n, " | ", t.inline)
}

// join appends the text that each appends for every child of n, separated
// by sep. Children without text are skipped.
func (t *plainText) join(n ast.Node, sep string, each func(ast.Node)) {
	first := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		mark := len(t.buf)
		if !first {
			t.buf = append(t.buf, sep...)
		}
		body := len(t.buf)
		each(c)
		if len(t.buf) == body {
			t.buf = t.buf[:mark]
			continue
		}
		first = false
	}
}

// lines appends the raw lines followed by closure, without the final line
// break.
func (t *plainText) lines(lines *text.Segments, closure []byte) {
	start := len(t.buf)
	for i := range lines.Len() {
		seg := lines.At(i)
		t.buf = append(t.buf, seg.Value(t.src)...)
	}
	t.buf = append(t.buf, closure...)
	for end := len(t.buf); end > start; end-- {
		if c := t.buf[end-1]; c != '\n' && c != '\r' {
			break
		}
		t.buf = t.buf[:end-1]
	}
}

// inline appends the text of the inline children of n.
func (t *plainText) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			t.text(c)
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				t.buf = append(t.buf, c.Value...)
			} else {
				t.buf = appendDecoded(t.buf, c.Value)
			}
		case *ast.CodeSpan:
			t.codeSpan(c)
		case *ast.AutoLink:
			t.buf = append(t.buf, c.Label(t.src)...)
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				t.buf = append(t.buf, seg.Value(t.src)...)
			}
		case *east.FootnoteLink, *east.FootnoteBacklink:
			// Footnote markers are not part of the text.
		default:
			t.inline(c)
		}
	}
}

// text appends the text of n, followed by its line break if it has one.
func (t *plainText) text(n *ast.Text) {
	v := n.Segment.Value(t.src)
	if n.IsRaw() {
		t.buf = append(t.buf, v...)
	} else {
		t.buf = appendDecoded(t.buf, v)
	}
	switch {
	case n.HardLineBreak():
		t.buf = append(t.buf, '\n')
	case n.SoftLineBreak():
		t.buf = append(t.buf, ' ')
	}
}

// codeSpan appends the content of a code span, with line endings as spaces.
func (t *plainText) codeSpan(n *ast.CodeSpan) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		txt, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := txt.Segment.Value(t.src)
		if v, ok := bytes.CutSuffix(v, []byte("\n")); ok {
			t.buf = append(append(t.buf, v...), ' ')
			continue
		}
		t.buf = append(t.buf, v...)
	}
}

// appendDecoded appends s to dst with backslash escapes and character
// references resolved, each exactly once, as CommonMark specifies for text.
func appendDecoded(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			dst = append(dst, s[i+1])
			i++
		case c == '&':
			var n int
			dst, n = appendCharRef(dst, s[i:])
			i += n - 1
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendCharRef decodes the character reference at the start of s, which
// begins with '&', and appends it to dst. It returns the number of bytes of
// s consumed: the reference, or just the '&' if there is none.
func appendCharRef(dst, s []byte) ([]byte, int) {
	// No reference is longer than 33 bytes: looking further for the ';'
	// would make a run of '&' cost the square of its length.
	end := bytes.IndexByte(s[:min(len(s), 34)], ';')
	if end < 2 {
		return append(dst, '&'), 1
	}
	name := s[1:end]
	if name[0] != '#' {
		for _, c := range name {
			if !util.IsAlphaNumeric(c) {
				return append(dst, '&'), 1
			}
		}
		e, ok := util.LookUpHTML5EntityByName(string(name))
		if !ok {
			return append(dst, '&'), 1
		}
		return append(dst, e.Characters...), end + 1
	}
	r, ok := numericRef(name[1:])
	if !ok {
		return append(dst, '&'), 1
	}
	return utf8.AppendRune(dst, r), end + 1
}

// numericRef parses the digits of a numeric character reference, after
// "&#", as CommonMark does: 1–7 decimal digits or "x" and 1–6 hex digits.
// Invalid code points decode to U+FFFD.
func numericRef(d []byte) (rune, bool) {
	base, limit := 10, 7
	if len(d) > 0 && (d[0] == 'x' || d[0] == 'X') {
		base, limit, d = 16, 6, d[1:]
	}
	if len(d) == 0 || len(d) > limit {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d), base, 32)
	if err != nil {
		return 0, false
	}
	if v == 0 || v > utf8.MaxRune {
		return utf8.RuneError, true
	}
	return rune(v), true
}
