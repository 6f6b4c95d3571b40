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
// any of them excluded with a leading -.
type clause struct {
	text    string
	phrase  bool
	prefix  bool
	exclude bool
}

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
// long or not UTF-8.
func splitQuery(q string) ([]clause, error) {
	if utf8.RuneCountInString(q) > MaxQueryLength {
		return nil, &QueryError{Msg: "kueri terlalu panjang (paling banyak 256 karakter)"}
	}
	if !utf8.ValidString(q) {
		return nil, &QueryError{Msg: "kueri bukan teks UTF-8 yang sah"}
	}
	var clauses []clause
	for rest := strings.TrimSpace(q); rest != ""; rest = strings.TrimSpace(rest) {
		var c clause
		if strings.HasPrefix(rest, "-") {
			c.exclude = true
			rest = rest[1:]
		}
		if strings.HasPrefix(rest, `"`) {
			text, after, _ := strings.Cut(rest[1:], `"`)
			c.text, c.phrase, rest = text, true, after
		} else {
			end := strings.IndexFunc(rest, unicode.IsSpace)
			if end < 0 {
				end = len(rest)
			}
			c.text, rest = rest[:end], rest[end:]
			if t, ok := strings.CutSuffix(c.text, "*"); ok && letters(t) >= minPrefix {
				c.text, c.prefix = strings.TrimRight(t, "*"), true
			}
		}
		if letters(c.text) > 0 {
			clauses = append(clauses, c)
		}
	}
	return clauses, nil
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
