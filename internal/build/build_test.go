package build

import (
	"context"
	"flag"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/legal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// buildFixture builds testdata/site into a fresh directory and returns it.
// fixtureNow is the day the fixture is built as of, so that its golden pages
// hold on every day.
var fixtureNow = legal.Date{Year: 2026, Month: 1, Day: 15}

func buildFixture(t *testing.T, drafts bool) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	cfg := Config{Content: os.DirFS("testdata/site"), ContentDir: "testdata/site", Out: out, Drafts: drafts, Now: fixtureNow}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out
}

func TestGoldenPages(t *testing.T) {
	out := buildFixture(t, false)
	pages := []string{
		"index.html",
		"contoh/index.html",
		"contoh/kebijakan-uji/index.html",
		"contoh/kebijakan-uji/2024-01/index.html",
		"contoh/kebijakan-uji/2099-01/index.html", // scheduled on any day the tests run
		"contoh/kebijakan-uji/versi/index.html",
		"contoh/kebijakan-uji/2025-03/perubahan/index.html",
		"contoh/peraturan-uji/index.html", // a regulation: BAB, Pasal, ayat, huruf, penjelasan
		"contoh/peraturan-uji/v2/perubahan/index.html",
		"kota-uji/aturan-lama/v1/index.html",
		"kota-uji/aturan-pengganti/v1/index.html",
		"topik/index.html",
		"topik/pelatihan/index.html",
		"404.html",
		"feed.xml",
		"contoh/feed.xml",
		"sitemap.xml",
		"robots.txt",
		"jdihn.json",
		"s/37xcmw3/index.html", // the short link of contoh/kebijakan-uji/2024-01
	}
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(out, p))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "_"))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/build -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs from %s (-want +got):\n%s", p, golden, diff)
			}
		})
	}
}

// TestSharingFiles checks the files beside each version page that the sharing
// kit refers to: the share card, the QR code and the short link's page.
func TestSharingFiles(t *testing.T) {
	out := buildFixture(t, false)
	for _, tt := range []struct{ file, start, has string }{
		{"kartu.png", "\x89PNG", ""},
		{"contoh/kebijakan-uji/2024-01/kartu.png", "\x89PNG", ""},
		{"contoh/kebijakan-uji/2024-01/qr.svg", "<?xml", `aria-label="Kode QR menuju https://naskah.example/s/37xcmw3"`},
		{"s/37xcmw3/index.html", "<!DOCTYPE html>", `<meta http-equiv="refresh" content="0; url=/contoh/kebijakan-uji/2024-01/">`},
	} {
		data, err := os.ReadFile(filepath.Join(out, tt.file))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.HasPrefix(string(data), tt.start) || !strings.Contains(string(data), tt.has) {
			t.Errorf("%s starts %q, want %q, and should hold %q", tt.file, data[:min(len(data), 20)], tt.start, tt.has)
		}
	}
}

// TestEveryPageHead checks what every page's head must carry: language, canonical
// URL, description and Open Graph tags.
func TestEveryPageHead(t *testing.T) {
	out := buildFixture(t, true)
	required := []string{`<html lang="id">`, `<meta name="description" content="`, `<meta property="og:title"`, `<meta property="og:type"`, `<meta name="viewport"`,
		`<meta property="og:image" content="https://naskah.example/`, `<meta property="og:image:alt" content="`, `<meta name="twitter:card" content="summary_large_image">`}
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		n++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := string(data)
		for _, r := range required {
			if !strings.Contains(page, r) {
				t.Errorf("%s lacks %s", p, r)
			}
		}
		if filepath.Base(p) != "404.html" && !strings.Contains(page, `<link rel="canonical" href="https://naskah.example/`) {
			t.Errorf("%s lacks an absolute canonical URL", p)
		}
		// Scripts only add conveniences: a deferred file of the theme, or data.
		for _, tag := range scriptRE.FindAllString(page, -1) {
			if !strings.HasPrefix(tag, `<script src="/assets/`) && !strings.HasPrefix(tag, `<script type="application/json"`) {
				t.Errorf("%s carries an inline script: %s", p, tag)
			}
		}
		if regexp.MustCompile(`(src|href)="(https?:)?//[^"]*"[^>]*>`).MatchString(stripBody(page)) {
			t.Errorf("%s loads something from another host", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d HTML pages built", n)
	}
}

var scriptRE = regexp.MustCompile(`<script[^>]*>`)

// stripBody keeps the head, where a stylesheet, font or script from another host would be.
func stripBody(page string) string {
	head, _, _ := strings.Cut(page, "<body>")
	return strings.ReplaceAll(head, `href="https://naskah.example/`, "")
}

func TestDrafts(t *testing.T) {
	draftPage := "contoh/kebijakan-uji/2025-09/index.html"
	without := buildFixture(t, false)
	if _, err := os.Stat(filepath.Join(without, draftPage)); err == nil {
		t.Errorf("%s built without -drafts", draftPage)
	}
	for _, name := range []string{"feed.xml", "contoh/feed.xml", "sitemap.xml", "index.html", "topik/index.html"} {
		data, err := os.ReadFile(filepath.Join(without, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "2025-09") || strings.Contains(string(data), "rancangan-khusus") {
			t.Errorf("%s mentions the draft without -drafts", name)
		}
	}
	with := buildFixture(t, true)
	data, err := os.ReadFile(filepath.Join(with, draftPage))
	if err != nil {
		t.Fatalf("draft page not built with -drafts: %v", err)
	}
	for _, want := range []string{"status-rancangan", "Rancangan", "Ini rancangan (versi 2025-09) dan belum berlaku."} {
		if !strings.Contains(string(data), want) {
			t.Errorf("draft page lacks %q", want)
		}
	}
	// The draft must not displace the version in force.
	current, err := os.ReadFile(filepath.Join(with, "contoh/kebijakan-uji/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(current), "Peraturan Bupati Contoh Nomor 1 Tahun 2025") {
		t.Error("with -drafts the policy page no longer shows the version in force")
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[strings.TrimPrefix(p, dir)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestFailedBuildLeavesOutputAlone(t *testing.T) {
	out := buildFixture(t, false)
	if err := os.WriteFile(filepath.Join(out, ".gitkeep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	broken := fstest.MapFS{
		"_index.md":           {Data: []byte("---\ntitle: Rusak\n---\n")},
		"a/_index.md":         {Data: []byte("---\nname: A\nkind: kota\n---\n")},
		"a/kebijakan/v1.md":   {Data: []byte("---\ntitel: salah ketik\n---\nIsi.\n")},
		"a/kebijakan/v2.md":   {Data: []byte("---\ntitle: Baik\n---\nIsi.\n")},
		"b/_index.md":         {Data: []byte("---\nname: B\nkind: kota\n---\n")},
		"b/kebijakan/2025.md": {Data: []byte("---\ntitle: Baik\ndate: 2025-13\n---\nIsi.\n")},
	}
	_, err := Run(context.Background(), Config{Content: broken, ContentDir: "content", Out: out})
	if err == nil {
		t.Fatal("Run succeeded on broken content")
	}
	for _, want := range []string{"content/a/kebijakan/v1.md:2:", "content/b/kebijakan/2025.md:3:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
		t.Errorf("a failed build changed the output (-want +got):\n%s", diff)
	}
}

func TestBuildRemovesStaleFiles(t *testing.T) {
	out := buildFixture(t, false)
	stale := filepath.Join(out, "lama", "index.html")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("lama"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, ".gitkeep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Content: os.DirFS("testdata/site"), ContentDir: "testdata/site", Out: out}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a file of an earlier build survived a rebuild")
	}
	if _, err := os.Stat(filepath.Join(out, ".gitkeep")); err != nil {
		t.Error(".gitkeep was not carried over")
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("publishing left temporary directories beside the output: %v", entries)
	}
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// visibleText reduces an HTML page to its text with single spaces.
func visibleText(page string) string {
	return spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(page, " ")), " ")
}

// seedChrome is scraped page furniture in the seeds that is not part of a document.
var seedChrome = map[string]bool{"BKN Tanjungbalai": true, "Loading": true, "• Apr, Sun, 2025": true}

// TestSeedsPublishedFaithfully builds the shipped content/ and checks that every
// sentence of every source document appears on its policy's page.
func TestSeedsPublishedFaithfully(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	cfg := Config{Content: os.DirFS("../../content"), ContentDir: "content", Out: out, FallbackBaseURL: "http://127.0.0.1:8080"}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	seeds, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("want the 5 seed texts in testdata/seeds, got %v (%v)", seeds, err)
	}
	for _, seed := range seeds {
		region := strings.TrimSuffix(filepath.Base(seed), ".txt")
		t.Run(region, func(t *testing.T) {
			page := policyPage(t, files, region)
			src, err := os.ReadFile(seed)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, line := range strings.Split(string(src), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || seedChrome[line] {
					continue
				}
				for _, s := range sentences(line) {
					n++
					if !strings.Contains(page, s) {
						t.Errorf("sentence missing from the built page: %q", s)
					}
				}
			}
			if n < 20 {
				t.Errorf("only %d sentences checked", n)
			}
		})
	}
}

// policyPage returns the visible text of the page of the region's only policy.
func policyPage(t *testing.T, files map[string][]byte, region string) string {
	t.Helper()
	var found []string
	for name := range files {
		parts := strings.Split(name, "/")
		if len(parts) == 3 && parts[0] == region && parts[2] == "index.html" && parts[1] != "" {
			found = append(found, name)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one policy page for %s, got %v", region, found)
	}
	return visibleText(string(files[found[0]]))
}

// sentences splits a line of prose after each full stop, question or exclamation mark.
func sentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if strings.IndexByte(".?!", line[i]) >= 0 && (i+1 == len(line) || line[i+1] == ' ') {
			out = append(out, strings.TrimSpace(line[start:i+1]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// TestCardsKept builds twice into one output: the second build keeps a share
// card whose stamp still fits, rather than drawing it again.
func TestCardsKept(t *testing.T) {
	out := buildFixture(t, false)
	card := filepath.Join(out, "contoh", "kebijakan-uji", "2024-01", "kartu.png")
	drawn, err := os.ReadFile(card)
	if err != nil {
		t.Fatal(err)
	}
	marked := append(drawn[:len(drawn):len(drawn)], "tanda"...)
	if err := os.WriteFile(card, marked, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Content: os.DirFS("testdata/site"), ContentDir: "testdata/site", Out: out, Now: fixtureNow}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(card)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(marked) {
		t.Errorf("the second build drew the card again instead of keeping it")
	}
}

// TestFavicon checks the icon that browsers ask for at /favicon.ico: an ICO
// holding one 32 px PNG, and the SVG icon every page links to.
func TestFavicon(t *testing.T) {
	out := buildFixture(t, false)
	ico, err := os.ReadFile(filepath.Join(out, "favicon.ico"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ico) < 22+8 || string(ico[:6]) != "\x00\x00\x01\x00\x01\x00" || ico[6] != 32 || string(ico[22:30]) != "\x89PNG\r\n\x1a\n" {
		t.Errorf("favicon.ico is not an ICO of one 32 px PNG: % x", ico[:min(len(ico), 30)])
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !strings.Contains(string(page), `<link rel="icon" href="/assets/favicon.`) {
		t.Errorf("the home page links no icon (%v)", err)
	}
}
