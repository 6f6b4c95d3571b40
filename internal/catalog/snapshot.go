package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// The layout of the output and data directories of a build.
//
// Every build writes its server data as a snapshot of its own, a directory of the
// data directory named by the build's id, and names that id in a file of the
// static site it published. The site and its data are thus paired by the site's
// directory alone: whichever site is in place, old or new, names a snapshot that
// holds its catalog, index and theme, and a server reads nothing else. A snapshot
// is never written again once complete, so a server may keep the files of one
// mapped while a deployment copies a newer build's snapshot in beside it.
const (
	// BuildFile, at the top of the static site, holds the id of its build.
	BuildFile = ".naskah-build"
	// DataMarker, at the top of the data directory, marks it as naskah's.
	DataMarker = ".naskah-data"
	// ManifestFile, in a snapshot, lists its files with their sizes. It is
	// written last: a snapshot without it is incomplete.
	ManifestFile = "manifest.json"
)

// A Manifest lists the files of a snapshot, so that a reader can tell a
// snapshot copied whole from one still being copied, before it maps a file that
// is shorter than it will be.
type Manifest struct {
	ID    string          `json:"id"`
	Files []ManifestEntry `json:"files"`
}

// A ManifestEntry is one file of a snapshot: its slash-separated path in the
// snapshot and its size.
type ManifestEntry struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
}

// NewManifest lists the regular files below dir, the snapshot of build id.
func NewManifest(id, dir string) (*Manifest, error) {
	m := &Manifest{ID: id, Files: []ManifestEntry{}}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == ManifestFile {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		m.Files = append(m.Files, ManifestEntry{Path: p, Size: info.Size()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("catalog: manifest: %w", err)
	}
	return m, nil
}

// Snapshot is the data of one build in the data directory.
type Snapshot struct {
	ID  string
	Dir string // the snapshot's directory
}

// Catalog is the path of the snapshot's catalog file.
func (s Snapshot) Catalog() string { return filepath.Join(s.Dir, FileName) }

// Index is the path of the snapshot's search index.
func (s Snapshot) Index() string { return filepath.Join(s.Dir, IndexDir) }

// Theme is the path of the snapshot's copy of the theme.
func (s Snapshot) Theme() string { return filepath.Join(s.Dir, ThemeDir) }

// ErrNoBuild is the error of Locate when out or data holds no build of this
// version of naskah.
var ErrNoBuild = errors.New("tidak ada hasil naskah build; jalankan naskah build lagi")

// Locate finds the snapshot of the build whose static site is in out, and checks
// that it is complete: every file its manifest lists is there at its size.
func Locate(out, data string) (Snapshot, error) {
	id, err := ReadBuildID(out)
	if err != nil {
		return Snapshot{}, err
	}
	s := Snapshot{ID: id, Dir: filepath.Join(data, id)}
	if err := s.verify(); err != nil {
		return Snapshot{}, fmt.Errorf("data build %s di %s: %w", id, data, err)
	}
	return s, nil
}

// ReadBuildID returns the id of the build whose static site is in out.
func ReadBuildID(out string) (string, error) {
	b, err := os.ReadFile(filepath.Join(out, BuildFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s: %w (berkas %s tidak ada; salin direktori itu beserta berkas titiknya)", out, ErrNoBuild, BuildFile)
	}
	if err != nil {
		return "", fmt.Errorf("catalog: %w", err)
	}
	id := strings.TrimSpace(string(b))
	if !ValidBuildID(id) {
		return "", fmt.Errorf("%s: isi %s tidak dikenal: %w", out, BuildFile, ErrNoBuild)
	}
	return id, nil
}

// ValidBuildID reports whether id can name a snapshot: letters, digits and '-'
// only, starting with a digit, so that it is never a dot-file or a path.
func ValidBuildID(id string) bool {
	if id == "" || len(id) > 64 || id[0] < '0' || id[0] > '9' {
		return false
	}
	for _, c := range id {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

// verify checks the snapshot against its manifest.
func (s Snapshot) verify() error {
	b, err := os.ReadFile(filepath.Join(s.Dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("tidak ada atau belum lengkap (%s tidak ada): salin data build yang sama dengan situsnya", ManifestFile)
	}
	if err != nil {
		return err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil || m.ID != s.ID {
		return fmt.Errorf("%s rusak: jalankan naskah build lagi", ManifestFile)
	}
	for _, f := range m.Files {
		if !fs.ValidPath(f.Path) || path.IsAbs(f.Path) {
			return fmt.Errorf("%s menyebut jalur tidak sah %q", ManifestFile, f.Path)
		}
		info, err := os.Stat(filepath.Join(s.Dir, filepath.FromSlash(f.Path)))
		if err != nil || !info.Mode().IsRegular() || info.Size() != f.Size {
			return fmt.Errorf("belum lengkap: %s tidak ada atau ukurannya belum %d bita", f.Path, f.Size)
		}
	}
	return nil
}
