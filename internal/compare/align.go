package compare

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"naskah/internal/catalog"
)

// minSimilarity is the least Jaccard similarity of the word sets of two
// sections, or of two blocks, for them to pair by their text. Sections of
// different topics in the policies of different regions score around 0.15
// (rarely above 0.28), while a section renamed between versions or the
// same topic under another heading in another region scores 0.35 or more;
// TestSimilarityThreshold checks this on the texts in testdata.
const minSimilarity = 0.3

// An alignment pairs sections of a with sections of b. aToB[i] is the index
// in b of the partner of a[i], or -1 if it has none; bToA the converse.
type alignment struct {
	aToB, bToA []int
}

// A match is an entry of an aligned comparison: the index of a section of
// a and of b, either -1 when the section was added or removed.
type match struct {
	a, b int
}

// A pairing is a way of pairing the sections of two texts.
type pairing uint8

const (
	byHeading    pairing = iota // prose: by heading, then by text (Compare)
	byID                        // two versions of a regulation: by id alone
	byIDThenText                // two regulations: by id where the texts agree, by text, then by id
)

// align pairs the sections of c.a and c.b as p says. By heading, they pair
// first by heading, in order, then the rest by the similarity of their
// texts, the most similar first; see CompareUnits for the other pairings.
func (c *comparison) align(p pairing) alignment {
	al := alignment{aToB: make([]int, len(c.a)), bToA: make([]int, len(c.b))}
	for i := range al.aToB {
		al.aToB[i] = -1
	}
	for j := range al.bToA {
		al.bToA[j] = -1
	}
	id := func(s catalog.Section) string { return s.ID }
	switch p {
	case byHeading:
		al.pairByKey(c.a, c.b, headingKey, nil)
		al.pairByText(c)
	case byID:
		al.pairByKey(c.a, c.b, id, nil)
	case byIDThenText:
		al.pairByKey(c.a, c.b, id, func(i, j int) bool {
			return c.a[i].Text == c.b[j].Text || jaccard(c.textA(i).set, c.textB(j).set) >= minSimilarity
		})
		al.pairByText(c)
		al.pairByKey(c.a, c.b, id, nil)
	}
	return al
}

func (al *alignment) pair(i, j int) {
	al.aToB[i], al.bToA[j] = j, i
}

// pairByKey pairs the unpaired sections that have the same key, the first
// such section of a with the first of b, and so on, if accept, when not nil,
// accepts the pair (of the indexes in a and b); a pair it refuses stays
// unpaired.
func (al *alignment) pairByKey(a, b []catalog.Section, key func(catalog.Section) string, accept func(i, j int) bool) {
	queue := make(map[string][]int, len(b))
	for j, s := range b {
		if al.bToA[j] < 0 {
			k := key(s)
			queue[k] = append(queue[k], j)
		}
	}
	for i, s := range a {
		if al.aToB[i] >= 0 {
			continue
		}
		k := key(s)
		if q := queue[k]; len(q) > 0 {
			if accept == nil || accept(i, q[0]) {
				al.pair(i, q[0])
			}
			queue[k] = q[1:]
		}
	}
}

// pairByText pairs the sections left unpaired whose texts have a
// similarity of at least minSimilarity, the most similar pairs first.
func (al *alignment) pairByText(c *comparison) {
	type candidate struct {
		i, j int
		sim  float64
	}
	var cs []candidate
	for i, ai := range al.aToB {
		for j, bj := range al.bToA {
			if ai >= 0 || bj >= 0 {
				continue
			}
			if sim := jaccard(c.textA(i).set, c.textB(j).set); sim >= minSimilarity {
				cs = append(cs, candidate{i, j, sim})
			}
		}
	}
	slices.SortStableFunc(cs, func(p, q candidate) int { return cmp.Compare(q.sim, p.sim) })
	for _, c := range cs {
		if al.aToB[c.i] < 0 && al.bToA[c.j] < 0 {
			al.pair(c.i, c.j)
		}
	}
}

// headingKey returns the key under which s pairs by heading: its heading
// lower-cased, with every run of characters other than letters and digits
// made one space. The preamble has a key of its own.
func headingKey(s catalog.Section) string {
	if s.ID == "" {
		return "\x00"
	}
	var b strings.Builder
	gap := false
	for _, r := range s.Heading {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// inOrder reports for each section of b whether it is paired and keeps its
// place: whether it belongs to a longest sequence of pairs that come in the
// same order in a as in b. Pairs outside it have moved.
func (al *alignment) inOrder() []bool {
	keep := make([]bool, len(al.bToA))
	prev := make([]int, len(al.bToA))
	var tails []int // tails[l]: the section of b that ends the best sequence of length l+1
	for j, i := range al.bToA {
		if i < 0 {
			continue
		}
		l := sort.Search(len(tails), func(l int) bool { return al.bToA[tails[l]] >= i })
		prev[j] = -1
		if l > 0 {
			prev[j] = tails[l-1]
		}
		if l == len(tails) {
			tails = append(tails, j)
		} else {
			tails[l] = j
		}
	}
	if len(tails) > 0 {
		for j := tails[len(tails)-1]; j >= 0; j = prev[j] {
			keep[j] = true
		}
	}
	return keep
}

// order returns the matches in the order to show them: that of b, with each
// section that a alone has right after the section of b paired with the
// section that precedes it in a.
func (al *alignment) order() []match {
	after := make([][]int, len(al.bToA)+1) // by 1 + the index in b they follow
	anchor := -1
	for i, j := range al.aToB {
		if j >= 0 {
			anchor = j
			continue
		}
		after[anchor+1] = append(after[anchor+1], i)
	}
	out := make([]match, 0, len(al.aToB)+len(al.bToA))
	for _, i := range after[0] {
		out = append(out, match{i, -1})
	}
	for j, i := range al.bToA {
		out = append(out, match{i, j})
		for _, r := range after[j+1] {
			out = append(out, match{r, -1})
		}
	}
	return out
}
