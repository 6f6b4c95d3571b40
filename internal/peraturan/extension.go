package peraturan

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension returns the goldmark extension of the regulation form, with the
// words of labels. It replaces the parser of the goldmark.Markdown it
// extends, for the regulation form reads lines that start with "1." or "a)"
// as items, not lists, and indented lines as text, not code: it must come
// before any other extension, which add to the parser.
func Extension(labels Labels) goldmark.Extender { return extension{labels.orDefault()} }

type extension struct{ labels Labels }

func (e extension) Extend(m goldmark.Markdown) {
	var blocks []util.PrioritizedValue
	for _, b := range parser.DefaultBlockParsers() {
		if isListOrCode(b.Value) {
			continue
		}
		blocks = append(blocks, b)
	}
	blocks = append(blocks, util.Prioritized(itemParser{}, 250))
	m.SetParser(parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithASTTransformers(util.Prioritized(structurer{}, 1000)),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(unitRenderer{e.labels}, 100)))
}

// isListOrCode reports whether b is the parser of lists, list items or
// indented code, which the regulation form does without.
func isListOrCode(b any) bool {
	for _, p := range []parser.BlockParser{parser.NewListParser(), parser.NewListItemParser(), parser.NewCodeBlockParser()} {
		if b == p {
			return true
		}
	}
	return false
}
