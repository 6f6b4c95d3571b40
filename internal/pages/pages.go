// Package pages renders the site model into the files of the static site: every HTML
// page of the site (home, regions, policies, versions, histories, change pages,
// topics, the error page), the Atom feeds, the sitemap, robots.txt, the JDIHN
// feed, the share cards and the theme's assets.
//
// Render works in memory and returns the files by their path under the output
// directory, or hands each file on as soon as it is made, so that a build of
// thousands of pages need not hold them all.
package pages

import (
	"context"
	"fmt"
	"io/fs"
	"sync"

	"naskah/internal/legal"
	"naskah/internal/pages/card"
	"naskah/internal/site"
	"naskah/internal/theme"
)

// Link is a named link.
type Link struct{ Name, URL string }

type homeView struct {
	theme.Page
	Regions []*site.Region
	Latest  []*site.Version
}

type topicsView struct {
	theme.Page
	Tags []*site.Tag
}

type regionView struct {
	theme.Page
	Region *site.Region
}

type versionView struct {
	theme.Page
	Version *site.Version
	Tags    []Link
	Share   shareKit
	// ChangesURL is the change page from the previous version, if there is one.
	ChangesURL string
	// CompareVersion and CompareRegion open the comparison page with this version
	// against another version, or against the same kind of policy elsewhere.
	CompareVersion string
	CompareRegion  string
	// Moved maps the anchors of older versions to where they went; only the
	// pages of the version in force have it.
	Moved map[string]Moved
}

type historyView struct {
	theme.Page
	Policy   *site.Policy
	Versions []historyRow // newest first
	Timeline []site.Event
	DayForm  theme.DayForm
}

type historyRow struct {
	*site.Version
	ChangesURL string
}

type topicView struct {
	theme.Page
	Tag *site.Tag
}

// latestCount is how many versions the home page lists under latest changes.
const latestCount = 10

// Options change what Render renders.
type Options struct {
	// Only accepts the policies whose pages are rendered; nil accepts all.
	Only func(*site.Policy) bool
	// Previous is the output of the last build, if there is one: its share
	// cards are kept where they still show the same, rather than drawn again.
	Previous fs.FS
	// NoCards leaves the share cards out, for a check that writes nothing.
	NoCards bool
	// NoFileData gives the files beside the versions (originals, images) no
	// bytes: a check that writes nothing needs only to know they are there.
	NoFileData bool
	// Write, if set, takes every file as soon as it is made, by its path under
	// the output directory, and Render keeps none. It must be safe for
	// concurrent use: policies are rendered and share cards drawn in parallel.
	Write func(name string, data []byte) error
	// Workers is how many policies are rendered, and cards drawn, at once; the
	// builder decides it. Below 1 means 1.
	Workers int
}

// Render renders the files of the site as opts say: the pages of the site as a
// whole (home, regions, topics, feeds, sitemap, error page, assets) and those of
// the policies opts.Only accepts, with the files beside their versions. It returns them, unless opts.Write took them. It
// stops with ctx's error soon after ctx is done.
func Render(ctx context.Context, s *site.Site, th *theme.Theme, opts Options) (map[string][]byte, error) {
	r := &renderer{
		ctx: ctx, workers: max(opts.Workers, 1), site: s, theme: th, strs: th.Strings(), only: opts.Only, previous: opts.Previous, noCards: opts.NoCards, noFileData: opts.NoFileData,
		write: opts.Write, cardsToDraw: map[string]card.Card{}, qrDone: map[string]bool{},
	}
	if r.write == nil {
		r.files = map[string][]byte{}
	}
	steps := []func() error{r.home, r.regions, r.topics, r.notFound, r.feeds, r.sitemap, r.jdihn, r.assets, r.favicon, r.noServer, r.shortLinks, r.cards}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return r.files, nil
}

type renderer struct {
	ctx     context.Context // every file made checks it
	workers int
	only    func(*site.Policy) bool
	site    *site.Site
	theme   *theme.Theme
	strs    theme.Strings
	mu      sync.Mutex        // guards files, cardsToDraw and qrDone: policies and cards are made in parallel
	files   map[string][]byte // the files made, unless write takes them
	write   func(name string, data []byte) error
	// cardsToDraw are the share cards the pages refer to, by file; the cards
	// step draws them all at once, in parallel.
	cardsToDraw map[string]card.Card
	previous    fs.FS // may be nil
	noCards     bool
	noFileData  bool
	qrDone      map[string]bool // the QR codes made, by site path
}

// page renders one HTML page for the site path urlPath ("/a/b/").
func (r *renderer) page(urlPath, tmpl string, view any) error {
	out, err := r.theme.Render(tmpl, view)
	if err != nil {
		return fmt.Errorf("page %s: %w", urlPath, err)
	}
	return r.put(fileFor(urlPath), out)
}

// put hands on or keeps the file name.
func (r *renderer) put(name string, data []byte) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if r.write != nil {
		return r.write(name, data)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files[name] = data
	return nil
}

// FileFor maps a site path to the file that serves it.
func FileFor(urlPath string) string { return fileFor(urlPath) }

func fileFor(urlPath string) string {
	if urlPath == "/" {
		return "index.html"
	}
	if urlPath[len(urlPath)-1] == '/' {
		return urlPath[1:] + "index.html"
	}
	return urlPath[1:]
}

// t returns a UI string; keys used here are covered by the theme tests.
func (r *renderer) t(key string, args ...any) string {
	s, err := r.strs.T(key, args...)
	if err != nil {
		return key
	}
	return s
}

// fictional is the name of reg when it is a fictional example region, for the
// notice its pages carry; else "".
func (r *renderer) fictional(reg *site.Region) string {
	if !reg.Fictional {
		return ""
	}
	return r.t("kind."+reg.Kind) + " " + reg.Name
}

// date is d as readers read it ("6 April 2025").
func (r *renderer) date(d legal.Date) string {
	s, err := r.strs.Date(d)
	if err != nil {
		return d.String()
	}
	return s
}

func (r *renderer) base(urlPath, title, description string) theme.Page {
	info := theme.SiteInfo{Title: r.site.Title, Description: r.site.Description, Language: r.site.Language, BaseURL: r.site.BaseURL, StatusDate: r.site.Now}
	return r.theme.NewPage(info, urlPath, title, description)
}

// regionName is how titles, cards and feeds name reg: "Kabupaten Mamuju", and
// "Kabupaten Contoh (fiktif)" for a fictional example.
func (r *renderer) regionName(reg *site.Region) string {
	name := r.t("kind."+reg.Kind) + " " + reg.Name
	if reg.Fictional {
		name += " " + r.t("fictional.tag")
	}
	return name
}

func (r *renderer) crumbs(reg *site.Region, p *site.Policy, last string) []theme.Crumb {
	c := []theme.Crumb{{Name: r.t("nav.home"), URL: "/"}}
	if reg != nil {
		c = append(c, theme.Crumb{Name: r.regionName(reg), URL: reg.URL()})
	}
	if p != nil {
		c = append(c, theme.Crumb{Name: p.Current.Title, URL: p.URL()})
	}
	return append(c, theme.Crumb{Name: last})
}
