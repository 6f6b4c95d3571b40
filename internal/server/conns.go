package server

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"sync"
	"time"
)

const (
	// DefaultMaxConnsPerHost is the default bound on one host's open connections:
	// a school or an office behind one NAT address has many readers, each browser
	// keeping a few connections open.
	DefaultMaxConnsPerHost = 256
	// maxConnsCap caps the default bound on all open connections, whatever the
	// file descriptor limit allows: enough for every reader of a busy day at once.
	maxConnsCap = 16384
	// connLogEvery spaces the log lines about connections closed for a bound, so
	// that a flood does not become a flood of log lines.
	connLogEvery = 10 * time.Second
)

// DefaultMaxConns is the default bound on all open connections: maxConnsCap, or
// three quarters of the file descriptor limit if that is smaller, leaving the rest
// for the files being served, the search index and the log.
func DefaultMaxConns() int {
	n, ok := openFileLimit()
	if !ok {
		return maxConnsCap
	}
	return max(int(min(maxConnsCap, n-n/4)), 1)
}

// ConnLimits bounds the connections a Listener keeps open. A zero bound is no
// bound.
type ConnLimits struct {
	// PerHost bounds the connections of one client host: an IPv4 address, or an
	// IPv6 /64, which a single subscriber usually holds whole.
	PerHost int
	// Total bounds the connections of all hosts together.
	Total int
	// TrustedProxies are held to Total alone: every reader behind a proxy arrives
	// from its address.
	TrustedProxies []netip.Prefix
	// Log receives a line, now and then, on the connections closed for a bound;
	// nil discards.
	Log *slog.Logger
}

// Listener is a net.Listener that bounds the connections it keeps open, per host
// and in total, so that one host cannot hold every connection the server can
// have while the others wait. It never blocks Accept: a connection over a bound
// is accepted and dealt with at once, so that the kernel's backlog, shared by
// every client, does not fill.
//
// A new connection of a host at the per-host bound takes the place of that
// host's keep-alive connection that has been idle the longest, and is closed if
// none is idle. When the total bound is reached, the place is taken from the host
// that holds the most connections instead: a newcomer does not wait behind a
// crowd, and the crowd pays for it. Blocking Accept until a connection ends would
// make every client wait behind whoever holds the most; closing every newcomer
// would refuse the readers behind one office's address while its browsers keep
// idle connections open.
//
// A connection that has not yet sent a request is never closed to make room:
// that is what a flood is made of, and a flooding host redials every connection
// closed under it at once, so closing its connections for its newcomers would
// turn the accept queue, which every client shares, into a churn of its
// connections (measured: another host then waited 21.6 s for an answer, against
// 0.06 s when the flood's newcomers are refused). Such a connection ends when it
// sends no request within the server's ReadHeaderTimeout.
//
// Which connections are idle between requests the Listener learns from
// ConnState, which must be the http.Server's ConnState hook; without it no
// connection is idle and every connection over a bound is closed.
type Listener struct {
	net.Listener
	perHost, total int
	proxies        []netip.Prefix
	log            *slog.Logger

	mu    sync.Mutex
	open  int
	hosts map[netip.Prefix]*host
	ranks ranking
	stats connStats
}

// host is a client host's share of the connections.
type host struct {
	key     netip.Prefix
	trusted bool
	n       int      // connections open
	quiet   connList // the keep-alive connections idle between requests, idle the longest first
}

// NewListener wraps ln in the limits lim.
func NewListener(ln net.Listener, lim ConnLimits) *Listener {
	log := lim.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Listener{
		Listener: ln, perHost: lim.PerHost, total: lim.Total, proxies: lim.TrustedProxies, log: log,
		hosts: map[netip.Prefix]*host{},
	}
}

// Accept returns the next connection within the bounds, closing those over them.
func (l *Listener) Accept() (net.Conn, error) {
	for {
		nc, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if c := l.take(nc); c != nil {
			return c, nil
		}
	}
}

// take returns nc counted in, perhaps in the place of a quiet connection it
// closes, or closes nc and returns nil.
func (l *Listener) take(nc net.Conn) net.Conn {
	c, evicted, report := l.admit(nc)
	if evicted != nil {
		evicted.evict()
	}
	if report != nil {
		l.log.Warn("closed connections over the connection bounds", report...)
	}
	if c == nil {
		reset(nc)
		return nil
	}
	return c
}

// admit counts nc in, perhaps in the place of a quiet connection it returns, or
// returns nil if nc must be closed; and, now and then, what to log.
func (l *Listener) admit(nc net.Conn) (c, evicted *conn, report []any) {
	addr := remoteAddr(nc)
	trusted := slices.ContainsFunc(l.proxies, func(p netip.Prefix) bool { return p.Contains(addr) })
	key := hostKey(addr, trusted)
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[key]
	if h == nil {
		h = &host{key: key, trusted: trusted}
	}
	switch {
	case l.perHost > 0 && !trusted && h.n >= l.perHost:
		evicted = h.quiet.front
	case l.total > 0 && l.open >= l.total:
		evicted = l.victim(h)
	default:
		return l.add(nc, h), nil, nil
	}
	if evicted != nil {
		l.release(evicted)
		c = l.add(nc, h)
	}
	if l.stats.note(evicted != nil, time.Now()) {
		report = l.report()
	}
	return c, evicted, report
}

// report is the log line on the connections closed for a bound; l.mu is held.
func (l *Listener) report() []any {
	attrs := []any{"refused", l.stats.refused, "evicted", l.stats.evicted, "open", l.open}
	for h := range l.ranks.hosts(l.ranks.top) {
		attrs = append(attrs, "busiest_host", h.key.String(), "busiest_host_conns", h.n)
		break
	}
	l.stats.refused, l.stats.evicted = 0, 0
	return attrs
}

// victim is the quiet connection that makes room for a new one of h when the
// total bound is reached: h's own if h holds as many as any host, else one of a
// host that holds the most; nil if that host has none quiet.
func (l *Listener) victim(h *host) *conn {
	if h.n >= l.ranks.top {
		return h.quiet.front
	}
	for top := range l.ranks.hosts(l.ranks.top) {
		if top.quiet.front != nil {
			return top.quiet.front
		}
	}
	return nil
}

func (l *Listener) add(nc net.Conn, h *host) *conn {
	if h.n == 0 {
		l.hosts[h.key] = h
	}
	l.ranks.move(h, h.n, h.n+1)
	h.n++
	l.open++
	return &conn{Conn: nc, l: l, host: h}
}

// release counts c out; l.mu is held.
func (l *Listener) release(c *conn) {
	if c.released {
		return
	}
	c.released = true
	h := c.host
	h.quiet.remove(c)
	l.ranks.move(h, h.n, h.n-1)
	h.n--
	l.open--
	if h.n == 0 {
		delete(l.hosts, h.key)
	}
}

// ConnState is the http.Server's ConnState hook: it tells the Listener which
// connections are idle between requests, and so may be closed to make room.
func (l *Listener) ConnState(nc net.Conn, st http.ConnState) {
	c, ok := nc.(*conn)
	if !ok || c.l != l {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.released {
		return
	}
	switch st {
	case http.StateIdle:
		c.host.quiet.remove(c)
		c.host.quiet.pushBack(c)
	case http.StateActive, http.StateHijacked:
		c.host.quiet.remove(c)
	}
}

// reset closes a connection that was never answered with a reset rather than a
// goodbye: the peer learns at once, and the server keeps no TIME_WAIT socket for
// it, which under a flood of connections is much of the work of closing them.
func reset(nc net.Conn) {
	if tc, ok := nc.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	nc.Close()
}

// remoteAddr is the IP address of nc's peer; the invalid Addr, one host for all,
// stands for a peer without one.
func remoteAddr(nc net.Conn) netip.Addr {
	if a, ok := nc.RemoteAddr().(*net.TCPAddr); ok {
		return a.AddrPort().Addr().Unmap()
	}
	return netip.Addr{}
}

// hostKey is the host of a in the per-host bound: its IPv4 address, or the /64
// of its IPv6 address; a trusted proxy's own address, so that it never shares
// the /64 of an untrusted neighbour.
func hostKey(a netip.Addr, trusted bool) netip.Prefix {
	if a.Is6() && !trusted {
		p, _ := a.Prefix(64)
		return p
	}
	return netip.PrefixFrom(a, a.BitLen())
}

// conn is an open connection counted by its Listener.
type conn struct {
	net.Conn
	l    *Listener
	host *host
	// Under l.mu: whether the connection is counted out, and its place in
	// host.quiet.
	released   bool
	inQuiet    bool
	prev, next *conn
}

// evict closes an idle connection counted out to make room, gracefully: the end
// of its last answer may still be on its way.
func (c *conn) evict() { c.Conn.Close() }

func (c *conn) Close() error {
	c.l.mu.Lock()
	c.l.release(c)
	c.l.mu.Unlock()
	return c.Conn.Close()
}

// ReadFrom keeps the sendfile path of a *net.TCPConn open to http.ServeContent.
func (c *conn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(c.Conn, r)
}

// CloseWrite lets the http.Server end a connection gracefully after an error.
func (c *conn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// connList is a list of quiet connections, linked through them.
type connList struct{ front, back *conn }

func (q *connList) pushBack(c *conn) {
	c.prev, c.next, c.inQuiet = q.back, nil, true
	if q.back != nil {
		q.back.next = c
	} else {
		q.front = c
	}
	q.back = c
}

func (q *connList) remove(c *conn) {
	if !c.inQuiet {
		return
	}
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		q.front = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		q.back = c.prev
	}
	c.prev, c.next, c.inQuiet = nil, nil, false
}

// ranking keeps the hosts by how many connections each holds, so that one that
// holds the most is found at once: counts change by one at a time.
type ranking struct {
	by  []map[*host]struct{} // by[n]: the hosts holding n connections
	top int                  // the most any host holds
}

// hosts are the hosts holding n connections.
func (r *ranking) hosts(n int) map[*host]struct{} {
	if n <= 0 || n >= len(r.by) {
		return nil
	}
	return r.by[n]
}

func (r *ranking) move(h *host, from, to int) {
	if from > 0 {
		delete(r.by[from], h)
	}
	if to > 0 {
		for len(r.by) <= to {
			r.by = append(r.by, nil)
		}
		if r.by[to] == nil {
			r.by[to] = map[*host]struct{}{}
		}
		r.by[to][h] = struct{}{}
	}
	r.top = max(r.top, to)
	for r.top > 0 && len(r.by[r.top]) == 0 {
		r.top--
	}
}

// connStats counts the connections closed for a bound since the last log line.
type connStats struct {
	refused, evicted int
	logged           time.Time
}

// note counts a connection closed for a bound, a quiet one evicted or a
// newcomer refused, and says whether a log line is due.
func (s *connStats) note(evicted bool, now time.Time) bool {
	if evicted {
		s.evicted++
	} else {
		s.refused++
	}
	if now.Sub(s.logged) < connLogEvery {
		return false
	}
	s.logged = now
	return true
}
