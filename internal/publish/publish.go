// Package publish writes a built site to its output directory all at once.
//
// The files are written into a fresh directory beside the output and swapped into
// place with renames, so readers of the output directory see either the old site or
// the new one: a build that fails leaves the output byte for byte as it was, and a
// build that succeeds leaves no stale file of an earlier build. Dot-files at the top
// of the old output (such as the .gitkeep that keeps public/ in git) are carried over.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// WriteFiles writes files, keyed by slash-separated paths, below root.
func WriteFiles(root string, files map[string][]byte) error {
	w := NewWriter(root)
	for name, data := range files {
		if err := w.Write(name, data); err != nil {
			return err
		}
	}
	return nil
}

// A Writer writes files below a directory as they come, making each directory
// they need once, and remembers their names. It is safe for concurrent use.
type Writer struct {
	root  string
	mu    sync.Mutex
	dirs  map[string]bool
	names map[string]bool
}

// NewWriter returns a Writer of files below root, which must exist.
func NewWriter(root string) *Writer {
	return &Writer{root: root, dirs: map[string]bool{".": true}, names: map[string]bool{}}
}

// Write writes data to the file name, a slash-separated path below the root
// that names no dot-file at the top.
func (w *Writer) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("invalid output path %q", name)
	}
	if err := w.mkdir(path.Dir(name)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(w.root, filepath.FromSlash(name)), data, 0o644); err != nil {
		return err
	}
	w.mu.Lock()
	w.names[name] = true
	w.mu.Unlock()
	return nil
}

// mkdir makes the directory dir below the root, unless it was made already.
func (w *Writer) mkdir(dir string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(w.root, filepath.FromSlash(dir)), 0o755); err != nil {
		return err
	}
	for ; !w.dirs[dir]; dir = path.Dir(dir) {
		w.dirs[dir] = true
	}
	return nil
}

// Has tells whether the file name was written.
func (w *Writer) Has(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.names[name]
}

// Read reads back the file name.
func (w *Writer) Read(name string) ([]byte, error) {
	if !w.Has(name) {
		return nil, fs.ErrNotExist
	}
	return os.ReadFile(filepath.Join(w.root, filepath.FromSlash(name)))
}

// Len is how many files were written.
func (w *Writer) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.names)
}

// Staged is a directory's new content, written beside it and not yet in place.
type Staged struct {
	dir, tmp string
}

// Stage creates a fresh directory beside dir and lets fill write dir's new content
// into it. Nothing in dir changes until Commit.
func Stage(dir string, fill func(tmp string) error) (*Staged, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	st := &Staged{dir: dir, tmp: tmp}
	if err := fill(tmp); err != nil {
		st.Discard()
		return nil, fmt.Errorf("publish: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		st.Discard()
		return nil, fmt.Errorf("publish: %w", err)
	}
	return st, nil
}

// Commit swaps the staged content into place, carrying over the top-level
// dot-files of the old directory, and removes the old content.
func (st *Staged) Commit() error {
	err := carryDotFiles(st.dir, st.tmp)
	if err == nil {
		err = swap(st.dir, st.tmp)
	}
	if err != nil {
		st.Discard()
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// Discard removes the staged content; dir stays as it was.
func (st *Staged) Discard() { os.RemoveAll(st.tmp) }

// carryDotFiles copies the regular dot-files at the top of dir into tmp.
func carryDotFiles(dir, tmp string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap moves tmp into dir's place and removes the old dir.
func swap(dir, tmp string) error {
	old := tmp + "-old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			return fmt.Errorf("%w (and restoring the old output failed: %v)", err, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}
