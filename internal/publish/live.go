package publish

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"naskah/internal/catalog"
)

// WriteCatalog writes the catalog file through w.
func (w *Writer) WriteCatalog(cat *catalog.Catalog) error {
	f, err := w.Create(catalog.FileName)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = cat.Encode(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	return nil
}

// Live is a published build that goes on changing in place: the live preview's,
// whose own server holds the build's data in memory. Its site's files are
// replaced one at a time, each atomically. Its snapshot is unsealed (its manifest
// removed) before its index is changed in place, so that no other server takes it
// for a finished one, and sealed again with the catalog that matches it.
type Live struct {
	out      string
	Snapshot catalog.Snapshot
	ops      ops
}

// Live returns the build, once committed, for changing in place.
func (b *Build) Live() *Live {
	return &Live{out: b.target.Out, Snapshot: catalog.Snapshot{ID: b.ID, Dir: b.snapshotDir()}, ops: b.ops}
}

// WriteChanged writes the files of next whose bytes differ from prev's and removes
// those that prev has and next lacks; it returns how many it touched.
func (l *Live) WriteChanged(prev, next map[string][]byte) (int, error) {
	n := 0
	for name, data := range next {
		if old, ok := prev[name]; ok && string(old) == string(data) {
			continue
		}
		if err := l.replace(filepath.Join(l.out, filepath.FromSlash(name)), data); err != nil {
			return n, err
		}
		n++
	}
	for name := range prev {
		if _, ok := next[name]; !ok {
			if err := os.Remove(filepath.Join(l.out, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// replace replaces the file at path with data through a temporary file and a
// rename, making its directory if need be.
func (l *Live) replace(path string, data []byte) error {
	if err := l.ops.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var r [8]byte
	rand.Read(r[:])
	tmp := filepath.Join(filepath.Dir(path), ".naskah-tmp-"+hex.EncodeToString(r[:]))
	if err := l.ops.WriteFile(tmp, data, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := l.ops.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// Unseal marks the snapshot as being changed.
func (l *Live) Unseal() error {
	err := os.Remove(filepath.Join(l.Snapshot.Dir, catalog.ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Seal writes cat as the snapshot's catalog and then its manifest: the snapshot
// is whole again.
func (l *Live) Seal(cat *catalog.Catalog) error {
	data, err := cat.Marshal()
	if err != nil {
		return err
	}
	if err := l.replace(l.Snapshot.Catalog(), data); err != nil {
		return err
	}
	return writeManifest(l.ops, l.Snapshot.ID, l.Snapshot.Dir)
}
