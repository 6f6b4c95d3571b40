package pages

import (
	"bytes"
	"image/png"
	"testing"

	"naskah/internal/pages/card"
	"naskah/internal/theme"
)

// TestCardSize checks that the share cards are the size the pages state in
// og:image:width and og:image:height: theme, which the server shares, cannot
// ask package card.
func TestCardSize(t *testing.T) {
	p, err := card.New()
	if err != nil {
		t.Fatal(err)
	}
	data, err := p.PNG(card.Card{Title: "Kebijakan", Region: "Kabupaten Contoh", Status: "Berlaku", Site: "naskah"})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != theme.CardWidth || cfg.Height != theme.CardHeight {
		t.Errorf("a card is %d×%d; the pages say %d×%d", cfg.Width, cfg.Height, theme.CardWidth, theme.CardHeight)
	}
}
