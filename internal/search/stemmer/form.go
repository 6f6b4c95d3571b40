package stemmer

// A form is a word under analysis: the byte lead, when it is not zero,
// followed by rest. Stripping a nasal prefix that replaced the first letter of
// its root (me-nulis from tulis) puts that letter back as lead, so every form
// of a word shares the word's memory and analysing it allocates nothing.
type form struct {
	lead byte
	rest string
}

// len returns the length of f in bytes.
func (f form) len() int {
	if f.lead != 0 {
		return 1 + len(f.rest)
	}
	return len(f.rest)
}

// at returns the byte of f at index i, or zero when i is out of range.
func (f form) at(i int) byte {
	if f.lead != 0 {
		if i == 0 {
			return f.lead
		}
		i--
	}
	if i < 0 || i >= len(f.rest) {
		return 0
	}
	return f.rest[i]
}

// hasPrefix reports whether f begins with p.
func (f form) hasPrefix(p string) bool {
	if len(p) > f.len() {
		return false
	}
	for i := 0; i < len(p); i++ {
		if f.at(i) != p[i] {
			return false
		}
	}
	return true
}

// hasSuffix reports whether f ends with s.
func (f form) hasSuffix(s string) bool {
	n := f.len()
	if len(s) > n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if f.at(n-len(s)+i) != s[i] {
			return false
		}
	}
	return true
}

// drop returns f without its first n bytes.
func (f form) drop(n int) form {
	if f.lead != 0 {
		if n == 0 {
			return f
		}
		n--
	}
	return form{rest: f.rest[n:]}
}

// recode returns f without its first n bytes and with c in front: the
// stripped prefix had replaced the root's first letter c.
func (f form) recode(n int, c byte) form {
	return form{lead: c, rest: f.drop(n).rest}
}

// trim returns f without its last n bytes.
func (f form) trim(n int) form {
	if n <= len(f.rest) {
		return form{lead: f.lead, rest: f.rest[:len(f.rest)-n]}
	}
	return form{}
}

// vowels returns the number of vowels in f, which the stemmers take as its
// number of syllables.
func (f form) vowels() int {
	n := 0
	if isVowel(f.lead) {
		n++
	}
	for i := 0; i < len(f.rest); i++ {
		if isVowel(f.rest[i]) {
			n++
		}
	}
	return n
}

// String returns the text of f. It allocates only when f has a lead.
func (f form) String() string {
	if f.lead == 0 {
		return f.rest
	}
	return string(f.lead) + f.rest
}

// isVowel reports whether c is one of the vowels a, e, i, o and u.
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// isConsonant reports whether c is a letter from a to z other than a vowel.
func isConsonant(c byte) bool {
	return 'a' <= c && c <= 'z' && !isVowel(c)
}
