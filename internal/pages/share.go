package pages

import (
	"net/url"
	"strconv"
	"strings"

	"naskah/internal/legal"
	"naskah/internal/pages/card"
	"naskah/internal/pages/qrcode"
	"naskah/internal/site"
	"naskah/internal/theme"
)

// qrFile, beside each version's page, is the QR code of its short link, for
// socialisation staff to download. The share card (theme.CardFile) is beside it.
const qrFile = "qr.svg"

// shareKit is what a version's page offers for sharing it: exact links, share
// links that load nothing from their targets, the QR code of its short link
// and the citation of every section, for naskah.js to copy.
type shareKit struct {
	URL      string // the version's permanent URL, absolute
	ShortURL string // the short link, absolute
	QRFile   string // site path of the QR code of ShortURL, an SVG file
	QRLabel  string // the code's text alternative
	Links    []Link // WhatsApp, Telegram, e-mail
	Title    string // title for the Web Share API
	Text     string // text for the Web Share API
	Cite     citeData
	// Paper spells out, with their absolute URLs, the links that a reader of
	// the printed handout needs, as a link on paper cannot be followed: where
	// the banner of a version not in force sends the reader, and the
	// authentic original.
	Paper []Link
}

// citeData is the JSON block #kutipan, from which naskah.js makes the
// citation it copies. Cite holds, per heading id (or, in a regulation, per
// unit id, and "" for the text before the first heading), the citation up to
// the status; naskah.js puts it into Form with the URL of the block copied and
// the day of copying, written with Day and Months, as the build writes dates.
type citeData struct {
	URL    string            `json:"url"`
	Cite   map[string]string `json:"cite"`
	Form   string            `json:"form"`   // cite.copy: citation, URL, day
	Day    string            `json:"day"`    // date.day: day, month name, year
	Months []string          `json:"months"` // month.1 to month.12
}

// share prepares the share kit of v and queues its files: the card and the
// standalone QR code.
func (r *renderer) share(v *site.Version) (shareKit, error) {
	k := shareKit{
		URL:      r.site.Abs(v.URL()),
		ShortURL: r.site.Abs(v.ShortURL()),
		QRFile:   v.URL() + qrFile,
		Title:    v.Title,
		Text:     r.t("share.text", v.Title, r.regionName(v.Policy.Region), v.Label),
		Cite:     r.cite(v),
	}
	k.QRLabel = r.t("share.qr_label", k.ShortURL)
	if l := r.onward(v); l.URL != "" {
		k.Paper = append(k.Paper, l)
	}
	if f := v.OriginalFile; f != nil {
		k.Paper = append(k.Paper, Link{Name: r.t("share.original"), URL: r.site.Abs(v.FileURL(f))})
	}
	if r.firstQR(k.QRFile) { // the policy page shares its current version's
		svg, err := qrcode.SVG(k.ShortURL, k.QRLabel)
		if err != nil {
			return k, err
		}
		if err := r.put(k.QRFile[1:], qrcode.Standalone(svg)); err != nil {
			return k, err
		}
	}
	k.Links = []Link{
		{Name: r.t("share.whatsapp"), URL: "https://wa.me/?text=" + queryEscape(k.Text+" "+k.URL)},
		{Name: r.t("share.telegram"), URL: "https://t.me/share/url?url=" + queryEscape(k.URL) + "&text=" + queryEscape(k.Text)},
		{Name: r.t("share.email"), URL: "mailto:?subject=" + queryEscape(v.Title) + "&body=" + queryEscape(k.Text+"\n\n"+k.URL)},
	}
	c := r.card(v)
	r.mu.Lock()
	r.cardsToDraw[v.URL()[1:]+theme.CardFile] = c
	r.mu.Unlock()
	return k, nil
}

// firstQR tells whether the QR code file has not been asked for before, and
// notes that it now has.
func (r *renderer) firstQR(file string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.qrDone[file] {
		return false
	}
	r.qrDone[file] = true
	return true
}

// queryEscape escapes s for a query, with spaces as %20, which mailto: needs
// and every share target reads.
func queryEscape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// cite makes the citations of v's sections, or of its units if it is a
// regulation. A citation that a reader copies has, in this order and with
// this punctuation:
//
//	{designation or title}, {region}, bagian “{heading}”, versi {label} ({date}), {status} per {day of the build}, {URL}, diakses {day of copying}
//
// for example "Kebijakan Uji Kepegawaian, Kabupaten Contoh, bagian “Penutup”,
// versi 2024-01 (Januari 2024), Tidak berlaku (diganti) per 4 Desember 2026,
// https://…/2024-01/#penutup, diakses 5 Desember 2026". The text before the
// first heading has no bagian, an undated version no date. A unit of a
// regulation is cited as lawyers cite it, the unit before the instrument:
// "Pasal 2 ayat (2) huruf b Peraturan Bupati Contoh Nomor 3 Tahun 2025 tentang
// …, Kabupaten Contoh, versi …". The build writes each citation up to the
// status; the URL, with the anchor of the block copied, and the day, which
// only the reader's browser knows, are naskah.js's to add (form cite.copy).
func (r *renderer) cite(v *site.Version) citeData {
	what := v.Designation
	if what == "" {
		what = v.Title
	}
	version := r.t("cite.version", v.Label)
	if date, err := r.strs.Date(v.Date); err == nil && date != "" {
		version = r.t("cite.dated", version, date)
	}
	status := r.t("status."+string(v.State)) + " " + r.t("policy.status_as_of", r.date(r.site.Now))
	join := func(parts ...string) string { return strings.Join(parts, ", ") }
	region := r.regionName(v.Policy.Region)
	c := citeData{
		URL:  r.site.Abs(v.URL()),
		Cite: map[string]string{"": join(what, region, version, status)},
		Form: r.t("cite.copy"), Day: r.t("date.day"),
	}
	for m := 1; m <= 12; m++ {
		c.Months = append(c.Months, r.t("month."+strconv.Itoa(m)))
	}
	if v.Doc == nil {
		return c
	}
	if v.Doc.Units != nil {
		for _, u := range v.Doc.Units {
			c.Cite[u.ID] = join(u.Cite+" "+what, region, version, status)
		}
		return c
	}
	for _, h := range v.Doc.TOC {
		c.Cite[h.ID] = join(what, region, r.t("cite.section", h.Text), version, status)
	}
	return c
}

// onward is the link that v's banner offers, if any: to the instrument that
// revoked the policy, or to the version in force. Its URL is empty for the
// version in force.
func (r *renderer) onward(v *site.Version) Link {
	cur := v.Policy.Current
	switch by := v.Policy.RevokedBy; {
	case v.State == legal.Revoked && by != nil:
		name := by.Designation
		if name == "" {
			name = by.Title
		}
		return Link{Name: r.t("relation.revoked_banner") + " " + name, URL: r.site.Abs(by.URL())}
	case cur != nil && cur != v:
		return Link{Name: r.t("share.onward", cur.Label), URL: r.site.Abs(cur.URL())}
	}
	return Link{}
}

// card is what v's share card shows.
func (r *renderer) card(v *site.Version) card.Card {
	date, _ := r.strs.Date(v.Date)
	return card.Card{
		Title: v.Title, Region: r.regionName(v.Policy.Region), Status: r.t("status."+string(v.State)) + " " + r.t("policy.status_as_of", r.date(r.site.Now)),
		Date: date, Label: r.t("policy.version") + " " + v.Label, Site: r.site.Title, State: v.State,
	}
}

// versionImage is the share image of v's pages.
func (r *renderer) versionImage(v *site.Version) theme.Image {
	c := r.card(v)
	alt := r.t("share.card_alt", c.Title, c.Region, c.Status)
	return theme.Image{URL: r.site.Abs(v.URL() + theme.CardFile), Width: theme.CardWidth, Height: theme.CardHeight, Alt: alt}
}
