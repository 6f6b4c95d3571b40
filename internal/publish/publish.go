// Package publish makes every change a build makes on disk: it writes the static
// site into its output directory and the server's data into the data directory,
// so that readers of the two — a server started or reloaded at any moment, a
// deployment copying them — always find one build's site with that build's data,
// old or new, never a mix and never a missing site.
//
// # The commit point
//
// A build is published in these steps ([Begin], then [Build.Commit]):
//
//  1. Begin takes the build lock (flock on the directories that hold the output
//     and data directories, so two builds never interleave), then removes what a
//     build that died left behind: staged sites beside the output, unfinished
//     snapshots and snapshots that no site names in the data directory.
//  2. The build writes its site into a staged directory beside the output
//     (".public.naskah-ID") and its data into a new snapshot directory of the
//     data directory (".tmp-ID"); ID is the build's own, unique.
//  3. Commit lists the snapshot's files in its manifest, renames it to its id
//     (a complete snapshot, which no site names yet), and writes the id into the
//     staged site's build file (catalog.BuildFile).
//  4. Commit then exchanges the staged site and the output directory in one
//     rename (renameat2 with RENAME_EXCHANGE): this is the commit point. Before it
//     the output is the old site, which names the old snapshot, still in place;
//     after it the output is the new site, which names the new snapshot.
//  5. Finally it removes the old site, now at the staged name, and every snapshot
//     but the new one. A server that still reads an old snapshot keeps reading
//     it: a removed file stays readable to whoever has it open.
//
// Killed before step 4, a build changes nothing a reader sees; killed after, it
// has published. A failed step before the commit point removes what the build
// made and reports that nothing changed. Where the file system cannot exchange
// two directories, step 4 is two renames and a build killed between them leaves
// the old site at ".public.naskah-old-ID", which the next Begin puts back.
//
// A snapshot is never written again once complete: a new build adds its own
// beside it. A deployment that copies a newer build's data directory over the
// old one therefore never overwrites a file a running server has mapped.
//
// The writes of a build are not flushed to the disk with fsync: the protocol
// survives the death of the process at any moment, not the loss of power.
package publish

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"naskah/internal/catalog"
)

// Target names the directories a build publishes to.
type Target struct {
	Out  string // the static site's directory
	Data string // the data directory; "" for a site without server data
}

// Build is a build being published: its site and data are written through Site
// and Data into staged directories, and nothing a reader sees changes until
// Commit. Either Commit or Discard must be called.
type Build struct {
	ID   string
	Site *Writer // the staged site
	Data *Writer // the staged snapshot; nil without a data directory

	target           Target
	ops              ops
	siteDir, dataDir string // the staged directories
	release          func()
}

// Begin starts publishing a build to t, waiting for another build into the same
// directories to finish first.
func Begin(ctx context.Context, t Target) (*Build, error) { return begin(ctx, t, osOps{}) }

func begin(ctx context.Context, t Target, o ops) (*Build, error) {
	t.Out = filepath.Clean(t.Out)
	if t.Data != "" {
		t.Data = filepath.Clean(t.Data)
	}
	release, err := lock(ctx, t, o)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	b := &Build{ID: newID(), target: t, ops: o, release: release}
	if err := b.start(); err != nil {
		b.Discard()
		return nil, fmt.Errorf("publish: %w", err)
	}
	return b, nil
}

// lock makes the directories that hold the output and data directories and locks
// them, in a fixed order.
func lock(ctx context.Context, t Target, o ops) (func(), error) {
	parents := []string{filepath.Dir(t.Out)}
	if t.Data != "" {
		if err := o.MkdirAll(t.Data, 0o755); err != nil {
			return nil, err
		}
		parents = append(parents, filepath.Dir(t.Data))
	}
	slices.Sort(parents)
	parents = slices.Compact(parents)
	var releases []func()
	releaseAll := func() {
		for _, r := range releases {
			r()
		}
	}
	for _, p := range parents {
		if err := o.MkdirAll(p, 0o755); err != nil {
			releaseAll()
			return nil, err
		}
		r, err := lockDir(ctx, p)
		if err != nil {
			releaseAll()
			return nil, err
		}
		releases = append(releases, r)
	}
	return releaseAll, nil
}

// newID returns a build id: the time, for people reading a listing, and random
// bits, so that no two builds share one.
func newID() string {
	var r [4]byte
	rand.Read(r[:])
	return time.Now().UTC().Format("20060102-150405") + "-" + hex.EncodeToString(r[:])
}

// start tidies what earlier builds left and makes the staged directories.
func (b *Build) start() error {
	if err := b.restore(); err != nil {
		return err
	}
	if err := b.tidy(); err != nil {
		return err
	}
	b.siteDir = b.staged("")
	if err := b.ops.MkdirAll(b.siteDir, 0o755); err != nil {
		return err
	}
	b.Site = newWriter(b.siteDir, b.ops)
	if b.target.Data == "" {
		return nil
	}
	if err := b.markData(); err != nil {
		return err
	}
	b.dataDir = filepath.Join(b.target.Data, tmpPrefix+b.ID)
	if err := b.ops.MkdirAll(b.dataDir, 0o755); err != nil {
		return err
	}
	b.Data = newWriter(b.dataDir, b.ops)
	return nil
}

// tmpPrefix starts the name of a snapshot being written.
const tmpPrefix = ".tmp-"

// staged is the path beside the output of a staged site of this build; kind
// "old" names where the old site waits during a publish that cannot exchange.
func (b *Build) staged(kind string) string {
	if kind != "" {
		kind += "-"
	}
	return filepath.Join(filepath.Dir(b.target.Out), stagePrefix(b.target.Out)+kind+b.ID)
}

func stagePrefix(out string) string { return "." + filepath.Base(out) + ".naskah-" }

// markData marks the data directory as naskah's.
func (b *Build) markData() error {
	marker := filepath.Join(b.target.Data, catalog.DataMarker)
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	return b.ops.WriteFile(marker, []byte("naskah data\n"), 0o644)
}

// Commit publishes the build (see the package doc). On error nothing a reader
// sees has changed. A ctx done before the commit point discards the build.
func (b *Build) Commit(ctx context.Context) error {
	defer b.release()
	err := b.commit(ctx)
	if err != nil {
		b.discard()
		return fmt.Errorf("publish: %w", err)
	}
	b.finish()
	return nil
}

func (b *Build) commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if b.Data != nil {
		if err := b.seal(); err != nil {
			return err
		}
		if err := b.ops.Rename(b.dataDir, b.snapshotDir()); err != nil {
			return err
		}
		b.dataDir = b.snapshotDir() // removed again if the commit fails
	}
	if err := b.ops.WriteFile(filepath.Join(b.siteDir, catalog.BuildFile), []byte(b.ID+"\n"), 0o644); err != nil {
		return err
	}
	if err := b.carryDotFiles(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return b.swap()
}

func (b *Build) snapshotDir() string { return filepath.Join(b.target.Data, b.ID) }

// seal writes the manifest of the staged snapshot.
func (b *Build) seal() error { return writeManifest(b.ops, b.ID, b.dataDir) }

func writeManifest(o ops, id, dir string) error {
	m, err := catalog.NewManifest(id, dir)
	if err != nil {
		return err
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return o.WriteFile(filepath.Join(dir, catalog.ManifestFile), data, 0o644)
}

// swap puts the staged site in the output's place: the commit point. Afterwards
// the old site, if there was one, is at the staged name.
func (b *Build) swap() error {
	out := b.target.Out
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return b.ops.Rename(b.siteDir, out)
	}
	err := b.ops.Exchange(b.siteDir, out)
	if !errors.Is(err, errNoExchange) {
		return err
	}
	old := b.staged("old")
	if err := b.ops.Rename(out, old); err != nil {
		return err
	}
	if err := b.ops.Rename(b.siteDir, out); err != nil {
		if rerr := b.ops.Rename(old, out); rerr != nil {
			return fmt.Errorf("%w (and putting the old site back failed: %v)", err, rerr)
		}
		return err
	}
	return nil
}

// finish removes, after the commit point, the old site and every other snapshot.
// What it cannot remove the next build does.
func (b *Build) finish() {
	b.ops.RemoveAll(b.siteDir)
	b.ops.RemoveAll(b.staged("old"))
	if b.Data != nil {
		b.removeSnapshots(b.ID)
	}
}

// Discard gives the build up: nothing a reader sees changes.
func (b *Build) Discard() {
	b.discard()
	b.release()
}

func (b *Build) discard() {
	for _, dir := range []string{b.siteDir, b.dataDir} {
		if dir != "" {
			b.ops.RemoveAll(dir)
		}
	}
}

// carryDotFiles copies the regular dot-files at the top of the old site (such as
// the .gitkeep that keeps public/ in git) into the staged one, but its build file.
func (b *Build) carryDotFiles() error {
	entries, err := os.ReadDir(b.target.Out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || name == catalog.BuildFile || !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(b.target.Out, name))
		if err != nil {
			return err
		}
		if err := b.ops.WriteFile(filepath.Join(b.siteDir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
