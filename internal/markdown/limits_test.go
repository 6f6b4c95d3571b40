package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var rep = strings.Repeat

// indentedList is a list nested depth deep by indentation alone, one item a
// line, each two columns deeper than the one before.
func indentedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(rep("  ", i) + "- x\n")
	}
	return b.String()
}

// footnoteDefs is n footnote definitions, a paragraph each.
func footnoteDefs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[^%d]: catatan\n\n", i)
	}
	return b.String()
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want *LimitError // nil: renders
	}{
		{"list at the limit", "- " + rep("- ", maxDepth-1) + "x\n", nil},
		{"list one deeper", "Pembuka.\n\n" + rep("- ", maxDepth+1) + "x\n", &LimitError{3, depthMessage}},
		{"list far deeper", rep("- ", 10000) + "x\n", &LimitError{1, depthMessage}},
		{"ordered list one deeper", rep("1. ", maxDepth+1) + "x\n", &LimitError{1, depthMessage}},
		{"indented list at the limit", indentedList(maxDepth), nil},
		{"indented list one deeper", indentedList(maxDepth + 1), &LimitError{maxDepth + 1, depthMessage}},
		{"indented list far deeper", indentedList(2000), &LimitError{scanDepth + 1, depthMessage}},
		{"quote at the limit", rep("> ", maxDepth) + "x\n", nil},
		{"quote one deeper", "a\n\n" + rep(">", maxDepth+1) + " x\n", &LimitError{3, depthMessage}},
		{"quote far deeper", rep("> ", 10000) + "x\n", &LimitError{1, depthMessage}},
		{"mixed at the limit", rep("> - ", maxDepth/2) + "x\n", nil},
		{"mixed one deeper", "a\n\n> - x\n" + rep("> - ", maxDepth/2) + "> x\n", &LimitError{4, depthMessage}},
		{"footnote counts as a level", "a[^1]\n\n[^1]: " + rep("- ", maxDepth) + "x\n", &LimitError{3, depthMessage}},
		{"lazy lines stay at the depth", rep("- ", maxDepth) + "x\n" + rep("lanjutan\n", 100), nil},
		{"policy list", "1. Satu\n   a. dua\n      - tiga\n        - empat\n\n    lanjutan\n", nil},
		{
			"fenced code indented deep",
			"- Contoh:\n\n  ```yaml\n" + rep("  "+rep(" ", 200)+"kunci: nilai\n", 50) + "  ```\n",
			nil,
		},
		{
			"fenced code with nested markers",
			"```\n" + indentedList(maxDepth) + rep("> ", maxDepth) + "x\n```\n",
			nil,
		},
		{"marks at the limit", "a " + rep("**b** ", maxMarks/2) + "\n", nil},
		{"marks past the limit", "a\n\nb " + rep("**b** ", maxMarks/2) + "\nc *d*\n", &LimitError{4, marksMessage}},
		{"marks counted per paragraph", rep("a "+rep("*b* ", maxMarks/2)+"\n\n", 3), nil},
		{"marks counted per cell", "| a | b |\n|---|---|\n| " + rep("`k` ", maxMarks/2) + " | " + rep("[t](/u) ", maxMarks/2) + " |\n", nil},
		{"marks in a heading", "# " + rep("_a_ ", maxMarks/2+1) + "\n", &LimitError{1, marksMessage}},
		{"table with every cell", "| a | b | c |\n|---|---|---|\n" + rep("| | | |\n", 500), nil},
		{"table with missing cells", "Tabel:\n\n" + rep("|a", 40) + "|\n" + rep("|-", 40) + "|\n" + rep("x\n", 40), &LimitError{3, tableMessage(40)}},
		{"footnotes at the limit", "a[^0]\n\n" + footnoteDefs(maxFootnotes), nil},
		{"footnotes past the limit", "a[^0]\n\n" + footnoteDefs(maxFootnotes+1), &LimitError{3 + 2*maxFootnotes, footnoteMessage}},
		{"footnote references at the limit", rep("a[^1]\n\n", maxFootnoteRefs) + "[^1]: b\n", nil},
		{"footnote references past the limit", rep("a[^1]\n\n", maxFootnoteRefs+1) + "[^1]: b\n", &LimitError{1 + 2*maxFootnoteRefs, footnoteRefMsg}},
		{"definitions in their own paragraph", "[a]\n\n" + rep("[a]: /u\n", 1000), nil},
		{"definitions mixed with many lines", "x\n\n" + rep("[a]: /u\n", 32) + rep("teks\n", 40000), &LimitError{3, definitionMsg}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Render([]byte(tt.src))
			var got *LimitError
			if err != nil && !errors.As(err, &got) {
				t.Fatalf("Render: %v, want a *LimitError or nil", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Render error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLimitErrorMessage(t *testing.T) {
	err := &LimitError{Line: 7, Msg: depthMessage}
	want := "baris 7: daftar atau kutipan bersarang lebih dari 16 tingkat; ratakan susunannya"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// maxContainerDepth is the deepest that list items, block quotes and
// footnote definitions nest in the syntax tree of src.
func maxContainerDepth(r *Renderer, src []byte) int {
	doc := r.md.Parser().Parse(text.NewReader(src))
	var walk func(n ast.Node, depth int) int
	walk = func(n ast.Node, depth int) int {
		switch n.Kind() {
		case ast.KindListItem, ast.KindBlockquote, east.KindFootnote:
			depth++
		}
		deepest := depth
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock {
				deepest = max(deepest, walk(c, depth))
			}
		}
		return deepest
	}
	return walk(doc, 0)
}

// checkScanBound fails unless the bound scan keeps src to is at least the
// depth goldmark actually nests src's containers to.
func checkScanBound(t *testing.T, r *Renderer, src string) {
	t.Helper()
	d := maxContainerDepth(r, []byte(src))
	if d == 0 {
		return
	}
	if err := scan([]byte(src), d-1, 1<<30); err == nil || err.Msg != depthMessage {
		t.Fatalf("scan(%q) allows depth %d, below the depth %d goldmark nests it to", src, d-1, d)
	}
}

func TestScanBoundsDepth(t *testing.T) {
	inputs := []string{
		indentedList(10),
		rep("- ", 10) + "x\n" + rep("  ", 10) + "y\n",
		"- a\n\n      - b\n\n          - c\n",
		"- a\n\t- b\n\t\t- c\n\t\t\t- d\n",
		"1) a\n   2) b\n      3) c\n",
		"> - a\n>   - b\n>     > c\n>     > - d\n",
		"- a\n  > b\n  > - c\n  >   - d\n",
		"[^1]: a\n    - b\n      - c\n\n    [^2]: d\n",
		"* a\nlazy\n  * b\nlazy\n    * c\n",
		"-\n  - a\n    -\n      b\n",
		"- a\n\n\n  - b\n",
		">>>>- - >x\n",
	}
	r := New(Options{})
	for _, src := range inputs {
		checkScanBound(t, r, src)
	}
}

// BenchmarkWorstAccepted renders, at two sizes each, inputs that come as
// close to each limit as Render accepts: the time per byte stays the same.
func BenchmarkWorstAccepted(b *testing.B) {
	units := []struct {
		name string
		unit string // repeated to make the input
		err  bool   // the input passes the scan but not the exact limit
	}{
		{"depth16-lazy", rep("- ", maxDepth) + "x\n" + rep("y\n", 1000) + "\n", false},
		{"depth32-lines", rep("- ", scanDepth) + "x\n", true},
		{"marks-mismatched", rep("*a_ ", maxMarks/2) + "\n\n", false},
		{"marks-brackets", rep("[", maxMarks/2) + "a" + rep("]", maxMarks/2) + "\n\n", false},
		{"table-empty-cells", rep("|a", 64) + "\n" + rep("|-", 64) + "\n" + rep(rep("|", 64)+"\n", 100) + "\n", false},
		{"definitions", rep("[a]:\n", 1024) + "\n", false},
	}
	r := New(Options{})
	for _, u := range units {
		for _, size := range []int{1 << 20, 2 << 20} {
			src := []byte(rep(u.unit, size/len(u.unit)))
			b.Run(fmt.Sprintf("%s/%dMiB", u.name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := r.Render(src); (err != nil) != u.err {
						b.Fatalf("Render: %v", err)
					}
				}
			})
		}
	}
}
