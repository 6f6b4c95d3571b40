package content

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"naskah/internal/legal"
)

// Reference returns the instrument of the tree that the relation names, and
// false when its target is the citation of an instrument outside the tree. A
// target is a reference when it has a slash and no space: a citation is words
// ("Peraturan Bupati Mamuju Nomor 3 Tahun 2020"), a reference a path
// (mamuju/kebijakan-cuti@v2).
func (r Relation) Reference() (legal.Ref, bool) {
	if !looksLikeRef(r.Target) {
		return legal.Ref{}, false
	}
	ref, err := legal.ParseRef(r.Target)
	return ref, err == nil
}

func looksLikeRef(s string) bool {
	return strings.Contains(s, "/") && !strings.ContainsAny(s, " \t")
}

// checkReference reports a relation target that is meant as a reference but is
// not one.
func (rd *reader) checkReference(rel Relation) {
	if _, ok := rel.Reference(); looksLikeRef(rel.Target) && !ok {
		rd.r.errorf(rel.Line, "%s: %q bukan rujukan yang sah: rujukan ke kebijakan di situs ini berbentuk DAERAH/KEBIJAKAN atau DAERAH/KEBIJAKAN@VERSI dengan nama direktori dan berkas (huruf kecil, angka, -); untuk instrumen di luar situs tulis kutipannya lengkap, mis. \"Peraturan Bupati Mamuju Nomor 3 Tahun 2020\"", rel.Kind, rel.Target)
	}
}

// relationGraph indexes the policies of a tree for resolving references.
type relationGraph struct {
	regions  map[string]*Region
	policies map[string]*Policy // by REGION/POLICY
}

func newRelationGraph(t *Tree) *relationGraph {
	g := &relationGraph{regions: map[string]*Region{}, policies: map[string]*Policy{}}
	for i := range t.Regions {
		reg := &t.Regions[i]
		g.regions[reg.Slug] = reg
		for j := range reg.Policies {
			g.policies[reg.Slug+"/"+reg.Policies[j].Slug] = &reg.Policies[j]
		}
	}
	return g
}

// checkRelations reports references that lead nowhere, to the version's own
// policy, or from a version readers see to a draft; and cycles of amendment or
// revocation between policies.
func (l *loader) checkRelations(t *Tree) {
	g := newRelationGraph(t)
	edges := map[string][]edge{} // amends and revokes, by REGION/POLICY
	for _, reg := range t.Regions {
		for _, p := range reg.Policies {
			from := reg.Slug + "/" + p.Slug
			for _, v := range p.Versions {
				for _, rel := range v.Relations {
					ref, ok := rel.Reference()
					if !ok {
						continue
					}
					r := report{path: v.Path, probs: &l.probs}
					if msg := g.resolve(from, v, ref); msg != "" {
						r.errorf(rel.Line, "%s: %s", rel.Kind, msg)
						continue
					}
					if rel.Kind == Amends || rel.Kind == Revokes {
						to := ref.Region + "/" + ref.Policy
						edges[from] = append(edges[from], edge{to: to, version: v, rel: rel})
					}
				}
			}
		}
	}
	l.checkCycles(edges)
}

// resolve returns what is wrong with the reference ref made by version v of
// the policy from, or "".
func (g *relationGraph) resolve(from string, v Version, ref legal.Ref) string {
	reg, ok := g.regions[ref.Region]
	if !ok {
		return fmt.Sprintf("tidak ada daerah %q di konten%s", ref.Region, hint(ref.Region, sortedKeys(g.regions)))
	}
	key := ref.Region + "/" + ref.Policy
	p, ok := g.policies[key]
	if !ok {
		var names []string
		for _, q := range reg.Policies {
			names = append(names, q.Slug)
		}
		return fmt.Sprintf("daerah %s tidak punya kebijakan %q%s", ref.Region, ref.Policy, hint(ref.Policy, names))
	}
	if key == from {
		return fmt.Sprintf("%s adalah kebijakan versi ini sendiri; perubahan sebuah kebijakan ditulis sebagai versi baru di direktorinya (naskah revise), pencabutannya dengan status: revoked", key)
	}
	target, msg := findVersion(p, ref)
	if msg != "" {
		return msg
	}
	if v.Status != Draft && target.Status == Draft {
		return fmt.Sprintf("%s masih rancangan, sedangkan versi ini terbit; rujuk versi yang terbit atau jadikan versi ini rancangan juga", ref)
	}
	return ""
}

// findVersion returns the version of p that ref names (the newest one readers
// see when ref names the policy), or what is wrong.
func findVersion(p *Policy, ref legal.Ref) (Version, string) {
	var slugs []string
	for _, v := range p.Versions {
		if v.Slug == ref.Version {
			return v, ""
		}
		slugs = append(slugs, v.Slug)
	}
	if ref.Version != "" {
		return Version{}, fmt.Sprintf("kebijakan %s/%s tidak punya versi %q (versinya: %s)", ref.Region, ref.Policy, ref.Version, strings.Join(slugs, ", "))
	}
	for i := len(p.Versions) - 1; i >= 0; i-- {
		if p.Versions[i].Status != Draft {
			return p.Versions[i], ""
		}
	}
	return p.Versions[len(p.Versions)-1], ""
}

func hint(s string, choices []string) string {
	if c := closest(s, choices); c != "" {
		return fmt.Sprintf(" (maksud Anda %q?)", c)
	}
	return ""
}

// sortedKeys returns the keys of m in order, so that hints and reports do not
// depend on map order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// An edge is an amendment or revocation of the policy to by a version.
type edge struct {
	to      string
	version Version
	rel     Relation
}

// checkCycles reports each cycle of amendments and revocations once, at the
// relation that closes it: a policy cannot amend or revoke, through others, a
// policy that amends or revokes it.
func (l *loader) checkCycles(edges map[string][]edge) {
	const (
		unseen = iota
		onPath
		done
	)
	mark := map[string]int{}
	var stack []string
	var visit func(p string)
	visit = func(p string) {
		mark[p] = onPath
		stack = append(stack, p)
		for _, e := range edges[p] {
			switch mark[e.to] {
			case onPath:
				i := slices.Index(stack, e.to)
				cycle := strings.Join(append(append([]string{}, stack[i:]...), e.to), " → ")
				r := report{path: e.version.Path, probs: &l.probs}
				r.errorf(e.rel.Line, "%s: siklus perubahan dan pencabutan (%s): sebuah kebijakan tidak dapat mengubah atau mencabut kebijakan yang mengubah atau mencabutnya; hapus salah satu relasi", e.rel.Kind, cycle)
			case unseen:
				visit(e.to)
			}
		}
		stack = stack[:len(stack)-1]
		mark[p] = done
	}
	for _, p := range sortedKeys(edges) {
		if mark[p] == unseen {
			visit(p)
		}
	}
}
