// Package server serves a published site read-only: the static files of the output
// directory with the themed 404 page, the search and comparison pages, the way from
// a policy's URL with ?pada=YYYY-MM-DD to the version in force on that day, the JSON
// API over the data directory's catalog and index, its OpenAPI description, and
// /healthz.
//
// It answers GET and HEAD only (and OPTIONS, the CORS preflight, on /api/), never
// lists a directory, never serves a dot-file or anything outside the output
// directory, and sets the content type of every file it serves from its extension.
// Every answer carries the security headers; files and data carry validators and
// a Cache-Control fitted to how often they change, and text is gzipped for clients
// that accept it. Searches and comparisons, the expensive requests, are rate
// limited per client and bounded in number at once. Bad input gets a 4xx answer —
// JSON on /api/, the themed page elsewhere — never a 500.
package server

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"naskah/internal/catalog"
	"naskah/internal/search"
	"naskah/internal/theme"
)

const (
	// maxURLLength bounds the request target; longer ones get 414.
	maxURLLength = 2048
	// maxQueryLength bounds the query string: a search of 256 characters with every
	// filter fits with room to spare.
	maxQueryLength = 1536
	// maxLoggedPath and maxLoggedQuery cap what a log line repeats of a request.
	maxLoggedPath  = 256
	maxLoggedQuery = 128

	allowSite = "GET, HEAD"
	allowAPI  = "GET, HEAD, OPTIONS"
)

// Config configures a Server. The zero values of the limits turn them off.
type Config struct {
	// Out is the published site's directory.
	Out string
	// Data is the build's data directory: catalog, search index and theme.
	Data string
	// Log receives one line per request; nil discards.
	Log *slog.Logger
	// Rate is how many searches and comparisons a client may ask for per second
	// on average, and Burst how many in a row; a Rate of 0 means no limit.
	Rate  float64
	Burst int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header names
	// the client; without any the header is ignored.
	TrustedProxies []netip.Prefix
	// MaxConcurrent bounds the searches and comparisons served at once; 0 means no
	// bound. A request over the bound waits up to QueueWait (default 1s), then
	// gets 503.
	MaxConcurrent int
	QueueWait     time.Duration
	// Clock tells the day the API reckons status for; nil means time.Now.
	Clock func() time.Time
}

// Server is the HTTP handler of a published site.
type Server struct {
	root    fs.FS
	out     string
	data    string
	reload  sync.Mutex // one Reload at a time
	log     *slog.Logger
	mux     *http.ServeMux
	state   atomic.Pointer[state]
	proxies []netip.Prefix
	limit   *limiter // nil: no rate limit
	gate    *gate    // nil: no bound on requests at once
	gzipped gzipCache
	clock   func() time.Time // nil: time.Now
	pools
}

// New returns the server of the site published in cfg.Out and cfg.Data.
func New(cfg Config) (*Server, error) {
	s, err := newServer(cfg)
	if err != nil {
		return nil, err
	}
	st, err := loadState(cfg.Out, cfg.Data)
	if err != nil {
		return nil, err
	}
	s.state.Store(st)
	s.asOf(st) // logs pages out of date
	return s, nil
}

// newServer sets up everything but the state.
func newServer(cfg Config) (*Server, error) {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{root: os.DirFS(cfg.Out), out: cfg.Out, data: cfg.Data, log: log, mux: http.NewServeMux(), proxies: cfg.TrustedProxies, clock: cfg.Clock}
	if _, err := fs.Stat(s.root, "index.html"); err != nil {
		return nil, errors.New("server: " + cfg.Out + " holds no built site (index.html is missing); run naskah build first")
	}
	if cfg.Rate > 0 {
		s.limit = newLimiter(cfg.Rate, cfg.Burst, defaultMaxClients)
	}
	if cfg.MaxConcurrent > 0 {
		s.gate = &gate{slots: make(chan struct{}, cfg.MaxConcurrent), wait: cmp.Or(cfg.QueueWait, defaultQueueWait)}
	}
	s.routes()
	return s, nil
}

// NewPreview returns the server of the live preview, which serves the catalog,
// index and theme it is given (and later ones through Swap) and cfg.Out.
func NewPreview(cfg Config, cat *catalog.Catalog, idx *search.Index, th *theme.Theme) (*Server, error) {
	s, err := newServer(cfg)
	if err != nil {
		return nil, err
	}
	s.Swap(cat, idx, th)
	return s, nil
}

func (s *Server) routes() {
	s.mux.Handle("GET /healthz", s.handle(s.healthz))
	s.mux.Handle("GET /api/v1/search", s.handle(s.limited(s.searchAPI)))
	s.mux.Handle("GET /api/v1/compare", s.handle(s.limited(s.compareAPI)))
	s.mux.Handle("GET /api/v1/regions", s.handle(s.regionsAPI))
	s.mux.Handle("GET /api/v1/regions/{region}", s.handle(s.regionAPI))
	s.mux.Handle("GET /api/v1/policies/{region}/{policy}", s.handle(s.policyAPI))
	s.mux.Handle("GET /api/v1/policies/{region}/{policy}/versions/{version}", s.handle(s.versionAPI))
	s.mux.Handle("GET /api/v1/openapi.json", s.handle(s.openAPI))
	s.mux.Handle("GET /api/", s.handle(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
	s.mux.Handle("GET /cari", s.handle(s.searchPage))
	s.mux.Handle("GET /cari/{$}", http.HandlerFunc(withoutSlash))
	s.mux.Handle("GET /bandingkan/{$}", http.HandlerFunc(withoutSlash))
	s.mux.Handle("GET /bandingkan", s.handle(s.comparePage))
	s.mux.Handle("GET /s/{code}", s.handle(s.shortLink))
	s.mux.Handle("GET /", s.handle(s.site))
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	setCommonHeaders(rec.Header(), crossOrigin(r))
	switch err := checkRequest(r); {
	case err != nil:
		s.fail(rec, r, err)
	case r.Method == http.MethodOptions:
		preflight(rec)
	default:
		s.mux.ServeHTTP(rec, r)
	}
	s.logRequest(r, rec, start)
}

// checkRequest refuses what no route answers: other methods than GET and HEAD
// (but a CORS preflight on what crossOrigin allows), overlong targets, and requests with a body.
func checkRequest(r *http.Request) error {
	switch {
	case r.Method == http.MethodOptions && crossOrigin(r):
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		return errMethod
	}
	switch {
	case len(r.RequestURI) > maxURLLength, len(r.URL.RawQuery) > maxQueryLength:
		return errURITooLong
	case r.ContentLength > 0, len(r.TransferEncoding) > 0:
		return errHasBody
	}
	return nil
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// crossOrigin reports whether any web page may read the answer to r: the API,
// and the JDIHN feed, which JDIH members serve to the network's harvester.
func crossOrigin(r *http.Request) bool { return isAPI(r) || r.URL.Path == catalog.JDIHNPath }

// allowed is the Allow header of a 405 answer.
func allowed(r *http.Request) string {
	if isAPI(r) {
		return allowAPI
	}
	return allowSite
}

func (s *Server) logRequest(r *http.Request, rec *recorder, start time.Time) {
	ctx := r.Context()
	if !s.log.Enabled(ctx, slog.LevelInfo) {
		return
	}
	client := r.RemoteAddr
	if a := s.clientAddr(r); a.IsValid() {
		client = a.String()
	}
	s.log.LogAttrs(ctx, slog.LevelInfo, "request",
		slog.String("method", clip(r.Method, 16)),
		slog.String("path", clip(r.URL.Path, maxLoggedPath)),
		slog.String("query", clip(r.URL.RawQuery, maxLoggedQuery)),
		slog.Int("status", rec.status),
		slog.Int("bytes", rec.bytes),
		slog.Duration("duration", time.Since(start)),
		slog.String("client", client))
}

// clip shortens s to n bytes for a log line, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	s.send(w, r, reply{status: http.StatusOK, ctype: textType, cache: "no-store", body: []byte("ok\n")})
	return nil
}

// errorView is the themed page of an error other than 404.
type errorView struct {
	theme.Page
	Status  int
	Message string
	Links   []theme.Crumb
}

// errorPage answers an HTML route's error. A 404 is the site's own 404.html, read
// afresh so that a rebuilt site's page is served; any other error gets the theme's
// error page with the reason, so that a reader is never told a page is missing
// when it is not.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, he *httpError) {
	var page []byte
	if he.status == http.StatusNotFound && he.links == nil {
		page, _ = fs.ReadFile(s.root, "404.html")
	} else if st := s.state.Load(); st != nil {
		title := "error.title"
		if he.status == http.StatusNotFound {
			title = "notfound.title"
		}
		v := errorView{Page: s.basePage(st, title), Status: he.status, Message: he.msg, Links: he.links}
		v.NoIndex = true
		page, _ = st.theme.Render("error", v)
	}
	if page == nil {
		page = []byte(http.StatusText(he.status) + ": " + he.msg + "\n")
	}
	s.send(w, r, reply{status: he.status, ctype: htmlType, cache: "no-store", body: page})
}

// recorder remembers the status and size of a response for the request log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// ReadFrom keeps the connection's sendfile path open to http.ServeContent.
func (r *recorder) ReadFrom(src io.Reader) (int64, error) {
	n, err := io.Copy(r.ResponseWriter, src)
	r.bytes += int(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// withoutSlash sends /cari/ and /bandingkan/, the pages a static host shows in
// their place, to the server's own answers at /cari and /bandingkan.
func withoutSlash(w http.ResponseWriter, r *http.Request) {
	target := strings.TrimSuffix(r.URL.Path, "/")
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}
