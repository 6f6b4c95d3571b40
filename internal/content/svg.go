package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// svgNamespace is the namespace of SVG elements; without it a browser does
// not draw the file.
const svgNamespace = "http://www.w3.org/2000/svg"

// maxSVGProblems is how many problems of one SVG file are reported: an
// exported drawing with a handler on every shape need not fill the screen.
const maxSVGProblems = 10

// scriptElements are the elements, by lowercase local name in any namespace,
// that run script or embed a document that may.
var scriptElements = map[string]bool{
	"script": true, "foreignobject": true, "handler": true, "listener": true,
	"iframe": true, "embed": true, "object": true,
}

// checkSVG checks that src is an SVG drawing that can never run script nor
// load anything from elsewhere: well-formed XML whose root is an svg element
// of the SVG namespace, without script elements, foreignObject or embedded
// documents, event handler attributes (on…), links (href, xlink:href) other
// than to a "#fragment" of the drawing, animations that set such attributes,
// entity declarations or stylesheet instructions. A page shows the image with
// <img>, where no browser runs its script; the server also sends it with a
// sandbox; this check keeps the file itself clean wherever it is copied.
func checkSVG(src []byte) []fileProblem {
	d := xml.NewDecoder(bytes.NewReader(src))
	var probs []fileProblem
	add := func(line int, format string, args ...any) {
		probs = append(probs, fileProblem{line, fmt.Sprintf(format, args...)})
	}
	root := false
	for len(probs) < maxSVGProblems {
		line, _ := d.InputPos()
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			add(xmlErrorLine(err, line), "bukan SVG yang sah: XML-nya rusak (%v); ekspor ulang gambarnya sebagai SVG", xmlErrorCause(err))
			return probs
		}
		switch t := tok.(type) {
		case xml.StartElement:
			raw := src[start:d.InputOffset()]
			if !root {
				root = true
				if t.Name.Local != "svg" || t.Name.Space != svgNamespace {
					add(line, "bukan SVG: elemen akarnya <%s>, bukan <svg xmlns=%q>; ekspor ulang gambarnya sebagai SVG", t.Name.Local, svgNamespace)
					return probs
				}
			}
			checkSVGElement(t, line, raw, add)
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				add(line, "memuat instruksi <?xml-stylesheet?>, yang memuat gaya dari berkas lain; hapus instruksinya")
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				add(line, "memuat deklarasi <!ENTITY>; hapus DOCTYPE-nya (SVG tidak memerlukannya)")
			}
		}
	}
	if !root && len(probs) == 0 {
		add(0, "bukan SVG: tidak ada elemen <svg>; ekspor ulang gambarnya sebagai SVG")
	}
	return probs
}

// checkSVGElement checks the start tag t of an SVG file, which is raw in the
// file and begins on line.
func checkSVGElement(t xml.StartElement, line int, raw []byte, add func(int, string, ...any)) {
	elem := strings.ToLower(t.Name.Local)
	if scriptElements[elem] {
		add(line, "memuat elemen <%s>, yang dapat menjalankan skrip atau memuat dokumen lain; hapus elemennya", t.Name.Local)
	}
	animates := elem == "set" || elem == "animate"
	for _, a := range t.Attr {
		name := strings.ToLower(a.Name.Local)
		at := line + attrLine(raw, a.Name.Local)
		switch {
		case strings.HasPrefix(name, "on"):
			add(at, "memuat atribut %s pada <%s>, yang menjalankan skrip; hapus atributnya", a.Name.Local, t.Name.Local)
		case name == "href" && !strings.HasPrefix(strings.TrimSpace(a.Value), "#"):
			add(at, "memuat atribut %s=%q pada <%s>, yang menautkan ke luar gambar; gambar hanya boleh menautkan ke bagiannya sendiri (\"#id\"); hapus atributnya", attrName(a.Name), a.Value, t.Name.Local)
		case animates && name == "attributename":
			if v := strings.ToLower(a.Value); strings.HasSuffix(v, "href") || strings.HasPrefix(v, "on") {
				add(at, "memuat <%s> yang mengubah atribut %s dan dapat menjalankan skrip; hapus animasinya", t.Name.Local, a.Value)
			}
		}
	}
}

// attrName is how an attribute is written: "xlink:href" for the XLink
// namespace, else its local name.
func attrName(n xml.Name) string {
	if n.Space == "http://www.w3.org/1999/xlink" {
		return "xlink:" + n.Local
	}
	return n.Local
}

// attrLine is how many lines into the start tag raw the attribute local is,
// found by its name followed by "=".
func attrLine(raw []byte, local string) int {
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte(local))
		if j < 0 {
			return 0
		}
		at := i + j
		rest := bytes.TrimLeft(raw[at+len(local):], " \t\r\n")
		before := byte(' ')
		if at > 0 {
			before = raw[at-1]
		}
		if len(rest) > 0 && rest[0] == '=' && (before == ':' || before <= ' ') {
			return bytes.Count(raw[:at], []byte("\n"))
		}
		i = at + len(local)
	}
}

// xmlErrorLine is the line of a syntax error, or line if the error has none.
func xmlErrorLine(err error, line int) int {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Line
	}
	return line
}

// xmlErrorCause is the message of an XML error without its "XML syntax error
// on line N" preamble, which the problem's line already says.
func xmlErrorCause(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}
