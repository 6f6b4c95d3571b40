package search

import "testing"

func TestResultCache(t *testing.T) {
	c := newResultCache(2)
	a, b, d := &Result{Total: 1}, &Result{Total: 2}, &Result{Total: 3}
	c.put("a", a)
	c.put("b", b)
	if c.get("a") != a { // a is now the most recent
		t.Fatal("a was not kept")
	}
	c.put("d", d) // evicts b, the least recently used
	if c.get("b") != nil || c.get("a") != a || c.get("d") != d {
		t.Error("the cache did not evict the least recently used answer")
	}
	var none *resultCache
	none.put("a", a)
	if none.get("a") != nil || newResultCache(0) != nil {
		t.Error("a zero-size cache keeps answers")
	}
	if cacheKey(Request{Query: "a b"}) == cacheKey(Request{Query: "a", Tag: "b"}) {
		t.Error("two requests share a cache key")
	}
}
