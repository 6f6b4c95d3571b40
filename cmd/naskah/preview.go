package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"naskah/internal/build"
	"naskah/internal/reload"
	"naskah/internal/server"
	"naskah/internal/watch"
)

// preview serves the live preview: it builds with drafts, serves, and rebuilds on
// every change under the content and theme directories. A failed rebuild keeps the
// last good site served and shows its problems on every page and in the terminal.
func preview(ctx context.Context, b buildFlags, ln net.Listener, scfg server.Config, log *slog.Logger, stdout, stderr io.Writer) error {
	cfg, err := b.config("http://" + ln.Addr().String())
	if err != nil {
		return err
	}
	start := time.Now()
	p := build.New(cfg)
	u, err := p.Rebuild(ctx, false)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return errReported
	}
	defer p.Close()
	printWarnings(u.Result, stderr)
	fmt.Fprintf(stdout, "naskah serve -watch: %d berkas ke %s dalam %s\n", len(u.Files), b.out, time.Since(start).Round(time.Millisecond))
	srv, err := server.NewPreview(scfg, u.Catalog, u.Index, u.Theme)
	if err != nil {
		return err
	}
	roots := []string{b.content}
	if b.theme != "" {
		roots = append(roots, b.theme)
	}
	w, err := watch.New(roots, watch.Options{})
	if err != nil {
		return fmt.Errorf("naskah serve -watch: %w", err)
	}
	defer w.Close()
	live := reload.New()
	loop := &watch.Preview{Watcher: w, Build: p, Server: srv, Live: live, ThemeDir: b.theme, Report: stderr}
	go loop.Run(ctx)
	fmt.Fprintf(stdout, "naskah serve -watch: pratinjau di http://%s/ (Ctrl+C untuk berhenti)\n", ln.Addr())
	return serveHTTP(ctx, ln, live.Wrap(srv), log)
}
