package markdown

import "bytes"

// A urlKind classifies a link or image destination.
type urlKind int

const (
	urlLocal     urlKind = iota // relative, or a harmless scheme such as mailto:
	urlExternal                 // http:, https: or protocol-relative
	urlDangerous                // javascript:, vbscript:, data: or file:
)

// classify classifies a destination. raw is the destination as written in
// the source and escaped is what goes into the attribute after goldmark has
// resolved and percent-encoded it. Both are checked, so that neither an
// encoding trick nor a difference in decoding lets a dangerous URL through.
func classify(raw, escaped []byte) urlKind {
	s := scheme(escaped)
	if isDangerousScheme(s) {
		return urlDangerous
	}
	if bytes.ContainsAny(raw, "&\\") {
		raw = appendDecoded(nil, raw)
	}
	if isDangerousScheme(scheme(raw)) {
		return urlDangerous
	}
	switch {
	case s == "http" || s == "https":
		return urlExternal
	case s == "" && isProtocolRelative(escaped):
		return urlExternal
	}
	return urlLocal
}

// isDangerousScheme reports whether a URL with scheme s can run script or
// read local data.
func isDangerousScheme(s string) bool {
	switch s {
	case "javascript", "vbscript", "data", "file":
		return true
	}
	return false
}

// scheme returns the lower-cased scheme of u if classify needs to know it,
// "other" for any other scheme, or "" if u has none.
// Like a browser, and more, it disregards spaces and control characters
// anywhere before the colon.
func scheme(u []byte) string {
	var buf [16]byte
	n := 0
	for _, c := range u {
		switch {
		case c <= ' ' || c == 0x7f:
			continue
		case c == ':':
			return knownScheme(buf[:n])
		case n == len(buf):
			return ""
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9' && n > 0,
			(c == '+' || c == '-' || c == '.') && n > 0:
			buf[n] = c
		case 'A' <= c && c <= 'Z':
			buf[n] = c + 'a' - 'A'
		default:
			return ""
		}
		n++
	}
	return ""
}

// knownScheme returns s as a string if it is one of the schemes that
// classify distinguishes, and "other" otherwise.
func knownScheme(s []byte) string {
	for _, k := range [...]string{"http", "https", "javascript", "vbscript", "data", "file"} {
		if string(s) == k {
			return k
		}
	}
	return "other"
}

// isProtocolRelative reports whether u starts with two slashes, either of
// which may be a backslash, as browsers treat those URLs as "//host/…".
func isProtocolRelative(u []byte) bool {
	u = bytes.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	return len(u) >= 2 && (u[0] == '/' || u[0] == '\\') && (u[1] == '/' || u[1] == '\\')
}
