package content

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzFrontMatter parses arbitrary bytes as each kind of file. It checks that
// parsing does not panic, that every problem names the file and a line of it,
// and that the body is the end of the file, starting at BodyLine.
func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\ndate: 2025-04\ntags: [a, b]\n---\nIsi.\n",
		"---\r\ntitle: A\r\n---\r\nIsi.\r\n",
		"+++\ntitle = \"A\"\ndate = 2025-04-06\ntags = [\"a\"]\n[x.y]\nz = 1\n+++\nIsi.\n",
		"\n\n---\ntitel: &a [x]\nsummary: *a\n---",
		"---\n---\n",
		"---\ntitle: A\n",
		"---\nname: [\n---\n",
		"+++\ntitle = \n+++\n",
		"\ufeff+++\nname = 'R'\nkind = 'kota'\n+++\n",
		"# Judul\n",
		"---\ntitle: A\nsummary: caf\xe9\n---\nIsi.\n",
		"---\ntitle: A\n---\nIsi\x00.\n\x93kutip\x94\r\n\f\n",
		"+++\ntitle = \"caf\xe9\"\n+++\n\x01",
		"\ufeff---\ntitle: A\n---\n\xff\xfe",
		"---\ntitle: " + strings.Repeat("a", MaxTitleLength+1) + "\ntags: [" + strings.Repeat("a, ", MaxListItems) + "b]\n---\n",
	} {
		f.Add([]byte(seed))
	}
	schemas := []*schema{&siteSchema, &regionSchema, &versionSchema}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, s := range schemas {
			var probs Problems
			r := report{path: "v1.md", probs: &probs}
			if d, ok := parseFile(src, s.need, r); ok {
				checkBody(t, src, d)
				decode(s, d, r)
			}
			for _, p := range probs {
				if p.Path != "v1.md" || p.Line < 0 || p.Line > lines || p.Message == "" {
					t.Errorf("bad problem for a file of %d lines: %#v", lines, p)
				}
			}
		}
	})
}

// decode decodes d as the kind of file described by s.
func decode(s *schema, d document, r report) {
	switch s {
	case &siteSchema:
		decodeSite(d, r)
	case &regionSchema:
		decodeRegion(d, new(Region), r)
	default:
		decodeVersion(d, "v1", r)
	}
}

// checkBody checks that the body of d is the end of src and starts at
// d.bodyLine.
func checkBody(t *testing.T, src []byte, d document) {
	t.Helper()
	if !bytes.HasSuffix(src, d.body) {
		t.Fatalf("body %q is not the end of the file", d.body)
	}
	if d.open < 1 || d.bodyLine <= d.open {
		t.Errorf("open = %d, bodyLine = %d", d.open, d.bodyLine)
	}
	if len(d.body) > 0 {
		if got := lineAt(src, len(src)-len(d.body)); got != d.bodyLine {
			t.Errorf("body starts at line %d, bodyLine = %d", got, d.bodyLine)
		}
	}
}

// FuzzCheckSVG checks arbitrary bytes as an SVG image. It checks that the
// check does not panic, that every problem is at a line of the file, and that
// a file it passes has no script element in it.
func FuzzCheckSVG(f *testing.F) {
	for _, seed := range []string{
		svg,
		`<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><script>x()</script></svg>`,
		"<svg xmlns=\"http://www.w3.org/2000/svg\"\n><a\nxlink:href\n=\n'https://x'/></svg>",
		`<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onclick" to="x()"/></svg>`,
		"<svg",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		probs := checkSVG(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range probs {
			if p.line < 0 || p.line > lines || p.msg == "" {
				t.Errorf("problem at line %d of %d: %q", p.line, lines, p.msg)
			}
		}
		low := bytes.ToLower(src)
		quoted := bytes.Contains(src, []byte("<!")) // a comment or CDATA may hold any text
		if len(probs) == 0 && !quoted && (bytes.Contains(low, []byte("<script")) || bytes.Contains(low, []byte(":script"))) {
			t.Errorf("passed an SVG with a script element: %q", src)
		}
	})
}
