// Package markdown renders the Markdown body of a policy document version
// once and derives from it everything the rest of naskah needs: the HTML of
// the page, a table of contents, the body split into sections, stable ids for
// paragraph permalinks, and plain text for search and comparison.
//
// The contract of [Renderer.Render]:
//
//   - The input is CommonMark with the GitHub tables, strikethrough and
//     linkify extensions, plus footnotes. Heading attributes such as
//     {#id} are not recognised and stay part of the heading text.
//   - Raw HTML, inline or block, is never passed through: it appears in the
//     page as escaped, visible text.
//   - A link or image whose URL has the scheme javascript:, vbscript:, data:
//     or file: is neutralised: a link is replaced by its content, an image
//     by its alt text. Links to http:, https: and protocol-relative URLs
//     carry rel="noopener noreferrer".
//   - With a base (see [Renderer.RenderAt]), the destination of a link or
//     image that is a path relative to the page, such as "bagan.png" or
//     "../v1/", is written with the base before it, so that the HTML leads to
//     the same place on every page that shows it. Fragments ("#pasal-1"),
//     absolute paths and URLs with a scheme are written as they are.
//   - A level-1 heading is rendered as h2, because the page already has an
//     h1. Every heading has an id derived from its text (see [Heading]) and
//     ends with a permalink anchor.
//   - Every top-level block other than a heading, a thematic break or the
//     footnote list has an id of the form p-{section}-{n}, or p-{n} before
//     the first level-2 heading, where n counts such blocks from 1 within
//     the section. A paragraph with an id ends with a permalink to itself
//     (a "¶" link), so that a reader without JavaScript can still link to it.
//   - All ids in one rendering are unique, and concatenating the HTML of all
//     sections yields the HTML of the whole body.
//   - The body is untrusted input, so it is held to limits that keep the time
//     to render it linear in its size; past one, Render returns a
//     [*LimitError] with the line and how to fix it. List items, block quotes
//     and footnote definitions nest at most 16 deep (a bound of twice that is
//     checked before parsing, the exact limit after). A paragraph, heading or
//     table cell holds at most 128 marks: runs of "*", "_", "~" or "`", and
//     "[", "![" or "]". A body has at most 1,000 footnote definitions and
//     5,000 references to them. A table has at most as many cells as bytes,
//     which a table that writes every cell never reaches. In a paragraph,
//     the lines that start with "[" times all its lines are at most 2^20,
//     which up to 1,024 link reference definitions set apart from the text by
//     blank lines never reach.
//
// A [Renderer] is safe for concurrent use by multiple goroutines.
package markdown

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"naskah/internal/peraturan"
)

// DefaultAnchorLabel is the accessible label of heading permalinks used when
// Options.AnchorLabel is empty.
const DefaultAnchorLabel = "Tautan ke bagian ini"

// DefaultParagraphLabel is the accessible label of paragraph permalinks used
// when Options.ParagraphLabel is empty.
const DefaultParagraphLabel = "Tautan ke paragraf ini"

// Options configure a Renderer.
type Options struct {
	// AnchorLabel is the accessible label of each heading's permalink,
	// e.g. "Tautan ke bagian ini". It defaults to DefaultAnchorLabel.
	AnchorLabel string
	// ParagraphLabel is the accessible label of each paragraph's "¶"
	// permalink. It defaults to DefaultParagraphLabel.
	ParagraphLabel string
	// Regulation are the words the regulation form adds to the text.
	Regulation peraturan.Labels
}

// A Renderer converts Markdown to HTML and its derived data.
// Its zero value is not usable; create one with New.
type Renderer struct {
	md  goldmark.Markdown
	reg goldmark.Markdown // the regulation form's
}

// New returns a Renderer configured with opts.
func New(opts Options) *Renderer {
	label := opts.AnchorLabel
	if label == "" {
		label = DefaultAnchorLabel
	}
	para := opts.ParagraphLabel
	if para == "" {
		para = DefaultParagraphLabel
	}
	nodes := &nodeRenderer{anchorLabel: html.EscapeString(label), paragraphLabel: html.EscapeString(para)}
	markdown := func(extra ...goldmark.Extender) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(append([]goldmark.Extender{
				extension.Table,
				extension.Strikethrough,
				extension.Linkify,
				extension.Footnote,
			}, extra...)...),
			goldmark.WithParserOptions(
				parser.WithInlineParsers(util.Prioritized(markCounter{}, 0)),
				parser.WithParagraphTransformers(util.Prioritized(paragraphLimits{}, 0)),
			),
			goldmark.WithRendererOptions(
				renderer.WithNodeRenderers(util.Prioritized(nodes, 100)),
			),
		)
	}
	return &Renderer{md: markdown(), reg: markdown(peraturan.Extension(opts.Regulation))}
}

// Rendered is the result of rendering one Markdown body.
type Rendered struct {
	// HTML is the whole body.
	HTML template.HTML
	// TOC lists every top-level h2 and h3 in document order.
	TOC []Heading
	// Sections is the body split at level-2 headings.
	Sections []Section
	// Text is the plain text of the whole body, headings and footnotes
	// included, with blocks separated by a blank line ("\n\n").
	Text string
	// Links are the body's links, with the lines they are on.
	Links []Link
	// Images are the body's images, with the lines they are on; Dest is the
	// source as written, before any base.
	Images []Link
	// Units are the units of a regulation (see [Renderer.RenderRegulation])
	// in document order, each before its sub-units; nil for prose.
	Units []Unit
	// Problems are what is wrong with a regulation's structure.
	Problems []Problem
}

// A Heading is an entry of the table of contents.
//
// Its ID is its text lower-cased, with Latin letters folded to ASCII, other
// non-ASCII letters dropped and every run of other characters replaced by a
// single "-". An empty result becomes "bagian", and a repeated id gets the
// suffix "-2", "-3", and so on.
type Heading struct {
	ID    string
	Text  string
	Level int
}

// A Section is the part of the body that starts at a level-2 heading and
// runs until the next one. The part before the first level-2 heading, the
// preamble, has an empty ID and Heading; it is omitted when it is empty.
// Footnotes belong to the last section.
type Section struct {
	// ID is the id of the section's heading.
	ID string
	// Heading is the plain text of the section's heading.
	Heading string
	// HTML is the section's HTML, including its heading element.
	HTML template.HTML
	// Text is the plain text of Blocks, separated by "\n\n".
	Text string
	// Blocks are the top-level blocks of the section that carry an id.
	Blocks []Block
}

// A Block is a top-level block, such as a paragraph, list or table.
type Block struct {
	// ID is the id attribute of the block's outer HTML element.
	ID string
	// Text is the block's plain text. List items are separated by "\n",
	// table rows by "\n" and table cells by " | ".
	Text string
}

// Render renders the Markdown src. A src past one of the limits of the
// package doc is not rendered: the error is a *LimitError.
func (r *Renderer) Render(src []byte) (*Rendered, error) { return r.RenderAt(src, "") }

// RenderAt is Render for a body that is read at the absolute path base, such
// as "/mamuju/kebijakan/v1/", which ends in "/": relative destinations of
// links and images are written resolved against it. The body may also be
// shown on other pages, such as its policy's page, and its links still lead
// where they lead from base.
func (r *Renderer) RenderAt(src []byte, base string) (*Rendered, error) {
	doc, b, _, err := parse(r.md, src)
	if err != nil {
		return nil, err
	}
	b.out.Grow(2 * len(src))
	b.text.Grow(len(src))
	b.assignHeadingIDs(doc)
	links, images := collectLinks(doc, src)
	if base != "" {
		resolveRelative(doc, base)
	}
	res, err := b.build(doc)
	if res != nil {
		res.Links, res.Images = links, images
	}
	return res, err
}

// parse parses src with md, within the limits of the package doc, and
// returns the tree, a builder to render it with and the parser's context. The
// parser shares the builder's id set, so that anything it names cannot
// collide with the heading and block ids the builder assigns.
func parse(md goldmark.Markdown, src []byte) (ast.Node, *builder, parser.Context, error) {
	if err := scan(src, scanDepth, maxFootnotes); err != nil {
		return nil, nil, nil, err
	}
	ids := newIDSet(len(src)/256 + 16)
	pc := parser.NewContext(parser.WithIDs(ids))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if err := firstLimitErr(checkDepth(doc, src), limitErr(pc, src)); err != nil {
		return nil, nil, nil, err
	}
	return doc, &builder{render: md.Renderer(), src: src, ids: ids, plain: plainText{src: src}}, pc, nil
}

// A builder carries the state of one call to Render.
type builder struct {
	render renderer.Renderer
	src    []byte
	ids    *idSet
	plain  plainText

	out  htmlBuffer // HTML of the nodes rendered so far
	text strings.Builder
	// blockAt is the offset in text of each block's text, in document order:
	// the blocks' and sections' texts are cut from the body's, not kept twice.
	blockAt []int
	heads   []Heading // top-level headings in document order
	secs    []Section
	starts  []int // offset in out of the start of each of secs
}

// assignHeadingIDs gives every heading below n an id attribute, in document
// order, turns level-1 headings into level-2 ones, and records the
// top-level headings in b.heads.
func (b *builder) assignHeadingIDs(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok {
			if fc := c.FirstChild(); fc != nil && fc.Type() == ast.TypeBlock {
				b.assignHeadingIDs(c)
			}
			continue
		}
		h.Level = max(h.Level, 2)
		txt := b.plain.string(b.plain.inline, h)
		id := b.ids.heading(txt)
		h.SetAttributeString("id", id)
		if n.Kind() == ast.KindDocument {
			b.heads = append(b.heads, Heading{ID: id, Text: txt, Level: h.Level})
		}
	}
}

// build renders the top-level nodes of doc one at a time, in order,
// collecting sections, blocks and text on the way.
func (b *builder) build(doc ast.Node) (*Rendered, error) {
	res := &Rendered{}
	sec := Section{}
	start, nhead := 0, 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case c.Kind() == ast.KindHeading:
			h := b.heads[nhead]
			nhead++
			if h.Level == 2 {
				b.endSection(sec, start)
				sec, start = Section{ID: h.ID, Heading: h.Text}, b.out.Len()
			}
			if h.Level <= 3 {
				res.TOC = append(res.TOC, h)
			}
			b.addText(h.Text)
		case hasBlockID(c):
			blk := b.block(c, sec.ID, len(sec.Blocks)+1)
			sec.Blocks = append(sec.Blocks, blk)
			b.addText(blk.Text)
			b.blockAt = append(b.blockAt, b.text.Len()-len(blk.Text))
		default:
			b.addText(b.plain.string(b.plain.block, c))
		}
		if err := b.render.Render(&b.out, b.src, c); err != nil {
			return nil, err
		}
	}
	b.endSection(sec, start)
	b.finish(res)
	return res, nil
}

// hasBlockID reports whether the top-level node n gets a block id. Only
// nodes whose renderer writes the id attribute qualify.
func hasBlockID(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindList, ast.KindBlockquote,
		ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
		east.KindTable:
		return true
	}
	return false
}

// block assigns the top-level node n the id of the nth block of the section
// with the given id, and returns its Block.
func (b *builder) block(n ast.Node, section string, nth int) Block {
	base := "p-" + strconv.Itoa(nth)
	if section != "" {
		base = "p-" + section + "-" + strconv.Itoa(nth)
	}
	id := b.ids.unique(base)
	n.SetAttributeString("id", id)
	return Block{ID: id, Text: b.plain.string(b.plain.block, n)}
}

// addText appends the plain text of one block to the text of the body.
func (b *builder) addText(s string) {
	if s == "" {
		return
	}
	if b.text.Len() > 0 {
		b.text.WriteString("\n\n")
	}
	b.text.WriteString(s)
}

// endSection records sec, whose HTML starts at offset start, unless it is a
// preamble without content.
func (b *builder) endSection(sec Section, start int) {
	if sec.ID == "" && b.out.Len() == start {
		return
	}
	b.secs = append(b.secs, sec)
	b.starts = append(b.starts, start)
}

// finish fills in res from the state accumulated by build.
func (b *builder) finish(res *Rendered) {
	body, text := b.out.String(), b.text.String()
	n := 0
	for i := range b.secs {
		end := len(body)
		if i+1 < len(b.starts) {
			end = b.starts[i+1]
		}
		sec := &b.secs[i]
		sec.HTML = template.HTML(body[b.starts[i]:end])
		at := b.blockAt[n : n+len(sec.Blocks)]
		n += len(sec.Blocks)
		for j, off := range at {
			sec.Blocks[j].Text = text[off : off+len(sec.Blocks[j].Text)]
		}
		sec.Text = sectionText(sec.Blocks, at, text)
	}
	res.HTML = template.HTML(body)
	res.Sections = b.secs
	res.Text = text
}

// sectionText joins the texts of blocks, which start at the offsets at in
// text, with blank lines. When nothing stands between them in text, as when no
// level-3 heading does, the joined text is itself a part of text.
func sectionText(blocks []Block, at []int, text string) string {
	if len(blocks) == 0 {
		return ""
	}
	for i := 1; i < len(blocks); i++ {
		prev := blocks[i-1].Text
		if blocks[i].Text == "" || prev == "" || at[i] != at[i-1]+len(prev)+2 {
			texts := make([]string, len(blocks))
			for j, blk := range blocks {
				texts[j] = blk.Text
			}
			return strings.Join(texts, "\n\n")
		}
	}
	last := len(blocks) - 1
	return text[at[0] : at[last]+len(blocks[last].Text)]
}
