package content

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"strings"

	"naskah/internal/legal"
)

// A loadedVersion is a version with what checking its policy needs to know.
type loadedVersion struct {
	Version
	lines versionLines
}

// loadPolicy reads the policy directory dir, whose name is slug.
func (l *loader) loadPolicy(dir, slug string) Policy {
	l.checkSlug(dir, "nama direktori")
	p := Policy{Slug: slug, Path: l.report(dir).path}
	entries, ok := l.readDir(dir)
	if !ok {
		return p
	}
	var versions []loadedVersion
	var others []string // files that are not versions: originals and images, if versions publish them
	files := 0
	for _, e := range entries {
		file := path.Join(dir, e.name)
		switch {
		case e.dir:
			l.report(file).errorf(0, "direktori tak terduga (direktori kebijakan tidak berisi subdirektori; letakkan PDF dan gambar langsung di samping berkas versi)")
		case !strings.HasSuffix(e.name, ".md"):
			others = append(others, e.name)
		default:
			files++
			if v, ok := l.loadVersion(file); ok {
				versions = append(versions, v)
			}
		}
	}
	if files == 0 {
		l.report(dir).errorf(0, "kebijakan tanpa berkas versi (.md)")
	}
	p.Files = l.loadFiles(dir, versions, others)
	sortVersions(versions)
	l.checkLabels(versions)
	l.checkOrder(versions)
	for _, v := range versions {
		p.Versions = append(p.Versions, v.Version)
		l.jdihn = append(l.jdihn, v.lines.jdihn...)
	}
	return p
}

// loadVersion reads the version file name.
func (l *loader) loadVersion(name string) (loadedVersion, bool) {
	r := l.report(name)
	slug := strings.TrimSuffix(path.Base(name), ".md")
	if !legal.ValidSlug(slug) {
		r.errorf(0, "nama berkas %q bukan slug %s", path.Base(name), slugHint(slug))
	}
	src, _, ok := l.readFile(name)
	if !ok {
		return loadedVersion{}, false
	}
	var lv loadedVersion
	if c, hit := l.cache.get(name, src); hit {
		l.probs = append(l.probs, c.probs...)
		lv, ok, src = c.v, c.ok, c.src // the cached bytes, which lv's Body is part of
	} else {
		n := len(l.probs)
		lv, ok = decodeVersionFile(src, slug, r)
		l.cache.put(name, cachedVersion{src: src, v: lv, ok: ok, probs: slices.Clone(l.probs[n:])})
	}
	if !ok {
		return loadedVersion{}, false
	}
	lv.Raw = src // not the file's time: output depends on the bytes alone
	return lv, true
}

// decodeVersionFile splits and decodes the version file src.
func decodeVersionFile(src []byte, slug string, r report) (loadedVersion, bool) {
	d, ok := parseFile(src, versionSchema.need, r)
	if !ok {
		return loadedVersion{}, false
	}
	v, lines := decodeVersion(d, slug, r)
	return loadedVersion{v, lines}, true
}

func (c *Cache) get(name string, src []byte) (cachedVersion, bool) {
	if c == nil {
		return cachedVersion{}, false
	}
	cv, ok := c.versions[name]
	return cv, ok && bytes.Equal(cv.src, src)
}

func (c *Cache) put(name string, cv cachedVersion) {
	if c != nil {
		c.versions[name] = cv
	}
}

// sortVersions orders versions oldest first: by date, undated versions
// first, then by slug in natural order.
func sortVersions(versions []loadedVersion) {
	slices.SortFunc(versions, func(a, b loadedVersion) int {
		return cmp.Or(a.Date.Compare(b.Date), compareNatural(a.Slug, b.Slug))
	})
}

// checkLabels reports versions, sorted oldest first, that share a label. The
// problem is reported at the version key of the later file, or of the
// earlier one when only that file has the key.
func (l *loader) checkLabels(versions []loadedVersion) {
	seen := make(map[string]*loadedVersion)
	for i := range versions {
		v := &versions[i]
		first, dup := seen[v.Label]
		if !dup {
			seen[v.Label] = v
			continue
		}
		at, other := v, first
		if at.lines.label == 0 {
			at, other = first, v
		}
		r := report{path: at.Path, probs: &l.probs}
		r.errorf(at.lines.label, "version %q sudah dipakai oleh %s", v.Label, path.Base(other.Path))
	}
}

// checkOrder reports, in versions sorted oldest first, dates that go backwards
// against the order of file names that count (v1, v2; 2025-01, 2025-04: names
// alike but for their digits), and a published version that follows a revoked one.
func (l *loader) checkOrder(versions []loadedVersion) {
	byName := slices.Clone(versions)
	slices.SortFunc(byName, func(a, b loadedVersion) int { return compareNatural(a.Slug, b.Slug) })
	latest := map[string]*loadedVersion{} // by name pattern: the latest date so far
	for i := range byName {
		v := &byName[i]
		if v.Date.IsZero() {
			continue
		}
		key := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, v.Slug)
		prev := latest[key]
		if prev != nil && v.Date.Compare(prev.Date) < 0 {
			r := report{path: v.Path, probs: &l.probs}
			r.errorf(v.DateLine, "tanggal %s lebih awal daripada %s (%s), padahal nama berkasnya menyusul; tanggal versi mundur", v.Date, path.Base(prev.Path), prev.Date)
		}
		if prev == nil || v.Date.Compare(prev.Date) > 0 {
			latest[key] = v
		}
	}
	var revoked *loadedVersion
	for i := range versions {
		v := &versions[i]
		switch {
		case v.Status == Revoked:
			revoked = v
		case v.Status == Published && revoked != nil:
			r := report{path: v.Path, probs: &l.probs}
			r.errorf(max(v.lines.status, v.lines.open, 1), "versi terbit sesudah versi yang dicabut (%s); cabut versi ini juga atau jadikan rancangan", path.Base(revoked.Path))
		}
	}
}
