package pages

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"naskah/internal/catalog"
	"naskah/internal/content"
	"naskah/internal/legal"
	"naskah/internal/site"
)

// A jdihnRecord is one instrument in the feed that the national legal
// documentation network (JDIHN) harvests from its members: JDIHN's field names,
// every value a string, as its harvester reads them.
type jdihnRecord struct {
	IDData              string `json:"idData"`
	TahunPengundangan   string `json:"tahun_pengundangan"`
	TanggalPengundangan string `json:"tanggal_pengundangan"`
	Jenis               string `json:"jenis"`
	NoPeraturan         string `json:"noPeraturan"`
	Judul               string `json:"judul"`
	SingkatanJenis      string `json:"singkatanJenis"`
	TempatTerbit        string `json:"tempatTerbit"`
	Sumber              string `json:"sumber"`
	Subjek              string `json:"subjek"`
	Status              string `json:"status"`
	Bahasa              string `json:"bahasa"`
	BidangHukum         string `json:"bidangHukum"`
	TEUBadan            string `json:"teuBadan"`
	FileDownload        string `json:"fileDownload"`
	URLDownload         string `json:"urlDownload"`
	URLDetailPeraturan  string `json:"urlDetailPeraturan"`
	Abstrak             string `json:"abstrak"`
	Operasi             string `json:"operasi"`
	Display             string `json:"display"`
	LastUpdated         string `json:"lastUpdated"`
}

// jdihn writes the JDIHN feed: one record per instrument, that is per policy
// of a real region whose version in force (or newest) states its type, in the
// order of regions and policies. It is made from the site model as a whole, so
// that it is whole even when only some policies' pages are rendered again.
func (r *renderer) jdihn() error {
	records := []jdihnRecord{}
	for _, reg := range r.site.Regions {
		if reg.Fictional {
			continue // an example that exists nowhere is no one's law
		}
		for _, p := range reg.Policies {
			if v := p.Current; v.Type != "" && v.Status != content.Draft {
				records = append(records, r.jdihnRecord(v))
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(records); err != nil {
		return err
	}
	return r.put(fileFor(catalog.JDIHNPath), buf.Bytes())
}

// jdihnRecord is the record of the policy whose version v is in force or newest.
func (r *renderer) jdihnRecord(v *site.Version) jdihnRecord {
	p, reg := v.Policy, v.Policy.Region
	rec := jdihnRecord{
		IDData:              reg.Slug + "/" + p.Slug,
		TanggalPengundangan: fullDate(v.Promulgated),
		Jenis:               v.Type.Name(),
		NoPeraturan:         v.Number,
		Judul:               v.Designation,
		SingkatanJenis:      strings.ToUpper(v.Type.Short()),
		TempatTerbit:        v.Place,
		Sumber:              v.Gazette,
		Subjek:              strings.Join(v.Subjects, " - "),
		Status:              "Tidak Berlaku",
		Bahasa:              "Indonesia",
		BidangHukum:         v.Field,
		TEUBadan:            legal.TEUBadan(reg.Kind, reg.Name, reg.Province),
		URLDetailPeraturan:  r.site.Abs(p.URL()),
		Abstrak:             v.Abstract,
		Operasi:             "4",
		Display:             "1",
		LastUpdated:         dayOf(lastChange(p, r.site.Now)),
	}
	if v.Year != 0 {
		rec.TahunPengundangan = strconv.Itoa(v.Year)
	}
	if v.State == legal.InForce {
		rec.Status = "Berlaku"
	}
	if v.Original != "" {
		rec.FileDownload = v.Original
		rec.URLDownload = r.site.Abs(v.URL() + v.Original)
	}
	return rec
}

// fullDate is d as JDIHN writes a date, YYYY-MM-DD; "" for a date that is
// not a whole day, which naskah check warns about.
func fullDate(d legal.Date) string {
	if d.Day == 0 {
		return ""
	}
	return d.String()
}

// dayOf is the day d begins, YYYY-MM-DD: the first of the month for a month;
// "" for no date.
func dayOf(d legal.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// lastChange is the last day on or before now on which something the record
// of p says took place: a version was enacted, promulgated or came into force,
// or another instrument revoked p. Two builds of the same content on the same
// day give the same day, whatever the files' times.
func lastChange(p *site.Policy, now legal.Date) legal.Date {
	var last legal.Date
	consider := func(d legal.Date) {
		if !d.IsZero() && d.Compare(now) <= 0 && d.Compare(last) > 0 {
			last = d
		}
	}
	for _, v := range p.Versions {
		if v.Status != content.Draft {
			consider(v.Date)
			consider(v.Enacted)
			consider(v.Promulgated)
		}
	}
	if p.RevokedBy != nil {
		consider(p.RevokedBy.Date)
	}
	return last
}
