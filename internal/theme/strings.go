package theme

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"naskah/internal/legal"
)

// Strings holds a theme's UI text for one language, by dotted key ("status.berlaku").
type Strings map[string]string

func loadStrings(fsys fs.FS, lang string) (Strings, error) {
	name := "strings/" + lang + ".toml"
	data, err := readFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("theme: no UI strings for language %q: %w", lang, err)
	}
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("theme: %s: %w", name, err)
	}
	s := Strings{}
	if err := s.flatten("", raw); err != nil {
		return nil, fmt.Errorf("theme: %s: %w", name, err)
	}
	return s, nil
}

func (s Strings) flatten(prefix string, m map[string]any) error {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			s[prefix+k] = v
		case map[string]any:
			if err := s.flatten(prefix+k+".", v); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s%s: a UI string must be text, not %T", prefix, k, v)
		}
	}
	return nil
}

// T returns the text of key, formatted with args as fmt.Sprintf does when any are
// given. A missing key is an error, so that a theme cannot silently show nothing.
func (s Strings) T(key string, args ...any) (string, error) {
	v, ok := s[key]
	if !ok {
		return "", fmt.Errorf("UI string %q is missing", key)
	}
	if len(args) > 0 {
		v = fmt.Sprintf(v, args...)
	}
	return v, nil
}

// Keys returns every key, sorted.
func (s Strings) Keys() []string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Date writes d as readers of the language write dates: "6 April 2025", "April 2025".
// The order and month names come from the strings "date.day", "date.month" and
// "month.1" … "month.12".
func (s Strings) Date(d legal.Date) (string, error) {
	if d.IsZero() {
		return "", nil
	}
	month, err := s.T("month." + strconv.Itoa(d.Month))
	if err != nil {
		return "", err
	}
	if d.Day == 0 {
		return s.T("date.month", month, d.Year)
	}
	return s.T("date.day", d.Day, month, d.Year)
}

// Size writes a file's size of n bytes as readers of the language write it:
// "512 bita", "340 KB", "1,2 MB", with KB and MB of 1,024 bytes and KB, as a
// file manager shows them, and one decimal below 10. The words and the decimal
// separator come from "size.bytes", "size.kb", "size.mb" and "size.decimal".
func (s Strings) Size(n int64) (string, error) {
	const kb, mb = 1 << 10, 1 << 20
	if n < kb {
		return s.T("size.bytes", n)
	}
	key, value := "size.kb", float64(n)/kb
	if n >= mb {
		key, value = "size.mb", float64(n)/mb
	}
	decimals := 0
	if value < 9.95 {
		decimals = 1
	}
	num := strconv.FormatFloat(value, 'f', decimals, 64)
	sep, err := s.T("size.decimal")
	if err != nil {
		return "", err
	}
	return s.T(key, strings.Replace(num, ".", sep, 1))
}

// Topic is the name of the topic slug as readers read it: the theme's
// topics.{slug} if it has one, else the slug's words, the first capitalised
// and the field's acronyms in capitals ("penilaian-kinerja" is "Penilaian
// kinerja", "manajemen-asn" "Manajemen ASN").
func (s Strings) Topic(slug string) string {
	if name, ok := s["topics."+slug]; ok {
		return name
	}
	words := strings.Split(slug, "-")
	for i, w := range words {
		switch {
		case acronyms[w]:
			words[i] = strings.ToUpper(w)
		case i == 0 && w != "":
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// acronyms are the abbreviations of the civil service that stay in capitals
// in a topic's name.
var acronyms = map[string]bool{
	"asn": true, "pns": true, "cpns": true, "pppk": true, "bkn": true, "bkd": true, "bkpsdm": true,
	"skp": true, "tpp": true, "jpt": true, "tik": true, "spbe": true, "sdm": true, "opd": true,
}

func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		"topic":  t.strings.Topic,
		"t":      t.strings.T,
		"date":   t.strings.Date,
		"size":   t.strings.Size,
		"asset":  t.AssetURL,
		"anchor": t.anchor,
	}
}

// anchor is the visible permalink placed inside a heading with the given id.
func (t *Theme) anchor(id string) (template.HTML, error) {
	label, err := t.strings.T("policy.anchor")
	if err != nil {
		return "", err
	}
	esc := template.HTMLEscapeString
	return template.HTML(`<a class="anchor" href="#` + esc(id) + `" aria-label="` + esc(label) + `">#</a>`), nil
}
