package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"naskah/internal/corpus"
)

// TestCancelStopsTheBuild cancels builds of a generated corpus at moments spread
// over a build's length, and checks that each stops with the context's error and
// leaves the published site and data as they were. How soon each stopped is
// logged (go test -v -run TestCancel); a build that goes on for seconds fails.
func TestCancelStopsTheBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds a 200-version corpus several times")
	}
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := Config{
		Content: pool.FS(corpus.Options{Regions: 4, Policies: 10, Versions: 5, Words: 1700, Seed: 1}), ContentDir: "korpus",
		Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data"),
	}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	start := time.Now() // the second build is the one to cancel: it keeps the first's share cards
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	length := time.Since(start)
	before, beforeData := snapshot(t, cfg.Out), snapshot(t, cfg.Data)
	stoppedBuilds := 0
	for _, at := range []float64{0, 0.05, 0.15, 0.3, 0.5, 0.7, 0.85} {
		ctx, cancel := context.WithCancel(context.Background())
		var canceled time.Time
		timer := time.AfterFunc(time.Duration(at*float64(length)), func() { canceled = time.Now(); cancel() })
		res, err := Run(ctx, cfg)
		stopped := time.Now()
		timer.Stop()
		cancel()
		if err == nil {
			// The cancel came after the commit point, or after the build.
			t.Logf("canceled at %.0f%% of %v: the build had published", at*100, length.Round(time.Millisecond))
			before, beforeData = snapshot(t, cfg.Out), snapshot(t, cfg.Data)
			continue
		}
		stoppedBuilds++
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("canceled at %.0f%%: %v, want context.Canceled", at*100, err)
		}
		late := stopped.Sub(canceled)
		t.Logf("canceled at %.0f%% of %v, after the steps %v: stopped %v later", at*100, length.Round(time.Millisecond), res.Steps, late.Round(time.Millisecond))
		if late > 5*time.Second {
			t.Errorf("canceled at %.0f%%, the build went on for %v", at*100, late)
		}
		if diffSnapshots(before, snapshot(t, cfg.Out)) || diffSnapshots(beforeData, snapshot(t, cfg.Data)) {
			t.Errorf("canceled at %.0f%%, the build changed the site or its data", at*100)
		}
	}
	if stoppedBuilds < 5 {
		t.Errorf("only %d of 7 canceled builds stopped", stoppedBuilds)
	}
}

func diffSnapshots(a, b map[string]string) bool {
	if len(a) != len(b) {
		return true
	}
	for name, data := range a {
		if b[name] != data {
			return true
		}
	}
	return false
}
