package card

import (
	"fmt"
	"image"
	"image/draw"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// faceSet holds the faces a card is drawn with. A faceSet serves one card at
// a time; the Painter keeps them in a pool so that their glyph caches last.
type faceSet struct {
	region, title, smallTitle, facts, site *cachedFace
}

// cachedFace keeps each glyph it has rasterised: the titles of thousands of
// cards share a few dozen letters. Glyphs are placed on whole pixels, which at
// these sizes nobody can tell from subpixel placement.
type cachedFace struct {
	font.Face
	glyphs map[rune]glyph
}

// glyph is a rasterised glyph: its coverage mask, where the mask sits from the
// dot, and how far the dot then moves.
type glyph struct {
	mask *image.Alpha // nil for a glyph the face lacks or that shows nothing
	off  image.Point
	adv  fixed.Int26_6
}

func (f *cachedFace) glyph(r rune) glyph {
	if g, ok := f.glyphs[r]; ok {
		return g
	}
	dr, mask, mp, adv, ok := f.Face.Glyph(fixed.Point26_6{}, r)
	g := glyph{off: dr.Min, adv: adv}
	if ok && !dr.Empty() {
		g.mask = image.NewAlpha(image.Rectangle{Max: dr.Size()})
		draw.Draw(g.mask, g.mask.Rect, mask, mp, draw.Src)
	}
	f.glyphs[r] = g
	return g
}

func (p *Painter) newFaces() (*faceSet, error) {
	var fs faceSet
	specs := []struct {
		dst  **cachedFace
		font *opentype.Font
		size float64
	}{
		{&fs.region, p.regular, 40},
		{&fs.title, p.bold, 68},
		{&fs.smallTitle, p.bold, 54},
		{&fs.facts, p.bold, 38},
		{&fs.site, p.regular, 30},
	}
	for _, s := range specs {
		f, err := opentype.NewFace(s.font, &opentype.FaceOptions{Size: s.size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			fs.close()
			return nil, fmt.Errorf("card: %w", err)
		}
		*s.dst = &cachedFace{Face: f, glyphs: map[rune]glyph{}}
	}
	return &fs, nil
}

func (fs *faceSet) close() {
	for _, f := range []*cachedFace{fs.region, fs.title, fs.smallTitle, fs.facts, fs.site} {
		if f != nil {
			f.Close()
		}
	}
}

// wrap breaks s into lines no wider than width at spaces, at most max lines;
// text that does not fit ends the last line with an ellipsis. A word wider
// than a line is cut.
func wrap(face font.Face, s string, width, max int) []string {
	fits := func(t string) bool { return font.MeasureString(face, t).Ceil() <= width }
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case fits(line + " " + w):
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] += " …"
	}
	for i, l := range lines {
		lines[i] = cut(l, fits)
	}
	return lines
}

// cut shortens l, ending it with an ellipsis, until it fits.
func cut(l string, fits func(string) bool) string {
	if fits(l) {
		return l
	}
	r := []rune(strings.TrimSuffix(l, " …"))
	for len(r) > 0 && !fits(string(r)+"…") {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
