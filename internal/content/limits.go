package content

import "unicode/utf8"

// Caps on what a content file may hold, so that a file nobody meant to
// publish, such as a disk image or a log, fails to load with a message
// instead of exhausting memory or filling every page. The caps on front
// matter count characters, not bytes, of the value as trimmed.
const (
	// MaxFileSize is the most bytes a Markdown file may hold. The shipped
	// versions hold about 4 KB and the benchmark's about 12 KB; a policy of
	// a hundred pages is about 300 KB.
	MaxFileSize = 2 << 20

	// MaxTitleLength is the most characters of a title: of the site, of a
	// version, and the name of a region. A title fits on a page's heading,
	// a share card and a search result.
	MaxTitleLength = 300

	// MaxSummaryLength is the most characters of a version's summary and of
	// the site's description: one or two sentences.
	MaxSummaryLength = 1000

	// MaxTextLength is the most characters of any other text value, such
	// as a note, and of each item of a list.
	MaxTextLength = 4000

	// MaxListItems is the most items of a list, such as tags.
	MaxListItems = 100

	// MaxOriginalSize is the most bytes of the authentic PDF of a version: a
	// scanned, signed regulation of some hundred pages.
	MaxOriginalSize = 64 << 20

	// MaxImageSize is the most bytes of an image beside the version files
	// (PNG, JPEG, WebP or SVG): an organisation chart or a map that a reader
	// on a cheap phone and a slow link still waits for. A photograph from a
	// phone's camera is about 4 MB; a diagram a few hundred KB.
	MaxImageSize = 10 << 20
)

// maxLength returns the most characters the text value of key may have.
func maxLength(key string) int {
	switch key {
	case "title", "name":
		return MaxTitleLength
	case "summary", "description":
		return MaxSummaryLength
	}
	return MaxTextLength
}

// checkLength reports s, the value of what on line, if it has more than max
// characters.
func (rd *reader) checkLength(what, s string, line, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		rd.r.errorf(line, "%s terlalu panjang: %d karakter, paling banyak %d; persingkat", what, n, max)
	}
}
