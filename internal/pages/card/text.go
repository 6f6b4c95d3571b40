package card

import (
	"fmt"
	"image"
	"image/draw"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// faceSet holds the faces a card is drawn with. A faceSet serves one card at
// a time; the Painter keeps it between cards so that its glyph caches last.
type faceSet struct {
	region, title, smallTitle, facts, site *cachedFace
}

// cachedFace keeps each glyph it has rasterised, and each advance and kern
// it has looked up: the titles of thousands of cards share a few dozen
// letters. Glyphs are placed on whole pixels, which at these sizes nobody can
// tell from subpixel placement.
type cachedFace struct {
	font.Face
	glyphs   map[rune]glyph
	advances map[rune]advance
	kerns    map[[2]rune]fixed.Int26_6
}

// advance is what GlyphAdvance returned.
type advance struct {
	adv fixed.Int26_6
	ok  bool
}

// glyph is a rasterised glyph: its coverage, in levels, of the box where it
// lies from the dot, and how far the dot then moves.
type glyph struct {
	cov  []uint8 // row by row; nil for a glyph the face lacks or that shows nothing
	box  image.Rectangle
	rows []extent // of each row of box, where cov is not zero
	adv  fixed.Int26_6
}

// glyph rasterises r, the first time it is asked for.
func (f *cachedFace) glyph(r rune) glyph {
	if g, ok := f.glyphs[r]; ok {
		return g
	}
	dr, mask, mp, adv, ok := f.Face.Glyph(fixed.Point26_6{}, r)
	g := glyph{box: dr, adv: adv}
	if ok && !dr.Empty() {
		a := image.NewAlpha(image.Rectangle{Max: dr.Size()})
		draw.Draw(a, a.Rect, mask, mp, draw.Src)
		g.cov = a.Pix
		for i, c := range g.cov {
			g.cov[i] = uint8(int(c) * (levels - 1) / 255)
		}
		w := dr.Dx()
		g.rows = make([]extent, dr.Dy())
		for y := range g.rows {
			g.rows[y] = inked(g.cov[y*w : (y+1)*w])
		}
	}
	f.glyphs[r] = g
	return g
}

// inked is the extent of row from its first to its last coverage.
func inked(row []uint8) extent {
	start, end := 0, len(row)
	for start < end && row[start] == 0 {
		start++
	}
	for end > start && row[end-1] == 0 {
		end--
	}
	if start == end {
		return extent{}
	}
	return extent{start, end}
}

// GlyphAdvance is f.Face's, remembered.
func (f *cachedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	a, ok := f.advances[r]
	if !ok {
		a.adv, a.ok = f.Face.GlyphAdvance(r)
		f.advances[r] = a
	}
	return a.adv, a.ok
}

// Kern is f.Face's, remembered.
func (f *cachedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k, ok := f.kerns[[2]rune{r0, r1}]
	if !ok {
		k = f.Face.Kern(r0, r1)
		f.kerns[[2]rune{r0, r1}] = k
	}
	return k
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
		*s.dst = &cachedFace{Face: f, glyphs: map[rune]glyph{}, advances: map[rune]advance{}, kerns: map[[2]rune]fixed.Int26_6{}}
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
	line, lineWidth := "", fixed.Int26_6(0)
	for _, w := range strings.Fields(s) {
		if line == "" {
			line, lineWidth = w, font.MeasureString(face, w)
			continue
		}
		// Measured a word at a time, the line with w is as wide as the line,
		// the kern between them and " "+w.
		last, _ := utf8.DecodeLastRuneInString(line)
		wider := lineWidth + face.Kern(last, ' ') + font.MeasureString(face, " "+w)
		if wider.Ceil() <= width {
			line, lineWidth = line+" "+w, wider
			continue
		}
		lines = append(lines, line)
		line, lineWidth = w, font.MeasureString(face, w)
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
