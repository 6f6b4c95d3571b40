package site

import (
	"cmp"
	"slices"

	"naskah/internal/content"
	"naskah/internal/legal"
)

// A RelationKind is how a version relates to another instrument, as readers
// read it: one a version states, or the inverse derived on the other side.
type RelationKind string

// The relations and their inverses, in the order pages list them.
const (
	Amends        RelationKind = "amends"         // mengubah
	AmendedBy     RelationKind = "amended-by"     // diubah dengan
	Revokes       RelationKind = "revokes"        // mencabut
	RevokedBy     RelationKind = "revoked-by"     // dicabut dengan
	Implements    RelationKind = "implements"     // melaksanakan
	ImplementedBy RelationKind = "implemented-by" // dilaksanakan dengan
	Related       RelationKind = "related"        // terkait
)

// inverse maps a stated relation to the one its target is given.
var inverse = map[content.RelationKind]RelationKind{
	content.Amends:     AmendedBy,
	content.Revokes:    RevokedBy,
	content.Implements: ImplementedBy,
	content.Related:    Related,
}

var relationOrder = []RelationKind{Amends, AmendedBy, Revokes, RevokedBy, Implements, ImplementedBy, Related}

// A Relation is one relation of a version to another instrument: an instrument
// of the site (Policy, and Version when one is named or, for an inverse, the
// version that states it), or one outside it, cited in Citation.
type Relation struct {
	Kind     RelationKind
	Citation string
	Policy   *Policy
	Version  *Version
}

// Target is the version the relation leads to: the one named, else the
// policy's current one; nil for a citation.
func (r Relation) Target() *Version {
	switch {
	case r.Version != nil:
		return r.Version
	case r.Policy != nil:
		return r.Policy.Current
	}
	return nil
}

// URL is where the relation leads: a version's page, or a policy's main page;
// empty for a citation.
func (r Relation) URL() string {
	switch {
	case r.Version != nil:
		return r.Version.URL()
	case r.Policy != nil:
		return r.Policy.URL()
	}
	return ""
}

// Ref names the instrument of the site the relation leads to, as
// REGION/POLICY[@VERSION]; empty for a citation.
func (r Relation) Ref() string {
	if r.Policy == nil {
		return ""
	}
	ref := legal.Ref{Region: r.Policy.Region.Slug, Policy: r.Policy.Slug}
	if r.Version != nil {
		ref.Version = r.Version.Slug
	}
	return ref.String()
}

// Name is how the other instrument is named: its citation, or the designation
// (else the title) of the version the relation leads to.
func (r Relation) Name() string {
	t := r.Target()
	switch {
	case t == nil:
		return r.Citation
	case t.Designation != "":
		return t.Designation
	}
	return t.Title
}

// relate resolves the relations every version states, gives their targets
// the inverses, and returns the revocations of each policy by other
// instruments. References were checked by content.Load; one that leads to a
// version left out of the site (a draft) is shown as its citation.
func relate(s *Site, stated map[*Version][]content.Relation) map[*Policy][]*Version {
	policies := map[string]*Policy{}
	for _, r := range s.Regions {
		for _, p := range r.Policies {
			policies[r.Slug+"/"+p.Slug] = p
		}
	}
	revokers := map[*Policy][]*Version{}
	for _, v := range s.Versions {
		for _, cr := range stated[v] {
			rel := resolve(policies, cr)
			v.Relations = append(v.Relations, rel)
			if rel.Policy == nil || v.Status == content.Draft {
				continue
			}
			back := Relation{Kind: inverse[cr.Kind], Policy: v.Policy, Version: v}
			if rel.Version != nil {
				rel.Version.Relations = append(rel.Version.Relations, back)
			} else {
				for _, tv := range rel.Policy.Versions {
					tv.Relations = append(tv.Relations, back)
				}
			}
			if cr.Kind == content.Revokes {
				revokers[rel.Policy] = append(revokers[rel.Policy], v)
			}
		}
	}
	for _, v := range s.Versions {
		sortRelations(v.Relations)
	}
	return revokers
}

func resolve(policies map[string]*Policy, cr content.Relation) Relation {
	rel := Relation{Kind: RelationKind(cr.Kind), Citation: cr.Target}
	ref, ok := cr.Reference()
	if !ok {
		return rel
	}
	p := policies[ref.Region+"/"+ref.Policy]
	if p == nil {
		return rel
	}
	if ref.Version == "" {
		rel.Policy = p
		return rel
	}
	for _, v := range p.Versions {
		if v.Slug == ref.Version {
			rel.Policy, rel.Version = p, v
		}
	}
	return rel
}

// sortRelations orders relations by kind, stably: as written, then as derived
// in the order of the site's versions.
func sortRelations(rels []Relation) {
	slices.SortStableFunc(rels, func(a, b Relation) int {
		return cmp.Compare(slices.Index(relationOrder, a.Kind), slices.Index(relationOrder, b.Kind))
	})
}

// revokedBy returns, of the versions that revoke a policy, the one whose
// revocation takes effect first, if it has by now; else nil.
func revokedBy(revokers []*Version, now legal.Date) *Version {
	var first *Version
	for _, v := range revokers {
		if v.Date.Compare(now) > 0 && !v.Date.IsZero() {
			continue
		}
		if first == nil || v.Date.Compare(first.Date) < 0 {
			first = v
		}
	}
	return first
}
