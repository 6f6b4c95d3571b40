package markdown

import (
	"bytes"

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
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, Link{Dest: string(n.Destination), Line: lineOf(n, src)})
		case *ast.AutoLink:
			links = append(links, Link{Dest: string(n.URL(src)), Line: lineOf(n, src)})
		}
		return ast.WalkContinue, nil
	})
	return links
}

// lineOf is the line of the first text inside n, or of its block; 0 if unknown.
func lineOf(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return bytes.Count(src[:t.Segment.Start], []byte("\n")) + 1
		}
		if c.FirstChild() == nil {
			break
		}
	}
	// An autolink keeps its position to itself: take its block's first line.
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return bytes.Count(src[:p.Lines().At(0).Start], []byte("\n")) + 1
		}
	}
	return 0
}
