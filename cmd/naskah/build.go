package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"naskah/internal/build"
	"naskah/internal/dirfs"
	"naskah/internal/legal"
	"naskah/internal/publish"
)

// buildFlags are the flags that build, check and serve share.
type buildFlags struct {
	content, theme, out, data, baseURL string
	drafts, force                      bool
	now                                string
	// warnBase warns when the site states no base URL: build and check do,
	// serve, which serves at the fallback, does not.
	warnBase bool
}

func (b *buildFlags) register(fs *flag.FlagSet, output bool) {
	fs.StringVar(&b.content, "content", "content", "direktori konten")
	fs.StringVar(&b.theme, "theme", "", "direktori tema (bawaan: tema default yang tertanam)")
	fs.StringVar(&b.now, "now", "", "tanggal YYYY-MM-DD yang menjadi acuan status berlaku (bawaan: hari ini, WIB)")
	if output {
		fs.StringVar(&b.out, "out", "public", "direktori keluaran situs statis")
		fs.StringVar(&b.data, "data", ".naskah", "direktori data server (indeks pencarian)")
		fs.StringVar(&b.baseURL, "base-url", "", "URL dasar situs (menimpa base_url di content/_index.md)")
		fs.BoolVar(&b.drafts, "drafts", false, "sertakan versi rancangan (draft)")
		fs.BoolVar(&b.force, "force", false, "boleh mengganti -out atau -data yang sudah berisi berkas yang tidak dibuat naskah build")
	}
}

func (b *buildFlags) config(fallbackBaseURL string) (build.Config, error) {
	cfg := build.Config{
		Content:         dirfs.New(b.content),
		ContentDir:      strings.TrimSuffix(b.content, "/"),
		Out:             b.out,
		Data:            b.data,
		Drafts:          b.drafts,
		BaseURL:         b.baseURL,
		FallbackBaseURL: fallbackBaseURL,
		WarnFallback:    b.warnBase,
	}
	if b.now != "" {
		d, err := legal.ParseDate(b.now)
		if err != nil || d.Day == 0 {
			return cfg, &usageError{fmt.Errorf("-now %q bukan tanggal YYYY-MM-DD", b.now)}
		}
		cfg.Now = d
	}
	if info, err := os.Stat(b.content); err != nil || !info.IsDir() {
		return cfg, fmt.Errorf("direktori konten %q tidak ditemukan", b.content)
	}
	if b.theme != "" {
		if info, err := os.Stat(b.theme); err != nil || !info.IsDir() {
			return cfg, fmt.Errorf("direktori tema %q tidak ditemukan", b.theme)
		}
		cfg.Theme = dirfs.New(b.theme)
	}
	if b.out != "" {
		dirs := publish.Dirs{Out: b.out, Data: b.data, Content: b.content, Theme: b.theme, Force: b.force}
		if err := dirs.Check(); err != nil {
			return cfg, &usageError{err}
		}
	}
	return cfg, nil
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "naskah %s: argumen tidak dikenal %q\n", fs.Name(), fs.Arg(0))
		return errUsage
	}
	return nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	b := buildFlags{warnBase: true}
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b.register(fs, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return buildSite(ctx, b, build.DefaultBaseURL, stdout, stderr)
}

// buildSite builds and reports the result the way build and serve print it.
func buildSite(ctx context.Context, b buildFlags, fallbackBaseURL string, stdout, stderr io.Writer) error {
	cfg, err := b.config(fallbackBaseURL)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := build.Run(ctx, cfg)
	printWarnings(res, stderr)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "naskah build: dihentikan; %s dan %s tidak diubah\n", b.out, b.data)
		} else {
			fmt.Fprintln(stderr, err)
			fmt.Fprintf(stderr, "naskah build: gagal; %s dan %s tidak diubah\n", b.out, b.data)
		}
		return errReported
	}
	fmt.Fprintf(stdout, "naskah build: %d berkas ke %s dalam %s (%s)\n",
		res.Written, b.out, time.Since(start).Round(time.Millisecond), steps(res))
	return nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	b := buildFlags{warnBase: true}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b.register(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := b.config(build.DefaultBaseURL)
	if err != nil {
		return err
	}
	res, err := build.Check(ctx, cfg)
	printWarnings(res, stdout)
	if err != nil {
		fmt.Fprintln(stdout, err)
		return errReported
	}
	fmt.Fprintf(stdout, "naskah check: tidak ada masalah (%d peringatan)\n", len(res.Warnings))
	return nil
}

func printWarnings(res *build.Result, w io.Writer) {
	if res == nil {
		return
	}
	for _, p := range res.Warnings {
		fmt.Fprintln(w, p)
	}
}

func steps(res *build.Result) string {
	parts := make([]string, len(res.Steps))
	for i, s := range res.Steps {
		parts[i] = s.Name + " " + s.Duration.Round(time.Millisecond).String()
	}
	return strings.Join(parts, ", ")
}
