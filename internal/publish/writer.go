package publish

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// A Writer writes files below a directory as they come, making each directory
// they need once, and remembers their names. It is safe for concurrent use.
type Writer struct {
	root  string
	ops   ops
	mu    sync.Mutex
	dirs  map[string]bool
	names map[string]bool
}

func newWriter(root string, o ops) *Writer {
	return &Writer{root: root, ops: o, dirs: map[string]bool{".": true}, names: map[string]bool{}}
}

// Write writes data to the file name, a slash-separated path below the root
// that names no dot-file at the top.
func (w *Writer) Write(name string, data []byte) error {
	target, err := w.prepare(name)
	if err != nil {
		return err
	}
	if err := w.ops.WriteFile(target, data, 0o644); err != nil {
		return err
	}
	w.done(name)
	return nil
}

// Create opens the file name for writing, for content too large to hold at once.
// The file counts as written once it is closed without error.
func (w *Writer) Create(name string) (io.WriteCloser, error) {
	target, err := w.prepare(name)
	if err != nil {
		return nil, err
	}
	f, err := w.ops.Create(target)
	if err != nil {
		return nil, err
	}
	return &created{WriteCloser: f, w: w, name: name}, nil
}

type created struct {
	io.WriteCloser
	w    *Writer
	name string
}

func (c *created) Close() error {
	if err := c.WriteCloser.Close(); err != nil {
		return err
	}
	c.w.done(c.name)
	return nil
}

// WriteFS copies every regular file of fsys below the directory dir, and the
// files that links in fsys lead to (fsys decides which links it follows).
func (w *Writer) WriteFS(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			if err != nil {
				return err
			}
			if !info.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return w.Write(path.Join(dir, p), data)
	})
}

// Path is the file name's path on disk, for a writer of its own such as the
// search index, which makes the directory itself.
func (w *Writer) Path(name string) (string, error) {
	if err := validName(name); err != nil {
		return "", err
	}
	return filepath.Join(w.root, filepath.FromSlash(name)), nil
}

// prepare checks name and makes its directory.
func (w *Writer) prepare(name string) (string, error) {
	target, err := w.Path(name)
	if err != nil {
		return "", err
	}
	if err := w.mkdir(path.Dir(name)); err != nil {
		return "", err
	}
	return target, nil
}

func validName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("invalid output path %q", name)
	}
	return nil
}

func (w *Writer) done(name string) {
	w.mu.Lock()
	w.names[name] = true
	w.mu.Unlock()
}

// mkdir makes the directory dir below the root, unless it was made already.
func (w *Writer) mkdir(dir string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dirs[dir] {
		return nil
	}
	if err := w.ops.MkdirAll(filepath.Join(w.root, filepath.FromSlash(dir)), 0o755); err != nil {
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
