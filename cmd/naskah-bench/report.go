package main

import (
	"fmt"
	"io"
	"time"

	"naskah/internal/corpus"
)

// report holds the figures of one run.
type report struct {
	When          string         `json:"when"`
	Corpus        corpus.Options `json:"corpus"`
	MarkdownBytes int64          `json:"markdown_bytes"`
	Clients       int            `json:"clients"`

	Build       measured `json:"build"`
	IndexBytes  int64    `json:"index_bytes"`
	OutputBytes int64    `json:"output_bytes"`
	Rebuild     dur      `json:"rebuild"` // median of the one-file rebuilds

	Search          latency `json:"search"`          // ten queries asked again and again
	SearchDistinct  latency `json:"search_distinct"` // every query different: no cached answer
	CompareVersions latency `json:"compare_versions"`
	CompareRegions  latency `json:"compare_regions"`

	Hugo     *measured `json:"hugo,omitempty"`
	Pagefind *measured `json:"pagefind,omitempty"`
}

// measured is a measured command.
type measured struct {
	Wall    dur   `json:"wall"`
	PeakRSS int64 `json:"peak_rss_bytes"`
	// Steps are the step timings naskah build prints; pages and index run
	// side by side, so they overlap.
	Steps  map[string]dur `json:"steps,omitempty"`
	stdout string
}

// latency is a measured load.
type latency struct {
	P50        dur     `json:"p50"`
	P99        dur     `json:"p99"`
	Throughput float64 `json:"requests_per_second"`
	Errors     int     `json:"errors"`
}

// dur is a duration that JSON writes in milliseconds.
type dur time.Duration

func (d dur) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("%.3f", float64(d)/float64(time.Millisecond))), nil
}

func (d dur) String() string { return time.Duration(d).Round(10 * time.Microsecond).String() }

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "\ncorpus: %d regions × %d policies × %d versions, ~%d words each, %s of Markdown\n",
		r.Corpus.Regions, r.Corpus.Policies, r.Corpus.Versions, r.Corpus.Words, mb(r.MarkdownBytes))
	fmt.Fprintf(w, "%-34s %12s %12s\n", "", "wall", "peak memory")
	fmt.Fprintf(w, "%-34s %12s %12s\n", "naskah build (HTML + index)", r.Build.Wall, mb(r.Build.PeakRSS))
	for _, step := range []string{"markdown", "pages", "index"} {
		if d, ok := r.Build.Steps[step]; ok {
			fmt.Fprintf(w, "%-34s %12s\n", "  step: "+step, d)
		}
	}
	if r.Hugo != nil {
		fmt.Fprintf(w, "%-34s %12s %12s\n", "hugo (HTML only)", r.Hugo.Wall, mb(r.Hugo.PeakRSS))
	}
	if r.Pagefind != nil {
		fmt.Fprintf(w, "%-34s %12s %12s\n", "pagefind (over hugo's output)", r.Pagefind.Wall, mb(r.Pagefind.PeakRSS))
	}
	fmt.Fprintf(w, "%-34s %12s   (%.1f%% of the full build)\n", "one-file rebuild (preview)", r.Rebuild,
		100*float64(r.Rebuild)/float64(r.Build.Wall))
	fmt.Fprintf(w, "%-34s %12s   (Markdown %s; output %s)\n", "index size", mb(r.IndexBytes), mb(r.MarkdownBytes), mb(r.OutputBytes))
	fmt.Fprintf(w, "\n%-34s %10s %10s %12s %7s\n", fmt.Sprintf("at %d clients", r.Clients), "p50", "p99", "req/s", "errors")
	for _, l := range []struct {
		name string
		l    latency
	}{{"search (10 queries, repeated)", r.Search}, {"search (all different)", r.SearchDistinct}, {"compare two versions", r.CompareVersions}, {"compare two regions", r.CompareRegions}} {
		fmt.Fprintf(w, "%-34s %10s %10s %12.0f %7d\n", l.name, l.l.P50, l.l.P99, l.l.Throughput, l.l.Errors)
	}
	if r.Hugo != nil {
		fmt.Fprintf(w, "\nnaskah / hugo: wall %.2f, memory %.2f\n",
			float64(r.Build.Wall)/float64(r.Hugo.Wall), float64(r.Build.PeakRSS)/float64(r.Hugo.PeakRSS))
		if d, ok := r.Build.Steps["index"]; ok {
			fmt.Fprintf(w, "naskah's index step alone / hugo: wall %.2f\n", float64(d)/float64(r.Hugo.Wall))
		}
		if r.Pagefind != nil {
			fmt.Fprintf(w, "naskah / (hugo + pagefind): wall %.2f, memory %.2f\n",
				float64(r.Build.Wall)/float64(r.Hugo.Wall+r.Pagefind.Wall),
				float64(r.Build.PeakRSS)/float64(max(r.Hugo.PeakRSS, r.Pagefind.PeakRSS)))
		}
	} else {
		fmt.Fprintln(w, "\nhugo is not on PATH: no ratios (go install github.com/gohugoio/hugo@v0.165.0)")
	}
}
