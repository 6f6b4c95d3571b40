package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// ops are the file system operations by which a publish changes anything on disk.
// They are a seam: tests make each of them fail, or the process die, in turn, and
// check that the output and data directories still hold one build.
type ops interface {
	MkdirAll(path string, perm fs.FileMode) error
	WriteFile(name string, data []byte, perm fs.FileMode) error
	Create(name string) (io.WriteCloser, error)
	Rename(from, to string) error
	// Exchange swaps the directories a and b in one step, or returns
	// errNoExchange where the system cannot.
	Exchange(a, b string) error
	RemoveAll(path string) error
}

// errNoExchange is Exchange's error where the file system cannot swap two
// directories atomically.
var errNoExchange = errors.New("atomic exchange of directories is not supported here")

// osOps are the operations of the real file system.
type osOps struct{}

func (osOps) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }
func (osOps) WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}
func (osOps) Create(name string) (io.WriteCloser, error) { return os.Create(name) }
func (osOps) Rename(from, to string) error               { return os.Rename(from, to) }
func (osOps) Exchange(a, b string) error                 { return exchange(a, b) }
func (osOps) RemoveAll(path string) error                { return os.RemoveAll(path) }
