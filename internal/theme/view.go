package theme

import (
	"net/url"

	"naskah/internal/legal"
)

// SiteInfo is what every page shows of the site as a whole.
type SiteInfo struct {
	Title, Description, Language string
	BaseURL                      string // absolute, without a trailing slash
	// StatusDate is the day the states shown hold on: the build's moment.
	StatusDate legal.Date
}

// Page holds what every page's layout needs: the static pages' and the server's
// alike. Page views embed it.
type Page struct {
	Site        SiteInfo
	Title       string // the page's own title; empty on the home page
	Description string
	Canonical   string // absolute URL; empty for pages that have none
	OGType      string
	Feed        string // path of the Atom feed that fits the page
	Crumbs      []Crumb
	NoIndex     bool
	// Image is the share image of Open Graph and Twitter cards.
	Image Image
	// Refresh, if set, sends the browser on to this site path at once: the
	// redirect pages of short links have it.
	Refresh string
	// Fictional names the example region the page belongs to, which exists
	// nowhere; every such page says so. Empty for a real region's pages.
	Fictional string
}

// Image is a share image with its size and text alternative.
type Image struct {
	URL           string // absolute
	Width, Height int
	Alt           string
}

// Crumb is one step of the breadcrumb trail; the last has no URL.
type Crumb struct{ Name, URL string }

// DayForm asks for the version of a policy in force on a day. It is sent to
// the policy's URL with ?pada=YYYY-MM-DD, which the server answers; a static
// host without it shows the policy's page as it is.
type DayForm struct {
	Action string // the policy's URL
	Value  string // the day asked for, as the reader wrote it; empty at first
}

// The share card: every version has one, and the pages that belong to no version
// share the site's, at SiteCard. Package pages/card draws it at this size, which
// a test of pages keeps equal to card.Width and card.Height.
const (
	CardFile   = "kartu.png"
	SiteCard   = "/" + CardFile
	CardWidth  = 1200
	CardHeight = 630
)

// NewPage is the page at the site path urlPath (empty for a page without a
// canonical URL) with its title and description, the site's description when
// empty. Its share image is the site's card.
func (t *Theme) NewPage(site SiteInfo, urlPath, title, description string) Page {
	if description == "" {
		description = site.Description
	}
	p := Page{
		Site: site, Title: title, Description: description, OGType: "website", Feed: "/feed.xml",
		Image: Image{URL: site.BaseURL + SiteCard, Width: CardWidth, Height: CardHeight, Alt: t.mustT("share.site_card_alt", site.Title)},
	}
	if urlPath != "" {
		p.Canonical = site.BaseURL + urlPath
	}
	return p
}

// mustT is a UI string, or its key where the theme lacks it: a page shows the key
// rather than failing. The theme tests check that every key is there.
func (t *Theme) mustT(key string, args ...any) string {
	s, err := t.strings.T(key, args...)
	if err != nil {
		return key
	}
	return s
}

// CompareURL is the comparison page of a and b; a zero b asks the reader to
// choose it, and view may be empty or "side".
func CompareURL(a, b legal.Ref, view string) string {
	u := "/bandingkan?a=" + a.Query()
	if b != (legal.Ref{}) {
		u += "&b=" + b.Query()
	}
	if view != "" {
		u += "&view=" + url.QueryEscape(view)
	}
	return u
}
