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
type canvas struct {
	img *image.Paletted
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

func newCanvas() *canvas {
	pal := color.Palette{background}
	for _, c := range inks {
		for j := range levels {
			pal = append(pal, blend(background, c, j, levels-1))
		}
	}
	return &canvas{img: image.NewPaletted(image.Rect(0, 0, Width, Height), pal)}
}

func blend(a, b color.RGBA, j, n int) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(n-j) + int(y)*j) / n) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// shade is the palette index of ink k at coverage j (0 to levels-1).
func shade(k, j int) uint8 { return uint8(1 + k*levels + j) }

// fill paints r in ink k at full coverage.
func (cv *canvas) fill(r image.Rectangle, k int) {
	r = r.Intersect(cv.img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := cv.img.Pix[cv.img.PixOffset(r.Min.X, y):cv.img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = shade(k, levels-1)
		}
	}
}

// text draws s in ink k with its baseline at y.
func (cv *canvas) text(face *cachedFace, k, x, y int, s string) {
	dot := fixed.I(x)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot += face.Kern(prev, r)
		}
		g := face.glyph(r)
		if g.mask != nil {
			cv.glyph(g.mask, image.Pt(dot.Round(), y).Add(g.off), k)
		}
		dot += g.adv
		prev = r
	}
}

// glyph paints a glyph's coverage mask with its top left corner at at; where
// glyphs overlap the stronger coverage wins.
func (cv *canvas) glyph(mask *image.Alpha, at image.Point, k int) {
	dr := mask.Rect.Add(at)
	clipped := dr.Intersect(cv.img.Rect)
	for y := clipped.Min.Y; y < clipped.Max.Y; y++ {
		for x := clipped.Min.X; x < clipped.Max.X; x++ {
			a := int(mask.Pix[mask.PixOffset(x-at.X, y-at.Y)])
			j := a * (levels - 1) / 255
			if j == 0 {
				continue
			}
			i := cv.img.PixOffset(x, y)
			if old := cv.img.Pix[i]; old == 0 || int(old-1)%levels < j {
				cv.img.Pix[i] = shade(k, j)
			}
		}
	}
}
