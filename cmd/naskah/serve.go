package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"naskah/internal/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b.register(fs, true)
	addr := fs.String("addr", "127.0.0.1:8080", "alamat yang didengarkan")
	noBuild := fs.Bool("no-build", false, "jangan membangun; layani -out apa adanya")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("naskah serve: %w", err)
	}
	defer ln.Close()
	if !*noBuild {
		if err := buildSite(ctx, b, "http://"+ln.Addr().String(), stdout, stderr); err != nil {
			return err
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	srv, err := server.New(server.Config{Out: b.out, Data: b.data, Log: log})
	if err != nil {
		return err
	}
	defer srv.Close()
	go reloadOnHangup(ctx, srv, log)
	fmt.Fprintf(stdout, "naskah serve: melayani %s di http://%s/ (Ctrl+C untuk berhenti)\n", b.out, ln.Addr())
	return serveHTTP(ctx, ln, srv)
}

// reloadOnHangup rereads the data directory on SIGHUP, so that a site rebuilt in
// place (naskah build, or files copied in by a deployment) is served without a restart.
func reloadOnHangup(ctx context.Context, srv *server.Server, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			if err := srv.Reload(); err != nil {
				log.Error("reload failed; still serving the previous build", "err", err)
			} else {
				log.Info("reloaded the build data")
			}
		}
	}
}

// serveHTTP serves until ctx is done, then lets requests in flight finish.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
