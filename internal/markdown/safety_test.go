package markdown

import (
	"errors"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dangerousInputs are Markdown sources that try to smuggle script into the
// output.
var dangerousInputs = []string{
	"<script>alert(1)</script>",
	"a <script>alert(1)</script> b",
	"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
	"<img src=x onerror=alert(1)>",
	"teks <img src=x onerror=alert(1)> teks",
	"<svg/onload=alert(1)>",
	`<div onmouseover="alert(1)">arahkan</div>`,
	`<a href="javascript:alert(1)">x</a>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	"<!-- komentar --> teks",
	"<!-- komentar -->",
	"[x](javascript:alert(1))",
	"[x](JAVASCRIPT:alert(1))",
	"[x](JaVaScRiPt:alert(1))",
	"[x](< javascript:alert(1)>)",
	"[x](<\tjavascript:alert(1)>)",
	"[x](<\x01javascript:alert(1)>)",
	"[x](jav&#x61;script:alert(1))",
	"[x](&#106;avascript:alert(1))",
	"[x](javascript&#58;alert(1))",
	"[x](javascript&colon;alert(1))",
	"[x](javascript&#38;colon;alert(1))",
	"[x](java&#x09;script:alert(1))",
	`[x](javascript\:alert(1))`,
	"[x](vbscript:msgbox(1))",
	"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	"[x](file:///etc/passwd)",
	"![x](javascript:alert(1))",
	`![x](javascript:alert(1) "judul")`,
	"![x](data:image/svg+xml;base64,PHN2Zy8+)",
	"![x](data:image/png;base64,AAAA)",
	"<javascript:alert(1)>",
	"<JaVaScRiPt:alert(1)>",
	"<vbscript:msgbox(1)>",
	"<data:text/html,x>",
	"[x][r]\n\n[r]: javascript:alert(1)",
	"[x][r]\n\n[r]: <jav&#x61;script:alert(1)>",
	`[x](/a "\" onclick=\"alert(1)")`,
	`[x](http://a.example/" onclick="alert(1))`,
	"[<script>alert(1)</script>](http://a.example)",
	"## <script>alert(1)</script>",
	"| <script>alert(1)</script> | b |\n|---|---|\n| <img src=x onerror=alert(1)> | c |",
	"Teks[^1]\n\n[^1]: <script>alert(1)</script> [x](javascript:alert(1))",
	"```\"><script>alert(1)</script>\nkode\n```",
	"- <details open ontoggle=alert(1)>\n- [x](javascript:alert(1))",
}

func TestSafety(t *testing.T) {
	r := New(Options{})
	for i, src := range dangerousInputs {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			res, err := r.Render([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if err := checkHTML(string(res.HTML)); err != nil {
				t.Errorf("Render(%q) = %q: %v", src, res.HTML, err)
			}
		})
	}
}

// pilcrow1 is the permalink that ends the first paragraph.
const pilcrow1 = ` <a class="pilcrow" href="#p-1" aria-label="Tautan ke paragraf ini">¶</a>`

func TestNeutralised(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"link", "a [tautan *ini*](javascript:alert(1)) b", `<p id="p-1">a tautan <em>ini</em> b` + pilcrow1 + `</p>` + "\n"},
		{"encoded link", "[x](jav&#x61;script:alert(1))", `<p id="p-1">x` + pilcrow1 + `</p>` + "\n"},
		{"image", "![peta <wilayah>](data:image/png;base64,AAAA)", `<p id="p-1">peta &lt;wilayah&gt;` + pilcrow1 + `</p>` + "\n"},
		{"autolink", "<javascript:alert(1)>", `<p id="p-1">javascript:alert(1)` + pilcrow1 + `</p>` + "\n"},
		{"raw inline HTML", "a <b onclick=\"x()\">b</b>", `<p id="p-1">a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;` + pilcrow1 + `</p>` + "\n"},
		{"raw HTML block", "<script>alert(1)</script>", `<p id="p-1">&lt;script&gt;alert(1)&lt;/script&gt;` + pilcrow1 + `</p>` + "\n"},
		{"comment", "<!-- catatan -->", `<p id="p-1">&lt;!-- catatan --&gt;` + pilcrow1 + `</p>` + "\n"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(res.HTML)); diff != "" {
				t.Errorf("HTML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLinkRel(t *testing.T) {
	const rel = ` rel="noopener noreferrer"`
	tests := []struct {
		name, src, want string
	}{
		{"https", "[a](https://jdih.example/x)", `<a href="https://jdih.example/x"` + rel + `>a</a>`},
		{"http upper case", "[a](HTTP://jdih.example/)", `<a href="HTTP://jdih.example/"` + rel + `>a</a>`},
		{"protocol-relative", "[a](//jdih.example/x)", `<a href="//jdih.example/x"` + rel + `>a</a>`},
		{"autolink", "<https://jdih.example>", `<a href="https://jdih.example"` + rel + `>https://jdih.example</a>`},
		{"linkify", "lihat www.jdih.example", `<a href="http://www.jdih.example"` + rel + `>www.jdih.example</a>`},
		{"relative", "[a](../dokumen/perda-1)", `<a href="../dokumen/perda-1">a</a>`},
		{"fragment", "[a](#latar-belakang)", `<a href="#latar-belakang">a</a>`},
		{"mailto", "[a](mailto:humas@jdih.example)", `<a href="mailto:humas@jdih.example">a</a>`},
		{"email autolink", "<humas@jdih.example>", `<a href="mailto:humas@jdih.example">humas@jdih.example</a>`},
		{"title", `[a](https://x.example "Judul & <b>")`, `<a href="https://x.example" title="Judul &amp; &lt;b&gt;"` + rel + `>a</a>`},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := string(res.HTML)
			got = strings.TrimSuffix(strings.TrimPrefix(got, `<p id="p-1">`), pilcrow1+"</p>\n")
			got = strings.TrimPrefix(got, "lihat ")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("HTML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzRender(f *testing.F) {
	for _, src := range dangerousInputs {
		f.Add(src)
	}
	f.Add(smallDoc)
	f.Add("# A\n\n## A\n\n### A\n\nP 1\n\n## P 1\n\n> ## B\n> teks[^x]\n\n[^x]: ## C\n")
	f.Add("* [ ] a\n* b\n\n1. c\n\n    kode\n\n***\n\n<div>\nx\n</div>\n")
	// Deep nesting, which goldmark takes time in the cube of to parse.
	f.Add(strings.Repeat("- ", 2000) + "x\n")
	f.Add(strings.Repeat("- ", 10000) + "x\n")
	f.Add(strings.Repeat("> ", 10000) + "x\n")
	f.Add(strings.Repeat("> - ", 2000) + "x\n" + strings.Repeat("y\n", 2000))
	f.Add(strings.Repeat("[^a]: ", 2000) + "x\n")
	f.Add(indentedList(100))
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		if scan([]byte(src), scanDepth, maxFootnotes) == nil {
			checkScanBound(t, r, src)
		}
		res, err := r.Render([]byte(src))
		var limit *LimitError
		if errors.As(err, &limit) {
			if n := strings.Count(src, "\n") + 1; limit.Line < 1 || limit.Line > n {
				t.Fatalf("Render(%q): limit error at line %d of %d", src, limit.Line, n)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := checkHTML(string(res.HTML)); err != nil {
			t.Fatalf("Render(%q) = %q: %v", src, res.HTML, err)
		}
		if got := concatSections(res); got != string(res.HTML) {
			t.Fatalf("Render(%q): concatenated sections %q differ from HTML %q", src, got, res.HTML)
		}
		for _, s := range res.Sections {
			for _, b := range s.Blocks {
				if !strings.Contains(string(s.HTML), ` id="`+b.ID+`"`) {
					t.Fatalf("Render(%q): block id %q not in section HTML %q", src, b.ID, s.HTML)
				}
			}
		}
	})
}

// allowedTag reports whether the renderer may produce the element tag.
func allowedTag(tag string) bool {
	switch tag {
	case "a", "blockquote", "br", "code", "del", "div", "em", "h2", "h3",
		"h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "strong",
		"sup", "table", "tbody", "td", "th", "thead", "tr", "ul":
		return true
	}
	return false
}

// checkHTML scans the rendered HTML, independently of the renderer's own
// code, and reports any element that is not allowed, any comment or other
// markup declaration, any event handler attribute, any href or src with a
// dangerous scheme, and any duplicate id.
func checkHTML(s string) error {
	ids := make(map[string]bool)
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		tag, attrs, n, err := scanTag(s[i:])
		if err != nil {
			return fmt.Errorf("at offset %d: %v", i, err)
		}
		i += n - 1
		if !allowedTag(tag) {
			return fmt.Errorf("element <%s> not allowed", tag)
		}
		for _, a := range attrs {
			if err := checkAttr(a, ids); err != nil {
				return fmt.Errorf("<%s>: %v", tag, err)
			}
		}
	}
	return nil
}

type attr struct{ name, value string }

func checkAttr(a attr, ids map[string]bool) error {
	switch {
	case strings.HasPrefix(a.name, "on"):
		return fmt.Errorf("event handler attribute %s", a.name)
	case a.name == "href" || a.name == "src":
		u := strings.Map(func(r rune) rune {
			if r <= ' ' {
				return -1
			}
			return r
		}, strings.ToLower(html.UnescapeString(a.value)))
		for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:"} {
			if strings.HasPrefix(u, scheme) {
				return fmt.Errorf("dangerous URL %s=%q", a.name, a.value)
			}
		}
	case a.name == "id":
		if ids[a.value] {
			return fmt.Errorf("duplicate id %q", a.value)
		}
		ids[a.value] = true
	}
	return nil
}

// scanTag parses the start or end tag at the beginning of s and returns the
// lower-cased element name, the attributes and the length of the tag.
func scanTag(s string) (tag string, attrs []attr, n int, err error) {
	i := 1
	if strings.HasPrefix(s, "</") {
		i = 2
	}
	start := i
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	if i == start {
		return "", nil, 0, fmt.Errorf("markup that is not an element: %.20q", s)
	}
	tag = strings.ToLower(s[start:i])
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		switch {
		case i >= len(s):
			return "", nil, 0, fmt.Errorf("unterminated tag %.20q", s)
		case s[i] == '>':
			return tag, attrs, i + 1, nil
		}
		a, m, err := scanAttr(s[i:])
		if err != nil {
			return "", nil, 0, err
		}
		attrs = append(attrs, a)
		i += m
	}
}

// scanAttr parses name="value" or a bare name at the beginning of s.
func scanAttr(s string) (attr, int, error) {
	i := 0
	for i < len(s) && (isAlnum(s[i]) || s[i] == '-') {
		i++
	}
	if i == 0 {
		return attr{}, 0, fmt.Errorf("malformed attribute %.20q", s)
	}
	a := attr{name: strings.ToLower(s[:i])}
	if !strings.HasPrefix(s[i:], `="`) {
		return a, i, nil
	}
	end := strings.IndexByte(s[i+2:], '"')
	if end < 0 {
		return attr{}, 0, fmt.Errorf("unterminated attribute %.20q", s)
	}
	a.value = s[i+2 : i+2+end]
	return a, i + 2 + end + 1, nil
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
