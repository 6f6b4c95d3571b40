package search_test

import (
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"naskah/internal/build"
	"naskah/internal/catalog"
	"naskah/internal/corpus"
	"naskah/internal/search"
)

var benchVersions = flag.Int("bench.versions", 500, "versions in the generated benchmark corpus (a multiple of 50)")

var (
	benchOnce sync.Once
	benchCat  *catalog.Catalog
	benchFS   fs.FS // the corpus's content
	benchErr  error
)

// benchCatalog compiles a generated corpus once per test binary.
func benchCatalog(b *testing.B) *catalog.Catalog {
	benchOnce.Do(func() {
		pool, err := corpus.NewPool(os.DirFS("../../content"))
		if err != nil {
			benchErr = err
			return
		}
		o := corpus.Options{Regions: *benchVersions / 50, Policies: 10, Versions: 5, Words: 1700, Seed: 1}
		benchFS = pool.FS(o)
		res, err := build.Check(context.Background(), build.Config{Content: benchFS, ContentDir: "korpus"})
		if err != nil {
			benchErr = err
			return
		}
		benchCat = res.Site.Catalog()
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchCat
}

// BenchmarkIndex reports the processor time of a build besides its wall time: the
// build shares the machine with page rendering, so both count.
func BenchmarkIndex(b *testing.B) {
	cat := benchCatalog(b)
	b.ReportAllocs()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "index")
		start := cpuTime()
		if err := search.Build(context.Background(), dir, cat, runtime.GOMAXPROCS(0)); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - start
		b.StopTimer()
		b.ReportMetric(float64(dirSize(b, dir))/1e6, "MB-index")
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the processor time the process has used, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func dirSize(b *testing.B, dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

var benchQueries = []string{
	"pelatihan", "pegawai", "penilaian kinerja", `"sistem informasi"`, "rekrut*",
	"kebijakan -teknologi", "pengembangan kompetensi ASN", "resistensi perubahan", "anggaran", "mentoring",
}

// BenchmarkSearchDistinct is naskah-bench's load of all-different queries
// without the server: 32 clients, as there, each asking the next of
// corpus.Queries, which no cache can answer. It reports searches a second
// of the machine and latency percentiles.
func BenchmarkSearchDistinct(b *testing.B) {
	cat := benchCatalog(b)
	ix := openBench(b, cat)
	queries := corpus.Queries(benchFS, 3000)
	var mu sync.Mutex
	var lat []time.Duration
	var next atomic.Int64
	b.SetParallelism(max(1, 32/runtime.GOMAXPROCS(0)))
	start := time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			q := queries[int(next.Add(1))%len(queries)]
			t := time.Now()
			if _, err := ix.Search(context.Background(), search.Request{Query: q}); err != nil && !search.IsQueryError(err) {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(t))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "searches/s")
	reportPercentiles(b, lat)
}

// openBench builds the index of cat and opens it without a cache of answers,
// to measure the index itself.
func openBench(b *testing.B, cat *catalog.Catalog) *search.Index {
	dir := filepath.Join(b.TempDir(), "index")
	if err := search.Build(context.Background(), dir, cat, runtime.GOMAXPROCS(0)); err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(dir, cat)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	ix.SetCacheSize(0)
	return ix
}

// reportPercentiles reports the median and 99th percentile of lat.
func reportPercentiles(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "ms-p99")
	}
}

// BenchmarkSearch runs the queries from parallel clients and reports latency
// percentiles besides ns/op.
func BenchmarkSearch(b *testing.B) {
	ix := openBench(b, benchCatalog(b))
	var mu sync.Mutex
	var lat []time.Duration
	var next atomic.Int64 // shared, so that the clients ask different questions at once
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			i := next.Add(1)
			start := time.Now()
			if _, err := ix.Search(context.Background(), search.Request{Query: benchQueries[i%int64(len(benchQueries))]}); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	reportPercentiles(b, lat)
}

// queryKinds are queries of one word as written, misspelt and as a prefix, of
// two words, and of a word the thesaurus expands, for BenchmarkQueryKinds. The
// thesaurus expands pelatihan and kepegawaian (as pegawai), not anggaran.
var queryKinds = []struct{ name, query string }{
	{"plain", "anggaran"},
	{"typo-plain", "anggarn"},
	{"exact", "pelatihan"},
	{"typo", "pelatiahn"},
	{"prefix", "pelat*"},
	{"exact-long", "kepegawaian"},
	{"typo-long", "kepegawain"},
	{"prefix-long", "kepeg*"},
	{"two-words", "pelatihan beasiswa"},
	{"two-words-typo", "pelatiahn beasiswa"},
	{"thesaurus", "PPPK"},
	{"pegawai", "pegawai"},
	{"penilaian-kinerja", "penilaian kinerja"},
	{"sistem-informasi", `"sistem informasi"`},
	{"rekrut", "rekrut*"},
	{"kebijakan-teknologi", "kebijakan -teknologi"},
	{"pengembangan-kompetensi-asn", "pengembangan kompetensi ASN"},
	{"resistensi-perubahan", "resistensi perubahan"},
	{"mentoring", "mentoring"},
}

// BenchmarkQueryKinds measures one client's searches of each kind, to compare
// what a correction, a prefix or an expansion costs over a word as written.
func BenchmarkQueryKinds(b *testing.B) {
	ix := openBench(b, benchCatalog(b))
	for _, k := range queryKinds {
		b.Run(k.name, func(b *testing.B) {
			r := search.Request{Query: k.query}
			res, err := ix.Search(context.Background(), r)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ix.Search(context.Background(), r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Total), "hits")
		})
	}
}
