package compare

import "strconv"

// preambleAnchor is the anchor of the pair of preambles, which have no id.
const preambleAnchor = "pembuka"

// Anchors returns an element id for each pair of r, in order, for a page that
// shows the pairs: the section's id in b, or in a for a section only a has,
// so that a link to a pair names its section ("pasal-2", "pelatihan"); the
// preambles' is "pembuka". Where two pairs would share an id, the first keeps
// it and the other gets a suffix ("-2", "-3", …) that no pair's own id takes.
func (r *Result) Anchors() []string {
	out := make([]string, len(r.Sections))
	used := make(map[string]bool, len(r.Sections))
	for i, p := range r.Sections {
		if id := p.anchor(); !used[id] {
			used[id] = true
			out[i] = id
		}
	}
	for i, p := range r.Sections {
		if out[i] != "" {
			continue
		}
		base := p.anchor()
		for n := 2; ; n++ {
			if id := base + "-" + strconv.Itoa(n); !used[id] {
				used[id] = true
				out[i] = id
				break
			}
		}
	}
	return out
}

// anchor is the id that p would have if no other pair had it.
func (p Pair) anchor() string {
	switch {
	case p.BID != "":
		return p.BID
	case p.AID != "":
		return p.AID
	}
	return preambleAnchor
}
