// Package legal is the small vocabulary that build time and serve time share about
// policies as legal instruments: the reference that names a version
// (REGION/POLICY@VERSION) with its slugs and short code, dates as drafters write
// them, the states a reader sees, and how the units of a regulation are cited
// from their permanent ids and counts are spelled out, as an amending
// instrument writes them.
//
// It is a leaf: it imports no other naskah package, so the content loader, the
// site model, the theme and the server all speak of the same things in one way.
package legal
