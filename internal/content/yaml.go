package content

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// decodeYAML decodes the YAML front matter raw, whose opening delimiter is on
// line open, into its top-level fields. It reports syntax errors to r and
// returns false when raw cannot be used.
func decodeYAML(raw []byte, open int, r report) ([]field, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		n, msg := splitYAMLError(err)
		line := open
		if n > 0 {
			line = fileLine(open, n)
		}
		r.errorf(line, "sintaks YAML salah: %s", msg)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, true // nothing but blank lines and comments
	}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return nil, true
	}
	if top.Kind != yaml.MappingNode {
		hint := ""
		if top.Kind == yaml.ScalarNode && strings.Contains(top.Value, "=") {
			hint = " (front matter TOML diapit baris +++, bukan ---)"
		}
		r.errorf(fileLine(open, top.Line), "front matter harus berupa pasangan kunci: nilai%s", hint)
		return nil, false
	}
	fields := make([]field, 0, len(top.Content)/2)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		line := fileLine(open, k.Line)
		if k.Kind != yaml.ScalarNode {
			r.errorf(line, "kunci harus berupa teks")
			continue
		}
		fields = append(fields, field{key: k.Value, line: line, val: yamlValue(v, open)})
	}
	return fields, true
}

// yamlValue converts n to a value, with the items of a sequence.
func yamlValue(n *yaml.Node, open int) value {
	v := yamlScalar(n, open)
	if v.kind == kindList {
		for _, item := range resolveAlias(n).Content {
			v.items = append(v.items, yamlScalar(item, open))
		}
	}
	return v
}

// yamlScalar converts n to a value without items. Every scalar other than
// null is text as written, so that "version: 1.10" is the label "1.10" and
// not a number.
func yamlScalar(n *yaml.Node, open int) value {
	v := value{line: fileLine(open, n.Line)}
	switch n = resolveAlias(n); n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			v.kind, v.text = kindText, n.Value
		}
	case yaml.SequenceNode:
		v.kind = kindList
	case yaml.MappingNode:
		v.kind = kindMap
	}
	return v
}

// resolveAlias returns the node an alias node stands for, or n itself.
func resolveAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// splitYAMLError splits an error from yaml.v3, such as
// "yaml: line 3: did not find expected key", into the line it names (0 if
// none) and the rest of the message.
func splitYAMLError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg
	}
	num, text, ok := strings.Cut(rest, ": ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 {
		return 0, msg
	}
	return n, text
}
