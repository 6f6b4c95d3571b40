package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/catalog"
)

// pCutiLengkap is a Pasal of four ayat.
var pCutiLengkap = []string{
	"(1) Pegawai berhak atas cuti tahunan selama 12 (dua belas) hari kerja.",
	"(2) Cuti tahunan diajukan secara tertulis kepada atasan langsung.",
	"(3) Cuti sakit diberikan berdasarkan surat keterangan dokter.",
	"(4) Cuti besar diberikan setelah 5 (lima) tahun bekerja terus-menerus.",
}

// with returns lines with line i replaced by line.
func with(lines []string, i int, line string) []string {
	out := slices.Clone(lines)
	out[i] = line
	return out
}

// plus returns lines with more inserted before line i.
func plus(lines []string, i int, more ...string) []string {
	return slices.Insert(slices.Clone(lines), i, more...)
}

// without returns lines without line i.
func without(lines []string, i int) []string {
	return slices.Delete(slices.Clone(lines), i, i+1)
}

// base is the version of a regulation that the tests of Amendments amend.
func base() []catalog.Section {
	return regs(
		unit("menimbang", "Menimbang",
			"a. bahwa pengelolaan pegawai perlu diatur;",
			"b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati tentang Pengelolaan Kepegawaian;"),
		unit("mengingat", "Mengingat", "1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;"),
		unit("menetapkan", "Menetapkan", "PERATURAN BUPATI TENTANG PENGELOLAAN KEPEGAWAIAN."),
		pasal("1", pDefinisi...),
		pasal("2", pPengadaan...),
		pasal("3", pPelatihan...),
		pasal("4", pCutiLengkap...),
		pasal("5", pMutasi...),
		unit("penutup", "Penutup", "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."),
		unit("penjelasan-umum", "Penjelasan Umum", "Peraturan ini mengatur pengelolaan pegawai."),
		unit("penjelasan-pasal-1", "Penjelasan Pasal 1", "Cukup jelas."),
		unit("penjelasan-pasal-2", "Penjelasan Pasal 2", "Ayat (1) cukup jelas."),
	)
}

// edit returns base with the section of the given id replaced by s, or
// removed when s has no id, and with the sections of after inserted after
// it.
func edit(id string, s catalog.Section, after ...catalog.Section) []catalog.Section {
	var out []catalog.Section
	for _, t := range base() {
		if t.ID != id {
			out = append(out, t)
			continue
		}
		if s.ID != "" {
			out = append(out, s)
		}
		out = append(out, after...)
	}
	return out
}

func TestAmendments(t *testing.T) {
	const (
		sehingga = " berbunyi sebagai berikut:"
	)
	p2A, p2B := pasal("2A", pSanksi...), pasal("2B", pHonor...)
	tests := []struct {
		name string
		new  []catalog.Section
		want []Amendment // where Text is "" but for a deletion, any text
	}{
		{"unchanged", base(), nil},
		{
			"inserted Pasal",
			edit("pasal-2", pasal("2", pPengadaan...), p2A),
			[]Amendment{{
				"Di antara Pasal 2 dan Pasal 3 disisipkan 1 (satu) pasal, yakni Pasal 2A, yang berbunyi sebagai berikut:",
				"pasal-2a", "Pasal 2A\n" + pSanksi[0],
			}},
		},
		{
			"several inserted in a row",
			edit("pasal-2", pasal("2", pPengadaan...), p2A, p2B),
			[]Amendment{{
				"Di antara Pasal 2 dan Pasal 3 disisipkan 2 (dua) pasal, yakni Pasal 2A dan Pasal 2B, yang berbunyi sebagai berikut:",
				"pasal-2a", "Pasal 2A\n" + pSanksi[0] + "\n\nPasal 2B\n" + pHonor[0],
			}},
		},
		{
			"added at the end",
			edit("pasal-5", pasal("5", pMutasi...), pasal("6", pHonor...)),
			[]Amendment{{
				"Setelah Pasal 5 ditambahkan 1 (satu) pasal, yakni Pasal 6, yang berbunyi sebagai berikut:",
				"pasal-6", "Pasal 6\n" + pHonor[0],
			}},
		},
		{
			"deleted by Dihapus.",
			edit("pasal-3", pasal("3", "Dihapus.")),
			[]Amendment{{"Pasal 3 dihapus.", "pasal-3", ""}},
		},
		{
			"dropped outright",
			edit("pasal-3", catalog.Section{}),
			[]Amendment{{"Pasal 3 dihapus.", "pasal-3", ""}},
		},
		{
			"a changed huruf",
			edit("pasal-2", pasal("2", with(pPengadaan, 4, "c. seleksi kompetensi bidang dan wawancara.")...)),
			[]Amendment{{
				"Ketentuan Pasal 2 ayat (2) huruf c diubah, sehingga Pasal 2" + sehingga, "pasal-2",
				"Pasal 2\n" + pPengadaan[0] + "\n" + pPengadaan[1] + "\n   " + pPengadaan[2] + "\n   " + pPengadaan[3] + "\n   c. seleksi kompetensi bidang dan wawancara.\n" + pPengadaan[5],
			}},
		},
		{
			"two huruf of one ayat",
			edit("pasal-2", pasal("2", with(with(pPengadaan, 2, "a. seleksi berkas;"), 4, "c. wawancara.")...)),
			[]Amendment{{"Ketentuan Pasal 2 ayat (2) huruf a dan huruf c diubah, sehingga Pasal 2" + sehingga, "pasal-2", ""}},
		},
		{
			"two ayat",
			edit("pasal-2", pasal("2", with(with(pPengadaan, 0, "(1) Pengadaan pegawai dilaksanakan melalui seleksi terbuka dan kompetitif."), 5, "(3) Hasil seleksi diumumkan.")...)),
			[]Amendment{{"Ketentuan Pasal 2 ayat (1) dan ayat (3) diubah, sehingga Pasal 2" + sehingga, "pasal-2", ""}},
		},
		{
			"three ayat",
			edit("pasal-4", pasal("4", "(1) Cuti tahunan 14 hari.", "(2) Cuti diajukan.", "(3) Cuti sakit.", pCutiLengkap[3])),
			[]Amendment{{"Ketentuan Pasal 4 ayat (1), ayat (2), dan ayat (3) diubah, sehingga Pasal 4" + sehingga, "pasal-4", ""}},
		},
		{
			"an ayat and a huruf of another",
			edit("pasal-2", pasal("2", with(with(pPengadaan, 0, "(1) Pengadaan dilaksanakan."), 3, "b. seleksi kompetensi;")...)),
			[]Amendment{{"Ketentuan Pasal 2 ayat (1) dan ayat (2) huruf b diubah, sehingga Pasal 2" + sehingga, "pasal-2", ""}},
		},
		{
			"an ayat whose own text changed covers its huruf",
			edit("pasal-2", pasal("2", with(with(pPengadaan, 1, "(2) Seleksi meliputi:"), 3, "b. seleksi kompetensi;")...)),
			[]Amendment{{"Ketentuan Pasal 2 ayat (2) diubah, sehingga Pasal 2" + sehingga, "pasal-2", ""}},
		},
		{
			"every block changed",
			edit("pasal-3", pasal("3", "(1) Pegawai wajib mengikuti pelatihan.", "(2) Pelatihan diselenggarakan BKPSDM.")),
			[]Amendment{{"Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:", "pasal-3", "Pasal 3\n(1) Pegawai wajib mengikuti pelatihan.\n(2) Pelatihan diselenggarakan BKPSDM."}},
		},
		{
			"the Pasal's own text changed",
			edit("pasal-1", pasal("1", with(pDefinisi, 0, "Dalam Peraturan ini yang dimaksud dengan:")...)),
			[]Amendment{{"Ketentuan Pasal 1 diubah sehingga berbunyi sebagai berikut:", "pasal-1", ""}},
		},
		{
			"an added ayat",
			edit("pasal-3", pasal("3", plus(pPelatihan, 2, "(3) Biaya pelatihan dibebankan pada anggaran daerah.")...)),
			[]Amendment{{"Ketentuan Pasal 3 ditambah 1 (satu) ayat, yakni ayat (3), sehingga Pasal 3" + sehingga, "pasal-3", ""}},
		},
		{
			"an added ayat with its huruf is one ayat",
			edit("pasal-3", pasal("3", plus(pPelatihan, 2, "(3) Pelatihan meliputi:", "a. pelatihan teknis; dan", "b. pelatihan fungsional.")...)),
			[]Amendment{{"Ketentuan Pasal 3 ditambah 1 (satu) ayat, yakni ayat (3), sehingga Pasal 3" + sehingga, "pasal-3", ""}},
		},
		{
			"a changed huruf, two added huruf and an added ayat",
			edit("pasal-2", pasal("2", plus(with(pPengadaan, 4, "c. seleksi kompetensi bidang;"), 5,
				"d. seleksi psikologi; dan", "e. wawancara.", "(2a) Seleksi dapat dilakukan dengan bantuan komputer.")...)),
			[]Amendment{{
				"Ketentuan Pasal 2 ayat (2) huruf c diubah, ayat (2) ditambah 2 (dua) huruf, yakni huruf d dan huruf e, " +
					"dan ditambah 1 (satu) ayat, yakni ayat (2a), sehingga Pasal 2" + sehingga,
				"pasal-2", "",
			}},
		},
		{
			"a changed and an added ayat",
			edit("pasal-4", pasal("4", plus(with(pCutiLengkap, 0, "(1) Pegawai berhak atas cuti tahunan selama 14 (empat belas) hari kerja."), 4, "(5) Cuti bersalin diberikan paling lama 3 (tiga) bulan.")...)),
			[]Amendment{{"Ketentuan Pasal 4 ayat (1) diubah dan ditambah 1 (satu) ayat, yakni ayat (5), sehingga Pasal 4" + sehingga, "pasal-4", ""}},
		},
		{
			"a removed ayat",
			edit("pasal-4", pasal("4", without(pCutiLengkap, 3)...)),
			[]Amendment{{"Ketentuan Pasal 4 ayat (4) dihapus, sehingga Pasal 4" + sehingga, "pasal-4", "Pasal 4\n" + pCutiLengkap[0] + "\n" + pCutiLengkap[1] + "\n" + pCutiLengkap[2]}},
		},
		{
			"an ayat become Dihapus.",
			edit("pasal-4", pasal("4", with(pCutiLengkap, 2, "(3) Dihapus.")...)),
			[]Amendment{{"Ketentuan Pasal 4 ayat (3) dihapus, sehingga Pasal 4" + sehingga, "pasal-4", ""}},
		},
		{
			"added, changed and removed",
			edit("pasal-4", pasal("4", plus(with(without(pCutiLengkap, 3), 1, "(2) Cuti diajukan kepada atasan."), 3, "(5) Cuti bersalin tiga bulan.")...)),
			[]Amendment{{"Ketentuan Pasal 4 ayat (2) diubah, ditambah 1 (satu) ayat, yakni ayat (5), dan ayat (4) dihapus, sehingga Pasal 4" + sehingga, "pasal-4", ""}},
		},
		{
			"added and removed",
			edit("pasal-4", pasal("4", plus(without(pCutiLengkap, 3), 3, "(5) Cuti bersalin tiga bulan.")...)),
			[]Amendment{{"Ketentuan Pasal 4 ditambah 1 (satu) ayat, yakni ayat (5), dan ayat (4) dihapus, sehingga Pasal 4" + sehingga, "pasal-4", ""}},
		},
		{
			"a Pasal dropped that was Dihapus.",
			edit("pasal-3", catalog.Section{}),
			nil,
		},
		{
			"a Pasal that was Dihapus. restored",
			base(),
			[]Amendment{{"Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:", "pasal-3", "Pasal 3\n" + pPelatihan[0] + "\n" + pPelatihan[1]}},
		},
		{
			"a changed huruf of the konsiderans",
			edit("menimbang", unit("menimbang", "Menimbang",
				"a. bahwa pengelolaan pegawai perlu diatur;",
				"b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati tentang Manajemen Kepegawaian;")),
			[]Amendment{{"Ketentuan konsiderans Menimbang huruf b diubah, sehingga konsiderans Menimbang" + sehingga, "menimbang", ""}},
		},
		{
			"the penjelasan of a Pasal",
			edit("penjelasan-pasal-2", unit("penjelasan-pasal-2", "Penjelasan Pasal 2", "Ayat (1) cukup jelas. Seleksi pada ayat (2) huruf b diselenggarakan bersama BKN.")),
			[]Amendment{{"Penjelasan Pasal 2 diubah sehingga berbunyi sebagai berikut:", "penjelasan-pasal-2", "Penjelasan Pasal 2\nAyat (1) cukup jelas. Seleksi pada ayat (2) huruf b diselenggarakan bersama BKN."}},
		},
		{
			"the penjelasan of an inserted Pasal",
			edit("penjelasan-pasal-2", unit("penjelasan-pasal-2", "Penjelasan Pasal 2", "Ayat (1) cukup jelas."), unit("penjelasan-pasal-2a", "Penjelasan Pasal 2A", "Cukup jelas.")),
			[]Amendment{{"Ditambahkan Penjelasan Pasal 2A yang berbunyi sebagai berikut:", "penjelasan-pasal-2a", "Penjelasan Pasal 2A\nCukup jelas."}},
		},
		{
			"an opening before the first heading",
			append(regs(unit("", "", "BUPATI MAMUJU,")), base()...),
			[]Amendment{{"Ditambahkan bagian pembukaan yang berbunyi sebagai berikut:", "", "BUPATI MAMUJU,"}},
		},
		{
			"a dropped penjelasan",
			edit("penjelasan-pasal-1", catalog.Section{}),
			[]Amendment{{"Penjelasan Pasal 1 dihapus.", "penjelasan-pasal-1", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := base()
			if strings.Contains(tt.name, "was Dihapus.") {
				old = edit("pasal-3", pasal("3", "Dihapus."))
			}
			got := Amendments(old, tt.new)
			for i := range tt.want {
				if tt.want[i].Text == "" && !strings.HasSuffix(tt.want[i].Instruction, " dihapus.") && i < len(got) {
					tt.want[i].Text = got[i].Text
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Amendments (-want +got):\n%s", diff)
			}
		})
	}
}
