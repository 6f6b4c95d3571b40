package server

import (
	"io/fs"
	"net/http"
	"strings"

	"naskah/internal/theme"
)

// missing answers a path of the site that names no file. A path that differs
// from a page's only in case (/Mamuju/) is redirected to it, as readers type
// names with capitals. A version or a policy that does not exist gets a 404
// that leads to what its policy or region has; anything else the site's own
// 404 page.
func (s *Server) missing(w http.ResponseWriter, r *http.Request) error {
	if lower := strings.ToLower(r.URL.Path); lower != r.URL.Path && s.exists(lower) {
		target := lower
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return nil
	}
	st := s.state.Load()
	if st == nil {
		return errNotFound
	}
	segs := strings.Split(strings.Trim(strings.ToLower(r.URL.Path), "/"), "/")
	reg := st.cat.Region(segs[0])
	if reg == nil || len(segs) < 2 {
		return errNotFound
	}
	he := &httpError{status: http.StatusNotFound, code: "not_found"}
	if p := st.cat.Policy(reg.Slug, segs[1]); p != nil {
		he.msg = mustT(st, "missing.version", p.Title)
		he.links = []theme.Crumb{
			{Name: mustT(st, "missing.current"), URL: p.URL},
			{Name: mustT(st, "missing.history"), URL: p.URL + "versi/"},
		}
		return he
	}
	name := mustT(st, "kind."+reg.Kind) + " " + reg.Name
	he.msg = mustT(st, "missing.policy", name)
	he.links = []theme.Crumb{{Name: mustT(st, "missing.region", name), URL: "/" + reg.Slug + "/"}}
	return he
}

// exists reports whether the site path urlPath names a file or a directory
// with an index.html.
func (s *Server) exists(urlPath string) bool {
	name, ok := fileName(urlPath)
	if !ok {
		return false
	}
	info, err := fs.Stat(s.root, name)
	if err == nil && info.IsDir() {
		info, err = fs.Stat(s.root, strings.TrimPrefix(name+"/index.html", "./"))
	}
	return err == nil && info.Mode().IsRegular()
}
