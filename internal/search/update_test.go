package search_test

import (
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"naskah/internal/build"
	"naskah/internal/catalog"
	"naskah/internal/search"
)

func TestUpdate(t *testing.T) {
	dir := t.TempDir()
	cfg := build.Config{Content: fixture, ContentDir: "content", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	snap, err := catalog.Locate(cfg.Out, cfg.Data)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(snap.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.OpenWritable(snap.Index(), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	// Beta's policy loses its section on tasks and gains one on pay.
	changed := fstest.MapFS{}
	for k, v := range fixture {
		changed[k] = v
	}
	changed["beta/kebijakan/v1.md"] = file("---\ntitle: Kebijakan Beta\n---\n\n## Gaji\n\nTunjangan kinerja dibayarkan setiap bulan.\n")
	res, err := build.Check(context.Background(), build.Config{Content: changed, ContentDir: "content"})
	if err != nil {
		t.Fatal(err)
	}
	next, err := ix.Update(res.Site.Catalog(), []string{"beta/kebijakan"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"tunjangan", []string{"beta/kebijakan@v1#gaji"}},
		{"penugasan", nil},
		{"menyelenggarakan", []string{"alpha/kepegawaian@v2#pelatihan"}},
	} {
		got := where(run(t, next, search.Request{Query: tt.query}))
		if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
			t.Errorf("%s: hits %v, want %v", tt.query, got, tt.want)
		}
	}
}
