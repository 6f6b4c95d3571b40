// Package compare tells what changed between two texts split into sections:
// two versions of one policy, or the policies of two regions.
//
// Compare aligns the sections of the two texts and diffs each pair word by
// word. Sections pair by heading first: headings that are equal once case,
// white space and punctuation are ignored pair in order, the preamble (the
// section with an empty ID) with the other preamble. The sections left over
// then pair by the similarity of their words, the most similar first, so
// that a renamed section, or the same topic under another heading in
// another region, still pairs. A section matches at most one other: when a
// section was split in two, it pairs with the part that has its heading or,
// failing that, the most similar part, and the other part is added.
//
// Each pair gets a status. A pair whose order relative to the other pairs
// differs between the texts has moved, whether or not its text changed as
// well; the pairs that keep their place are those of a longest sequence of
// pairs in the same order in both texts. Sections come out in the order of
// the new text, each removed section right after the section that
// preceded it in the old text, so that it shows near where it was.
//
// The word diff splits text into words, runs of white space and single
// other characters, and finds a shortest edit script with Myers'
// algorithm, then merges small equalities between edits into the edits so
// that a rewritten sentence reads as one deletion and one insertion. The
// ops of a pair are exact: the texts of its equal and delete ops make the
// old section's text, those of its equal and insert ops the new one's,
// blank lines between blocks included. Headings are compared but not
// diffed; a pair reports both. To bound the cost of texts that have little
// in common, the search for a shortest script gives up after a fixed
// number of differences and settles for a longer one; see maxCost.
//
// CompareUnits compares regulations, whose sections are the parts of the
// opening, each Pasal, the Penutup and each part of the penjelasan, with
// permanent ids that are the same in every version ("pasal-2a",
// "penjelasan-pasal-2"). Sections pair by id instead of heading: by id alone
// for two versions of one regulation, so that an inserted Pasal 5A is added,
// every later Pasal stays paired with itself, and a Pasal become "Dihapus."
// is changed; for the regulations of two regions, by id where the texts
// agree, then by text, then by id, so that Pasal pair by number where the
// numbering matches and by text where it does not. The rest is Compare's.
//
// Amendments tells the changes between two versions of a regulation in the
// words of an amending instrument, as Lampiran II of UU 12/2011 has them:
// "Ketentuan Pasal 2 ayat (2) huruf c diubah, sehingga Pasal 2 berbunyi
// sebagai berikut:", "Di antara Pasal 2 dan Pasal 3 disisipkan 1 (satu)
// pasal, yakni Pasal 2A, yang berbunyi sebagai berikut:", "Pasal 5
// dihapus.", each with the new wording of its Pasal or part, in the order
// of the Pasal and then the parts and the penjelasan; it names the items of
// a Pasal by their ids, which package legal cites. PasalI drafts from them
// Pasal I of the amending instrument, as text to copy.
//
// Each pair tells how alike its sections are (Similarity), and Anchors
// gives each pair an id for the page that shows it, its section's own.
//
// The package knows nothing of HTML or HTTP; callers render the result.
// Its functions keep no state between calls and are safe for concurrent
// use.
package compare

import (
	"math"

	"naskah/internal/catalog"
)

// Result is the comparison of two texts.
type Result struct {
	Sections []Pair `json:"sections"`
	Stats    Stats  `json:"stats"`
}

// Pair is an aligned pair of sections, or a section that only one text has.
type Pair struct {
	Status   Status `json:"status"`
	AID      string `json:"a_id"` // section id in a, "" when added
	BID      string `json:"b_id"` // section id in b, "" when removed
	AHeading string `json:"a_heading"`
	BHeading string `json:"b_heading"`
	Ops      []Op   `json:"ops"`
	// Similarity is the share of the words of the two sections that the word
	// diff finds in both: twice the words of the equal ops over the words of
	// both texts, from 0 (nothing in common, or a section only one text has)
	// to 1 (the same words), to three decimal places.
	Similarity float64 `json:"similarity"`
}

// Op is one operation of a word diff: text that is in both texts (OpEqual),
// only in the new one (OpInsert) or only in the old one (OpDelete).
type Op struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// The kinds of Op.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
)

// Stats counts the words of a comparison. A word is a run of letters and
// digits; white space and punctuation are not counted.
type Stats struct {
	WordsAdded      int `json:"words_added"`
	WordsRemoved    int `json:"words_removed"`
	WordsUnchanged  int `json:"words_unchanged"`
	SectionsChanged int `json:"sections_changed"` // pairs not unchanged
}

// Status is what happened to a section between the two texts.
type Status string

// The statuses of a Pair.
const (
	Unchanged Status = "unchanged" // same heading and text, in the same place
	Changed   Status = "changed"   // text or heading differ
	Added     Status = "added"     // only in b
	Removed   Status = "removed"   // only in a
	Moved     Status = "moved"     // in another place among the other pairs; the text may differ too
)

// Compare aligns the sections of a and b and diffs each pair word by word.
// A section of one text pairs with at most one of the other; see the
// package documentation for the rules.
func Compare(a, b []catalog.Section) *Result {
	return newComparison(a, b).result()
}

// result diffs the pairs of c and lists them in the order to show them.
func (c *comparison) result() *Result {
	keep := c.al.inOrder()
	res := &Result{Sections: make([]Pair, 0, len(c.a)+len(c.b))}
	for _, m := range c.al.order() {
		p := c.pair(m, keep)
		if p.Status != Unchanged {
			c.stats.SectionsChanged++
		}
		res.Sections = append(res.Sections, p)
	}
	res.Stats = c.stats
	return res
}

// A comparison holds the state of one call to Compare, CompareUnits or
// AnchorMap.
type comparison struct {
	a, b   []catalog.Section
	in     *interner
	ta, tb []*text // the texts of a and b, tokenised when first needed
	al     alignment
	d      differ
	hunks  []hunk
	stats  Stats
}

// newComparison aligns the sections of a and b by heading, then by text.
func newComparison(a, b []catalog.Section) *comparison {
	return compareBy(a, b, byHeading)
}

// compareBy aligns the sections of a and b as p says.
func compareBy(a, b []catalog.Section, p pairing) *comparison {
	c := &comparison{a: a, b: b, in: newInterner()}
	c.ta = make([]*text, len(a))
	c.tb = make([]*text, len(b))
	c.al = c.align(p)
	return c
}

// textA returns the text of section i of a, tokenised. Sections that are
// the same in both texts need never be.
func (c *comparison) textA(i int) *text {
	if c.ta[i] == nil {
		c.ta[i] = newText(c.in, c.a[i].Text)
	}
	return c.ta[i]
}

// textB returns the text of section j of b, tokenised.
func (c *comparison) textB(j int) *text {
	if c.tb[j] == nil {
		c.tb[j] = newText(c.in, c.b[j].Text)
	}
	return c.tb[j]
}

// pair returns the Pair of m. keep tells which sections of b keep their
// place.
func (c *comparison) pair(m match, keep []bool) Pair {
	if m.b < 0 {
		s := c.a[m.a]
		c.stats.WordsRemoved += countWords(s.Text)
		return Pair{Status: Removed, AID: s.ID, AHeading: s.Heading, Ops: whole(OpDelete, s.Text)}
	}
	if m.a < 0 {
		s := c.b[m.b]
		c.stats.WordsAdded += countWords(s.Text)
		return Pair{Status: Added, BID: s.ID, BHeading: s.Heading, Ops: whole(OpInsert, s.Text)}
	}
	sa, sb := c.a[m.a], c.b[m.b]
	p := Pair{Status: Changed, AID: sa.ID, BID: sb.ID, AHeading: sa.Heading, BHeading: sb.Heading}
	before := c.stats
	if sa.Text == sb.Text {
		c.stats.WordsUnchanged += countWords(sa.Text)
		p.Ops = whole(OpEqual, sa.Text)
	} else {
		p.Ops = c.diff(c.textA(m.a), c.textB(m.b))
	}
	p.Similarity = similarity(before, c.stats)
	switch {
	case !keep[m.b]:
		p.Status = Moved
	case sa.Heading == sb.Heading && sa.Text == sb.Text:
		p.Status = Unchanged
	}
	return p
}

// diff returns the word diff of a and b, which differ, and adds its words
// to c.stats.
func (c *comparison) diff(a, b *text) []Op {
	hs := hunks(c.hunks[:0], c.d.diff(a.ids, b.ids))
	c.hunks = trim(cleanup(hs, a, b), a, b)
	return ops(a, b, c.hunks, &c.stats)
}

// similarity is the Similarity of a pair whose diff took the word counts
// from before to after.
func similarity(before, after Stats) float64 {
	same := after.WordsUnchanged - before.WordsUnchanged
	all := 2*same + after.WordsAdded - before.WordsAdded + after.WordsRemoved - before.WordsRemoved
	if all == 0 {
		return 1 // two sections without words: only punctuation, or nothing
	}
	return math.Round(1000*float64(2*same)/float64(all)) / 1000
}

// whole returns the ops of a text that is all of one kind.
func whole(op, s string) []Op {
	return appendOp([]Op{}, op, s)
}
