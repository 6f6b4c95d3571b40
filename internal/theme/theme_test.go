package theme

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/legal"
	"naskah/themes"
)

func TestStringsFilesMatch(t *testing.T) {
	id, err := Load(themes.Default(), "id")
	if err != nil {
		t.Fatal(err)
	}
	en, err := Load(themes.Default(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(id.Strings().Keys(), en.Strings().Keys()); diff != "" {
		t.Errorf("id.toml and en.toml have different keys (-id +en):\n%s", diff)
	}
}

// TestTemplatesUseKnownStrings finds every literal key passed to t in the layouts.
func TestTemplatesUseKnownStrings(t *testing.T) {
	th, err := Load(themes.Default(), "id")
	if err != nil {
		t.Fatal(err)
	}
	keyRE := regexp.MustCompile(`\bt "([^"]+)"`)
	layouts, err := fs.Glob(themes.Default(), "layouts/*/*.html")
	top, _ := fs.Glob(themes.Default(), "layouts/*.html")
	layouts = append(layouts, top...)
	if err != nil || len(layouts) == 0 {
		t.Fatalf("no layouts: %v", err)
	}
	for _, name := range layouts {
		data, err := fs.ReadFile(themes.Default(), name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(data), -1) {
			if _, ok := th.Strings()[m[1]]; !ok {
				t.Errorf("%s uses the missing UI string %q", name, m[1])
			}
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ lang, date, want string }{
		{"id", "2025-04-06", "6 April 2025"},
		{"id", "2025-04", "April 2025"},
		{"id", "2024-12-31", "31 Desember 2024"},
		{"en", "2025-04-06", "6 April 2025"},
		{"en", "2025-08", "August 2025"},
	}
	for _, tt := range tests {
		th, err := Load(themes.Default(), tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		d, err := legal.ParseDate(tt.date)
		if err != nil {
			t.Fatal(err)
		}
		got, err := th.Strings().Date(d)
		if err != nil || got != tt.want {
			t.Errorf("%s Date(%s) = %q, %v; want %q", tt.lang, tt.date, got, err, tt.want)
		}
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		lang string
		n    int64
		want string
	}{
		{"id", 0, "0 bita"},
		{"id", 1023, "1023 bita"},
		{"id", 1024, "1,0 KB"},
		{"id", 340 << 10, "340 KB"},
		{"id", 1258291, "1,2 MB"},
		{"id", 10<<20 - 1, "10 MB"},
		{"id", 64 << 20, "64 MB"},
		{"en", 1258291, "1.2 MB"},
		{"en", 512, "512 bytes"},
	}
	for _, tt := range tests {
		th, err := Load(themes.Default(), tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := th.Strings().Size(tt.n); err != nil || got != tt.want {
			t.Errorf("%s Size(%d) = %q, %v; want %q", tt.lang, tt.n, got, err, tt.want)
		}
	}
}

func TestMissingStringIsAnError(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html":    {Data: []byte(`{{define "base"}}{{t "ada"}} {{t "hilang"}}{{end}}`)},
		"layouts/halaman.html": {Data: []byte(``)},
		"strings/id.toml":      {Data: []byte(`ada = "ada"`)},
		"static/gaya.css":      {Data: []byte(`body{}`)},
	}
	th, err := Load(fsys, "id")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.Render("halaman", nil); err == nil || !strings.Contains(err.Error(), `"hilang"`) {
		t.Errorf("Render with a missing string: err = %v", err)
	}
	if _, err := th.Render("tidak-ada", nil); err == nil {
		t.Error("Render of an unknown page succeeded")
	}
	url, err := th.AssetURL("gaya.css")
	if err != nil || !regexp.MustCompile(`^/assets/gaya\.[0-9a-f]{8}\.css$`).MatchString(url) {
		t.Errorf("AssetURL = %q, %v", url, err)
	}
	if _, err := Load(fsys, "fr"); err == nil {
		t.Error("Load accepted a language without a strings file")
	}
}

func TestTopic(t *testing.T) {
	s := Strings{"topics.tik": "Teknologi Informasi dan Komunikasi"}
	for slug, want := range map[string]string{
		"penilaian-kinerja": "Penilaian kinerja",
		"manajemen-asn":     "Manajemen ASN",
		"pppk":              "PPPK",
		"tik":               "Teknologi Informasi dan Komunikasi",
		"rekrutmen":         "Rekrutmen",
	} {
		if got := s.Topic(slug); got != want {
			t.Errorf("Topic(%q) = %q, want %q", slug, got, want)
		}
	}
}
