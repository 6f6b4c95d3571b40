package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on a query, so that no request can make the index do unbounded work.
const (
	MaxQueryLength = 256 // characters
	maxClauses     = 16
	minPrefix      = 2 // letters before a *
)

// clause is one part of a reader's query: a word, a "quoted phrase" or a prefix*,
// any of them excluded with a leading -. Clauses joined by OR are alternatives:
// either will do.
type clause struct {
	text    string
	phrase  bool
	prefix  bool
	exclude bool
	or      bool // joined to the clause before by OR
	// start and end are where text is in the query, so that a correction can
	// be written over it.
	start, end int
}

// The operators of a query, in capitals as written; in lowercase they are words.
const (
	opOr  = "OR"
	opAnd = "AND" // what a query means anyway: every word
)

// QueryError is a query that cannot be answered; its message is for the reader.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// parseQuery splits the reader's query into clauses and checks them. It accepts any
// input: characters with a meaning in other query languages (+, :, ^, ~,
// parentheses) are plain punctuation here, and an unclosed quote ends at the end
// of the query.
func parseQuery(q string) ([]clause, error) {
	clauses, err := splitQuery(q)
	if err != nil {
		return nil, err
	}
	return checkClauses(clauses)
}

// splitQuery splits the reader's query into clauses, refusing only a query too
// long or not UTF-8. OR and AND between two clauses are operators; anywhere
// else they are words.
func splitQuery(q string) ([]clause, error) {
	if utf8.RuneCountInString(q) > MaxQueryLength {
		return nil, &QueryError{Msg: "kueri terlalu panjang (paling banyak 256 karakter)"}
	}
	if !utf8.ValidString(q) {
		return nil, &QueryError{Msg: "kueri bukan teks UTF-8 yang sah"}
	}
	var clauses []clause
	var op clause // an operator read after the last clause, not yet applied
	for at := 0; ; {
		at += len(q[at:]) - len(strings.TrimLeftFunc(q[at:], unicode.IsSpace))
		if at == len(q) {
			break
		}
		c, next := readClause(q, at)
		at = next
		if !c.phrase && !c.exclude && !c.prefix && (c.text == opOr || c.text == opAnd) && len(clauses) > 0 && op.text == "" {
			op = c
			continue
		}
		if op.text != "" && letters(c.text) > 0 {
			c.or = op.text == opOr && !c.exclude && !clauses[len(clauses)-1].exclude
			op = clause{}
		}
		if letters(c.text) > 0 {
			clauses = append(clauses, c)
		}
	}
	if op.text != "" { // a last operator joins nothing: it is a word
		clauses = append(clauses, op)
	}
	return clauses, nil
}

// readClause reads the clause that starts at q[at], and returns it and where
// the rest of the query starts.
func readClause(q string, at int) (clause, int) {
	var c clause
	if q[at] == '-' {
		c.exclude = true
		at++
	}
	if strings.HasPrefix(q[at:], `"`) {
		text, _, found := strings.Cut(q[at+1:], `"`)
		c.text, c.phrase, c.start, c.end = text, true, at+1, at+1+len(text)
		if found {
			return c, c.end + 1
		}
		return c, c.end
	}
	end := strings.IndexFunc(q[at:], unicode.IsSpace)
	if end < 0 {
		end = len(q) - at
	}
	c.text, c.start, c.end = q[at:at+end], at, at+end
	if t, ok := strings.CutSuffix(c.text, "*"); ok && letters(t) >= minPrefix {
		c.text, c.prefix = strings.TrimRight(t, "*"), true
		c.end = c.start + len(c.text)
	}
	return c, at + end
}

func checkClauses(clauses []clause) ([]clause, error) {
	if len(clauses) > maxClauses {
		return nil, &QueryError{Msg: "kueri terlalu banyak kata (paling banyak 16)"}
	}
	for _, c := range clauses {
		if !c.exclude {
			return clauses, nil
		}
	}
	if len(clauses) > 0 {
		return nil, &QueryError{Msg: "kueri hanya berisi pengecualian (-kata); tambahkan kata yang dicari"}
	}
	return nil, nil
}

// letters counts the letters and digits of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
