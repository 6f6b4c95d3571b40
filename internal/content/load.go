package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"naskah/internal/legal"
)

// Load reads the content tree rooted at fsys. display is how the content
// directory is named in the paths of the Tree and of problems, such as
// "content".
//
// Load returns the Tree, with its warnings, and a nil error; or a nil Tree
// and a [Problems] error that holds every problem found, warnings included,
// sorted by path and then by line.
//
// The versions of a policy are ordered oldest first: by date, undated
// versions before dated ones, and then by file name, with numbers in names
// compared by value so that "v2" comes before "v10".
func Load(fsys fs.FS, display string) (*Tree, error) {
	return LoadCached(fsys, display, nil)
}

// LoadCached is Load that keeps in c what it made of each version file, and
// decodes again only the files whose bytes changed since the last call with c.
// The live preview reads the whole tree after every change, and most files are
// as they were. A nil c keeps nothing.
func LoadCached(fsys fs.FS, display string, c *Cache) (*Tree, error) {
	l := &loader{fsys: fsys, display: display, cache: c}
	t := l.loadTree()
	l.probs.sort()
	if l.probs.hasErrors() {
		return nil, l.probs
	}
	t.Warnings = l.probs
	return t, nil
}

// A loader reads one content tree, collecting problems as it goes.
type loader struct {
	fsys    fs.FS
	display string
	probs   Problems
	cache   *Cache // may be nil
	// jdihn are the JDIHN warnings of the region being read, reported once
	// it is known not to be fictional.
	jdihn Problems
}

// A Cache keeps what LoadCached made of each version file, by path, with the
// bytes it was made from. It is not safe for concurrent use.
type Cache struct {
	versions map[string]cachedVersion
}

type cachedVersion struct {
	src   []byte
	v     loadedVersion
	ok    bool
	probs []Problem // reported while decoding src
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{versions: map[string]cachedVersion{}} }

// report returns a report for the file or directory name in fsys. Its path,
// the display path of name, has control characters and bytes that are not
// UTF-8 escaped, so that a name cannot break the line it is printed on.
func (l *loader) report(name string) report {
	return report{path: escapeText(path.Join(l.display, name)), probs: &l.probs}
}

// loadTree reads the root of the content directory.
func (l *loader) loadTree() *Tree {
	t := new(Tree)
	entries, ok := l.readDir(".")
	if !ok {
		return t
	}
	hasSite := false
	for _, e := range entries {
		switch {
		case e.dir:
			t.Regions = append(t.Regions, l.loadRegion(e.name))
		case e.name == "_index.md":
			hasSite = true
			t.Site = l.loadSite(e.name)
		case e.name == ThesaurusFile:
			// Read by the build, which knows its format: see Tree.Thesaurus.
			t.ThesaurusPath = l.report(e.name).path
			t.Thesaurus, _, _ = l.readFile(e.name)
		default:
			l.report(e.name).errorf(0, "berkas tak terduga (direktori konten hanya berisi _index.md situs, "+ThesaurusFile+", dan direktori wilayah)")
		}
	}
	if !hasSite {
		l.report(".").errorf(0, "tidak ada _index.md situs (wajib, berisi setidaknya title)")
	}
	slices.SortFunc(t.Regions, func(a, b Region) int { return strings.Compare(a.Slug, b.Slug) })
	l.checkRelations(t)
	return t
}

// loadSite reads the site's _index.md.
func (l *loader) loadSite(name string) Site {
	r := l.report(name)
	src, _, ok := l.readFile(name)
	if !ok {
		return Site{Path: r.path}
	}
	d, ok := parseFile(src, siteSchema.need, r)
	if !ok {
		return Site{Path: r.path}
	}
	s := decodeSite(d, r)
	s.Raw = src
	return s
}

// loadRegion reads the region directory dir.
func (l *loader) loadRegion(dir string) Region {
	l.checkSlug(dir, "nama direktori")
	index := path.Join(dir, "_index.md")
	reg := Region{Slug: dir, Path: l.report(index).path}
	entries, ok := l.readDir(dir)
	if !ok {
		return reg
	}
	hasIndex := false
	for _, e := range entries {
		p := path.Join(dir, e.name)
		switch {
		case e.dir:
			reg.Policies = append(reg.Policies, l.loadPolicy(p, e.name))
		case e.name == "_index.md":
			hasIndex = true
			l.loadRegionIndex(index, &reg)
		default:
			l.report(p).errorf(0, "berkas tak terduga (direktori wilayah hanya berisi _index.md dan direktori kebijakan)")
		}
	}
	if !hasIndex {
		l.report(dir).errorf(0, "wilayah tanpa _index.md (wajib, berisi setidaknya name dan kind)")
	}
	l.checkForms(&reg)
	if !reg.Fictional {
		l.probs = append(l.probs, l.jdihn...)
	}
	l.jdihn = nil
	if len(reg.Policies) == 0 {
		l.report(dir).warnf(0, "wilayah belum memiliki kebijakan")
	}
	slices.SortFunc(reg.Policies, func(a, b Policy) int { return strings.Compare(a.Slug, b.Slug) })
	return reg
}

// loadRegionIndex reads the _index.md of a region into reg.
func (l *loader) loadRegionIndex(name string, reg *Region) {
	r := l.report(name)
	src, _, ok := l.readFile(name)
	if !ok {
		return
	}
	if d, ok := parseFile(src, regionSchema.need, r); ok {
		decodeRegion(d, reg, r)
		reg.Raw = src
	}
}

// checkSlug reports name, the last element of a path in fsys, if it is not a
// slug. what describes name in the message.
func (l *loader) checkSlug(name, what string) {
	if base := path.Base(name); !legal.ValidSlug(base) {
		l.report(name).errorf(0, "%s %q bukan slug %s", what, base, slugHint(base))
	}
}

// pathErrorCause returns the cause of err without the operation and path
// that the problem already shows.
func pathErrorCause(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}
