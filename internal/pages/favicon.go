package pages

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
)

// favicon writes /favicon.ico, which browsers and feed readers ask for
// whatever the pages say: the theme's icon drawn at 32 px (a page on the
// accent colour), in the ICO container around a PNG, as every browser reads.
func (r *renderer) favicon() error {
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	accent := color.RGBA{0x0b, 0x57, 0xa4, 0xff}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	for y := range 32 {
		for x := range 32 {
			c := accent
			page := x >= 9 && x < 24 && y >= 6 && y < 26 && !(x >= 19 && y < 11 && x-19 > y-6)
			line := (y == 15 || y == 19) && x >= 12 && x < 21 || y == 23 && x >= 12 && x < 18
			if page && !line {
				c = white
			}
			img.Set(x, y, c)
		}
	}
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		return err
	}
	var ico bytes.Buffer
	// ICONDIR: reserved, type 1 (icon), one image; then its ICONDIRENTRY:
	// 32×32, no palette, reserved, 1 plane, 32 bits, the PNG's size and offset.
	_ = binary.Write(&ico, binary.LittleEndian, []uint16{0, 1, 1})
	ico.Write([]byte{32, 32, 0, 0})
	_ = binary.Write(&ico, binary.LittleEndian, []uint16{1, 32})
	_ = binary.Write(&ico, binary.LittleEndian, []uint32{uint32(pngData.Len()), 6 + 16})
	ico.Write(pngData.Bytes())
	return r.put("favicon.ico", ico.Bytes())
}
