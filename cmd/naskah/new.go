package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"naskah/internal/content"
	"naskah/internal/dirfs"
	"naskah/internal/legal"
)

// today is when drafts are dated; a variable so that tests can fix it.
var today = func() time.Time { return time.Now() }

// parseTarget reads the REGION/POLICY argument of new and revise.
func parseTarget(fs *flag.FlagSet, args []string) (region, policy string, err error) {
	if err := fs.Parse(args); err != nil {
		return "", "", errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(fs.Output(), "naskah %s: tulis satu DAERAH/KEBIJAKAN, misalnya mamuju/kebijakan-pengelolaan-kepegawaian-asn\n", fs.Name())
		return "", "", errUsage
	}
	region, policy, ok := strings.Cut(fs.Arg(0), "/")
	if !ok || !legal.ValidSlug(region) || !legal.ValidSlug(policy) {
		fmt.Fprintf(fs.Output(), "naskah %s: %q bukan DAERAH/KEBIJAKAN; keduanya slug (huruf kecil a-z, angka, dan tanda -)\n", fs.Name(), fs.Arg(0))
		return "", "", errUsage
	}
	return region, policy, nil
}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("content", "content", "direktori konten")
	title := fs.String("title", "", "judul kebijakan (bawaan: dari nama direktorinya)")
	name := fs.String("name", "", "nama daerah, bila daerah baru (bawaan: dari nama direktorinya)")
	kind := fs.String("kind", "", "jenis daerah baru: kabupaten, kota atau provinsi")
	province := fs.String("province", "", "provinsi daerah baru")
	form := fs.String("form", "prose", "bentuk naskah: prose (bagian dan paragraf) atau peraturan (BAB, Pasal, ayat)")
	region, policy, err := parseTarget(fs, args)
	if err != nil {
		return err
	}
	if *form != string(content.Prose) && *form != string(content.Peraturan) {
		fmt.Fprintf(stderr, "naskah new: -form %q tidak dikenal; pilih prose atau peraturan\n", *form)
		return errUsage
	}
	regionDir := filepath.Join(*dir, region)
	if _, err := os.Stat(filepath.Join(regionDir, "_index.md")); errors.Is(err, os.ErrNotExist) {
		if *name == "" {
			*name = fromSlug(region)
		}
		path := filepath.Join(regionDir, "_index.md")
		if err := create(path, regionFile(*name, *kind, *province)); err != nil {
			return err
		}
		fmt.Fprintln(stdout, path)
	}
	policyDir := filepath.Join(regionDir, policy)
	if entries, _ := os.ReadDir(policyDir); len(entries) > 0 {
		return fmt.Errorf("naskah new: %s sudah ada; gunakan naskah revise %s/%s untuk versi baru", policyDir, region, policy)
	}
	if *title == "" {
		*title = fromSlug(policy)
	}
	day := today().Format("2006-01-02")
	path := filepath.Join(policyDir, day+".md")
	v := draft{Title: *title, Day: day, Form: content.Form(*form)}
	v.Body = "## Pendahuluan\n\nTulis isi kebijakan di sini. Setiap bagian diawali judul `## Judul Bagian`, dan paragraf dipisahkan baris kosong.\n"
	if v.Form == content.Peraturan {
		if *kind == "" {
			*kind = regionKind(*dir, region)
		}
		v.Body = regulationFrame(*kind, *title)
	}
	if err := create(path, v.file()); err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

func runRevise(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("revise", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("content", "content", "direktori konten")
	region, policy, err := parseTarget(fs, args)
	if err != nil {
		return err
	}
	tree, err := content.Load(dirfs.New(*dir), strings.TrimSuffix(*dir, "/"))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return fmt.Errorf("naskah revise: perbaiki masalah di atas lebih dulu")
	}
	newest, err := newestVersion(tree, region, policy)
	if err != nil {
		return err
	}
	day := today().Format("2006-01-02")
	path, err := freeName(filepath.Join(*dir, region, policy), day)
	if err != nil {
		return err
	}
	v := draft{Title: newest.Title, Day: day, Summary: newest.Summary, Note: newest.Note, Tags: newest.Tags,
		Form: newest.Form, Type: newest.Type, Body: string(newest.Body)}
	if err := create(path, v.file()); err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

func newestVersion(tree *content.Tree, region, policy string) (content.Version, error) {
	for _, r := range tree.Regions {
		for _, p := range r.Policies {
			if r.Slug == region && p.Slug == policy {
				return p.Versions[len(p.Versions)-1], nil
			}
		}
	}
	return content.Version{}, fmt.Errorf("naskah revise: kebijakan %s/%s tidak ada; gunakan naskah new untuk memulainya", region, policy)
}

// freeName is dir/day.md, or dir/day-2.md and so on when that is taken.
func freeName(dir, day string) (string, error) {
	for n := 1; n < 100; n++ {
		name := day
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		path := filepath.Join(dir, name+".md")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
	}
	return "", fmt.Errorf("naskah revise: terlalu banyak versi bertanggal %s di %s", day, dir)
}

// create writes a new file, refusing to overwrite one.
func create(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s sudah ada; naskah tidak menimpa berkas", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// fromSlug turns "mamuju-tengah" into "Mamuju Tengah".
func fromSlug(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// regionFile is a new region's _index.md. A kind left empty fails naskah check on
// purpose: whether a region is a kabupaten or a kota is for the drafter to say.
func regionFile(name, kind, province string) string {
	return fmt.Sprintf(`---
# Nama daerah tanpa jenisnya, misalnya "Mamuju" (wajib).
name: %s
# Jenis daerah: kabupaten, kota atau provinsi (wajib).
kind: %s
# Provinsi tempat daerah ini berada.
province: %s
---

Deskripsi singkat daerah ini.
`, strconv.Quote(name), strconv.Quote(kind), strconv.Quote(province))
}

// A draft is what a new draft version says.
type draft struct {
	Title, Day, Summary, Note string
	Tags                      []string
	Form                      content.Form
	Type                      legal.Form
	Body                      string
}

// file is the draft as a version file with every front matter key, each
// explained; a regulation's legal keys are present, to be filled in.
func (d draft) file() string {
	quoted := make([]string, len(d.Tags))
	for i, t := range d.Tags {
		quoted[i] = strconv.Quote(t)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `---
# Judul kebijakan sebagaimana tertulis pada versi ini (wajib).
title: %s
# Label versi untuk pembaca; bila kosong, nama berkas yang dipakai.
version: ""
# Tanggal mulai berlaku: YYYY-MM-DD atau YYYY-MM.
date: %s
# draft (rancangan, belum tampil), published (terbit) atau revoked (dicabut).
status: draft
# Satu atau dua kalimat; tampil di hasil pencarian dan pratinjau tautan.
summary: %s
# Topik, huruf kecil dengan tanda -, misalnya [rekrutmen, pelatihan].
tags: [%s]
# Alamat naskah asli (https://...); kosongkan bila belum ada.
source: ""
# Catatan yang tampil di atas naskah; kosongkan bila tidak perlu.
note: %s
`, strconv.Quote(d.Title), d.Day, strconv.Quote(d.Summary), strings.Join(quoted, ", "), strconv.Quote(d.Note))
	if d.Form == content.Peraturan {
		fmt.Fprintf(&b, `# Bentuk naskah: peraturan (BAB, Pasal, ayat, huruf) atau prose.
form: peraturan
# Identitas produk hukum; isi setelah ditetapkan, jangan mengarang.
# Jenis: perda, perbup, perwal, pergub, kepbup, kepwal, kepgub, se, instruksi, lainnya.
type: %s
# Nomornya saja, mis. "12".
number: ""
year:
# Tanggal penetapan dan pengundangan: YYYY-MM-DD.
enacted:
promulgated:
# Tempat penetapan; bila kosong, nama daerah.
place: ""
# Mis. "Berita Daerah Kabupaten Mamuju Tahun 2025 Nomor 12".
gazette: ""
# Bidang hukum, mis. "Hukum Administrasi Negara".
field: ""
subjects: []
# Pemrakarsa dan penandatangan.
initiator: ""
signer: ""
# Abstrak: ABSTRAK, Dasar Hukum, materi pokok, CATATAN.
abstract: ""
# Naskah asli bertanda tangan: PDF di samping berkas ini, mis. "v1.pdf".
original: ""
`, strconv.Quote(string(d.Type)))
	}
	fmt.Fprintf(&b, "---\n\n%s", strings.TrimLeft(d.Body, "\n"))
	return b.String()
}

// regionKind is the kind of the region slug in the content directory dir,
// or "" when it cannot be read.
func regionKind(dir, slug string) string {
	tree, err := content.Load(dirfs.New(dir), dir)
	if err != nil {
		return ""
	}
	for _, r := range tree.Regions {
		if r.Slug == slug {
			return r.Kind
		}
	}
	return ""
}

// regulationFrame is the frame of a regulation that UU 12/2011 Lampiran II
// lays out, for a region of kind, ready to fill in.
func regulationFrame(kind, title string) string {
	name := map[string]string{"kabupaten": "Peraturan Bupati", "kota": "Peraturan Wali Kota", "provinsi": "Peraturan Gubernur"}[kind]
	if name == "" {
		name = "Peraturan …"
	}
	upper := strings.ToUpper(name + " tentang " + title)
	return fmt.Sprintf(`## Menimbang
a. bahwa …;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan %[1]s tentang %[2]s;

## Mengingat
1. …;
2. …;

## Menetapkan
%[3]s.

## BAB I KETENTUAN UMUM

### Pasal 1
Dalam %[1]s ini yang dimaksud dengan:
1. Daerah adalah ….
2. …

## BAB II …

### Pasal 2
(1) …
(2) … sebagaimana dimaksud pada ayat (1) meliputi:
    a. …;
    b. …; dan
    c. ….

## Penutup
%[1]s ini mulai berlaku pada tanggal diundangkan.

## PENJELASAN

### Umum
…

### Pasal 1
Cukup jelas.

### Pasal 2
Cukup jelas.
`, name, title, upper)
}
