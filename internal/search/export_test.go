package search

import "golang.org/x/sync/singleflight"

// WithBleveFacets returns a copy of ix that keeps no answers and lets bleve count
// the facets, as it does for the live preview's writable index.
func WithBleveFacets(ix *Index) *Index {
	c := *ix
	c.currentFacets, c.allFacets = nil, nil
	c.cache = nil
	c.searching = new(singleflight.Group)
	return &c
}

// CountsFacets reports whether ix counts the facets itself.
func CountsFacets(ix *Index) bool { return ix.currentFacets != nil && ix.allFacets != nil }
