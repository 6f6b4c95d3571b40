package pages

import (
	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/site"
)

// Moved says where an anchor of an older version went in the version in force: to
// another anchor, or nowhere, in which case the older version that had it is named.
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
	curSecs := catalog.Sections(cur.Doc)
	ids := anchorSet(curSecs)
	out := map[string]Moved{}
	for _, old := range p.Versions { // oldest first: newer versions overwrite
		if old == cur || old.Status == "draft" {
			continue
		}
		oldSecs := catalog.Sections(old.Doc)
		blocks := compare.ParagraphMap(oldSecs, curSecs)
		sections := map[string]string{}
		for _, pair := range compare.Compare(oldSecs, curSecs).Sections {
			if pair.AID != "" {
				sections[pair.AID] = pair.BID
			}
		}
		for id, to := range merge(blocks, sections) {
			if ids[id] {
				continue
			}
			if to != "" {
				out[id] = Moved{To: to}
			} else {
				out[id] = Moved{Version: old.Label, URL: old.URL() + "#" + id}
			}
		}
	}
	return out
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

func merge(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
