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

// Write publishes files, keyed by slash-separated paths relative to dir, as the whole
// content of dir.
func Write(dir string, files map[string][]byte) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	if err := carryDotFiles(dir, tmp); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	if err := swap(dir, tmp); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

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
	return os.Chmod(root, 0o755)
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
