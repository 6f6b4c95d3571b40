package peraturan

import (
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"naskah/internal/legal"
)

// A Kind is the kind of a unit of a regulation.
type Kind string

// The kinds of unit, from the parts of the opening to the deepest item.
const (
	Menimbang  Kind = "menimbang"
	Mengingat  Kind = "mengingat"
	Menetapkan Kind = "menetapkan"
	Penutup    Kind = "penutup"
	Penjelasan Kind = "penjelasan"
	Umum       Kind = "umum" // the general part of the penjelasan
	Bab        Kind = "bab"
	Bagian     Kind = "bagian"
	Paragraf   Kind = "paragraf"
	Pasal      Kind = "pasal"
	Ayat       Kind = "ayat"     // (1)
	Huruf      Kind = "huruf"    // a.
	Angka      Kind = "angka"    // 1.
	SubHuruf   Kind = "subhuruf" // a)
	SubAngka   Kind = "subangka" // 1)
)

// headed reports whether units of kind k start at a heading, and items
// (ayat, huruf, angka and the two deeper levels) at a line.
func (k Kind) headed() bool {
	switch k {
	case Ayat, Huruf, Angka, SubHuruf, SubAngka:
		return false
	}
	return true
}

// KindUnit is the goldmark node kind of a Unit.
var KindUnit = ast.NewNodeKind("PeraturanUnit")

// A Unit is a unit of a regulation as a goldmark block node: its children are
// its text (a TextBlock, for an item) or its content (for a headed unit),
// followed by its sub-units.
type Unit struct {
	ast.BaseBlock
	Is Kind
	// Number is the unit's number as written: "II" of BAB II, "2A" of Pasal
	// 2A, "2a" of ayat (2a), "b" of huruf b; "" for the parts that have none.
	Number string
	// Title is the title of a BAB, Bagian or Paragraf.
	Title string
	// ID is the permanent id, the same in every version: "pasal-2-ayat-2-huruf-b".
	ID string
	// Deleted marks a unit whose whole text is "Dihapus.".
	Deleted bool
	// Line is the line of the source the unit starts on.
	Line int
	// Explained is, for a Pasal, the id of its penjelasan, and for a
	// penjelasan of a Pasal, the id of the Pasal; "" when there is none.
	Explained string
	// inPenjelasan marks the units of the penjelasan.
	inPenjelasan bool
	// start is the offset in the source of an item's number.
	start int
}

// Kind implements ast.Node.
func (u *Unit) Kind() ast.NodeKind { return KindUnit }

// Dump implements ast.Node.
func (u *Unit) Dump(src []byte, level int) {
	ast.DumpHelper(u, src, level, map[string]string{"Is": string(u.Is), "Number": u.Number, "ID": u.ID}, nil)
}

// InPenjelasan reports whether u is a unit of the penjelasan.
func (u *Unit) InPenjelasan() bool { return u.inPenjelasan }

// Label is how the unit is named in its heading or before its text:
// "BAB II", "Bagian Kesatu", "Pasal 2A", "(2)", "b.", "1)".
func (u *Unit) Label() string {
	switch u.Is {
	case Bab:
		return "BAB " + u.Number
	case Bagian:
		return "Bagian " + u.Number
	case Paragraf:
		return "Paragraf " + u.Number
	case Pasal:
		return "Pasal " + u.Number
	case Ayat:
		return "(" + u.Number + ")"
	case Huruf, Angka:
		return u.Number + "."
	case SubHuruf, SubAngka:
		return u.Number + ")"
	case Umum:
		return "Umum"
	}
	return strings.ToUpper(string(u.Is[:1])) + string(u.Is[1:])
}

// Cite is how the unit is cited on its own, as Indonesian lawyers write it
// before the instrument's designation: "Pasal 2 ayat (2) huruf b",
// "konsiderans Menimbang huruf a", "Penjelasan Pasal 2".
func (u *Unit) Cite() string {
	var parts []string
	for v := u; v != nil; v, _ = v.Parent().(*Unit) {
		switch v.Is {
		case Ayat:
			parts = append(parts, "ayat ("+v.Number+")")
		case Huruf, Angka:
			parts = append(parts, string(v.Is)+" "+v.Number)
		case SubHuruf:
			parts = append(parts, "huruf "+v.Number+")")
		case SubAngka:
			parts = append(parts, "angka "+v.Number+")")
		case Menimbang, Mengingat:
			parts = append(parts, "konsiderans "+v.Label())
		case Menetapkan, Penutup:
			parts = append(parts, "bagian "+v.Label())
		case Umum:
			parts = append(parts, "Umum")
		case Penjelasan:
			parts = append(parts, "Penjelasan")
		default: // a BAB, Bagian, Paragraf or Pasal
			if len(parts) == 0 || v.Is == Pasal {
				parts = append(parts, v.Label())
			}
		}
		if v.Is == Pasal && !v.inPenjelasan {
			break
		}
	}
	slices.Reverse(parts)
	return strings.Join(parts, " ")
}

// idPart is the unit's part of its id: "pasal-2a", "ayat-2", "huruf-b".
func (u *Unit) idPart() string {
	switch u.Is {
	case Bab:
		n, suffix := splitRoman(u.Number)
		return "bab-" + strconv.Itoa(n) + strings.ToLower(suffix)
	case Bagian:
		return "bagian-" + strconv.Itoa(ordinalValue(u.Number))
	case Menimbang, Mengingat, Menetapkan, Penutup, Penjelasan, Umum:
		return string(u.Is)
	}
	return string(u.Is) + "-" + strings.ToLower(u.Number)
}

// scope is the ancestor whose id the ids of u's kind extend: a Pasal's id is
// its own ("pasal-2") wherever it stands, an ayat's extends its Pasal's.
func scope(u *Unit) *Unit {
	switch u.Is {
	case Menimbang, Mengingat, Menetapkan, Penutup, Penjelasan, Bab:
		return nil
	case Pasal, Umum:
		if u.inPenjelasan {
			return ancestor(u, Penjelasan)
		}
		return nil
	}
	p, _ := u.Parent().(*Unit)
	return p
}

// ancestor is the nearest unit of kind k that holds n, or nil.
func ancestor(n ast.Node, k Kind) *Unit {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if u, ok := p.(*Unit); ok && u.Is == k {
			return u
		}
	}
	return nil
}

// Units returns the units of doc in document order, each before its sub-units.
func Units(doc ast.Node) []*Unit {
	var out []*Unit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if u, ok := n.(*Unit); ok && entering {
			out = append(out, u)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// romans are the values of the Roman digits.
var romans = map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}

// splitRoman splits the number of a BAB, such as "VA", into the value of its
// Roman numeral (5) and the letter of an inserted BAB ("A"). The value is 0
// when s does not start with a Roman numeral in its canonical form.
func splitRoman(s string) (int, string) {
	for end := len(s); end > 0; end-- {
		if v := roman(s[:end]); v > 0 && len(s)-end <= 1 {
			suffix := s[end:]
			if suffix == "" || 'A' <= suffix[0] && suffix[0] <= 'Z' {
				return v, suffix
			}
		}
	}
	return 0, s
}

// roman is the value of the canonical Roman numeral s, or 0.
func roman(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		d, ok := romans[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && romans[s[i+1]] > d {
			v -= d
		} else {
			v += d
		}
	}
	if v <= 0 || v >= 4000 || legal.Roman(v) != s {
		return 0
	}
	return v
}

// ones are the words of the numbers one to nine as ordinals take them.
var ones = map[string]int{"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9}

// ordinalValue is the value of the ordinal of a Bagian, "Kesatu" (1),
// "Kesebelas" (11), "Kedua Belas" (12), "Kedua Puluh Satu" (21), or 0.
func ordinalValue(s string) int {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 {
		return 0
	}
	first, ok := strings.CutPrefix(words[0], "ke")
	if !ok {
		return 0
	}
	var v int
	switch first {
	case "sepuluh":
		v = 10
	case "sebelas":
		v = 11
	case "seratus":
		v = 100
	default:
		if v, ok = ones[first]; !ok {
			return 0
		}
	}
	rest := words[1:]
	if len(rest) > 0 && rest[0] == "belas" && v < 10 {
		v, rest = v+10, rest[1:]
	} else if len(rest) > 0 && rest[0] == "puluh" && v < 10 {
		v, rest = v*10, rest[1:]
		if len(rest) > 0 {
			if o, ok := ones[rest[0]]; ok {
				v, rest = v+o, rest[1:]
			}
		}
	}
	if len(rest) > 0 {
		return 0
	}
	return v
}

// ordinalWords is how many words of title, from the start, are the ordinal
// of a Bagian: 1 for "Kesatu Umum", 2 for "Kedua Belas Pengadaan"; 0 when
// title does not start with an ordinal.
func ordinalWords(title string) int {
	words := strings.Fields(title)
	best := 0
	for n := 1; n <= min(3, len(words)); n++ {
		if ordinalValue(strings.Join(words[:n], " ")) > 0 {
			best = n
		}
	}
	return best
}
