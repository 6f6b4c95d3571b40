package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// from sends a GET from the client at addr, with X-Forwarded-For if xff is set.
func from(t *testing.T, h http.Handler, addr, target, xff string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest("GET", "http://example"+target, nil)
	req.RemoteAddr = addr
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result(), rec.Body.String()
}

func TestRateLimit(t *testing.T) {
	// A rate so low that no token comes back during the test.
	s := newTestServerWith(t, Config{Rate: 1e-3, Burst: 3})
	const a, b = "192.0.2.1:1234", "192.0.2.2:1234"
	for i, target := range []string{"/api/v1/search?q=pelatihan", "/cari?q=pelatihan", cmpTarget} {
		if res, body := from(t, s, a, target, ""); res.StatusCode != 200 {
			t.Fatalf("request %d of the burst: %d %s", i+1, res.StatusCode, body)
		}
	}
	res, body := from(t, s, a, "/api/v1/search?q=pelatihan", "")
	var e errorJSON
	json.Unmarshal([]byte(body), &e)
	if res.StatusCode != 429 || e.Error.Code != "rate_limited" {
		t.Fatalf("after the burst: %d %s", res.StatusCode, body)
	}
	if n, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || n < 1 {
		t.Errorf("Retry-After = %q", res.Header.Get("Retry-After"))
	}
	for _, target := range []string{"/cari?q=pelatihan", cmpTarget} {
		res, body = from(t, s, a, target, "")
		if res.StatusCode != 429 || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "terlalu banyak") || !strings.Contains(body, "<html") {
			t.Errorf("%s after the burst: %d, Retry-After %q, a themed page with the reason: %v",
				target, res.StatusCode, res.Header.Get("Retry-After"), strings.Contains(body, "terlalu banyak"))
		}
	}
	if res, _ := from(t, s, a, "/api/v1/search?q=pelatihan", "198.51.100.7"); res.StatusCode != 429 {
		t.Errorf("X-Forwarded-For from an untrusted peer changed the client: %d", res.StatusCode)
	}
	for _, target := range []string{"/api/v1/regions", "/cari", "/bandingkan", "/"} {
		if res, _ := from(t, s, a, target, ""); res.StatusCode != 200 {
			t.Errorf("%s is limited: %d", target, res.StatusCode)
		}
	}
	if res, body := from(t, s, b, "/api/v1/search?q=pelatihan", ""); res.StatusCode != 200 {
		t.Errorf("another client is limited: %d %s", res.StatusCode, body)
	}
}

func TestRateLimitBehindProxy(t *testing.T) {
	proxies, err := ParseProxies("127.0.0.1/32, ::1")
	if err != nil {
		t.Fatal(err)
	}
	s := newTestServerWith(t, Config{Rate: 1e-3, Burst: 1, TrustedProxies: proxies})
	const proxy, search = "127.0.0.1:40000", "/api/v1/search?q=pelatihan"
	steps := []struct {
		peer, xff string
		status    int
	}{
		{proxy, "203.0.113.5", 200},
		{proxy, "203.0.113.5", 429},
		{proxy, "203.0.113.6", 200},
		{proxy, "203.0.113.99, 203.0.113.5", 429}, // the client's own claim is ignored
		{proxy, "203.0.113.5, 127.0.0.1", 429},    // a chain of trusted proxies
		{"[::1]:40000", "203.0.113.5", 429},
		{"192.0.2.1:1234", "203.0.113.7", 200}, // an untrusted peer: the peer is the client
		{"192.0.2.1:1234", "203.0.113.8", 429},
	}
	for i, st := range steps {
		if res, body := from(t, s, st.peer, search, st.xff); res.StatusCode != st.status {
			t.Errorf("step %d (%s, X-Forwarded-For %s): %d, want %d: %s", i+1, st.peer, st.xff, res.StatusCode, st.status, body)
		}
	}
}

func TestClientAddr(t *testing.T) {
	proxies, err := ParseProxies("10.0.0.0/8,127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{proxies: proxies}
	tests := []struct {
		peer string
		xff  []string
		want string
	}{
		{"192.0.2.1:80", nil, "192.0.2.1"},
		{"192.0.2.1:80", []string{"203.0.113.1"}, "192.0.2.1"},
		{"[::ffff:192.0.2.1]:80", nil, "192.0.2.1"},
		{"10.1.2.3:80", nil, "10.1.2.3"},
		{"10.1.2.3:80", []string{"203.0.113.1"}, "203.0.113.1"},
		{"10.1.2.3:80", []string{"198.51.100.1, 203.0.113.1"}, "203.0.113.1"},
		{"10.1.2.3:80", []string{"203.0.113.1, 10.9.9.9, 127.0.0.1"}, "203.0.113.1"},
		{"10.1.2.3:80", []string{"203.0.113.1", "10.9.9.9"}, "203.0.113.1"},
		{"10.1.2.3:80", []string{"203.0.113.1:5555"}, "203.0.113.1"},
		{"10.1.2.3:80", []string{"[2001:db8::1]:5555"}, "2001:db8::1"},
		{"10.1.2.3:80", []string{"bukan-alamat"}, "10.1.2.3"},
		{"10.1.2.3:80", []string{"203.0.113.1, bukan, 10.9.9.9"}, "10.9.9.9"},
		{"10.1.2.3:80", []string{"10.9.9.9, 10.8.8.8"}, "10.9.9.9"},
		{"10.1.2.3:80", []string{strings.Repeat("10.0.0.1,", 100) + "10.0.0.2"}, "10.0.0.1"},
		{"@", nil, "invalid IP"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "/", nil)
		req.RemoteAddr = tt.peer
		for _, v := range tt.xff {
			req.Header.Add("X-Forwarded-For", v)
		}
		if got := s.clientAddr(req).String(); got != tt.want {
			t.Errorf("%s %q: %s, want %s", tt.peer, tt.xff, got, tt.want)
		}
	}
}

func TestParseProxies(t *testing.T) {
	got, err := ParseProxies(" 127.0.0.1/32,10.1.2.3/8 ,::1, 192.0.2.7,::ffff:198.51.100.0/120")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"127.0.0.1/32", "10.0.0.0/8", "::1/128", "192.0.2.7/32", "198.51.100.0/24"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
	for _, bad := range []string{"localhost", "10.0.0.0/33", "127.0.0.1/32;10.0.0.0/8"} {
		if _, err := ParseProxies(bad); err == nil {
			t.Errorf("ParseProxies(%q) accepted it", bad)
		}
	}
}

func TestRateKeyGroupsIPv6Subnets(t *testing.T) {
	a, b := netip.MustParseAddr("2001:db8:1:2::1"), netip.MustParseAddr("2001:db8:1:2:ffff::9")
	c := netip.MustParseAddr("2001:db8:1:3::1")
	if rateKey(a) != rateKey(b) || rateKey(a) == rateKey(c) {
		t.Errorf("keys %v %v %v", rateKey(a), rateKey(b), rateKey(c))
	}
	if v4 := netip.MustParseAddr("192.0.2.1"); rateKey(v4) != v4 {
		t.Errorf("an IPv4 address is its own key")
	}
}

// TestLimiterForgetsIdleClients fills the limiter's memory: new clients then
// share one bucket until a sweep forgets the clients whose buckets are full again,
// and the number remembered never passes the bound.
func TestLimiterForgetsIdleClients(t *testing.T) {
	l := newLimiter(1, 2, 4)
	t0 := time.Unix(1_000_000, 0)
	addr := func(i int) netip.Addr { return netip.AddrFrom4([4]byte{192, 0, 2, byte(i)}) }
	for i := range 4 {
		if _, ok := l.allow(addr(i), t0); !ok {
			t.Fatalf("client %d refused", i)
		}
	}
	// Full, and swept just now: newcomers share the overflow bucket of 2.
	l.swept = t0
	for i := 4; i < 6; i++ {
		if _, ok := l.allow(addr(i), t0); !ok {
			t.Errorf("newcomer %d refused while the overflow bucket has tokens", i)
		}
	}
	if _, ok := l.allow(addr(6), t0); ok {
		t.Error("the overflow bucket never runs dry")
	}
	if len(l.clients) > 4 {
		t.Fatalf("%d clients remembered, bound 4", len(l.clients))
	}
	// Once the old buckets have filled up and a sweep is due, they are forgotten.
	later := t0.Add(sweepEvery + 2*time.Second)
	if _, ok := l.allow(addr(7), later); !ok {
		t.Fatal("a newcomer refused after the sweep")
	}
	if len(l.clients) != 1 {
		t.Errorf("%d clients remembered after the sweep, want 1", len(l.clients))
	}
	// The bucket refills at the rate and holds no more than the burst.
	l.allow(addr(7), later)
	if wait, ok := l.allow(addr(7), later); ok || wait <= 0 || wait > time.Second {
		t.Errorf("third request in a row: ok=%v, wait %v", ok, wait)
	}
	if _, ok := l.allow(addr(7), later.Add(time.Second)); !ok {
		t.Error("no token after a second at 1 per second")
	}
}

// TestConcurrencyBound takes the only slot: a search waits, gets it when it is
// freed, and gets 503 with Retry-After when it is not freed in time.
func TestConcurrencyBound(t *testing.T) {
	s := newTestServerWith(t, Config{MaxConcurrent: 1, QueueWait: 100 * time.Millisecond})
	s.gate.slots <- struct{}{}
	for _, target := range []string{"/api/v1/search?q=pelatihan", "/cari?q=pelatihan", "/api/v1/compare?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama", cmpTarget} {
		res, body := get(t, s, "GET", target)
		if res.StatusCode != 503 || res.Header.Get("Retry-After") != "1" {
			t.Errorf("%s with no slot: %d, Retry-After %q: %.200s", target, res.StatusCode, res.Header.Get("Retry-After"), body)
		}
	}
	if res, _ := get(t, s, "GET", "/api/v1/regions"); res.StatusCode != 200 {
		t.Errorf("metadata waits for a slot: %d", res.StatusCode)
	}
	s.gate.wait = 10 * time.Second
	var wg sync.WaitGroup
	codes := make(chan int, 4)
	for range 4 {
		wg.Go(func() {
			res, _ := get(t, s, "GET", "/api/v1/search?q=pelatihan")
			codes <- res.StatusCode
		})
	}
	time.Sleep(20 * time.Millisecond)
	<-s.gate.slots // free the slot: the four get it in turn
	wg.Wait()
	close(codes)
	for code := range codes {
		if code != 200 {
			t.Errorf("a waiting search got %d", code)
		}
	}
	if len(s.gate.slots) != 0 {
		t.Errorf("%d slots still taken", len(s.gate.slots))
	}
}
