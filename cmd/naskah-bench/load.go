package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"naskah/internal/corpus"
)

// searchQueries mix common and rare words, a phrase, a prefix and an exclusion.
var searchQueries = []string{
	"pelatihan", "pegawai", `"penilaian kinerja"`, "rekrut*", "anggaran -teknologi",
	"pengembangan kompetensi", "resistensi perubahan", "mentoring", "sistem informasi kepegawaian", "beasiswa",
}

// measureServer serves the build from its output and data directories, as a
// deployment does, and loads it with concurrent clients.
func measureServer(ctx context.Context, o options, work, bin string, r *report, log io.Writer) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, "serve", "-no-build", "-out", "public", "-data", "data", "-addr", addr, "-rate", "0")
	cmd.Dir = work
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	base := "http://" + addr
	if err := waitHealthy(ctx, base); err != nil {
		return err
	}
	var targets []string
	for _, q := range searchQueries {
		targets = append(targets, base+"/api/v1/search?q="+url.QueryEscape(q))
	}
	fmt.Fprintln(log, "search at", o.clients, "clients …")
	r.Search = load(ctx, targets, o.clients, o.requests)
	var distinct []string
	for _, q := range corpus.Queries(os.DirFS(filepath.Join(work, "content")), o.requests) {
		distinct = append(distinct, base+"/api/v1/search?q="+url.QueryEscape(q))
	}
	r.SearchDistinct = load(ctx, distinct, o.clients, len(distinct))
	a, b, err := largestPair(filepath.Join(work, "content"))
	if err != nil {
		return err
	}
	fmt.Fprintln(log, "comparison at", o.clients, "clients …")
	r.CompareVersions = load(ctx, []string{base + "/api/v1/compare?a=" + a + "&b=" + b}, o.clients, o.requests)
	r.CompareRegions = load(ctx, []string{base + "/api/v1/compare?a=daerah-001/kebijakan-01&b=daerah-002/kebijakan-01"}, o.clients, o.requests)
	return nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitHealthy(ctx context.Context, base string) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("the server at %s did not become healthy", base)
}

// largestPair names the largest version file of the corpus and the version
// before it, as comparison references.
func largestPair(content string) (string, string, error) {
	var best string
	var size int64
	err := filepath.Walk(content, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && info.Name() != "_index.md" && info.Size() > size {
			best, size = p, info.Size()
		}
		return err
	})
	if err != nil || best == "" {
		return "", "", fmt.Errorf("no version in %s: %v", content, err)
	}
	rel, _ := filepath.Rel(content, best)
	parts := strings.Split(strings.TrimSuffix(filepath.ToSlash(rel), ".md"), "/")
	var n int
	fmt.Sscanf(parts[2], "v%d", &n)
	other := n - 1
	if n <= 1 {
		other = 2
	}
	policy := parts[0] + "/" + parts[1]
	return fmt.Sprintf("%s@v%d", policy, other), fmt.Sprintf("%s@v%d", policy, n), nil
}

// load sends requests to the targets, round robin, from clients goroutines.
func load(ctx context.Context, targets []string, clients, requests int) latency {
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}
	var mu sync.Mutex
	var lat []time.Duration
	errors := 0
	next := make(chan string)
	go func() {
		defer close(next)
		for i := 0; i < requests && ctx.Err() == nil; i++ {
			next <- targets[i%len(targets)]
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for target := range next {
				t0 := time.Now()
				res, err := hc.Get(target)
				ok := err == nil && res.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				mu.Lock()
				lat = append(lat, time.Since(t0))
				if !ok {
					errors++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	if len(lat) == 0 {
		return latency{}
	}
	return latency{P50: dur(lat[len(lat)/2]), P99: dur(lat[len(lat)*99/100]),
		Throughput: float64(len(lat)) / elapsed.Seconds(), Errors: errors}
}
