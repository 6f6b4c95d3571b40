package search

import (
	"slices"
	"strings"

	"naskah/internal/catalog"
	"naskah/internal/legal"
)

// Direct is where a query that cites an instrument, or a unit of one, leads:
// the version that is that instrument, at the unit.
type Direct struct {
	// Cite is the unit's citation and the instrument's designation: "Pasal 4
	// ayat (2) Peraturan Bupati Contoh Nomor 3 Tahun 2024 tentang …".
	Cite    string
	URL     string // the version's permanent URL, with the unit's anchor
	Region  string
	Policy  string
	Version string
	Unit    string // the unit's id, "pasal-4-ayat-2"; "" for the instrument as a whole
	// Missing is the unit as cited when the instrument has no such unit; Unit
	// is then the deepest of the units named that it has, or "".
	Missing string
}

// MaxCandidates is how many instruments an answer lists that a citation may
// name ("perbup 3/2024" in a site of many regions), in catalog order.
const MaxCandidates = 20

// firstHit is the hit of the cited Pasal, which comes first among the hits.
type firstHit struct {
	hit     Hit
	version *catalog.Version
	// leaveOut is the document that the other hits leave out, as the first
	// stands for it; "" when its hit in the index is of another version.
	leaveOut string
}

// cite resolves a citation against the catalog: where it leads, or the
// instruments it may name when it names several, and the hit that comes
// first, if any does and it passes r's filters.
func (ix *Index) cite(c citation, r Request) (*Direct, []Direct, *firstHit) {
	found := ix.instruments(c)
	if len(found) > 1 && len(c.units) > 0 {
		// The unit may tell them apart: a Pasal of one, a section of another.
		if has := slices.DeleteFunc(slices.Clone(found), func(v *catalog.Version) bool {
			return v.Form != formPeraturan || section(v, pasalID(c.units[0])) == nil
		}); len(has) > 0 {
			found = has
		}
	}
	switch len(found) {
	case 0:
		return nil, nil, nil
	case 1:
	default:
		candidates := make([]Direct, min(len(found), MaxCandidates))
		for i := range candidates {
			candidates[i] = *directTo(found[i], nil)
		}
		return nil, candidates, nil
	}
	v := found[0]
	d := directTo(v, c.units)
	if d.Unit == "" || !passes(v, r) {
		return d, nil, nil
	}
	return d, nil, ix.firstHit(v, pasalID(c.units[0]), d, r)
}

// instruments are the versions that are the instrument c cites, one per
// policy: versions of one policy that state the same instrument are one, and
// the one in force, or else the newest, stands for them.
func (ix *Index) instruments(c citation) []*catalog.Version {
	var out []*catalog.Version
	for _, reg := range ix.cat.Regions {
		if len(c.region) > 0 && !regionNamed(reg, c.region) {
			continue
		}
		for _, p := range reg.Policies {
			var pick *catalog.Version
			for _, v := range p.Versions {
				if in := v.Instrument; in != nil && legal.Form(in.Type) == c.form && instrumentNumber(in.Number) == c.number &&
					(c.year == 0 || in.Year == c.year) && (pick == nil || !pick.Current) {
					pick = v
				}
			}
			if pick != nil {
				out = append(out, pick)
			}
		}
	}
	return out
}

// instrumentNumber is a number as citations compare them.
func instrumentNumber(n string) string {
	return strings.ToLower(strings.TrimLeft(strings.TrimSpace(n), "0"))
}

// regionWords are words a citation may put before a region's name: its kind,
// or the title of its head.
var regionWords = [][]string{{"kabupaten"}, {"kab"}, {"kota"}, {"provinsi"}, {"prov"}, {"bupati"}, {"wali", "kota"}, {"gubernur"}}

// regionNamed reports whether words, as a citation writes them, name reg.
func regionNamed(reg *catalog.Region, words []string) bool {
	name := citeTokens(reg.Name)
	forms := [][]string{words}
	for _, prefix := range regionWords {
		if len(words) > len(prefix) && slices.Equal(words[:len(prefix)], prefix) {
			forms = append(forms, words[len(prefix):])
		}
	}
	for _, w := range forms {
		if slices.Equal(w, name) || strings.Join(w, "-") == reg.Slug {
			return true
		}
	}
	return false
}

// directTo is where a citation of the units of v leads: the deepest of them
// that v has.
func directTo(v *catalog.Version, units []unitRef) *Direct {
	d := &Direct{Region: v.Region, Policy: v.Policy, Version: v.Slug, URL: v.URL, Cite: v.Title}
	if v.Instrument != nil && v.Instrument.Designation != "" {
		d.Cite = v.Instrument.Designation
	}
	if len(units) == 0 {
		return d
	}
	id, cite, whole := unitIn(v, units)
	if id != "" {
		d.Unit, d.URL, d.Cite = id, d.URL+"#"+id, cite+" "+d.Cite
	}
	if !whole {
		d.Missing = citeUnits(units)
	}
	return d
}

// unitIn finds the units in v, from the Pasal down, as far as v has them: the
// id and citation of the deepest, and whether it is the last of units.
func unitIn(v *catalog.Version, units []unitRef) (id, cite string, whole bool) {
	sec := section(v, pasalID(units[0]))
	if v.Form != formPeraturan || sec == nil {
		return "", "", false
	}
	have := make(map[string]bool, len(sec.Blocks))
	for _, b := range sec.Blocks {
		have[b.ID] = true
	}
	id, cite = sec.ID, citeUnits(units[:1])
	for _, u := range units[1:] {
		next := ""
		for _, kind := range itemKinds[u.kind] {
			if cand := id + "-" + kind + "-" + u.number; have[cand] {
				next, cite = cand, cite+" "+citeItem(kind, u.number)
				break
			}
		}
		if next == "" {
			return id, cite, false
		}
		id = next
	}
	return id, cite, true
}

// itemKinds are the kinds of unit that a level of a citation may be: "huruf
// a" is a huruf a. or, in an angka, a huruf a).
var itemKinds = map[string][]string{"ayat": {"ayat"}, "huruf": {"huruf", "subhuruf"}, "angka": {"angka", "subangka"}}

func pasalID(u unitRef) string { return "pasal-" + u.number }

// citeUnits cites units as lawyers write them: "Pasal 4A ayat (2) huruf b".
func citeUnits(units []unitRef) string {
	parts := []string{"Pasal " + strings.ToUpper(units[0].number)}
	for _, u := range units[1:] {
		parts = append(parts, citeItem(u.kind, u.number))
	}
	return strings.Join(parts, " ")
}

func citeItem(kind, number string) string {
	switch kind {
	case "ayat":
		return "ayat (" + number + ")"
	case "subhuruf":
		return "huruf " + number + ")"
	case "subangka":
		return "angka " + number + ")"
	}
	return kind + " " + number
}

// passes reports whether v passes the filters of r.
func passes(v *catalog.Version, r Request) bool {
	return (len(r.Regions) == 0 || slices.Contains(r.Regions, v.Region)) &&
		(r.Tag == "" || slices.Contains(v.Tags, r.Tag)) &&
		(r.Status == "" || v.Status == r.Status)
}

// firstHit makes the hit of the Pasal of v with the id, which d leads into,
// with the text from d's unit on as its fragment.
func (ix *Index) firstHit(v *catalog.Version, pasal string, d *Direct, r Request) *firstHit {
	sec := section(v, pasal)
	if sec == nil {
		return nil
	}
	f := &firstHit{version: v, hit: Hit{
		Region: v.Region, Policy: v.Policy, Version: v.Slug, Title: v.Title, Section: sec.Heading,
		URL: ix.hitURL(v, sec.ID), Status: v.Status, Date: v.Date,
		Fragments: ix.fragments(textFrom(sec, d.Unit), &marker{terms: map[string]bool{}}),
	}}
	if doc := documentSection(v, sec.ID); ix.hitOf(v, *doc, r) {
		f.leaveOut = docID(v, *doc)
	}
	return f
}

// hitOf reports whether the index's hit of the document of sec, a section of
// v, is of v, as hit resolves it: then the first hit stands for it.
func (ix *Index) hitOf(v *catalog.Version, sec catalog.Section, r Request) bool {
	id := docID(v, sec)
	var last *catalog.Version
	for _, w := range ix.cat.Policy(v.Region, v.Policy).Versions {
		if (!r.AllVersions && !w.Current) || (r.Status != "" && w.Status != r.Status) {
			continue
		}
		if s := documentSection(w, sec.ID); s != nil && docID(w, *s) == id {
			last = w
		}
	}
	return last == v
}

// textFrom is the text of sec from the block with the id on.
func textFrom(sec *catalog.Section, id string) string {
	at := 0
	for _, b := range sec.Blocks {
		if b.ID == id && strings.HasPrefix(sec.Text[min(at, len(sec.Text)):], b.Text) {
			return sec.Text[at:]
		}
		at += len(b.Text) + len("\n\n")
	}
	return sec.Text
}

// window is where bleve's hits of r's page start and how many there are, and
// the document they leave out: f, if not nil, takes the first place of the
// first page, and stands for that document.
func (f *firstHit) window(r Request) (from, size int, leaveOut string) {
	from, size = (r.Page-1)*r.Size, r.Size
	switch {
	case f == nil:
	case r.Page == 1:
		size--
	default:
		from--
	}
	if f != nil {
		leaveOut = f.leaveOut
	}
	return from, size, leaveOut
}

// insert puts f first among the hits of res, which leave out its document,
// and counts it in the total and the facets.
func (f *firstHit) insert(res *Result) {
	res.Total++
	res.Facets.Region = addCount(res.Facets.Region, f.version.Region, facetFields[0].size)
	for _, t := range f.version.Tags {
		res.Facets.Tag = addCount(res.Facets.Tag, t, facetFields[1].size)
	}
	res.Facets.Status = addCount(res.Facets.Status, f.version.Status, facetFields[2].size)
	if res.Page != 1 {
		return
	}
	h := f.hit
	h.Score = 1
	if len(res.Hits) > 0 {
		h.Score = res.Hits[0].Score // it ranks as the best of the others
	}
	res.Hits = append([]Hit{h}, res.Hits...)
}

// addCount counts one more hit with value in a facet's list, which stays in
// order, most hits first, and at most size long.
func addCount(list []Count, value string, size int) []Count {
	list = slices.Clone(list)
	i := slices.IndexFunc(list, func(c Count) bool { return c.Value == value })
	if i < 0 {
		list = append(list, Count{Value: value})
		i = len(list) - 1
	}
	list[i].Count++
	for ; i > 0 && list[i-1].Count < list[i].Count; i-- {
		list[i-1], list[i] = list[i], list[i-1]
	}
	return list[:min(len(list), size)]
}
