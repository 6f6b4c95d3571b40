package content

import (
	"bytes"

	"github.com/adrg/frontmatter"
)

// Front matter formats, as named in messages.
const (
	formatYAML = "YAML"
	formatTOML = "TOML"
)

// byteOrderMark is the mark some editors put at the start of a file.
const byteOrderMark = "\ufeff"

// A document is a Markdown file split into its front matter, decoded into
// fields, and its body.
type document struct {
	fields   []field
	open     int // line of the opening delimiter
	body     []byte
	bodyLine int // line at which body starts
}

// A block is a front matter block as found by frontmatter.Parse, not yet
// decoded.
type block struct {
	format string // formatYAML or formatTOML; "" when none was found
	raw    []byte // the text between the delimiters
}

// parseFile splits src into front matter and body and decodes the front
// matter, reporting problems to r. need says which keys the file must have,
// for the message about a file without front matter. parseFile returns false
// when the front matter is missing, is not text or cannot be decoded; bytes
// that are not text in the body are reported, and the body kept.
func parseFile(src []byte, need string, r report) (document, bool) {
	src = bytes.TrimPrefix(src, []byte(byteOrderMark))
	bad := checkText(src, r)
	var b block
	rest, err := frontmatter.Parse(bytes.NewReader(src), &b, blockFormats()...)
	if err != nil {
		// Parse fails only when reading fails, and src is in memory.
		r.errorf(1, "front matter tidak dapat dibaca: %v", err)
		return document{}, false
	}
	open, delim := firstLine(src)
	if b.format == "" {
		if delim == "---" || delim == "+++" {
			r.errorf(open, "front matter tidak ditutup: baris %q penutup tidak ditemukan", delim)
		} else {
			r.errorf(1, "tidak ada front matter (blok --- di awal berkas); %s", need)
		}
		return document{}, false
	}
	start := len(src) - len(rest)
	if bad >= 0 && bad < start {
		// The decoders would report the same bytes, at the wrong line.
		return document{}, false
	}
	doc := document{
		open:     open,
		body:     src[start:],
		bodyLine: lineAt(src, start-1) + 1, // the line after the closing delimiter
	}
	var ok bool
	if b.format == formatYAML {
		doc.fields, ok = decodeYAML(b.raw, open, r)
	} else {
		doc.fields, ok = decodeTOML(b.raw, open, r)
	}
	return doc, ok
}

// blockFormats returns the front matter formats for frontmatter.Parse.
func blockFormats() []*frontmatter.Format {
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", captureAs(formatYAML)),
		frontmatter.NewFormat("+++", "+++", captureAs(formatTOML)),
	}
}

// captureAs returns an unmarshal function for frontmatter.Parse that does not
// decode the front matter but stores it in the *block passed to Parse, so that
// decodeYAML and decodeTOML can decode it keeping track of lines.
func captureAs(format string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		b := v.(*block)
		b.format, b.raw = format, bytes.Clone(data)
		return nil
	}
}

// firstLine returns the number and the trimmed text of the first line of src
// that is not blank, which is where frontmatter.Parse looks for an opening
// delimiter. It returns 0 and "" when src is blank.
func firstLine(src []byte) (int, string) {
	for n := 1; len(src) > 0; n++ {
		line, rest, _ := bytes.Cut(src, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return n, string(t)
		}
		src = rest
	}
	return 0, ""
}

// lineAt returns the 1-based line of src holding the byte at offset i.
func lineAt(src []byte, i int) int {
	return 1 + bytes.Count(src[:i], []byte("\n"))
}

// fileLine converts line n of a front matter block whose opening delimiter
// is on line open to a line of the file.
func fileLine(open, n int) int {
	return open + n
}
