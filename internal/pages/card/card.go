// Package card draws the share card of a policy version: a 1200×630 PNG with
// the title, region, status and date, which link previews in WhatsApp,
// Telegram and social networks show (og:image), on a background whose colour
// tells the status (see the colours below). It draws with the Go fonts,
// embedded in the binary, so a build needs no network and no font files.
//
// A Painter is safe for concurrent use: the parsed fonts are shared, and each
// card is drawn with a kit of its own: faces, whose glyph caches are not safe
// to share, a canvas and the encoder's buffers.
//
// The package lives under pages, the one stage that draws cards. It encodes
// its PNGs itself (deflate.go says how): with image/png at BestSpeed a card
// takes more than twice as long to make (BenchmarkPNG) and comes out 3% larger,
// and a cold build of 5,000 versions, which draws 5,000 cards, takes 3 to 13%
// longer in naskah-bench.
package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"naskah/internal/legal"
)

// The size of a card: what Open Graph and Twitter's large summary card expect.
const (
	Width  = 1200
	Height = 630
)

// Colours: light text on a dark background whose hue tells the state of the
// version, so that a superseded or revoked text never passes in a chat for
// one in force: green for Berlaku, purple for Akan berlaku, brown for Tidak
// berlaku (diganti), red for Dicabut, slate for Rancangan, and the site's blue
// for a card that shows no version. Each of the three text colours stands
// above WCAG's 4.5:1 on each background (TestContrast gives the figures, 6:1 at
// the least), and the state is written out too, so colour is never its only
// sign.
var (
	backgrounds = map[legal.State]color.RGBA{
		"":               {0x12, 0x35, 0x5b, 0xff},
		legal.InForce:    {0x0d, 0x4a, 0x2b, 0xff},
		legal.Scheduled:  {0x3a, 0x25, 0x80, 0xff},
		legal.Superseded: {0x5a, 0x3a, 0x00, 0xff},
		legal.Revoked:    {0x7c, 0x15, 0x15, 0xff},
		legal.Draft:      {0x2f, 0x3b, 0x48, 0xff},
	}
	ink    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	muted  = color.RGBA{0xd6, 0xe4, 0xf0, 0xff}
	accent = color.RGBA{0xf2, 0xc1, 0x4e, 0xff}
)

// background is the background of a card of state s; a state without a
// colour of its own gets the site's.
func background(s legal.State) color.RGBA {
	if g, ok := backgrounds[s]; ok {
		return g
	}
	return backgrounds[""]
}

const (
	margin     = 80
	titleLines = 4 // lines of title before it is cut with an ellipsis
)

// Card is what a share card shows, as the reader should read it.
type Card struct {
	Title  string
	Region string // e.g. "Kabupaten Mamuju"
	Status string // e.g. "Berlaku"
	Date   string // e.g. "6 April 2025"; may be empty
	Label  string // e.g. "Versi 2025-04"
	Site   string // the site's title
	// State colours the card; empty for the site's own card.
	State legal.State
}

// Painter draws cards. It keeps a kit for each card it has drawn at once, a
// megabyte or so each, until it is dropped.
type Painter struct {
	regular, bold *opentype.Font

	mu   sync.Mutex
	idle []*kit
}

// A kit is what drawing a card takes. Kits are kept by the Painter, not in a
// sync.Pool, which would drop them, glyph caches and all, every few cards.
type kit struct {
	faces *faceSet
	cv    *canvas
	d     deflater
	out   []byte
}

// New parses the embedded fonts.
func New() (*Painter, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: %w", err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: %w", err)
	}
	return &Painter{regular: regular, bold: bold}, nil
}

// PNG draws c and encodes it, stamped so that Shows recognises it.
func (p *Painter) PNG(c Card) ([]byte, error) {
	k, err := p.kit()
	if err != nil {
		return nil, err
	}
	defer p.done(k)
	k.cv.img.Palette = palettes[background(c.State)]
	k.cv.fill(image.Rect(0, 0, Width, 16), inkAccent)
	drawText(k.cv, k.faces, c)
	k.out = encode(k.out[:0], k.cv, stampChunk(c), &k.d)
	return bytes.Clone(k.out), nil
}

// kit takes an idle kit, or makes one.
func (p *Painter) kit() (*kit, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		k := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return k, nil
	}
	p.mu.Unlock()
	faces, err := p.newFaces()
	if err != nil {
		return nil, err
	}
	return &kit{faces: faces, cv: newCanvas()}, nil
}

// done makes k idle again, with a blank canvas.
func (p *Painter) done(k *kit) {
	k.cv.reset()
	p.mu.Lock()
	p.idle = append(p.idle, k)
	p.mu.Unlock()
}

func drawText(cv *canvas, faces *faceSet, c Card) {
	cv.text(faces.region, inkMuted, margin, 110, c.Region)
	title := faces.title
	lines := wrap(title, c.Title, Width-2*margin, titleLines)
	if len(lines) > 3 {
		title = faces.smallTitle
		lines = wrap(title, c.Title, Width-2*margin, titleLines)
	}
	step := title.Metrics().Height.Ceil()
	y := 110 + 30 + step
	for _, line := range lines {
		cv.text(title, inkText, margin, y, line)
		y += step
	}
	facts := c.Status
	for _, s := range []string{c.Date, c.Label} {
		if s != "" {
			facts += " · " + s
		}
	}
	cv.text(faces.facts, inkAccent, margin, Height-110, facts)
	cv.text(faces.site, inkMuted, margin, Height-55, c.Site)
}
