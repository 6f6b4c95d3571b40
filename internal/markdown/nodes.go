package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// htmlBuffer lets goldmark write straight into a bytes.Buffer: it
// implements util.BufWriter without buffering of its own.
type htmlBuffer struct {
	bytes.Buffer
}

// Buffered returns 0: nothing is ever held back.
func (*htmlBuffer) Buffered() int { return 0 }

// Flush does nothing.
func (*htmlBuffer) Flush() error { return nil }

var _ renderer.NodeRenderer = (*nodeRenderer)(nil)

// nodeRenderer replaces goldmark's HTML rendering of the nodes whose output
// this package changes: headings, code and HTML blocks, raw HTML, links,
// images and autolinks. It holds no per-document state.
type nodeRenderer struct {
	anchorLabel    string // HTML-escaped
	paragraphLabel string // HTML-escaped
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindCodeBlock, r.codeBlock)
	reg.Register(ast.KindFencedCodeBlock, r.codeBlock)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindAutoLink, r.autoLink)
}

// idOf returns the id attribute that Render gave n, or "".
func idOf(n ast.Node) string {
	v, _ := n.AttributeString("id")
	s, _ := v.(string)
	return s
}

// writeID writes n's id attribute, with a leading space, if it has one.
func writeID(w util.BufWriter, n ast.Node) {
	if id := idOf(n); id != "" {
		_, _ = w.WriteString(` id="`)
		writeEscaped(w, id)
		_ = w.WriteByte('"')
	}
}

// writeEscaped writes s with the characters special to HTML escaped.
func writeEscaped(w util.BufWriter, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if esc := util.EscapeHTMLByte(s[i]); esc != nil {
			_, _ = w.WriteString(s[start:i])
			_, _ = w.Write(esc)
			start = i + 1
		}
	}
	_, _ = w.WriteString(s[start:])
}

// heading renders a heading with its id and a permalink anchor after its
// content.
func (r *nodeRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := "0123456"[min(max(n.Level, 2), 6)]
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		writeID(w, n)
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(` <a class="anchor" href="#`)
	writeEscaped(w, idOf(n))
	_, _ = w.WriteString(`" aria-label="`)
	_, _ = w.WriteString(r.anchorLabel)
	_, _ = w.WriteString(`">#</a></h`)
	_ = w.WriteByte(level)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// paragraph renders a paragraph; one with an id (a top-level paragraph) ends
// with a permalink to itself.
func (r *nodeRenderer) paragraph(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<p")
		writeID(w, n)
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	r.endParagraph(w, n)
	return ast.WalkContinue, nil
}

// endParagraph closes a paragraph, after its permalink if it has an id.
func (r *nodeRenderer) endParagraph(w util.BufWriter, n ast.Node) {
	if id := idOf(n); id != "" {
		_, _ = w.WriteString(` <a class="pilcrow" href="#`)
		writeEscaped(w, id)
		_, _ = w.WriteString(`" aria-label="`)
		_, _ = w.WriteString(r.paragraphLabel)
		_, _ = w.WriteString(`">¶</a>`)
	}
	_, _ = w.WriteString("</p>\n")
}

// codeBlock renders an indented or fenced code block, with the block's id
// on the pre element.
func (r *nodeRenderer) codeBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<pre")
	writeID(w, n)
	_, _ = w.WriteString("><code")
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		if lang := f.Language(src); lang != nil {
			_, _ = w.WriteString(` class="language-`)
			html.DefaultWriter.Write(w, lang)
			_ = w.WriteByte('"')
		}
	}
	_ = w.WriteByte('>')
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		html.DefaultWriter.RawWrite(w, seg.Value(src))
	}
	return ast.WalkContinue, nil
}

// htmlBlock renders a block of raw HTML as a paragraph of escaped text.
func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		r.endParagraph(w, node)
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	_, _ = w.WriteString("<p")
	writeID(w, n)
	_ = w.WriteByte('>')
	t := plainText{src: src}
	t.block(n)
	html.DefaultWriter.RawWrite(w, t.buf)
	return ast.WalkContinue, nil
}

// rawHTML renders inline raw HTML as escaped text.
func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.RawHTML)
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			html.DefaultWriter.RawWrite(w, seg.Value(src))
		}
	}
	return ast.WalkSkipChildren, nil
}

// link renders a link, or only its content if its destination is dangerous.
func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := util.URLEscape(n.Destination, true)
	kind := classify(n.Destination, dest)
	switch {
	case kind == urlDangerous:
	case !entering:
		_, _ = w.WriteString("</a>")
	default:
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(dest))
		_ = w.WriteByte('"')
		if n.Title != nil {
			_, _ = w.WriteString(` title="`)
			html.DefaultWriter.Write(w, n.Title)
			_ = w.WriteByte('"')
		}
		if class, ok := n.AttributeString("class"); ok {
			if c, ok := class.([]byte); ok {
				_, _ = w.WriteString(` class="`)
				writeEscaped(w, string(c))
				_ = w.WriteByte('"')
			}
		}
		writeRel(w, kind)
		_ = w.WriteByte('>')
	}
	return ast.WalkContinue, nil
}

// writeRel writes the rel attribute that links of the given kind need.
func writeRel(w util.BufWriter, kind urlKind) {
	if kind == urlExternal {
		_, _ = w.WriteString(` rel="noopener noreferrer"`)
	}
}

// image renders an image, or only its alt text if its source is dangerous.
func (r *nodeRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	t := plainText{src: src}
	t.inline(n)
	dest := util.URLEscape(n.Destination, true)
	if classify(n.Destination, dest) == urlDangerous {
		html.DefaultWriter.RawWrite(w, t.buf)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`" alt="`)
	html.DefaultWriter.RawWrite(w, t.buf)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

// autoLink renders an autolink, or only its text if its URL is dangerous.
func (r *nodeRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	url, label := n.URL(src), n.Label(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:") {
		url = append([]byte("mailto:"), url...)
	}
	dest := util.URLEscape(url, false)
	kind := classify(url, dest)
	if kind == urlDangerous {
		html.DefaultWriter.RawWrite(w, label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_ = w.WriteByte('"')
	writeRel(w, kind)
	_ = w.WriteByte('>')
	html.DefaultWriter.RawWrite(w, label)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// hasPrefixFold reports whether s begins with the lower-case ASCII prefix,
// ignoring case.
func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold(s[:len(prefix)], []byte(prefix))
}
