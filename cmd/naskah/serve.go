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
	"runtime"
	"syscall"
	"time"

	"naskah/internal/legal"
	"naskah/internal/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	var sf serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b.register(fs, true)
	sf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := sf.config(b, log)
	if err != nil {
		fmt.Fprintf(stderr, "naskah serve: %v\n", err)
		return errUsage
	}
	tcp, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return fmt.Errorf("naskah serve: %w", err)
	}
	ln := server.NewListener(tcp, sf.connLimits(cfg))
	defer ln.Close()
	if sf.watch {
		if sf.noBuild {
			fmt.Fprintln(stderr, "naskah serve: -watch membangun ulang, jadi tidak bisa dipakai bersama -no-build")
			return errUsage
		}
		return preview(ctx, b, ln, cfg, log, stdout, stderr)
	}
	if !sf.noBuild {
		if err := buildSite(ctx, b, "http://"+ln.Addr().String(), stdout, stderr); err != nil {
			return err
		}
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	go reloadOnHangup(ctx, srv, log)
	go keepStatusCurrent(ctx, realClock{}, srv, b, sf.noBuild, "http://"+ln.Addr().String(), log, stdout, stderr)
	fmt.Fprintf(stdout, "naskah serve: melayani %s di http://%s/ (Ctrl+C untuk berhenti)\n", b.out, ln.Addr())
	return serveHTTP(ctx, ln, srv, log)
}

// serveFlags are the flags of serve alone.
type serveFlags struct {
	addr            string
	noBuild         bool
	watch           bool
	rate            float64
	burst           int
	maxConcurrent   int
	trustProxy      string
	maxConns        int
	maxConnsPerHost int
}

func (sf *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.addr, "addr", "127.0.0.1:8080", "alamat yang didengarkan")
	fs.BoolVar(&sf.noBuild, "no-build", false, "jangan membangun; layani -out dan -data apa adanya")
	fs.BoolVar(&sf.watch, "watch", false, "pratinjau langsung: bangun ulang saat konten atau tema berubah, termasuk rancangan")
	fs.Float64Var(&sf.rate, "rate", 10, "pencarian dan perbandingan per detik per klien (0: tanpa batas)")
	fs.IntVar(&sf.burst, "burst", 20, "pencarian dan perbandingan beruntun per klien sebelum -rate berlaku")
	fs.IntVar(&sf.maxConcurrent, "max-concurrent", 2*runtime.GOMAXPROCS(0), "pencarian dan perbandingan yang dilayani sekaligus (0: tanpa batas)")
	fs.StringVar(&sf.trustProxy, "trust-proxy", "", "proxy tepercaya yang X-Forwarded-For-nya dipakai: CIDR dipisah koma, misalnya 127.0.0.1/32")
	fs.IntVar(&sf.maxConns, "max-conns", server.DefaultMaxConns(), "koneksi terbuka sekaligus dari semua klien (0: tanpa batas)")
	fs.IntVar(&sf.maxConnsPerHost, "max-conns-per-host", server.DefaultMaxConnsPerHost, "koneksi terbuka sekaligus dari satu alamat klien; proxy -trust-proxy hanya dibatasi -max-conns (0: tanpa batas)")
}

// config is the server's configuration; an error is a flag out of range.
func (sf *serveFlags) config(b buildFlags, log *slog.Logger) (server.Config, error) {
	proxies, err := server.ParseProxies(sf.trustProxy)
	if err != nil {
		return server.Config{}, err
	}
	if sf.rate < 0 || sf.burst < 0 || sf.maxConcurrent < 0 || sf.maxConns < 0 || sf.maxConnsPerHost < 0 {
		return server.Config{}, errors.New("-rate, -burst, -max-concurrent, -max-conns dan -max-conns-per-host tidak boleh negatif")
	}
	return server.Config{
		Out: b.out, Data: b.data, Log: log, Rate: sf.rate, Burst: sf.burst,
		TrustedProxies: proxies, MaxConcurrent: sf.maxConcurrent,
	}, nil
}

// connLimits are the bounds on the listener's connections.
func (sf *serveFlags) connLimits(cfg server.Config) server.ConnLimits {
	return server.ConnLimits{PerHost: sf.maxConnsPerHost, Total: sf.maxConns, TrustedProxies: cfg.TrustedProxies, Log: cfg.Log}
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
				log.Info("reloaded the build data", "build", srv.Build())
			}
		}
	}
}

// keepStatusCurrent keeps the statuses the site shows right as days pass:
// when a scheduled change of status comes due it builds the site again as of
// that day and reloads srv; with noBuild, which serves what a deployment
// built, it logs that the pages are out of date. A site built with -now keeps
// that moment.
func keepStatusCurrent(ctx context.Context, c clock, srv *server.Server, b buildFlags, noBuild bool, base string, log *slog.Logger, stdout, stderr io.Writer) {
	var last legal.Date // zero: the served build's day
	next := func() (legal.Date, bool) { return srv.NextChange(last) }
	switch {
	case noBuild:
		whenDue(ctx, c, next, func(today legal.Date) {
			srv.CheckStale()
			last = today
		})
	case b.now == "":
		whenDue(ctx, c, next, func(today legal.Date) {
			last = today
			rebuildAsOf(ctx, srv, b, today, base, log, stdout, stderr)
		})
	}
}

// rebuildAsOf builds the site as of today and serves it; on failure the
// previous build stays served.
func rebuildAsOf(ctx context.Context, srv *server.Server, b buildFlags, today legal.Date, base string, log *slog.Logger, stdout, stderr io.Writer) {
	log.Info("perubahan status terjadwal tiba; membangun ulang", "per", today.String())
	b.now = today.String()
	if err := buildSite(ctx, b, base, stdout, stderr); err != nil {
		log.Error("pembangunan ulang gagal; situs sebelumnya tetap dilayani", "per", today.String())
		return
	}
	if err := srv.Reload(); err != nil {
		log.Error("reload failed; still serving the previous build", "err", err)
	}
}

// The server's timeouts: a client must send its headers within readHeaderTimeout
// and its whole request within readTimeout, is given writeTimeout to take the
// answer, and may keep an idle connection for idleTimeout. The answers are small
// pages and JSON, so a slow reader holding a connection longer is not served.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 16 << 10
	// shutdownTimeout is how long requests in flight may take to finish after
	// SIGINT or SIGTERM.
	shutdownTimeout = 10 * time.Second
)

// serveHTTP serves until ctx is done, then lets requests in flight finish. A
// *server.Listener is told which connections are between requests.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if l, ok := ln.(*server.Listener); ok {
		srv.ConnState = l.ConnState
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down; letting requests in flight finish", "timeout", shutdownTimeout)
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("naskah serve: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
