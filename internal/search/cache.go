package search

import "fmt"

// DefaultCacheSize is how many answers an Index keeps. Readers ask the same few
// questions again and again, and an index never changes once opened (the live
// preview's Update makes a new Index with an empty cache), so a kept answer stays
// right for the life of the Index.
const DefaultCacheSize = 1024

// Key names r: requests with the same key get the same answer from an Index. The
// Index keys its answers by the key of the request with its defaults filled in.
func (r Request) Key() string {
	return fmt.Sprintf("%q|%q|%q|%q|%t|%t|%d|%d", r.Query, r.Regions, r.Tag, r.Status, r.AllVersions, r.Literal, r.Page, r.Size)
}
