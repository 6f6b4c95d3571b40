package card

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestEncode encodes canvases with arbitrary pixels and text, and checks
// that image/png decodes them to the same pixels and palette.
func TestEncode(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	k, err := p.kit()
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(7, 8))
	var d deflater
	for i := range 4 {
		k.cv.reset()
		for range 20 * i {
			x, y := rnd.IntN(Width), rnd.IntN(Height)
			r := image.Rect(x, y, x+rnd.IntN(300), y+rnd.IntN(40)).Intersect(k.cv.img.Rect)
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					k.cv.img.SetColorIndex(x, y, uint8(rnd.IntN(len(k.cv.img.Palette))))
				}
				k.cv.draw(y, r.Min.X, r.Max.X)
			}
		}
		if i%2 == 1 {
			drawText(k.cv, k.faces, sample)
		}
		data := encode(nil, k.cv, stampChunk(sample), &d)
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("canvas %d: %v", i, err)
		}
		got, ok := img.(*image.Paletted)
		if !ok {
			t.Fatalf("canvas %d decodes to a %T, want an *image.Paletted", i, img)
		}
		if diff := pixelDiff(k.cv.img, got); diff != "" {
			t.Errorf("canvas %d: %s", i, diff)
		}
		for y := range Height {
			if !bytes.Equal(got.Pix[y*got.Stride:][:Width], k.cv.img.Pix[y*k.cv.img.Stride:][:Width]) {
				t.Fatalf("canvas %d: row %d decodes to other palette indices", i, y)
			}
		}
	}
}

// TestSize checks that a card comes out no bigger than image/png makes it.
func TestSize(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	k, err := p.kit()
	if err != nil {
		t.Fatal(err)
	}
	drawText(k.cv, k.faces, sample)
	var std bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&std, k.cv.img); err != nil {
		t.Fatal(err)
	}
	var d deflater
	if got := encode(nil, k.cv, nil, &d); len(got) > std.Len() {
		t.Errorf("the card takes %d bytes; image/png makes it in %d", len(got), std.Len())
	}
}

// TestPainterReuse draws cards one after another and at once, and checks
// that each comes out as it does from a fresh Painter: nothing of one card
// is left on the canvas of the next.
func TestPainterReuse(t *testing.T) {
	cards := []Card{
		sample,
		{Title: "Perda Nomor 1", Region: "Kota Palu", Status: "Dicabut", Label: "Versi 1", Site: "naskah"},
		{Title: "naskah", Site: "https://naskah.example.org"},
		{},
	}
	want := make([][]byte, len(cards))
	for i, c := range cards {
		p, err := New()
		if err != nil {
			t.Fatal(err)
		}
		if want[i], err = p.PNG(c); err != nil {
			t.Fatal(err)
		}
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range 3 * len(cards) {
				i := (g + n) % len(cards)
				got, err := p.PNG(cards[i])
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(got, want[i]) {
					t.Errorf("card %d drawn after others differs from the card drawn first", i)
				}
			}
		})
	}
	wg.Wait()
}
