package compare

// A hunk replaces tokens a0 to a1 of the old text with tokens b0 to b1 of
// the new one, ends excluded. One of the two may be empty. Between two
// hunks, and before the first and after the last, the texts are equal.
type hunk struct {
	a0, a1, b0, b1 int
}

// hunks appends to dst the hunks of an edit script: each maximal stretch of
// deletions and insertions between equal tokens becomes one hunk.
func hunks(dst []hunk, script []run) []hunk {
	x, y := 0, 0
	open := false
	for _, r := range script {
		if r.kind == opEqual {
			x, y = x+r.n, y+r.n
			open = false
			continue
		}
		if !open {
			dst = append(dst, hunk{x, x, y, y})
			open = true
		}
		h := &dst[len(dst)-1]
		if r.kind == opDelete {
			x += r.n
			h.a1 = x
		} else {
			y += r.n
			h.b1 = y
		}
	}
	return dst
}

// cleanup merges hunks across the equalities between them that are too
// small to be worth showing, so that a rewritten sentence reads as one
// deletion and one insertion instead of confetti. It follows the rule of
// diff-match-patch's cleanupSemantic: an equality goes if it is no longer
// (in bytes) than the larger side of the hunk before it and no longer than
// the larger side of the hunk after it. The hunks that a merge makes are
// tested again against their new neighbours. Equalities that hold a line
// break always stay, so that paragraphs and list items stay apart.
//
// cleanup works in place and returns the shortened hs.
func cleanup(hs []hunk, a, b *text) []hunk {
	out := hs[:0]
	for _, h := range hs {
		for len(out) > 0 && insignificant(out[len(out)-1], h, a, b) {
			p := out[len(out)-1]
			out = out[:len(out)-1]
			h = hunk{p.a0, h.a1, p.b0, h.b1}
		}
		out = append(out, h)
	}
	return out
}

// insignificant reports whether the equality between the consecutive hunks
// p and h is to be merged into them; see cleanup.
func insignificant(p, h hunk, a, b *text) bool {
	if a.hasNewline(p.a1, h.a0) {
		return false
	}
	eq := a.size(p.a1, h.a0)
	return eq <= max(a.size(p.a0, p.a1), b.size(p.b0, p.b1)) &&
		eq <= max(a.size(h.a0, h.a1), b.size(h.b0, h.b1))
}

// trim moves the tokens that both sides of a hunk start or end with out of
// the hunk, into the equalities around it, and drops hunks left empty. A
// merge by cleanup can leave such tokens behind, such as the space before
// a replaced word.
//
// trim works in place and returns the shortened hs.
func trim(hs []hunk, a, b *text) []hunk {
	out := hs[:0]
	for _, h := range hs {
		for h.a0 < h.a1 && h.b0 < h.b1 && a.ids[h.a0] == b.ids[h.b0] {
			h.a0, h.b0 = h.a0+1, h.b0+1
		}
		for h.a0 < h.a1 && h.b0 < h.b1 && a.ids[h.a1-1] == b.ids[h.b1-1] {
			h.a1, h.b1 = h.a1-1, h.b1-1
		}
		if h.a0 < h.a1 || h.b0 < h.b1 {
			out = append(out, h)
		}
	}
	return out
}

// ops returns the operations that turn a into b by the hunks hs, and adds
// their words to st.
func ops(a, b *text, hs []hunk, st *Stats) []Op {
	out := make([]Op, 0, 3*len(hs)+1)
	x := 0
	for _, h := range hs {
		out = appendOp(out, OpEqual, a.slice(x, h.a0))
		out = appendOp(out, OpDelete, a.slice(h.a0, h.a1))
		out = appendOp(out, OpInsert, b.slice(h.b0, h.b1))
		st.WordsUnchanged += a.countWords(x, h.a0)
		st.WordsRemoved += a.countWords(h.a0, h.a1)
		st.WordsAdded += b.countWords(h.b0, h.b1)
		x = h.a1
	}
	out = appendOp(out, OpEqual, a.slice(x, a.len()))
	st.WordsUnchanged += a.countWords(x, a.len())
	return out
}

// appendOp appends the operation op on s to ops, unless s is empty.
func appendOp(ops []Op, op, s string) []Op {
	if s == "" {
		return ops
	}
	return append(ops, Op{Op: op, Text: s})
}
