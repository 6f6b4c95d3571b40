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
	"path/filepath"
	"strings"
)

// WriteFiles writes files, keyed by slash-separated paths, below root.
func WriteFiles(root string, files map[string][]byte) error { return writeAll(root, files) }

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

func writeAll(root string, files map[string][]byte) error {
	for name, data := range files {
		if !fs.ValidPath(name) || strings.HasPrefix(name, ".") {
			return fmt.Errorf("invalid output path %q", name)
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

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
