package card

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/image/font"
)

var sample = Card{
	Title:  "Penyusunan Kebijakan Pengelolaan Kepegawaian Aparatur Sipil Negara di Lingkungan Pemerintah Kabupaten Mamuju",
	Region: "Kabupaten Mamuju", Status: "Berlaku", Date: "6 April 2025", Label: "Versi 2025-04", Site: "naskah",
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
	if Shows(data[:20], sample) || Shows(nil, sample) {
		t.Errorf("Shows takes a truncated file for a card")
	}
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
