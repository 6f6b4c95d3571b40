package card

import (
	"encoding/binary"
	"hash/crc32"
)

// encode appends to dst the PNG file of cv: 8-bit paletted, with the stamp
// chunk st right after the header, where Shows looks for it.
func encode(dst []byte, cv *canvas, st []byte, d *deflater) []byte {
	dst = append(dst, "\x89PNG\r\n\x1a\n"...)
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(cv.img.Rect.Dx()))
	binary.BigEndian.PutUint32(hdr[4:], uint32(cv.img.Rect.Dy()))
	hdr[8], hdr[9] = 8, 3 // bit depth, paletted; then deflate, adaptive filters, no interlace
	dst = appendChunk(dst, "IHDR", hdr[:])
	dst = append(dst, st...)

	pal := make([]byte, 0, 3*len(cv.img.Palette))
	for _, c := range cv.img.Palette {
		r, g, b, _ := c.RGBA()
		pal = append(pal, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	dst = appendChunk(dst, "PLTE", pal)

	// The length of IDAT is known once its data is written.
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0, 'I', 'D', 'A', 'T')
	dst = d.compress(dst, cv.data, cv.img.Stride, cv.liveData())
	binary.BigEndian.PutUint32(dst[at:], uint32(len(dst)-at-8))
	dst = binary.BigEndian.AppendUint32(dst, crc32.ChecksumIEEE(dst[at+4:]))
	return appendChunk(dst, "IEND", nil)
}

// appendChunk appends a PNG chunk to dst.
func appendChunk(dst []byte, typ string, data []byte) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(data)))
	at := len(dst)
	dst = append(append(dst, typ...), data...)
	return binary.BigEndian.AppendUint32(dst, crc32.ChecksumIEEE(dst[at:]))
}
