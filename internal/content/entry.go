package content

import (
	"errors"
	"io/fs"
	"path"
	"unicode/utf8"

	"naskah/internal/dirfs"
)

// An entry is an entry of a content directory that Load may read: a regular
// file or a directory, or a symbolic link to one that stays inside the tree.
type entry struct {
	name string // the name in its directory
	dir  bool
}

// readDir reads the directory dir and returns its entries but those that are
// ignored, reporting failure and the entries it refuses.
func (l *loader) readDir(dir string) ([]entry, bool) {
	des, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.report(dir).errorf(0, "direktori tidak dapat dibaca: %v", pathErrorCause(err))
		return nil, false
	}
	entries := make([]entry, 0, len(des))
	for _, de := range des {
		if ignored(de.Name()) {
			continue
		}
		if typ, ok := l.entryType(path.Join(dir, de.Name()), de); ok {
			entries = append(entries, entry{name: de.Name(), dir: typ.IsDir()})
		}
	}
	return entries, true
}

// entryType returns the type of the entry de, at name in fsys, following a
// symbolic link. An entry whose name is not UTF-8, an entry that is neither a
// regular file nor a directory, and a link that cannot be followed are
// reported and never opened; entryType returns false for them. The type comes
// from the listing, so that this holds on any fs.FS; the fs.FS of dirfs.New
// also refuses such entries when they are swapped in later.
func (l *loader) entryType(name string, de fs.DirEntry) (fs.FileMode, bool) {
	if !utf8.ValidString(de.Name()) {
		// An fs.FS cannot open the name (see fs.ValidPath), nor is it a slug.
		l.report(name).errorf(0, "nama ini bukan UTF-8 yang sah; ganti namanya (%s)", slugRule)
		return 0, false
	}
	typ, link := de.Type(), false
	if typ&fs.ModeSymlink != 0 {
		info, err := fs.Stat(l.fsys, name)
		if err != nil {
			l.report(name).errorf(0, "%s", linkProblem(err))
			return 0, false
		}
		typ, link = info.Mode().Type(), true
	}
	if typ&^fs.ModeDir != 0 {
		what := kindName(typ)
		if link {
			what = "tautan simbolik ke " + what
		}
		l.report(name).errorf(0, "%s tidak dibaca: konten hanya berisi berkas biasa dan direktori; ganti dengan berkas biasa atau hapus", what)
		return 0, false
	}
	return typ, true
}

// linkProblem says why a symbolic link could not be followed, and what to do.
func linkProblem(err error) string {
	switch {
	case errors.Is(err, dirfs.ErrOutside):
		return "tautan simbolik ke luar direktori konten tidak diikuti; ganti tautan dengan berkas biasa (atau direktori) berisi salinannya"
	case errors.Is(err, fs.ErrNotExist):
		return "tautan simbolik rusak: sasarannya tidak ada; hapus tautan atau ganti dengan berkas biasa"
	}
	return "tautan simbolik tidak dapat diikuti (" + pathErrorCause(err).Error() + "); ganti tautan dengan berkas biasa"
}

// kindName names, for messages, an entry of type typ that is neither a
// regular file nor a directory.
func kindName(typ fs.FileMode) string {
	switch {
	case typ&fs.ModeNamedPipe != 0:
		return "pipa bernama (FIFO)"
	case typ&fs.ModeSocket != 0:
		return "soket"
	case typ&fs.ModeDevice != 0:
		return "berkas perangkat"
	}
	return "berkas khusus"
}

// readFile reads the file name, reporting failure and a file larger than
// MaxFileSize. It returns the file's FileInfo with its bytes.
func (l *loader) readFile(name string) ([]byte, fs.FileInfo, bool) {
	src, info, err := dirfs.ReadFile(l.fsys, name, MaxFileSize)
	switch {
	case errors.Is(err, dirfs.ErrTooLarge):
		l.report(name).errorf(0, "berkas lebih besar dari %d MiB, batas satu berkas Markdown; periksa apakah ini memang naskah teks", MaxFileSize>>20)
	case err != nil:
		l.report(name).errorf(0, "berkas tidak dapat dibaca: %v", pathErrorCause(err))
	default:
		return src, info, true
	}
	return nil, nil, false
}
