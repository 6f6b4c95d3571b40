package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The limits that keep the time to render any body linear in its size.
// goldmark's time grows like the square or the cube of each of these
// counts, and no policy text comes near any of them.
const (
	// maxDepth is the deepest list items, block quotes and footnote
	// definitions may nest.
	maxDepth = 16
	// maxMarks is how many runs of "*", "_", "~" or "`" and how many "[",
	// "![" and "]" one paragraph, heading or table cell may hold.
	maxMarks = 128
	// maxFootnotes is how many footnote definitions a body may have, and
	// maxFootnoteRefs how many references to them: goldmark looks each
	// reference up by going through all the definitions.
	maxFootnotes    = 1000
	maxFootnoteRefs = 5000
	// maxDefinitionWork bounds, for one paragraph, the lines that may start
	// a link reference definition times all its lines: goldmark copies the
	// rest of the paragraph for each definition it takes out.
	maxDefinitionWork = 1 << 20
)

// The messages of a LimitError, which say how to stay within the limit.
var (
	depthMessage    = fmt.Sprintf("daftar atau kutipan bersarang lebih dari %d tingkat; ratakan susunannya", maxDepth)
	marksMessage    = fmt.Sprintf("lebih dari %d penanda format (*, _, ~, `, [, ]) dalam satu paragraf, judul, atau sel tabel; pecah menjadi beberapa paragraf", maxMarks)
	footnoteMessage = fmt.Sprintf("lebih dari %d definisi catatan kaki ([^label]: ...); kurangi catatan kakinya", maxFootnotes)
	footnoteRefMsg  = fmt.Sprintf("lebih dari %d rujukan catatan kaki ([^label]); kurangi rujukannya", maxFootnoteRefs)
	definitionMsg   = "terlalu banyak definisi tautan rujukan ([label]: alamat) dalam satu paragraf; pisahkan definisi dari teks dan satu sama lain dengan baris kosong"
)

// A LimitError reports a part of the body that goes past one of the limits
// that keep the time to render any body linear in its size.
type LimitError struct {
	// Line is the line of the body it is on, from 1.
	Line int
	// Msg says, in Indonesian, which limit it goes past and how to stay
	// within it.
	Msg string
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("baris %d: %s", e.Line, e.Msg)
}

// limitsKey holds the *limitState of one parse in the parser context.
var limitsKey = parser.NewContextKey()

// limitState is what the parser hooks below learn during one parse.
type limitState struct {
	marks int // marks seen in the current inline block
	refs  int // footnote references seen so far
	err   *limitHit
}

// A limitHit is the first limit passed during a parse, at a byte offset.
type limitHit struct {
	off int
	msg string
}

func stateOf(pc parser.Context) *limitState {
	if s, ok := pc.Get(limitsKey).(*limitState); ok {
		return s
	}
	s := &limitState{}
	pc.Set(limitsKey, s)
	return s
}

// hit records a limit passed at offset off, unless one was already.
func (s *limitState) hit(off int, msg string) {
	if s.err == nil {
		s.err = &limitHit{off: off, msg: msg}
	}
}

// limitErr returns the limit passed during the parse that used pc, if any.
func limitErr(pc parser.Context, src []byte) *LimitError {
	s, ok := pc.Get(limitsKey).(*limitState)
	if !ok || s.err == nil {
		return nil
	}
	return &LimitError{Line: lineAt(src, s.err.off), Msg: s.err.msg}
}

// lineAt is the line of src that the byte at offset off is on, from 1.
func lineAt(src []byte, off int) int {
	return bytes.Count(src[:min(max(off, 0), len(src))], []byte("\n")) + 1
}

// markCounter is an inline parser that runs before all others on the
// characters that open emphasis, code spans and links. It counts them in each
// inline block, and footnote references ("[^") in the whole body. goldmark
// matches emphasis and links by searching back through all the marks of the
// block, and code spans and link destinations by searching forward through
// the rest of it. Past a limit, the counter takes the rest of the block as its
// own, so that no other parser sees it, and Render reports the limit.
type markCounter struct{}

func (markCounter) Trigger() []byte {
	return []byte{'*', '_', '~', '`', '[', ']', '!'}
}

func (markCounter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if line[0] == '!' && (len(line) < 2 || line[1] != '[') {
		return nil
	}
	s := stateOf(pc)
	if bytes.HasPrefix(bytes.TrimPrefix(line, []byte("!")), []byte("[^")) {
		s.refs++
	}
	s.marks++
	switch {
	case s.marks > maxMarks:
		s.hit(seg.Start, marksMessage)
	case s.refs > maxFootnoteRefs:
		s.hit(seg.Start, footnoteRefMsg)
	default:
		return nil
	}
	for line != nil {
		block.AdvanceLine()
		line, _ = block.PeekLine()
	}
	return ast.NewText()
}

// CloseBlock starts the count again for the next inline block.
func (markCounter) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	stateOf(pc).marks = 0
}

// paragraphLimits is a paragraph transformer that runs before goldmark's
// link reference definitions and tables take their lines from a paragraph,
// and holds the paragraph to two limits:
//
//   - the lines that may start a link reference definition times all its
//     lines at most maxDefinitionWork;
//   - a table at most as many cells as it has bytes. goldmark gives each row
//     as many cells as the header, so without this limit a wide header over
//     short rows yields cells in the square of the input's size. Rows that
//     write all their cells, even empty ones ("| |"), never reach it.
//
// A paragraph past a limit keeps only its first line.
type paragraphLimits struct{}

// tableMessage is the message of a table with cols columns past its limit.
func tableMessage(cols int) string {
	return fmt.Sprintf("tabel %d kolom ini kekurangan sel di banyak barisnya; tulis setiap sel, juga yang kosong (| |)", cols)
}

func (paragraphLimits) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	defs := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		v := seg.Value(src)
		if w, pos := util.IndentWidth(v, 0); w <= 3 && pos < len(v) && v[pos] == '[' {
			defs++
		}
	}
	if defs*lines.Len() > maxDefinitionWork {
		stateOf(pc).hit(lines.At(0).Start, definitionMsg)
		lines.SetSliced(0, 1)
		return
	}
	// rest is the size of the lines from i-1 on. goldmark makes a table of
	// the first row it takes for a delimiter row; tableColumns takes more,
	// so every one it takes is checked.
	rest := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		rest += seg.Len()
	}
	for i := 1; i < lines.Len(); i++ {
		prev, seg := lines.At(i-1), lines.At(i)
		if cols := tableColumns(seg.Value(src)); cols*(lines.Len()-i) > rest {
			stateOf(pc).hit(prev.Start, tableMessage(cols))
			lines.SetSliced(0, 1)
			return
		}
		rest -= prev.Len()
	}
}

// tableColumns returns the number of columns of line if it may be the
// delimiter row of a table, and 0 otherwise. It accepts every row that
// goldmark's table extension accepts, and a few more.
func tableColumns(line []byte) int {
	dash := false
	for _, c := range line {
		switch {
		case c == '-':
			dash = true
		case c == '|' || c == ':' || util.IsSpace(c):
		default:
			return 0
		}
	}
	if !dash {
		return 0
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	return len(cols)
}

// checkDepth holds the containers of doc, which scan has already bounded, to
// maxDepth exactly.
func checkDepth(doc ast.Node, src []byte) *LimitError {
	var walk func(n ast.Node, depth int) *LimitError
	walk = func(n ast.Node, depth int) *LimitError {
		switch n.Kind() {
		case ast.KindListItem, ast.KindBlockquote, east.KindFootnote:
			if depth++; depth > maxDepth {
				return &LimitError{Line: lineAt(src, n.Pos()), Msg: depthMessage}
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() != ast.TypeBlock {
				continue
			}
			if err := walk(c, depth); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(doc, 0)
}

// firstLimitErr returns the one of errs on the earliest line, or nil.
func firstLimitErr(errs ...*LimitError) error {
	var first *LimitError
	for _, e := range errs {
		if e != nil && (first == nil || e.Line < first.Line) {
			first = e
		}
	}
	if first == nil {
		return nil
	}
	return first
}
