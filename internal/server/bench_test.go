package server

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync"
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
	pool, err := corpus.NewPool(os.DirFS("../../content"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	o := corpus.Options{Regions: *benchVersions / 50, Policies: 10, Versions: 5, Words: 1700, Seed: 1}
	cfg := build.Config{Content: pool.FS(o), ContentDir: "korpus", Out: filepath.Join(dir, "public"), Data: filepath.Join(dir, "data")}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Out: cfg.Out, Data: cfg.Data})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
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
	return refOf(best.Versions[n-2]), refOf(best.Versions[n-1])
}

// measure sends the targets round robin from 32 concurrent clients and reports
// the latency percentiles.
func measure(b *testing.B, h http.Handler, targets []string) {
	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism(16) // 16 × GOMAXPROCS(2) = 32 clients
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for i := 0; pb.Next(); i++ {
			req := httptest.NewRequest("GET", targets[i%len(targets)], nil)
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

func BenchmarkSearchAPI(b *testing.B) {
	s := benchServer(b)
	measure(b, s, []string{
		"/api/v1/search?q=pelatihan", "/api/v1/search?q=pegawai", "/api/v1/search?q=%22penilaian+kinerja%22",
		"/api/v1/search?q=rekrut*", "/api/v1/search?q=anggaran+-teknologi", "/api/v1/search?q=mentoring&versions=all",
	})
}
