package compare

import "naskah/internal/catalog"

// CompareUnits is Compare for regulations, whose sections (a part of the
// opening, a Pasal, the Penutup, a part of the penjelasan) carry permanent
// ids that are the same in every version: "pasal-2a", "penjelasan-pasal-2".
// Their headings are only their numbers, so it pairs them by id instead.
//
// Without byText, for two versions of one regulation, sections pair by id
// alone: a section whose id the other version lacks is added or removed,
// however like another its text is, so that an inserted Pasal 5A is added
// and every later Pasal stays paired with itself, and a Pasal whose text
// became "Dihapus." is changed.
//
// With byText, for the regulations of two regions, whose numbering agrees
// only in part, sections of the same id pair first where their texts are
// alike (the Jaccard similarity of their words at least that by which
// Compare pairs sections by text) or equal; the sections left pair by the
// similarity of their texts, the most similar first, so that a Pasal that
// another Pasal of the other region matches pairs with it whatever their
// numbers; and those left after that pair by id, as Compare pairs by
// heading whatever the texts. Statuses, order, ops and stats are Compare's.
func CompareUnits(a, b []catalog.Section, byText bool) *Result {
	p := byID
	if byText {
		p = byIDThenText
	}
	return compareBy(a, b, p).result()
}
