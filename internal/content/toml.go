package content

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"
)

// decodeTOML decodes the TOML front matter raw, whose opening delimiter is on
// line open, into its top-level fields. It reports syntax errors to r and
// returns false when raw cannot be used.
func decodeTOML(raw []byte, open int, r report) ([]field, bool) {
	var prims map[string]toml.Primitive
	md, err := toml.Decode(string(raw), &prims)
	if err != nil {
		line, msg := open, err.Error()
		var perr toml.ParseError
		if errors.As(err, &perr) && perr.Position.Line > 0 {
			line, msg = fileLine(open, perr.Position.Line), perr.Message
		}
		r.errorf(line, "sintaks TOML salah: %s", msg)
		return nil, false
	}
	var fields []field
	for _, key := range topLevelKeys(md, prims) {
		line := open
		if off, ok := tomlOffset(&md, prims[key]); ok && off <= len(raw) {
			line = fileLine(open, lineAt(raw, off))
		}
		var x any
		if err := md.PrimitiveDecode(prims[key], &x); err != nil {
			r.errorf(line, "sintaks TOML salah: %v", err)
			continue
		}
		fields = append(fields, field{key: key, line: line, val: tomlValue(x, line)})
	}
	return fields, true
}

// topLevelKeys returns the keys of prims in the order they first appear in
// the document.
func topLevelKeys(md toml.MetaData, prims map[string]toml.Primitive) []string {
	keys := make([]string, 0, len(prims))
	for _, k := range md.Keys() {
		if _, ok := prims[k[0]]; ok && !slices.Contains(keys, k[0]) {
			keys = append(keys, k[0])
		}
	}
	return keys
}

// errProbe is the error lineProbe returns.
var errProbe = errors.New("position probe")

// A lineProbe is decoded from a TOML value to learn where the value is:
// BurntSushi/toml keeps the position of every key but makes it public only in
// the ParseError that reports a failure to decode that key's value.
type lineProbe struct{}

// UnmarshalTOML fails, always.
func (lineProbe) UnmarshalTOML(any) error { return errProbe }

// tomlOffset returns the byte offset in the document of the value p, whose
// key has the same line. A table created implicitly, as "a" is by
// "a.b = 1" or "[a.b]", has no position of its own; tomlOffset returns the
// first position of its keys.
func tomlOffset(md *toml.MetaData, p toml.Primitive) (int, bool) {
	var perr toml.ParseError
	if err := md.PrimitiveDecode(p, lineProbe{}); errors.As(err, &perr) && perr.Position.Line > 0 {
		return perr.Position.Start, true
	}
	var sub map[string]toml.Primitive
	if md.PrimitiveDecode(p, &sub) != nil {
		return 0, false
	}
	first, found := 0, false
	for _, q := range sub {
		if off, ok := tomlOffset(md, q); ok && (!found || off < first) {
			first, found = off, true
		}
	}
	return first, found
}

// tomlValue converts a value decoded by BurntSushi/toml to a value, with the
// items of an array. Items have the line of their key.
func tomlValue(x any, line int) value {
	v := tomlScalar(x, line)
	switch x := x.(type) {
	case []any:
		for _, item := range x {
			v.items = append(v.items, tomlScalar(item, line))
		}
	case []map[string]any:
		for range x {
			v.items = append(v.items, value{kind: kindMap, line: line})
		}
	}
	return v
}

// tomlScalar converts a value decoded by BurntSushi/toml to a value without
// items. A date, such as the 2025-04-06 of "date = 2025-04-06", becomes its
// text; a date and time becomes text that is not a valid date.
func tomlScalar(x any, line int) value {
	v := value{line: line}
	switch x := x.(type) {
	case string:
		v.kind, v.text = kindText, x
	case time.Time:
		v.kind, v.text = kindText, tomlTimeText(x)
	case int64:
		v.kind, v.text = kindNumber, strconv.FormatInt(x, 10)
	case float64:
		v.kind, v.text = kindNumber, strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		v.kind, v.text = kindBool, strconv.FormatBool(x)
	case []any, []map[string]any:
		v.kind = kindList
	case map[string]any:
		v.kind = kindMap
	}
	return v
}

// tomlTimeText formats a TOML date, time or date and time.
func tomlTimeText(t time.Time) string {
	h, m, s := t.Clock()
	if h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}
