package catalog

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// sample is a catalog of one region whose policy has two versions that share
// their first section.
func sample() *Catalog {
	intro := Section{ID: "", Heading: "", HTML: "<p id=\"p-1\">Pembuka.</p>\n", Text: "Pembuka.", Blocks: []Block{{ID: "p-1", Text: "Pembuka."}}}
	rule := func(text string) Section {
		return Section{
			ID: "ketentuan", Heading: "Ketentuan", HTML: "<h2 id=\"ketentuan\">Ketentuan</h2>\n<p>" + text + "</p>\n",
			Text:   text + "\n\n- satu\n- dua",
			Blocks: []Block{{ID: "p-ketentuan-1", Text: text}, {ID: "p-ketentuan-2", Text: "- satu\n- dua"}},
		}
	}
	p := &Policy{Region: "kota-a", Slug: "formasi", Title: "Formasi", Current: "v2", URL: "/kota-a/formasi/"}
	p.Versions = []*Version{
		{Region: "kota-a", Policy: "formasi", Slug: "v1", Label: "v1", Title: "Formasi", Status: "diganti", Tags: []string{}, URL: "/kota-a/formasi/v1/", Short: "aaaaaaa",
			Sections: []Section{intro, rule("Formasi ditetapkan tiap tahun.")}},
		{Region: "kota-a", Policy: "formasi", Slug: "v2", Label: "v2", Title: "Formasi", Status: "berlaku", Current: true, Tags: []string{"formasi"},
			URL: "/kota-a/formasi/v2/", Short: "bbbbbbb", Prev: "v1", Sections: []Section{intro, rule("Formasi ditetapkan tiap semester.")}},
	}
	c := &Catalog{Format: Format, Title: "Situs", Language: "id", BaseURL: "https://contoh.go.id",
		Regions: []*Region{{Slug: "kota-a", Name: "A", Kind: "kota", Province: "Banten", URL: "/kota-a/", Policies: []*Policy{p}}}}
	c.index()
	return c
}

func TestRoundTrip(t *testing.T) {
	want := sample()
	path := filepath.Join(t.TempDir(), FileName)
	data, err := want.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Catalog{})); diff != "" {
		t.Errorf("catalog read back differs (-wrote +read):\n%s", diff)
	}
	if v := got.Version("kota-a", "formasi", ""); v == nil || v.Slug != "v2" {
		t.Errorf("current version after reading = %v, want v2", v)
	}
	if v := got.ByShort("bbbbbbb"); v == nil || v.Slug != "v2" {
		t.Errorf("ByShort after reading = %v, want v2", v)
	}
}

// TestSharedSectionsOnce checks that a section two versions share is written
// once.
func TestSharedSectionsOnce(t *testing.T) {
	data, err := sample().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte("Pembuka.</p>")); n != 1 {
		t.Errorf("the shared section's HTML is written %d times, want once:\n%s", n, data)
	}
	if n := bytes.Count(data, []byte("Formasi ditetapkan tiap")); n != 4 { // HTML and block, in each of two sections
		t.Errorf("the changed section's text is written %d times, want 4", n)
	}
}

func TestReadRefuses(t *testing.T) {
	good, err := sample().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"empty":        "",
		"old format":   strings.Replace(string(good), fmt.Sprintf(`"format":%d`, Format), `"format":2`, 1),
		"truncated":    string(good[:len(good)/2]),
		"bad index":    strings.Replace(string(good), `"sections":[0,1]`, `"sections":[0,7]`, 1),
		"null version": strings.Replace(string(good), `"versions":[{`, `"versions":[null,{`, 1),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if data == string(good) {
				t.Fatal("the test's edit did not apply")
			}
			if _, err := decode(strings.NewReader(data)); err == nil {
				t.Error("decode accepted a bad catalog file")
			}
		})
	}
}
