package legal

import "testing"

func TestDesignation(t *testing.T) {
	for _, tt := range []struct {
		form         Form
		kind, region string
		number       string
		year         int
		want         string
	}{
		{"perbup", "kabupaten", "Mamuju", "12", 2025, "Peraturan Bupati Mamuju Nomor 12 Tahun 2025 tentang Pengelolaan ASN"},
		{"perwal", "kota", "Bandung", "5A", 2024, "Peraturan Wali Kota Bandung Nomor 5A Tahun 2024 tentang Pengelolaan ASN"},
		{"perda", "kabupaten", "Mamuju", "3", 2023, "Peraturan Daerah Kabupaten Mamuju Nomor 3 Tahun 2023 tentang Pengelolaan ASN"},
		{"pergub", "provinsi", "Sulawesi Barat", "1", 2025, "Peraturan Gubernur Sulawesi Barat Nomor 1 Tahun 2025 tentang Pengelolaan ASN"},
		{"se", "kota", "Serang", "800", 2025, "Surat Edaran Wali Kota Serang Nomor 800 Tahun 2025 tentang Pengelolaan ASN"},
		{"instruksi", "kabupaten", "Mamuju", "", 2025, "Instruksi Bupati Mamuju Tahun 2025 tentang Pengelolaan ASN"},
		{"kepbup", "kabupaten", "Mamuju", "", 0, "Keputusan Bupati Mamuju tentang Pengelolaan ASN"},
		{"lainnya", "kabupaten", "Mamuju", "1", 2025, ""},
		{"", "kabupaten", "Mamuju", "1", 2025, ""},
	} {
		if got := Designation(tt.form, tt.kind, tt.region, tt.number, tt.year, "Pengelolaan ASN"); got != tt.want {
			t.Errorf("Designation(%q, %q, %q, %q, %d) = %q, want %q", tt.form, tt.kind, tt.region, tt.number, tt.year, got, tt.want)
		}
	}
}

func TestTEUBadan(t *testing.T) {
	for _, tt := range []struct{ kind, name, province, want string }{
		{"kabupaten", "Mamuju", "Sulawesi Barat", "Sulawesi Barat.Kabupaten Mamuju"},
		{"kota", "Bandung", "Provinsi Jawa Barat", "Jawa Barat.Kota Bandung"},
		{"kota", "Uji", "", "Kota Uji"},
		{"provinsi", "Sulawesi Barat", "", "Sulawesi Barat"},
		{"provinsi", "Provinsi Banten", "Banten", "Banten"},
	} {
		if got := TEUBadan(tt.kind, tt.name, tt.province); got != tt.want {
			t.Errorf("TEUBadan(%q, %q, %q) = %q, want %q", tt.kind, tt.name, tt.province, got, tt.want)
		}
	}
}

func TestFormFor(t *testing.T) {
	for _, tt := range []struct {
		form Form
		kind string
		want Form
	}{
		{"perbup", "kabupaten", "perbup"},
		{"perbup", "kota", "perwal"},
		{"kepbup", "provinsi", "kepgub"},
		{"pergub", "kabupaten", "perbup"},
		{"kepwal", "kabupaten", "kepbup"},
		{"perda", "kota", "perda"},
		{"se", "provinsi", "se"},
		{"", "kota", ""},
		{"perbup", "", "perbup"},
	} {
		if got := FormFor(tt.form, tt.kind); got != tt.want {
			t.Errorf("FormFor(%q, %q) = %q, want %q", tt.form, tt.kind, got, tt.want)
		}
	}
}
