package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"naskah/internal/legal"
	"naskah/internal/server"
)

// fakeClock is a clock whose waits pass at once: After moves it forward, up
// to stop (when set), where time stands still.
type fakeClock struct {
	mu        sync.Mutex
	now, stop time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !c.stop.IsZero() && !c.now.Add(d).Before(c.stop) {
		return ch // never fires
	}
	c.now = c.now.Add(d)
	ch <- c.now
	return ch
}

// TestServeRebuildsWhenAChangeComesDue serves the fixture built on 1 January
// 2025 and lets a fake clock run: at 00:00 WIB on 6 March 2025, when version
// 2025-03 of contoh/kebijakan-uji comes into force, serve builds the site again
// as of that day and serves it, then waits for the next change (in 2099).
func TestServeRebuildsWhenAChangeComesDue(t *testing.T) {
	dir := t.TempDir()
	b := buildFlags{content: "../../internal/build/testdata/site", out: filepath.Join(dir, "public"), data: filepath.Join(dir, "data"), now: "2025-01-01"}
	if err := buildSite(context.Background(), b, "http://127.0.0.1:8080", io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Out: b.out, Data: b.data})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	page := func() string {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/contoh/kebijakan-uji/", nil))
		return rec.Body.String()
	}
	if p := page(); !strings.Contains(p, "per 1 Januari 2025") {
		t.Fatal("the first build is not as of 1 January 2025")
	}
	due := legal.Date{Year: 2025, Month: 3, Day: 6}.Start()
	c := &fakeClock{now: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC), stop: due.Add(2 * time.Hour)}
	b.now = "" // as serve runs without -now
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		keepStatusCurrent(ctx, c, srv, b, false, "http://127.0.0.1:8080", slog.New(slog.DiscardHandler), io.Discard, io.Discard)
		close(done)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(page(), "per 6 Maret 2025") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if p := page(); !strings.Contains(p, "per 6 Maret 2025") || !strings.Contains(p, `href="/contoh/kebijakan-uji/2025-03/"`) {
		t.Errorf("after the change came due the policy page is not of 6 March 2025:\n%.2000s", p)
	}
	if now := c.Now(); now.Before(due) {
		t.Errorf("rebuilt before the change was due, at %v", now)
	}
}

// TestWhenDueStops: with nothing scheduled whenDue returns at once, and it
// returns when its context is done.
func TestWhenDueStops(t *testing.T) {
	c := &fakeClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	whenDue(context.Background(), c, func() (legal.Date, bool) { return legal.Date{}, false }, func(legal.Date) { t.Error("due with nothing scheduled") })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	whenDue(ctx, c, func() (legal.Date, bool) { return legal.Date{Year: 2030, Month: 1, Day: 1}, true }, func(legal.Date) { t.Error("due after the context was done") })
}
