//go:build linux

package content

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/dirfs"
)

// writeTree writes files below dir, making their directories.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// must fails the test on err, the error of making a fixture.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A fixture adds entries to a valid content tree at dir; outside is a
// directory beside it holding outsideFiles.
type fixture func(t *testing.T, dir, outside string)

// outsideFiles are what an attacker would link to: a version with valid front
// matter, and files named like secrets.
var outsideFiles = map[string]string{
	"v.md":              "---\ntitle: Naskah dari luar\n---\nIsi yang tidak boleh terbit.\n",
	"id_rsa":            "kunci",
	"kata-sandi-db.txt": "rahasia",
}

// files returns a fixture that writes files.
func files(files map[string]string) fixture {
	return func(t *testing.T, dir, _ string) { writeTree(t, dir, files) }
}

// link returns a fixture that makes name a symbolic link to target, which
// is relative to outside when it starts with "outside/".
func link(target, name string) fixture {
	return func(t *testing.T, dir, outside string) {
		if rest, ok := strings.CutPrefix(target, "outside/"); ok {
			target = filepath.Join(outside, rest)
		}
		must(t, os.Symlink(target, filepath.Join(dir, name)))
	}
}

func fifo(name string) fixture {
	return func(t *testing.T, dir, _ string) { must(t, syscall.Mkfifo(filepath.Join(dir, name), 0o644)) }
}

func socket(name string) fixture {
	return func(t *testing.T, dir, _ string) {
		ln, err := net.Listen("unix", filepath.Join(dir, name))
		must(t, err)
		t.Cleanup(func() { ln.Close() })
	}
}

// device makes name a character device like /dev/zero, which needs root.
func device(name string) fixture {
	return func(t *testing.T, dir, _ string) {
		if os.Geteuid() != 0 {
			t.Skip("making a device file needs root")
		}
		// 1, 5 is /dev/zero on Linux.
		if err := syscall.Mknod(filepath.Join(dir, name), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
			t.Skipf("mknod: %v", err)
		}
	}
}

// validFiles is a valid content tree.
var validFiles = map[string]string{
	"_index.md":   "---\ntitle: Situs\n---\n",
	"r/_index.md": "---\nname: R\nkind: kota\n---\n",
	"r/p/v1.md":   "---\ntitle: P\n---\nIsi.\n",
}

// longLines is a version whose body has seven lines that are not UTF-8,
// lines 4 to 10.
var longLines = "---\ntitle: P\n---\n" + strings.Repeat("caf\xe9\n", 7)

// TestUntrustedTree loads trees on disk, through dirfs.New as naskah does,
// that hold what an attacker could put in content/.
func TestUntrustedTree(t *testing.T) {
	for _, tt := range []struct {
		name string
		add  []fixture
		want []Problem // Message is a part of the message
	}{
		{"a FIFO as a version", []fixture{fifo("r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "pipa bernama (FIFO) tidak dibaca: konten hanya berisi berkas biasa dan direktori; ganti dengan berkas biasa atau hapus"},
		}},
		{"a FIFO as an image", []fixture{fifo("r/p/bagan.png")}, []Problem{
			{Path: "content/r/p/bagan.png", Message: "pipa bernama (FIFO) tidak dibaca"},
		}},
		{"a link to /dev/zero as an original", []fixture{files(map[string]string{"r/p/v1.md": "---\ntitle: P\noriginal: v1.pdf\n---\n"}), link("/dev/zero", "r/p/v1.pdf")}, []Problem{
			{Path: "content/r/p/v1.md", Line: 3, Message: `original "v1.pdf" tidak ditemukan`},
			{Path: "content/r/p/v1.pdf", Message: "tautan simbolik ke luar direktori konten tidak diikuti"},
		}},
		{"a link to a secret outside as an image", []fixture{link("outside/id_rsa", "r/p/bagan.png")}, []Problem{
			{Path: "content/r/p/bagan.png", Message: "tautan simbolik ke luar direktori konten tidak diikuti"},
		}},
		{"a FIFO as the site's _index.md", []fixture{func(t *testing.T, dir, _ string) { must(t, os.Remove(filepath.Join(dir, "_index.md"))) }, fifo("_index.md")}, []Problem{
			{Path: "content", Message: "tidak ada _index.md situs"},
			{Path: "content/_index.md", Message: "pipa bernama (FIFO) tidak dibaca"},
		}},
		{"a FIFO as a region", []fixture{fifo("s")}, []Problem{
			{Path: "content/s", Message: "pipa bernama (FIFO) tidak dibaca"},
		}},
		{"a link to a FIFO inside", []fixture{fifo("r/p/.pipa"), link(".pipa", "r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "tautan simbolik ke pipa bernama (FIFO) tidak dibaca"},
		}},
		{"a unix socket", []fixture{socket("r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "soket tidak dibaca"},
		}},
		{"a device", []fixture{device("r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "berkas perangkat tidak dibaca"},
		}},
		{"a link to /dev/zero", []fixture{link("/dev/zero", "r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "tautan simbolik ke luar direktori konten tidak diikuti; ganti tautan dengan berkas biasa"},
		}},
		{"a link to a valid version outside", []fixture{link("outside/v.md", "r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "tautan simbolik ke luar direktori konten tidak diikuti"},
		}},
		{"a relative link to a version outside", []fixture{link("../../../outside-name/v.md", "r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "tautan simbolik ke luar direktori konten tidak diikuti"},
		}},
		{"a link to a directory outside, as a policy", []fixture{link("outside/", "r/q")}, []Problem{
			{Path: "content/r/q", Message: "tautan simbolik ke luar direktori konten tidak diikuti"},
		}},
		{"a link to /etc, as a region", []fixture{link("/etc", "etc")}, []Problem{
			{Path: "content/etc", Message: "tautan simbolik ke luar direktori konten tidak diikuti"},
		}},
		{"a dangling link", []fixture{link("v9.md", "r/p/v2.md")}, []Problem{
			{Path: "content/r/p/v2.md", Message: "tautan simbolik rusak: sasarannya tidak ada"},
		}},
		{"a file over the size limit", []fixture{files(map[string]string{
			"r/p/v2.md": "---\ntitle: P\n---\n" + strings.Repeat("x", MaxFileSize),
		})}, []Problem{
			{Path: "content/r/p/v2.md", Message: "berkas lebih besar dari 2 MiB, batas satu berkas Markdown"},
		}},
		{"a file at the size limit", []fixture{files(map[string]string{
			"r/p/v2.md": "---\ntitle: P\n---\n" + strings.Repeat("x", MaxFileSize-len("---\ntitle: P\n---\n")),
		})}, nil},
		{"an over-long title", []fixture{files(map[string]string{
			"r/p/v2.md": "---\nstatus: draft\ntitle: " + strings.Repeat("é", MaxTitleLength+1) + "\n---\n",
		})}, []Problem{
			{Path: "content/r/p/v2.md", Line: 3, Message: "title terlalu panjang: 301 karakter, paling banyak 300; persingkat"},
		}},
		{"not UTF-8 in the front matter, line 3", []fixture{files(map[string]string{
			"r/p/v2.md": "---\ntitle: P\nsummary: Peraturan Bupati tentang caf\xe9\n---\nIsi.\n",
		})}, []Problem{
			{Path: "content/r/p/v2.md", Line: 3, Message: "bita 0xe9 bukan UTF-8; simpan berkas sebagai UTF-8 (penyebab umum: berkas tersimpan sebagai Latin-1"},
		}},
		{"not UTF-8 in the body, line 9", []fixture{files(map[string]string{
			"r/p/v2.md": "---\ntitle: P\n---\n## Bagian\n\nSatu.\n\nDua.\n\x93Kutipan\x94 dari Word.\n",
		})}, []Problem{
			{Path: "content/r/p/v2.md", Line: 9, Message: "bita 0x93 bukan UTF-8; simpan berkas sebagai UTF-8"},
		}},
		{"not UTF-8 on many lines", []fixture{files(map[string]string{"r/p/v2.md": longLines})}, []Problem{
			{Path: "content/r/p/v2.md", Line: 4, Message: "bita 0xe9 bukan UTF-8"},
			{Path: "content/r/p/v2.md", Line: 5, Message: "bita 0xe9 bukan UTF-8"},
			{Path: "content/r/p/v2.md", Line: 6, Message: "bita 0xe9 bukan UTF-8"},
			{Path: "content/r/p/v2.md", Line: 7, Message: "bita 0xe9 bukan UTF-8"},
			{Path: "content/r/p/v2.md", Line: 8, Message: "bita 0xe9 bukan UTF-8"},
			{Path: "content/r/p/v2.md", Line: 9, Message: "2 baris lagi, mulai baris ini, berisi bita yang bukan UTF-8 atau karakter kendali"},
		}},
		{"a NUL byte in the body", []fixture{files(map[string]string{
			"r/_index.md": "---\nname: R\nkind: kota\n---\nDeskripsi\x00.\n",
		})}, []Problem{
			{Path: "content/r/_index.md", Line: 5, Message: "karakter kendali U+0000 tidak boleh ada di naskah; hapus karakter itu"},
		}},
		{"tab, CR and FF in the body are text", []fixture{files(map[string]string{
			"r/p/v2.md": "---\r\ntitle: P\r\n---\r\n\tIsi.\r\n\f\r\n",
		})}, nil},
		{"a name with a newline", []fixture{files(map[string]string{"r/p/a\nb.md": "---\ntitle: P\n---\n"})}, []Problem{
			{Path: `content/r/p/a\nb.md`, Message: `nama berkas "a\nb.md" bukan slug`},
		}},
		{"a name that is not UTF-8", []fixture{files(map[string]string{"caf\xe9/_index.md": "---\nname: C\nkind: kota\n---\n"})}, []Problem{
			{Path: `content/caf\xe9`, Message: "nama ini bukan UTF-8 yang sah; ganti namanya (huruf kecil a-z, angka, dan tanda -)"},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "content")
			outside := filepath.Join(filepath.Dir(dir), "outside-name")
			writeTree(t, dir, validFiles)
			writeTree(t, outside, outsideFiles)
			for _, add := range tt.add {
				add(t, dir, outside)
			}
			tree, err := loadPromptly(t, dirfs.New(dir))
			got := problemsOf(t, tree, err)
			if diff := cmp.Diff(tt.want, matchMessages(tt.want, got)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			checkPrinted(t, got, outsideFiles)
		})
	}
}

// TestLinksInside checks that symbolic links that stay inside the tree are
// followed, to a file and to a directory.
func TestLinksInside(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, validFiles)
	writeTree(t, dir, map[string]string{"r/p/.arsip/v2.md": "---\ntitle: P\n---\nDua.\n", "r/q/v1.md": "---\ntitle: Q\n---\n"})
	must(t, os.Symlink(".arsip/v2.md", filepath.Join(dir, "r/p/v2.md")))
	must(t, os.Symlink("q", filepath.Join(dir, "r/q2")))
	tree, err := loadPromptly(t, dirfs.New(dir))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range tree.Regions[0].Policies {
		for _, v := range p.Versions {
			got = append(got, v.Path+": "+v.Title+": "+string(v.Body))
		}
	}
	want := []string{"content/r/p/v1.md: P: Isi.\n", "content/r/p/v2.md: P: Dua.\n", "content/r/q/v1.md: Q: ", "content/r/q2/v1.md: Q: "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("versions (-want +got):\n%s", diff)
	}
}

// TestIrregularEntriesOnAnyFS checks that entries that are not regular
// files or directories are refused from their listing, on an fs.FS that
// would read them like any file.
func TestIrregularEntriesOnAnyFS(t *testing.T) {
	fsys := validTree(fstest.MapFS{
		"r/p/v2.md":      {Mode: fs.ModeNamedPipe, Data: []byte("---\ntitle: P\n---\n")},
		"r/p/v3.md":      {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"r/p/v4.md":      {Mode: fs.ModeSocket},
		"r/p/v5.md":      {Mode: fs.ModeIrregular},
		"r/p/.v6.md.swp": {Mode: fs.ModeNamedPipe},
	})
	want := []Problem{
		{Path: "content/r/p/v2.md", Message: "pipa bernama (FIFO) tidak dibaca"},
		{Path: "content/r/p/v3.md", Message: "berkas perangkat tidak dibaca"},
		{Path: "content/r/p/v4.md", Message: "soket tidak dibaca"},
		{Path: "content/r/p/v5.md", Message: "berkas khusus tidak dibaca"},
	}
	tree, err := loadPromptly(t, fsys)
	got := problemsOf(t, tree, err)
	if diff := cmp.Diff(want, matchMessages(want, got)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestFrontMatterCaps checks the caps on front matter values, in YAML and
// TOML, each reported at its key's line.
func TestFrontMatterCaps(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tags := strings.Repeat("a, ", MaxListItems) + "b"
	for _, tt := range []struct {
		name, src string
		want      []Problem
	}{
		{"summary", "---\ntitle: P\nsummary: " + long(MaxSummaryLength+1) + "\n---\n", []Problem{
			{Path: "v1.md", Line: 3, Message: "summary terlalu panjang: 1001 karakter, paling banyak 1000"},
		}},
		{"summary at the cap, with spaces around", "---\ntitle: P\nsummary: \"  " + long(MaxSummaryLength) + "  \"\n---\n", nil},
		{"a multi-line note", "---\ntitle: P\nnote: |\n  " + long(MaxTextLength/2) + "\n  " + long(MaxTextLength/2) + "\n---\n", []Problem{
			{Path: "v1.md", Line: 3, Message: "note terlalu panjang: 4001 karakter, paling banyak 4000"},
		}},
		{"number", "+++\ntitle = 'P'\n\nnumber = '" + long(MaxTextLength+1) + "'\n+++\n", []Problem{
			{Path: "v1.md", Line: 4, Message: "number terlalu panjang: 4001 karakter"},
		}},
		{"too many tags", "---\ntitle: P\ntags: [" + tags + "]\n---\n", []Problem{
			{Path: "v1.md", Line: 3, Message: "tags berisi 101 butir, paling banyak 100"},
			{Path: "v1.md", Line: 3, Message: `tag "a" disebut dua kali`, Warning: true},
		}},
		{"a long tag", "---\ntitle: P\ntags:\n  - a\n  - " + long(MaxTextLength+1) + "\n---\n", []Problem{
			{Path: "v1.md", Line: 5, Message: "tags: butir ke-2 terlalu panjang: 4001 karakter"},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var probs Problems
			r := report{path: "v1.md", probs: &probs}
			if d, ok := parseFile([]byte(tt.src), versionSchema.need, r); ok {
				decodeVersion(d, "v1", r)
			}
			got := []Problem(probs)
			if len(got) > 2 {
				got = got[:2] // the duplicate tags warn 99 times
			}
			if diff := cmp.Diff(tt.want, matchMessages(tt.want, got)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSiteAndRegionCaps checks the caps on the title of the site and on the
// name of a region, which a version's caps do not cover.
func TestSiteAndRegionCaps(t *testing.T) {
	long := strings.Repeat("a", MaxTitleLength+1)
	fsys := validTree(fstest.MapFS{
		"_index.md":   file("---\ntitle: " + long + "\ndescription: " + strings.Repeat("b", MaxSummaryLength+1) + "\n---\n"),
		"r/_index.md": file("---\nkind: kota\nname: " + long + "\n---\n"),
	})
	want := []Problem{
		{Path: "content/_index.md", Line: 2, Message: "title terlalu panjang: 301 karakter, paling banyak 300"},
		{Path: "content/_index.md", Line: 3, Message: "description terlalu panjang: 1001 karakter, paling banyak 1000"},
		{Path: "content/r/_index.md", Line: 3, Message: "name terlalu panjang: 301 karakter, paling banyak 300"},
	}
	tree, err := loadPromptly(t, fsys)
	got := problemsOf(t, tree, err)
	if diff := cmp.Diff(want, matchMessages(want, got)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// loadPromptly loads fsys, failing the test if Load has not returned within
// a few seconds, as it would not if it opened a FIFO.
func loadPromptly(t *testing.T, fsys fs.FS) (*Tree, error) {
	t.Helper()
	type result struct {
		tree *Tree
		err  error
	}
	done := make(chan result, 1)
	go func() {
		tree, err := Load(fsys, "content")
		done <- result{tree, err}
	}()
	select {
	case r := <-done:
		return r.tree, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("Load did not return: it opened a FIFO or a device?")
		return nil, nil
	}
}

// problemsOf returns the problems of a Load: its error's, or the tree's
// warnings.
func problemsOf(t *testing.T, tree *Tree, err error) []Problem {
	t.Helper()
	if err == nil {
		return tree.Warnings
	}
	var probs Problems
	if !errors.As(err, &probs) {
		t.Fatalf("Load returned %T (%v), want Problems", err, err)
	}
	return probs
}

// matchMessages returns got with each message that holds the message of the
// problem at the same index of want replaced by that message, so that cmp.Diff
// compares paths, lines and kinds exactly and messages by their part that
// matters.
func matchMessages(want, got []Problem) []Problem {
	out := make([]Problem, len(got))
	copy(out, got)
	for i := range min(len(want), len(out)) {
		if strings.Contains(out[i].Message, want[i].Message) {
			out[i].Message = want[i].Message
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// checkPrinted checks that the problems print one a line and name none of
// the files outside the tree.
func checkPrinted(t *testing.T, got Problems, outside map[string]string) {
	t.Helper()
	printed := got.Error()
	if n := strings.Count(printed, "\n") + 1; len(got) > 0 && n != len(got) {
		t.Errorf("%d problems print as %d lines:\n%s", len(got), n, printed)
	}
	for name := range outside {
		if strings.Contains(printed, name) {
			t.Errorf("the problems name %s, a file outside the tree:\n%s", name, printed)
		}
	}
}
