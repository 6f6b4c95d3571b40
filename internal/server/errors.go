package server

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"naskah/internal/search"
	"naskah/internal/theme"
)

// httpError is an error with the status and message a client may see.
type httpError struct {
	status     int
	code       string
	msg        string
	retryAfter int // seconds; 0 for no Retry-After
	// links lead a reader who found nothing to what there is instead.
	links []theme.Crumb
}

func (e *httpError) Error() string { return e.msg }

var (
	errNotFound   = &httpError{status: http.StatusNotFound, code: "not_found", msg: "tidak ditemukan"}
	errMethod     = &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed", msg: "metode tidak diizinkan; hanya GET dan HEAD"}
	errURITooLong = &httpError{status: http.StatusRequestURITooLong, code: "uri_too_long", msg: "alamat permintaan terlalu panjang"}
	errHasBody    = &httpError{status: http.StatusRequestEntityTooLarge, code: "content_too_large", msg: "permintaan GET dan HEAD tidak boleh membawa isi"}
	errBusy       = &httpError{status: http.StatusServiceUnavailable, code: "busy", msg: "server sedang sibuk; coba lagi sebentar lagi", retryAfter: 1}
)

func badRequest(msg string) error {
	return &httpError{status: http.StatusBadRequest, code: "bad_request", msg: msg}
}

// rateLimited tells a client to wait before its next search or comparison.
func rateLimited(wait time.Duration) error {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	return &httpError{
		status: http.StatusTooManyRequests, code: "rate_limited", retryAfter: secs,
		msg: fmt.Sprintf("terlalu banyak pencarian atau perbandingan; coba lagi dalam %d detik", secs),
	}
}

// classify maps any error to what the client is told. Errors that are not the
// client's doing are logged by the caller and shown only as a safe message.
func classify(err error) *httpError {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he
	case search.IsQueryError(err):
		return &httpError{status: http.StatusBadRequest, code: "bad_query", msg: err.Error()}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &httpError{status: http.StatusServiceUnavailable, code: "unavailable", msg: "permintaan dibatalkan atau terlalu lama", retryAfter: 1}
	}
	return &httpError{status: http.StatusInternalServerError, code: "internal", msg: "terjadi kesalahan di server"}
}

// handler is a handler that returns its error, which fail answers.
type handler func(http.ResponseWriter, *http.Request) error

// handle adapts a handler that returns an error, which fail answers.
func (s *Server) handle(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// errorJSON is the body of every error answer on /api/.
type errorJSON struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// fail answers err: JSON on /api/, the themed error page elsewhere. Errors are
// never stored by caches.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	he := classify(err)
	if he.status == http.StatusInternalServerError {
		s.log.Error("request failed", "path", clip(r.URL.Path, maxLoggedPath), "err", err)
	}
	h := w.Header()
	for _, k := range []string{"ETag", "Last-Modified", "Content-Encoding"} {
		h.Del(k)
	}
	h.Set("Cache-Control", "no-store")
	setRetryAfter(h, he)
	if he.status == http.StatusMethodNotAllowed {
		h.Set("Allow", allowed(r))
	}
	if isAPI(r) {
		var body errorJSON
		body.Error.Code, body.Error.Message = he.code, he.msg
		if err := s.sendJSON(w, r, reply{status: he.status, cache: "no-store"}, body); err != nil {
			s.log.Error("writing an error", "err", err)
		}
		return
	}
	s.errorPage(w, r, he)
}

func setRetryAfter(h http.Header, he *httpError) {
	if he.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(he.retryAfter))
	}
}
