// Package corpus generates content trees of realistic Indonesian policy text for
// benchmarks: N regions × M policies × K versions, each version a few edits away from
// the one before, with sentences and headings drawn from a source content tree (the
// shipped content/). The same options and seed give the same tree, byte for byte.
package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Options size the corpus.
type Options struct {
	Regions, Policies, Versions int
	Words                       int // about this many words a version
	Seed                        uint64
}

// Benchmark is the yardstick corpus of the performance budget: 5,000 versions of
// about 1,700 words.
var Benchmark = Options{Regions: 100, Policies: 10, Versions: 5, Words: 1700, Seed: 1}

// Pool is the text a corpus is drawn from.
type Pool struct {
	Sentences []string
	Headings  []string
}

// NewPool reads the sentences and headings of every version in a content tree.
func NewPool(content fs.FS) (*Pool, error) {
	p := &Pool{}
	seen := map[string]bool{}
	err := fs.WalkDir(content, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(name) == "_index.md" || path.Ext(name) != ".md" {
			return err
		}
		data, err := fs.ReadFile(content, name)
		if err != nil {
			return err
		}
		p.add(body(data), seen)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(p.Sentences) < 10 || len(p.Headings) < 3 {
		return nil, fmt.Errorf("corpus: too little text to draw from (%d sentences, %d headings)", len(p.Sentences), len(p.Headings))
	}
	return p, nil
}

// body drops the front matter of a version file.
func body(data []byte) []byte {
	if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
		if _, after, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
			return after
		}
	}
	return data
}

func (p *Pool) add(text []byte, seen map[string]bool) {
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if h, ok := strings.CutPrefix(line, "## "); ok {
			if !seen["h:"+h] {
				seen["h:"+h] = true
				p.Headings = append(p.Headings, h)
			}
			continue
		}
		if strings.HasPrefix(line, "![") {
			continue // an image, whose file the corpus does not have
		}
		for _, s := range sentences(line) {
			if len(strings.Fields(s)) >= 4 && !seen[s] {
				seen[s] = true
				p.Sentences = append(p.Sentences, s)
			}
		}
	}
}

func sentences(line string) []string {
	var out []string
	for line != "" {
		i := strings.Index(line, ". ")
		if i < 0 {
			return append(out, line)
		}
		out = append(out, line[:i+1])
		line = strings.TrimSpace(line[i+2:])
	}
	return out
}

// Files generates the corpus as file contents keyed by slash-separated paths.
func (p *Pool) Files(o Options) map[string][]byte {
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	files := map[string][]byte{
		"_index.md": []byte("---\ntitle: Korpus Uji\ndescription: Korpus buatan untuk mengukur kinerja naskah.\n---\n"),
	}
	for r := 1; r <= o.Regions; r++ {
		region := fmt.Sprintf("daerah-%03d", r)
		files[region+"/_index.md"] = []byte(fmt.Sprintf("---\nname: Daerah %03d\nkind: kota\nprovince: Provinsi Uji\n---\n\nDaerah buatan untuk pengujian.\n", r))
		for k := 1; k <= o.Policies; k++ {
			dir := fmt.Sprintf("%s/kebijakan-%02d", region, k)
			doc := p.document(rng, o.Words)
			for v := 1; v <= o.Versions; v++ {
				if v > 1 {
					doc = p.revise(rng, doc)
				}
				files[fmt.Sprintf("%s/v%d.md", dir, v)] = doc.file(fmt.Sprintf("Kebijakan %02d Daerah %03d", k, r), v)
			}
		}
	}
	return files
}

// FS generates the corpus in memory.
func (p *Pool) FS(o Options) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range p.Files(o) {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// Write generates the corpus into dir, which is created.
func (p *Pool) Write(dir string, o Options) error {
	for name, data := range p.Files(o) {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
