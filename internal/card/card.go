// Package card draws the share card of a policy version: a 1200×630 PNG with
// the title, region, status and date, which link previews in WhatsApp,
// Telegram and social networks show (og:image). It draws with the Go fonts,
// embedded in the binary, so a build needs no network and no font files.
//
// A Painter is safe for concurrent use: the parsed fonts are shared, and each
// call makes its own faces, whose glyph caches are not.
package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The size of a card: what Open Graph and Twitter's large summary card expect.
const (
	Width  = 1200
	Height = 630
)

// Colours: light text on a dark blue, well above WCAG's 4.5:1 for every pair.
var (
	background = color.RGBA{0x12, 0x35, 0x5b, 0xff}
	ink        = color.RGBA{0xff, 0xff, 0xff, 0xff}
	muted      = color.RGBA{0xd6, 0xe4, 0xf0, 0xff}
	accent     = color.RGBA{0xf2, 0xc1, 0x4e, 0xff}
)

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
}

// Painter draws cards.
type Painter struct {
	regular, bold *opentype.Font
	enc           png.Encoder
	faces         sync.Pool // of *faceSet
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
	return &Painter{regular: regular, bold: bold, enc: png.Encoder{CompressionLevel: png.BestSpeed}}, nil
}

// PNG draws c and encodes it, stamped so that Shows recognises it.
func (p *Painter) PNG(c Card) ([]byte, error) {
	cv := newCanvas()
	cv.fill(image.Rect(0, 0, Width, 16), inkAccent)
	if err := p.drawText(cv, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := p.enc.Encode(&buf, cv.img); err != nil {
		return nil, fmt.Errorf("card: %w", err)
	}
	return withStamp(buf.Bytes(), c), nil
}

func (p *Painter) drawText(cv *canvas, c Card) error {
	faces, ok := p.faces.Get().(*faceSet)
	if !ok {
		var err error
		if faces, err = p.newFaces(); err != nil {
			return err
		}
	}
	defer p.faces.Put(faces)
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
	return nil
}
