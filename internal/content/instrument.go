package content

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"naskah/internal/legal"
)

// An Instrument is the legal identity of a version: what it is as an
// instrument of law (its form, number and year), when it was enacted and
// promulgated, by whom, and where its authentic text is. Every field is
// optional; a version without Type is not presented as an instrument.
type Instrument struct {
	Type         legal.Form // one of legal.Forms, e.g. "perbup"
	Number       string     // digits with an optional letter suffix, e.g. "12" or "12A"
	Year         int        // 0 when not given
	Enacted      legal.Date
	Promulgated  legal.Date
	Place        string // where it was enacted; empty means the region's name
	Gazette      string // e.g. "Berita Daerah Kabupaten Mamuju Tahun 2025 Nomor 12"
	Subjects     []string
	Field        string // bidang hukum, e.g. "Hukum Kepegawaian"
	Initiator    string
	Signer       string
	Abstract     string
	Original     string // file name of the authentic PDF beside the version file
	OriginalLine int    // line of the original key, for problems with the file
	TypeLine     int    // line of the type key, for a type that does not fit the region
}

// instrumentTypes are the values of type, the forms an instrument takes.
var instrumentTypes = func() []string {
	out := make([]string, len(legal.Forms))
	for i, f := range legal.Forms {
		out[i] = string(f)
	}
	return out
}()

// A Relation is a version's relation to another instrument: a reference
// REGION/POLICY[@VERSION] to one in the tree, or the citation of one outside it.
type Relation struct {
	Kind   RelationKind
	Target string // as written
	Line   int    // of the item, for problems with the target
}

// A RelationKind is how a version relates to another instrument.
type RelationKind string

// The relations a version can state; their inverses are derived.
const (
	Amends     RelationKind = "amends"
	Revokes    RelationKind = "revokes"
	Implements RelationKind = "implements"
	Related    RelationKind = "related"
)

var relationKinds = []RelationKind{Amends, Revokes, Implements, Related}

// instrument reads the legal keys of a version.
func (rd *reader) instrument() Instrument {
	var in Instrument
	if t, line := rd.text("type"); t != "" {
		in.TypeLine = line
		if rd.oneOfNear("type", t, line, instrumentTypes) {
			in.Type = legal.Form(t)
		}
	}
	if n, line := rd.text("number"); n != "" {
		switch {
		case validNumber(n):
			in.Number = n
		case utf8.RuneCountInString(n) > MaxTextLength:
			// reported as too long
		default:
			rd.r.errorf(line, "number %q tidak valid: tulis nomornya saja, angka dengan satu huruf akhiran bila ada (mis. \"12\" atau \"12A\")", n)
		}
	}
	in.Year = rd.year("year")
	in.Enacted, _ = rd.date("enacted")
	in.Promulgated, _ = rd.date("promulgated")
	if !in.Enacted.IsZero() && !in.Promulgated.IsZero() && in.Promulgated.Compare(in.Enacted) < 0 {
		_, line := rd.text("promulgated")
		rd.r.errorf(line, "promulgated %s sebelum enacted %s: peraturan diundangkan pada atau setelah tanggal penetapannya", in.Promulgated, in.Enacted)
	}
	in.Place, _ = rd.text("place")
	in.Gazette, _ = rd.text("gazette")
	for _, item := range rd.list("subjects") {
		in.Subjects = append(in.Subjects, item.text)
	}
	in.Field, _ = rd.text("field")
	in.Initiator, _ = rd.text("initiator")
	in.Signer, _ = rd.text("signer")
	in.Abstract, _ = rd.text("abstract")
	if o, line := rd.text("original"); o != "" {
		in.OriginalLine = line
		if validOriginal(o) {
			in.Original = o
		} else {
			rd.r.errorf(line, "original %q tidak valid: nama berkas PDF di samping berkas versi, huruf kecil, angka dan -, mis. \"v1.pdf\"", o)
		}
	}
	return in
}

// checkForms reports the versions of reg whose type is the form of another kind
// of region: a Peraturan Bupati in a kota.
func (l *loader) checkForms(reg *Region) {
	if reg.Kind == "" {
		return
	}
	type identity struct {
		form   legal.Form
		number string
		year   int
	}
	first := map[identity]string{} // the policy that first has each number of a year
	for _, p := range reg.Policies {
		for _, v := range p.Versions {
			r := l.report(path.Join(reg.Slug, p.Slug, v.Slug+".md"))
			if want := legal.FormFor(v.Type, reg.Kind); want != v.Type {
				r.errorf(v.TypeLine, "type %q adalah %s, tetapi %s sebuah %s; maksud Anda %q (%s)?", v.Type, v.Type.Name(), reg.Name, reg.Kind, want, want.Name())
			}
			if v.Type == "" || v.Number == "" || v.Year == 0 || v.Status == Draft {
				continue
			}
			id := identity{v.Type, v.Number, v.Year}
			if other, ok := first[id]; ok && other != p.Slug {
				r.warnf(v.TypeLine, "%s Nomor %s Tahun %d sudah dipakai kebijakan %s; satu nomor hanya untuk satu produk hukum, periksa number dan year", v.Type.Name(), v.Number, v.Year, other)
			} else if !ok {
				first[id] = p.Slug
			}
		}
	}
}

// relations reads the relation keys of a version.
func (rd *reader) relations() []Relation {
	var out []Relation
	for _, kind := range relationKinds {
		for _, item := range rd.list(string(kind)) {
			if item.text == "" {
				rd.r.errorf(item.line, "%s: butir kosong", kind)
				continue
			}
			rel := Relation{Kind: kind, Target: item.text, Line: item.line}
			rd.checkReference(rel)
			out = append(out, rel)
		}
	}
	return out
}

// oneOfNear is oneOf with the choice the drafter probably meant.
func (rd *reader) oneOfNear(key, s string, line int, choices []string) bool {
	if slices.Contains(choices, s) {
		return true
	}
	if c := closest(s, choices); c != "" {
		rd.r.errorf(line, "%s %q tidak dikenal (maksud Anda %q?)", key, s, c)
		return false
	}
	rd.r.errorf(line, "%s %q tidak dikenal (pilihan: %s)", key, s, strings.Join(choices, ", "))
	return false
}

// year returns the value of key as a year: four digits, as text or a number.
func (rd *reader) year(key string) int {
	f, ok := rd.fields[key]
	if !ok || f.val.kind == kindNull {
		return 0
	}
	s := strings.TrimSpace(f.val.text)
	if f.val.kind != kindText && f.val.kind != kindNumber {
		rd.r.errorf(f.line, "%s harus berupa tahun, bukan %s", key, f.val.kind)
		return 0
	}
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1900 {
		rd.r.errorf(f.line, "%s %q bukan tahun (empat angka, mis. 2025)", key, s)
		return 0
	}
	return y
}

// validNumber reports whether s is the number of an instrument: digits,
// perhaps followed by one letter, as in "12" or "12A".
func validNumber(s string) bool {
	digits := strings.TrimRight(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
	if len(s)-len(digits) > 1 || digits == "" || len(digits) > 6 {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// validOriginal reports whether s names a PDF file beside the version file.
func validOriginal(s string) bool {
	base, ok := strings.CutSuffix(s, ".pdf")
	return ok && path.Base(s) == s && legal.ValidSlug(base)
}
