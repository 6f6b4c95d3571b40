package site

import (
	"fmt"

	"naskah/internal/legal"
)

// Ref names the version.
func (v *Version) Ref() legal.Ref {
	return legal.Ref{Region: v.Policy.Region.Slug, Policy: v.Policy.Slug, Version: v.Slug}
}

// Identity is what a version's short code is derived from.
func (v *Version) Identity() string { return v.Ref().Identity() }

// ShortURL is the version's short link, a site path without a trailing slash
// so that it stays short on paper; the static site also answers it with a
// trailing slash.
func (v *Version) ShortURL() string { return "/s/" + v.Short }

// assignShort gives every version its short code and indexes the site's
// versions by code; two versions with one code are an error naming both.
func (s *Site) assignShort(code func(string) string) error {
	if code == nil {
		code = legal.ShortCode
	}
	s.Short = make(map[string]*Version, len(s.Versions))
	for _, v := range s.Versions {
		v.Short = code(v.Identity())
		if other, ok := s.Short[v.Short]; ok {
			return fmt.Errorf("short link /s/%s: versions %s (%s) and %s (%s) have the same code; rename one of them",
				v.Short, other.Identity(), other.Path, v.Identity(), v.Path)
		}
		s.Short[v.Short] = v
	}
	return nil
}
