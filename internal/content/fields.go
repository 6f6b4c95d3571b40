package content

import (
	"fmt"
	"slices"
	"strings"
)

// A field is a top-level key of a front matter block with its value.
type field struct {
	key  string
	line int // line of the key in the file
	val  value
}

// A value is a front matter value reduced to what validation needs, the same
// for YAML and TOML.
type value struct {
	kind  kind
	text  string  // when kind is kindText
	items []value // when kind is kindList; items of items are not kept
	line  int
}

// A kind is the type of a value.
type kind int

const (
	kindNull kind = iota
	kindText
	kindList
	kindMap
	kindNumber // TOML only: a YAML scalar is text as written
	kindBool   // TOML only; text is "true" or "false"
)

// String names k in messages.
func (k kind) String() string {
	switch k {
	case kindText:
		return "teks"
	case kindList:
		return "daftar"
	case kindMap:
		return "pemetaan"
	case kindNumber:
		return "angka"
	case kindBool:
		return "boolean"
	}
	return "nilai kosong"
}

// A schema describes the front matter of one kind of file.
type schema struct {
	keys []string // known keys, in the order they are documented
	need string   // what the file must have, for messages
}

// The schemas of the three kinds of file.
var (
	siteSchema = schema{
		keys: []string{"title", "description", "base_url", "language"},
		need: "_index.md situs memerlukan setidaknya title",
	}
	regionSchema = schema{
		keys: []string{"name", "kind", "province", "fictional"},
		need: "_index.md wilayah memerlukan setidaknya name dan kind",
	}
	versionSchema = schema{
		keys: []string{"title", "version", "date", "status", "summary", "tags", "source", "note", "form",
			"type", "number", "year", "enacted", "promulgated", "place", "gazette", "subjects", "field",
			"initiator", "signer", "abstract", "original", "amends", "revokes", "implements", "related"},
		need: "versi memerlukan setidaknya title",
	}
)

// A reader hands out the fields of a document by key, reporting values of
// the wrong type and missing required keys.
type reader struct {
	r      report
	open   int // line of the opening delimiter, where missing keys are reported
	fields map[string]field
}

// newReader returns a reader for the fields of d, reporting the keys that s
// does not know and the keys that occur twice.
func newReader(d document, s *schema, r report) *reader {
	rd := &reader{r: r, open: d.open, fields: make(map[string]field)}
	for _, f := range d.fields {
		if prev, dup := rd.fields[f.key]; dup {
			r.errorf(f.line, "kunci %q ganda (sudah ada di baris %d)", f.key, prev.line)
			continue
		}
		if !slices.Contains(s.keys, f.key) {
			r.errorf(f.line, "kunci tidak dikenal %q %s", f.key, unknownKeyHint(f.key, s.keys))
			continue
		}
		rd.fields[f.key] = f
	}
	return rd
}

// text returns the value of key, trimmed, and the line of the key. It
// returns "" when key is absent, null or not text, and 0 for the line when
// key is absent.
func (rd *reader) text(key string) (string, int) {
	f, ok := rd.fields[key]
	if !ok {
		return "", 0
	}
	s, _ := rd.textOf(f)
	return s, f.line
}

// required is like text, but reports key when it is absent or empty.
func (rd *reader) required(key string) (string, int) {
	f, ok := rd.fields[key]
	if !ok {
		rd.r.errorf(rd.open, "wajib diisi: %s", key)
		return "", rd.open
	}
	s, ok := rd.textOf(f)
	if ok && s == "" {
		rd.r.errorf(f.line, "wajib diisi: %s", key)
	}
	return s, f.line
}

// textOf returns the trimmed text of f, reporting a value that is neither
// text nor null, and text longer than its key allows. It returns false after
// reporting a value that is not text.
func (rd *reader) textOf(f field) (string, bool) {
	switch k := f.val.kind; k {
	case kindText:
		s := strings.TrimSpace(f.val.text)
		rd.checkLength(f.key, s, f.line, maxLength(f.key))
		return s, true
	case kindNull:
		return "", true
	case kindNumber, kindBool:
		rd.r.errorf(f.line, "%s harus berupa teks dalam tanda kutip, bukan %s", f.key, k)
	default:
		rd.r.errorf(f.line, "%s harus berupa teks, bukan %s", f.key, k)
	}
	return "", false
}

// flag returns the value of key, true or false; false when it is absent or
// null, after reporting anything else.
func (rd *reader) flag(key string) bool {
	f, ok := rd.fields[key]
	if !ok || f.val.kind == kindNull {
		return false
	}
	if k := f.val.kind; (k == kindText || k == kindBool) && (f.val.text == "true" || f.val.text == "false") {
		return f.val.text == "true"
	}
	rd.r.errorf(f.line, "%s harus true atau false", key)
	return false
}

// list returns the items of key, which must be a list of text, trimmed, with
// the line of each. It reports values of the wrong type and leaves them out,
// and reports items past MaxListItems and leaves them out too.
func (rd *reader) list(key string) []value {
	f, ok := rd.fields[key]
	if !ok || f.val.kind == kindNull {
		return nil
	}
	if f.val.kind != kindList {
		rd.r.errorf(f.line, "%s harus berupa daftar, bukan %s", key, f.val.kind)
		return nil
	}
	all := f.val.items
	if len(all) > MaxListItems {
		rd.r.errorf(f.line, "%s berisi %d butir, paling banyak %d", key, len(all), MaxListItems)
		all = all[:MaxListItems]
	}
	var items []value
	for i, item := range all {
		if item.kind != kindText {
			rd.r.errorf(item.line, "%s: butir ke-%d harus berupa teks, bukan %s", key, i+1, item.kind)
			continue
		}
		item.text = strings.TrimSpace(item.text)
		rd.checkLength(fmt.Sprintf("%s: butir ke-%d", key, i+1), item.text, item.line, MaxTextLength)
		items = append(items, item)
	}
	return items
}
