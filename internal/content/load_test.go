package content

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"naskah/internal/legal"
)

// file returns a MapFS file holding s.
func file(s string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(s)}
}

var modTime = time.Date(2025, 4, 6, 8, 30, 0, 0, time.UTC)

// yamlTree and tomlTree hold the same content, line for line.
var (
	yamlTree = fstest.MapFS{
		"_index.md":                    file("---\ntitle: Naskah Kebijakan Daerah\ndescription: Kebijakan daerah Sulawesi Barat\nbase_url: https://naskah.example.id\n---\n"),
		".git/config":                  file("ignored"),
		"README.md~":                   file("ignored"),
		"polewali-mandar/_index.md":    file("---\nname: Kabupaten Polewali Mandar\nkind: kabupaten\n---\n"),
		"majene/_index.md":             file("---\nname: Majene\nkind: kota\n---\n"),
		"majene/perda-pajak/v1.md":     file("---\ntitle: Perda Pajak\n---\nIsi.\n"),
		"mamuju/_index.md":             file("---\nname: Kabupaten Mamuju\nkind: kabupaten\nprovince: Sulawesi Barat\n---\n\nKabupaten di pesisir barat.\n"),
		"mamuju/kebijakan-asn/v10.md":  file("---\ntitle: Kebijakan ASN\n---\nSepuluh.\n"),
		"mamuju/kebijakan-asn/v2.md":   file("---\ntitle: Kebijakan ASN\nstatus: draft\n---\nDua.\n"),
		"mamuju/kebijakan-asn/awal.md": file("---\ntitle: Kebijakan ASN\ndate: 2024-12-31\nversion: \"1.10\"\nstatus: draft\n---\nAwal.\n"),
		"mamuju/kebijakan-asn/2025-04.md": {
			Data:    []byte("---\ntitle: Kebijakan ASN 2025\ndate: 2025-04\ntags: [kepegawaian, asn]\nsummary: Ringkasan.\nnumber: 12\nyear: 2025\nsource: https://jdih.example.go.id/12\nnote: Catatan.\n---\n# Isi\n"),
			ModTime: modTime,
		},
		"mamuju/kebijakan-asn/pembaruan.md": file("---\ntitle: Kebijakan ASN\ndate: 2025-04-06\n---\n"),
		"mamuju/kebijakan-asn/.v3.md.swp":   file("ignored"),
		"mamuju/kebijakan-asn/#v3.md#":      file("ignored"),
		"mamuju/kebijakan-asn/v3.md~":       file("ignored"),
	}
	tomlTree = fstest.MapFS{
		"_index.md":                    file("+++\ntitle = \"Naskah Kebijakan Daerah\"\ndescription = \"Kebijakan daerah Sulawesi Barat\"\nbase_url = \"https://naskah.example.id\"\n+++\n"),
		"polewali-mandar/_index.md":    file("+++\nname = \"Kabupaten Polewali Mandar\"\nkind = \"kabupaten\"\n+++\n"),
		"majene/_index.md":             file("+++\nname = \"Majene\"\nkind = \"kota\"\n+++\n"),
		"majene/perda-pajak/v1.md":     file("+++\ntitle = \"Perda Pajak\"\n+++\nIsi.\n"),
		"mamuju/_index.md":             file("+++\nname = \"Kabupaten Mamuju\"\nkind = \"kabupaten\"\nprovince = \"Sulawesi Barat\"\n+++\n\nKabupaten di pesisir barat.\n"),
		"mamuju/kebijakan-asn/v10.md":  file("+++\ntitle = \"Kebijakan ASN\"\n+++\nSepuluh.\n"),
		"mamuju/kebijakan-asn/v2.md":   file("+++\ntitle = \"Kebijakan ASN\"\nstatus = \"draft\"\n+++\nDua.\n"),
		"mamuju/kebijakan-asn/awal.md": file("+++\ntitle = \"Kebijakan ASN\"\ndate = 2024-12-31\nversion = \"1.10\"\nstatus = \"draft\"\n+++\nAwal.\n"),
		"mamuju/kebijakan-asn/2025-04.md": {
			Data:    []byte("+++\ntitle = \"Kebijakan ASN 2025\"\ndate = \"2025-04\"\ntags = [\"kepegawaian\", \"asn\"]\nsummary = \"Ringkasan.\"\nnumber = \"12\"\nyear = 2025\nsource = \"https://jdih.example.go.id/12\"\nnote = \"Catatan.\"\n+++\n# Isi\n"),
			ModTime: modTime,
		},
		"mamuju/kebijakan-asn/pembaruan.md": file("+++\ntitle = \"Kebijakan ASN\"\ndate = \"2025-04-06\"\n+++\n"),
	}
)

// wantTree is what yamlTree and tomlTree hold.
var wantTree = &Tree{
	Site: Site{
		Title:       "Naskah Kebijakan Daerah",
		Description: "Kebijakan daerah Sulawesi Barat",
		BaseURL:     "https://naskah.example.id",
		Language:    "id",
		Path:        "content/_index.md",
	},
	Regions: []Region{
		{
			Slug: "majene", Name: "Majene", Kind: "kota",
			Body: []byte{}, BodyLine: 5, Path: "content/majene/_index.md",
			Policies: []Policy{{
				Slug: "perda-pajak", Path: "content/majene/perda-pajak",
				Versions: []Version{{
					Slug: "v1", Path: "content/majene/perda-pajak/v1.md",
					Title: "Perda Pajak", Label: "v1", Status: Published, Form: Prose,
					Body: []byte("Isi.\n"), BodyLine: 4,
				}},
			}},
		},
		{
			Slug: "mamuju", Name: "Kabupaten Mamuju", Kind: "kabupaten", Province: "Sulawesi Barat",
			Body: []byte("\nKabupaten di pesisir barat.\n"), BodyLine: 6, Path: "content/mamuju/_index.md",
			Policies: []Policy{{
				Slug: "kebijakan-asn", Path: "content/mamuju/kebijakan-asn",
				Versions: []Version{
					{
						Slug: "v2", Path: "content/mamuju/kebijakan-asn/v2.md",
						Title: "Kebijakan ASN", Label: "v2", Status: Draft, Form: Prose,
						Body: []byte("Dua.\n"), BodyLine: 5,
					},
					{
						Slug: "v10", Path: "content/mamuju/kebijakan-asn/v10.md",
						Title: "Kebijakan ASN", Label: "v10", Status: Published, Form: Prose,
						Body: []byte("Sepuluh.\n"), BodyLine: 4,
					},
					{
						Slug: "awal", Path: "content/mamuju/kebijakan-asn/awal.md",
						Title: "Kebijakan ASN", Label: "1.10", Status: Draft, Form: Prose,
						Date: legal.Date{Year: 2024, Month: 12, Day: 31}, DateLine: 3,
						Body: []byte("Awal.\n"), BodyLine: 7,
					},
					{
						Slug: "2025-04", Path: "content/mamuju/kebijakan-asn/2025-04.md",
						Title: "Kebijakan ASN 2025", Label: "2025-04", Status: Published, Form: Prose,
						Summary: "Ringkasan.", Instrument: Instrument{Number: "12", Year: 2025}, Source: "https://jdih.example.go.id/12", Note: "Catatan.",
						Date: legal.Date{Year: 2025, Month: 4}, DateLine: 3, Tags: []string{"kepegawaian", "asn"},
						Body: []byte("# Isi\n"), BodyLine: 11,
					},
					{
						Slug: "pembaruan", Path: "content/mamuju/kebijakan-asn/pembaruan.md",
						Title: "Kebijakan ASN", Label: "pembaruan", Status: Published, Form: Prose,
						Date: legal.Date{Year: 2025, Month: 4, Day: 6}, DateLine: 3, Body: []byte{}, BodyLine: 5,
					},
				},
			}},
		},
		{
			Slug: "polewali-mandar", Name: "Kabupaten Polewali Mandar", Kind: "kabupaten",
			Body: []byte{}, BodyLine: 5, Path: "content/polewali-mandar/_index.md",
		},
	},
	Warnings: []Problem{{
		Path: "content/polewali-mandar", Message: "wilayah belum memiliki kebijakan", Warning: true,
	}},
}

// ignoreRaw leaves the files' bytes out of a comparison of trees.
var ignoreRaw = cmp.Options{cmpopts.IgnoreFields(Version{}, "Raw"), cmpopts.IgnoreFields(Region{}, "Raw"), cmpopts.IgnoreFields(Site{}, "Raw")}

func TestLoadValid(t *testing.T) {
	for _, tt := range []struct {
		name string
		fsys fstest.MapFS
	}{
		{"YAML", yamlTree},
		{"TOML", tomlTree},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Load(tt.fsys, "content")
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if diff := cmp.Diff(wantTree, got, ignoreRaw); diff != "" {
				t.Errorf("Load mismatch (-want +got):\n%s", diff)
			}
			for _, v := range got.Regions[0].Policies[0].Versions {
				if raw := tt.fsys[strings.TrimPrefix(v.Path, "content/")].Data; string(v.Raw) != string(raw) {
					t.Errorf("%s: Raw is not the file's bytes", v.Path)
				}
			}
		})
	}
}

// loadProblems loads fsys and returns its problems as strings.
func loadProblems(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	tree, err := Load(fsys, "content")
	if err == nil {
		var got []string
		for _, p := range tree.Warnings {
			got = append(got, p.String())
		}
		return got
	}
	var probs Problems
	if !errors.As(err, &probs) {
		t.Fatalf("Load returned %T, want Problems", err)
	}
	if tree != nil {
		t.Errorf("Load returned a Tree and an error")
	}
	got := make([]string, len(probs))
	for i, p := range probs {
		got[i] = p.String()
	}
	return got
}

func TestPolicyOrderProblems(t *testing.T) {
	base := fstest.MapFS{
		"_index.md":   {Data: []byte("---\ntitle: Uji\n---\n")},
		"a/_index.md": {Data: []byte("---\nname: A\nkind: kota\n---\n")},
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "dates go backwards",
			files: map[string]string{"a/k/v1.md": "---\ntitle: K\ndate: 2025-03\n---\n", "a/k/v2.md": "---\ntitle: K\ndate: 2024-01\n---\n"},
			want:  []string{"content/a/k/v2.md:3: tanggal 2024-01 lebih awal daripada v1.md (2025-03), padahal nama berkasnya menyusul; tanggal versi mundur"},
		},
		{
			name:  "names of another pattern do not count",
			files: map[string]string{"a/k/awal.md": "---\ntitle: K\ndate: 2025-03\n---\n", "a/k/v2.md": "---\ntitle: K\ndate: 2024-01\n---\n"},
		},
		{
			name:  "published after revoked",
			files: map[string]string{"a/k/v1.md": "---\ntitle: K\nstatus: revoked\n---\n", "a/k/v2.md": "---\ntitle: K\n---\n"},
			want:  []string{"content/a/k/v2.md:1: versi terbit sesudah versi yang dicabut (v1.md); cabut versi ini juga atau jadikan rancangan"},
		},
		{
			name:  "revoked after published is the usual end of a policy",
			files: map[string]string{"a/k/v1.md": "---\ntitle: K\n---\n", "a/k/v2.md": "---\ntitle: K\nstatus: revoked\n---\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			for name, src := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(src)}
			}
			_, err := Load(fsys, "content")
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadCached loads a tree again and again with one cache while its files
// change: every load must equal a fresh Load, problems included.
func TestLoadCached(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, f := range yamlTree {
		fsys[name] = &fstest.MapFile{Data: f.Data, ModTime: f.ModTime}
	}
	c := NewCache()
	steps := []struct {
		name string
		edit func()
	}{
		{"first load", func() {}},
		{"unchanged", func() {}},
		{"a body edited", func() { fsys["majene/perda-pajak/v1.md"] = file("---\ntitle: Perda Pajak\n---\nIsi baru.\n") }},
		{"a tag twice, a warning", func() {
			fsys["majene/perda-pajak/v1.md"] = file("---\ntitle: Perda Pajak\ntags: [pajak, pajak]\n---\nIsi.\n")
		}},
		{"the warning again, from the cache", func() {}},
		{"an unknown key, an error", func() { fsys["mamuju/kebijakan-asn/v10.md"] = file("---\ntitle: Kebijakan ASN\njudul: x\n---\n") }},
		{"the error again, from the cache", func() {}},
		{"fixed", func() { fsys["mamuju/kebijakan-asn/v10.md"] = file("---\ntitle: Kebijakan ASN\n---\nSepuluh.\n") }},
		{"a file removed", func() { delete(fsys, "mamuju/kebijakan-asn/v2.md") }},
	}
	for _, step := range steps {
		step.edit()
		want, wantErr := Load(fsys, "content")
		got, gotErr := LoadCached(fsys, "content", c)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: LoadCached differs from Load (-Load +LoadCached):\n%s", step.name, diff)
		}
		if diff := cmp.Diff(errString(wantErr), errString(gotErr)); diff != "" {
			t.Errorf("%s: LoadCached's error differs from Load's (-Load +LoadCached):\n%s", step.name, diff)
		}
		if strings.Contains(step.name, "warning") && (got == nil || !strings.Contains(fmt.Sprint(got.Warnings), "dua kali")) {
			t.Errorf("%s: no warning", step.name)
		}
		if strings.Contains(step.name, "error") && gotErr == nil {
			t.Errorf("%s: no error", step.name)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
