package peraturan

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// parse parses src in the regulation form and returns its tree and problems.
func parse(t testing.TB, src []byte) (ast.Node, []Problem, goldmark.Markdown) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(Extension(Labels{})))
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	return doc, Problems(pc), md
}

func TestUnits(t *testing.T) {
	src, err := os.ReadFile("testdata/contoh.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, probs, _ := parse(t, src)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	var got []string
	for _, u := range Units(doc) {
		s := u.ID + " | " + u.Cite()
		if u.Deleted {
			s += " | dihapus"
		}
		got = append(got, s)
	}
	want := []string{
		"menimbang | konsiderans Menimbang",
		"menimbang-huruf-a | konsiderans Menimbang huruf a",
		"menimbang-huruf-b | konsiderans Menimbang huruf b",
		"mengingat | konsiderans Mengingat",
		"mengingat-angka-1 | konsiderans Mengingat angka 1",
		"mengingat-angka-2 | konsiderans Mengingat angka 2",
		"menetapkan | bagian Menetapkan",
		"bab-1 | BAB I",
		"pasal-1 | Pasal 1",
		"pasal-1-angka-1 | Pasal 1 angka 1",
		"pasal-1-angka-2 | Pasal 1 angka 2",
		"bab-2 | BAB II",
		"bab-2-bagian-1 | Bagian Kesatu",
		"pasal-2 | Pasal 2",
		"pasal-2-ayat-1 | Pasal 2 ayat (1)",
		"pasal-2-ayat-2 | Pasal 2 ayat (2)",
		"pasal-2-ayat-2-huruf-a | Pasal 2 ayat (2) huruf a",
		"pasal-2-ayat-2-huruf-b | Pasal 2 ayat (2) huruf b",
		"pasal-2-ayat-2-huruf-c | Pasal 2 ayat (2) huruf c",
		"pasal-2-ayat-2a | Pasal 2 ayat (2a)",
		"pasal-2a | Pasal 2A",
		"pasal-3 | Pasal 3 | dihapus",
		"penutup | bagian Penutup",
		"penjelasan | Penjelasan",
		"penjelasan-umum | Penjelasan Umum",
		"penjelasan-pasal-1 | Penjelasan Pasal 1",
		"penjelasan-pasal-2 | Penjelasan Pasal 2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("units (-want +got):\n%s", diff)
	}
}

func TestRender(t *testing.T) {
	src, err := os.ReadFile("testdata/contoh.md")
	if err != nil {
		t.Fatal(err)
	}
	_, _, md := parse(t, src)
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<section class="unit unit-pasal" id="pasal-2">`,
		`<li class="unit unit-huruf" id="pasal-2-ayat-2-huruf-b"><span class="unit-num">b.</span> seleksi kompetensi dasar; dan`,
		`<a href="#pasal-2-ayat-1" class="ref">ayat (1)</a>`,
		`<a href="#pasal-1-angka-2" class="ref">Pasal 1 angka 2</a>`,
		`<a href="#pasal-2-ayat-2-huruf-a" class="ref">ayat (2) huruf a</a> sampai dengan <a href="#pasal-2-ayat-2-huruf-c" class="ref">huruf c</a>`,
		`<a href="#pasal-2-ayat-2-huruf-b" class="ref">Pasal 2 ayat (2) huruf b</a>`,
		`<a href="#menimbang-huruf-a"`,
		`<p class="unit-explained"><a href="#penjelasan-pasal-2">Penjelasan Pasal 2</a></p>`,
		`<a href="#pasal-2-ayat-2-huruf-b" class="ref">ayat (2) huruf b</a> diselenggarakan`,
		`<section class="unit unit-pasal unit-deleted" id="pasal-3">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if strings.Contains(out, `href="#pasal-5"`) {
		t.Error("a Pasal of another instrument, cited in Mengingat, is linked")
	}
	if t.Failed() {
		t.Log(out)
	}
}

func TestProblems(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"a Pasal skipped", "### Pasal 1\nSatu.\n\n### Pasal 3\nTiga.\n",
			[]string{"4: Pasal 3 sesudah Pasal 1: Pasal 2 terlewat; perbaiki nomornya, atau tulis nomor sisipan seperti Pasal 1A"}},
		{"an inserted Pasal", "### Pasal 1\nSatu.\n\n### Pasal 1A\nSisipan.\n\n### Pasal 1B\nSisipan.\n\n### Pasal 2\nDua.\n", nil},
		{"ayat out of order", "### Pasal 1\n(2) Dua.\n(1) Satu.\n",
			[]string{"2: ayat (2) adalah yang pertama di sini; mulailah dari ayat (1)", "3: ayat (1) sesudah ayat (2): urutannya terbalik; periksa nomornya"}},
		{"a huruf skipped", "### Pasal 1\nMeliputi:\na. satu;\nc. tiga.\n",
			[]string{"4: huruf c sesudah huruf a: huruf b terlewat; perbaiki nomornya, atau tulis nomor sisipan seperti huruf a1"}},
		{"a Pasal written twice", "### Pasal 1\nSatu.\n\n### Pasal 1\nLagi.\n",
			[]string{"4: Pasal 1 ditulis dua kali (juga di baris 1); beri nomor berikutnya, atau nomor sisipan seperti Pasal 1A"}},
		{"a Pasal outside the BABs", "### Pasal 1\nSatu.\n\n## BAB I UMUM\n### Pasal 2\nDua.\n",
			[]string{"1: Pasal 1 di luar BAB, padahal naskah ini memakai BAB; letakkan di bawah judul BAB-nya"}},
		{"a penjelasan of no Pasal", "### Pasal 1\nSatu.\n\n## PENJELASAN\n### Pasal 1\nCukup jelas.\n### Pasal 4\nCukup jelas.\n",
			[]string{"7: penjelasan Pasal 4, padahal tidak ada Pasal 4; hapus penjelasannya atau perbaiki nomornya"}},
		{"an empty Pasal", "### Pasal 1\n\n### Pasal 2\nDua.\n",
			[]string{"1: Pasal 1 kosong; tulis isinya, atau \"Dihapus.\" bila ketentuannya dihapus"}},
		{"an empty ayat", "### Pasal 1\n(1)\n(2) Dua.\n",
			[]string{"2: ayat (1) kosong; tulis isinya, atau \"Dihapus.\" bila ketentuannya dihapus"}},
		{"a reference to no unit", "### Pasal 1\n(1) Satu.\n(2) Sebagaimana dimaksud pada ayat (3) dan Pasal 9 huruf a.\n",
			[]string{"3: rujukan ke Pasal 1 ayat (3), yang tidak ada di peraturan ini; perbaiki rujukannya", "3: rujukan ke Pasal 9 huruf a, yang tidak ada di peraturan ini; perbaiki rujukannya"}},
		{"a reference on the second line of its paragraph", "### Pasal 1\nSatu baris,\nlalu *tegas* Pasal 9 di sini.\n",
			[]string{"3: rujukan ke Pasal 9, yang tidak ada di peraturan ini; perbaiki rujukannya"}},
		{"a reference to another instrument", "### Pasal 1\nSebagaimana dimaksud dalam Pasal 9 Undang-Undang Nomor 20 Tahun 2023, dan Pasal 1 Peraturan Bupati ini.\n", nil},
		{"an item outside any Pasal", "(1) Lepas.\n",
			[]string{"1: ayat (1) di luar Pasal; tulis judul Pasal di atasnya (mis. \"### Pasal 1\")"}},
		{"a BAB skipped", "## BAB I SATU\n### Pasal 1\nSatu.\n## BAB III TIGA\n### Pasal 2\nDua.\n",
			[]string{"4: BAB III sesudah BAB I: BAB II terlewat; perbaiki nomornya, atau tulis nomor sisipan seperti BAB IA"}},
		{"Bagian in order", "## BAB I SATU\n### Bagian Kesatu Umum\n### Pasal 1\nSatu.\n### Bagian Kedua Lain\n### Pasal 2\nDua.\n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, _ := parse(t, []byte(tt.src))
			var got []string
			for _, p := range probs {
				got = append(got, fmt.Sprintf("%d: %s", p.Line, p.Message))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRepeatedNumberID checks that a number written twice gives the second
// unit an id of its own, not the id of the unit numbered after it.
func TestRepeatedNumberID(t *testing.T) {
	doc, _, _ := parse(t, []byte("### Pasal 1\nSatu.\n\n### Pasal 1\nLagi.\n\n### Pasal 2\nDua.\n"))
	var ids []string
	for _, u := range Units(doc) {
		ids = append(ids, u.ID)
	}
	if diff := cmp.Diff([]string{"pasal-1", "pasal-1-2", "pasal-2"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	src, err := os.ReadFile("testdata/contoh.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte("### Pasal 1\n(1) a. 1. a) 1) x\n## PENJELASAN\n### Pasal 1\nayat (1) huruf a sampai dengan huruf z\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, _, md := parse(t, src)
		for _, u := range Units(doc) {
			if u.ID == "" {
				t.Fatalf("a unit without an id: %+v", u)
			}
		}
		var buf bytes.Buffer
		if err := md.Convert(src, &buf); err != nil {
			t.Fatal(err)
		}
	})
}
