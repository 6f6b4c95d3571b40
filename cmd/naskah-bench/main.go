// Command naskah-bench measures naskah on a generated corpus, in one run on one
// machine: the full build's wall time and peak memory, a one-file rebuild of the
// live preview, search and comparison latency through the HTTP API at concurrent
// clients, and the index size. When hugo and pagefind are on PATH (or pagefind is
// under -pagefind), it builds the same corpus with them and prints the ratios.
//
//	go run ./cmd/naskah-bench                      # the 5,000-version yardstick
//	go run ./cmd/naskah-bench -regions 400         # 20,000 versions
//	go run ./cmd/naskah-bench -regions 10 -json bench.json
//
// Hugo and Pagefind install with go install github.com/gohugoio/hugo@v0.165.0 and
// npm install pagefind (then -pagefind DIR names the directory of node_modules).
// The working directory is made under $TMPDIR. On a disk whose file system has
// just deleted many thousands of files, creating files can cost more than all the
// rest (ext4 looks for inodes it may reuse); TMPDIR=/dev/shm measures the
// programs instead of that, for naskah and Hugo alike.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"naskah/internal/corpus"
)

// options are the command's flags.
type options struct {
	corpus.Options
	clients, requests int
	jsonOut, pagefind string
	keep              bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "naskah-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	o := options{Options: corpus.Benchmark}
	fs := flag.NewFlagSet("naskah-bench", flag.ContinueOnError)
	fs.IntVar(&o.Regions, "regions", o.Regions, "regions in the corpus")
	fs.IntVar(&o.Policies, "policies", o.Policies, "policies per region")
	fs.IntVar(&o.Versions, "versions", o.Versions, "versions per policy")
	fs.IntVar(&o.Words, "words", o.Words, "words per version, about")
	fs.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the corpus")
	fs.IntVar(&o.clients, "clients", 32, "concurrent clients for the latency measurements")
	fs.IntVar(&o.requests, "requests", 3000, "requests per latency measurement")
	fs.StringVar(&o.jsonOut, "json", "naskah-bench.json", "where to write the figures as JSON")
	fs.StringVar(&o.pagefind, "pagefind", "", "directory whose node_modules/.bin holds pagefind, if it is not on PATH")
	fs.BoolVar(&o.keep, "keep", false, "keep the working directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "naskah-bench-")
	if err != nil {
		return err
	}
	if !o.keep {
		defer os.RemoveAll(work)
	}
	r, err := measure(ctx, o, work, stdout)
	if err != nil {
		return err
	}
	r.print(stdout)
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(o.jsonOut, append(data, '\n'), 0o644)
}

// measure runs every measurement and returns the figures.
func measure(ctx context.Context, o options, work string, log io.Writer) (*report, error) {
	r := &report{Corpus: o.Options, Clients: o.clients, When: time.Now().UTC().Format(time.RFC3339)}
	pool, err := corpus.NewPool(os.DirFS("content"))
	if err != nil {
		return nil, fmt.Errorf("%w (run from the repository root)", err)
	}
	content := filepath.Join(work, "content")
	fmt.Fprintf(log, "generating %d versions into %s …\n", o.Regions*o.Policies*o.Versions, content)
	if err := pool.Write(content, o.Options); err != nil {
		return nil, err
	}
	if r.MarkdownBytes, err = dirSize(content); err != nil {
		return nil, err
	}
	bin, err := buildBinary(ctx, work)
	if err != nil {
		return nil, err
	}
	steps := []func(context.Context, options, string, string, *report, io.Writer) error{
		measureBuild, measureRebuild, measureServer, measureHugo,
	}
	for _, step := range steps {
		if err := step(ctx, o, work, bin, r, log); err != nil {
			return nil, err
		}
	}
	return r, nil
}
