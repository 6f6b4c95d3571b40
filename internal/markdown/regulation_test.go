package markdown

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRenderRegulation(t *testing.T) {
	src, err := os.ReadFile("../peraturan/testdata/contoh.md")
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(Options{}).RenderRegulation(src, "/contoh/perbup/v1/")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems: %v", res.Problems)
	}
	var toc []string
	for _, h := range res.TOC {
		toc = append(toc, strings.Repeat(" ", h.Level-2)+h.ID+" "+h.Text)
	}
	wantTOC := []string{
		"menimbang Menimbang", "mengingat Mengingat", "menetapkan Menetapkan",
		"bab-1 BAB I KETENTUAN UMUM", " pasal-1 Pasal 1",
		"bab-2 BAB II PENGADAAN", " pasal-2 Pasal 2", " pasal-2a Pasal 2A", " pasal-3 Pasal 3",
		"penutup Penutup", "penjelasan Penjelasan",
	}
	if diff := cmp.Diff(wantTOC, toc); diff != "" {
		t.Errorf("table of contents (-want +got):\n%s", diff)
	}
	var secs []string
	for _, s := range res.Sections {
		secs = append(secs, s.ID+" "+s.Heading)
	}
	wantSecs := []string{"menimbang Menimbang", "mengingat Mengingat", "menetapkan Menetapkan", "pasal-1 Pasal 1", "pasal-2 Pasal 2",
		"pasal-2a Pasal 2A", "pasal-3 Pasal 3", "penutup Penutup", "penjelasan-umum Penjelasan Umum",
		"penjelasan-pasal-1 Penjelasan Pasal 1", "penjelasan-pasal-2 Penjelasan Pasal 2"}
	if diff := cmp.Diff(wantSecs, secs); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	pasal2 := res.Sections[4]
	if !strings.HasPrefix(string(pasal2.HTML), `<section class="unit unit-pasal" id="pasal-2">`) || !strings.Contains(string(res.HTML), string(pasal2.HTML)) {
		t.Errorf("the section of Pasal 2 is not its unit as the body has it:\n%s", pasal2.HTML)
	}
	var blocks []string
	for _, b := range pasal2.Blocks {
		blocks = append(blocks, b.ID)
	}
	if diff := cmp.Diff([]string{"pasal-2-ayat-1", "pasal-2-ayat-2", "pasal-2-ayat-2-huruf-a", "pasal-2-ayat-2-huruf-b", "pasal-2-ayat-2-huruf-c", "pasal-2-ayat-2a"}, blocks); diff != "" {
		t.Errorf("blocks of Pasal 2 (-want +got):\n%s", diff)
	}
	var b Unit
	for _, u := range res.Units {
		if u.ID == "pasal-2-ayat-2-huruf-b" {
			b = u
		}
	}
	if b.Cite != "Pasal 2 ayat (2) huruf b" || b.Text != "seleksi kompetensi dasar; dan" || res.Units[b.Parent].ID != "pasal-2-ayat-2" {
		t.Errorf("huruf b: %+v", b)
	}
	if !strings.Contains(string(res.HTML), `<a href="#pasal-2-ayat-1" class="ref">ayat (1)</a>`) {
		t.Error("a reference is not a link in the body")
	}
}

func TestRenderRegulationProblems(t *testing.T) {
	res, err := New(Options{}).RenderRegulation([]byte("### Pasal 1\nSatu.\n\n### Pasal 3\nTiga, sebagaimana dimaksud dalam Pasal 9.\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Message)
	}
	if len(got) != 2 || !strings.Contains(got[0], "Pasal 2 terlewat") || !strings.Contains(got[1], "rujukan ke Pasal 9") {
		t.Errorf("problems: %q", got)
	}
}
