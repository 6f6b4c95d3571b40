// Package dirfs reads trees of files that naskah does not trust, such as a
// content directory or a theme that anyone may send a change to.
//
// [New] opens a directory on disk as an fs.FS, as os.DirFS does, but one that
// never leaves the directory and never blocks:
//
//   - A path or a symbolic link that leads outside the directory is an error,
//     [ErrOutside]; symbolic links that stay inside it work. The check is the
//     kernel's, through os.Root, so a link swapped in halfway cannot escape.
//   - Open opens without blocking and refuses, with [ErrIrregular], anything
//     that is neither a regular file nor a directory (a FIFO, a device, a
//     socket), checking the file it opened, so that a FIFO swapped in after a
//     Stat cannot hang the reader.
//   - Stat does not open, and reports what an entry is, FIFOs included, so
//     that a reader can name an entry it refuses.
//
// [ReadFile] reads one file of any fs.FS with a cap on its size, enforced
// while reading.
//
// Callers that walk a tree should still check each fs.DirEntry's type before
// opening it, so that they refuse irregular entries on any fs.FS and can say
// what the entry is.
package dirfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Errors of the FS and of ReadFile, inside *fs.PathError.
var (
	ErrOutside   = errors.New("leads outside the directory")
	ErrIrregular = errors.New("not a regular file or directory")
	ErrTooLarge  = errors.New("larger than the size limit")
	errIsDir     = errors.New("is a directory")
)

// New returns the tree rooted at the directory dir as an fs.FS that
// implements fs.StatFS. Like os.DirFS, it holds no open file: each call opens
// dir afresh, so that it keeps seeing the directory at that path even after
// the directory is replaced.
func New(dir string) fs.FS { return dirFS(dir) }

type dirFS string

// Open opens name for reading, refusing anything but a regular file or a
// directory.
func (d dirFS) Open(name string) (fs.File, error) {
	root, err := d.root("open", name)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, pathError("open", name, root, err)
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		err = ErrIrregular
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// Stat returns the FileInfo of name, following symbolic links, without
// opening it.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	root, err := d.root("stat", name)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	info, err := root.Stat(name)
	if err != nil {
		return nil, pathError("stat", name, root, err)
	}
	return info, nil
}

// root opens d for the operation op on name.
func (d dirFS) root(op, name string) (*os.Root, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return os.OpenRoot(string(d))
}

// pathError returns the error err that root gave for name, as an
// *fs.PathError for op, with ErrOutside for a path that leaves root. os does
// not export the error os.Root gives for such a path, so pathError asks root
// for one to compare with.
func pathError(op, name string, root *os.Root, err error) error {
	_, escape := root.Stat("..")
	var perr *fs.PathError
	switch {
	case errors.Is(err, errors.Unwrap(escape)):
		err = ErrOutside
	case errors.As(err, &perr):
		err = perr.Err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// ReadFile reads the regular file name of fsys and returns its bytes with the
// FileInfo of the file it read. It fails with ErrTooLarge when the file holds
// more than limit bytes, and reads at most limit+1 bytes, whatever the file's
// size claims. On any fs.FS but New's, whose Open is safe, it opens nothing
// that fs.Stat reports as other than a regular file.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, fs.FileInfo, error) {
	if _, safe := fsys.(dirFS); !safe {
		if err := statRegular(fsys, name); err != nil {
			return nil, nil, err
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, info, err := readRegular(f, limit)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, info, nil
}

// statRegular returns an error unless fs.Stat reports name as a regular file.
func statRegular(fsys fs.FS, name string) error {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return err
	}
	if err := regular(info); err != nil {
		return &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return nil
}

// readRegular reads f, refusing it unless it is a regular file.
func readRegular(f fs.File, limit int64) ([]byte, fs.FileInfo, error) {
	info, err := f.Stat()
	if err == nil {
		err = regular(info)
	}
	if err != nil {
		return nil, nil, err
	}
	data, err := readAll(f, info.Size(), limit)
	return data, info, err
}

// regular returns an error unless info is of a regular file.
func regular(info fs.FileInfo) error {
	switch {
	case info.Mode().IsRegular():
		return nil
	case info.IsDir():
		return errIsDir
	}
	return ErrIrregular
}

// readAll reads r, whose size is said to be size, failing with ErrTooLarge
// once it has read more than limit bytes. Like fs.ReadFile, it allocates once
// when size is right.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit+1)
	data := make([]byte, 0, min(max(size, 0), limit)+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	return data, nil
}
