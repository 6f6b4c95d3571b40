package build

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestThesaurusProblems checks that the build reads a site's _sinonim.txt
// and reports the lines it cannot read at their place in the file.
func TestThesaurusProblems(t *testing.T) {
	site := fstest.MapFS{
		"_index.md":    {Data: []byte("---\ntitle: Uji\n---\n")},
		"_sinonim.txt": {Data: []byte("# sinonim situs\nmagang = praktik kerja\nmagang praktik\n[lain]\n")},
		"a/_index.md":  {Data: []byte("---\nname: Alpha\nkind: kota\n---\n")},
		"a/p/v1.md":    {Data: []byte("---\ntitle: Uji\n---\n\n## Magang\n\nPraktik kerja.\n")},
	}
	_, err := Check(context.Background(), Config{Content: site, ContentDir: "content"})
	ps, ok := Problems(err)
	if !ok {
		t.Fatalf("Check: %v, want problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`content/_sinonim.txt:3: "magang praktik" bukan entri: tuliskan istilah = sinonim, … atau istilah > istilah terkait, …`,
		"content/_sinonim.txt:4: bagian [lain] tidak dikenal (yang ada: [sinonim] dan [nama])",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	site["_sinonim.txt"] = &fstest.MapFile{Data: []byte("magang = praktik kerja\n")}
	if _, err := Check(context.Background(), Config{Content: site, ContentDir: "content"}); err != nil {
		t.Errorf("Check of a good thesaurus: %v", err)
	}
}
