package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyContent copies the shipped content into a temporary directory.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if out, err := exec.Command("cp", "-r", "../../content", dir).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	return dir
}

func fixToday(t *testing.T) {
	t.Helper()
	old := today
	today = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { today = old })
}

func TestNew(t *testing.T) {
	fixToday(t)
	dir := copyContent(t)
	stdout, stderr, code := runArgs("new", "-content", dir, "-kind", "kabupaten", "-province", "Sulawesi Barat", "mamuju-tengah/kebijakan-baru")
	if code != 0 {
		t.Fatalf("new: %d %s", code, stderr)
	}
	region := filepath.Join(dir, "mamuju-tengah", "_index.md")
	version := filepath.Join(dir, "mamuju-tengah", "kebijakan-baru", "2026-11-22.md")
	if stdout != region+"\n"+version+"\n" {
		t.Errorf("new printed %q, want the two paths it made", stdout)
	}
	src, err := os.ReadFile(version)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"title:", "version:", "date: 2026-11-22", "status: draft", "summary:", "tags:", "source:", "note:"} {
		if !strings.Contains(string(src), key) {
			t.Errorf("new version lacks %q:\n%s", key, src)
		}
	}
	// The result is valid content, a draft that a plain build leaves out.
	if _, stderr, code := runArgs("check", "-content", dir); code != 0 {
		t.Errorf("check after new: %d\n%s", code, stderr)
	}
	// new refuses to overwrite.
	if _, stderr, code := runArgs("new", "-content", dir, "mamuju-tengah/kebijakan-baru"); code != 1 || !strings.Contains(stderr, "sudah ada") {
		t.Errorf("second new: %d %s", code, stderr)
	}
}

// TestNewRegulation starts a regulation from the Lampiran II frame, with the
// legal keys present and empty, and revises it into a draft of the same form.
func TestNewRegulation(t *testing.T) {
	fixToday(t)
	dir := copyContent(t)
	stdout, stderr, code := runArgs("new", "-content", dir, "-form", "peraturan", "contoh/pengembangan-kompetensi")
	if code != 0 {
		t.Fatalf("new -form peraturan: %d %s", code, stderr)
	}
	version := filepath.Join(dir, "contoh", "pengembangan-kompetensi", "2026-11-22.md")
	if stdout != version+"\n" {
		t.Errorf("new printed %q, want %s", stdout, version)
	}
	src, err := os.ReadFile(version)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"form: peraturan", "type: \"\"", "number: \"\"", "year:\n", "enacted:\n", "promulgated:\n", "gazette:", "field:", "subjects: []",
		"initiator:", "signer:", "abstract:", "original:", "## Menimbang\na. bahwa", "## Mengingat", "## Menetapkan\nPERATURAN BUPATI TENTANG PENGEMBANGAN KOMPETENSI.",
		"## BAB I KETENTUAN UMUM\n\n### Pasal 1\nDalam Peraturan Bupati ini", "## Penutup", "## PENJELASAN"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the new regulation lacks %q:\n%s", want, src)
		}
	}
	if _, stderr, code := runArgs("check", "-content", dir); code != 0 {
		t.Errorf("check after new -form peraturan: %d\n%s", code, stderr)
	}
	if _, stderr, code := runArgs("revise", "-content", dir, "contoh/pengembangan-kompetensi"); code != 0 {
		t.Fatalf("revise: %d %s", code, stderr)
	}
	revised, err := os.ReadFile(filepath.Join(dir, "contoh", "pengembangan-kompetensi", "2026-11-22-2.md"))
	if err != nil || !strings.Contains(string(revised), "form: peraturan") || !strings.Contains(string(revised), "### Pasal 1") {
		t.Errorf("the revised draft is not a regulation (%v):\n%s", err, revised)
	}
	if _, stderr, code := runArgs("new", "-content", dir, "-form", "perda", "contoh/lain"); code != 2 || !strings.Contains(stderr, "prose atau peraturan") {
		t.Errorf("new -form perda: %d %s", code, stderr)
	}
}

func TestNewRegionNeedsItsKind(t *testing.T) {
	fixToday(t)
	dir := copyContent(t)
	if _, stderr, code := runArgs("new", "-content", dir, "daerah-baru/kebijakan"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	stdout, _, code := runArgs("check", "-content", dir)
	if code != 1 || !strings.Contains(stdout, "daerah-baru/_index.md:5: wajib diisi: kind") {
		t.Errorf("check must ask for the region's kind; got %d:\n%s", code, stdout)
	}
}

func TestRevise(t *testing.T) {
	fixToday(t)
	dir := copyContent(t)
	stdout, stderr, code := runArgs("revise", "-content", dir, "bandung/kebijakan-pengelolaan-kepegawaian-asn")
	if code != 0 {
		t.Fatalf("revise: %d %s", code, stderr)
	}
	path := filepath.Join(dir, "bandung", "kebijakan-pengelolaan-kepegawaian-asn", "2026-11-22.md")
	if stdout != path+"\n" {
		t.Errorf("revise printed %q, want %q", stdout, path)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(filepath.Join(dir, "bandung", "kebijakan-pengelolaan-kepegawaian-asn", "v1.md"))
	_, oldBody, _ := strings.Cut(string(old)[4:], "\n---\n")
	for _, want := range []string{"status: draft", "date: 2026-11-22", `title: "Penyusunan Kebijakan Pengelolaan Kepegawaian ASN di Bandung"`, strings.TrimSpace(oldBody)} {
		if !strings.Contains(string(src), want) {
			t.Errorf("revised version lacks %q", want[:min(len(want), 60)])
		}
	}
	// A second revision the same day gets its own file.
	stdout, _, code = runArgs("revise", "-content", dir, "bandung/kebijakan-pengelolaan-kepegawaian-asn")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(stdout), "2026-11-22-2.md") {
		t.Errorf("second revise: %d %q", code, stdout)
	}
	if _, stderr, code := runArgs("check", "-content", dir); code != 0 {
		t.Errorf("check after revise: %s", stderr)
	}
	if _, stderr, code := runArgs("revise", "-content", dir, "bandung/tidak-ada"); code != 1 || !strings.Contains(stderr, "tidak ada") {
		t.Errorf("revise of a missing policy: %d %s", code, stderr)
	}
	if _, _, code := runArgs("revise", "-content", dir, "Bandung"); code != 2 {
		t.Errorf("revise with a bad argument: %d, want 2", code)
	}
}

// TestCheckWarnsWithoutBaseURL: a site to publish that states no base URL
// would put 127.0.0.1 into every QR code and share link; check says so, and
// says nothing once the site states one.
func TestCheckWarnsWithoutBaseURL(t *testing.T) {
	dir := copyContent(t)
	stdout, _, code := runArgs("check", "-content", dir)
	if code != 0 || !strings.Contains(stdout, "_index.md: peringatan: base_url belum diisi") || !strings.Contains(stdout, "http://127.0.0.1:8080") {
		t.Errorf("check without base_url: %d\n%s", code, stdout)
	}
	index := filepath.Join(dir, "_index.md")
	src, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	with := strings.Replace(string(src), "---\n", "---\nbase_url: https://naskah.contoh.go.id\n", 1)
	if err := os.WriteFile(index, []byte(with), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, _, _ := runArgs("check", "-content", dir); strings.Contains(stdout, "base_url") {
		t.Errorf("check with base_url still warns:\n%s", stdout)
	}
}
