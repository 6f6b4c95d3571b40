package card

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// A card's image data is compressed here rather than by compress/flate, whose
// general search for matches cost most of the time of drawing a card. A card
// is mostly background, which the canvas knows without looking; the rest is
// runs of one colour, rows of text much like the rows above them, and glyphs
// drawn again further along a line, where the canvas knows too. So matches at
// three distances, one byte back (a run), one row back and back to the glyph
// drawn before, find more than flate's BestSpeed finds, for a glance at each
// byte, and one block, with Huffman codes fitted to the card, keeps the file
// smaller than image/png makes it.

const (
	minMatch   = 3
	maxMatch   = 258
	maxDist    = 32768
	endOfBlock = 256
	numLit     = 286 // literal and length symbols
	numDist    = 30
	numCodeLen = 19 // symbols of the code that codes the code lengths
)

// A token is a literal byte, or a match of a length and a distance, kept as
// the symbols and extra bits that code it: the literal or length symbol in
// bits 0-8, the length's extra bits in 9-13, the distance symbol plus one (0
// for a literal) in 14-18 and its extra bits in 19-31. A literal's unused
// fields are zeros, which lets writeBlock code every token alike.
type token uint32

func (t token) sym() int { return int(t & 0x1ff) }

// distIndex is where the code of t's distance is in deflater.dist: the
// symbol + 1, or 0 for a literal.
func (t token) distIndex() int { return int(t >> 14 & 0x1f) }

// A span is a stretch of the data to compress, from start to end, within
// one row, outside of which the data is all zeros.
type span struct {
	start, end int
	origin     int      // where the row's x = 0 lies in the data
	repeats    []repeat // in the row, ascending
}

// A repeat is a part of a row, from x0 to x1, that may well repeat the bytes
// dist before it: where a line of text repeats a glyph. One out of order is
// merely missed.
type repeat struct{ x0, x1, dist int }

// A deflater writes zlib streams, keeping its buffers from one to the next.
type deflater struct {
	tokens   []token
	litFreq  [numLit]int32
	distFreq [numDist]int32
	lit      [numLit]code
	dist     [1 + numDist]code // by token.distIndex: none, then each symbol's
}

// compress appends to dst the zlib stream of s, whose rows are row bytes
// long. Outside the spans live, ascending, s is all zeros, which compress
// spares looking at.
func (d *deflater) compress(dst, s []byte, row int, live []span) []byte {
	d.tokenise(s, row, live)
	w := bitWriter{out: append(dst, 0x78, 0x01)} // deflate, 32 KiB window, no dictionary
	d.writeBlock(&w)
	return binary.BigEndian.AppendUint32(w.flush(), checksum(s, live))
}

// tokenise turns s into literals and matches, and counts the symbols they
// need.
func (d *deflater) tokenise(s []byte, row int, live []span) {
	d.tokens = d.tokens[:0]
	clear(d.litFreq[:])
	clear(d.distFreq[:])
	if len(s) == 0 {
		return
	}
	d.literal(s[0])
	i := 1
	for _, sp := range live {
		if i < sp.start {
			i = d.zeros(s, i, sp.start)
		}
		i = d.scan(s, i, sp, row)
	}
	if i < len(s) {
		d.zeros(s, i, len(s))
	}
}

// scan tokenises s from i on until it reaches the end of sp, or passes it
// with a match, and returns where it stopped. At each byte it takes the
// longest of a run, a match with the row above and a repeat. A match need
// only be measured if it goes on where the longest so far stops. (The checks
// are written out: in a function, which the compiler does not inline, they
// took half as long again.)
func (d *deflater) scan(s []byte, i int, sp span, row int) int {
	run, up := distToken(1), distToken(row)
	reps := sp.repeats
	for i < sp.end {
		b := s[i]
		n, dist := 0, run
		if b == s[i-1] {
			n = matchLen(s, i, 1)
		}
		if n < maxMatch && i >= row && b == s[i-row] && s[i+n] == s[i+n-row] {
			if m := matchLen(s, i, row); m > n {
				n, dist = m, up
			}
		}
		for len(reps) > 0 && reps[0].x1 <= i-sp.origin {
			reps = reps[1:]
		}
		if n < maxMatch && len(reps) > 0 && reps[0].x0 <= i-sp.origin {
			if r := reps[0].dist; r <= i && r <= maxDist && b == s[i-r] && s[i+n] == s[i+n-r] {
				if m := matchLen(s, i, r); m > n {
					n, dist = m, distToken(r)
				}
			}
		}
		if n < minMatch {
			d.literal(b)
			i++
			continue
		}
		d.match(n, dist)
		i += n
	}
	return i
}

// zeros tokenises s[i:end], which is all zeros, and returns end.
func (d *deflater) zeros(s []byte, i, end int) int {
	if s[i-1] != 0 {
		d.literal(0)
		i++
	}
	for ; end-i >= minMatch; i += min(end-i, maxMatch) {
		d.match(min(end-i, maxMatch), distToken(1))
	}
	for ; i < end; i++ {
		d.literal(0)
	}
	return end
}

func (d *deflater) literal(b byte) {
	d.tokens = append(d.tokens, token(b))
	d.litFreq[b]++
}

func (d *deflater) match(length int, dist token) {
	t := lengthTokens[length-minMatch] | dist
	d.tokens = append(d.tokens, t)
	d.litFreq[t.sym()]++
	d.distFreq[t.distIndex()-1]++
}

// matchLen is how many bytes from s[i], up to maxMatch, repeat the bytes dist
// before them. It compares words of 8 bytes, and so that none reaches past
// the end, it leaves the last 8 bytes of s unmatched.
func matchLen(s []byte, i, dist int) int {
	end := max(0, min(maxMatch, len(s)-8-i))
	for n := 0; n < end; n += 8 {
		x := binary.LittleEndian.Uint64(s[i+n:]) ^ binary.LittleEndian.Uint64(s[i+n-dist:])
		if x != 0 {
			return min(n+bits.TrailingZeros64(x)/8, end)
		}
	}
	return end
}

// writeBlock writes the tokens as the final block, with dynamic Huffman codes.
func (d *deflater) writeBlock(w *bitWriter) {
	d.litFreq[endOfBlock] = 1
	var litLen [numLit]uint8
	var distLen [numDist]uint8
	nlit := huffman(d.litFreq[:], 15, litLen[:], d.lit[:])
	ndist := huffman(d.distFreq[:], 15, distLen[:], d.dist[1:])
	for s, n := range lengthExtra {
		d.lit[257+s].n += n
	}
	for s, n := range distExtra {
		d.dist[1+s].n += n
	}

	w.out = slices.Grow(w.out, 1000+len(d.tokens)*6) // the header, and at most 48 bits a token
	w.write(1|2<<1, 3)                               // the final block, dynamic codes
	var lengths [numLit + numDist]uint8
	copy(lengths[copy(lengths[:], litLen[:nlit]):], distLen[:ndist])
	writeCodeLengths(w, lengths[:nlit+ndist], nlit, ndist)
	for _, t := range d.tokens {
		c, dc := d.lit[t.sym()], d.dist[t.distIndex()]
		v := uint64(c.bits) | uint64(t>>9&0x1f)<<c.len
		v |= (uint64(dc.bits) | uint64(t>>19)<<dc.len) << c.n
		w.write(v, uint(c.n+dc.n))
	}
	c := d.lit[endOfBlock]
	w.write(uint64(c.bits), uint(c.len))
}

// lengthExtra and distExtra are how many extra bits follow a length or
// distance symbol.
var (
	lengthExtra = [numLit - 257]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distExtra   = [numDist]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// lengthTokens[n-minMatch] codes a match length n: its symbol and extra bits.
var lengthTokens = func() (t [maxMatch - minMatch + 1]token) {
	for v := range t {
		switch {
		case v == maxMatch-minMatch:
			t[v] = 285
		case v < 8:
			t[v] = token(257 + v)
		default:
			e := bits.Len(uint(v)) - 3
			c := 4*(e+1) + v>>e&3
			t[v] = token(257+c) | token(v-(4+c&3)<<e)<<9
		}
	}
	return t
}()

// distToken codes a distance: its symbol and extra bits, placed in a token.
func distToken(dist int) token {
	x := dist - 1
	if x < 4 {
		return token(1+x) << 14
	}
	e := bits.Len(uint(x)) - 2
	sym := 2*(e+1) + x>>e&1
	return token(1+sym)<<14 | token(x-(2+sym&1)<<e)<<19
}

// checksum is the Adler-32 checksum of s, which is all zeros outside the
// spans live. A stretch of zeros only adds the running sum to the second sum
// once for each byte; the spans are summed eight bytes at a time.
func checksum(s []byte, live []span) uint32 {
	const mod = 65521
	s1, s2 := uint64(1), uint64(0)
	zeros := func(n int) { s2 = (s2 + uint64(n)%mod*s1) % mod }
	i := 0
	for _, sp := range live {
		zeros(sp.start - i)
		for i = sp.start; i < sp.end; {
			// Reduced every 64 KiB, the sums stay far from overflowing.
			chunk := s[i:min(sp.end, i+1<<16)]
			i += len(chunk)
			for ; len(chunk) >= 8; chunk = chunk[8:] {
				sum, weighted := sum8(binary.LittleEndian.Uint64(chunk))
				s2 += 8*s1 + weighted
				s1 += sum
			}
			for _, b := range chunk {
				s1 += uint64(b)
				s2 += s1
			}
			s1 %= mod
			s2 %= mod
		}
	}
	zeros(len(s) - i)
	return uint32(s2<<16 | s1)
}

// sum8 is the sum of the bytes of x, in memory order b0 to b7, and their sum
// weighted 8 to 1: what they add to Adler-32's sums, besides the running sum.
// Each is worked out by multiplying lanes of 16 bits, whose products add up
// in the top lane without overflowing.
func sum8(x uint64) (sum, weighted uint64) {
	const lanes = 0x00ff00ff00ff00ff
	even, odd := x&lanes, x>>8&lanes // b0 b2 b4 b6 and b1 b3 b5 b7
	sum = (even + odd) * 0x0001000100010001 >> 48
	weighted = even*0x0008000600040002>>48 + odd*0x0007000500030001>>48
	return sum, weighted
}
