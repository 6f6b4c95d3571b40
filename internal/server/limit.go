package server

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

const (
	// defaultMaxClients bounds the clients the rate limiter remembers: about 160
	// bytes each (measured), so some 10 MB at most.
	defaultMaxClients = 1 << 16
	// sweepEvery spaces the passes that forget idle clients, so that a flood of new
	// addresses cannot make every request pay for one.
	sweepEvery = 10 * time.Second
	// defaultQueueWait is how long an expensive request waits for a free slot.
	defaultQueueWait = time.Second
	// maxHops bounds the X-Forwarded-For entries read for one request.
	maxHops = 32
)

// admit lets an expensive request (a search or a comparison) go ahead, or returns
// why not: the client's rate is spent (429) or the server stayed busy (503). An
// admitted request calls s.done when it is finished.
func (s *Server) admit(r *http.Request) error {
	if s.limit != nil {
		if wait, ok := s.limit.allow(rateKey(s.clientAddr(r)), time.Now()); !ok {
			return rateLimited(wait)
		}
	}
	if s.gate != nil {
		return s.gate.enter(r.Context())
	}
	return nil
}

// done ends what admit began.
func (s *Server) done() {
	if s.gate != nil {
		s.gate.leave()
	}
}

// limited is h behind admit.
func (s *Server) limited(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.admit(r); err != nil {
			return err
		}
		defer s.done()
		return h(w, r)
	}
}

// limiter keeps a token bucket (rate.Limiter) per client: each holds up to burst
// tokens, refilled at rate per second; a request takes one.
type limiter struct {
	rate  rate.Limit
	burst int
	max   int // clients remembered

	mu       sync.Mutex
	clients  map[netip.Addr]*rate.Limiter
	overflow *rate.Limiter // shared by new clients while the map is full
	swept    time.Time
}

func newLimiter(perSecond float64, burst, maxClients int) *limiter {
	l := &limiter{rate: rate.Limit(perSecond), burst: max(burst, 1), max: maxClients, clients: map[netip.Addr]*rate.Limiter{}}
	l.overflow = rate.NewLimiter(l.rate, l.burst)
	return l
}

// allow takes a token of client's bucket, or says how long until there is one.
func (l *limiter) allow(client netip.Addr, now time.Time) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, known := l.clients[client]
	if !known && len(l.clients) >= l.max {
		l.sweep(now)
	}
	switch {
	case known:
	case len(l.clients) < l.max:
		b = rate.NewLimiter(l.rate, l.burst)
		l.clients[client] = b
	default:
		b = l.overflow
	}
	if b.AllowN(now, 1) {
		return 0, true
	}
	return time.Duration((1 - b.TokensAt(now)) / float64(l.rate) * float64(time.Second)), false
}

// sweep forgets the clients whose buckets have filled up again: to the limiter
// they are the same as clients never seen. It runs at most every sweepEvery.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.swept) < sweepEvery {
		return
	}
	l.swept = now
	for c, b := range l.clients {
		if b.TokensAt(now) >= float64(l.burst) {
			delete(l.clients, c)
		}
	}
}

// gate bounds the expensive requests served at once.
type gate struct {
	slots chan struct{}
	wait  time.Duration
}

// enter takes a slot, waiting up to g.wait for one.
func (g *gate) enter(ctx context.Context) error {
	select {
	case g.slots <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gate) leave() { <-g.slots }

// clientAddr is the address of the client that sent r: the peer, or, when the peer
// is a trusted proxy, the right-most address in X-Forwarded-For that is not one.
// The invalid Addr stands for a peer without an IP address.
func (s *Server) clientAddr(r *http.Request) netip.Addr {
	peer, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	addr := peer.Addr().Unmap()
	if !s.trusted(addr) {
		return addr
	}
	hops := 0
	xff := r.Header["X-Forwarded-For"]
	for i := len(xff) - 1; i >= 0; i-- {
		list := xff[i]
		for list != "" && hops < maxHops {
			var hop string
			if j := strings.LastIndexByte(list, ','); j >= 0 {
				list, hop = list[:j], list[j+1:]
			} else {
				list, hop = "", list
			}
			hops++
			a, ok := parseHop(strings.TrimSpace(hop))
			if !ok {
				return addr // the hop that added a malformed entry is the client
			}
			if addr = a; !s.trusted(addr) {
				return addr
			}
		}
	}
	return addr
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseHop reads an X-Forwarded-For entry: an address, perhaps with a port.
func parseHop(s string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// rateKey is the bucket of a client: its IPv4 address, or the /64 of its IPv6
// address, since a single subscriber usually holds a whole /64.
func rateKey(a netip.Addr) netip.Addr {
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.Addr()
	}
	return a
}

// ParseProxies reads a comma-separated list of trusted proxies, each a CIDR prefix
// (127.0.0.1/32, 10.0.0.0/8, ::1/128) or a single address.
func ParseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for item := range strings.SplitSeq(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if a, err := netip.ParseAddr(item); err == nil {
			a = a.Unmap()
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(item)
		if err != nil {
			return nil, fmt.Errorf("proxy %q bukan alamat IP atau CIDR (misalnya 127.0.0.1/32)", item)
		}
		if p.Addr().Is4In6() {
			p = netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, 0))
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
