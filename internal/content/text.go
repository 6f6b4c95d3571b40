package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTextProblems is how many lines with bytes that are not text one file
// reports one by one, so that a file saved in another encoding does not bury
// every other problem.
const maxTextProblems = 5

// checkText reports the lines of src that hold bytes that are not UTF-8, or a
// control character other than tab, line feed, carriage return and form
// feed: one problem a line for the first maxTextProblems lines, and one for
// the rest. It returns the offset of the first such byte, or -1 when there is
// none.
func checkText(src []byte, r report) int {
	if isText(src) {
		return -1
	}
	first, bad, rest := -1, 0, 0 // rest: the first line not reported by itself
	for n, off := 1, 0; off < len(src); n++ {
		line, _, _ := bytes.Cut(src[off:], []byte("\n"))
		if i, msg := lineProblem(line); msg != "" {
			if first < 0 {
				first = off + i
			}
			if bad++; bad <= maxTextProblems {
				r.errorf(n, "%s", msg)
			} else if rest == 0 {
				rest = n
			}
		}
		off += len(line) + 1
	}
	if rest > 0 {
		r.errorf(rest, "%d baris lagi, mulai baris ini, berisi bita yang bukan UTF-8 atau karakter kendali", bad-maxTextProblems)
	}
	return first
}

// isText reports whether src is UTF-8 without control characters other than
// tab, line feed, carriage return and form feed: the quick answer for the
// files that are, which are nearly all.
func isText(src []byte) bool {
	for _, c := range src {
		if c < ' ' && !textControl(rune(c)) {
			return false
		}
	}
	return utf8.Valid(src)
}

// textControl reports whether the control character c may appear in text.
func textControl(c rune) bool {
	return c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// lineProblem returns the offset in line of the first byte that is not text,
// with what is wrong with it, or -1 and "".
func lineProblem(line []byte) (int, string) {
	for i := 0; i < len(line); {
		c, size := rune(line[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(line[i:])
		}
		switch {
		case c == utf8.RuneError && size == 1:
			return i, fmt.Sprintf("bita 0x%02x bukan UTF-8; simpan berkas sebagai UTF-8 (penyebab umum: berkas tersimpan sebagai Latin-1 atau Windows-1252)", line[i])
		case c < ' ' && !textControl(c):
			return i, fmt.Sprintf("karakter kendali %U tidak boleh ada di naskah; hapus karakter itu (sering terbawa saat menyalin dari PDF atau pengolah kata)", c)
		}
		i += size
	}
	return -1, ""
}

// escapeText returns s with bytes that are not UTF-8 and characters that are
// not printable, such as a newline, written as escapes of a Go string, so
// that s cannot break or forge the line it is printed on.
func escapeText(s string) string {
	if !strings.ContainsFunc(s, func(c rune) bool { return c == utf8.RuneError || !unicode.IsPrint(c) }) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsPrint(c):
			b.WriteRune(c)
		default:
			q := strconv.QuoteRune(c)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}
