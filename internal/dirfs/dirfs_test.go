//go:build linux

package dirfs

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// write writes the file name below dir with data, making its directories.
func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// fixture makes a tree holding every kind of entry New must handle.
func fixture(t *testing.T) string {
	t.Helper()
	dir, outside := t.TempDir(), t.TempDir()
	write(t, dir, "a/b.md", "isi")
	write(t, outside, "rahasia.txt", "kata sandi")
	symlink(t, "a/b.md", filepath.Join(dir, "inside"))
	symlink(t, "a", filepath.Join(dir, "inside-dir"))
	symlink(t, filepath.Join(outside, "rahasia.txt"), filepath.Join(dir, "outside"))
	symlink(t, "../"+filepath.Base(outside), filepath.Join(dir, "outside-relative"))
	symlink(t, outside, filepath.Join(dir, "outside-dir"))
	symlink(t, "/dev/zero", filepath.Join(dir, "zero"))
	symlink(t, "nowhere", filepath.Join(dir, "dangling"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, "fifo", filepath.Join(dir, "to-fifo"))
	ln, err := net.Listen("unix", filepath.Join(dir, "socket"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return dir
}

func TestOpen(t *testing.T) {
	fsys := New(fixture(t))
	for _, tt := range []struct {
		name string
		want error // nil: the file opens and holds "isi"
	}{
		{"a/b.md", nil},
		{"inside", nil},
		{"inside-dir/b.md", nil},
		{"outside", ErrOutside},
		{"outside-relative/rahasia.txt", ErrOutside},
		{"outside-dir/rahasia.txt", ErrOutside},
		{"zero", ErrOutside},
		{"dangling", fs.ErrNotExist},
		{"fifo", ErrIrregular},
		{"to-fifo", ErrIrregular},
		{"socket", syscall.ENXIO}, // the kernel refuses to open a socket
		{"../a/b.md", fs.ErrInvalid},
		{"/etc/passwd", fs.ErrInvalid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := promptly(t, func() ([]byte, error) {
				f, err := fsys.Open(tt.name)
				if err != nil {
					return nil, err
				}
				defer f.Close()
				return io.ReadAll(f)
			})
			if !errors.Is(err, tt.want) || tt.want == nil && string(data) != "isi" {
				t.Errorf("Open(%q) = %q, %v; want %q, %v", tt.name, data, err, "isi", tt.want)
			}
		})
	}
}

func TestStat(t *testing.T) {
	fsys := New(fixture(t))
	for _, tt := range []struct {
		name string
		mode fs.FileMode // of the entry when err is nil
		err  error
	}{
		{"a/b.md", 0, nil},
		{"inside-dir", fs.ModeDir, nil},
		{"fifo", fs.ModeNamedPipe, nil},
		{"to-fifo", fs.ModeNamedPipe, nil},
		{"socket", fs.ModeSocket, nil},
		{"outside", 0, ErrOutside},
		{"outside-dir", 0, ErrOutside},
		{"zero", 0, ErrOutside},
		{"dangling", 0, fs.ErrNotExist},
	} {
		t.Run(tt.name, func(t *testing.T) {
			info, err := fs.Stat(fsys, tt.name)
			if !errors.Is(err, tt.err) || err == nil && info.Mode().Type() != tt.mode {
				t.Errorf("Stat(%q) = %v, %v; want type %v, error %v", tt.name, info, err, tt.mode, tt.err)
			}
		})
	}
}

// TestOpenDevice opens a device inside the tree, which only root can make.
func TestOpenDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a device file needs root")
	}
	dir := t.TempDir()
	// 1, 5 is /dev/zero on Linux.
	if err := syscall.Mknod(filepath.Join(dir, "zero"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
		t.Skipf("mknod: %v", err)
	}
	_, err := promptly(t, readFile(New(dir), "zero", 10))
	if !errors.Is(err, ErrIrregular) {
		t.Errorf("ReadFile of a device: %v, want %v", err, ErrIrregular)
	}
	if f, err := New(dir).Open("zero"); !errors.Is(err, ErrIrregular) {
		t.Errorf("Open of a device: %v, want %v", err, ErrIrregular)
		if err == nil {
			f.Close()
		}
	}
}

// TestFS checks New against the fs.FS contract on an ordinary tree.
func TestFS(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "_index.md", "situs")
	write(t, dir, "r/p/v1.md", "versi")
	if err := fstest.TestFS(New(dir), "_index.md", "r/p/v1.md"); err != nil {
		t.Fatal(err)
	}
}

// endless is a file that claims to be small and never ends, like a file of
// /proc or /dev/zero behind an fs.FS that does not check.
type endless struct{}

func (endless) Open(string) (fs.File, error) { return endless{}, nil }
func (endless) Stat() (fs.FileInfo, error)   { return fstest.MapFS{"f": {}}.Stat("f") }
func (endless) Read(p []byte) (int, error)   { clear(p); return len(p), nil }
func (endless) Close() error                 { return nil }

func TestReadFile(t *testing.T) {
	fifo := fstest.MapFS{"fifo": {Mode: fs.ModeNamedPipe}}
	files := fstest.MapFS{"f": {Data: []byte("12345")}, "d/f": {}}
	for _, tt := range []struct {
		name  string
		fsys  fs.FS
		file  string
		limit int64
		want  string
		err   error
	}{
		{"at the limit", files, "f", 5, "12345", nil},
		{"over the limit", files, "f", 4, "", ErrTooLarge},
		{"a directory", files, "d", 4, "", errIsDir},
		{"a FIFO on another fs.FS", fifo, "fifo", 4, "", ErrIrregular},
		{"endless, though its size says 0", endless{}, "f", 1 << 20, "", ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := promptly(t, readFile(tt.fsys, tt.file, tt.limit))
			if string(data) != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("ReadFile = %q, %v; want %q, %v", data, err, tt.want, tt.err)
			}
		})
	}
}

// readFile returns a function that calls ReadFile, for promptly.
func readFile(fsys fs.FS, name string, limit int64) func() ([]byte, error) {
	return func() ([]byte, error) {
		data, _, err := ReadFile(fsys, name, limit)
		return data, err
	}
}

// promptly runs f, failing the test if f does not return within a few
// seconds, as a read of a FIFO would not.
func promptly(t *testing.T, f func() ([]byte, error)) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := f()
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("did not return: blocked on a FIFO or an endless file?")
		return nil, nil
	}
}
