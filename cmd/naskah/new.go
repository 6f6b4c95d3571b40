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
	region, policy, err := parseTarget(fs, args)
	if err != nil {
		return err
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
	body := "## Pendahuluan\n\nTulis isi kebijakan di sini. Setiap bagian diawali judul `## Judul Bagian`, dan paragraf dipisahkan baris kosong.\n"
	if err := create(path, versionFile(*title, day, "", "", nil, body)); err != nil {
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
	src := versionFile(newest.Title, day, newest.Summary, newest.Note, newest.Tags, string(newest.Body))
	if err := create(path, src); err != nil {
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

// versionFile is a draft version with every front matter key, each explained.
func versionFile(title, day, summary, note string, tags []string, body string) string {
	quoted := make([]string, len(tags))
	for i, t := range tags {
		quoted[i] = strconv.Quote(t)
	}
	return fmt.Sprintf(`---
# Judul kebijakan sebagaimana tertulis pada versi ini (wajib).
title: %s
# Label versi untuk pembaca; bila kosong, nama berkas yang dipakai.
version: ""
# Tanggal ditetapkan atau mulai berlaku: YYYY-MM-DD atau YYYY-MM.
date: %s
# draft (rancangan, belum tampil), published (terbit) atau revoked (dicabut).
status: draft
# Satu atau dua kalimat; tampil di hasil pencarian dan pratinjau tautan.
summary: %s
# Topik, huruf kecil dengan tanda -, misalnya [rekrutmen, pelatihan].
tags: [%s]
# Nomor resmi, misalnya "Perbup No. 12 Tahun 2025"; kosongkan bila belum ada.
number: ""
# Alamat naskah asli (https://...); kosongkan bila belum ada.
source: ""
# Catatan yang tampil di atas naskah; kosongkan bila tidak perlu.
note: %s
---

%s`, strconv.Quote(title), day, strconv.Quote(summary), strings.Join(quoted, ", "), strconv.Quote(note), strings.TrimLeft(body, "\n"))
}
