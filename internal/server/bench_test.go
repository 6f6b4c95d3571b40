package server

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"naskah/internal/build"
	"naskah/internal/catalog"
	"naskah/internal/corpus"
)

var benchVersions = flag.Int("bench.versions", 500, "versions in the generated benchmark corpus (a multiple of 50)")

// benchServer builds a generated corpus and serves it.
func benchServer(b *testing.B) *Server {
	b.Helper()
	return benchNew(b, benchSite(b))
}

// benchSite builds a generated corpus and returns the configuration that serves it.
func benchSite(b *testing.B) Config {
	b.Helper()
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	cfg := build.Config{Content: pool.FS(benchCorpus()), ContentDir: "korpus", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
	return Config{Out: cfg.Out, Data: cfg.Data}
}

// benchCorpus sizes the generated corpus of the benchmarks.
func benchCorpus() corpus.Options {
	return corpus.Options{Regions: *benchVersions / 50, Policies: 10, Versions: 5, Words: 1700, Seed: 1}
}

func benchNew(b *testing.B, cfg Config) *Server {
	b.Helper()
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// deployed is cfg with the limits naskah serve sets by default, but a rate no
// benchmark reaches: the cost of the checks, not their effect.
func deployed(cfg Config) Config {
	cfg.Rate, cfg.Burst, cfg.MaxConcurrent = 1e9, 1e9, 2*runtime.GOMAXPROCS(0)
	return cfg
}

// largestPair returns the two largest versions of one policy, by text length.
func largestPair(c *catalog.Catalog) (string, string) {
	var best *catalog.Policy
	size := func(p *catalog.Policy) int {
		n := 0
		for _, v := range p.Versions {
			for _, s := range v.Sections {
				n += len(s.Text)
			}
		}
		return n
	}
	for _, r := range c.Regions {
		for _, p := range r.Policies {
			if best == nil || size(p) > size(best) {
				best = p
			}
		}
	}
	n := len(best.Versions)
	return refOf(best.Versions[n-2]).String(), refOf(best.Versions[n-1]).String()
}

// measure sends the targets round robin from 32 concurrent clients, as
// naskah-bench does, and reports
// the latency percentiles. header is added to every request.
func measure(b *testing.B, h http.Handler, targets []string, header ...string) {
	var mu sync.Mutex
	var lat []time.Duration
	var next atomic.Int64 // shared, so that the clients ask different questions at once
	b.SetParallelism(max(1, 32/runtime.GOMAXPROCS(0)))
	start := time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			req := httptest.NewRequest("GET", targets[int(next.Add(1))%len(targets)], nil)
			for j := 0; j+1 < len(header); j += 2 {
				req.Header.Set(header[j], header[j+1])
			}
			rec := httptest.NewRecorder()
			start := time.Now()
			h.ServeHTTP(rec, req)
			mine = append(mine, time.Since(start))
			if rec.Code != http.StatusOK {
				b.Errorf("%s: %d %s", req.URL, rec.Code, rec.Body)
				return
			}
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "ms-p99")
	}
}

func BenchmarkCompareAPI(b *testing.B) {
	s := benchServer(b)
	st := s.acquire()
	a, v := largestPair(st.cat)
	st.release()
	b.Run("versions", func(b *testing.B) {
		measure(b, s, []string{"/api/v1/compare?a=" + a + "&b=" + v})
	})
	b.Run("regions", func(b *testing.B) {
		measure(b, s, []string{"/api/v1/compare?a=daerah-001/kebijakan-01&b=daerah-002/kebijakan-01"})
	})
}

// BenchmarkSearchAPI searches with the server bare, and deployed: with the rate
// limiter and the bound on searches at once in the way, and gzip asked for.
func BenchmarkSearchAPI(b *testing.B) {
	cfg := benchSite(b)
	targets := []string{
		"/api/v1/search?q=pelatihan", "/api/v1/search?q=pegawai", "/api/v1/search?q=%22penilaian+kinerja%22",
		"/api/v1/search?q=rekrut*", "/api/v1/search?q=anggaran+-teknologi", "/api/v1/search?q=mentoring&versions=all",
	}
	b.Run("bare", func(b *testing.B) {
		s := benchNew(b, cfg)
		measure(b, s, targets)
	})
	b.Run("deployed", func(b *testing.B) {
		s := benchNew(b, deployed(cfg))
		measure(b, s, targets, "Accept-Encoding", "gzip")
	})
	// naskah-bench's all-different load, which no cache answers.
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		b.Fatal(err)
	}
	var distinct []string
	for _, q := range corpus.Queries(pool.FS(benchCorpus()), 3000) {
		distinct = append(distinct, "/api/v1/search?q="+url.QueryEscape(q))
	}
	b.Run("distinct", func(b *testing.B) {
		s := benchNew(b, deployed(cfg))
		measure(b, s, distinct)
	})
}

// BenchmarkStatic serves a version's page and the stylesheet, compressed, as
// most browsers ask for them.
func BenchmarkStatic(b *testing.B) {
	s := benchNew(b, deployed(benchSite(b)))
	st := s.acquire()
	page := st.cat.Regions[0].Policies[0].URL
	st.release()
	_, home := get(b, s, "GET", "/")
	i := strings.Index(home, "/assets/naskah.")
	css := home[i : i+strings.Index(home[i:], `"`)]
	measure(b, s, []string{page, css}, "Accept-Encoding", "gzip")
}
