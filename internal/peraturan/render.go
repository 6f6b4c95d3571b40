package peraturan

import (
	"html"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Labels are the words the rendering adds to the text, in the page's
// language; the zero value gives Indonesian ones.
type Labels struct {
	// Link is the accessible name of a unit's permalink, with %s for the
	// unit's citation: "Tautan ke %s".
	Link string
	// Explanation and Explained lead from a Pasal to its penjelasan and back.
	Explanation, Explained string
}

func (l Labels) orDefault() Labels {
	if l.Link == "" {
		l.Link = "Tautan ke "
	}
	if l.Explanation == "" {
		l.Explanation = "Penjelasan"
	}
	if l.Explained == "" {
		l.Explained = "Kembali ke"
	}
	return l
}

// unitRenderer renders units as the official text is laid out: each headed
// unit a section under its heading, each item a list item numbered as
// written, with its sub-items in a list below its text.
type unitRenderer struct{ labels Labels }

// RegisterFuncs implements renderer.NodeRenderer.
func (r unitRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindUnit, r.unit)
}

func (r unitRenderer) unit(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	u := node.(*Unit)
	if u.Is.headed() {
		r.headed(w, u, entering)
	} else {
		r.item(w, u, entering)
	}
	return ast.WalkContinue, nil
}

func (r unitRenderer) headed(w util.BufWriter, u *Unit, entering bool) {
	if !entering {
		if u.Explained != "" {
			label := r.labels.Explanation + " " + u.Label()
			if u.inPenjelasan {
				label = r.labels.Explained + " " + u.Label()
			}
			_, _ = w.WriteString(`<p class="unit-explained"><a href="#` + html.EscapeString(u.Explained) + `">` + html.EscapeString(label) + "</a></p>\n")
		}
		_, _ = w.WriteString("</section>\n")
		return
	}
	level := strconv.Itoa(headingLevel(u))
	class := "unit unit-" + string(u.Is)
	if u.Deleted {
		class += " unit-deleted"
	}
	id := html.EscapeString(u.ID)
	_, _ = w.WriteString(`<section class="` + class + `" id="` + id + `">` + "\n<h" + level + ` class="unit-heading">`)
	_, _ = w.WriteString(`<span class="unit-label">` + html.EscapeString(u.Label()) + `</span>`)
	if u.Title != "" {
		_, _ = w.WriteString(` <span class="unit-title">` + html.EscapeString(u.Title) + `</span>`)
	}
	_, _ = w.WriteString(` <a class="anchor" href="#` + id + `" aria-label="` + html.EscapeString(r.labels.Link+u.Cite()) + `">#</a></h` + level + ">\n")
}

// headingLevel is the level of u's heading: h2 for the parts and the BAB,
// one deeper for each headed unit it stands in.
func headingLevel(u *Unit) int {
	level := 2
	for p, _ := u.Parent().(*Unit); p != nil; p, _ = p.Parent().(*Unit) {
		if p.Is.headed() {
			level++
		}
	}
	return min(level, 6)
}

func (r unitRenderer) item(w util.BufWriter, u *Unit, entering bool) {
	prevItem, nextItem := sameList(u, u.PreviousSibling()), sameList(u, u.NextSibling())
	if entering {
		if !prevItem {
			if p, ok := u.Parent().(*Unit); ok && !p.Is.headed() {
				r.permalink(w, p) // the parent item's text ends here
			}
			_, _ = w.WriteString(`<ol class="units units-` + string(u.Is) + `">` + "\n")
		}
		class := "unit unit-" + string(u.Is)
		if u.Deleted {
			class += " unit-deleted"
		}
		_, _ = w.WriteString(`<li class="` + class + `" id="` + html.EscapeString(u.ID) + `"><span class="unit-num">` + html.EscapeString(u.Label()) + "</span> ")
		return
	}
	if !hasUnits(u) {
		r.permalink(w, u)
	}
	_, _ = w.WriteString("</li>\n")
	if !nextItem {
		_, _ = w.WriteString("</ol>\n")
	}
}

// permalink writes the "¶" link to an item, after its text.
func (r unitRenderer) permalink(w util.BufWriter, u *Unit) {
	_, _ = w.WriteString(` <a class="pilcrow" href="#` + html.EscapeString(u.ID) + `" aria-label="` + html.EscapeString(r.labels.Link+u.Cite()) + `">¶</a>`)
}

// sameList reports whether n is an item of the list the item u is in.
func sameList(u *Unit, n ast.Node) bool {
	v, ok := n.(*Unit)
	return ok && v.Is == u.Is
}
