package content

import (
	"cmp"
	"fmt"
	"strings"
)

// slugRule says what a slug is, for messages.
const slugRule = "huruf kecil a-z, angka, dan tanda -"

// slugHint returns the parenthesised explanation that follows a complaint
// that s is not a slug, with a slug made from s as an example when there is one.
func slugHint(s string) string {
	if fixed := slugify(s); fixed != "" && fixed != s {
		return fmt.Sprintf("(%s; mis. %q)", slugRule, fixed)
	}
	return "(" + slugRule + ")"
}

// slugify lowercases s and joins its runs of ASCII letters and digits with
// hyphens. It returns "" when s has no such runs.
func slugify(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	return strings.Join(words, "-")
}

// ignored reports whether a directory entry named name is left out of the
// content: dot-files (which include Vim swap files), backups ending in "~"
// and Emacs auto-save files such as "#draft.md#".
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasSuffix(name, "~") ||
		len(name) >= 2 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}

// compareNatural compares a and b as strings in which runs of digits compare
// as numbers, so that "v2" sorts before "v10". Strings that differ only in
// leading zeros are ordered by plain comparison.
func compareNatural(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		nx, ny := digitRun(x), digitRun(y)
		if nx == 0 || ny == 0 {
			if x[0] != y[0] {
				return cmp.Compare(x[0], y[0])
			}
			x, y = x[1:], y[1:]
			continue
		}
		dx, dy := strings.TrimLeft(x[:nx], "0"), strings.TrimLeft(y[:ny], "0")
		if c := cmp.Or(cmp.Compare(len(dx), len(dy)), strings.Compare(dx, dy)); c != 0 {
			return c
		}
		x, y = x[nx:], y[ny:]
	}
	return cmp.Or(cmp.Compare(len(x), len(y)), strings.Compare(a, b))
}

// digitRun returns the number of ASCII digits at the start of s.
func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}
