package search

import (
	"maps"
	"strings"
	"testing"
)

// FuzzWordSet checks that a wordSet holds the words that strings.FieldsFunc cuts
// from a text, lowercased.
func FuzzWordSet(f *testing.F) {
	for _, text := range tokenizerCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := map[string]bool{}
		for _, w := range strings.FieldsFunc(text, notWordRune) {
			want[strings.ToLower(w)] = true
		}
		ws := wordSet{raw: map[string]bool{}, lower: map[string]bool{}}
		ws.addWords(text)
		ws.addWords(text) // words seen before add nothing new
		if !maps.Equal(want, ws.lower) {
			t.Errorf("words of %q: %v, want %v", text, ws.lower, want)
		}
	})
}
