package peraturan

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension returns the goldmark extension of the regulation form, with the
// words of labels. Its item parser comes before goldmark's list parser, so a
// line that starts with "1." or "a)" is an item, not a list; lists with "-"
// or "*" are lists as ever.
func Extension(labels Labels) goldmark.Extender { return extension{labels.orDefault()} }

type extension struct{ labels Labels }

func (e extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(itemParser{}, 250)),
		parser.WithASTTransformers(util.Prioritized(structurer{}, 1000)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(unitRenderer{e.labels}, 100)))
}
