package search

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// builtinThesaurus is naskah's thesaurus of civil-service words: thesaurus.txt,
// whose opening says its sources and its format.
//
//go:embed thesaurus.txt
var builtinThesaurus []byte

// siteThesaurusFile is where in the index directory BuildWithThesaurus keeps a
// site's thesaurus, which Open reads.
const siteThesaurusFile = "sinonim.txt"

// A Thesaurus is a list of synonyms, abbreviations and near-synonyms, which a
// query is expanded with, and of names that the stemmer keeps whole.
//
// Its text has one entry a line; # begins a comment. An entry
//
//	PPPK = pegawai pemerintah dengan perjanjian kerja, P3K
//
// makes its terms synonyms: a query for any of them also finds the others. An
// entry
//
//	gaji > tunjangan, kesejahteraan
//
// makes the terms after > near-synonyms of the first: a query for gaji also
// finds them, with a lower weight, but not the other way round. A term may be
// several words, and is matched in any form the analyzer conflates (kenaikan
// pangkat is naik pangkat). The lines after a line [nama] are names, one or
// more a line separated by commas, until a line [sinonim].
//
// A site's thesaurus overrides every built-in entry with the first term of one
// of its entries; an entry with nothing after its = or > only removes them.
type Thesaurus struct {
	entries []thesaurusEntry
	names   []string
	src     []byte // the text it was read from
}

type thesaurusEntry struct {
	head    string   // the first term, lowercased, its spaces single
	related bool     // > rather than =
	terms   []string // the others; none for an entry that only removes
}

// A ThesaurusError is a line of a thesaurus that cannot be read.
type ThesaurusError struct {
	Line int
	Msg  string
}

func (e *ThesaurusError) Error() string { return fmt.Sprintf("baris %d: %s", e.Line, e.Msg) }

// ParseThesaurus reads the text of a thesaurus. Its error joins a
// *ThesaurusError for each line that cannot be read; the Thesaurus it returns
// then holds the lines that can.
func ParseThesaurus(src []byte) (*Thesaurus, error) {
	th := &Thesaurus{src: src}
	var errs []error
	names := false
	for i, line := range strings.Split(string(src), "\n") {
		fail := func(format string, args ...any) {
			errs = append(errs, &ThesaurusError{Line: i + 1, Msg: fmt.Sprintf(format, args...)})
		}
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case line == "[nama]":
			names = true
		case line == "[sinonim]":
			names = false
		case strings.HasPrefix(line, "["):
			fail("bagian %s tidak dikenal (yang ada: [sinonim] dan [nama])", line)
		case names:
			for _, n := range strings.Split(line, ",") {
				if n = normalTerm(n); n != "" {
					th.names = append(th.names, n)
				}
			}
		default:
			e, err := parseEntry(line)
			if err != "" {
				fail("%s", err)
				continue
			}
			th.entries = append(th.entries, e)
		}
	}
	return th, errors.Join(errs...)
}

// parseEntry reads one entry; its error is a message for the author.
func parseEntry(line string) (thesaurusEntry, string) {
	i := strings.IndexAny(line, "=>")
	if i < 0 {
		return thesaurusEntry{}, fmt.Sprintf("%q bukan entri: tuliskan istilah = sinonim, … atau istilah > istilah terkait, …", line)
	}
	e := thesaurusEntry{head: normalTerm(line[:i]), related: line[i] == '>'}
	if e.head == "" {
		return e, "entri tanpa istilah sebelum " + line[i:i+1]
	}
	rest := line[i+1:]
	if strings.ContainsAny(rest, "=>") {
		return e, "satu entri hanya memuat satu = atau >; tulis entri lain di baris lain"
	}
	for _, t := range strings.Split(rest, ",") {
		if t = normalTerm(t); t != "" && t != e.head {
			e.terms = append(e.terms, t)
		}
	}
	return e, ""
}

// normalTerm is a term lowercased, with single spaces.
func normalTerm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// Names returns the names the thesaurus lists.
func (th *Thesaurus) Names() []string {
	if th == nil {
		return nil
	}
	return th.names
}

// Len returns the number of entries of th.
func (th *Thesaurus) Len() int { return len(th.entries) }

// over returns the entries of base, less those whose head an entry of site
// has, and then site's.
func (th *Thesaurus) over(site *Thesaurus) []thesaurusEntry {
	if site == nil {
		return th.entries
	}
	heads := map[string]bool{}
	for _, e := range site.entries {
		heads[e.head] = true
	}
	var out []thesaurusEntry
	for _, e := range th.entries {
		if !heads[e.head] {
			out = append(out, e)
		}
	}
	return append(out, site.entries...)
}

// builtin parses the built-in thesaurus, which tests keep readable.
func builtin() *Thesaurus {
	th, err := ParseThesaurus(builtinThesaurus)
	if err != nil {
		panic("search: thesaurus.txt: " + err.Error())
	}
	return th
}

// expansions are a thesaurus compiled for an index: by the phrase a unit or a
// run of them analyzes to, the alternatives that the phrase also finds.
type expansions struct {
	alts   map[string][]alt
	maxLen int // the most positions of a phrase with alternatives
}

// compile compiles the built-in thesaurus overridden by site with the index's
// analysis.
func (ix *Index) compile(site *Thesaurus) *expansions {
	ex := &expansions{alts: map[string][]alt{}}
	add := func(from, to phrase, kind altKind) {
		if from == nil || to == nil || from.String() == to.String() {
			return
		}
		key := from.String()
		for i, a := range ex.alts[key] {
			if a.terms.String() == to.String() {
				ex.alts[key][i].kind = min(a.kind, kind)
				return
			}
		}
		ex.alts[key] = append(ex.alts[key], alt{terms: to, kind: kind})
		ex.maxLen = max(ex.maxLen, len(from))
	}
	for _, e := range builtin().over(site) {
		head := ix.phraseOf(e.head)
		if e.related {
			for _, t := range e.terms {
				add(head, ix.phraseOf(t), related)
			}
			continue
		}
		group := []phrase{head}
		for _, t := range e.terms {
			group = append(group, ix.phraseOf(t))
		}
		for _, a := range group {
			for _, b := range group {
				add(a, b, synonym)
			}
		}
	}
	return ex
}

// readSiteThesaurus reads the site's thesaurus that Build copied into dir, if
// there is one.
func readSiteThesaurus(dir string) (*Thesaurus, error) {
	src, err := os.ReadFile(filepath.Join(dir, siteThesaurusFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	th, err := ParseThesaurus(src)
	if err != nil {
		return nil, fmt.Errorf("search: %s: %w", siteThesaurusFile, err)
	}
	return th, nil
}

// expand adds to the units of p the alternatives the thesaurus gives them: of
// a phrase clause, of a word, and of a run of words (naik pangkat), written
// in query q with nothing but stop words between them.
func (ix *Index) expand(p *plan, q string) {
	ex := ix.expansions
	if ex == nil || len(ex.alts) == 0 {
		return
	}
	spans := 0
	attach := func(from, to int, alts []alt) {
		span := 0
		if to > from {
			spans++
			span = spans
		}
		for i := from; i <= to; i++ {
			for _, a := range alts {
				if a.span = span; !p.units[i].within(a) {
					p.units[i].add(a)
				}
			}
		}
	}
	for i := range p.units {
		u := &p.units[i]
		for _, c := range u.clauses {
			if u.word == nil && !c.prefix {
				attach(i, i, ex.alts[ix.phraseOf(c.text).String()])
			}
		}
		if u.word == nil {
			continue
		}
		for j := i; j < len(p.units) && p.units[j].word != nil && j-i < ex.maxLen; j++ {
			if j > i && p.units[j-1].broken {
				break
			}
			key := ix.phraseOf(q[u.word.start:p.units[j].word.end])
			attach(i, j, ex.alts[key.String()])
		}
	}
}
