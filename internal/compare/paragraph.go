package compare

import "naskah/internal/catalog"

// AnchorMap maps the anchors of old that want accepts, the ids of its sections
// and of their blocks, to where their text went in new, so that a link to a
// paragraph of an old version leads to the same paragraph in the new one. A
// section id maps to the id of the section it pairs with as Compare pairs them,
// or "" when it was removed. A block id maps to the id of the best-matching
// block of new, or "" when it was removed: a block of a paired section looks
// among the blocks of its partner, where a block with the same text wins
// (identical blocks pairing in order) and otherwise the block whose words are
// most similar, if their Jaccard similarity is at least 0.3; a block of a
// removed section looks among all the blocks of new alike. Several old blocks
// may map to the same new one, as when paragraphs were merged. Only the words
// of blocks that want asks about are ever compared, so a caller that wants only
// the anchors new lacks pays for little more than the alignment.
func AnchorMap(old, new []catalog.Section, want func(id string) bool) map[string]string {
	c := newComparison(old, new)
	m := c.paragraphs(want)
	for i, s := range old {
		if s.ID == "" || !want(s.ID) {
			continue
		}
		m[s.ID] = ""
		if j := c.al.aToB[i]; j >= 0 {
			m[s.ID] = new[j].ID
		}
	}
	return m
}

// A block is a block of a section; set, the set of its words, is made when a
// comparison first needs it.
type block struct {
	id, text string
	set      []int32
}

// paragraphs maps the block ids of c.a that want accepts as AnchorMap does.
func (c *comparison) paragraphs(want func(string) bool) map[string]string {
	m := make(map[string]string)
	news := make([][]*block, len(c.b))
	newBlocks := func(j int) []*block {
		if news[j] == nil {
			news[j] = blocksOf(c.b[j])
		}
		return news[j]
	}
	var all []*block
	for i, s := range c.a {
		if !wantsBlock(s, want) {
			continue
		}
		var cands []*block
		if j := c.al.aToB[i]; j >= 0 {
			cands = newBlocks(j)
		} else {
			if all == nil {
				for j := range c.b {
					all = append(all, newBlocks(j)...)
				}
			}
			cands = all
		}
		c.mapBlocks(m, blocksOf(s), cands, want)
	}
	return m
}

// wantsBlock tells whether want accepts any block of s.
func wantsBlock(s catalog.Section, want func(string) bool) bool {
	for _, b := range s.Blocks {
		if want(b.ID) {
			return true
		}
	}
	return false
}

func blocksOf(s catalog.Section) []*block {
	out := make([]*block, len(s.Blocks))
	for i, b := range s.Blocks {
		out[i] = &block{id: b.ID, text: b.Text}
	}
	return out
}

// words returns the set of b's words.
func (c *comparison) words(b *block) []int32 {
	if b.set == nil {
		b.set = newText(c.in, b.text).set
	}
	return b.set
}

// mapBlocks records in m the block of news that each of olds that want accepts
// maps to. Every old block takes part in pairing identical texts, so that
// identical blocks pair in order whatever want asks.
func (c *comparison) mapBlocks(m map[string]string, olds, news []*block, want func(string) bool) {
	used := make([]bool, len(news))
	done := make([]bool, len(olds))
	for i, o := range olds {
		for j, n := range news {
			if !used[j] && n.text == o.text {
				used[j], done[i] = true, true
				if want(o.id) {
					m[o.id] = n.id
				}
				break
			}
		}
	}
	for i, o := range olds {
		if !done[i] && want(o.id) {
			m[o.id] = c.mostSimilar(o, news)
		}
	}
}

// mostSimilar returns the id of the block of news whose words are most
// similar to those of b, or "" if none is similar enough.
func (c *comparison) mostSimilar(b *block, news []*block) string {
	id, best := "", 0.0
	for _, n := range news {
		if sim := jaccard(c.words(b), c.words(n)); sim >= minSimilarity && sim > best {
			id, best = n.id, sim
		}
	}
	return id
}
