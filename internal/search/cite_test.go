package search

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseCitation(t *testing.T) {
	pasal4ayat2 := []unitRef{{"pasal", "4"}, {"ayat", "2"}}
	perbup := func(units []unitRef, region []string, number string, year int) *citation {
		return &citation{units: units, form: "perbup", region: region, number: number, year: year}
	}
	contoh := []string{"contoh"}
	tests := []struct {
		q    string
		want *citation // nil: not a citation
	}{
		{"Pasal 4 ayat (2) Perbup Contoh 3/2025", perbup(pasal4ayat2, contoh, "3", 2025)},
		{"perbup contoh nomor 3 tahun 2025 pasal 4", perbup([]unitRef{{"pasal", "4"}}, contoh, "3", 2025)},
		{"pasal 4 ayat 2 Perbup Contoh No. 3 Tahun 2025", perbup(pasal4ayat2, contoh, "3", 2025)},
		{"PASAL 4 AYAT (2) PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2025", perbup(pasal4ayat2, contoh, "3", 2025)},
		{"Pasal 4 ayat (2) huruf b Peraturan Bupati Contoh Nomor 3 Tahun 2024 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh",
			perbup([]unitRef{{"pasal", "4"}, {"ayat", "2"}, {"huruf", "b"}}, contoh, "3", 2024)},
		{"pasal 1 angka 3 perbup 3/2024", perbup([]unitRef{{"pasal", "1"}, {"angka", "3"}}, nil, "3", 2024)},
		{"perbup 3/2025", perbup(nil, nil, "3", 2025)},
		{"perbup contoh 3/2024", perbup(nil, contoh, "3", 2024)},
		{"Perbup Contoh No.3/2024", perbup(nil, contoh, "3", 2024)},
		{"perbup contoh nomor 03", perbup(nil, contoh, "3", 0)},
		{"Pasal 4A ayat (2a) huruf b angka 1 Perbup Contoh 8/2025", perbup([]unitRef{{"pasal", "4a"}, {"ayat", "2a"}, {"huruf", "b"}, {"angka", "1"}}, contoh, "8", 2025)},
		{"pasal 7 dari perbup contoh 3 / 2024.", perbup([]unitRef{{"pasal", "7"}}, contoh, "3", 2024)},
		{"Pasal 2 Perda Kabupaten Contoh Nomor 1 Tahun 2020", &citation{units: []unitRef{{"pasal", "2"}}, form: "perda", region: []string{"kabupaten", "contoh"}, number: "1", year: 2020}},
		{"Peraturan Walikota Uji Nomor 2 Tahun 2020", &citation{form: "perwal", region: []string{"uji"}, number: "2", year: 2020}},
		{"perwal kota uji 2/2020 pasal 3", &citation{units: []unitRef{{"pasal", "3"}}, form: "perwal", region: []string{"kota", "uji"}, number: "2", year: 2020}},
		{"Surat Edaran Bupati Contoh Nomor 5 Tahun 2023", &citation{form: "se", region: []string{"bupati", "contoh"}, number: "5", year: 2023}},
		{"Perbup Mamuju Tengah 12/2025", perbup(nil, []string{"mamuju", "tengah"}, "12", 2025)},
		// Ordinary searches.
		{"pasal tentang cuti", nil},
		{"seleksi pegawai 2025", nil},
		{"pasal 4", nil},
		{"pasal 4 ayat 2", nil},
		{"perbup", nil},
		{"perbup contoh", nil},
		{"perbup contoh 2024", nil},
		{"perbup contoh 3", nil},
		{"peraturan bupati tentang pengadaan pegawai", nil},
		{"pasal 4 perbup contoh 3/2024 seleksi", nil},
		{`"pasal 4" perbup contoh 3/2024`, nil},
		{"pasal 4 perbup contoh 3/2024 -seleksi", nil},
		{"perbup* 3/2024", nil},
		{"undang-undang nomor 20 tahun 2023", nil},
		{"Pasal 5 Undang-Undang Nomor 20 Tahun 2023", nil},
		{"perbup contoh 0/2024", nil},
		{"perbup contoh 3/1850", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got, ok := parseCitation(tt.q)
			if tt.want == nil {
				if ok {
					t.Errorf("read as a citation: %+v", got)
				}
				return
			}
			if !ok {
				t.Fatal("not read as a citation")
			}
			if diff := cmp.Diff(*tt.want, got, cmp.AllowUnexported(citation{}, unitRef{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseCitation checks that any query is read without a panic, and that
// a citation names a form and a number.
func FuzzParseCitation(f *testing.F) {
	for _, q := range []string{"Pasal 4 ayat (2) Perbup Contoh 3/2025", "perbup contoh nomor 3 tahun 2025 pasal 4", "perbup 3/", "pasal", "//", "walikota"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		c, ok := parseCitation(q)
		if ok && (c.form == "" || c.number == "") {
			t.Errorf("%q: citation without form or number: %+v", q, c)
		}
	})
}
