package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"hash/crc64"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"naskah/internal/catalog"
)

const (
	// minGzip is the smallest body worth compressing: below it the gzip header and
	// the client's work cost more than the bytes saved.
	minGzip = 1024
	// maxPooledBuffer keeps a rare huge answer from staying in the buffer pool.
	maxPooledBuffer = 1 << 20

	jsonType = "application/json; charset=utf-8"
	htmlType = "text/html; charset=utf-8"
	textType = "text/plain; charset=utf-8"

	// csp allows nothing inline: the theme's styles and scripts are files of the site.
	csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

// setCommonHeaders sets what every answer carries: the security headers, and
// where crossOrigin allows it the CORS headers that let any web page read it.
func setCommonHeaders(h http.Header, cors bool) {
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if cors {
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Expose-Headers", "ETag, Retry-After")
	}
}

// preflight answers a CORS preflight request.
func preflight(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Allow", allowAPI)
	h.Set("Access-Control-Allow-Methods", allowAPI)
	h.Set("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since")
	h.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// reply is a dynamic answer, rendered in full before it is sent.
type reply struct {
	status int
	ctype  string
	cache  string // Cache-Control
	body   []byte
	// revalidate gives a 200 answer an ETag (a hash of the body) and, when modTime
	// is set, a Last-Modified, and answers a matching conditional request with 304.
	revalidate bool
	modTime    time.Time
	// gz and etag, when set, are the gzip form and the ETag of the body, made
	// in advance (see encoded).
	gz   []byte
	etag string
}

// send writes rp, compressed when the client accepts gzip and the body is worth it.
func (s *Server) send(w http.ResponseWriter, r *http.Request, rp reply) {
	h := w.Header()
	h.Set("Content-Type", rp.ctype)
	h.Set("Cache-Control", rp.cache)
	h.Set("Vary", "Accept-Encoding")
	compress := len(rp.body) >= minGzip && acceptsGzip(r)
	if rp.revalidate && rp.status == http.StatusOK {
		etag := rp.etag
		if etag == "" {
			etag = bodyETag(rp.body)
		}
		if compress {
			etag = gzipETag(etag)
		}
		h.Set("ETag", etag)
		if !rp.modTime.IsZero() {
			h.Set("Last-Modified", rp.modTime.UTC().Format(http.TimeFormat))
		}
		if notModified(r, etag, rp.modTime) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	body := rp.body
	if compress {
		if body = rp.gz; body == nil {
			buf := s.buffer()
			defer s.recycle(buf)
			s.gzip(buf, rp.body)
			body = buf.Bytes()
		}
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rp.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// sendJSON encodes v as the body of rp.
func (s *Server) sendJSON(w http.ResponseWriter, r *http.Request, rp reply, v any) error {
	buf := s.buffer()
	defer s.recycle(buf)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return err
	}
	rp.ctype, rp.body = jsonType, buf.Bytes()
	s.send(w, r, rp)
	return nil
}

// sendData answers with metadata or a comparison, which change only with a
// rebuild: caches may keep them but must ask again, and the ETag makes asking cheap.
func (s *Server) sendData(w http.ResponseWriter, r *http.Request, st *state, v any) error {
	return s.sendJSON(w, r, reply{status: http.StatusOK, cache: "no-cache", revalidate: true, modTime: st.modTime}, v)
}

// sendStatuses is sendData for an answer that holds the statuses of a: it
// is no older than the day they are reckoned for.
func (s *Server) sendStatuses(w http.ResponseWriter, r *http.Request, st *state, a *catalog.AsOf, v any) error {
	return s.sendJSON(w, r, reply{status: http.StatusOK, cache: "no-cache", revalidate: true, modTime: dataModTime(st, a)}, v)
}

// encoded is a JSON answer encoded once to be sent many times, with its gzip form
// and its ETag, so that sending it again costs no encoding, compressing or hashing.
type encoded struct {
	body, gz []byte
	etag     string
}

// encode encodes v for good.
func (s *Server) encode(v any) (*encoded, error) {
	var buf bytes.Buffer // kept, not pooled
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	e := &encoded{body: buf.Bytes(), etag: bodyETag(buf.Bytes())}
	if len(e.body) >= minGzip {
		var gz bytes.Buffer
		s.gzip(&gz, e.body)
		e.gz = gz.Bytes()
	}
	return e, nil
}

// sendEncoded answers with data encoded in advance, as sendData does.
func (s *Server) sendEncoded(w http.ResponseWriter, r *http.Request, st *state, e *encoded) error {
	s.send(w, r, reply{status: http.StatusOK, ctype: jsonType, cache: "no-cache", revalidate: true, modTime: st.modTime,
		body: e.body, gz: e.gz, etag: e.etag})
	return nil
}

func (s *Server) buffer() *bytes.Buffer {
	if b, ok := s.buffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

func (s *Server) recycle(b *bytes.Buffer) {
	if b.Cap() <= maxPooledBuffer {
		b.Reset()
		s.buffers.Put(b)
	}
}

// gzip appends the gzip stream of src to dst.
func (s *Server) gzip(dst *bytes.Buffer, src []byte) {
	zw, ok := s.gzips.Get().(*gzip.Writer)
	if ok {
		zw.Reset(dst)
	} else {
		zw, _ = gzip.NewWriterLevel(dst, gzip.DefaultCompression)
	}
	zw.Write(src) // a bytes.Buffer does not fail
	zw.Close()
	s.gzips.Put(zw)
}

// acceptsGzip reports whether the client takes a gzip-encoded answer.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header["Accept-Encoding"] {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.TrimSpace(coding)
			if !strings.EqualFold(coding, "gzip") && !strings.EqualFold(coding, "x-gzip") && coding != "*" {
				continue
			}
			q, ok := strings.CutPrefix(strings.TrimSpace(params), "q=")
			if !ok {
				return true
			}
			f, err := strconv.ParseFloat(q, 64)
			return err == nil && f > 0
		}
	}
	return false
}

// crcTable is the ECMA table; MakeTable returns crc64's own shared copy of it, so
// a call costs nothing after the first.
func crcTable() *crc64.Table { return crc64.MakeTable(crc64.ECMA) }

// bodyETag is a strong validator of a body: its length and CRC-64.
func bodyETag(body []byte) string {
	sum := crc64.Checksum(body, crcTable())
	return `"` + strconv.FormatUint(sum, 36) + "-" + strconv.FormatInt(int64(len(body)), 36) + `"`
}

// gzipETag is the validator of the gzip-encoded form of what etag validates: a
// different representation needs a different strong validator.
func gzipETag(etag string) string {
	return strings.TrimSuffix(etag, `"`) + `-gz"`
}

// notModified reports whether a conditional GET or HEAD may be answered with 304,
// as RFC 9110 13.2.2 orders the preconditions: If-None-Match decides when present.
func notModified(r *http.Request, etag string, mod time.Time) bool {
	if inm := r.Header["If-None-Match"]; len(inm) > 0 {
		for _, v := range inm {
			for cand := range strings.SplitSeq(v, ",") {
				cand = strings.TrimPrefix(strings.TrimSpace(cand), "W/")
				if cand == etag || cand == "*" {
					return true
				}
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || mod.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !mod.Truncate(time.Second).After(t)
}

// pools are the reusable buffers and gzip writers of a server.
type pools struct {
	buffers sync.Pool // *bytes.Buffer
	gzips   sync.Pool // *gzip.Writer
}
