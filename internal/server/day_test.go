package server

import (
	"strings"
	"testing"
)

// TestVersionOnADay asks the fixture for the version of a policy in force on
// a day: the version's page when there is one, a page that says why when
// there is none, and a page that shows how to write a day that cannot be read.
func TestVersionOnADay(t *testing.T) {
	s := newTestServer(t)
	const policy = "/contoh/kebijakan-uji/"
	tests := []struct {
		name, method, target string
		status               int
		location             string
		cache                string
		body                 []string // parts of the body
	}{
		{name: "the first version in force", target: policy + "?pada=2024-06-01", status: 302, location: "/contoh/kebijakan-uji/2024-01/"},
		{name: "a month counts from its first day", target: policy + "?pada=2024-01-01", status: 302, location: "/contoh/kebijakan-uji/2024-01/"},
		{name: "the day before the next version", target: policy + "?pada=2025-03-05", status: 302, location: "/contoh/kebijakan-uji/2024-01/"},
		{name: "the next version's own day", target: policy + "?pada=2025-03-06", status: 302, location: "/contoh/kebijakan-uji/2025-03/"},
		{name: "a draft's day changes nothing", target: policy + "?pada=2025-09-15", status: 302, location: "/contoh/kebijakan-uji/2025-03/"},
		{name: "a scheduled version for its days to come", target: policy + "?pada=2099-01-01", status: 302, location: "/contoh/kebijakan-uji/2099-01/"},
		{name: "HEAD", method: "HEAD", target: policy + "?pada=2099-12-31", status: 302, location: "/contoh/kebijakan-uji/2099-01/"},
		{name: "without the trailing slash", target: "/kota-uji/aturan-lama?pada=2021-02-28", status: 302, location: "/kota-uji/aturan-lama/v1/"},
		{
			name: "before the first version", target: policy + "?pada=2023-12-31", status: 404, cache: "no-store",
			body: []string{"Tidak ada versi yang berlaku pada 31 Desember 2023", "belum berlaku", "versi 2024-01, mulai berlaku pada Januari 2024",
				`href="/contoh/kebijakan-uji/versi/#lini_masa"`, `<a href="/contoh/kebijakan-uji/2024-01/">Baca versi 2024-01</a>`, `value="2023-12-31"`, "Kabupaten Contoh tidak ada", "noindex"},
		},
		{
			name: "after a revocation by another instrument", target: "/kota-uji/aturan-lama/?pada=2021-03-01", status: 404, cache: "no-store",
			body: []string{"Pada 1 Maret 2021 kebijakan ini sudah dicabut.</p>",
				`Dicabut dengan <a href="/kota-uji/aturan-pengganti/v1/">Peraturan Wali Kota Uji Nomor 7 Tahun 2021 tentang Aturan Pengganti</a>`},
		},
		{
			name: "long after the revocation", target: "/kota-uji/aturan-lama/?pada=2030-01-01", status: 404,
			body: []string{"Pada 1 Januari 2030 kebijakan ini sudah dicabut. Pencabutannya berlaku sejak 1 Maret 2021.", "Peraturan Wali Kota Uji Nomor 7 Tahun 2021"},
		},
		{name: "a month is no day", target: policy + "?pada=2025-04", status: 400, cache: "no-store", body: []string{"Tanggal tidak dapat dibaca", "“2025-04” bukan tanggal", "YYYY-MM-DD (tahun-bulan-hari)"}},
		{name: "a day not in the calendar", target: policy + "?pada=2025-02-29", status: 400, body: []string{"“2025-02-29” bukan tanggal"}},
		{name: "no day", target: policy + "?pada=", status: 400, body: []string{"Tanggal belum diisi"}},
		{name: "markup is shown as text", target: policy + "?pada=%3Cb%3Ekemarin", status: 400, body: []string{"&lt;b&gt;kemarin"}},
		{name: "POST", method: "POST", target: policy + "?pada=2025-01-01", status: 405},
		{name: "an unknown policy", target: "/contoh/tidak-ada/?pada=2025-01-01", status: 404, cache: "no-store", body: []string{"Halaman tidak ditemukan"}},
		{name: "the policy page without a day", target: policy, status: 200, cache: "no-cache", body: []string{"Versi kedua menambah pelatihan."}},
		{name: "no policy: the page as it is", target: "/topik/pelatihan/?pada=2025-01-01", status: 200, body: []string{"Topik: Pelatihan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			res, body := get(t, s, method, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			if got := res.Header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
			cache := tt.cache
			if cache == "" && tt.status == 302 {
				cache = "no-cache"
			}
			if got := res.Header.Get("Cache-Control"); cache != "" && got != cache {
				t.Errorf("Cache-Control = %q, want %q", got, cache)
			}
			for _, part := range tt.body {
				if !strings.Contains(body, part) {
					t.Errorf("the page lacks %q:\n%s", part, mainOf(body))
				}
			}
		})
	}
}

// mainOf is the main part of a page, for a message.
func mainOf(page string) string {
	if i := strings.Index(page, "<main"); i >= 0 {
		page = page[i:]
	}
	if i := strings.Index(page, "</main>"); i >= 0 {
		page = page[:i]
	}
	return page
}
