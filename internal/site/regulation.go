package site

import (
	"strconv"
	"strings"

	"naskah/internal/legal"
)

// FormName is how a regulation's title block names its form and maker:
// "Peraturan Bupati Contoh"; "" for a version that states no type.
func (v *Version) FormName() string {
	return legal.Designation(v.Type, v.Policy.Region.Kind, v.Policy.Region.Name, "", 0, "")
}

// NumberLine is the line of a regulation's title block under its form:
// "Nomor 3 Tahun 2024", or what of it the version states.
func (v *Version) NumberLine() string {
	var parts []string
	if v.Number != "" {
		parts = append(parts, "Nomor "+v.Number)
	}
	if v.Year != 0 {
		parts = append(parts, "Tahun "+strconv.Itoa(v.Year))
	}
	return strings.Join(parts, " ")
}
