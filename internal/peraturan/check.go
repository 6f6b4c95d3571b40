package peraturan

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"naskah/internal/legal"
)

// check reports what is wrong with the structure: numbers out of order or
// skipped, a Pasal outside any BAB in a text that has BABs, items outside
// any unit, and empty units.
func (s *structure) check() {
	var pasals, explained []*Unit
	s.checkChildren(s.doc)
	for _, u := range Units(s.doc) {
		s.checkChildren(u)
		switch {
		case u.Is == Pasal && u.inPenjelasan:
			explained = append(explained, u)
		case u.Is == Pasal:
			pasals = append(pasals, u)
			if s.hasBab && ancestor(u, Bab) == nil {
				s.problem(u.Line, "Pasal %s di luar BAB, padahal naskah ini memakai BAB; letakkan di bawah judul BAB-nya", u.Number)
			}
		case !u.Is.headed():
			if _, ok := u.Parent().(*Unit); !ok {
				s.problem(u.Line, "%s di luar Pasal; tulis judul Pasal di atasnya (mis. \"### Pasal 1\")", describe(u.Is, u.Number))
			}
		}
		s.checkEmpty(u)
	}
	s.checkSequence(pasals, true)
	s.checkSequence(explained, false)
}

// checkChildren checks the numbering of the units directly under n, kind by
// kind; the Pasal are numbered through the whole text and checked apart.
func (s *structure) checkChildren(n ast.Node) {
	byKind := map[Kind][]*Unit{}
	var kinds []Kind
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		u, ok := c.(*Unit)
		if !ok || u.Is == Pasal || u.Number == "" {
			continue
		}
		if byKind[u.Is] == nil {
			kinds = append(kinds, u.Is)
		}
		byKind[u.Is] = append(byKind[u.Is], u)
	}
	for _, k := range kinds {
		s.checkSequence(byKind[k], true)
	}
}

// checkSequence reports the units of us, which are of one kind, whose number
// does not follow the one before: the next number, or an inserted one (2A
// after 2). With strict unset, as for the penjelasan of each Pasal, only
// the order is checked: numbers may be skipped.
func (s *structure) checkSequence(us []*Unit, strict bool) {
	var prev *Unit
	for _, u := range us {
		n, ok := seq(u.Is, u.Number)
		if !ok {
			s.problem(u.Line, "%s: nomor %q tidak dapat dibaca; tulis mis. %s", describe(u.Is, u.Number), u.Number, describe(u.Is, first(u.Is)))
			continue
		}
		if prev == nil {
			if strict && (n.base != 1 || n.suffix != "") {
				s.problem(u.Line, "%s adalah yang pertama di sini; mulailah dari %s", describe(u.Is, u.Number), describe(u.Is, first(u.Is)))
			}
			prev = u
			continue
		}
		p, _ := seq(prev.Is, prev.Number)
		switch {
		case n == p:
			// a repeat, reported with the id the two would share
		case n.base == p.base && n.suffix > p.suffix && len(n.suffix) >= len(p.suffix):
		case n.base == p.base+1 && n.suffix == "":
		case !strict && n.base > p.base:
		case n.base < p.base || n.base == p.base:
			s.problem(u.Line, "%s sesudah %s: urutannya terbalik; periksa nomornya", describe(u.Is, u.Number), describe(prev.Is, prev.Number))
		default:
			s.problem(u.Line, "%s sesudah %s: %s terlewat; perbaiki nomornya, atau tulis nomor sisipan seperti %s", describe(u.Is, u.Number), describe(prev.Is, prev.Number),
				describe(u.Is, next(u.Is, p.base)), inserted(prev))
		}
		prev = u
	}
}

// checkEmpty reports a unit with neither text nor sub-units.
func (s *structure) checkEmpty(u *Unit) {
	switch u.Is {
	case Bab, Bagian, Paragraf, Penjelasan, Umum:
		return // a heading with what follows it
	}
	if u.FirstChild() == nil || strings.TrimSpace(plain(u, s.src)) == "" && !hasUnits(u) && !hasBlocks(u) {
		s.problem(u.Line, "%s kosong; tulis isinya, atau \"Dihapus.\" bila ketentuannya dihapus", describe(u.Is, u.Number))
	}
}

func hasUnits(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*Unit); ok {
			return true
		}
	}
	return false
}

func hasBlocks(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			return true
		}
	}
	return false
}

// A number is the place of a unit's number in its sequence: 2 and "A" for
// Pasal 2A, 3 and "" for huruf c, 2 and "1" for an inserted huruf b1.
type number struct {
	base   int
	suffix string
}

// seq reads a unit's number.
func seq(k Kind, s string) (number, bool) {
	switch k {
	case Bab:
		v, suffix := splitRoman(s)
		return number{v, suffix}, v > 0
	case Bagian:
		v := ordinalValue(s)
		return number{v, ""}, v > 0
	case Huruf, SubHuruf:
		if s == "" {
			return number{}, false
		}
		v := int(s[0]-'a') + 1
		switch rest := s[1:]; {
		case rest == "":
			return number{v, ""}, true
		case rest[0] == s[0]:
			return number{v + 26, ""}, true
		default:
			return number{v, rest}, true
		}
	case Pasal:
		if v := roman(s); v > 0 {
			return number{v, ""}, true // the Pasal I and II of an amending regulation
		}
	}
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	v, err := strconv.Atoi(s[:i])
	return number{v, s[i:]}, err == nil && v > 0
}

// first is the number of the first unit of kind k.
func first(k Kind) string { return next(k, 0) }

// next is the number after base for kind k.
func next(k Kind, base int) string {
	v := base + 1
	switch k {
	case Bab:
		return legal.Roman(v)
	case Bagian:
		return legal.Ordinal(v)
	case Huruf, SubHuruf:
		if v > 26 {
			c := string(rune('a' + (v-27)%26))
			return c + c
		}
		return string(rune('a' + v - 1))
	}
	return strconv.Itoa(v)
}

// describe names a unit in a message: "Pasal 3", "ayat (2)", "huruf c".
func describe(k Kind, number string) string {
	u := &Unit{Is: k, Number: number}
	switch k {
	case Ayat:
		return "ayat " + u.Label()
	case Huruf, Angka:
		return string(k) + " " + number
	case SubHuruf:
		return "huruf " + u.Label()
	case SubAngka:
		return "angka " + u.Label()
	}
	return u.Label()
}
