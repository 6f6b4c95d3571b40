package markdown

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// A Link is a link of the body, kept so that naskah check can tell where it leads.
type Link struct {
	// Dest is the destination as written, after entity decoding.
	Dest string
	// Line is the line of src the link is on, from 1.
	Line int
}

// collectLinks finds every link and autolink, and every image, in doc, in
// document order.
func collectLinks(doc ast.Node, src []byte) (links, images []Link) {
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
		case *ast.Image:
			images = append(images, Link{Dest: string(n.Destination), Line: lineOf(n, &lines)})
		}
		return ast.WalkContinue, nil
	})
	return links, images
}

// resolveRelative writes base before the destination of every link and image
// of doc whose destination is a path relative to the page.
func resolveRelative(doc ast.Node, base string) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = resolve(n.Destination, base)
		case *ast.Image:
			n.Destination = resolve(n.Destination, base)
		}
		return ast.WalkContinue, nil
	})
}

// resolve is dest with base before it, if dest is a path relative to the
// page, without a leading "./"; else dest.
func resolve(dest []byte, base string) []byte {
	if !relativePath(dest) {
		return dest
	}
	for bytes.HasPrefix(dest, []byte("./")) {
		dest = dest[2:]
	}
	return append([]byte(base), dest...)
}

// relativePath reports whether the destination dest, as written, is a path
// relative to the page: not empty, without a scheme, and not an absolute
// path, a fragment or a query alone. Like classify, it looks at dest both as
// written and decoded, so that no form of a scheme passes for a path; such a
// destination is left for the renderer to judge.
func relativePath(dest []byte) bool {
	decoded := dest
	if bytes.ContainsAny(dest, "&\\") {
		decoded = appendDecoded(nil, dest)
	}
	for _, d := range [][]byte{dest, decoded, util.URLEscape(dest, true)} {
		d = bytes.TrimLeftFunc(d, func(r rune) bool { return r <= ' ' })
		if len(d) == 0 || scheme(d) != "" {
			return false
		}
		switch d[0] {
		case '/', '\\', '#', '?':
			return false
		}
	}
	return true
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
