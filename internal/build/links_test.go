package build

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/content"
)

func TestCheckFindsBrokenLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":   {Data: []byte("---\ntitle: Uji\n---\n")},
		"a/_index.md": {Data: []byte("---\nname: A\nkind: kota\n---\n")},
		"a/k/v1.md":   {Data: []byte("---\ntitle: K\nsummary: S.\n---\n\n## Tujuan\n\nIsi pertama.\n")},
		"a/k/v2.md": {Data: []byte(`---
title: K
summary: S.
---

## Rujukan

Baik: [versi 1](/a/k/v1/#tujuan), [riwayat](../versi/), [di sini](#rujukan),
[luar](https://contoh.example/x), [surel](mailto:a@contoh.example), [daerah](/a).

Rusak: [tidak ada](/a/tidak-ada/) dan [bagian](/a/k/v1/#hilang).

[jangkar](#hilang-juga)
`)},
	}
	_, err := Check(context.Background(), Config{Content: fsys, ContentDir: "content"})
	got, ok := Problems(err)
	if !ok {
		t.Fatalf("Check = %v, want problems", err)
	}
	want := content.Problems{
		{Path: "content/a/k/v2.md", Line: 11, Message: "tautan rusak: halaman /a/tidak-ada/ tidak ada"},
		{Path: "content/a/k/v2.md", Line: 11, Message: "tautan rusak: halaman /a/k/v1/ tidak punya bagian #hilang"},
		{Path: "content/a/k/v2.md", Line: 13, Message: "tautan rusak: halaman /a/k/v2/ tidak punya bagian #hilang-juga"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
