package compare

import (
	"strings"

	"naskah/internal/catalog"
	"naskah/internal/legal"
)

// A blockDiff is what changed among the items of one section: the ids of
// the top-most items whose text changed, that were added, and that were
// removed or became "Dihapus.", each in the order of its version.
type blockDiff struct {
	changed, added, removed []string
}

// diffBlocks words what changed between o and n, two versions of a section
// that differ, as the middle of an item of Pasal I: "ayat (1) diubah dan
// ditambah 1 (satu) ayat, yakni ayat (3)". It reports false when the whole
// section changed: its own text, every old block, or something no
// citation names.
func diffBlocks(o, n catalog.Section) (string, bool) {
	d, ok := blockChanges(o, n)
	if !ok {
		return "", false
	}
	c := citer{section: n.ID, prefix: legal.CiteUnit(n.ID) + " "}
	var clauses []string
	if len(d.changed) > 0 {
		clauses = append(clauses, c.list(d.changed)+" diubah")
	}
	clauses = append(clauses, c.additions(d.added)...)
	if len(d.removed) > 0 {
		clauses = append(clauses, c.list(d.removed)+" dihapus")
	}
	if c.failed || len(clauses) == 0 {
		return "", false
	}
	return joinClauses(clauses), true
}

// blockChanges sorts the blocks of o and n, two versions of one section,
// by what happened to them, keeping the top-most. It reports false when
// the section changed as a whole.
func blockChanges(o, n catalog.Section) (blockDiff, bool) {
	olds, ok := textsByID(o.Blocks)
	if !ok || len(o.Blocks) == 0 {
		return blockDiff{}, false
	}
	news, ok := textsByID(n.Blocks)
	if !ok {
		return blockDiff{}, false
	}
	var d blockDiff
	touched := map[string]bool{}
	unchanged := 0
	for _, b := range n.Blocks {
		old, had := olds[b.ID]
		switch {
		case !had:
			d.added = append(d.added, b.ID)
		case old == b.Text:
			unchanged++
			continue
		case deletedItem(b.Text) && !deletedItem(old):
			d.removed = append(d.removed, b.ID)
		default:
			d.changed = append(d.changed, b.ID)
		}
		touched[b.ID] = true
	}
	for _, b := range o.Blocks {
		if _, kept := news[b.ID]; !kept {
			d.removed = append(d.removed, b.ID)
			touched[b.ID] = true
		}
	}
	if unchanged == 0 || touched[n.ID] {
		return blockDiff{}, false
	}
	d.changed = topMost(d.changed, touched)
	d.added = topMost(d.added, touched)
	d.removed = topMost(d.removed, touched)
	return d, true
}

// textsByID maps the ids of blocks to their texts. It reports false if two
// blocks share an id, which no regulation's sections do.
func textsByID(bs []catalog.Block) (map[string]string, bool) {
	m := make(map[string]string, len(bs))
	for _, b := range bs {
		if _, dup := m[b.ID]; dup {
			return nil, false
		}
		m[b.ID] = b.Text
	}
	return m, true
}

// deletedItem reports whether the text of an item, its number first, is
// "Dihapus.": "(4) Dihapus.".
func deletedItem(text string) bool {
	_, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	return strings.TrimSpace(rest) == deletedText || strings.TrimSpace(text) == deletedText
}

// topMost keeps the ids of ids none of whose ancestors is touched: the
// citation of an ancestor covers what it holds.
func topMost(ids []string, touched map[string]bool) []string {
	var out []string
	for _, id := range ids {
		top := true
		for p := legal.ParentUnit(id); p != ""; p = legal.ParentUnit(p) {
			if touched[p] {
				top = false
				break
			}
		}
		if top {
			out = append(out, id)
		}
	}
	return out
}

// itemKind is the word that counts the item id ("ayat", "huruf",
// "angka"): the deepest levels, "a)" and "1)", count as huruf and angka.
func itemKind(id string) string {
	toks := strings.Split(id, "-")
	if len(toks) < 2 {
		return ""
	}
	return strings.TrimPrefix(toks[len(toks)-2], "sub")
}

// A citer cites the items of one section relative to it: "ayat (2) huruf
// b" of Pasal 2. It records whether an item could not be cited so.
type citer struct {
	section, prefix string // the section's id, and its citation and a space
	failed          bool
}

// rel cites id relative to the unit whose citation and a space are prefix.
func (c *citer) rel(id, prefix string) string {
	s, ok := strings.CutPrefix(legal.CiteUnit(id), prefix)
	if !ok || s == "" || prefix == " " {
		c.failed = true
	}
	return s
}

// list cites ids, relative to the section: "ayat (1) dan ayat (3)", or,
// when they are all in the same item, "ayat (2) huruf a dan huruf c".
func (c *citer) list(ids []string) string {
	p := legal.ParentUnit(ids[0])
	for _, id := range ids[1:] {
		if legal.ParentUnit(id) != p {
			p = c.section
			break
		}
	}
	var names []string
	if p == c.section || len(ids) == 1 {
		for _, id := range ids {
			names = append(names, c.rel(id, c.prefix))
		}
		return joinAnd(names)
	}
	for _, id := range ids {
		names = append(names, c.rel(id, legal.CiteUnit(p)+" "))
	}
	return c.rel(p, c.prefix) + " " + joinAnd(names)
}

// additions words the added items ids, one clause per item they were added
// to and kind: "ditambah 1 (satu) ayat, yakni ayat (3)", "ayat (2)
// ditambah 2 (dua) huruf, yakni huruf d dan huruf e".
func (c *citer) additions(ids []string) []string {
	type group struct {
		parent, kind string
		ids          []string
	}
	var gs []*group
	for _, id := range ids {
		p, k := legal.ParentUnit(id), itemKind(id)
		var g *group
		for _, h := range gs {
			if h.parent == p && h.kind == k {
				g = h
			}
		}
		if g == nil {
			g = &group{parent: p, kind: k}
			gs = append(gs, g)
		}
		g.ids = append(g.ids, id)
	}
	var out []string
	for _, g := range gs {
		var where string
		if g.parent != c.section {
			where = c.rel(g.parent, c.prefix) + " "
		}
		var names []string
		for _, id := range g.ids {
			names = append(names, c.rel(id, legal.CiteUnit(g.parent)+" "))
		}
		out = append(out, where+"ditambah "+count(len(g.ids))+" "+g.kind+", yakni "+joinAnd(names))
	}
	return out
}

// joinClauses joins the clauses of an item. A clause that ends in a list
// after "yakni" is closed by a comma, so that the next clause does not
// read as part of the list.
func joinClauses(cs []string) string {
	if len(cs) == 2 && strings.Contains(cs[0], ", yakni ") {
		return cs[0] + ", dan " + cs[1]
	}
	return joinAnd(cs)
}
