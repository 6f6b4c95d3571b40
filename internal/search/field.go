package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// An analysedField is a field of a document, analysed when it is made, so that
// scorch, which analyses every field of every document it indexes, need not. The
// documents of both indexes share the field of a text (see documents), which zap
// only reads; it merges the terms of fields of the same name in a document into
// the first, so the fields of keywords, which may be several, are never shared.
//
// Its term vectors keep each term's positions, which phrase queries need, but not
// its offsets in the text, which only bleve's highlighter reads: fragments are cut
// from the catalog's text (see fragments). An offset of zero takes a byte in the
// index, where a real one took two or three.
type analysedField struct {
	name    string
	text    string
	at      []uint64 // the field's array positions
	options index.FieldIndexingOptions
	length  int // in tokens
	freqs   index.TokenFrequencies
	size    int
}

// analyse makes the field of a text, analysing it with a.
func analyse(name, text string, options index.FieldIndexingOptions, a analysis.Analyzer) *analysedField {
	tokens := a.Analyze([]byte(text))
	f := &analysedField{name: name, text: text, options: options, length: len(tokens), freqs: frequencies(tokens)}
	f.size = len(name) + len(text) + f.freqs.Size()
	return f
}

// analyseKeyword makes the field of a keyword, which bleve's keyword analyzer takes as
// one term, and which is analysed only if it is indexed.
func analyseKeyword(name, value string, at []uint64, options index.FieldIndexingOptions) *analysedField {
	f := &analysedField{name: name, text: value, at: at, options: options}
	if options.IsIndexed() {
		tf := &index.TokenFreq{Term: []byte(value)}
		tf.SetFrequency(1)
		f.length, f.freqs = 1, index.TokenFrequencies{value: tf}
	}
	f.size = len(name) + len(value) + f.freqs.Size()
	return f
}

// frequencies counts the terms of tokens and lists their positions, as
// analysis.TokenFrequency does for a field with term vectors, in a few blocks of
// memory rather than several allocations a term.
func frequencies(tokens analysis.TokenStream) index.TokenFrequencies {
	freqs := make(index.TokenFrequencies, len(tokens))
	terms := make([]index.TokenFreq, 0, len(tokens))
	termOf := make([]*index.TokenFreq, len(tokens)) // by token
	for i, tok := range tokens {
		tf := freqs[string(tok.Term)]
		if tf == nil {
			terms = append(terms, index.TokenFreq{Term: tok.Term})
			tf = &terms[len(terms)-1]
			freqs[string(tok.Term)] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
		termOf[i] = tf
	}
	locations := make([]index.TokenLocation, len(tokens))
	pointers := make([]*index.TokenLocation, len(tokens))
	for i := range terms {
		n := terms[i].Frequency()
		terms[i].Locations, pointers = pointers[:0:n], pointers[n:]
	}
	for i, tok := range tokens {
		locations[i].Position = tok.Position
		termOf[i].Locations = append(termOf[i].Locations, &locations[i])
	}
	return freqs
}

func (f *analysedField) Name() string                                     { return f.name }
func (f *analysedField) ArrayPositions() []uint64                         { return f.at }
func (f *analysedField) Options() index.FieldIndexingOptions              { return f.options }
func (f *analysedField) Analyze()                                         {}
func (f *analysedField) Value() []byte                                    { return []byte(f.text) }
func (f *analysedField) NumPlainTextBytes() uint64                        { return uint64(len(f.text)) }
func (f *analysedField) Size() int                                        { return f.size }
func (f *analysedField) EncodedFieldType() byte                           { return 't' }
func (f *analysedField) AnalyzedLength() int                              { return f.length }
func (f *analysedField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }
