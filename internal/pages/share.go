package pages

import (
	"net/url"
	"strings"

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
}

// citeData is the JSON block #kutipan: the permanent URL, and per heading id
// the citation of that section without its URL ("" for text before the first
// heading). naskah.js appends the URL with the anchor of the copied block.
type citeData struct {
	URL  string            `json:"url"`
	Cite map[string]string `json:"cite"`
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

// cite makes the citation of every section of v.
func (r *renderer) cite(v *site.Version) citeData {
	head := v.Title + ", " + r.regionName(v.Policy.Region) + ", " + r.t("cite.version", v.Label)
	if date, err := r.strs.Date(v.Date); err == nil && date != "" {
		head = r.t("cite.dated", head, date)
	}
	c := citeData{URL: r.site.Abs(v.URL()), Cite: map[string]string{"": head + "."}}
	if v.Doc == nil {
		return c
	}
	if v.Doc.Units != nil {
		// A unit of a regulation is cited as lawyers cite it: "Pasal 2 ayat
		// (2) huruf b Peraturan Bupati Contoh Nomor 3 Tahun 2025 tentang …".
		instrument := v.Designation
		if instrument == "" {
			instrument = head
		}
		for _, u := range v.Doc.Units {
			c.Cite[u.ID] = u.Cite + " " + instrument + "."
		}
		return c
	}
	for _, h := range v.Doc.TOC {
		c.Cite[h.ID] = head + ", " + r.t("cite.section", h.Text) + "."
	}
	return c
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
