package corpus

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/lang/id"
)

// Queries makes n different search queries, one or two words each, from the
// words of the first region of a generated corpus, so that no answer can come
// from a cache: each word of five letters or more alone, then pairs of them.
func Queries(content fs.FS, n int) []string {
	seen := map[string]bool{} // stop words count as seen: alone they are no query
	for _, w := range strings.Fields(string(id.IndonesianStopWords)) {
		seen[w] = true
	}
	var words []string
	fs.WalkDir(content, "daerah-001", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || len(words) > 2000 {
			return nil
		}
		data, _ := fs.ReadFile(content, p)
		for _, w := range strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool { return r < 'a' || r > 'z' }) {
			if len(w) >= 5 && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		return nil
	})
	// Each word alone, then pairs: the kth pair joins word k mod L with the
	// word (k div L)+1 places after it, so no pair comes twice before L(L-1).
	out := slices.Clone(words)
	for k, L := 0, len(words); len(out) < n && k < L*(L-1); k++ {
		a := k % L
		out = append(out, words[a]+" "+words[(a+1+k/L)%L])
	}
	return out[:min(n, len(out))]
}
