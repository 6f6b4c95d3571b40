package legal

import (
	"strconv"
	"strings"
)

// The permanent ids of the units of a regulation, the same in every version,
// are made by package peraturan: the parts of the opening and the closing
// ("menimbang", "penutup"), a BAB and what it holds ("bab-2",
// "bab-2-bagian-1", "bab-2-bagian-1-paragraf-1"), a Pasal wherever it stands
// ("pasal-2a"), its items extending its id ("pasal-2-ayat-2a-huruf-b",
// "pasal-1-angka-2-subhuruf-a"), the items of a part extending the part's
// ("menimbang-huruf-a"), and the penjelasan prefixing what it explains
// ("penjelasan-umum", "penjelasan-pasal-2-ayat-1").

// CiteUnit is how the unit with the given permanent id is cited, as an
// amending instrument names it: "Pasal 2 ayat (2) huruf b", "Pasal 2A",
// "Pasal 1 angka 2", "konsiderans Menimbang huruf a", "konsiderans
// Mengingat angka 1", "bagian Penutup", "BAB II", "BAB II Bagian Kesatu",
// "Penjelasan Umum", "Penjelasan Pasal 2 ayat (1)". The two deepest levels
// cite with their bracket: "...-subhuruf-a" as "huruf a)", "...-subangka-1"
// as "angka 1)". It returns "" for an id of no shape it knows, so that a
// caller can fall back to the section's heading.
func CiteUnit(id string) string {
	toks := strings.Split(id, "-")
	var parts []string
	switch toks[0] {
	case "menimbang", "mengingat":
		parts, toks = []string{"konsiderans " + title(toks[0])}, toks[1:]
	case "menetapkan", "penutup":
		parts, toks = []string{"bagian " + title(toks[0])}, toks[1:]
	case "penjelasan":
		parts, toks = []string{"Penjelasan"}, toks[1:]
		switch {
		case len(toks) > 0 && toks[0] == "umum":
			parts, toks = append(parts, "Umum"), toks[1:]
		case len(toks) > 0 && toks[0] == "pasal":
			p, ok := citePasal(toks)
			if !ok {
				return ""
			}
			parts, toks = append(parts, p), toks[2:]
		}
	case "pasal":
		p, ok := citePasal(toks)
		if !ok {
			return ""
		}
		parts, toks = []string{p}, toks[2:]
	case "bab":
		return citeBab(toks)
	default:
		return ""
	}
	items, ok := citeItems(toks)
	if !ok {
		return ""
	}
	return strings.Join(append(parts, items...), " ")
}

// citePasal cites the Pasal that toks start with: "pasal", its number.
func citePasal(toks []string) (string, bool) {
	if len(toks) < 2 || !pasalNumber(toks[1]) {
		return "", false
	}
	return "Pasal " + strings.ToUpper(toks[1]), true
}

// itemKinds are the kinds of item, by the word of their id, with how they
// are cited: the word and what follows the number.
var itemKinds = map[string]struct{ word, close string }{
	"ayat":     {"ayat", ""},
	"huruf":    {"huruf", ""},
	"angka":    {"angka", ""},
	"subhuruf": {"huruf", ")"},
	"subangka": {"angka", ")"},
}

// citeItems cites the items of toks, pairs of a kind and a number, each kind
// at most once.
func citeItems(toks []string) ([]string, bool) {
	if len(toks)%2 != 0 {
		return nil, false
	}
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(toks); i += 2 {
		kind, n := toks[i], toks[i+1]
		k, ok := itemKinds[kind]
		if !ok || seen[kind] || !itemNumber(kind, n) {
			return nil, false
		}
		seen[kind] = true
		if kind == "ayat" {
			n = "(" + n + ")"
		}
		out = append(out, k.word+" "+n+k.close)
	}
	return out, true
}

// citeBab cites a BAB and the Bagian and Paragraf in it: "bab", its value,
// then "bagian" and its value, then "paragraf" and its number.
func citeBab(toks []string) string {
	if len(toks) < 2 || len(toks)%2 != 0 {
		return ""
	}
	v, suffix := splitNumber(toks[1])
	if v < 1 || v > 3999 || len(suffix) > 1 {
		return ""
	}
	parts := []string{"BAB " + Roman(v) + strings.ToUpper(suffix)}
	for i, want := 2, []string{"bagian", "paragraf"}; i < len(toks); i += 2 {
		for len(want) > 0 && want[0] != toks[i] {
			want = want[1:]
		}
		if len(want) == 0 {
			return ""
		}
		v, suffix := splitNumber(toks[i+1])
		switch {
		case v < 1:
			return ""
		case want[0] == "bagian" && suffix == "":
			parts = append(parts, "Bagian "+Ordinal(v))
		case want[0] == "paragraf" && len(suffix) <= 1:
			parts = append(parts, "Paragraf "+strings.ToUpper(toks[i+1]))
		default:
			return ""
		}
		want = want[1:]
	}
	return strings.Join(parts, " ")
}

// pasalNumber reports whether n is the number of a Pasal as an id writes
// it: digits and at most one letter ("2", "2a"), or a Roman numeral, as the
// Pasal of an amending instrument are numbered ("i", "ii").
func pasalNumber(n string) bool {
	if v, suffix := splitNumber(n); v > 0 {
		return len(suffix) <= 1 && lowerLetters(suffix)
	}
	return n != "" && strings.Trim(n, "ivxlc") == "" && len(n) <= 8
}

// itemNumber reports whether n is the number of an item of the kind as an
// id writes it, as package peraturan reads them: "2" or "2a" of an ayat or
// an angka, "b", "bb" or "c1" of a huruf, "a" of a subhuruf.
func itemNumber(kind, n string) bool {
	switch kind {
	case "ayat", "angka", "subangka":
		v, suffix := splitNumber(n)
		return v > 0 && len(suffix) <= 1 && lowerLetters(suffix)
	case "subhuruf":
		return len(n) == 1 && lowerLetters(n)
	}
	if len(n) < 1 || len(n) > 2 || !lowerLetters(n[:1]) {
		return false
	}
	return len(n) == 1 || n[1] == n[0] || '0' <= n[1] && n[1] <= '9'
}

// splitNumber splits n into the value of its leading digits, 0 when it has
// none, and the rest.
func splitNumber(n string) (int, string) {
	i := 0
	for i < len(n) && i < 6 && '0' <= n[i] && n[i] <= '9' {
		i++
	}
	v, err := strconv.Atoi(n[:i])
	if err != nil {
		return 0, n
	}
	return v, n[i:]
}

func lowerLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// title is the word w with its first letter upper-cased.
func title(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

// ParentUnit is the id of the unit that holds the unit id, its last kind and
// number dropped ("pasal-2-ayat-2" of "pasal-2-ayat-2-huruf-b"), or "" for an
// id with no more than a kind and a number.
func ParentUnit(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return ""
	}
	j := strings.LastIndexByte(id[:i], '-')
	if j < 0 {
		return ""
	}
	return id[:j]
}
