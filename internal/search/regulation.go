package search

import (
	"strings"

	"naskah/internal/catalog"
)

// formPeraturan is the catalog's Form of a regulation.
const formPeraturan = "peraturan"

// documentSections returns the sections of v as search indexes them. Those of
// prose are indexed as they are. A regulation's document is its Pasal: each
// Pasal's document holds its penjelasan's text after its own, so that a word
// of the penjelasan finds the Pasal it explains (see hitFragments), and a penjelasan of a Pasal has no document of its own (unless the
// Pasal it names does not exist).
func documentSections(v *catalog.Version) []catalog.Section {
	if v.Form != formPeraturan {
		return v.Sections
	}
	out := make([]catalog.Section, 0, len(v.Sections))
	for i := range v.Sections {
		s := v.Sections[i]
		if pasal, ok := explainedPasal(s.ID); ok && section(v, pasal) != nil {
			continue
		}
		out = append(out, withPenjelasan(v, s))
	}
	return out
}

// documentSection returns the section with the id as documentSections has it,
// or nil.
func documentSection(v *catalog.Version, id string) *catalog.Section {
	s := section(v, id)
	if s == nil || v.Form != formPeraturan {
		return s
	}
	folded := withPenjelasan(v, *s)
	return &folded
}

// withPenjelasan returns s, a section of the regulation v, with the text of
// its penjelasan after its own when it is a Pasal that has one.
func withPenjelasan(v *catalog.Version, s catalog.Section) catalog.Section {
	if p := penjelasanOf(v, s); p != nil {
		s.Text = s.Text + "\n\n" + p.Text
	}
	return s
}

// penjelasanOf returns the penjelasan of s, a section of v, if it is a Pasal
// of a regulation that has one, or nil.
func penjelasanOf(v *catalog.Version, s catalog.Section) *catalog.Section {
	if v.Form != formPeraturan || !strings.HasPrefix(s.ID, "pasal-") {
		return nil
	}
	return section(v, "penjelasan-"+s.ID)
}

// explainedPasal returns the id of the Pasal that the section with the id
// explains: "pasal-2" of "penjelasan-pasal-2".
func explainedPasal(id string) (string, bool) {
	pasal, ok := strings.CutPrefix(id, "penjelasan-")
	return pasal, ok && strings.HasPrefix(pasal, "pasal-")
}
