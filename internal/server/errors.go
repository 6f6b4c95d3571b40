package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"naskah/internal/search"
)

// httpError is an error with the status and message a client may see.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

var (
	errNotFound   = &httpError{http.StatusNotFound, "not_found", "tidak ditemukan"}
	errMethod     = &httpError{http.StatusMethodNotAllowed, "method_not_allowed", "metode tidak diizinkan; hanya GET dan HEAD"}
	errURITooLong = &httpError{http.StatusRequestURITooLong, "uri_too_long", "alamat permintaan terlalu panjang"}
)

func badRequest(msg string) error {
	return &httpError{http.StatusBadRequest, "bad_request", msg}
}

// classify maps any error to what the client is told. Errors that are not the
// client's doing are logged by the caller and shown only as a safe message.
func classify(err error) *httpError {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he
	case search.IsQueryError(err):
		return &httpError{http.StatusBadRequest, "bad_query", err.Error()}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &httpError{http.StatusServiceUnavailable, "unavailable", "permintaan dibatalkan atau terlalu lama"}
	}
	return &httpError{http.StatusInternalServerError, "internal", "terjadi kesalahan di server"}
}

// handle adapts a handler that returns an error, which fail answers.
func (s *Server) handle(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail answers err: JSON on /api/, the themed error page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	he := classify(err)
	if he.status >= 500 {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, he.status, map[string]any{"error": map[string]string{"code": he.code, "message": he.msg}})
		return
	}
	s.errorPage(w, he.status)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
