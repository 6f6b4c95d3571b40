package build

import (
	"encoding/binary"
	"hash/maphash"
	"maps"
	"strings"

	"naskah/internal/content"
)

// fingerprints are the hashes of a content tree's files that tell the preview
// what changed since its last build.
type fingerprints struct {
	site     uint64            // of the site's own file
	policies map[string]uint64 // by "region/policy"
}

// fingerprints hashes the bytes of the site's file, and of each policy's files
// with its region's, so that any change to what a policy's pages show changes
// its fingerprint.
// The hash need only tell this Builder's builds apart, so a fast one with a seed
// of its own does.
func (b *Builder) fingerprints(tree *content.Tree) *fingerprints {
	out := map[string]uint64{}
	for _, r := range tree.Regions {
		for _, pol := range r.Policies {
			var h maphash.Hash
			h.SetSeed(b.seed)
			hashBytes(&h, r.Raw)
			for _, v := range pol.Versions {
				hashBytes(&h, []byte(v.Path))
				hashBytes(&h, v.Raw)
			}
			for _, f := range pol.Files {
				hashBytes(&h, []byte(f.Name))
				hashBytes(&h, f.SHA256[:])
			}
			out[r.Slug+"/"+pol.Slug] = h.Sum64()
		}
	}
	return &fingerprints{site: maphash.Bytes(b.seed, tree.Site.Raw), policies: out}
}

// hashBytes adds b to h after its length, so that no two lists of byte strings
// hash alike by running into each other.
func hashBytes(h *maphash.Hash, b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// changedPolicies lists the policies added, removed or changed since the last
// build, or all of them when full or when the site's own file changed. When
// policies come or go, every policy counts as changed: each policy's pages link to the same kind of policy in another
// region, which may be the one that came or went.
func changedPolicies(last, now *fingerprints, full bool) (map[string]bool, bool) {
	full = full || now.site != last.site
	if !full && (len(now.policies) != len(last.policies) || !maps.EqualFunc(now.policies, last.policies, func(uint64, uint64) bool { return true })) {
		full = true
	}
	changed := map[string]bool{}
	for key, fp := range now.policies {
		if full || last.policies[key] != fp {
			changed[key] = true
		}
	}
	if full {
		for key := range last.policies {
			changed[key] = true // gone: its index entries go too
		}
	}
	return changed, full
}

// underChanged reports whether an output file belongs to a changed policy.
func underChanged(name string, changed map[string]bool) bool {
	parts := strings.SplitN(name, "/", 3)
	return len(parts) == 3 && changed[parts[0]+"/"+parts[1]]
}
