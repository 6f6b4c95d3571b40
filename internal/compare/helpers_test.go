package compare

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"naskah/internal/catalog"
)

// load reads testdata/name.md, a copy of a version of a policy, and splits
// it into sections as the markdown package does for these simple texts:
// front matter dropped, a section per level-2 heading, a block per
// paragraph.
func load(tb testing.TB, name string) []catalog.Section {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
	if err != nil {
		tb.Fatal(err)
	}
	return parse(string(src))
}

// parse splits the Markdown src into sections; see load.
func parse(src string) []catalog.Section {
	if rest, ok := strings.CutPrefix(src, "---\n"); ok {
		if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
			src = body
		}
	}
	var secs []catalog.Section
	cur := catalog.Section{}
	flush := func() {
		if cur.ID != "" || len(cur.Blocks) > 0 {
			secs = append(secs, section(cur.ID, cur.Heading, cur.Blocks))
		}
	}
	for _, para := range strings.Split(src, "\n\n") {
		para = strings.TrimSpace(para)
		if h, ok := strings.CutPrefix(para, "## "); ok {
			flush()
			cur = catalog.Section{ID: slug(h), Heading: h}
			continue
		}
		if para == "" {
			continue
		}
		cur.Blocks = append(cur.Blocks, catalog.Block{Text: strings.ReplaceAll(para, "\n", " ")})
	}
	flush()
	return secs
}

// section returns a section with the given id and heading whose blocks
// have the given texts, numbering the blocks as the markdown package does.
func section(id, heading string, blocks []catalog.Block) catalog.Section {
	s := catalog.Section{ID: id, Heading: heading, Blocks: make([]catalog.Block, len(blocks))}
	texts := make([]string, len(blocks))
	for i, b := range blocks {
		texts[i] = b.Text
		s.Blocks[i] = catalog.Block{ID: blockID(id, i+1), Text: b.Text}
	}
	s.Text = strings.Join(texts, "\n\n")
	return s
}

// sec is section with blocks given as texts.
func sec(id, heading string, texts ...string) catalog.Section {
	blocks := make([]catalog.Block, len(texts))
	for i, t := range texts {
		blocks[i].Text = t
	}
	return section(id, heading, blocks)
}

func blockID(section string, n int) string {
	if section == "" {
		return "p-" + strconv.Itoa(n)
	}
	return "p-" + section + "-" + strconv.Itoa(n)
}

// slug returns a heading id like the markdown package's.
func slug(h string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// longDoc returns a document of at least n words made of the sections of
// the named documents in testdata, taken in turn and repeated as needed.
// Repeated headings get a number, so that they stay distinct.
func longDoc(tb testing.TB, n int, names ...string) []catalog.Section {
	tb.Helper()
	var docs [][]catalog.Section
	for _, name := range names {
		docs = append(docs, load(tb, name))
	}
	var out []catalog.Section
	seen := map[string]int{}
	for total := 0; ; {
		for _, d := range docs {
			for _, s := range d {
				seen[s.Heading]++
				h := s.Heading
				if k := seen[h]; k > 1 {
					h += " " + strconv.Itoa(k)
				}
				out = append(out, section(slug(h), h, s.Blocks))
				if total += len(strings.Fields(s.Text)); total >= n {
					return out
				}
			}
		}
	}
}

// oneSection returns the blocks of doc as a single section.
func oneSection(doc []catalog.Section) []catalog.Section {
	var blocks []catalog.Block
	for _, s := range doc {
		blocks = append(blocks, s.Blocks...)
	}
	return []catalog.Section{section("semua", "Semua", blocks)}
}

// revise returns a copy of doc, which must have at least 17 sections, with
// a few edits of the kind a new version brings: a word replaced, a
// sentence deleted, one added, a phrase rewritten and a section moved. It
// reports how many sections it changed.
func revise(doc []catalog.Section) ([]catalog.Section, int) {
	out := slices.Clone(doc)
	edit := func(i int, f func(string) string) {
		blocks := slices.Clone(out[i].Blocks)
		old := blocks[0].Text
		if blocks[0].Text = f(old); blocks[0].Text == old {
			panic("revise: edit of section " + strconv.Itoa(i) + " changes nothing")
		}
		out[i] = section(out[i].ID, out[i].Heading, blocks)
	}
	edit(1, func(s string) string { return strings.Replace(s, "Tujuan", "Sasaran", 1) })
	edit(5, func(s string) string {
		_, rest, _ := strings.Cut(s, ". ")
		return rest
	})
	edit(9, func(s string) string {
		return s + " Ketentuan ini ditinjau kembali paling lambat lima tahun sejak ditetapkan."
	})
	edit(13, func(s string) string { return strings.Replace(s, "memiliki kompetensi", "menguasai keahlian", 1) })
	out[15], out[16] = out[16], out[15]
	return out, 5
}
