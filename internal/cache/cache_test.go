package cache

import "testing"

func TestLRU(t *testing.T) {
	c := New[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	if v, ok := c.Get("a"); !ok || v != 1 { // a is now the most recent
		t.Fatalf("Get(a) = %d, %v", v, ok)
	}
	c.Put("c", 3) // evicts b, the least recently used
	if _, ok := c.Get("b"); ok {
		t.Error("b was kept past the size")
	}
	if v, _ := c.Get("a"); v != 1 {
		t.Error("a was evicted instead of b")
	}
	c.Put("a", 4)
	if v, _ := c.Get("a"); v != 4 {
		t.Error("Put did not replace a's value")
	}
	var none *LRU[string, int]
	none.Put("a", 1)
	if _, ok := none.Get("a"); ok || New[string, int](0) != nil {
		t.Error("a switched-off cache keeps values")
	}
}

func TestGetOrPut(t *testing.T) {
	c := New[string, int](2)
	if v, loaded := c.GetOrPut("a", 1); loaded || v != 1 {
		t.Errorf("GetOrPut(a, 1) on an empty cache = %d, %v", v, loaded)
	}
	if v, loaded := c.GetOrPut("a", 2); !loaded || v != 1 {
		t.Errorf("GetOrPut(a, 2) = %d, %v; want the value kept, 1", v, loaded)
	}
	c.GetOrPut("b", 3)
	c.GetOrPut("a", 0) // a is now the most recent
	c.GetOrPut("c", 4) // evicts b
	if _, ok := c.Get("b"); ok {
		t.Error("b was kept past the size")
	}
	var none *LRU[string, int]
	if v, loaded := none.GetOrPut("a", 5); loaded || v != 5 {
		t.Errorf("a switched-off cache: GetOrPut(a, 5) = %d, %v", v, loaded)
	}
}
