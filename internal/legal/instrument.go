package legal

import (
	"strconv"
	"strings"
)

// A Form is the form an instrument takes (its jenis), as front matter writes it
// in type: "perbup" for a Peraturan Bupati.
type Form string

// Forms are the forms naskah knows, in the order drafters meet them.
var Forms = []Form{"perda", "perbup", "perwal", "pergub", "kepbup", "kepwal", "kepgub", "se", "instruksi", "lainnya"}

// forms names each form in full and short, with %s where the regional head or
// the region goes.
var forms = map[Form]struct{ name, short string }{
	"perda":     {"Peraturan Daerah", "Perda"},
	"perbup":    {"Peraturan Bupati", "Perbup"},
	"perwal":    {"Peraturan Wali Kota", "Perwal"},
	"pergub":    {"Peraturan Gubernur", "Pergub"},
	"kepbup":    {"Keputusan Bupati", "Kepbup"},
	"kepwal":    {"Keputusan Wali Kota", "Kepwal"},
	"kepgub":    {"Keputusan Gubernur", "Kepgub"},
	"se":        {"Surat Edaran", "SE"},
	"instruksi": {"Instruksi", "Instruksi"},
	"lainnya":   {"", ""},
}

// Name is the form in full, e.g. "Peraturan Bupati"; "" for lainnya and for a
// form naskah does not know.
func (f Form) Name() string { return forms[f].name }

// Short is the abbreviation of the form, e.g. "Perbup".
func (f Form) Short() string { return forms[f].short }

// RegionKind is the kind of region whose head issues instruments of form f
// ("kabupaten" for a Peraturan Bupati), or "" for a form any region issues.
func (f Form) RegionKind() string {
	switch f {
	case "perbup", "kepbup":
		return "kabupaten"
	case "perwal", "kepwal":
		return "kota"
	case "pergub", "kepgub":
		return "provinsi"
	}
	return ""
}

// FormFor is the form of kind of region that corresponds to f: "perwal" for
// "perbup" in a kota. It returns f when f fits kind or any region.
func FormFor(f Form, kind string) Form {
	if k := f.RegionKind(); k == "" || k == kind || heads[kind] == "" {
		return f
	}
	decree := strings.HasPrefix(string(f), "kep")
	switch {
	case kind == "kabupaten" && decree:
		return "kepbup"
	case kind == "kabupaten":
		return "perbup"
	case kind == "kota" && decree:
		return "kepwal"
	case kind == "kota":
		return "perwal"
	case decree:
		return "kepgub"
	}
	return "pergub"
}

// heads are the regional heads by the kind of region.
var heads = map[string]string{"kabupaten": "Bupati", "kota": "Wali Kota", "provinsi": "Gubernur"}

// kinds are the kinds of region as a designation writes them.
var kinds = map[string]string{"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}

// Designation is how an instrument is cited in full: "Peraturan Bupati Mamuju
// Nomor 12 Tahun 2025 tentang Pengelolaan ASN". A regional regulation names the
// kind of region ("Peraturan Daerah Kabupaten Mamuju"), a circular or an
// instruction its head ("Surat Edaran Bupati Mamuju"). Without a number or a year
// those parts are left out; the designation of no form is "".
func Designation(f Form, regionKind, regionName, number string, year int, title string) string {
	name := f.Name()
	if name == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(name)
	switch f {
	case "perda":
		b.WriteString(" " + kinds[regionKind])
	case "se", "instruksi":
		b.WriteString(" " + heads[regionKind])
	}
	b.WriteString(" " + regionName)
	if number != "" {
		b.WriteString(" Nomor " + number)
	}
	if year != 0 {
		b.WriteString(" Tahun " + strconv.Itoa(year))
	}
	if title != "" {
		b.WriteString(" tentang " + title)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// TEUBadan is the corporate main entry (tajuk entri utama badan) of the
// instruments of a region, as JDIHN catalogues them: the province, a dot and
// the region ("Sulawesi Barat.Kabupaten Mamuju"); a province's own is its name.
// A province written "Provinsi Sulawesi Barat" is read as "Sulawesi Barat".
func TEUBadan(regionKind, regionName, province string) string {
	if regionKind == "provinsi" {
		return strings.TrimPrefix(regionName, "Provinsi ")
	}
	region := strings.TrimSpace(kinds[regionKind] + " " + regionName)
	if province = strings.TrimPrefix(province, "Provinsi "); province == "" {
		return region
	}
	return province + "." + region
}
