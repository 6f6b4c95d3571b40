package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Files of the npm packages that testdata/tools/package.json pins, relative to the
// node_modules directory of the tools directory.
const (
	axeFile        = "axe-core/axe.min.js"
	vnuFile        = "vnu-jar/build/dist/vnu.jar"
	lighthouseFile = "lighthouse/cli/index.js"
)

// strict reports whether a missing tool fails a test rather than skipping it. CI sets
// NASKAH_E2E=1 so that a machine without chromium or java cannot pass by skipping.
func strict() bool { return os.Getenv("NASKAH_E2E") == "1" }

// missing skips t because a tool it needs is not there, or fails it under NASKAH_E2E=1.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if strict() {
		t.Fatalf("%s (NASKAH_E2E=1, so a missing tool is a failure)", msg)
	}
	t.Skipf("skipped: %s (with NASKAH_E2E=1 this fails)", msg)
}

// skipShort skips t under go test -short, the quick loop: browsers and
// validators take most of this package's time. go test ./... (and CI) runs them.
func skipShort(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped under -short: it needs a browser or validator; go test ./... runs it")
	}
}

// lookTool returns the path of the first of names found on PATH, or skips t (fails it
// under NASKAH_E2E=1) naming how to install it.
func lookTool(t testing.TB, install string, names ...string) string {
	t.Helper()
	skipShort(t)
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "%s is not installed (%s)", names[0], install)
	return ""
}

var tools struct {
	once sync.Once
	dir  string
	err  error
}

// npmFile returns the path of rel (axeFile, vnuFile) in the tools directory,
// installing the npm packages of testdata/tools/package.json there first if they are
// missing or pinned differently. The tools directory is $NASKAH_TOOLS, or
// naskah-e2e in the user cache directory; it is never inside the repository.
func npmFile(t testing.TB, rel string) string {
	t.Helper()
	skipShort(t)
	tools.once.Do(func() { tools.dir, tools.err = installTools() })
	if tools.err != nil {
		missing(t, "npm tools: %v", tools.err)
	}
	p := filepath.Join(tools.dir, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		missing(t, "npm tools: %v", err)
	}
	return p
}

func installTools() (string, error) {
	dir := os.Getenv("NASKAH_TOOLS")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("NASKAH_TOOLS is unset and there is no cache directory: %w", err)
		}
		dir = filepath.Join(cache, "naskah-e2e")
	}
	want, err := os.ReadFile(filepath.Join("testdata", "tools", "package.json"))
	if err != nil {
		return "", err
	}
	have, _ := os.ReadFile(filepath.Join(dir, "package.json"))
	if bytes.Equal(want, have) && installed(dir) {
		return dir, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("npm is not installed (apt-get install -y npm), and %s lacks testdata/tools/package.json's packages", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), want, 0o644); err != nil {
		return "", err
	}
	// --ignore-scripts: vnu-jar's install script would try to download a Java runtime.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "--ignore-scripts")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install --prefix %s: %v\n%s", dir, err, out)
	}
	if !installed(dir) {
		return "", fmt.Errorf("npm install --prefix %s left out %s, %s or %s", dir, axeFile, vnuFile, lighthouseFile)
	}
	return dir, nil
}

func installed(dir string) bool {
	for _, rel := range []string{axeFile, vnuFile, lighthouseFile} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", filepath.FromSlash(rel))); err != nil {
			return false
		}
	}
	return true
}
