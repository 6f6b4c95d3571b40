package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"naskah/internal/catalog"
)

// restore puts back the old site that a build which could not exchange
// directories had moved aside when it died, if the output is missing.
func (b *Build) restore() error {
	out := b.target.Out
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	olds, err := filepath.Glob(filepath.Join(filepath.Dir(out), globEscape(stagePrefix(out))+"old-*"))
	if err != nil || len(olds) == 0 {
		return err
	}
	return b.ops.Rename(olds[len(olds)-1], out) // the newest, should there be several
}

// tidy removes what builds that died left behind: staged sites beside the output,
// unfinished snapshots, snapshots that the site in place does not name, and the
// files of the data directory's layout before snapshots.
func (b *Build) tidy() error {
	out := b.target.Out
	staged, err := filepath.Glob(filepath.Join(filepath.Dir(out), globEscape(stagePrefix(out))+"*"))
	if err != nil {
		return err
	}
	for _, dir := range staged {
		if err := b.ops.RemoveAll(dir); err != nil {
			return err
		}
	}
	if b.target.Data == "" {
		return nil
	}
	keep, _ := catalog.ReadBuildID(out) // none: every snapshot goes
	if err := b.removeSnapshots(keep); err != nil {
		return err
	}
	for _, name := range legacyData {
		if err := b.ops.RemoveAll(filepath.Join(b.target.Data, name)); err != nil {
			return err
		}
	}
	return nil
}

// legacyData are the entries of a data directory that a naskah of before
// snapshots wrote at its top.
var legacyData = []string{catalog.FileName, catalog.IndexDir, catalog.ThemeDir}

// removeSnapshots removes every snapshot of the data directory but keep's,
// finished or not.
func (b *Build) removeSnapshots(keep string) error {
	entries, err := os.ReadDir(b.target.Data)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		id := strings.TrimPrefix(name, tmpPrefix)
		if !e.IsDir() || !catalog.ValidBuildID(id) || name == keep || b.dataDir == filepath.Join(b.target.Data, name) {
			continue
		}
		errs = append(errs, b.ops.RemoveAll(filepath.Join(b.target.Data, name)))
	}
	return errors.Join(errs...)
}

// globEscape escapes the characters of s that filepath.Match treats specially.
func globEscape(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
