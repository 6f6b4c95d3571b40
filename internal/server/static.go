package server

import (
	"bytes"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

const (
	// maxGzipFile is the largest file served compressed; larger ones go out as they
	// are, straight from the file, so that no big file is ever held in memory.
	maxGzipFile = 4 << 20
	// gzipCacheSize bounds the compressed files kept in memory.
	gzipCacheSize = 32 << 20

	cacheImmutable = "public, max-age=31536000, immutable"

	// svgCSP is the Content-Security-Policy of an SVG opened on its own, which a
	// browser treats as a document: it runs no script and loads nothing, even if
	// a drawing that content checks let through could. Inline styles, which
	// drawings use, still apply.
	svgCSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
)

// static serves a file of the site or the index.html of a directory.
func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	name, ok := fileName(r.URL.Path)
	if !ok {
		return errNotFound
	}
	f, err := s.root.Open(name)
	if err != nil {
		return s.missing(w, r)
	}
	info, err := f.Stat()
	if err == nil && info.IsDir() {
		f.Close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return nil
		}
		name = path.Join(name, "index.html")
		if f, err = s.root.Open(name); err != nil {
			return errNotFound
		}
		info, err = f.Stat()
	}
	defer f.Close()
	if err != nil || !info.Mode().IsRegular() {
		return errNotFound
	}
	return s.serveFile(w, r, name, f, info)
}

// serveFile answers with an open file of the site. http.ServeContent answers the
// conditional and range requests from the validators set here: an ETag made of
// the file's size and modification time, and the time itself.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, f fs.File, info fs.FileInfo) error {
	ctype, text := fileType(name)
	h := w.Header()
	h.Set("Content-Type", ctype)
	if ctype == svgType {
		h.Set("Content-Security-Policy", svgCSP)
	}
	h.Set("Cache-Control", fileCache(name))
	etag := `"` + strconv.FormatInt(info.Size(), 36) + "-" + strconv.FormatInt(info.ModTime().UnixNano(), 36) + `"`
	if text {
		h.Set("Vary", "Accept-Encoding")
	}
	if text && info.Size() >= minGzip && info.Size() <= maxGzipFile && acceptsGzip(r) {
		etag = gzipETag(etag)
		data, err := s.gzipFile(name, etag, f)
		if err != nil {
			return err
		}
		h.Set("ETag", etag)
		http.ServeContent(gzipEncoded{w}, r, "", info.ModTime(), bytes.NewReader(data))
		return nil
	}
	h.Set("ETag", etag)
	content, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		content = bytes.NewReader(data)
	}
	http.ServeContent(w, r, "", info.ModTime(), content)
	return nil
}

// gzipEncoded labels the gzip-compressed content that http.ServeContent sends. The
// label goes on only as the header is written, since ServeContent leaves out
// Content-Length when it finds one already set.
type gzipEncoded struct{ http.ResponseWriter }

func (g gzipEncoded) WriteHeader(code int) {
	if code == http.StatusOK || code == http.StatusPartialContent {
		g.Header().Set("Content-Encoding", "gzip")
	}
	g.ResponseWriter.WriteHeader(code)
}

// gzipFile returns the compressed content of a file, from the cache while the
// file's validator is the same.
func (s *Server) gzipFile(name, etag string, f fs.File) ([]byte, error) {
	if data, ok := s.gzipped.get(name, etag); ok {
		return data, nil
	}
	src, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	s.gzip(&buf, src)
	s.gzipped.put(name, etag, buf.Bytes())
	return buf.Bytes(), nil
}

// gzipCache keeps compressed files up to a total size, forgetting arbitrary ones
// when it is full.
type gzipCache struct {
	mu    sync.Mutex
	size  int
	files map[string]gzipEntry
}

type gzipEntry struct {
	etag string
	data []byte
}

func (c *gzipCache) get(name, etag string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.files[name]
	return e.data, ok && e.etag == etag
}

func (c *gzipCache) put(name, etag string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string]gzipEntry{}
	}
	c.size += len(data) - len(c.files[name].data)
	c.files[name] = gzipEntry{etag, data}
	for k, e := range c.files {
		if c.size <= gzipCacheSize {
			break
		}
		if k == name {
			continue // never the file just put, which the caller is about to serve
		}
		c.size -= len(e.data)
		delete(c.files, k)
	}
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
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, true
}

// svgType is the content type of SVG images.
const svgType = "image/svg+xml"

// fileType is the content type of a file of the site and whether it is text worth
// compressing. The types of the files naskah publishes are fixed here rather than
// left to the host's mime.types, which differ between systems.
func fileType(name string) (ctype string, text bool) {
	switch ext := path.Ext(name); ext {
	case ".html":
		return htmlType, true
	case ".css":
		return "text/css; charset=utf-8", true
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8", true
	case ".json", ".map":
		return jsonType, true
	case ".webmanifest":
		return "application/manifest+json", true
	case ".xml":
		if strings.HasSuffix(name, "feed.xml") {
			return "application/atom+xml; charset=utf-8", true
		}
		return "application/xml; charset=utf-8", true
	case ".txt":
		return textType, true
	case ".svg":
		return svgType, true
	case ".pdf":
		return "application/pdf", false
	case ".png":
		return "image/png", false
	case ".jpg", ".jpeg":
		return "image/jpeg", false
	case ".webp":
		return "image/webp", false
	case ".ico":
		return "image/x-icon", true
	case ".woff2":
		return "font/woff2", false
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t, strings.HasPrefix(t, "text/")
		}
		return "application/octet-stream", false
	}
}

// fileCache is the Cache-Control of a file: fingerprinted assets never change;
// pages must be revalidated, which their ETag makes cheap; feeds and other files
// may be reused for a while.
func fileCache(name string) string {
	switch {
	case strings.HasPrefix(name, "assets/") && fingerprinted(name):
		return cacheImmutable
	case strings.HasSuffix(name, ".html"):
		return "no-cache"
	case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".txt"), name == "jdihn.json":
		return "public, max-age=300"
	}
	return "public, max-age=3600"
}

// fingerprinted reports whether a file name carries its content's hash as the
// theme publishes assets: name.1a2b3c4d.ext.
func fingerprinted(name string) bool {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	i := strings.LastIndexByte(base, '.')
	if i < 0 || len(base)-i-1 != 8 {
		return false
	}
	for _, c := range base[i+1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
