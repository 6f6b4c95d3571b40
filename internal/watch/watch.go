// Package watch turns file system events under a set of directories into batches
// of changed paths, and runs the live preview's loop over them (Preview): each
// batch rebuilds the site with one build.Builder, and each good build is swapped
// into the server. Telling open pages to reload is package reload's.
//
// Directories created later, or moved in, are watched too, and the files already in
// them count as changed. Editors' temporary and swap files are ignored. Events come
// in bursts (one save is several events; a checkout is hundreds), so they are
// gathered until the tree has been quiet for a moment, and a batch that the consumer
// is not ready for keeps growing until it is: a file saved while a rebuild runs is
// in the next batch, read afresh, so the newest content always wins.
package watch

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune the batching; zero values take the defaults.
type Options struct {
	Quiet time.Duration // a batch closes after this long without events (default 75 ms)
	Max   time.Duration // … or this long after its first event (default 750 ms)
}

// Batch is a set of changed paths, sorted, each at most once.
type Batch struct {
	Paths []string
	// Err is a problem of the watcher itself (for example, too many watches); the
	// paths are still valid.
	Err error
}

// Watcher watches directory trees.
type Watcher struct {
	fsw   *fsnotify.Watcher
	opts  Options
	out   chan Batch
	stop  chan struct{}
	done  sync.WaitGroup
	close sync.Once
}

// New watches every directory below roots.
func New(roots []string, opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 75 * time.Millisecond
	}
	if opts.Max <= 0 {
		opts.Max = 750 * time.Millisecond
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fsw: fsw, opts: opts, out: make(chan Batch), stop: make(chan struct{})}
	for _, root := range roots {
		if _, err := w.addTree(root); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	w.done.Add(1)
	go w.loop()
	return w, nil
}

// Batches delivers the batches; it is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops watching and waits until the watcher's goroutine has ended.
func (w *Watcher) Close() error {
	var err error
	w.close.Do(func() {
		close(w.stop)
		err = w.fsw.Close()
		w.done.Wait()
	})
	return err
}

// addTree watches dir and the directories below it, and returns the files in them.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // vanished meanwhile
		}
		if p != dir && Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.fsw.Add(p)
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

// Ignored reports whether a file or directory name is an editor's or the system's
// and never content: dot-files, backups, swap and temporary files.
func Ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"), strings.HasSuffix(name, "~"):
		return true
	case name == "4913": // vim probes whether it may write a directory
		return true
	}
	for _, ext := range []string{".swp", ".swx", ".swo", ".tmp", ".bak", ".crswap", ".kate-swp"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// loop gathers events into the pending batch and hands it out when the tree has
// been quiet, or has been busy for too long, and the consumer is ready.
func (w *Watcher) loop() {
	defer w.done.Done()
	defer close(w.out)
	pending := map[string]bool{}
	var errs []error
	var quiet, limit <-chan time.Time
	var out chan Batch // nil until ready is ready to hand out
	var ready Batch
	for {
		select {
		case <-w.stop:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			for _, p := range w.changed(ev) {
				pending[p] = true
			}
			if len(pending) > 0 {
				quiet = time.After(w.opts.Quiet)
				if limit == nil {
					limit = time.After(w.opts.Max)
				}
				out = nil
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			errs = append(errs, err)
		case <-quiet:
			quiet, limit, out, ready = nil, nil, w.out, batchOf(pending, errs)
		case <-limit:
			quiet, limit, out, ready = nil, nil, w.out, batchOf(pending, errs)
		case out <- ready:
			pending, errs, out = map[string]bool{}, nil, nil
		}
	}
}

// changed returns the paths that an event changes, watching a new directory.
func (w *Watcher) changed(ev fsnotify.Event) []string {
	if Ignored(filepath.Base(ev.Name)) {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if files, err := w.addTree(ev.Name); err == nil && len(files) > 0 {
			return append(files, ev.Name)
		}
	}
	if ev.Op == fsnotify.Chmod {
		return nil
	}
	return []string{ev.Name}
}

func batchOf(pending map[string]bool, errs []error) Batch {
	b := Batch{Paths: make([]string, 0, len(pending)), Err: errors.Join(errs...)}
	for p := range pending {
		b.Paths = append(b.Paths, p)
	}
	sort.Strings(b.Paths)
	return b
}
