package server

import (
	"net/http"
	"strings"

	"naskah/internal/catalog"
	"naskah/internal/compare"
	"naskah/internal/content"
)

// docRef names a version as the comparison routes take it: REGION/POLICY[@VERSION].
type docRef struct{ region, policy, version string }

func (r docRef) String() string {
	s := r.region + "/" + r.policy
	if r.version != "" {
		s += "@" + r.version
	}
	return s
}

// parseRef reads a reference; name is the parameter, for the error message.
func parseRef(name, s string) (docRef, error) {
	var r docRef
	path, version, hasVersion := strings.Cut(s, "@")
	r.region, r.policy, _ = strings.Cut(path, "/")
	r.version = version
	if !content.ValidSlug(r.region) || !content.ValidSlug(r.policy) || (hasVersion && !content.ValidSlug(version)) {
		return r, badRequest(name + " harus berbentuk DAERAH/KEBIJAKAN atau DAERAH/KEBIJAKAN@VERSI, misalnya mamuju/kebijakan-pengelolaan-kepegawaian-asn@v2")
	}
	return r, nil
}

// resolve finds the version a reference names; no version means the one in force.
func resolve(c *catalog.Catalog, r docRef) (*catalog.Version, error) {
	return lookupVersion(c, r.region, r.policy, r.version)
}

type docJSON struct {
	Region  string `json:"region"`
	Policy  string `json:"policy"`
	Version string `json:"version"`
	Title   string `json:"title"`
	URL     string `json:"url"`
}

type compareResponse struct {
	A docJSON `json:"a"`
	B docJSON `json:"b"`
	*compare.Result
}

// comparePair parses, resolves and compares the a and b parameters.
func comparePair(st *state, q map[string][]string) (a, b *catalog.Version, res *compare.Result, err error) {
	c := st.cat
	get := func(name string) string {
		if v := q[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	ra, err := parseRef("a", get("a"))
	if err != nil {
		return nil, nil, nil, err
	}
	rb, err := parseRef("b", get("b"))
	if err != nil {
		return nil, nil, nil, err
	}
	if a, err = resolve(c, ra); err != nil {
		return nil, nil, nil, err
	}
	if b, err = resolve(c, rb); err != nil {
		return nil, nil, nil, err
	}
	key := refOf(a) + "|" + refOf(b)
	if res, ok := st.compares.Get(key); ok {
		return a, b, res, nil
	}
	res = compare.Compare(a.Sections, b.Sections)
	st.compares.Put(key, res)
	return a, b, res, nil
}

func (s *Server) compareAPI(w http.ResponseWriter, r *http.Request) error {
	st := s.acquire()
	defer st.release()
	a, b, res, err := comparePair(st, r.URL.Query())
	if err != nil {
		return err
	}
	return s.sendData(w, r, st, compareResponse{A: docOf(a), B: docOf(b), Result: res})
}

func docOf(v *catalog.Version) docJSON {
	return docJSON{Region: v.Region, Policy: v.Policy, Version: v.Slug, Title: v.Title, URL: v.URL}
}
