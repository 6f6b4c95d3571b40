package server

import (
	"net/http"
	"strings"
)

// shortLink answers a short link /s/{code} with a permanent redirect to the
// version's page. The code is derived from the version's identity, so the
// answer never changes and may be cached like any permanent redirect. The
// static site answers /s/{code}/ itself with a redirect page.
func (s *Server) shortLink(w http.ResponseWriter, r *http.Request) error {
	code := strings.ToLower(r.PathValue("code"))
	st := s.acquire()
	v := st.cat.ByShort(code)
	st.release()
	if v == nil {
		return errNotFound
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.Redirect(w, r, v.URL, http.StatusMovedPermanently)
	return nil
}
