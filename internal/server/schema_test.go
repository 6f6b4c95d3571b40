package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// openAPI is a parsed OpenAPI document with what the tests need of it: resolving
// references and checking values against the subset of JSON Schema it uses.
type openAPI struct {
	root map[string]any
}

func parseOpenAPI(data []byte) (*openAPI, error) {
	var root map[string]any
	if err := decodeJSON(data, &root); err != nil {
		return nil, err
	}
	return &openAPI{root: root}, nil
}

// decodeJSON decodes keeping numbers as written, so that integers can be told apart.
func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the JSON value")
	}
	return nil
}

// resolve follows a local reference (#/components/...) as a JSON pointer.
func (d *openAPI) resolve(ref string) (map[string]any, error) {
	ptr, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil, fmt.Errorf("%s: only local references are used", ref)
	}
	var cur any = d.root
	for tok := range strings.SplitSeq(ptr, "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not inside an object", ref, tok)
		}
		if cur, ok = m[tok]; !ok {
			return nil, fmt.Errorf("%s does not resolve: no %q", ref, tok)
		}
	}
	m, ok := cur.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s does not name an object", ref)
	}
	return m, nil
}

// deref resolves obj if it is a reference, else returns it.
func (d *openAPI) deref(obj map[string]any) (map[string]any, error) {
	for range 8 {
		ref, ok := obj["$ref"].(string)
		if !ok {
			return obj, nil
		}
		var err error
		if obj, err = d.resolve(ref); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("reference chain too long")
}

// schemaKeyword reports whether the checker understands a schema keyword.
// Annotations are accepted and ignored; anything else is an error, so that the
// document cannot rely on a rule the test does not check.
func schemaKeyword(k string) bool {
	switch k {
	case "$ref", "type", "properties", "required", "additionalProperties", "items", "enum",
		"minimum", "maximum", "maxLength", "description", "default", "format":
		return true
	}
	return false
}

// validate checks v against schema and returns the first violation, naming where
// in the value it is (at).
func (d *openAPI) validate(schema map[string]any, v any, at string) error {
	schema, err := d.deref(schema)
	if err != nil {
		return fmt.Errorf("%s: %w", at, err)
	}
	for k := range schema {
		if !schemaKeyword(k) {
			return fmt.Errorf("%s: schema keyword %q is not supported by the checker", at, k)
		}
	}
	if err := checkType(schema["type"], v, at); err != nil {
		return err
	}
	if enum, ok := schema["enum"].([]any); ok && !inEnum(enum, v) {
		return fmt.Errorf("%s: %v is not one of %v", at, v, enum)
	}
	switch v := v.(type) {
	case map[string]any:
		return d.validateObject(schema, v, at)
	case []any:
		items, ok := schema["items"].(map[string]any)
		for i, e := range v {
			if !ok {
				break
			}
			if err := d.validate(items, e, at+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case json.Number:
		return checkBounds(schema, v, at)
	case string:
		if n, ok := schema["maxLength"].(json.Number); ok {
			if most, _ := n.Int64(); int64(utf8.RuneCountInString(v)) > most {
				return fmt.Errorf("%s: longer than %d characters", at, most)
			}
		}
	}
	return nil
}

func (d *openAPI) validateObject(schema, v map[string]any, at string) error {
	props, _ := schema["properties"].(map[string]any)
	req, _ := schema["required"].([]any)
	for _, name := range req {
		if _, ok := v[name.(string)]; !ok {
			return fmt.Errorf("%s: required property %q is missing", at, name)
		}
	}
	for name, val := range v {
		ps, ok := props[name].(map[string]any)
		if !ok {
			if schema["additionalProperties"] == false {
				return fmt.Errorf("%s: property %q is not in the schema", at, name)
			}
			continue
		}
		if err := d.validate(ps, val, at+"."+name); err != nil {
			return err
		}
	}
	return nil
}

// jsonTypes are the JSON Schema types of a decoded value; a number without fraction
// or exponent is also an integer.
func jsonTypes(v any) []string {
	switch v := v.(type) {
	case nil:
		return []string{"null"}
	case bool:
		return []string{"boolean"}
	case string:
		return []string{"string"}
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return []string{"number", "integer"}
		}
		return []string{"number"}
	case map[string]any:
		return []string{"object"}
	case []any:
		return []string{"array"}
	}
	return []string{fmt.Sprintf("%T", v)}
}

// checkType checks v against a type keyword: a name, or a list of names (the
// way OpenAPI 3.1 says "nullable": ["string", "null"]).
func checkType(t any, v any, at string) error {
	var want []string
	switch t := t.(type) {
	case nil:
		return nil
	case string:
		want = []string{t}
	case []any:
		for _, e := range t {
			want = append(want, e.(string))
		}
	default:
		return fmt.Errorf("%s: type is %T", at, t)
	}
	for _, got := range jsonTypes(v) {
		for _, w := range want {
			if got == w {
				return nil
			}
		}
	}
	return fmt.Errorf("%s: %v is %v, want %v", at, v, jsonTypes(v), want)
}

func inEnum(enum []any, v any) bool {
	for _, e := range enum {
		if fmt.Sprint(e) == fmt.Sprint(v) && jsonTypes(e)[0] == jsonTypes(v)[0] {
			return true
		}
	}
	return false
}

func checkBounds(schema map[string]any, v json.Number, at string) error {
	f, _ := v.Float64()
	if m, ok := schema["minimum"].(json.Number); ok {
		if lo, _ := m.Float64(); f < lo {
			return fmt.Errorf("%s: %v is below the minimum %v", at, v, m)
		}
	}
	if m, ok := schema["maximum"].(json.Number); ok {
		if hi, _ := m.Float64(); f > hi {
			return fmt.Errorf("%s: %v is above the maximum %v", at, v, m)
		}
	}
	return nil
}

// TestSchemaChecker shows that the checker finds what it is meant to find.
func TestSchemaChecker(t *testing.T) {
	doc, err := parseOpenAPI([]byte(`{"components": {"schemas": {
		"Hit": {"type": "object", "required": ["id", "tags"], "additionalProperties": false, "properties": {
			"id": {"type": "integer", "minimum": 1},
			"kind": {"type": "string", "enum": ["a", "b"]},
			"note": {"type": ["string", "null"]},
			"tags": {"type": "array", "items": {"type": "string"}}}},
		"Odd": {"type": "string", "pattern": "x"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	hit := map[string]any{"$ref": "#/components/schemas/Hit"}
	tests := []struct {
		schema map[string]any
		value  string
		ok     bool
	}{
		{hit, `{"id": 1, "tags": []}`, true},
		{hit, `{"id": 1, "tags": ["x"], "kind": "b", "note": null}`, true},
		{hit, `{"id": 1, "tags": [], "note": "n"}`, true},
		{hit, `{"id": 1.5, "tags": []}`, false},
		{hit, `{"id": 0, "tags": []}`, false},
		{hit, `{"id": "1", "tags": []}`, false},
		{hit, `{"tags": []}`, false},
		{hit, `{"id": 1, "tags": null}`, false},
		{hit, `{"id": 1, "tags": [1]}`, false},
		{hit, `{"id": 1, "tags": [], "kind": "c"}`, false},
		{hit, `{"id": 1, "tags": [], "extra": true}`, false},
		{hit, `[]`, false},
		{map[string]any{"$ref": "#/components/schemas/Odd"}, `"x"`, false},
		{map[string]any{"$ref": "#/components/schemas/Missing"}, `"x"`, false},
	}
	for _, tt := range tests {
		var v any
		if err := decodeJSON([]byte(tt.value), &v); err != nil {
			t.Fatal(err)
		}
		err := doc.validate(tt.schema, v, "$")
		if (err == nil) != tt.ok {
			t.Errorf("%v %s: error %v, want ok=%v", tt.schema["$ref"], tt.value, err, tt.ok)
		}
	}
}
