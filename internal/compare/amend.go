package compare

import (
	"fmt"
	"slices"
	"strings"

	"naskah/internal/catalog"
	"naskah/internal/legal"
)

// Amendment is one item of the list of changes of Pasal I of an amending
// instrument: what to change, in the words of the amending instrument, and
// the new wording.
type Amendment struct {
	// Instruction is the item as Pasal I writes it: "Ketentuan Pasal 2
	// ayat (2) huruf c diubah, sehingga Pasal 2 berbunyi sebagai berikut:",
	// "Pasal 5 dihapus.".
	Instruction string `json:"instruction"`
	// Unit is the id of the Pasal or part the instruction is about: of the
	// first, when it inserts several Pasal.
	Unit string `json:"unit"`
	// Text is the new wording: the whole Pasal (each Pasal inserted, a
	// blank line between them) or part as it reads after the change, its
	// heading on the first line and each of its blocks on a line of its
	// own ("Pasal 2\n(1) ...\n(2) ..."); "" for a deletion.
	Text string `json:"text"`
}

// deletedText is the whole text of a unit that was deleted.
const deletedText = "Dihapus."

// Amendments lists the changes that make the regulation old into new, as the
// items of Pasal I of an amending instrument, as Lampiran II of UU 12/2011
// words them. The sections of old and new pair by id, as CompareUnits pairs
// them without byText; the items follow the order of new's Pasal, then come
// the changed parts of the opening and the closing (Menimbang, Mengingat,
// Menetapkan, Penutup), then the penjelasan, as amending instruments order
// them.
//
// For a Pasal:
//   - A run of Pasal that new alone has is one item: "Di antara Pasal 2 dan
//     Pasal 3 disisipkan 2 (dua) pasal, yakni Pasal 2A dan Pasal 2B, yang
//     berbunyi sebagai berikut:", naming the nearest Pasal before and after
//     the run that both have; after the last of those, "Setelah Pasal 8
//     ditambahkan 1 (satu) pasal, yakni Pasal 9, yang berbunyi sebagai
//     berikut:".
//   - A Pasal whose text became "Dihapus.", or that new lacks, is "Pasal 5
//     dihapus." A Pasal that old already had as "Dihapus." and new lacks
//     changes nothing and has no item.
//   - A Pasal whose blocks changed is named with what changed, by the ids of
//     its blocks: the items whose text changed ("Ketentuan Pasal 2 ayat (1)
//     dan ayat (3) diubah"), the items added, counted by their kind ("ditambah
//     2 (dua) huruf, yakni huruf d dan huruf e", "ayat (2) ditambah 1 (satu)
//     huruf, yakni huruf d") and the items removed or become "Dihapus."
//     ("ayat (4) dihapus"), in one sentence: "Ketentuan Pasal 4 ayat (1)
//     diubah dan ditambah 1 (satu) ayat, yakni ayat (3), sehingga Pasal 4
//     berbunyi sebagai berikut:". Only the top-most units are named: an item
//     added with its huruf is one item, and an item whose own text changed
//     covers what it holds. When the Pasal's own text changed, when none of
//     its old blocks is unchanged, or when the change is one no citation
//     names (the blocks reordered), the whole Pasal is: "Ketentuan Pasal 2
//     diubah sehingga berbunyi sebagai berikut:".
//
// The parts and the penjelasan are named alike ("Ketentuan konsiderans
// Menimbang huruf b diubah, sehingga konsiderans Menimbang berbunyi sebagai
// berikut:", "Penjelasan Pasal 2 diubah sehingga berbunyi sebagai
// berikut:"), one item each: one that new alone has is "Ditambahkan
// Penjelasan Pasal 2A yang berbunyi sebagai berikut:", one it lacks
// "Penjelasan Pasal 3 dihapus.". A section whose id CiteUnit does not know
// is cited by its heading and changed as a whole. Sections that are the
// same in both give nothing.
func Amendments(old, new []catalog.Section) []Amendment {
	am := amender{old: old, new: new}
	var pasal, parts, expl []match
	for _, m := range compareBy(old, new, byID).al.order() {
		id := am.section(m).ID
		switch {
		case strings.HasPrefix(id, "pasal-"):
			pasal = append(pasal, m)
		case id == "penjelasan" || strings.HasPrefix(id, "penjelasan-"):
			expl = append(expl, m)
		default:
			parts = append(parts, m)
		}
	}
	out := am.pasal(pasal)
	out = am.others(out, parts)
	return am.others(out, expl)
}

// An amender holds the two versions Amendments compares.
type amender struct {
	old, new []catalog.Section
}

// section returns the section of m: new's, or old's for one new lacks.
func (am amender) section(m match) catalog.Section {
	if m.b >= 0 {
		return am.new[m.b]
	}
	return am.old[m.a]
}

// pasal returns the items of the Pasal of ms, matches in the order of new.
func (am amender) pasal(ms []match) []Amendment {
	var out []Amendment
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		switch {
		case m.a >= 0:
			if a, ok := am.kept(m); ok {
				out = append(out, a)
			}
		default:
			end := k + 1
			for end < len(ms) && ms[end].a < 0 {
				end++
			}
			out = append(out, am.insertion(ms, k, end))
			k = end - 1
		}
	}
	return out
}

// insertion returns the item that inserts the Pasal of ms[k:end], which new
// alone has.
func (am amender) insertion(ms []match, k, end int) Amendment {
	var names, texts []string
	for _, m := range ms[k:end] {
		names = append(names, cite(am.new[m.b]))
		texts = append(texts, wording(am.new[m.b]))
	}
	what := fmt.Sprintf("%s pasal, yakni %s, yang berbunyi sebagai berikut:", count(end-k), joinAnd(names))
	prev, next := am.common(ms[:k], true), am.common(ms[end:], false)
	var instr string
	switch {
	case prev != "" && next != "":
		instr = "Di antara " + prev + " dan " + next + " disisipkan " + what
	case prev != "":
		instr = "Setelah " + prev + " ditambahkan " + what
	case next != "":
		instr = "Sebelum " + next + " disisipkan " + what
	default:
		instr = "Ditambahkan " + what
	}
	return Amendment{Instruction: instr, Unit: am.new[ms[k].b].ID, Text: strings.Join(texts, "\n\n")}
}

// common cites the last (or, if not last, the first) section of ms that
// both versions have, or returns "" if none has.
func (am amender) common(ms []match, last bool) string {
	for n := range ms {
		i := n
		if last {
			i = len(ms) - 1 - n
		}
		if ms[i].a >= 0 && ms[i].b >= 0 {
			return cite(am.new[ms[i].b])
		}
	}
	return ""
}

// kept is the item of a match of a section that old has: its change, or its
// deletion when new lacks it; false when there is nothing to say, the
// section being the same or already deleted.
func (am amender) kept(m match) (Amendment, bool) {
	if m.b >= 0 {
		return am.change(am.old[m.a], am.new[m.b])
	}
	if s := am.old[m.a]; !deleted(s) {
		return Amendment{Instruction: capitalize(cite(s)) + " dihapus.", Unit: s.ID}, true
	}
	return Amendment{}, false
}

// others appends to out the items of the sections of ms other than Pasal.
func (am amender) others(out []Amendment, ms []match) []Amendment {
	for _, m := range ms {
		switch {
		case m.a >= 0:
			if a, ok := am.kept(m); ok {
				out = append(out, a)
			}
		default:
			s := am.new[m.b]
			out = append(out, Amendment{Instruction: "Ditambahkan " + cite(s) + " yang berbunyi sebagai berikut:", Unit: s.ID, Text: wording(s)})
		}
	}
	return out
}

// change returns the item that makes o into n, two versions of one
// section, if they differ.
func (am amender) change(o, n catalog.Section) (Amendment, bool) {
	if slices.Equal(o.Blocks, n.Blocks) && o.Text == n.Text || deleted(o) && deleted(n) {
		return Amendment{}, false
	}
	name := cite(n)
	if deleted(n) {
		return Amendment{Instruction: capitalize(name) + " dihapus.", Unit: n.ID}, true
	}
	subject := "Ketentuan " + name
	if strings.HasPrefix(n.ID, "penjelasan") {
		subject = capitalize(name)
	}
	instr := subject + " diubah sehingga berbunyi sebagai berikut:"
	if d, ok := diffBlocks(o, n); ok {
		instr = subject + " " + d + ", sehingga " + name + " berbunyi sebagai berikut:"
	}
	return Amendment{Instruction: instr, Unit: n.ID, Text: wording(n)}, true
}

// cite is how an amending instrument names section s: CiteUnit of its id,
// or its heading, or its id; the text before the first heading, which has
// neither, is the opening.
func cite(s catalog.Section) string {
	if c := legal.CiteUnit(s.ID); c != "" {
		return c
	}
	switch {
	case s.Heading != "":
		return s.Heading
	case s.ID != "":
		return s.ID
	}
	return "bagian pembukaan"
}

// wording is the text of s as an item of Pasal I quotes it: its heading,
// if it has one, then each block on a line of its own, a sub-unit indented
// by three spaces for each unit it stands in below the section's own.
func wording(s catalog.Section) string {
	var lines []string
	if s.Heading != "" {
		lines = append(lines, s.Heading)
	}
	if len(s.Blocks) == 0 && s.Text != "" {
		lines = append(lines, s.Text)
	}
	base := unitDepth(s.ID)
	for _, b := range s.Blocks {
		lines = append(lines, strings.Repeat("   ", max(unitDepth(b.ID)-base-1, 0))+b.Text)
	}
	return strings.Join(lines, "\n")
}

// unitDepth is how many units deep the unit id is: 1 for "pasal-2", 2 for
// "pasal-2-ayat-1", 3 for "pasal-2-ayat-1-huruf-a".
func unitDepth(id string) int { return (strings.Count(id, "-") + 1) / 2 }

// deleted reports whether the whole text of s is "Dihapus.".
func deleted(s catalog.Section) bool {
	if len(s.Blocks) == 1 {
		return strings.TrimSpace(s.Blocks[0].Text) == deletedText
	}
	return len(s.Blocks) == 0 && strings.TrimSpace(s.Text) == deletedText
}

// count writes n as drafters count: "2 (dua)".
func count(n int) string {
	return fmt.Sprintf("%d (%s)", n, legal.NumberWords(n))
}

// joinAnd joins the names of a list: "a", "a dan b", "a, b, dan c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " dan " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + ", dan " + xs[len(xs)-1]
}

// capitalize upper-cases the first letter of s, which starts an item:
// "konsiderans Menimbang dihapus" does not.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
