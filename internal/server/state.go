package server

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"naskah/internal/cache"
	"naskah/internal/catalog"
	"naskah/internal/search"
	"naskah/internal/theme"
)

// state is what the dynamic routes read: one build's catalog, index and theme. The
// server swaps in a new state after a rebuild; the old one closes its index when the
// last request using it is done.
type state struct {
	cat   *catalog.Catalog
	index *search.Index
	theme *theme.Theme
	// compares keeps recent comparisons: a build's texts never change, and the
	// links on version pages make a few pairs popular.
	compares *cache.LRU[string, *comparison]
	// searches keeps the API's answers to recent searches, encoded.
	searches *cache.LRU[string, *encoded]
	// modTime is when the catalog was written: the Last-Modified of what the
	// server derives from the build alone.
	modTime time.Time
	// build is the id of the build, when the state was read from its snapshot.
	build string
	// asOf is the catalog's status as of the day last asked for, and
	// staleLogged whether the pages were reported out of date.
	asOf        atomic.Pointer[catalog.AsOf]
	staleLogged atomic.Bool

	// shared is set when the index belongs to the live preview, which updates it
	// in place and closes it itself.
	shared bool

	mu     sync.RWMutex // held for reading while a request uses the state
	closed bool
	done   chan struct{} // closed once the index is closed
}

// loadState loads the build whose site is in out: the snapshot of the data
// directory that its build file names, once the snapshot is checked whole.
func loadState(out, data string) (*state, error) {
	snap, err := catalog.Locate(out, data)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	cat, err := catalog.Read(snap.Catalog())
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	info, err := os.Stat(snap.Catalog())
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	th, err := theme.Load(os.DirFS(snap.Theme()), cat.Language)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	idx, err := search.Open(snap.Index(), cat)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	st := newState(cat, idx, th, info.ModTime())
	st.build = snap.ID
	return st, nil
}

// compareCacheSize is how many comparisons a state keeps.
const compareCacheSize = 256

func newState(cat *catalog.Catalog, idx *search.Index, th *theme.Theme, modTime time.Time) *state {
	return &state{
		cat: cat, index: idx, theme: th, modTime: modTime,
		compares: cache.New[string, *comparison](compareCacheSize),
		searches: cache.New[string, *encoded](search.DefaultCacheSize),
		done:     make(chan struct{}),
	}
}

// acquire returns the current state, held until release.
func (s *Server) acquire() *state {
	for {
		st := s.state.Load()
		st.mu.RLock()
		if !st.closed {
			return st
		}
		st.mu.RUnlock() // swapped out and closed meanwhile: take the new one
	}
}

func (st *state) release() { st.mu.RUnlock() }

// retire closes the state once no request holds it.
func (st *state) retire() {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.closed {
		return
	}
	st.closed = true
	if !st.shared {
		st.index.Close()
	}
	close(st.done)
}

// Reload reads the data directory again and swaps the new state in without failing
// a request in flight. On error the old state stays in use.
func (s *Server) Reload() error {
	s.reload.Lock()
	defer s.reload.Unlock()
	st, err := loadState(s.out, s.data)
	if err != nil {
		return err
	}
	old := s.state.Swap(st)
	go old.retire()
	s.asOf(st) // logs pages out of date
	return nil
}

// Swap serves a build of the live preview, whose catalog, index and theme it is
// given rather than reading them from the data directory. The preview owns the
// index and closes it.
func (s *Server) Swap(cat *catalog.Catalog, idx *search.Index, th *theme.Theme) {
	st := newState(cat, idx, th, time.Now())
	st.shared = true
	if old := s.state.Swap(st); old != nil {
		go old.retire()
	}
}

// Close releases the index.
func (s *Server) Close() error {
	s.state.Load().retire()
	return nil
}

// Build is the id of the build being served; empty for the live preview's.
func (s *Server) Build() string {
	st := s.acquire()
	defer st.release()
	return st.build
}
