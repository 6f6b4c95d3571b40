package search

import (
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// documents makes the bleve documents of docs, with every field analysed as bleve's
// mapping would have it, and each distinct text analysed once: a section of a
// version in force is in both indexes, and titles and headings repeat from section
// to section. Given documents to map, bleve would analyse every text of each.
type documents struct {
	analyzer       analysis.Analyzer
	textOptions    index.FieldIndexingOptions
	keywordOptions []index.FieldIndexingOptions // of keywordFields

	workers int // goroutines that analyse a chunk

	mu     sync.Mutex
	shared map[[2]string]*analysedField // by field and text: the titles and headings
}

func newDocuments(m mapping.IndexMapping, workers int) *documents {
	ds := &documents{
		workers:     max(workers, 1),
		analyzer:    m.AnalyzerNamed(analyzerName),
		textOptions: textMapping().Options(),
		shared:      map[[2]string]*analysedField{},
	}
	for _, k := range keywordFields {
		ds.keywordOptions = append(ds.keywordOptions, k.mapping().Options())
	}
	return ds
}

func (ds *documents) analyse(field, text string) *analysedField {
	return analyse(field, text, ds.textOptions, ds.analyzer)
}

// sharedField returns the analysed field of a title or a heading.
func (ds *documents) sharedField(field, text string) *analysedField {
	key := [2]string{field, text}
	ds.mu.Lock()
	f, ok := ds.shared[key]
	ds.mu.Unlock()
	if !ok {
		f = ds.analyse(field, text)
		ds.mu.Lock()
		ds.shared[key] = f
		ds.mu.Unlock()
	}
	return f
}

// chunk returns the documents of the ids of a chunk that current holds and those
// of all, which holds every id, analysing them with ds.workers goroutines.
func (ds *documents) chunk(ids []string, current, all map[string]*doc) (cur, every []*document.Document) {
	cur = make([]*document.Document, len(ids))
	every = make([]*document.Document, len(ids))
	var wg sync.WaitGroup
	workers := ds.workers
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(ids); i += workers {
				id := ids[i]
				text := ds.analyse(textFields[2], all[id].Text)
				every[i] = ds.document(id, all[id], text)
				if d := current[id]; d != nil {
					cur[i] = ds.document(id, d, text)
				}
			}
		})
	}
	wg.Wait()
	return slices.DeleteFunc(cur, func(d *document.Document) bool { return d == nil }), every
}

// document returns the bleve document of d, whose text is analysed already. Its
// fields are those that bleve's mapping would make of d, analysed as it would.
func (ds *documents) document(id string, d *doc, text *analysedField) *document.Document {
	out := document.NewDocument(id)
	out.AddField(ds.sharedField(textFields[0], d.Title))
	out.AddField(ds.sharedField(textFields[1], d.Heading))
	out.AddField(text)
	for i, k := range keywordFields {
		for j, v := range k.values(d) {
			var at []uint64
			if k.list {
				at = []uint64{uint64(j)}
			}
			out.AddField(analyseKeyword(k.name, v, at, ds.keywordOptions[i]))
		}
	}
	out.SetIndexed()
	return out
}
