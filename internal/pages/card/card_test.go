package card

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"

	"naskah/internal/legal"
)

var update = flag.Bool("update", false, "rewrite the golden cards in testdata")

var sample = Card{
	Title:  "Penyusunan Kebijakan Pengelolaan Kepegawaian Aparatur Sipil Negara di Lingkungan Pemerintah Kabupaten Mamuju",
	Region: "Kabupaten Mamuju", Status: "Berlaku", Date: "6 April 2025", Label: "Versi 2025-04", Site: "naskah",
	State: legal.InForce,
}

func TestPNG(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	data, err := p.PNG(sample)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Fatalf("card is %v, want %d×%d", b, Width, Height)
	}
	if pi, ok := img.(*image.Paletted); !ok || len(pi.Palette) != 1+len(inks)*levels {
		t.Errorf("card decodes to a %T, want a paletted image of %d colours", img, 1+len(inks)*levels)
	}
	// Text was drawn: some pixels of the title area are light.
	light := 0
	for y := 150; y < 400; y++ {
		for x := margin; x < Width-margin; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r > 0xc000 {
				light++
			}
		}
	}
	if light < 1000 {
		t.Errorf("only %d light pixels where the title should be", light)
	}
}

// TestGolden compares the pixels of a few cards with testdata/*.png. Run go
// test -update after changing how cards look, and look at the new files.
func TestGolden(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		card Card
	}{
		{"long-title", sample},
		{"short", Card{Title: "Perda Nomor 1", Region: "Kota Palu", Status: "Dicabut", Label: "Versi 1", Site: "naskah", State: legal.Revoked}},
		{"superseded", Card{Title: "Perda Nomor 1", Region: "Kota Palu", Status: "Tidak berlaku (diganti)", Label: "Versi 1", Site: "naskah", State: legal.Superseded}},
		{"site", Card{Title: "naskah", Site: "https://naskah.example.org"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := p.PNG(tt.card)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".png")
			if *update {
				if err := os.WriteFile(golden, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/pages/card -update)", err)
			}
			if diff := pixelDiff(decode(t, want), decode(t, data)); diff != "" {
				t.Errorf("card differs from %s: %s", golden, diff)
			}
		})
	}
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// pixelDiff describes how got's colours differ from want's, or is empty.
func pixelDiff(want, got image.Image) string {
	if want.Bounds() != got.Bounds() {
		return fmt.Sprintf("bounds %v, want %v", got.Bounds(), want.Bounds())
	}
	n, first := 0, image.Point{}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r0, g0, b0, a0 := want.At(x, y).RGBA()
			r1, g1, b1, a1 := got.At(x, y).RGBA()
			if r0 != r1 || g0 != g1 || b0 != b1 || a0 != a1 {
				if n == 0 {
					first = image.Pt(x, y)
				}
				n++
			}
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d pixels differ, the first at %v: %v, want %v", n, first, got.At(first.X, first.Y), want.At(first.X, first.Y))
}

func TestStamp(t *testing.T) {
	p, _ := New()
	data, err := p.PNG(sample)
	if err != nil {
		t.Fatal(err)
	}
	if !Shows(data, sample) {
		t.Errorf("Shows does not recognise the card drawn from the same Card")
	}
	other := sample
	other.Status = "Tidak berlaku (diganti)"
	if Shows(data, other) {
		t.Errorf("Shows takes a card for one with another status")
	}
	other = sample
	other.State = legal.Superseded
	if Shows(data, other) {
		t.Errorf("Shows takes a card for one of another colour")
	}
	if Shows(data[:20], sample) || Shows(nil, sample) {
		t.Errorf("Shows takes a truncated file for a card")
	}
}

// TestStateColours draws a card of every state and of none: each has a
// background of its own, so that Berlaku, Akan berlaku, diganti, Dicabut and
// Rancangan never look alike.
func TestStateColours(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[color.Color]string{}
	for _, s := range append([]legal.State{""}, legal.States()...) {
		c := sample
		c.State = s
		data, err := p.PNG(c)
		if err != nil {
			t.Fatal(err)
		}
		corner := decode(t, data).At(Width-1, Height-1)
		if other, ok := seen[corner]; ok {
			t.Errorf("state %q has the background of state %q: %v", s, other, corner)
		}
		seen[corner] = string(s)
	}
}

// TestContrast computes WCAG's contrast ratio of each text colour on each
// background: at least 4.5:1 for text of any size.
func TestContrast(t *testing.T) {
	for s, bg := range backgrounds {
		for _, fg := range inks {
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("state %q: %v on %v has a contrast of %.2f:1, want 4.5:1 at least", s, fg, bg, r)
			} else {
				t.Logf("state %q: %v on %v: %.2f:1", s, fg, bg, r)
			}
		}
	}
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func TestWrap(t *testing.T) {
	p, _ := New()
	fs, err := p.newFaces()
	if err != nil {
		t.Fatal(err)
	}
	defer fs.close()
	const width = 600
	lines := wrap(fs.title, sample.Title+" "+sample.Title, width, 3)
	if len(lines) != 3 {
		t.Fatalf("wrap gave %d lines, want 3: %q", len(lines), lines)
	}
	for _, l := range lines {
		if w := font.MeasureString(fs.title, l).Ceil(); w > width {
			t.Errorf("line %q is %d px wide, more than %d", l, w, width)
		}
	}
	if !strings.HasSuffix(lines[2], "…") {
		t.Errorf("cut title does not end with an ellipsis: %q", lines[2])
	}
	if got := wrap(fs.title, "Singkat", width, 3); len(got) != 1 || got[0] != "Singkat" {
		t.Errorf("wrap(short) = %q", got)
	}
	long := wrap(fs.title, strings.Repeat("x", 200), width, 3)
	if w := font.MeasureString(fs.title, long[0]).Ceil(); w > width {
		t.Errorf("an overlong word was not cut: %d px", w)
	}
}

func BenchmarkPNG(b *testing.B) {
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := p.PNG(sample); err != nil {
			b.Fatal(err)
		}
	}
}
