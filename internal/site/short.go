package site

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// Short links: every version has a code derived from its identity alone
// (region, policy and version slugs), so that a code printed on paper keeps
// leading to the same version however the site grows. A counter would shift.

// ShortAlphabet holds the characters of a short code: lowercase letters and
// digits without those easily confused when read aloud or from paper (0, 1, i,
// l, o).
const ShortAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// ShortLen is the length of a short code. 31⁷ ≈ 2.8·10¹⁰ codes keep the chance
// of a collision among 5,000 versions below one in two thousand; a collision
// is a build error, never a silent overwrite.
const ShortLen = 7

// ShortCode is the short code of the version with the given identity
// ("region/policy/version"): the first bytes of its SHA-256 in ShortAlphabet.
func ShortCode(identity string) string {
	sum := sha256.Sum256([]byte(identity))
	n := binary.BigEndian.Uint64(sum[:8])
	code := make([]byte, ShortLen)
	for i := range code {
		code[i] = ShortAlphabet[n%uint64(len(ShortAlphabet))]
		n /= uint64(len(ShortAlphabet))
	}
	return string(code)
}

// Identity is what a version's short code is derived from.
func (v *Version) Identity() string {
	return v.Policy.Region.Slug + "/" + v.Policy.Slug + "/" + v.Slug
}

// ShortURL is the version's short link, a site path without a trailing slash
// so that it stays short on paper; the static site also answers it with a
// trailing slash.
func (v *Version) ShortURL() string { return "/s/" + v.Short }

// assignShort gives every version its short code and indexes the site's
// versions by code; two versions with one code are an error naming both.
func (s *Site) assignShort(code func(string) string) error {
	if code == nil {
		code = ShortCode
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
