package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"` // "error", "info" or "non-document-error"
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// vnuCanary is a document with one error, checked with the site's pages to prove
// that the checker ran and that its errors are read.
const vnuCanary = "<!DOCTYPE html>\n<html lang=\"id\">\n<head><title>kanari</title></head>\n<body><p><div>blok di dalam paragraf</div></p></body>\n</html>\n"

// TestHTMLValid checks with the Nu HTML Checker every HTML file of the built fixture
// site and of the built shipped content, and every page of fixturePages as the
// server answers it (which covers pages that are not files, such as search): no
// errors.
func TestHTMLValid(t *testing.T) {
	java := lookTool(t, "apt-get install -y default-jre-headless", "java")
	jar := npmFile(t, vnuFile)

	sites := map[string]string{ // built directory → what it is called in messages
		buildSite(t, fixtureSite):    "fixture",
		buildSite(t, shippedContent): "content",
	}
	served := servedPages(t)
	sites[filepath.Dir(served[0])] = "served"
	canary := filepath.Join(t.TempDir(), "kanari.html")
	if err := os.WriteFile(canary, []byte(vnuCanary), 0o644); err != nil {
		t.Fatal(err)
	}
	files := append([]string{canary}, served...)
	for dir := range sites {
		if sites[dir] == "served" {
			continue
		}
		pages := htmlFiles(t, dir)
		if len(pages) < 5 {
			t.Fatalf("%s built only %d HTML files", sites[dir], len(pages))
		}
		files = append(files, pages...)
	}

	// One run for all files: the JVM takes longer to start than to check a page.
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)
	cmd := exec.Command(java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running the Nu HTML Checker: %v", err)
	}
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		t.Fatalf("reading the Nu HTML Checker's report: %v\nstdout: %s\nstderr: %s", err, stdout.Bytes(), stderr.Bytes())
	}

	canaryCaught := false
	for _, m := range out.Messages {
		if m.Type == "info" {
			continue
		}
		path := fileOf(m.URL)
		if path == canary {
			canaryCaught = true
			continue
		}
		name := path
		for dir, site := range sites {
			if rel, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(rel, "..") {
				name = site + ":" + filepath.ToSlash(rel)
				if site == "served" {
					name, _ = url.PathUnescape(strings.TrimSuffix(name, ".html"))
				}
			}
		}
		t.Errorf("%s:%d: %s: %s\n\t%s", name, m.LastLine, m.Type, m.Message, strings.TrimSpace(m.Extract))
	}
	if !canaryCaught {
		t.Errorf("the checker did not report the error in %s: its report is not being read", canary)
	}
}

// servedPages fetches every page of fixturePages from the server into a file of its
// own in one directory, and returns the files.
func servedPages(t *testing.T) []string {
	t.Helper()
	s := newSite(t, fixtureSite)
	dir := t.TempDir()
	var files []string
	for _, p := range fixturePages {
		resp, err := http.Get(s.url(p.path))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != p.status {
			t.Errorf("GET %s: status %d, want %d", p.path, resp.StatusCode, p.status)
		}
		name := filepath.Join(dir, url.PathEscape(p.path)+".html")
		if err := os.WriteFile(name, body, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	return files
}

// htmlFiles lists the HTML files under dir.
func htmlFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// fileOf turns the checker's file: URL back into a path.
func fileOf(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "file" {
		return u
	}
	return filepath.FromSlash(p.Path)
}
