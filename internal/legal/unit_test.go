package legal

import "testing"

func TestCiteUnit(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		{"pasal-1", "Pasal 1"},
		{"pasal-2a", "Pasal 2A"},
		{"pasal-ii", "Pasal II"},
		{"pasal-2-ayat-2", "Pasal 2 ayat (2)"},
		{"pasal-2-ayat-2a", "Pasal 2 ayat (2a)"},
		{"pasal-2-ayat-2-huruf-b", "Pasal 2 ayat (2) huruf b"},
		{"pasal-1-angka-2", "Pasal 1 angka 2"},
		{"pasal-1-angka-2a", "Pasal 1 angka 2a"},
		{"pasal-3-huruf-aa", "Pasal 3 huruf aa"},
		{"pasal-3-huruf-c1", "Pasal 3 huruf c1"},
		{"pasal-2-ayat-1-huruf-a-angka-3-subhuruf-b", "Pasal 2 ayat (1) huruf a angka 3 huruf b)"},
		{"pasal-2-ayat-1-huruf-a-angka-3-subhuruf-b-subangka-1", "Pasal 2 ayat (1) huruf a angka 3 huruf b) angka 1)"},
		{"menimbang", "konsiderans Menimbang"},
		{"menimbang-huruf-a", "konsiderans Menimbang huruf a"},
		{"mengingat-angka-1", "konsiderans Mengingat angka 1"},
		{"menetapkan", "bagian Menetapkan"},
		{"penutup", "bagian Penutup"},
		{"penjelasan", "Penjelasan"},
		{"penjelasan-umum", "Penjelasan Umum"},
		{"penjelasan-pasal-2", "Penjelasan Pasal 2"},
		{"penjelasan-pasal-2a-ayat-1", "Penjelasan Pasal 2A ayat (1)"},
		{"bab-2", "BAB II"},
		{"bab-14", "BAB XIV"},
		{"bab-5a", "BAB VA"},
		{"bab-2-bagian-1", "BAB II Bagian Kesatu"},
		{"bab-2-bagian-12", "BAB II Bagian Kedua Belas"},
		{"bab-2-bagian-1-paragraf-3", "BAB II Bagian Kesatu Paragraf 3"},
		{"bab-2-paragraf-1a", "BAB II Paragraf 1A"},

		// Shapes package peraturan never makes.
		{"", ""},
		{"pasal", ""},
		{"pasal-", ""},
		{"pasal-x2", ""},
		{"pasal-2-ayat", ""},
		{"pasal-2-ayat-b", ""},
		{"pasal-2-ayat-1-ayat-2", ""},
		{"pasal-2-huruf-1", ""},
		{"pasal-2-huruf-abc", ""},
		{"pasal-2-subhuruf-aa", ""},
		{"pasal-2-pasal-3", ""},
		{"pasal-2-ayat-1-", ""},
		{"Pasal-2", ""},
		{"penjelasan-bab-2", ""},
		{"penjelasan-pasal", ""},
		{"bab-0", ""},
		{"bab-2-bagian-0", ""},
		{"bab-2-paragraf-1-bagian-1", ""},
		{"bab-2-bagian-1a", ""},
		{"rekrutmen", ""},
		{"p-rekrutmen-1", ""},
	} {
		if got := CiteUnit(tt.id); got != tt.want {
			t.Errorf("CiteUnit(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestNumberWords(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{0, "nol"},
		{1, "satu"},
		{9, "sembilan"},
		{10, "sepuluh"},
		{11, "sebelas"},
		{12, "dua belas"},
		{19, "sembilan belas"},
		{20, "dua puluh"},
		{21, "dua puluh satu"},
		{99, "sembilan puluh sembilan"},
		{100, "seratus"},
		{105, "seratus lima"},
		{111, "seratus sebelas"},
		{250, "dua ratus lima puluh"},
		{1000, "seribu"},
		{1001, "seribu satu"},
		{2024, "dua ribu dua puluh empat"},
		{11000, "sebelas ribu"},
		{1_000_000, "satu juta"},
		{2_500_000, "dua juta lima ratus ribu"},
		{-3, "-3"},
	} {
		if got := NumberWords(tt.n); got != tt.want {
			t.Errorf("NumberWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{1, "Kesatu"}, {2, "Kedua"}, {10, "Kesepuluh"}, {11, "Kesebelas"}, {12, "Kedua Belas"}, {21, "Kedua Puluh Satu"},
	} {
		if got := Ordinal(tt.n); got != tt.want {
			t.Errorf("Ordinal(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func FuzzCiteUnit(f *testing.F) {
	for _, id := range []string{"pasal-2-ayat-2-huruf-b", "bab-2-bagian-1", "penjelasan-pasal-2", "menimbang-huruf-a", "pasal-"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		_ = CiteUnit(id)
	})
}
