package search

import (
	"container/list"
	"fmt"
	"sync"
)

// DefaultCacheSize is how many answers an Index keeps. Readers ask the same few
// questions again and again, and an index never changes once opened (the live
// preview's Update makes a new Index with an empty cache), so a kept answer stays
// right for the life of the Index.
const DefaultCacheSize = 1024

// resultCache keeps the most recently used answers. A nil *resultCache keeps none.
type resultCache struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *cacheEntry, most recent first
	byKey map[string]*list.Element
}

type cacheEntry struct {
	key string
	res *Result
}

func newResultCache(size int) *resultCache {
	if size <= 0 {
		return nil
	}
	return &resultCache{size: size, order: list.New(), byKey: map[string]*list.Element{}}
}

// cacheKey names a normalized request.
func cacheKey(r Request) string {
	return fmt.Sprintf("%q|%q|%q|%q|%t|%d|%d", r.Query, r.Regions, r.Tag, r.Status, r.AllVersions, r.Page, r.Size)
}

func (c *resultCache) get(key string) *Result {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).res
}

func (c *resultCache) put(key string, res *Result) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		e.Value.(*cacheEntry).res = res
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key, res})
	if c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*cacheEntry).key)
	}
}
