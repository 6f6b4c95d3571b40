package compare

import "naskah/internal/catalog"

// ParagraphMap maps every block id of old to where its text went in new: the
// id of the best-matching block of new, or "" when it was removed. It lets a
// link to a paragraph of an old version lead to the same paragraph in the
// new one.
//
// The sections are aligned as Compare aligns them. A block of a paired
// section looks among the blocks of its partner: a block with the same
// text wins, identical blocks pairing in order; otherwise the block whose
// words are most similar, if their Jaccard similarity is at least 0.3. A
// block of a removed section looks among all the blocks of new alike.
// Several old blocks may map to the same new one, as when paragraphs were
// merged.
func ParagraphMap(old, new []catalog.Section) map[string]string {
	c := newComparison(old, new)
	blocks := make([][]block, len(new))
	var all []block
	for j, s := range new {
		blocks[j] = c.blocks(s)
		all = append(all, blocks[j]...)
	}
	m := make(map[string]string)
	for i, s := range old {
		cands := all
		if j := c.al.aToB[i]; j >= 0 {
			cands = blocks[j]
		}
		mapBlocks(m, c.blocks(s), cands)
	}
	return m
}

// A block is a block of a section with the set of its words.
type block struct {
	id, text string
	set      []int32
}

// blocks returns the blocks of s.
func (c *comparison) blocks(s catalog.Section) []block {
	out := make([]block, len(s.Blocks))
	for i, b := range s.Blocks {
		out[i] = block{id: b.ID, text: b.Text, set: newText(c.in, b.Text).set}
	}
	return out
}

// mapBlocks records in m the block of news that each of olds maps to.
func mapBlocks(m map[string]string, olds, news []block) {
	used := make([]bool, len(news))
	done := make([]bool, len(olds))
	for i, o := range olds {
		for j, n := range news {
			if !used[j] && n.text == o.text {
				m[o.id], used[j], done[i] = n.id, true, true
				break
			}
		}
	}
	for i, o := range olds {
		if !done[i] {
			m[o.id] = mostSimilar(o, news)
		}
	}
}

// mostSimilar returns the id of the block of news whose words are most
// similar to those of b, or "" if none is similar enough.
func mostSimilar(b block, news []block) string {
	id, best := "", 0.0
	for _, n := range news {
		if sim := jaccard(b.set, n.set); sim >= minSimilarity && sim > best {
			id, best = n.id, sim
		}
	}
	return id
}
