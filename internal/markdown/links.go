package markdown

import (
	"slices"

	"github.com/yuin/goldmark/ast"
)

// A Link is a link of the body, kept so that naskah check can tell where it leads.
type Link struct {
	// Dest is the destination as written, after entity decoding.
	Dest string
	// Line is the line of src the link is on, from 1.
	Line int
}

// collectLinks finds every link and autolink in doc, in document order.
func collectLinks(doc ast.Node, src []byte) []Link {
	var links []Link
	lines := lineIndex{src: src}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, Link{Dest: string(n.Destination), Line: lineOf(n, &lines)})
		case *ast.AutoLink:
			links = append(links, Link{Dest: string(n.URL(src)), Line: lineOf(n, &lines)})
		}
		return ast.WalkContinue, nil
	})
	return links
}

// lineOf is the line of the first text inside n, or of its block; 0 if unknown.
func lineOf(n ast.Node, lines *lineIndex) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return lines.at(t.Segment.Start)
		}
		if c.FirstChild() == nil {
			break
		}
	}
	// An autolink keeps its position to itself: take its block's first line.
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return lines.at(p.Lines().At(0).Start)
		}
	}
	return 0
}

// A lineIndex finds the line of an offset of src, so that the lines of many
// links cost no more than one pass over src.
type lineIndex struct {
	src    []byte
	starts []int // offset of the start of each line but the first, once needed
}

// at is the line that the byte at offset off is on, from 1.
func (x *lineIndex) at(off int) int {
	if x.starts == nil {
		x.starts = []int{}
		for i, c := range x.src {
			if c == '\n' {
				x.starts = append(x.starts, i+1)
			}
		}
	}
	n, found := slices.BinarySearch(x.starts, off)
	if found {
		n++
	}
	return n + 1
}
