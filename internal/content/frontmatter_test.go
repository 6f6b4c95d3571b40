package content

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// withVersion returns a valid tree holding src as the version file
// content/r/p/v1.md.
func withVersion(src string) fstest.MapFS {
	return fstest.MapFS{
		"_index.md":   file("---\ntitle: Situs\n---\n"),
		"r/_index.md": file("---\nname: R\nkind: kota\n---\n"),
		"r/p/v1.md":   file(src),
	}
}

func TestFrontMatterProblems(t *testing.T) {
	const v1 = "content/r/p/v1.md"
	const known = "(kunci yang dikenal: title, version, date, status, summary, tags, source, note, form, type, number, year, enacted, promulgated, place, gazette, subjects, field, initiator, signer, abstract, original, amends, revokes, implements, related)"
	for _, tt := range []struct {
		name string
		src  string
		want []string
	}{
		{
			"unknown key close to a known one",
			"---\ntitle: A\ntitel: B\n---\n",
			[]string{v1 + `:3: kunci tidak dikenal "titel" (maksud Anda "title"?)`},
		},
		{
			"unknown key as a prefix",
			"---\ntitle: A\nver: 2\n---\n",
			[]string{v1 + `:3: kunci tidak dikenal "ver" (maksud Anda "version"?)`},
		},
		{
			"unknown key in Indonesian",
			"---\njudul: A\nsumber: https://example.go.id\n---\n",
			[]string{
				v1 + ":1: wajib diisi: title",
				v1 + `:2: kunci tidak dikenal "judul" (maksud Anda "title"?)`,
				v1 + `:3: kunci tidak dikenal "sumber" (maksud Anda "source"?)`,
			},
		},
		{
			"unknown key far from any",
			"---\ntitle: A\npenulis: B\n---\n",
			[]string{v1 + `:3: kunci tidak dikenal "penulis" ` + known},
		},
		{
			"duplicate key",
			"---\ntitle: A\ntitle: B\n---\n",
			[]string{v1 + `:3: kunci "title" ganda (sudah ada di baris 2)`},
		},
		{
			"YAML syntax error",
			"---\ntitle: A\nsummary: : x\n---\n",
			[]string{v1 + ":3: sintaks YAML salah: mapping values are not allowed in this context"},
		},
		{
			"YAML syntax error after blank lines and CRLF",
			"\r\n\r\n---\r\ntitle: A\r\n\r\nsummary: : x\r\n---\r\n",
			[]string{v1 + ":6: sintaks YAML salah: mapping values are not allowed in this context"},
		},
		{
			"YAML that is not a mapping",
			"---\n- title\n---\n",
			[]string{v1 + ":2: front matter harus berupa pasangan kunci: nilai"},
		},
		{
			"TOML between YAML delimiters",
			"---\ntitle = \"A\"\n---\n",
			[]string{v1 + ":2: front matter harus berupa pasangan kunci: nilai (front matter TOML diapit baris +++, bukan ---)"},
		},
		{
			"TOML syntax error",
			"+++\ntitle = \"A\"\n\ndate = \n+++\n",
			[]string{v1 + ":4: sintaks TOML salah: expected value but found '\\n' instead"},
		},
		{
			"TOML duplicate key",
			"+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n",
			[]string{v1 + `:3: sintaks TOML salah: Key 'title' has already been defined.`},
		},
		{
			"title is a list",
			"---\ntitle: [a, b]\n---\n",
			[]string{v1 + ":2: title harus berupa teks, bukan daftar"},
		},
		{
			"summary is a map",
			"---\ntitle: A\nsummary:\n  id: Ringkasan\n---\n",
			[]string{v1 + ":3: summary harus berupa teks, bukan pemetaan"},
		},
		{
			"tags is not a list",
			"---\ntitle: A\ntags: kepegawaian\n---\n",
			[]string{v1 + ":3: tags harus berupa daftar, bukan teks"},
		},
		{
			"tag is not text",
			"---\ntitle: A\ntags:\n  - asn\n  - {a: b}\n---\n",
			[]string{v1 + ":5: tags: butir ke-2 harus berupa teks, bukan pemetaan"},
		},
		{
			"TOML number for text",
			"+++\ntitle = \"A\"\nversion = 2\n+++\n",
			[]string{v1 + ":3: version harus berupa teks dalam tanda kutip, bukan angka"},
		},
		{
			"TOML table",
			"+++\ntitle = \"A\"\n\n[extra]\nx = 1\n+++\n",
			[]string{v1 + `:4: kunci tidak dikenal "extra" ` + known},
		},
		{
			"TOML dotted key",
			"+++\ntitle = \"A\"\nnote = \"\"\"\nbaris\n\"\"\"\nlampiran.url = \"x\"\n+++\n",
			[]string{v1 + `:6: kunci tidak dikenal "lampiran" ` + known},
		},
		{
			"bad date",
			"---\ntitle: A\ndate: 2025-13\n---\n",
			[]string{v1 + `:3: tanggal "2025-13" tidak valid (gunakan YYYY-MM-DD atau YYYY-MM)`},
		},
		{
			"date not in the calendar",
			"+++\ntitle = \"A\"\ndate = \"2025-02-29\"\n+++\n",
			[]string{v1 + `:3: tanggal "2025-02-29" tidak valid (gunakan YYYY-MM-DD atau YYYY-MM)`},
		},
		{
			"TOML date and time",
			"+++\ntitle = \"A\"\ndate = 2025-04-06T10:00:00Z\n+++\n",
			[]string{v1 + `:3: tanggal "2025-04-06T10:00:00Z" tidak valid (gunakan YYYY-MM-DD atau YYYY-MM)`},
		},
		{
			"bad status",
			"---\ntitle: A\nstatus: final\n---\n",
			[]string{v1 + `:3: status "final" tidak dikenal (pilihan: draft, published, revoked)`},
		},
		{
			"bad source URL",
			"---\ntitle: A\nsource: jdih.example.go.id/12\n---\n",
			[]string{v1 + `:3: source "jdih.example.go.id/12" bukan URL http/https yang lengkap (mis. "https://contoh.go.id/...")`},
		},
		{
			"source URL of another scheme",
			"---\ntitle: A\nsource: ftp://example.go.id/12\n---\n",
			[]string{v1 + `:3: source "ftp://example.go.id/12" bukan URL http/https yang lengkap (mis. "https://contoh.go.id/...")`},
		},
		{
			"bad tag",
			"---\ntitle: A\ntags:\n  - asn\n  - Kepegawaian ASN\n---\n",
			[]string{v1 + `:5: tag "Kepegawaian ASN" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "kepegawaian-asn")`},
		},
		{
			"tag given twice",
			"---\ntitle: A\ntags: [asn, asn]\n---\n",
			[]string{v1 + `:3: peringatan: tag "asn" disebut dua kali`},
		},
		{
			"missing title",
			"---\nstatus: draft\n---\n",
			[]string{v1 + ":1: wajib diisi: title"},
		},
		{
			"empty title",
			"---\ntitle: \"  \"\n---\n",
			[]string{v1 + ":2: wajib diisi: title"},
		},
		{
			"null title",
			"---\ntitle:\n---\n",
			[]string{v1 + ":2: wajib diisi: title"},
		},
		{
			"empty front matter",
			"---\n---\nIsi.\n",
			[]string{v1 + ":1: wajib diisi: title"},
		},
		{
			"no front matter",
			"# Kebijakan\n",
			[]string{v1 + ":1: tidak ada front matter (blok --- di awal berkas); versi memerlukan setidaknya title"},
		},
		{
			"empty file",
			"",
			[]string{v1 + ":1: tidak ada front matter (blok --- di awal berkas); versi memerlukan setidaknya title"},
		},
		{
			"front matter not closed",
			"\n---\ntitle: A\n",
			[]string{v1 + `:2: front matter tidak ditutup: baris "---" penutup tidak ditemukan`},
		},
		{
			"several problems in one file",
			"+++\ntitel = \"A\"\nstatus = \"final\"\ntags = [\"A\"]\n+++\n",
			[]string{
				v1 + ":1: wajib diisi: title",
				v1 + `:2: kunci tidak dikenal "titel" (maksud Anda "title"?)`,
				v1 + `:3: status "final" tidak dikenal (pilihan: draft, published, revoked)`,
				v1 + `:4: tag "A" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "a")`,
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := loadProblems(t, withVersion(tt.src))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFile(t *testing.T) {
	for _, tt := range []struct {
		name     string
		src      string
		want     []field
		open     int
		body     string
		bodyLine int
	}{
		{
			name:     "YAML",
			src:      "---\ntitle: A\n---\nIsi.\n",
			want:     []field{{key: "title", line: 2, val: value{kind: kindText, text: "A", line: 2}}},
			open:     1,
			body:     "Isi.\n",
			bodyLine: 4,
		},
		{
			name:     "CRLF",
			src:      "---\r\ntitle: A\r\n\r\ndate: 2025-04\r\n---\r\nIsi.\r\n",
			want:     []field{{key: "title", line: 2, val: value{kind: kindText, text: "A", line: 2}}, {key: "date", line: 4, val: value{kind: kindText, text: "2025-04", line: 4}}},
			open:     1,
			body:     "Isi.\r\n",
			bodyLine: 6,
		},
		{
			name:     "TOML with CRLF",
			src:      "+++\r\ntitle = 'A'\r\n\r\ntags = [\r\n  'a',\r\n]\r\n+++\r\nIsi.\r\n",
			want:     []field{{key: "title", line: 2, val: value{kind: kindText, text: "A", line: 2}}, {key: "tags", line: 4, val: value{kind: kindList, line: 4, items: []value{{kind: kindText, text: "a", line: 4}}}}},
			open:     1,
			body:     "Isi.\r\n",
			bodyLine: 8,
		},
		{
			name:     "blank lines, byte order mark and spaced delimiters",
			src:      "\ufeff\n  \n--- \ntitle: A\n  ---\nIsi.",
			want:     []field{{key: "title", line: 4, val: value{kind: kindText, text: "A", line: 4}}},
			open:     3,
			body:     "Isi.",
			bodyLine: 6,
		},
		{
			name:     "closing delimiter at end of file",
			src:      "---\ntitle: A\n---",
			want:     []field{{key: "title", line: 2, val: value{kind: kindText, text: "A", line: 2}}},
			open:     1,
			body:     "",
			bodyLine: 4,
		},
		{
			name:     "empty front matter",
			src:      "---\n---\n\nIsi.\n",
			open:     1,
			body:     "\nIsi.\n",
			bodyLine: 3,
		},
		{
			name:     "YAML alias",
			src:      "---\ntitle: &t A\nsummary: *t\n---\n",
			want:     []field{{key: "title", line: 2, val: value{kind: kindText, text: "A", line: 2}}, {key: "summary", line: 3, val: value{kind: kindText, text: "A", line: 3}}},
			open:     1,
			body:     "",
			bodyLine: 5,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var probs Problems
			d, ok := parseFile([]byte(tt.src), versionSchema.need, report{path: "v1.md", probs: &probs})
			if !ok || len(probs) > 0 {
				t.Fatalf("parseFile: ok = %v, problems:\n%v", ok, probs)
			}
			if diff := cmp.Diff(tt.want, d.fields, cmp.AllowUnexported(field{}, value{})); diff != "" {
				t.Errorf("fields mismatch (-want +got):\n%s", diff)
			}
			if d.open != tt.open || string(d.body) != tt.body || d.bodyLine != tt.bodyLine {
				t.Errorf("open, body, bodyLine = %d, %q, %d; want %d, %q, %d",
					d.open, d.body, d.bodyLine, tt.open, tt.body, tt.bodyLine)
			}
		})
	}
}
