package watch

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"naskah/internal/build"
	"naskah/internal/reload"
	"naskah/internal/server"
)

// Preview ties the live preview together: the watcher's batches rebuild the site,
// each good build is swapped into the server and reloads open pages, and a failed
// one keeps the last good site served while its problems show on every page and in
// the report.
type Preview struct {
	Watcher  *Watcher
	Build    *build.Builder
	Server   *server.Server
	Live     *reload.Reloader
	ThemeDir string    // a change below it renders everything again; "" for the embedded theme
	Report   io.Writer // the terminal
}

// Run rebuilds after every batch until ctx is done or the watcher is closed.
func (p *Preview) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case batch, ok := <-p.Watcher.Batches():
			if !ok {
				return
			}
			p.rebuild(ctx, batch)
		}
	}
}

func (p *Preview) rebuild(ctx context.Context, batch Batch) {
	if batch.Err != nil {
		fmt.Fprintln(p.Report, "naskah serve -watch:", batch.Err)
	}
	start := time.Now()
	u, err := p.Build.Rebuild(ctx, within(batch.Paths, p.ThemeDir))
	if err != nil {
		fmt.Fprintf(p.Report, "%s\nnaskah serve -watch: build gagal; situs terakhir yang baik tetap dilayani\n", err)
		p.Live.Failed(err.Error())
		return
	}
	for _, w := range u.Warnings {
		fmt.Fprintln(p.Report, w)
	}
	p.Server.Swap(u.Catalog, u.Index, u.Theme)
	p.Live.Built()
	fmt.Fprintf(p.Report, "naskah serve -watch: %d berkas berubah, dibangun ulang dalam %s\n", u.Written, time.Since(start).Round(time.Millisecond))
}

// within reports whether any path is inside dir.
func within(paths []string, dir string) bool {
	if dir == "" {
		return false
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for _, p := range paths {
		if pa, err := filepath.Abs(p); err == nil && (pa == abs || strings.HasPrefix(pa, abs+string(filepath.Separator))) {
			return true
		}
	}
	return false
}
