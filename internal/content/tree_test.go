package content

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// validTree returns a small valid tree with files added or, where the file
// is nil, removed.
func validTree(files fstest.MapFS) fstest.MapFS {
	fsys := fstest.MapFS{
		"_index.md":   file("---\ntitle: Situs\n---\n"),
		"r/_index.md": file("---\nname: R\nkind: kota\n---\n"),
		"r/p/v1.md":   file("---\ntitle: P\n---\n"),
	}
	for name, f := range files {
		if f == nil {
			delete(fsys, name)
		} else {
			fsys[name] = f
		}
	}
	return fsys
}

func TestTreeProblems(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{
			"region directory not a slug",
			fstest.MapFS{"Mamuju Tengah/_index.md": file("---\nname: M\nkind: kabupaten\n---\n")},
			[]string{
				`content/Mamuju Tengah: nama direktori "Mamuju Tengah" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "mamuju-tengah")`,
				"content/Mamuju Tengah: peringatan: wilayah belum memiliki kebijakan",
			},
		},
		{
			"policy directory not a slug",
			fstest.MapFS{"r/p_2/v1.md": file("---\ntitle: P\n---\n")},
			[]string{`content/r/p_2: nama direktori "p_2" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "p-2")`},
		},
		{
			"version file name not a slug",
			fstest.MapFS{"r/p/Versi--2.md": file("---\ntitle: P\n---\n")},
			[]string{`content/r/p/Versi--2.md: nama berkas "Versi--2.md" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "versi-2")`},
		},
		{
			"unexpected files",
			fstest.MapFS{
				"catatan.md":          file("x"),
				"r/peta.png":          file("x"),
				"r/p/lampiran.pdf":    file("x"),
				"r/p/v2.MD":           file("x"),
				"r/p/lampiran/a.md":   file("x"),
				"r/p/.v1.md.swp":      file("x"),
				"r/p/#v1.md#":         file("x"),
				"r/p/v1.md~":          file("x"),
				".github/workflow.md": file("x"),
			},
			[]string{
				"content/catatan.md: berkas tak terduga (direktori konten hanya berisi _index.md situs, _sinonim.txt, dan direktori wilayah)",
				"content/r/p/lampiran: direktori tak terduga (direktori kebijakan tidak berisi subdirektori; letakkan PDF dan gambar langsung di samping berkas versi)",
				`content/r/p/lampiran.pdf: PDF ini tidak disebut original versi mana pun; tulis original: "lampiran.pdf" di front matter versinya, atau hapus berkasnya`,
				"content/r/p/v2.MD: berkas tak terduga (direktori kebijakan hanya berisi berkas versi .md, PDF naskah asli, dan gambar PNG, JPEG, WebP atau SVG)",
				"content/r/peta.png: berkas tak terduga (direktori wilayah hanya berisi _index.md dan direktori kebijakan)",
			},
		},
		{
			"region without _index.md",
			fstest.MapFS{"r/_index.md": nil},
			[]string{"content/r: wilayah tanpa _index.md (wajib, berisi setidaknya name dan kind)"},
		},
		{
			"policy without versions",
			fstest.MapFS{"r/kosong/.gitkeep": file("")},
			[]string{"content/r/kosong: kebijakan tanpa berkas versi (.md)"},
		},
		{
			"duplicate version label",
			fstest.MapFS{
				"r/p/v1.md": file("---\ntitle: P\nversion: \"1\"\n---\n"),
				"r/p/v2.md": file("---\ntitle: P\n\nversion: \"1\"\n---\n"),
			},
			[]string{`content/r/p/v2.md:4: version "1" sudah dipakai oleh v1.md`},
		},
		{
			"label of a later version equal to the slug of an earlier one",
			fstest.MapFS{"r/p/2025-01.md": file("---\ntitle: P\ndate: 2025-01\nversion: v1\n---\n")},
			[]string{`content/r/p/2025-01.md:4: version "v1" sudah dipakai oleh v1.md`},
		},
		{
			"label of an earlier version equal to the slug of a later one",
			fstest.MapFS{
				"r/p/v1.md":   file("---\ntitle: P\nversion: baru\n---\n"),
				"r/p/baru.md": file("---\ntitle: P\ndate: 2025-01-31\n---\n"),
			},
			[]string{`content/r/p/v1.md:3: version "baru" sudah dipakai oleh baru.md`},
		},
		{
			"site _index.md missing",
			fstest.MapFS{"_index.md": nil},
			[]string{"content: tidak ada _index.md situs (wajib, berisi setidaknya title)"},
		},
		{
			"site front matter",
			fstest.MapFS{"_index.md": file("---\ndescription: D\nbase_url: naskah.example.id\nlanguage: ID\nbahasa: id\n---\n")},
			[]string{
				"content/_index.md:1: wajib diisi: title",
				`content/_index.md:3: base_url "naskah.example.id" bukan URL http/https yang lengkap (mis. "https://contoh.go.id/...")`,
				`content/_index.md:4: language "ID" tidak valid (2–3 huruf kecil, mis. "id")`,
				`content/_index.md:5: kunci tidak dikenal "bahasa" (maksud Anda "language"?)`,
			},
		},
		{
			"site without front matter",
			fstest.MapFS{"_index.md": file("Situs\n")},
			[]string{"content/_index.md:1: tidak ada front matter (blok --- di awal berkas); _index.md situs memerlukan setidaknya title"},
		},
		{
			"region front matter",
			fstest.MapFS{"r/_index.md": file("+++\nkind = \"kecamatan\"\nprovinsi = \"Sulawesi Barat\"\n+++\n")},
			[]string{
				"content/r/_index.md:1: wajib diisi: name",
				`content/r/_index.md:2: kind "kecamatan" tidak dikenal (pilihan: kabupaten, kota, provinsi)`,
				`content/r/_index.md:3: kunci tidak dikenal "provinsi" (maksud Anda "province"?)`,
			},
		},
		{
			"region without front matter",
			fstest.MapFS{"r/_index.md": file("Wilayah R.\n")},
			[]string{"content/r/_index.md:1: tidak ada front matter (blok --- di awal berkas); _index.md wilayah memerlukan setidaknya name dan kind"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := loadProblems(t, validTree(tt.files))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadReportsAll checks that Load reports the problems of every broken
// file of a tree in one pass, sorted by path, byte by byte, and line.
func TestLoadReportsAll(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":            file("---\ntitle: Situs\nbase_url: ftp://x\n---\n"),
		"a/_index.md":          file("---\nname: A\nkind: kota\n---\n"),
		"a/p/v1.md":            file("---\ntitel: P\n---\n"),
		"a/p/v2.md":            file("---\ntitle: P\ndate: 2025-13\nstatus: final\n---\n"),
		"a/p/v3.md":            file("+++\ntitle = \n+++\n"),
		"a/q/catatan.txt":      file("x"),
		"B/_index.md":          file("---\nname: [B]\nkind: kota\n---\n"),
		"B/p/v1.md":            file("---\ntitle: P\ntags: [Pajak]\n---\n"),
		"c/p/v1.md":            file("# tanpa front matter\n"),
		"c/p/v2.md":            file("---\ntitle: P\n---\n"),
		"c/_index.md~":         file("ignored"),
		"d/_index.md":          file("---\nname: D\nkind: kota\n---\n"),
		"d/p/v1.md":            file("---\ntitle: P\ntags: [asn, asn]\n---\n"),
		"d/p/lampiran/x.pdf":   file("x"),
		"polewali-mandar/x.md": file("x"),
	}
	want := []string{
		`content/B: nama direktori "B" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "b")`,
		"content/B/_index.md:2: name harus berupa teks, bukan daftar",
		`content/B/p/v1.md:3: tag "Pajak" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "pajak")`,
		`content/_index.md:3: base_url "ftp://x" bukan URL http/https yang lengkap (mis. "https://contoh.go.id/...")`,
		"content/a/p/v1.md:1: wajib diisi: title",
		`content/a/p/v1.md:2: kunci tidak dikenal "titel" (maksud Anda "title"?)`,
		`content/a/p/v2.md:3: tanggal "2025-13" tidak valid (gunakan YYYY-MM-DD atau YYYY-MM)`,
		`content/a/p/v2.md:4: status "final" tidak dikenal (pilihan: draft, published, revoked)`,
		"content/a/p/v3.md:2: sintaks TOML salah: expected value but found '\\n' instead",
		"content/a/q: kebijakan tanpa berkas versi (.md)",
		"content/a/q/catatan.txt: berkas tak terduga (direktori kebijakan hanya berisi berkas versi .md, PDF naskah asli, dan gambar PNG, JPEG, WebP atau SVG)",
		"content/c: wilayah tanpa _index.md (wajib, berisi setidaknya name dan kind)",
		"content/c/p/v1.md:1: tidak ada front matter (blok --- di awal berkas); versi memerlukan setidaknya title",
		"content/d/p/lampiran: direktori tak terduga (direktori kebijakan tidak berisi subdirektori; letakkan PDF dan gambar langsung di samping berkas versi)",
		`content/d/p/v1.md:3: peringatan: tag "asn" disebut dua kali`,
		"content/polewali-mandar: wilayah tanpa _index.md (wajib, berisi setidaknya name dan kind)",
		"content/polewali-mandar: peringatan: wilayah belum memiliki kebijakan",
		"content/polewali-mandar/x.md: berkas tak terduga (direktori wilayah hanya berisi _index.md dan direktori kebijakan)",
	}
	got := loadProblems(t, fsys)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// TestLoadWarningsOnly checks that warnings alone do not make Load fail.
func TestLoadWarningsOnly(t *testing.T) {
	fsys := validTree(fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\ntags: [asn, asn]\n---\n")})
	tree, err := Load(fsys, "")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := []Problem{{Path: "r/p/v1.md", Line: 3, Message: `tag "asn" disebut dua kali`, Warning: true}}
	if diff := cmp.Diff(want, tree.Warnings); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
	if got := tree.Regions[0].Policies[0].Versions[0].Tags; !cmp.Equal(got, []string{"asn"}) {
		t.Errorf("tags = %q, want [asn]", got)
	}
}
