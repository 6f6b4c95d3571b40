package search

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"naskah/internal/legal"
)

// A citation is a query that cites an instrument, and perhaps a unit of it, in
// any of the ways Indonesians type one: "Pasal 4 ayat (2) Perbup Contoh 3/2024",
// "perbup contoh nomor 3 tahun 2024 pasal 4", "Peraturan Bupati Contoh Nomor 3
// Tahun 2024 tentang …", "perbup 3/2024".
type citation struct {
	units  []unitRef // from the Pasal down; none for the instrument as a whole
	form   legal.Form
	region []string // its words as typed, lowercase; none when left out
	number string   // lowercase, without leading zeros
	year   int      // 0 when left out, as "Nomor 3" may
}

// unitRef is one level of a cited unit: kind "pasal", "ayat", "huruf" or
// "angka", and its number as typed, lowercase ("4a", "2", "b").
type unitRef struct{ kind, number string }

// maxRegionWords bounds the name of a region in a citation.
const maxRegionWords = 5

// parseCitation reads q as a citation. The whole query must be one, but for a
// title after "tentang"; a query that uses the search syntax ("phrase",
// -word, prefix*) is a search, never a citation.
func parseCitation(q string) (citation, bool) {
	if strings.ContainsAny(q, `"*`) || strings.HasPrefix(q, "-") || strings.Contains(q, " -") {
		return citation{}, false
	}
	p := citeParser{toks: citeTokens(q)}
	var c citation
	if p.unit(&c) {
		p.accept("dari", "dalam", "pada")
		if !p.instrument(&c) {
			return citation{}, false
		}
	} else {
		if !p.instrument(&c) {
			return citation{}, false
		}
		p.unit(&c)
	}
	if p.accept("tentang") {
		p.toks = nil // the title, which the number and year already name
	}
	return c, len(p.toks) == 0
}

// citeTokens splits q into lowercase words (runs of letters and digits) and
// slashes; every other character only separates. "Walikota" is read as the
// two words the forms' names use.
func citeTokens(q string) []string {
	var out []string
	f := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/')
	})
	for _, w := range f {
		for w != "" {
			i := strings.IndexByte(w, '/')
			if i < 0 {
				out = append(out, w)
				break
			}
			if i > 0 {
				out = append(out, w[:i])
			}
			out = append(out, "/")
			w = w[i+1:]
		}
	}
	for i := 0; i < len(out); i++ {
		if out[i] == "walikota" {
			out = slices.Replace(out, i, i+1, "wali", "kota")
		}
	}
	return out
}

type citeParser struct{ toks []string }

// accept consumes the next token if it is one of words.
func (p *citeParser) accept(words ...string) bool {
	if len(p.toks) > 0 && slices.Contains(words, p.toks[0]) {
		p.toks = p.toks[1:]
		return true
	}
	return false
}

// Patterns of the numbers of units and instruments.
var (
	pasalNumber = regexp.MustCompile(`^[0-9]{1,4}[a-z]?$`) // 4, 4a
	itemNumber  = regexp.MustCompile(`^[0-9]{1,3}[a-z]?$`) // ayat 2, 2a; angka 3
	hurufNumber = regexp.MustCompile(`^[a-z][0-9]{0,2}$`)  // huruf b, a1
	instrNumber = regexp.MustCompile(`^[0-9]{1,5}[a-z]{0,2}$`)
	yearNumber  = regexp.MustCompile(`^(19|20)[0-9]{2}$`)
)

// unit reads "pasal 4 [ayat 2] [huruf b | angka 3 …]", leaving p as it was if
// it finds no Pasal.
func (p *citeParser) unit(c *citation) bool {
	if len(p.toks) < 2 || p.toks[0] != "pasal" || !pasalNumber.MatchString(p.toks[1]) {
		return false
	}
	c.units = []unitRef{{"pasal", p.toks[1]}}
	p.toks = p.toks[2:]
	if len(p.toks) >= 2 && p.toks[0] == "ayat" && itemNumber.MatchString(p.toks[1]) {
		c.units = append(c.units, unitRef{"ayat", p.toks[1]})
		p.toks = p.toks[2:]
	}
	for len(c.units) < 6 && len(p.toks) >= 2 {
		kind, n := p.toks[0], p.toks[1]
		if !(kind == "huruf" && hurufNumber.MatchString(n) || kind == "angka" && itemNumber.MatchString(n)) {
			break
		}
		c.units = append(c.units, unitRef{kind, n})
		p.toks = p.toks[2:]
	}
	return true
}

// instrument reads the form, the region and the number and year, leaving p as
// it was if they are not there.
func (p *citeParser) instrument(c *citation) bool {
	saved := p.toks
	form, ok := p.form()
	if !ok {
		return false
	}
	var region []string
	for len(p.toks) > 0 && len(region) < maxRegionWords && isRegionWord(p.toks[0]) {
		region = append(region, p.toks[0])
		p.toks = p.toks[1:]
	}
	number, year, ok := p.numberYear()
	if !ok {
		p.toks = saved
		return false
	}
	c.form, c.region, c.number, c.year = form, region, number, year
	return true
}

// form reads a form by its abbreviation ("perbup") or its name ("peraturan
// bupati"), the longest that fits.
func (p *citeParser) form() (legal.Form, bool) {
	best, bestLen := legal.Form(""), 0
	for _, f := range legal.Forms {
		for _, name := range []string{f.Short(), f.Name()} {
			words := strings.Fields(strings.ToLower(name))
			if len(words) > bestLen && len(words) <= len(p.toks) && slices.Equal(words, p.toks[:len(words)]) {
				best, bestLen = f, len(words)
			}
		}
	}
	p.toks = p.toks[bestLen:]
	return best, bestLen > 0
}

// numberWords and yearWords introduce an instrument's number and its year.
var (
	numberWords = []string{"nomor", "no", "nmr", "nomer"}
	yearWords   = []string{"tahun", "thn", "th"}
)

// isRegionWord reports whether w may be a word of a region's name in a
// citation: a word of letters that introduces nothing else.
func isRegionWord(w string) bool {
	if slices.Contains(numberWords, w) || w == "tentang" || w == "pasal" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// numberYear reads "3/2024", "nomor 3 tahun 2024", "no 3/2024" or "nomor 3".
func (p *citeParser) numberYear() (string, int, bool) {
	named := p.accept(numberWords...)
	if len(p.toks) == 0 || !instrNumber.MatchString(p.toks[0]) {
		return "", 0, false
	}
	number := strings.TrimLeft(p.toks[0], "0")
	if number == "" || number[0] < '0' || number[0] > '9' {
		return "", 0, false // 0, or 0 followed by letters: no instrument's number
	}
	p.toks = p.toks[1:]
	if len(p.toks) >= 2 && (p.toks[0] == "/" || slices.Contains(yearWords, p.toks[0])) && yearNumber.MatchString(p.toks[1]) {
		year, _ := strconv.Atoi(p.toks[1])
		p.toks = p.toks[2:]
		return number, year, true
	}
	return number, 0, named // a number alone only after "nomor"
}
