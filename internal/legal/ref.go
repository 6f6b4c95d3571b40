package legal

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"net/url"
	"strings"
)

// A Ref names a policy, or one version of it: REGION/POLICY, or
// REGION/POLICY@VERSION. An empty Version means the version in force.
type Ref struct {
	Region, Policy, Version string
}

// ErrRef is the error of ParseRef, in the words a reader of the API sees.
var ErrRef = errors.New("harus berbentuk DAERAH/KEBIJAKAN atau DAERAH/KEBIJAKAN@VERSI, misalnya mamuju/kebijakan-pengelolaan-kepegawaian-asn@v2")

// ParseRef reads a reference as String writes it; every part must be a slug.
func ParseRef(s string) (Ref, error) {
	path, version, hasVersion := strings.Cut(s, "@")
	region, policy, _ := strings.Cut(path, "/")
	r := Ref{Region: region, Policy: policy, Version: version}
	if !ValidSlug(region) || !ValidSlug(policy) || hasVersion && !ValidSlug(version) {
		return Ref{}, ErrRef
	}
	return r, nil
}

// String writes the reference as REGION/POLICY[@VERSION].
func (r Ref) String() string {
	s := r.Region + "/" + r.Policy
	if r.Version != "" {
		s += "@" + r.Version
	}
	return s
}

// Query is the reference escaped for a query string, keeping its / and @, which
// a query may hold as they are, so that a shared link stays readable.
func (r Ref) Query() string {
	return strings.NewReplacer("%2F", "/", "%40", "@").Replace(url.QueryEscape(r.String()))
}

// Identity is what a version's short code is derived from: REGION/POLICY/VERSION.
func (r Ref) Identity() string { return r.Region + "/" + r.Policy + "/" + r.Version }

// Short links: every version has a code derived from its identity alone, so that
// a code printed on paper keeps leading to the same version however the site
// grows. A counter would shift.

// ShortAlphabet holds the characters of a short code: lowercase letters and
// digits without those easily confused when read aloud or from paper (0, 1, i,
// l, o).
const ShortAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// ShortLen is the length of a short code. 31⁷ ≈ 2.8·10¹⁰ codes keep the chance
// of a collision among 5,000 versions below one in two thousand; a collision
// is a build error, never a silent overwrite.
const ShortLen = 7

// ShortCode is the short code of the version with the given identity (see
// Identity): the first bytes of its SHA-256 in ShortAlphabet.
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

// ValidSlug reports whether s is a slug: one or more groups of lowercase
// ASCII letters and digits joined by single hyphens, as in "kebijakan-asn-2025".
// Slugs name regions, policies, versions and tags in URLs.
func ValidSlug(s string) bool {
	atBoundary := true // at the start or just after a hyphen
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			atBoundary = false
		case c == '-' && !atBoundary:
			atBoundary = true
		default:
			return false
		}
	}
	return !atBoundary
}
