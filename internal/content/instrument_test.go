package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/legal"
)

const pdf = "%PDF-1.7\n%…\n"

func TestInstrument(t *testing.T) {
	fsys := validTree(fstest.MapFS{
		"r/p/v1.md": file("---\ntitle: Pengelolaan ASN\ntype: perwal\nnumber: 12A\nyear: 2025\n" +
			"enacted: 2025-04-01\npromulgated: 2025-04-02\nplace: Mamuju\n" +
			"gazette: Berita Daerah Kabupaten Contoh Tahun 2025 Nomor 12\nsubjects: [Kepegawaian, ASN]\n" +
			"field: Hukum Kepegawaian\ninitiator: BKPSDM\nsigner: Bupati Contoh\nabstract: |\n  ABSTRAK\n  Isi.\n" +
			"original: v1.pdf\namends: [r/q@v1]\nrelated: [Peraturan Pemerintah Nomor 11 Tahun 2017]\n---\n"),
		"r/p/v1.pdf": file(pdf),
		"r/q/v1.md":  file("+++\ntitle = 'Q'\ntype = 'perwal'\nnumber = '3'\nyear = 2024\n+++\n"),
	})
	tree, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	want := Instrument{
		Type: "perwal", Number: "12A", Year: 2025,
		Enacted: legal.Date{Year: 2025, Month: 4, Day: 1}, Promulgated: legal.Date{Year: 2025, Month: 4, Day: 2},
		Place: "Mamuju", Gazette: "Berita Daerah Kabupaten Contoh Tahun 2025 Nomor 12",
		Subjects: []string{"Kepegawaian", "ASN"}, Field: "Hukum Kepegawaian", Initiator: "BKPSDM",
		Signer: "Bupati Contoh", Abstract: "ABSTRAK\nIsi.", Original: "v1.pdf", OriginalLine: 17, TypeLine: 3,
	}
	v := tree.Regions[0].Policies[0].Versions[0]
	if diff := cmp.Diff(want, v.Instrument); diff != "" {
		t.Errorf("instrument mismatch (-want +got):\n%s", diff)
	}
	rels := []Relation{{Amends, "r/q@v1", 18}, {Related, "Peraturan Pemerintah Nomor 11 Tahun 2017", 19}}
	if diff := cmp.Diff(rels, v.Relations); diff != "" {
		t.Errorf("relations mismatch (-want +got):\n%s", diff)
	}
	if q := tree.Regions[0].Policies[1].Versions[0]; q.Year != 2024 || q.Number != "3" {
		t.Errorf("TOML: number %q, year %d; want 3, 2024", q.Number, q.Year)
	}
}

func TestInstrumentProblems(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{
			"type near miss",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\ntype: perbub\n---\n")},
			[]string{`content/r/p/v1.md:3: type "perbub" tidak dikenal (maksud Anda "perbup"?)`},
		},
		{
			"form of another kind of region",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\ntype: kepbup\n---\n")},
			[]string{`content/r/p/v1.md:3: type "kepbup" adalah Keputusan Bupati, tetapi R sebuah kota; maksud Anda "kepwal" (Keputusan Wali Kota)?`},
		},
		{
			"type far from any",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\ntype: undang-undang\n---\n")},
			[]string{`content/r/p/v1.md:3: type "undang-undang" tidak dikenal (pilihan: perda, perbup, perwal, pergub, kepbup, kepwal, kepgub, se, instruksi, lainnya)`},
		},
		{
			"number with the year",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nnumber: 12/2025\n---\n")},
			[]string{`content/r/p/v1.md:3: number "12/2025" tidak valid: tulis nomornya saja, angka dengan satu huruf akhiran bila ada (mis. "12" atau "12A")`},
		},
		{
			"year not a year",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nyear: '25'\n---\n")},
			[]string{`content/r/p/v1.md:3: year "25" bukan tahun (empat angka, mis. 2025)`},
		},
		{
			"a number two policies use",
			fstest.MapFS{
				"r/p/v1.md": file("---\ntitle: P\ntype: perwal\nnumber: \"3\"\nyear: 2024\n---\n"),
				"r/q/v1.md": file("---\ntitle: Q\ntype: perwal\nnumber: \"3\"\nyear: 2024\n---\n"),
			},
			nil, // a warning: see TestInstrumentNumberUsedTwice
		},
		{
			"form not a form",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nform: perda\n---\n")},
			[]string{`content/r/p/v1.md:3: form "perda" tidak dikenal (pilihan: prose, peraturan)`},
		},
		{
			"year a list",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nyear: [2025]\n---\n")},
			[]string{`content/r/p/v1.md:3: year harus berupa tahun, bukan daftar`},
		},
		{
			"promulgated before enacted",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nenacted: 2025-04-02\npromulgated: 2025-04-01\n---\n")},
			[]string{`content/r/p/v1.md:4: promulgated 2025-04-01 sebelum enacted 2025-04-02: peraturan diundangkan pada atau setelah tanggal penetapannya`},
		},
		{
			"enacted not a date",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nenacted: 1 April 2025\n---\n")},
			[]string{`content/r/p/v1.md:3: tanggal "1 April 2025" tidak valid (gunakan YYYY-MM-DD atau YYYY-MM)`},
		},
		{
			"original missing",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\noriginal: v1.pdf\n---\n")},
			[]string{`content/r/p/v1.md:3: original "v1.pdf" tidak ditemukan; letakkan PDF-nya di content/r/p/v1.pdf`},
		},
		{
			"original not a PDF",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\noriginal: v1.pdf\n---\n"), "r/p/v1.pdf": file("<html>")},
			[]string{`content/r/p/v1.md:3: original "v1.pdf" bukan PDF (berkas PDF diawali "%PDF-"); pasang berkas PDF naskah asli`},
		},
		{
			"original not a file name",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\noriginal: ../v1.pdf\n---\n")},
			[]string{`content/r/p/v1.md:3: original "../v1.pdf" tidak valid: nama berkas PDF di samping berkas versi, huruf kecil, angka dan -, mis. "v1.pdf"`},
		},
		{
			"PDF no version names",
			fstest.MapFS{"r/p/lampiran.pdf": file(pdf)},
			[]string{`content/r/p/lampiran.pdf: PDF ini tidak disebut original versi mana pun; tulis original: "lampiran.pdf" di front matter versinya, atau hapus berkasnya`},
		},
		{
			"reference to a missing region",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\namends: [s/p]\n---\n")},
			[]string{`content/r/p/v1.md:3: amends: tidak ada daerah "s" di konten (maksud Anda "r"?)`},
		},
		{
			"reference to a missing policy",
			fstest.MapFS{"r/q/v1.md": file("---\ntitle: Q\nimplements: [r/pp]\n---\n")},
			[]string{`content/r/q/v1.md:3: implements: daerah r tidak punya kebijakan "pp" (maksud Anda "p"?)`},
		},
		{
			"reference to a missing version",
			fstest.MapFS{"r/q/v1.md": file("---\ntitle: Q\nrevokes: [r/p@v2]\n---\n")},
			[]string{`content/r/q/v1.md:3: revokes: kebijakan r/p tidak punya versi "v2" (versinya: v1)`},
		},
		{
			"reference not a reference",
			fstest.MapFS{"r/q/v1.md": file("---\ntitle: Q\nrelated: [R/P]\n---\n")},
			[]string{`content/r/q/v1.md:3: related: "R/P" bukan rujukan yang sah: rujukan ke kebijakan di situs ini berbentuk DAERAH/KEBIJAKAN atau DAERAH/KEBIJAKAN@VERSI dengan nama direktori dan berkas (huruf kecil, angka, -); untuk instrumen di luar situs tulis kutipannya lengkap, mis. "Peraturan Bupati Mamuju Nomor 3 Tahun 2020"`},
		},
		{
			"reference to its own policy",
			fstest.MapFS{"r/p/v2.md": file("---\ntitle: P\namends: [r/p@v1]\n---\n")},
			[]string{`content/r/p/v2.md:3: amends: r/p adalah kebijakan versi ini sendiri; perubahan sebuah kebijakan ditulis sebagai versi baru di direktorinya (naskah revise), pencabutannya dengan status: revoked`},
		},
		{
			"published version relating to a draft",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\nstatus: draft\n---\n"), "r/q/v1.md": file("---\ntitle: Q\nimplements: [r/p]\n---\n")},
			[]string{`content/r/q/v1.md:3: implements: r/p masih rancangan, sedangkan versi ini terbit; rujuk versi yang terbit atau jadikan versi ini rancangan juga`},
		},
		{
			"cycle of amendments",
			fstest.MapFS{
				"r/p/v1.md": file("---\ntitle: P\namends: [r/q]\n---\n"),
				"r/q/v1.md": file("---\ntitle: Q\nrevokes: [r/s@v1]\n---\n"),
				"r/s/v1.md": file("---\ntitle: S\nrelated: [r/p]\namends: [r/p]\n---\n"),
			},
			[]string{`content/r/s/v1.md:4: amends: siklus perubahan dan pencabutan (r/p → r/q → r/s → r/p): sebuah kebijakan tidak dapat mengubah atau mencabut kebijakan yang mengubah atau mencabutnya; hapus salah satu relasi`},
		},
		{
			"empty relation",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\namends: ['']\n---\n")},
			[]string{`content/r/p/v1.md:3: amends: butir kosong`},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := loadProblems(t, validTree(tt.files))
			// Warnings about summaries are not what this test is about.
			var errs []string
			for _, p := range got {
				if !strings.Contains(p, "peringatan:") {
					errs = append(errs, p)
				}
			}
			if diff := cmp.Diff(tt.want, errs); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInstrumentNumberUsedTwice(t *testing.T) {
	got := loadProblems(t, validTree(fstest.MapFS{
		"r/p/v1.md": file("---\ntitle: P\ntype: perwal\nnumber: \"3\"\nyear: 2024\n---\n"),
		"r/p/v2.md": file("---\ntitle: P\ntype: perwal\nnumber: \"3\"\nyear: 2024\n---\n"),
		"r/q/v1.md": file("---\ntitle: Q\ntype: perwal\nnumber: \"3\"\nyear: 2024\n---\n"),
		"r/s/v1.md": file("---\ntitle: S\ntype: perwal\nnumber: \"3\"\nyear: 2025\n---\n"),
	}))
	want := `content/r/q/v1.md:3: peringatan: Peraturan Wali Kota Nomor 3 Tahun 2024 sudah dipakai kebijakan p; satu nomor hanya untuk satu produk hukum, periksa number dan year`
	n := 0
	for _, p := range got {
		if strings.Contains(p, "sudah dipakai") {
			n++
			if p != want {
				t.Errorf("got %s\nwant %s", p, want)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings of a number used twice, want 1 (two versions of one policy may share theirs): %q", n, got)
	}
}
