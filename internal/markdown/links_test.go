package markdown

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestImagesAndLinks(t *testing.T) {
	src := "## Bagan\n\nLihat bagan:\n![Bagan organisasi](bagan.png \"Bagan\")\n\n" +
		"![](./peta.svg) dan ![luar](https://contoh.example/a.png)\n\n" +
		"[naskah asli](v1.pdf), [pasal](#pasal-1), [versi lain](../v2/), [situs](/mamuju/)\n"
	doc, err := New(Options{}).RenderAt([]byte(src), "/r/p/v1/")
	if err != nil {
		t.Fatal(err)
	}
	wantImages := []Link{{"bagan.png", 4}, {"./peta.svg", 6}, {"https://contoh.example/a.png", 6}}
	if diff := cmp.Diff(wantImages, doc.Images); diff != "" {
		t.Errorf("images (-want +got):\n%s", diff)
	}
	wantLinks := []Link{{"v1.pdf", 8}, {"#pasal-1", 8}, {"../v2/", 8}, {"/mamuju/", 8}}
	if diff := cmp.Diff(wantLinks, doc.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		`<img src="/r/p/v1/bagan.png" alt="Bagan organisasi" title="Bagan">`,
		`<img src="/r/p/v1/peta.svg" alt="">`,
		`<img src="https://contoh.example/a.png" alt="luar">`,
		`<a href="/r/p/v1/v1.pdf">naskah asli</a>`,
		`<a href="#pasal-1">pasal</a>`,
		`<a href="/r/p/v1/../v2/">versi lain</a>`,
		`<a href="/mamuju/">situs</a>`,
	} {
		if !strings.Contains(string(doc.HTML), want) {
			t.Errorf("HTML lacks %s:\n%s", want, doc.HTML)
		}
	}
	plain, err := New(Options{}).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<img src="bagan.png"`; !strings.Contains(string(plain.HTML), want) {
		t.Errorf("without a base the source changed:\n%s", plain.HTML)
	}
}

// TestBaseNeverHidesAScheme: a destination with a scheme in any form is never
// taken for a path, so the renderer still neutralises it.
func TestBaseNeverHidesAScheme(t *testing.T) {
	for _, dest := range []string{
		"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x73;cript:alert(1)", "java\\&#x73;cript:x",
		" javascript:alert(1)", "data:image/svg+xml,x", "\\\\evil.example/x", "//evil.example/x",
	} {
		doc, err := New(Options{}).RenderAt([]byte("[a](<"+dest+">) ![b](<"+dest+">)\n"), "/r/p/v1/")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(doc.HTML), "/r/p/v1/") {
			t.Errorf("%q was resolved against the base: %s", dest, doc.HTML)
		}
	}
}
