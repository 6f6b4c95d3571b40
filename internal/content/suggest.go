package content

import (
	"fmt"
	"slices"
	"strings"
)

// unknownKeyHint returns the parenthesised hint that follows a complaint
// about an unknown key: the known key the drafter probably meant, or the list
// of known keys when none is close.
func unknownKeyHint(key string, known []string) string {
	if k := closest(key, known); k != "" {
		return fmt.Sprintf("(maksud Anda %q?)", k)
	}
	return "(kunci yang dikenal: " + strings.Join(known, ", ") + ")"
}

// indonesianKeys maps the Indonesian words a drafter may use for a key to
// the key.
var indonesianKeys = map[string]string{
	"judul":     "title",
	"deskripsi": "description",
	"bahasa":    "language",
	"nama":      "name",
	"jenis":     "kind",
	"provinsi":  "province",
	"versi":     "version",
	"tanggal":   "date",
	"ringkasan": "summary",
	"label":     "version",
	"topik":     "tags",
	"nomor":     "number",
	"sumber":    "source",
	"catatan":   "note",
}

// closest returns the candidate that key most likely stands for, or "" if
// none is close. Case is ignored. A candidate is close when key is its
// Indonesian name, when it is at most one edit away (two for candidates
// longer than four letters), or when one of the two is a prefix of the
// other, as "lang" is of "language".
func closest(key string, candidates []string) string {
	key = strings.ToLower(key)
	if k, ok := indonesianKeys[key]; ok && slices.Contains(candidates, k) {
		return k
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(key, c)
		limit := 1
		if len(c) > 4 {
			limit = 2
		}
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	if best != "" || len(key) < 3 {
		return best
	}
	for _, c := range candidates {
		if strings.HasPrefix(c, key) || strings.HasPrefix(key, c) {
			return c
		}
	}
	return ""
}

// editDistance returns the number of insertions, deletions, substitutions
// and transpositions of adjacent characters needed to turn a into b (the
// optimal string alignment distance), so that "titel" is one edit from "title".
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// prev2, prev and cur are rows i-2, i-1 and i of the distance matrix.
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
