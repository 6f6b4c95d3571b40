package compare

import (
	"strconv"
	"strings"
)

// PasalI drafts Pasal I of the instrument that amends the regulation
// designation ("Peraturan Bupati Mamuju Nomor 12 Tahun 2025 tentang ...")
// with ams, as Amendments lists them. The draft is plain text, one line per
// line, with no trailing newline:
//
//	Beberapa ketentuan dalam {designation} diubah sebagai berikut:
//	1. {instruction}
//	   {each line of its text, after three spaces}
//
//	2. {instruction}
//	   ...
//
// Items are numbered from 1 and parted by a blank line; an item whose text
// is "" (a deletion) is its instruction alone, and the blank lines within a
// text (between Pasal inserted together) stay blank. With exactly one
// amendment the draft opens "Ketentuan dalam {designation} diubah sebagai
// berikut:" and its item has no number, as Lampiran II numbers the changes
// only when there is more than one. With none, PasalI returns "".
func PasalI(designation string, ams []Amendment) string {
	if len(ams) == 0 {
		return ""
	}
	var b strings.Builder
	if len(ams) == 1 {
		b.WriteString("Ketentuan dalam " + designation + " diubah sebagai berikut:\n")
	} else {
		b.WriteString("Beberapa ketentuan dalam " + designation + " diubah sebagai berikut:\n")
	}
	for i, a := range ams {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if len(ams) > 1 {
			b.WriteString(strconv.Itoa(i+1) + ". ")
		}
		b.WriteString(a.Instruction)
		if a.Text == "" {
			continue
		}
		for _, line := range strings.Split(a.Text, "\n") {
			b.WriteByte('\n')
			if line != "" {
				b.WriteString("   " + line)
			}
		}
	}
	return b.String()
}
