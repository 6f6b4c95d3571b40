// Package server serves a published site read-only: the static files of the output
// directory with the themed 404 page, the search page and API over the data
// directory's index, and /healthz.
//
// It answers GET and HEAD only, never lists a directory, never serves a dot-file or
// anything outside the output directory, and sets the content type of every file it
// serves from its extension. Bad input gets a 4xx answer — JSON on /api/, the themed
// page elsewhere — never a 500.
package server

import (
	"bytes"
	"errors"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"sync/atomic"
	"time"
)

// maxURLLength bounds the request target; longer ones get 414.
const maxURLLength = 2048

// Config configures a Server.
type Config struct {
	// Out is the published site's directory.
	Out string
	// Data is the build's data directory: catalog, search index and theme.
	Data string
	// Log receives one line per request; nil discards.
	Log *slog.Logger
}

// Server is the HTTP handler of a published site.
type Server struct {
	root  fs.FS
	data  string
	log   *slog.Logger
	mux   *http.ServeMux
	state atomic.Pointer[state]
}

// New returns the server of the site published in cfg.Out and cfg.Data.
func New(cfg Config) (*Server, error) {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{root: os.DirFS(cfg.Out), data: cfg.Data, log: log, mux: http.NewServeMux()}
	if _, err := fs.Stat(s.root, "index.html"); err != nil {
		return nil, errors.New("server: " + cfg.Out + " holds no built site (index.html is missing); run naskah build first")
	}
	st, err := loadState(cfg.Data)
	if err != nil {
		return nil, err
	}
	s.state.Store(st)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /api/v1/search", s.handle(s.searchAPI))
	s.mux.Handle("GET /api/v1/regions", s.handle(s.regionsAPI))
	s.mux.Handle("GET /api/v1/regions/{region}", s.handle(s.regionAPI))
	s.mux.Handle("GET /api/v1/policies/{region}/{policy}", s.handle(s.policyAPI))
	s.mux.Handle("GET /api/v1/policies/{region}/{policy}/versions/{version}", s.handle(s.versionAPI))
	s.mux.Handle("GET /api/", s.handle(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
	s.mux.Handle("GET /api/v1/compare", s.handle(s.compareAPI))
	s.mux.Handle("GET /cari", s.handle(s.searchPage))
	s.mux.Handle("GET /bandingkan", s.handle(s.comparePage))
	s.mux.HandleFunc("GET /", s.static)
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		rec.Header().Set("Allow", "GET, HEAD")
		s.fail(rec, r, errMethod)
	case len(r.RequestURI) > maxURLLength:
		s.fail(rec, r, errURITooLong)
	default:
		s.mux.ServeHTTP(rec, r)
	}
	s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
		"bytes", rec.bytes, "duration", time.Since(start), "client", r.RemoteAddr)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

// static serves a file of the site, the index.html of a directory, or the 404 page.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name, ok := fileName(r.URL.Path)
	if !ok {
		s.notFound(w)
		return
	}
	info, err := fs.Stat(s.root, name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		info, err = fs.Stat(s.root, name)
	}
	if err != nil || !info.Mode().IsRegular() {
		s.notFound(w)
		return
	}
	data, err := fs.ReadFile(s.root, name)
	if err != nil {
		s.notFound(w)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, name, info.ModTime(), bytes.NewReader(data))
}

// fileName maps a URL path to a name in the site, refusing dot-files and anything
// that is not a clean path inside it.
func fileName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.Contains(urlPath, "\\") {
		return "", false
	}
	name := strings.TrimSuffix(strings.TrimPrefix(urlPath, "/"), "/")
	if name == "" {
		return ".", true
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, true
}

func (s *Server) notFound(w http.ResponseWriter) { s.errorPage(w, http.StatusNotFound) }

// errorPage answers with the site's themed 404 page, read afresh so that a rebuilt
// site's page is served. The static site has one error page; its text fits every
// status this server answers on HTML routes well enough, and the status line is exact.
func (s *Server) errorPage(w http.ResponseWriter, status int) {
	page, err := fs.ReadFile(s.root, "404.html")
	if err != nil {
		page = []byte(http.StatusText(status) + "\n")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(page)
}

func contentType(name string) string {
	switch {
	case strings.HasSuffix(name, "feed.xml"):
		return "application/atom+xml; charset=utf-8"
	case strings.HasSuffix(name, ".xml"):
		return "application/xml; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
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
