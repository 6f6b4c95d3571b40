package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// fakeConn is a connection from a given peer that only knows whether it was closed.
type fakeConn struct {
	net.Conn // nil: only RemoteAddr and Close are called
	peer     *net.TCPAddr
	closed   atomic.Bool
}

func (c *fakeConn) RemoteAddr() net.Addr { return c.peer }
func (c *fakeConn) Close() error         { c.closed.Store(true); return nil }

// peer is a connection from host.
func peer(host string) *fakeConn {
	return &fakeConn{peer: net.TCPAddrFromAddrPort(netip.AddrPortFrom(netip.MustParseAddr(host), 40000))}
}

// offer hands nc to l as its listener would, and says whether l kept it.
func offer(t *testing.T, l *Listener, nc *fakeConn) net.Conn {
	t.Helper()
	c := l.take(nc)
	if (c == nil) != nc.closed.Load() {
		t.Fatalf("%s: kept %v, closed %v", nc.peer, c != nil, nc.closed.Load())
	}
	return c
}

// held is what l holds: open connections, and per host.
func held(l *Listener) (int, map[string]int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	per := map[string]int{}
	for k, h := range l.hosts {
		per[k.String()] = h.n
	}
	return l.open, per
}

func TestListenerPerHostBound(t *testing.T) {
	l := NewListener(nil, ConnLimits{PerHost: 2})
	a1, a2, a3 := peer("192.0.2.1"), peer("192.0.2.1"), peer("192.0.2.1")
	c1, c2 := offer(t, l, a1), offer(t, l, a2)
	if c1 == nil || c2 == nil {
		t.Fatal("a host under the bound was refused")
	}
	// Both connections are in requests (no ConnState says otherwise): the third
	// is closed at once.
	if offer(t, l, a3) != nil {
		t.Error("a third connection over the bound of 2 was kept")
	}
	if offer(t, l, peer("192.0.2.2")) == nil {
		t.Error("another host was refused")
	}
	// A connection that never sent a request is not closed for a newcomer.
	l.ConnState(c1, http.StateNew)
	if offer(t, l, peer("192.0.2.1")) != nil || a1.closed.Load() {
		t.Error("a connection that never sent a request made room for a newcomer")
	}
	// Once one of them is idle between requests, a newcomer takes its place.
	l.ConnState(c1, http.StateIdle)
	l.ConnState(c2, http.StateActive)
	c4 := offer(t, l, peer("192.0.2.1"))
	if c4 == nil || !a1.closed.Load() || a2.closed.Load() {
		t.Errorf("newcomer kept %v; the quiet one closed %v, the one in a request closed %v", c4 != nil, a1.closed.Load(), a2.closed.Load())
	}
	if open, per := held(l); open != 3 || per["192.0.2.1/32"] != 2 {
		t.Errorf("open %d, per host %v", open, per)
	}
}

func TestListenerClosedConnFreesItsSlot(t *testing.T) {
	l := NewListener(nil, ConnLimits{PerHost: 1, Total: 1})
	c := offer(t, l, peer("192.0.2.1"))
	if offer(t, l, peer("192.0.2.1")) != nil || offer(t, l, peer("192.0.2.2")) != nil {
		t.Fatal("a connection over the bounds was kept")
	}
	c.Close()
	c.Close() // the http.Server may close a connection the Listener closed
	if open, per := held(l); open != 0 || len(per) != 0 {
		t.Fatalf("after Close: open %d, hosts %v", open, per)
	}
	if offer(t, l, peer("192.0.2.2")) == nil {
		t.Error("the freed slot was not given to the next connection")
	}
}

func TestListenerTrustedProxyHeldToTotalOnly(t *testing.T) {
	proxies, err := ParseProxies("10.0.0.1, 2001:db8::1")
	if err != nil {
		t.Fatal(err)
	}
	l := NewListener(nil, ConnLimits{PerHost: 2, Total: 9, TrustedProxies: proxies})
	for _, proxy := range []string{"10.0.0.1", "2001:db8::1"} {
		for i := range 3 {
			if offer(t, l, peer(proxy)) == nil {
				t.Fatalf("connection %d of proxy %s refused at a per-host bound of 2", i+1, proxy)
			}
		}
	}
	// An untrusted host in the IPv6 proxy's /64 does not share its count.
	if offer(t, l, peer("2001:db8::2")) == nil {
		t.Fatal("the proxy's IPv6 neighbour was refused")
	}
	if offer(t, l, peer("2001:db8::3")) == nil || offer(t, l, peer("2001:db8::4")) != nil {
		t.Error("the proxy's neighbours are not held to the per-host bound of their /64")
	}
	// The total still holds: the proxies' connections are all in requests.
	if offer(t, l, peer("10.0.0.1")) == nil || offer(t, l, peer("10.0.0.1")) != nil {
		t.Error("proxy connections over the total bound of 9 were kept")
	}
}

func TestListenerIPv6HostIsASlash64(t *testing.T) {
	l := NewListener(nil, ConnLimits{PerHost: 1})
	offer(t, l, peer("2001:db8:1:2::1"))
	if offer(t, l, peer("2001:db8:1:2:ffff::9")) != nil {
		t.Error("a second address of the same /64 was not held to its bound")
	}
	if offer(t, l, peer("2001:db8:1:3::1")) == nil {
		t.Error("another /64 was refused")
	}
}

// TestListenerTotalBound fills the total bound: a newcomer takes the place of a
// quiet connection of the host that holds the most, or is closed if that host
// has none quiet.
func TestListenerTotalBound(t *testing.T) {
	l := NewListener(nil, ConnLimits{Total: 4})
	var a []*fakeConn
	var ac []net.Conn
	for range 3 {
		nc := peer("192.0.2.1")
		a, ac = append(a, nc), append(ac, offer(t, l, nc))
	}
	b := peer("192.0.2.2")
	bc := offer(t, l, b)
	for _, c := range append(ac, bc) {
		l.ConnState(c, http.StateIdle)
	}
	// C is new; A holds the most, and its oldest quiet connection makes room.
	if offer(t, l, peer("192.0.2.3")) == nil || !a[0].closed.Load() {
		t.Fatal("a new host did not displace the busiest host's quietest connection")
	}
	// B holds fewer than A: A makes room again.
	if offer(t, l, peer("192.0.2.2")) == nil || !a[1].closed.Load() || b.closed.Load() {
		t.Fatal("the host holding fewer did not displace the busiest one")
	}
	// A and B now hold 1 and 2; with B's connections all in requests, a newcomer
	// of B, the busiest, is closed rather than taking A's place.
	l.ConnState(bc, http.StateActive)
	_, per := held(l)
	b2 := peer("192.0.2.2")
	if offer(t, l, b2) != nil {
		t.Fatalf("hosts %v: the busiest host's newcomer was kept", per)
	}
	if a[2].closed.Load() {
		t.Error("a quiet connection of a host holding fewer was closed for the busiest host")
	}
	if open, _ := held(l); open != 4 {
		t.Errorf("open %d, want the bound of 4", open)
	}
}

// TestListenerConcurrent opens, quiets and closes connections from many
// goroutines at once; run it under -race. The bounds hold throughout, and every
// connection ends up closed and counted out.
func TestListenerConcurrent(t *testing.T) {
	const perHost, total = 8, 32
	l := NewListener(nil, ConnLimits{PerHost: perHost, Total: total})
	var mu sync.Mutex
	var all []*fakeConn
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 1))
			var mine []net.Conn
			for range 2000 {
				nc := peer(fmt.Sprintf("192.0.2.%d", r.IntN(12)))
				mu.Lock()
				all = append(all, nc)
				mu.Unlock()
				if c := l.take(nc); c != nil {
					mine = append(mine, c)
				}
				if len(mine) > 0 && r.IntN(3) == 0 {
					i := r.IntN(len(mine))
					l.ConnState(mine[i], []http.ConnState{http.StateNew, http.StateActive, http.StateIdle}[r.IntN(3)])
				}
				if len(mine) > 0 && r.IntN(2) == 0 {
					i := r.IntN(len(mine))
					mine[i].Close()
					mine = append(mine[:i], mine[i+1:]...)
				}
				open, per := held(l)
				for h, n := range per {
					if n > perHost {
						t.Errorf("host %s holds %d, bound %d", h, n, perHost)
						return
					}
				}
				if open > total {
					t.Errorf("%d open, bound %d", open, total)
					return
				}
			}
			for _, c := range mine {
				c.Close()
			}
		})
	}
	wg.Wait()
	if open, per := held(l); open != 0 || len(per) != 0 || l.ranks.top != 0 {
		t.Errorf("after every connection closed: open %d, hosts %v, top %d", open, per, l.ranks.top)
	}
	for _, nc := range all {
		if !nc.closed.Load() {
			t.Fatalf("a connection from %s was never closed", nc.peer)
		}
	}
}

// TestListenerEvictsOverTCP runs the Listener under an http.Server: a newcomer
// over the per-host bound closes the host's idle keep-alive connection
// gracefully, so that the end of its last answer is not lost; a connection that
// never sent a request is left alone, and a newcomer beside it is reset.
func TestListenerEvictsOverTCP(t *testing.T) {
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := NewListener(tcp, ConnLimits{PerHost: 1})
	srv := &http.Server{
		Handler:   http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }),
		ConnState: l.ConnState,
	}
	go srv.Serve(l)
	defer srv.Close()
	addr := tcp.Addr().String()

	idle := dialTCP(t, addr)
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(idle), nil)
	if err != nil {
		t.Fatal(err)
	}
	io.ReadAll(res.Body)
	waitQuiet(t, l)
	silent := dialTCP(t, addr)
	if err := readEnd(idle); err != io.EOF {
		t.Errorf("the idle keep-alive connection ended with %v, want EOF", err)
	}
	refused, err := net.Dial("tcp", addr)
	if err == nil {
		defer refused.Close()
		err = readEnd(refused)
	}
	if !errors.Is(err, syscall.ECONNRESET) { // at once, or before connect returned
		t.Errorf("a newcomer beside a connection that never sent a request ended with %v, want a reset", err)
	}
	io.WriteString(silent, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if res, err := http.ReadResponse(bufio.NewReader(silent), nil); err != nil || res.StatusCode != 200 {
		t.Errorf("the connection left alone: %v", err)
	}
}

func dialTCP(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// readEnd reads until c ends, with a deadline as a guard against a hang.
func readEnd(c net.Conn) error {
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := io.Copy(io.Discard, c)
	if err == nil {
		err = io.EOF
	}
	return err
}

// waitQuiet waits until l's one connection is quiet.
func waitQuiet(t *testing.T, l *Listener) {
	t.Helper()
	for range 1000 {
		l.mu.Lock()
		quiet := false
		for _, h := range l.hosts {
			quiet = quiet || h.quiet.front != nil
		}
		l.mu.Unlock()
		if quiet {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the connection never became quiet")
}

func TestDefaultMaxConns(t *testing.T) {
	n := DefaultMaxConns()
	if n < 1 || n > maxConnsCap {
		t.Fatalf("DefaultMaxConns() = %d, want 1 to %d", n, maxConnsCap)
	}
	if limit, ok := openFileLimit(); ok && uint64(n) > limit-limit/4 {
		t.Errorf("DefaultMaxConns() = %d leaves less than a quarter of %d descriptors", n, limit)
	}
}
