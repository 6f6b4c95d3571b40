package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runArgs(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string // a part of stdout or stderr
	}{
		{"no command", nil, 2, "Penggunaan"},
		{"unknown command", []string{"terbitkan"}, 2, `perintah tidak dikenal "terbitkan"`},
		{"unknown flag", []string{"build", "-keluaran", "x"}, 2, "-keluaran"},
		{"stray argument", []string{"check", "lebih"}, 2, `argumen tidak dikenal "lebih"`},
		{"version", []string{"version"}, 0, "naskah "},
		{"missing content", []string{"check", "-content", "tidak-ada"}, 1, `direktori konten "tidak-ada" tidak ditemukan`},
		{"check finds every problem", []string{"check", "-content", "testdata/broken"}, 1, "testdata/broken/bandung/kebijakan/v1.md:2:"},
		{"shipped content is clean", []string{"check", "-content", "../../content"}, 0, "tidak ada masalah"},
		{"now not a day", []string{"check", "-content", "../../content", "-now", "2025-13-01"}, 2, `-now "2025-13-01" bukan tanggal YYYY-MM-DD`},
		{"now only a month", []string{"check", "-content", "../../content", "-now", "2025-06"}, 2, `-now "2025-06" bukan tanggal YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runArgs(tt.args...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout+stderr, tt.out) {
				t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", tt.out, stdout, stderr)
			}
		})
	}
}

func TestCheckReportsAllProblems(t *testing.T) {
	stdout, _, _ := runArgs("check", "-content", "testdata/broken")
	for _, want := range []string{
		"testdata/broken/bandung/kebijakan/v1.md:2:", // titel
		"testdata/broken/bandung/kebijakan/v1.md:3:", // status
		"testdata/broken/Serang",                     // not a slug
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestBuildCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	stdout, stderr, code := runArgs("build", "-content", "../../content", "-out", out, "-data", filepath.Join(dir, "data"), "-base-url", "https://naskah.example", "-now", "2026-01-15")
	if code != 0 {
		t.Fatalf("exit code %d\n%s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "mamuju", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `href="https://naskah.example/mamuju/"`) {
		t.Error("-base-url is not used for the canonical URL")
	}
	version, err := os.ReadFile(filepath.Join(out, "mamuju", "kebijakan-pengelolaan-kepegawaian-asn", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(version), "per 15 Januari 2026") {
		t.Error("-now is not the day the status is given as of")
	}
	// A build into the current directory would delete the project.
	if _, stderr, code := runArgs("build", "-content", "../../content", "-out", "."); code != 2 || !strings.Contains(stderr, "menolak") {
		t.Errorf("build -out . : code %d, %s", code, stderr)
	}
}
