package content

import (
	"crypto/sha256"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const (
	png  = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	jpeg = "\xff\xd8\xff\xe0\x00\x10JFIF"
	webp = "RIFF\x24\x00\x00\x00WEBPVP8 "
	svg  = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
<defs><rect id="kotak" width="4" height="4"/></defs>
<use href="#kotak"/><use xlink:href="#kotak" x="5"/>
<style>rect { fill: #036 }</style>
</svg>
`
)

// version is the version file r/p/v1.md with the given front matter lines; its
// body starts on the line after them, so that its line n is line n+3+len(fm)
// of the file.
func version(fm ...string) *fstest.MapFile {
	return file("---\ntitle: P\n" + strings.Join(fm, "\n") + "\n---\n")
}

// svgWith is an SVG drawing whose second line is inner.
func svgWith(inner string) *fstest.MapFile {
	return file("<svg xmlns=\"http://www.w3.org/2000/svg\"\n" + inner + "\n</svg>\n")
}

// filesProblems loads files into a valid tree, shows the images of refs, and
// returns the errors either finds.
func filesProblems(t *testing.T, files fstest.MapFS, refs map[string][]ImageRef) []string {
	t.Helper()
	tree, err := Load(validTree(files), "content")
	if err == nil {
		err = tree.ShowImages(refs)
	}
	var probs Problems
	if err != nil && !errors.As(err, &probs) {
		t.Fatalf("got %T, want Problems", err)
	}
	var got []string
	for _, p := range probs {
		if !p.Warning {
			got = append(got, p.String())
		}
	}
	return got
}

func TestFilesBesideVersions(t *testing.T) {
	v1 := "content/r/p/v1.md"
	shows := func(dests ...string) map[string][]ImageRef {
		refs := []ImageRef{}
		for i, d := range dests {
			refs = append(refs, ImageRef{Dest: d, Line: 2 + i})
		}
		return map[string][]ImageRef{v1: refs}
	}
	big := file(png + strings.Repeat("\x00", MaxImageSize+1-len(png)))
	for _, tt := range []struct {
		name  string
		files fstest.MapFS
		refs  map[string][]ImageRef
		want  []string
	}{
		{
			"every kind, shown",
			fstest.MapFS{"r/p/v1.pdf": file(pdf), "r/p/a.png": file(png), "r/p/b.jpg": file(jpeg), "r/p/c.jpeg": file(jpeg), "r/p/d.webp": file(webp), "r/p/e.svg": file(svg),
				"r/p/v1.md": version("original: v1.pdf")},
			shows("a.png", "./b.jpg", "c.jpeg", "d.webp", "e.svg", "https://contoh.example/luar.png", "/assets/logo.png"),
			nil,
		},
		{
			"PNG that is not",
			fstest.MapFS{"r/p/a.png": file("GIF89a")},
			shows("a.png"),
			[]string{`content/r/p/a.png: berkas ini bukan PNG (berkas PNG diawali "\x89PNG\r\n\x1a\n"); simpan ulang gambarnya sebagai PNG, atau beri nama dengan ekstensi yang sesuai isinya`},
		},
		{
			"JPEG that is a PNG",
			fstest.MapFS{"r/p/a.jpg": file(png)},
			shows("a.jpg"),
			[]string{`content/r/p/a.jpg: berkas ini bukan JPEG (berkas JPEG diawali "\xff\xd8\xff"); simpan ulang gambarnya sebagai JPEG, atau beri nama dengan ekstensi yang sesuai isinya`},
		},
		{
			"WebP that is another RIFF",
			fstest.MapFS{"r/p/a.webp": file("RIFF\x24\x00\x00\x00WAVEfmt ")},
			shows("a.webp"),
			[]string{`content/r/p/a.webp: berkas ini bukan WebP (berkas WebP diawali "RIFF", ukurannya, lalu "WEBP"); simpan ulang gambarnya sebagai WebP, atau beri nama dengan ekstensi yang sesuai isinya`},
		},
		{
			"SVG that is not XML",
			fstest.MapFS{"r/p/a.svg": file("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>\n")},
			shows("a.svg"),
			[]string{`content/r/p/a.svg:3: berkas ini bukan SVG yang sah: XML-nya rusak (element <g> closed by </svg>); ekspor ulang gambarnya sebagai SVG`},
		},
		{
			"SVG that is HTML",
			fstest.MapFS{"r/p/a.svg": file("<html><body>x</body></html>")},
			shows("a.svg"),
			[]string{`content/r/p/a.svg:1: berkas ini bukan SVG: elemen akarnya <html>, bukan <svg xmlns="http://www.w3.org/2000/svg">; ekspor ulang gambarnya sebagai SVG`},
		},
		{
			"SVG without its namespace",
			fstest.MapFS{"r/p/a.svg": file("<svg viewBox=\"0 0 1 1\"/>")},
			shows("a.svg"),
			[]string{`content/r/p/a.svg:1: berkas ini bukan SVG: elemen akarnya <svg>, bukan <svg xmlns="http://www.w3.org/2000/svg">; ekspor ulang gambarnya sebagai SVG`},
		},
		{
			"SVG with a script",
			fstest.MapFS{"r/p/a.svg": svgWith("><script>alert(1)</script>")},
			shows("a.svg"),
			[]string{`content/r/p/a.svg:2: berkas ini memuat elemen <script>, yang dapat menjalankan skrip atau memuat dokumen lain; hapus elemennya`},
		},
		{
			"SVG with a handler",
			fstest.MapFS{"r/p/a.svg": file("<svg xmlns=\"http://www.w3.org/2000/svg\"\n  viewBox=\"0 0 1 1\"\n  onload=\"alert(1)\">\n<rect onClick=\"x()\"/></svg>")},
			shows("a.svg"),
			[]string{
				`content/r/p/a.svg:3: berkas ini memuat atribut onload pada <svg>, yang menjalankan skrip; hapus atributnya`,
				`content/r/p/a.svg:4: berkas ini memuat atribut onClick pada <rect>, yang menjalankan skrip; hapus atributnya`,
			},
		},
		{
			"SVG with foreignObject",
			fstest.MapFS{"r/p/a.svg": svgWith("><foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject>")},
			shows("a.svg"),
			[]string{`content/r/p/a.svg:2: berkas ini memuat elemen <foreignObject>, yang dapat menjalankan skrip atau memuat dokumen lain; hapus elemennya`},
		},
		{
			"SVG with links out",
			fstest.MapFS{"r/p/a.svg": svgWith(" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a href=\"https://contoh.example/\"><text>x</text></a>\n<image xlink:href=\"data:image/png;base64,AAAA\"/>\n<use href=\"lain.svg#x\"/>")},
			shows("a.svg"),
			[]string{
				`content/r/p/a.svg:3: berkas ini memuat atribut href="https://contoh.example/" pada <a>, yang menautkan ke luar gambar; gambar hanya boleh menautkan ke bagiannya sendiri ("#id"); hapus atributnya`,
				`content/r/p/a.svg:4: berkas ini memuat atribut xlink:href="data:image/png;base64,AAAA" pada <image>, yang menautkan ke luar gambar; gambar hanya boleh menautkan ke bagiannya sendiri ("#id"); hapus atributnya`,
				`content/r/p/a.svg:5: berkas ini memuat atribut href="lain.svg#x" pada <use>, yang menautkan ke luar gambar; gambar hanya boleh menautkan ke bagiannya sendiri ("#id"); hapus atributnya`,
			},
		},
		{
			"SVG animating a link",
			fstest.MapFS{"r/p/a.svg": svgWith("><a href=\"#x\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>")},
			shows("a.svg"),
			[]string{`content/r/p/a.svg:2: berkas ini memuat <set> yang mengubah atribut href dan dapat menjalankan skrip; hapus animasinya`},
		},
		{
			"SVG with entities and a stylesheet",
			fstest.MapFS{"r/p/a.svg": file("<?xml-stylesheet href=\"https://contoh.example/a.css\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")},
			shows("a.svg"),
			[]string{
				`content/r/p/a.svg:1: berkas ini memuat instruksi <?xml-stylesheet?>, yang memuat gaya dari berkas lain; hapus instruksinya`,
				`content/r/p/a.svg:2: berkas ini memuat deklarasi <!ENTITY>; hapus DOCTYPE-nya (SVG tidak memerlukannya)`,
			},
		},
		{
			"image too large",
			fstest.MapFS{"r/p/a.png": big},
			shows("a.png"),
			[]string{`content/r/p/a.png: berkas ini lebih besar dari 10 MiB, batas satu berkas PNG; perkecil ukuran atau resolusinya, atau simpan ulang dengan kompresi lebih tinggi`},
		},
		{
			"original too large",
			fstest.MapFS{"r/p/v1.md": version("original: v1.pdf"), "r/p/v1.pdf": file(pdf + strings.Repeat(" ", MaxOriginalSize))},
			nil,
			[]string{`content/r/p/v1.md:3: original "v1.pdf" lebih besar dari 64 MiB, batas satu berkas PDF; pindai ulang dengan resolusi lebih rendah (mis. 200 dpi, hitam-putih) atau kompres PDF-nya`},
		},
		{
			"missing image, at its line",
			fstest.MapFS{"r/p/v1.md": file("---\ntitle: P\n---\n## Bagan\n\n![Bagan](bagan.png)\n")},
			map[string][]ImageRef{v1: {{Dest: "bagan.png", Line: 3}}},
			[]string{`content/r/p/v1.md:6: gambar "bagan.png" tidak ditemukan; letakkan berkasnya di content/r/p/bagan.png`},
		},
		{
			"image nobody shows",
			fstest.MapFS{"r/p/bagan.png": file(png), "r/p/peta.svg": file(svg)},
			shows("peta.svg"),
			[]string{`content/r/p/bagan.png: gambar ini tidak ditampilkan naskah versi mana pun; tampilkan dengan ![keterangan](bagan.png) di naskah versinya, atau hapus berkasnya`},
		},
		{
			"image in a subdirectory",
			fstest.MapFS{"r/p/gambar/bagan.png": file(png)},
			shows("gambar/bagan.png", "../bagan.png"),
			[]string{
				`content/r/p/gambar: direktori tak terduga (direktori kebijakan tidak berisi subdirektori; letakkan PDF dan gambar langsung di samping berkas versi)`,
			},
		},
		{
			"image sources that name no file beside the version",
			nil,
			shows("gambar/bagan.png", "../bagan.png", "Bagan Organisasi.png", "bagan.gif", "v1.pdf", "bagan.png?v=2", ""),
			[]string{
				`content/r/p/v1.md:5: gambar "gambar/bagan.png" tidak di samping berkas versi: gambar harus terletak langsung di direktori kebijakan content/r/p; pindahkan berkasnya ke content/r/p/bagan.png dan tulis ![…](bagan.png)`,
				`content/r/p/v1.md:6: gambar "../bagan.png" tidak di samping berkas versi: gambar harus terletak langsung di direktori kebijakan content/r/p; pindahkan berkasnya ke content/r/p/bagan.png dan tulis ![…](bagan.png)`,
				`content/r/p/v1.md:7: nama berkas gambar "Bagan Organisasi.png" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "bagan-organisasi"); ganti nama berkasnya dan rujukannya di sini`,
				`content/r/p/v1.md:8: gambar "bagan.gif": jenis berkas tidak didukung; gunakan gambar PNG, JPEG, WebP atau SVG (.png, .jpg, .jpeg, .webp, .svg)`,
				`content/r/p/v1.md:9: gambar "v1.pdf" adalah PDF, yang tidak dapat tampil sebagai gambar; tautkan dengan [judul](v1.pdf) bila ia naskah asli versi ini, atau simpan halamannya sebagai PNG`,
				`content/r/p/v1.md:10: gambar "bagan.png?v=2": tulis nama berkasnya saja, tanpa ? atau #`,
				`content/r/p/v1.md:11: gambar "" tanpa nama berkas; tulis nama berkas gambar di samping berkas versi, mis. ![Bagan organisasi](bagan.png)`,
			},
		},
		{
			"image whose name is not a slug",
			fstest.MapFS{"r/p/Bagan_1.png": file(png)},
			nil,
			[]string{`content/r/p/Bagan_1.png: nama berkas "Bagan_1.png" bukan slug (huruf kecil a-z, angka, dan tanda -; mis. "bagan-1"); ganti namanya, juga di naskah yang menampilkannya`},
		},
		{
			"file of another kind",
			fstest.MapFS{"r/p/bagan.gif": file("GIF89a"), "r/p/catatan.docx": file("PK")},
			nil,
			[]string{
				`content/r/p/bagan.gif: berkas tak terduga (direktori kebijakan hanya berisi berkas versi .md, PDF naskah asli, dan gambar PNG, JPEG, WebP atau SVG)`,
				`content/r/p/catatan.docx: berkas tak terduga (direktori kebijakan hanya berisi berkas versi .md, PDF naskah asli, dan gambar PNG, JPEG, WebP atau SVG)`,
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := filesProblems(t, tt.files, tt.refs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFilesLoaded: the files a policy publishes come with what their pages
// state, and Read gives their bytes only while they are those.
func TestFilesLoaded(t *testing.T) {
	fsys := validTree(fstest.MapFS{
		"r/p/v1.md":     version("original: v1.pdf"),
		"r/p/v1.pdf":    file(pdf),
		"r/p/bagan.png": file(png),
		"r/p/v2.md":     file("---\ntitle: P\n---\n![a](bagan.png) ![b](bagan.png)\n"),
	})
	tree, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	refs := map[string][]ImageRef{"content/r/p/v2.md": {{"bagan.png", 1}, {"bagan.png", 1}}}
	if err := tree.ShowImages(refs); err != nil {
		t.Fatal(err)
	}
	p := tree.Regions[0].Policies[0]
	var got []string
	for _, f := range p.Files {
		got = append(got, f.Name+" "+f.Type+" "+f.Path)
	}
	want := []string{"bagan.png image/png content/r/p/bagan.png", "v1.pdf application/pdf content/r/p/v1.pdf"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"bagan.png"}, p.Versions[1].Images); diff != "" {
		t.Errorf("images of v2 (-want +got):\n%s", diff)
	}
	pdfFile := p.Files[1]
	if pdfFile.Size != int64(len(pdf)) || pdfFile.SHA256 != sha256.Sum256([]byte(pdf)) || pdfFile.IsImage() {
		t.Errorf("v1.pdf: size %d, sha256 %s, image %v", pdfFile.Size, pdfFile.SHA256Hex(), pdfFile.IsImage())
	}
	if data, err := pdfFile.Read(); err != nil || string(data) != pdf {
		t.Errorf("Read = %q, %v", data, err)
	}
	fsys["r/p/v1.pdf"] = file(strings.Replace(pdf, "1.7", "1.6", 1)) // as long, not the same
	if _, err := pdfFile.Read(); err == nil || !strings.Contains(err.Error(), "content/r/p/v1.pdf: berkas berubah selama build; jalankan build lagi") {
		t.Errorf("Read of a changed file: %v", err)
	}
}
