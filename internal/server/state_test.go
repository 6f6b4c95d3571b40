package server

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// TestReloadDuringSearches swaps the state again and again while searches run:
// none may fail, and every old index is closed once its searches are done.
func TestReloadDuringSearches(t *testing.T) {
	s := newTestServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ctx.Err() == nil && n < 500; n++ {
				res, body := get(t, s, "GET", "/api/v1/search?q=pelatihan")
				if res.StatusCode != http.StatusOK {
					errs <- body
					return
				}
			}
		}()
	}
	var retired []*state
	for n := 0; ctx.Err() == nil && n < 20; n++ {
		old := s.state.Load()
		if err := s.Reload(); err != nil {
			t.Fatal(err)
		}
		retired = append(retired, old)
	}
	cancel()
	wg.Wait()
	close(errs)
	for body := range errs {
		t.Errorf("a search failed during a reload: %s", body)
	}
	for _, st := range retired {
		select {
		case <-st.done:
		case <-time.After(5 * time.Second):
			t.Fatal("a swapped-out index was never closed")
		}
	}
}
