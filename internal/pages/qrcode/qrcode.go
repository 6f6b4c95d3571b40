// Package qrcode draws QR codes as SVG: rsc.io/qr computes the matrix, and this
// package writes it as one <path> of unit squares inside the quiet zone the
// standard asks for, with an accessible name, so that the same drawing works
// inline in a page, in print and as a standalone file.
//
// It lives under package pages, the one stage that draws QR codes.
package qrcode

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"rsc.io/qr"
)

// quiet is the width of the quiet zone around the code, in modules.
const quiet = 4

// SVG draws text as a QR code with error correction level M (15 % of the code
// may be lost, e.g. to a fold or a smudge on paper). label is the accessible
// name of the image. The result is a complete SVG document without an XML
// declaration, fit both for inline HTML and, after Standalone, for a file.
func SVG(text, label string) (string, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", fmt.Errorf("qr code for %q: %w", text, err)
	}
	side := strconv.Itoa(code.Size + 2*quiet)
	lbl := html.EscapeString(label)
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ` + side + " " + side +
		`" role="img" aria-label="` + lbl + `" shape-rendering="crispEdges"><title>` + lbl + `</title>`)
	b.WriteString(`<rect width="` + side + `" height="` + side + `" fill="#fff"/><path fill="#000" d="`)
	writePath(&b, code)
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// Standalone makes an SVG from SVG into the content of a .svg file.
func Standalone(svg string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + svg + "\n")
}

// writePath writes the dark modules as rectangles, one per horizontal run, so
// that the path stays short.
func writePath(b *strings.Builder, code *qr.Code) {
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; {
			if !code.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < code.Size && code.Black(x+run, y) {
				run++
			}
			fmt.Fprintf(b, "M%d %dh%dv1h-%dz", x+quiet, y+quiet, run, run)
			x += run
		}
	}
}
