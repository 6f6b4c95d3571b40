package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/util"
)

// scanDepth is as deep as scan lets an upper bound of the nesting of
// containers (list items, block quotes, footnote definitions) go before
// goldmark parses the body. goldmark walks every open container for each line
// and rescans the rest of a line for each container it opens there, so a line
// costs more the deeper it is: a list nested 1,000 deep by indentation took 4 s
// to render, 2,000 deep 30 s. The bound is twice maxDepth, which checkDepth
// holds the syntax tree to exactly after parsing, so that only input that no
// policy text comes near stops here.
const scanDepth = 2 * maxDepth

// scan checks src, in one pass over its lines, against the limits that must
// hold before goldmark parses it: an upper bound of the depth of its
// containers at most depthLimit (Render passes scanDepth), and at most
// footnoteLimit footnote definitions.
//
// Only a marker can open a container: ">" a block quote, "-", "+", "*", "1."
// or "1)" a list item, "[^label]:" a footnote definition. A line stays inside
// the containers that the line before left open only if it carries a ">" for
// each block quote and at least 2 columns of indentation for each list item
// (4 for a footnote), or if it is blank, or if it is lazy: text that continues
// a paragraph without any of these. The indentation that continues a list
// item comes before the markers of the items the line opens, as a list item
// marker always opens one. So the containers a line is in are at most
//
//   - markers + indentation/2, where indentation counts the columns before
//     the first list item or footnote marker, and at most open + markers,
//     for a line that is not lazy, where open is the bound for the line
//     before;
//   - open, for a line that is blank or lazy.
//
// scan does not know which lines are lazy or inside fenced code, so after a
// line that is not blank it takes the larger of the two. A line of code
// indented however deep thus stays at the depth of its fence; only a run of
// deeply indented lines that also start with markers can climb, one level a
// line, up to what their indentation allows.
func scan(src []byte, depthLimit, footnoteLimit int) *LimitError {
	open, lazy, footnotes := 0, false, 0
	for n := 1; len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		p := scanPrefix(line)
		depth := open
		if !p.blank {
			depth = min(p.markers+p.indent/2, open+p.markers)
			if lazy {
				depth = max(depth, open)
			}
		}
		if depth > depthLimit {
			return &LimitError{Line: n, Msg: depthMessage}
		}
		if footnotes += p.footnotes; footnotes > footnoteLimit {
			return &LimitError{Line: n, Msg: footnoteMessage}
		}
		open, lazy = depth, !p.blank
	}
	return nil
}

// A prefix is what scan learns from the start of a line.
type prefix struct {
	markers   int  // container markers
	footnotes int  // of which footnote definitions
	indent    int  // columns of white space before the first list item or footnote
	blank     bool // the line holds only white space
}

// scanPrefix reads the container markers and white space at the start of
// line. It recognises more than goldmark would open (markers after 4 columns
// of indentation, a thematic break "- - -" as three markers), never less.
func scanPrefix(line []byte) prefix {
	var p prefix
	col := 0
	opened := false // a list item or footnote opened on this line
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4 - col%4
			}
			col += w
			if !opened {
				p.indent += w
			}
			i++
		case c == '\r' && i == len(line)-1:
			i++
		case c == '>':
			p.markers++
			col++
			i++
		case c == '-' || c == '+' || c == '*':
			if !endsMarker(line, i+1) {
				return p
			}
			p.markers++
			opened = true
			col++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || (line[j] != '.' && line[j] != ')') || !endsMarker(line, j+1) {
				return p
			}
			p.markers++
			opened = true
			col += j + 1 - i
			i = j + 1
		case c == '[':
			w := footnoteMarker(line[i:])
			if w == 0 {
				return p
			}
			p.markers++
			p.footnotes++
			opened = true
			col += w
			i += w
		default:
			return p
		}
	}
	p.blank = p.markers == 0
	return p
}

// endsMarker reports whether a list marker that ends before line[i] is one:
// it must be followed by white space or the end of the line.
func endsMarker(line []byte, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
}

// footnoteMarker returns the length of the footnote definition marker
// "[^label]:" at the start of s, or 0 if there is none. It finds the end of
// the label as goldmark's footnote parser does.
func footnoteMarker(s []byte) int {
	if len(s) < 2 || s[1] != '^' {
		return 0
	}
	label := s[2:min(len(s), 2+999)]
	end := util.FindClosure(label, '[', ']', false, false)
	if end <= 0 || 2+end+1 >= len(s) || s[2+end+1] != ':' {
		return 0
	}
	return 2 + end + 2
}
