package pages

import (
	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/legal"
	"naskah/internal/site"
)

// Moved says where an anchor of an older version went in the version in force: to
// another anchor, or nowhere, in which case the older version that had it is named;
// a unit of a regulation that is gone has both, the unit that held it and the
// older version.
type Moved struct {
	To      string `json:"to,omitempty"`
	Version string `json:"version,omitempty"`
	URL     string `json:"url,omitempty"`
}

// movedAnchors maps every section and paragraph anchor of the policy's older
// versions that the version in force lacks to where its text went. A link to an
// old anchor on the current page then still leads somewhere (see naskah.js).
func movedAnchors(p *site.Policy) map[string]Moved {
	cur := p.Current
	curSecs := cur.Sections()
	ids := anchorSet(curSecs)
	gone := func(id string) bool { return !ids[id] }
	out := map[string]Moved{}
	for _, old := range p.Versions { // oldest first: newer versions overwrite
		if old == cur || old.Status == "draft" {
			continue
		}
		oldSecs := old.Sections()
		if !anyAnchor(oldSecs, gone) {
			continue
		}
		for id, to := range compare.AnchorMap(oldSecs, curSecs, gone) {
			switch {
			case to != "":
				out[id] = Moved{To: to}
			case cur.Doc != nil && cur.Doc.Units != nil:
				// A unit of a regulation that is gone leads to the nearest
				// unit holding it that is still there, which says it went.
				out[id] = Moved{To: nearestUnit(id, ids), Version: old.Label, URL: old.URL() + "#" + id}
			default:
				out[id] = Moved{Version: old.Label, URL: old.URL() + "#" + id}
			}
		}
	}
	return out
}

// anyAnchor tells whether f accepts the id of a section or block of secs.
func anyAnchor(secs []catalog.Section, f func(string) bool) bool {
	for _, s := range secs {
		if s.ID != "" && f(s.ID) {
			return true
		}
		for _, b := range s.Blocks {
			if f(b.ID) {
				return true
			}
		}
	}
	return false
}

func anchorSet(secs []catalog.Section) map[string]bool {
	ids := map[string]bool{}
	for _, s := range secs {
		ids[s.ID] = true
		for _, b := range s.Blocks {
			ids[b.ID] = true
		}
	}
	return ids
}

// nearestUnit is the id of the nearest unit that holds the unit id and that ids
// has: "pasal-4-ayat-2" for "pasal-4-ayat-2-huruf-d", then "pasal-4"; "" if
// none is left.
func nearestUnit(id string, ids map[string]bool) string {
	for id = legal.ParentUnit(id); id != "" && !ids[id]; id = legal.ParentUnit(id) {
	}
	return id
}
