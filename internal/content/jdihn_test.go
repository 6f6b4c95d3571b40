package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// complete is the front matter of an instrument with every field JDIHN requires.
const complete = "title: P\ntype: perwal\nnumber: \"12\"\nyear: 2025\nenacted: 2025-06-16\npromulgated: 2025-06-17\n" +
	"gazette: Berita Daerah Kota R Tahun 2025 Nomor 12\nfield: Hukum Administrasi Negara\nsubjects: [Kepegawaian]\n" +
	"abstract: ABSTRAK\noriginal: v1.pdf\n"

func TestJDIHNWarnings(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"complete", fstest.MapFS{"r/p/v1.md": file("---\n" + complete + "---\n"), "r/p/v1.pdf": file(pdf)}, nil},
		{"not an instrument", fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\n---\n")}, nil},
		{
			"a draft",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\ntype: perwal\nstatus: draft\n---\n")},
			nil,
		},
		{
			"a fictional region",
			fstest.MapFS{
				"r/_index.md": file("---\nname: R\nkind: kota\nfictional: true\n---\n"),
				"r/p/v1.md":   file("---\ntitle: P\ntype: perwal\n---\n"),
			},
			nil,
		},
		{
			"only the type",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\ntype: perwal\n---\n")},
			[]string{
				`content/r/p/v1.md:3: peringatan: JDIHN: number belum diisi; tulis nomor peraturannya, mis. number: "12"`,
				`content/r/p/v1.md:3: peringatan: JDIHN: year belum diisi; tulis tahun peraturannya, mis. year: 2025`,
				`content/r/p/v1.md:3: peringatan: JDIHN: enacted belum diisi; tulis tanggal penetapan, mis. enacted: 2025-06-16`,
				`content/r/p/v1.md:3: peringatan: JDIHN: promulgated belum diisi; tulis tanggal pengundangan, mis. promulgated: 2025-06-17`,
				`content/r/p/v1.md:3: peringatan: JDIHN: gazette belum diisi; tulis tempat pengundangannya, mis. gazette: "Berita Daerah Kabupaten Mamuju Tahun 2025 Nomor 12"`,
				`content/r/p/v1.md:3: peringatan: JDIHN: field belum diisi; tulis bidang hukumnya, mis. field: "Hukum Administrasi Negara"`,
				`content/r/p/v1.md:3: peringatan: JDIHN: subjects belum diisi; tulis subjeknya, mis. subjects: [Kepegawaian], atau beri tags`,
				`content/r/p/v1.md:3: peringatan: JDIHN: abstract belum diisi; tulis abstraknya (ABSTRAK, Dasar Hukum, materi pokok, CATATAN)`,
				`content/r/p/v1.md:3: peringatan: JDIHN: original belum diisi; letakkan PDF naskah asli yang ditandatangani di samping berkas versi dan tulis original: "v1.pdf"`,
			},
		},
		{
			"malformed",
			fstest.MapFS{
				"r/p/v1.md": file("---\n" + strings.NewReplacer(
					"promulgated: 2025-06-17", "promulgated: 2026-01",
					"enacted: 2025-06-16", "enacted: 2025-06",
					"Berita Daerah Kota R Tahun 2025 Nomor 12", "BD Kota R No. 12/2025",
					"subjects: [Kepegawaian]", "tags: [kepegawaian]",
				).Replace(complete) + "---\n"),
				"r/p/v1.pdf": file(pdf),
			},
			[]string{
				`content/r/p/v1.md:6: peringatan: JDIHN: enacted 2025-06 hanya bulan; JDIHN memerlukan tanggal lengkap YYYY-MM-DD`,
				`content/r/p/v1.md:7: peringatan: JDIHN: promulgated 2026-01 hanya bulan; JDIHN memerlukan tanggal lengkap YYYY-MM-DD`,
				`content/r/p/v1.md:8: peringatan: JDIHN: gazette "BD Kota R No. 12/2025" tidak berbentuk "Berita Daerah … Tahun … Nomor …" (atau "Lembaran Daerah …"), mis. "Berita Daerah Kabupaten Mamuju Tahun 2025 Nomor 12"`,
			},
		},
		{
			"years that disagree",
			fstest.MapFS{
				"r/p/v1.md":  file("---\n" + strings.NewReplacer("promulgated: 2025-06-17", "promulgated: 2026-01-02", "Tahun 2025", "Tahun 2024").Replace(complete) + "---\n"),
				"r/p/v1.pdf": file(pdf),
			},
			[]string{
				`content/r/p/v1.md:7: peringatan: JDIHN: promulgated 2026-01-02 tidak pada year 2025; tahun peraturan adalah tahun pengundangannya, periksa salah satunya`,
				`content/r/p/v1.md:8: peringatan: JDIHN: gazette "Berita Daerah Kota R Tahun 2024 Nomor 12" bukan tahun 2025, tahun peraturan ini; periksa salah satunya`,
			},
		},
		{
			"a form with no JDIHN type",
			fstest.MapFS{"r/p/v1.md": file("---\n" + strings.Replace(complete, "type: perwal", "type: lainnya", 1) + "---\n"), "r/p/v1.pdf": file(pdf)},
			[]string{`content/r/p/v1.md:3: peringatan: JDIHN: type "lainnya" tidak memiliki jenis dalam JDIHN; pilih jenis peraturannya, mis. perbup`},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range loadProblems(t, validTree(tt.files)) {
				if strings.Contains(p, "JDIHN") {
					got = append(got, p)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("JDIHN warnings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
