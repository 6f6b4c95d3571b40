package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"naskah/internal/build"
)

// lockedBuffer is an output that the server and the test use at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// deployFixture builds the fixture site of internal/build and copies only its
// output and data directories into a fresh directory, the way a deployment ships
// them; the build's own directory is removed.
func deployFixture(t *testing.T) (out, data string) {
	t.Helper()
	built := t.TempDir()
	cfg := build.Config{
		Content: os.DirFS("../../internal/build/testdata/site"), ContentDir: "content",
		Out: filepath.Join(built, "public"), Data: filepath.Join(built, "data"), Drafts: true,
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	deploy := t.TempDir()
	out, data = filepath.Join(deploy, "situs"), filepath.Join(deploy, "data-server")
	if err := os.CopyFS(out, os.DirFS(cfg.Out)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(data, os.DirFS(cfg.Data)); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(built); err != nil {
		t.Fatal(err)
	}
	return out, data
}

// TestServeNoBuild runs naskah serve -no-build from a working directory with
// nothing in it, over a copy of the output and data directories alone, asks for
// every kind of route, then stops it as SIGINT would.
func TestServeNoBuild(t *testing.T) {
	out, data := deployFixture(t)
	t.Chdir(t.TempDir()) // no content/, no themes/, no source tree
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	code := make(chan int, 1)
	go func() {
		err := run(ctx, []string{"serve", "-no-build", "-addr", "127.0.0.1:0", "-out", out, "-data", data}, &stdout, &stderr)
		code <- exitCode(err, &stderr)
	}()
	base := waitForAddress(t, &stdout, &stderr)
	tests := []struct {
		path, ctype, want string
	}{
		{"/", "text/html", "Situs Uji"},
		{"/contoh/kebijakan-uji/", "text/html", "<h1"},
		{"/contoh/feed.xml", "application/atom+xml", "<feed"},
		{"/cari?q=pelatihan", "text/html", "<mark>"},
		{"/api/v1/search?q=pelatihan", "application/json", `"hits":[`},
		{"/bandingkan?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "text/html", "<ins>"},
		{"/api/v1/compare?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "application/json", `"sections":[`},
		{"/api/v1/regions", "application/json", `"slug":"contoh"`},
		{"/api/v1/regions/contoh", "application/json", `"policies":[`},
		{"/api/v1/policies/contoh/kebijakan-uji", "application/json", `"versions":[`},
		{"/api/v1/policies/contoh/kebijakan-uji/versions/2025-03", "application/json", `"sections":[`},
		{"/api/v1/openapi.json", "application/json", `"openapi": "3.1`},
		{"/healthz", "text/plain", "ok"},
	}
	for _, tt := range tests {
		res, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET %s: %d %s, body lacks %q", tt.path, res.StatusCode, res.Header.Get("Content-Type"), tt.want)
		}
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit code %d after shutdown\n%s", c, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("naskah serve did not stop")
	}
	logLine := regexp.MustCompile(`msg=request method=GET path=/api/v1/search query="q=pelatihan" status=200 bytes=\d+ duration=\S+ client=127\.0\.0\.1`)
	if !logLine.MatchString(stderr.String()) {
		t.Errorf("no request log line like %s in:\n%s", logLine, stderr.String())
	}
}

// waitForAddress waits for naskah serve to say where it listens.
func waitForAddress(t *testing.T, stdout, stderr *lockedBuffer) string {
	t.Helper()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	for range 500 {
		if m := addr.FindStringSubmatch(stdout.String()); m != nil {
			return "http://" + m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("naskah serve never listened\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
	return ""
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "-no-build", "-trust-proxy", "localhost"},
		{"serve", "-no-build", "-rate", "-1"},
		{"serve", "-no-build", "-max-concurrent", "x"},
		{"serve", "-no-build", "-max-conns", "-1"},
		{"serve", "-no-build", "-max-conns-per-host", "-1"},
	} {
		if _, stderr, code := runArgs(args...); code != 2 {
			t.Errorf("%v: exit code %d, want 2\n%s", args, code, stderr)
		}
	}
	dir := t.TempDir()
	if _, stderr, code := runArgs("serve", "-no-build", "-addr", "127.0.0.1:0", "-out", dir, "-data", dir); code != 1 || !strings.Contains(stderr, "naskah build") {
		t.Errorf("serving an empty directory: exit code %d, want 1\n%s", code, stderr)
	}
}

// TestServeHTTPFinishesRequestsInFlight stops the server while a request is being
// answered: new connections are refused at once, the request still gets its
// whole answer, and serveHTTP returns without error once it is done.
func TestServeHTTPFinishesRequestsInFlight(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "selesai")
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- serveHTTP(ctx, ln, h, slog.New(slog.DiscardHandler)) }()
	type answer struct {
		body string
		err  error
	}
	answered := make(chan answer, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		answered <- answer{string(body), err}
	}()
	<-started
	cancel()
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			break
		}
		c.Close()
		if i == 200 {
			t.Fatal("the server still accepts connections after shutdown began")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-served:
		t.Fatalf("serveHTTP returned with a request in flight: %v", err)
	default:
	}
	close(release)
	if a := <-answered; a.err != nil || a.body != "selesai" {
		t.Errorf("the request in flight got %q, %v", a.body, a.err)
	}
	if err := <-served; err != nil {
		t.Errorf("serveHTTP: %v", err)
	}
}

// TestServeBoundsConnectionsPerHost opens more silent connections from 127.0.0.1
// than -max-conns-per-host allows, as a flood from one host would. The server
// resets those over the bound at once, and a client from another host,
// 127.0.0.2, is answered before the silent ones would have timed out.
func TestServeBoundsConnectionsPerHost(t *testing.T) {
	if ln, err := net.Listen("tcp", "127.0.0.2:0"); err != nil {
		t.Skipf("cannot bind to 127.0.0.2, the other host of this test: %v", err)
	} else {
		ln.Close()
	}
	const perHost, extra = 8, 16
	out, data := deployFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		run(ctx, []string{"serve", "-no-build", "-addr", "127.0.0.1:0", "-out", out, "-data", data,
			"-max-conns-per-host", strconv.Itoa(perHost)}, &stdout, &stderr)
	}()
	defer func() { cancel(); <-done }()
	base := waitForAddress(t, &stdout, &stderr)
	idle := make([]net.Conn, 0, perHost+extra)
	resetAtDial := 0 // the reset can come before connect returns
	for range perHost + extra {
		c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if errors.Is(err, syscall.ECONNRESET) && len(idle) >= perHost {
			resetAtDial++
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		idle = append(idle, c)
	}
	for _, src := range []string{"127.0.0.2"} {
		dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
		client := &http.Client{
			Transport: &http.Transport{DialContext: dialer.DialContext, DisableKeepAlives: true},
			Timeout:   readHeaderTimeout, // a guard against waiting behind the idle connections
		}
		res, err := client.Get(base + "/healthz")
		if err != nil {
			t.Fatalf("a request from %s beside %d silent connections from 127.0.0.1: %v\n%s", src, perHost+extra, err, stderr.String())
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("a request from %s: %d", src, res.StatusCode)
		}
	}
	resets := resetAtDial
	for _, c := range idle[perHost:] {
		c.SetReadDeadline(time.Now().Add(readHeaderTimeout))
		if _, err := c.Read(make([]byte, 1)); errors.Is(err, syscall.ECONNRESET) {
			resets++
		}
	}
	if resets != extra {
		t.Errorf("%d of the %d silent connections over the bound of %d were reset", resets, extra, perHost)
	}
}
