package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/content"
)

// fixtureFiles are the files beside the fixture's versions, by source, and
// where the build publishes them.
var fixtureFiles = map[string]string{
	"contoh/kebijakan-uji/2025-03.pdf":         "contoh/kebijakan-uji/2025-03/2025-03.pdf",
	"contoh/kebijakan-uji/bagan-pelatihan.svg": "contoh/kebijakan-uji/2025-03/bagan-pelatihan.svg",
	"kota-uji/aturan-pengganti/peta.png":       "kota-uji/aturan-pengganti/v1/peta.png",
}

// TestFilesPublished: the originals and images land under their versions'
// URLs byte for byte, and what the version page and the policy page link to
// or show of them is there.
func TestFilesPublished(t *testing.T) {
	out := buildFixture(t, false)
	for src, dst := range fixtureFiles {
		want, err := os.ReadFile(filepath.Join("testdata/site", src))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, dst))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, %v; want the %d bytes of %s", dst, len(got), err, len(want), src)
		}
	}
	ref := regexp.MustCompile(`(?:src|href)="(/[^"#]+\.(?:pdf|svg|png))"`)
	for _, page := range []string{"contoh/kebijakan-uji/index.html", "contoh/kebijakan-uji/2025-03/index.html", "kota-uji/aturan-pengganti/index.html"} {
		html, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		refs := ref.FindAllSubmatch(html, -1)
		if len(refs) == 0 {
			t.Errorf("%s refers to no file beside its version", page)
		}
		for _, m := range refs {
			if _, err := os.Stat(filepath.Join(out, string(m[1][1:]))); err != nil && !bytes.HasSuffix(m[1], []byte("/qr.svg")) {
				t.Errorf("%s refers to %s: %v", page, m[1], err)
			}
		}
	}
}

// TestCheckFindsImageProblems: check reports an image a body shows that is
// not there at the line of the file that shows it, and an image no body
// shows; a link to the version's original is no broken link.
func TestCheckFindsImageProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":    {Data: []byte("---\ntitle: Uji\n---\n")},
		"a/_index.md":  {Data: []byte("---\nname: A\nkind: kota\n---\n")},
		"a/k/v1.pdf":   {Data: []byte("%PDF-1.4\n")},
		"a/k/peta.png": {Data: []byte("\x89PNG\r\n\x1a\n")},
		"a/k/v1.md": {Data: []byte(`---
title: K
summary: S.
original: v1.pdf
---

## Bagan

Lihat [naskah asli](v1.pdf) dan bagan
berikut: ![Bagan organisasi](bagan.png).
`)},
	}
	_, err := Check(context.Background(), Config{Content: fsys, ContentDir: "content"})
	got, ok := Problems(err)
	if !ok {
		t.Fatalf("Check = %v, want problems", err)
	}
	want := content.Problems{
		{Path: "content/a/k/peta.png", Message: "gambar ini tidak ditampilkan naskah versi mana pun; tampilkan dengan ![keterangan](peta.png) di naskah versinya, atau hapus berkasnya"},
		{Path: "content/a/k/v1.md", Line: 10, Message: `gambar "bagan.png" tidak ditemukan; letakkan berkasnya di content/a/k/bagan.png`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestPreviewRepublishesAChangedImage: an image saved again is published
// again, as a full build would.
func TestPreviewRepublishesAChangedImage(t *testing.T) {
	p, _, src, cfg := previewFixture(t)
	png := filepath.Join(src, "kota-uji", "aturan-pengganti", "peta.png")
	data, err := os.ReadFile(png)
	if err != nil {
		t.Fatal(err)
	}
	changed := append(bytes.Clone(data), 0) // still a PNG, by its first bytes
	if err := os.WriteFile(png, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Rebuild(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(cfg.Out, fixtureFiles["kota-uji/aturan-pengganti/peta.png"]))
	if err != nil || !bytes.Equal(got, changed) {
		t.Errorf("the published image is not the one saved: %v", err)
	}
	sameAsFullBuild(t, cfg)
}
