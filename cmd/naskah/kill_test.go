package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"naskah/internal/catalog"
	"naskah/internal/corpus"
)

var kills = flag.Int("kills", 10, "how many builds TestKilledBuilds kills")

// TestKilledBuilds runs naskah build on a generated corpus again and again, each
// with a site title of its own, and kills it with SIGKILL at a random moment.
// After each kill the site and its data must be of one build, old or new: never a
// mix, never a missing site. A last build must leave nothing of the killed ones.
// go test -v -run TestKilledBuilds ./cmd/naskah -args -kills 40 prints the tally.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds the naskah binary and a corpus")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "naskah")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(dir, "content")
	if err := pool.Write(content, corpus.Options{Regions: 4, Policies: 10, Versions: 5, Words: 1700, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	out, data := filepath.Join(dir, "public"), filepath.Join(dir, "data")
	build := func(n int) *exec.Cmd {
		title := fmt.Sprintf("---\ntitle: Uji %d\n---\n", n)
		if err := os.WriteFile(filepath.Join(content, "_index.md"), []byte(title), 0o644); err != nil {
			t.Fatal(err)
		}
		return exec.Command(bin, "build", "-content", content, "-out", out, "-data", data)
	}
	if b, err := build(0).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	start := time.Now() // a build over an earlier one, as those to kill are
	if b, err := build(0).CombinedOutput(); err != nil {
		t.Fatalf("second build: %v\n%s", err, b)
	}
	length := time.Since(start)
	tally := map[string]int{}
	last := 0 // the build in place
	for n := 1; n <= *kills; n++ {
		cmd := build(n)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Half the kills anywhere, half around the end, where the commit point is.
		at := rand.Int64N(int64(length) * 11 / 10)
		if n%2 == 0 {
			at = int64(length)*8/10 + rand.Int64N(int64(length)*5/10)
		}
		time.Sleep(time.Duration(at))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		switch got := servedBuild(t, out, data); got {
		case last:
			tally["old"]++
		case n:
			tally["new"]++
			last = n
		default:
			t.Errorf("kill %d: the site and data in place are of build %d, neither the old (%d) nor the new", n, got, last)
		}
	}
	t.Logf("%d builds of %v each killed at random: %d left the old build in place, %d the new, 0 a mix or no site", *kills, length.Round(time.Millisecond), tally["old"], tally["new"])
	if b, err := build(*kills + 1).CombinedOutput(); err != nil {
		t.Fatalf("last build: %v\n%s", err, b)
	}
	if got := servedBuild(t, out, data); got != *kills+1 {
		t.Errorf("the last build serves build %d", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 { // naskah, content, public, data
		t.Errorf("the last build left %d entries beside the output, want 4", len(entries))
	}
	if entries, _ := os.ReadDir(data); len(entries) != 2 { // the marker and one snapshot
		t.Errorf("the data directory holds %d entries, want the marker and one snapshot", len(entries))
	}
}

var titleRE = regexp.MustCompile(`<title>[^<]*Uji (\d+)`)

// servedBuild returns the number of the build that the site in out and its data
// both come from, failing t if they differ or either is missing.
func servedBuild(t *testing.T, out, data string) int {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatalf("no site: %v", err)
	}
	m := titleRE.FindSubmatch(page)
	if m == nil {
		t.Fatalf("the home page has no title Uji N")
	}
	snap, err := catalog.Locate(out, data)
	if err != nil {
		t.Fatalf("the site names no whole snapshot: %v", err)
	}
	cat, err := catalog.Read(snap.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	var site, cat0 int
	fmt.Sscan(string(m[1]), &site)
	fmt.Sscanf(cat.Title, "Uji %d", &cat0)
	if site != cat0 {
		t.Fatalf("a mix: the site is of build %d, its data of build %d", site, cat0)
	}
	return site
}
