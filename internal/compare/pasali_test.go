package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPasalI(t *testing.T) {
	const perbup = "Peraturan Bupati Mamuju Nomor 12 Tahun 2025 tentang Pengelolaan Kepegawaian"
	changed := Amendment{
		"Ketentuan Pasal 2 ayat (1) diubah, sehingga Pasal 2 berbunyi sebagai berikut:", "pasal-2",
		"Pasal 2\n(1) Pengadaan dilaksanakan melalui seleksi.\n(2) Hasil seleksi diumumkan.",
	}
	inserted := Amendment{
		"Di antara Pasal 2 dan Pasal 3 disisipkan 2 (dua) pasal, yakni Pasal 2A dan Pasal 2B, yang berbunyi sebagai berikut:", "pasal-2a",
		"Pasal 2A\nCukup sekali.\n\nPasal 2B\nDua kali.",
	}
	deleted := Amendment{"Pasal 5 dihapus.", "pasal-5", ""}
	tests := []struct {
		name string
		ams  []Amendment
		want string
	}{
		{"none", nil, ""},
		{
			"one",
			[]Amendment{deleted},
			"Ketentuan dalam " + perbup + " diubah sebagai berikut:\nPasal 5 dihapus.",
		},
		{
			"one with its text",
			[]Amendment{changed},
			"Ketentuan dalam " + perbup + " diubah sebagai berikut:\n" +
				"Ketentuan Pasal 2 ayat (1) diubah, sehingga Pasal 2 berbunyi sebagai berikut:\n" +
				"   Pasal 2\n" +
				"   (1) Pengadaan dilaksanakan melalui seleksi.\n" +
				"   (2) Hasil seleksi diumumkan.",
		},
		{
			"several",
			[]Amendment{changed, inserted, deleted},
			"Beberapa ketentuan dalam " + perbup + " diubah sebagai berikut:\n" +
				"1. Ketentuan Pasal 2 ayat (1) diubah, sehingga Pasal 2 berbunyi sebagai berikut:\n" +
				"   Pasal 2\n" +
				"   (1) Pengadaan dilaksanakan melalui seleksi.\n" +
				"   (2) Hasil seleksi diumumkan.\n" +
				"\n" +
				"2. Di antara Pasal 2 dan Pasal 3 disisipkan 2 (dua) pasal, yakni Pasal 2A dan Pasal 2B, yang berbunyi sebagai berikut:\n" +
				"   Pasal 2A\n" +
				"   Cukup sekali.\n" +
				"\n" +
				"   Pasal 2B\n" +
				"   Dua kali.\n" +
				"\n" +
				"3. Pasal 5 dihapus.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, PasalI(perbup, tt.ams)); diff != "" {
				t.Errorf("PasalI (-want +got):\n%s", diff)
			}
		})
	}
}
