package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"naskah/themes"
)

// copyFS copies every file of fsys into a MapFS that a test can change.
func copyFS(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func buildWith(t *testing.T, contentFS, themeFS fs.FS) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Config{Content: contentFS, ContentDir: "content", Theme: themeFS, Out: out}); err != nil {
		t.Fatal(err)
	}
	return readTree(t, out)
}

func TestThemeDirectoryOverridesDefault(t *testing.T) {
	th := copyFS(t, themes.Default())
	strs := string(th["strings/id.toml"].Data)
	th["strings/id.toml"].Data = []byte(strings.Replace(strs, `berlaku = "Berlaku"`, `berlaku = "Masih berlaku"`, 1))
	files := buildWith(t, os.DirFS("testdata/site"), th)
	if page := string(files["contoh/kebijakan-uji/index.html"]); !strings.Contains(page, ">Masih berlaku<") {
		t.Error("a theme directory's strings did not replace the default theme's")
	}
}

func TestEnglishStrings(t *testing.T) {
	site := copyFS(t, os.DirFS("testdata/site"))
	site["_index.md"].Data = []byte(strings.Replace(string(site["_index.md"].Data), "language: id", "language: en", 1))
	files := buildWith(t, site, nil)
	page := string(files["contoh/kebijakan-uji/2024-01/index.html"])
	for _, want := range []string{`<html lang="en">`, "Superseded", "January 2024", "Version history", "Contents"} {
		if !strings.Contains(page, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Tidak berlaku", "Januari", "Riwayat versi", "Daftar isi"} {
		if strings.Contains(page, unwanted) {
			t.Errorf("English page still says %q", unwanted)
		}
	}
}

// readTree reads every file below dir, by its slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for name, f := range copyFS(t, os.DirFS(dir)) {
		files[name] = f.Data
	}
	return files
}
