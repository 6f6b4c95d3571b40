package card

import (
	"image"
	"image/color"

	"golang.org/x/image/math/fixed"
)

// A canvas is a paletted image of a background and a few text colours, each
// in levels of coverage. Encoding a paletted PNG is several times faster than
// a true-colour one (no filtering, a quarter of the bytes to compress), which
// matters when a build draws thousands of cards.
//
// A canvas is drawn on again and again, and mostly stays background: it
// notes where in each row it was drawn on, so that neither reset nor the
// encoder need look at the rest, and where a line of text repeats a glyph,
// which the encoder can then code as a copy.
type canvas struct {
	img *image.Paletted
	// data is the PNG's image data: each row of img is preceded by its
	// filter byte, which is zero (none) and lies in the byte between two of
	// img's rows, never drawn on. The pixels need no copying to be encoded.
	data  []byte
	drawn [Height]extent // of each row; outside it the row is background
	lines []line         // of text, from top to bottom
	live  []span         // scratch for liveData
	seen  []placed       // scratch for text
}

// An extent is a part of a row, from x0 to x1.
type extent struct{ x0, x1 int }

// A line is the rows a line of text was drawn on, and the parts of them
// where a glyph was drawn again.
type line struct {
	y0, y1  int
	repeats []repeat
}

// placed is where a glyph was drawn on a line.
type placed struct {
	r rune
	x int
}

// levels is how many shades of coverage each ink has, from background to
// full colour. Sixteen look as smooth as 256 at these sizes, and compress
// better.
const levels = 16

// inks are the colours text is drawn in, by index.
var inks = []color.RGBA{ink, muted, accent}

const (
	inkText = iota
	inkMuted
	inkAccent
)

// palettes holds the palette of each background: the background, then each
// ink in levels of coverage over it. An index means the same in every palette,
// so a card takes its colours by taking a palette.
var palettes = func() map[color.RGBA]color.Palette {
	m := map[color.RGBA]color.Palette{}
	for _, b := range backgrounds {
		pal := color.Palette{b}
		for _, c := range inks {
			for j := range levels {
				pal = append(pal, blend(b, c, j, levels-1))
			}
		}
		m[b] = pal
	}
	return m
}()

func newCanvas() *canvas {
	data := make([]byte, (Width+1)*Height)
	img := &image.Paletted{Pix: data[1:], Stride: Width + 1, Rect: image.Rect(0, 0, Width, Height), Palette: palettes[background("")]}
	return &canvas{img: img, data: data}
}

func blend(a, b color.RGBA, j, n int) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(n-j) + int(y)*j) / n) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// shade is the palette index of ink k at coverage j (0 to levels-1).
func shade(k int, j uint8) uint8 { return uint8(1+k*levels) + j }

// coverage is the coverage of each palette index: 0 for the background.
var coverage = func() (c [256]uint8) {
	for i := 1; i < len(c); i++ {
		c[i] = uint8(i-1) % levels
	}
	return c
}()

// reset paints the canvas all background again.
func (cv *canvas) reset() {
	for y, e := range cv.drawn {
		clear(cv.img.Pix[cv.img.PixOffset(e.x0, y):cv.img.PixOffset(e.x1, y)])
	}
	clear(cv.drawn[:])
	cv.lines = cv.lines[:0]
}

// draw notes that row y was drawn on from x0 to x1.
func (cv *canvas) draw(y, x0, x1 int) {
	e := &cv.drawn[y]
	if e.x0 == e.x1 {
		*e = extent{x0, x1}
		return
	}
	e.x0, e.x1 = min(e.x0, x0), max(e.x1, x1)
}

// liveData is the spans of data that were drawn on, ascending, with the
// repeats of the line each lies in.
func (cv *canvas) liveData() []span {
	cv.live = cv.live[:0]
	lines := cv.lines
	for y, e := range cv.drawn {
		if e.x0 == e.x1 {
			continue
		}
		origin := 1 + y*cv.img.Stride // after the row's filter byte
		sp := span{start: origin + e.x0, end: origin + e.x1, origin: origin}
		for len(lines) > 0 && lines[0].y1 <= y {
			lines = lines[1:]
		}
		if len(lines) > 0 && lines[0].y0 <= y {
			sp.repeats = lines[0].repeats
		}
		cv.live = append(cv.live, sp)
	}
	return cv.live
}

// fill paints r in ink k at full coverage.
func (cv *canvas) fill(r image.Rectangle, k int) {
	r = r.Intersect(cv.img.Rect)
	var first []uint8
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := cv.img.Pix[cv.img.PixOffset(r.Min.X, y):cv.img.PixOffset(r.Max.X, y)]
		if first == nil {
			for i := range row {
				row[i] = shade(k, levels-1)
			}
			first = row
		}
		copy(row, first)
		cv.draw(y, r.Min.X, r.Max.X)
	}
}

// text draws s in ink k with its baseline at y.
func (cv *canvas) text(face *cachedFace, k, x, y int, s string) {
	ln := line{y0: Height}
	cv.seen = cv.seen[:0]
	dot := fixed.I(x)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot += face.Kern(prev, r)
		}
		g := face.glyph(r)
		if g.cov != nil {
			at := image.Pt(dot.Round(), y)
			cv.glyph(g, at, k)
			box := g.box.Add(at)
			ln.y0, ln.y1 = min(ln.y0, box.Min.Y), max(ln.y1, box.Max.Y)
			if dist := cv.placedBefore(r, at.X); dist > 0 {
				ln.repeats = append(ln.repeats, repeat{box.Min.X, box.Max.X, dist})
			}
		}
		dot += g.adv
		prev = r
	}
	if ln.y0 < ln.y1 {
		cv.lines = append(cv.lines, ln)
	}
}

// placedBefore notes that r is placed at x on the current line, and returns
// how far before x it was last placed on the line, or 0. Each glyph is drawn
// the same wherever it is placed, so rows of the glyph likely repeat there.
func (cv *canvas) placedBefore(r rune, x int) int {
	dist := 0
	for i := len(cv.seen) - 1; i >= 0; i-- {
		if cv.seen[i].r == r {
			dist = x - cv.seen[i].x
			break
		}
	}
	cv.seen = append(cv.seen, placed{r, x})
	return dist
}

// glyph paints g in ink k with its dot at dot. Where glyphs overlap the
// stronger coverage wins.
func (cv *canvas) glyph(g glyph, dot image.Point, k int) {
	dr := g.box.Add(dot)
	w := g.box.Dx()
	ink := shade(k, 0)
	for gy, in := range g.rows {
		y := dr.Min.Y + gy
		x0, x1 := max(dr.Min.X+in.x0, 0), min(dr.Min.X+in.x1, Width)
		if y < 0 || y >= Height || x0 >= x1 {
			continue
		}
		from := gy*w + x0 - dr.Min.X
		src := g.cov[from : from+x1-x0]
		dst := cv.img.Pix[cv.img.PixOffset(x0, y):]
		dst = dst[:len(src)]
		for i, j := range src {
			if v := dst[i]; j > coverage[v] {
				dst[i] = ink + j
			}
		}
		cv.draw(y, x0, x1)
	}
}
