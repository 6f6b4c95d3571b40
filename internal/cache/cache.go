// Package cache keeps the most recently used answers of a computation whose inputs
// never change while the cache lives: searches of one index, comparisons of one
// build. A nil *LRU keeps nothing, so a cache can be switched off.
package cache

import (
	"container/list"
	"sync"
)

// LRU holds up to a fixed number of values, forgetting the least recently used.
// It is safe for concurrent use.
type LRU[K comparable, V any] struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *entry[K, V], most recent first
	byKey map[K]*list.Element
}

type entry[K comparable, V any] struct {
	key K
	val V
}

// New returns a cache of size entries, or nil (no cache) when size is not positive.
func New[K comparable, V any](size int) *LRU[K, V] {
	if size <= 0 {
		return nil
	}
	return &LRU[K, V]{size: size, order: list.New(), byKey: map[K]*list.Element{}}
}

// Get returns the value kept for key.
func (c *LRU[K, V]) Get(key K) (V, bool) {
	var zero V
	if c == nil {
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry[K, V]).val, true
}

// GetOrPut returns the value kept for key and true, or keeps val for key and
// returns it and false. Concurrent callers with one key get one value, so a value
// that computes its contents once (with a sync.Once) computes them once for all.
func (c *LRU[K, V]) GetOrPut(key K, val V) (V, bool) {
	if c == nil {
		return val, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry[K, V]).val, true
	}
	c.add(key, val)
	return val, false
}

// Put keeps val for key.
func (c *LRU[K, V]) Put(key K, val V) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		e.Value.(*entry[K, V]).val = val
		c.order.MoveToFront(e)
		return
	}
	c.add(key, val)
}

// add keeps val for a key it does not hold yet, forgetting the least recently used
// value when full. The caller holds c.mu.
func (c *LRU[K, V]) add(key K, val V) {
	c.byKey[key] = c.order.PushFront(&entry[K, V]{key, val})
	if c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*entry[K, V]).key)
	}
}
