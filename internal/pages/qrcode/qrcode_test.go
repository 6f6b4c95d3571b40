package qrcode

import (
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"
)

func TestSVG(t *testing.T) {
	const text = "https://naskah.example/s/abc2345"
	svg, err := SVG(text, `Kode QR <tautan> & "pendek"`)
	if err != nil {
		t.Fatal(err)
	}
	// Well-formed XML, so that it is also a valid file.
	dec := xml.NewDecoder(strings.NewReader(string(Standalone(svg))))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, svg)
			}
			break
		}
	}
	code, _ := qr.Encode(text, qr.M)
	side := code.Size + 2*quiet
	for _, want := range []string{
		`role="img"`, `aria-label="Kode QR &lt;tautan&gt; &amp; &#34;pendek&#34;"`, "<title>Kode QR &lt;tautan&gt;",
		`viewBox="0 0 ` + strconv.Itoa(side) + " " + strconv.Itoa(side) + `"`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if n := strings.Count(svg, "<path"); n != 1 {
		t.Errorf("SVG has %d paths, want one", n)
	}
	// The finder pattern's top row: seven dark modules from the quiet zone on.
	if !strings.Contains(svg, "M4 4h7v1h-7z") {
		t.Errorf("SVG lacks the top row of the top-left finder pattern")
	}
}

func BenchmarkSVG(b *testing.B) {
	for b.Loop() {
		if _, err := SVG("https://naskah.example/s/abc2345", "Kode QR"); err != nil {
			b.Fatal(err)
		}
	}
}
