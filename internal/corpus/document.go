package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// document is a version's text: sections of paragraphs of sentences.
type document struct {
	sections []section
}

type section struct {
	heading    string
	paragraphs [][]string
}

const (
	sentencesPerParagraph = 4
	paragraphsPerSection  = 2
)

// document draws a new document of about words words.
func (p *Pool) document(rng *rand.Rand, words int) document {
	var d document
	n := 0
	for n < words {
		s := section{heading: p.Headings[rng.IntN(len(p.Headings))]}
		for range paragraphsPerSection {
			var para []string
			for range sentencesPerParagraph {
				sent := p.Sentences[rng.IntN(len(p.Sentences))]
				para = append(para, sent)
				n += len(strings.Fields(sent))
			}
			s.paragraphs = append(s.paragraphs, para)
		}
		d.sections = append(d.sections, s)
	}
	return d
}

// revise copies d with a few edits: sentences replaced, one inserted, one removed,
// and now and then a section renamed.
func (p *Pool) revise(rng *rand.Rand, d document) document {
	out := document{sections: make([]section, len(d.sections))}
	for i, s := range d.sections {
		c := section{heading: s.heading, paragraphs: make([][]string, len(s.paragraphs))}
		for j, para := range s.paragraphs {
			c.paragraphs[j] = append([]string(nil), para...)
		}
		out.sections[i] = c
	}
	pick := func() *[]string {
		s := &out.sections[rng.IntN(len(out.sections))]
		return &s.paragraphs[rng.IntN(len(s.paragraphs))]
	}
	sentence := func() string { return p.Sentences[rng.IntN(len(p.Sentences))] }
	for range 3 {
		para := *pick()
		para[rng.IntN(len(para))] = sentence()
	}
	added := pick()
	*added = append(*added, sentence())
	if removed := pick(); len(*removed) > 1 {
		i := rng.IntN(len(*removed))
		*removed = append((*removed)[:i:i], (*removed)[i+1:]...)
	}
	if rng.IntN(4) == 0 {
		out.sections[rng.IntN(len(out.sections))].heading = p.Headings[rng.IntN(len(p.Headings))]
	}
	return out
}

// file renders the document as a version file.
func (d document) file(title string, version int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndate: %d-%02d\nsummary: \"Versi %d dari korpus uji.\"\ntags: [pelatihan, rekrutmen]\n---\n", title, 2020+version, 1+version%12, version)
	for _, s := range d.sections {
		fmt.Fprintf(&b, "\n## %s\n", s.heading)
		for _, para := range s.paragraphs {
			b.WriteString("\n" + strings.Join(para, " ") + "\n")
		}
	}
	return []byte(b.String())
}
