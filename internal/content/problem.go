package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Problem is an error or a warning about the content, located by file and
// line.
type Problem struct {
	Path    string // display path of the file or directory concerned
	Line    int    // 1-based line in the file, or 0 when no line applies
	Message string
	Warning bool // the problem does not stop the site from being built
}

// String formats p as "path:line: message", or as "path: message" when p.Line
// is 0. The message of a warning is preceded by "peringatan: ".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("peringatan: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is a list of problems. It is the error returned by [Load].
type Problems []Problem

// Error returns the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// hasErrors reports whether ps holds a problem that is not a warning.
func (ps Problems) hasErrors() bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return !p.Warning })
}

// sort orders ps by path, comparing paths element by element so that the
// problems of a directory and of the files in it stay together, then by line.
// Problems at the same place keep the order in which they were found.
func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			slices.Compare(strings.Split(a.Path, "/"), strings.Split(b.Path, "/")),
			cmp.Compare(a.Line, b.Line),
		)
	})
}

// A report collects the problems of one file or directory into a shared list.
type report struct {
	path  string // display path
	probs *Problems
}

// errorf records an error at line.
func (r report) errorf(line int, format string, args ...any) {
	r.add(line, false, format, args...)
}

// warnf records a warning at line.
func (r report) warnf(line int, format string, args ...any) {
	r.add(line, true, format, args...)
}

// add records a problem. Its message is escaped as the path is, since it may
// quote what a file holds.
func (r report) add(line int, warning bool, format string, args ...any) {
	*r.probs = append(*r.probs, Problem{
		Path:    r.path,
		Line:    line,
		Message: escapeText(fmt.Sprintf(format, args...)),
		Warning: warning,
	})
}
