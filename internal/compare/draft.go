package compare

import "naskah/internal/catalog"

// Units tells whether two texts are compared unit by unit, and how: two
// regulations are, by their units' ids alone when they are versions of one
// instrument (sameInstrument), by ids and then by text when they are not;
// anything else is compared as prose, by Compare.
func Units(a, b []catalog.Section, regulations, sameInstrument bool) *Result {
	if !regulations {
		return Compare(a, b)
	}
	return CompareUnits(a, b, !sameInstrument)
}

// A Draft is the change from one version of a regulation to the next as the
// amending instrument would write it: the amendments, and Pasal I drafted
// from them.
type Draft struct {
	Amendments []Amendment `json:"amendments"`
	PasalI     string      `json:"pasal_i"`
	// URL is the page of the newer version, which the amendments' units are
	// on; callers that show the draft set it.
	URL string `json:"-"`
}

// DraftAmendment drafts the change from old to new, two versions of the
// instrument designation; nil when nothing changed.
func DraftAmendment(old, new []catalog.Section, designation string) *Draft {
	ams := Amendments(old, new)
	if len(ams) == 0 {
		return nil
	}
	return &Draft{Amendments: ams, PasalI: PasalI(designation, ams)}
}
