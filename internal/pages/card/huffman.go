package card

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
)

// The Huffman codes of a deflate block, and the bits they are written in.

// A code is a symbol's Huffman code, bit-reversed since deflate packs codes
// from their first bit into the low bits of each byte.
type code struct {
	bits uint16
	len  uint8
	n    uint8 // len and the number of extra bits that follow
}

// huffman sets lengths and codes to a Huffman code for freq whose codes are
// at most limit bits long, and returns how many symbols the code needs
// (the last used symbol + 1). It codes at least two symbols: some decoders
// reject a code of one.
func huffman(freq []int32, limit int, lengths []uint8, codes []code) int {
	type leaf struct {
		sym  int
		freq int32
	}
	var leaves []leaf
	for s, f := range freq {
		if f > 0 {
			leaves = append(leaves, leaf{s, f})
		}
	}
	for s := 0; len(leaves) < 2; s++ {
		if freq[s] == 0 {
			leaves = append(leaves, leaf{s, 1})
		}
	}
	slices.SortFunc(leaves, func(a, b leaf) int { return cmp.Compare(a.freq, b.freq) })
	weights := make([]int32, len(leaves))
	for {
		for i, l := range leaves {
			weights[i] = l.freq
		}
		depths := huffmanDepths(weights)
		if slices.Max(depths) <= limit {
			clear(lengths)
			for i, l := range leaves {
				lengths[l.sym] = uint8(depths[i])
			}
			break
		}
		// Flatten the frequencies until the tree is shallow enough; the
		// code is then a little worse than optimal, which at the sizes of a
		// card does not matter.
		for i := range leaves {
			leaves[i].freq = (leaves[i].freq + 1) / 2
		}
	}
	canonical(lengths, codes)
	n := len(lengths)
	for lengths[n-1] == 0 {
		n--
	}
	return n
}

// huffmanDepths returns the depths of the leaves, weighted by w in
// ascending order, of a Huffman tree, built with two queues: the leaves and
// the inner nodes, which are made in ascending order of weight.
func huffmanDepths(w []int32) []int {
	n := len(w)
	weight := make([]int64, 2*n-1)
	parent := make([]int, 2*n-1)
	for i, x := range w {
		weight[i] = int64(x)
	}
	leaf, inner := 0, n
	smallest := func(next int) int {
		if leaf < n && (inner == next || weight[leaf] <= weight[inner]) {
			leaf++
			return leaf - 1
		}
		inner++
		return inner - 1
	}
	for next := n; next < 2*n-1; next++ {
		a := smallest(next)
		b := smallest(next)
		weight[next] = weight[a] + weight[b]
		parent[a], parent[b] = next, next
	}
	depth := make([]int, 2*n-1)
	for i := 2*n - 3; i >= 0; i-- {
		depth[i] = depth[parent[i]] + 1
	}
	return depth[:n]
}

// canonical sets codes to the canonical Huffman code with the given lengths.
func canonical(lengths []uint8, codes []code) {
	var count, next [16]uint16
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	for b := 1; b < 16; b++ {
		next[b] = (next[b-1] + count[b-1]) << 1
	}
	for s, l := range lengths {
		codes[s] = code{}
		if l > 0 {
			codes[s] = code{bits.Reverse16(next[l]) >> (16 - l), l, l}
			next[l]++
		}
	}
}

// codeLenOrder is the order in which the code length code's lengths are sent.
var codeLenOrder = [numCodeLen]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// writeCodeLengths writes the block header from HLIT on: the literal and
// distance code lengths, run-length coded and then Huffman coded.
func writeCodeLengths(w *bitWriter, lengths []uint8, nlit, ndist int) {
	seq := runLengths(lengths)
	var freq [numCodeLen]int32
	for _, r := range seq {
		freq[r.sym]++
	}
	var clLen [numCodeLen]uint8
	var cl [numCodeLen]code
	huffman(freq[:], 7, clLen[:], cl[:])
	ncl := numCodeLen
	for ncl > 4 && clLen[codeLenOrder[ncl-1]] == 0 {
		ncl--
	}
	w.write(uint64(nlit-257), 5)
	w.write(uint64(ndist-1), 5)
	w.write(uint64(ncl-4), 4)
	for _, s := range codeLenOrder[:ncl] {
		w.write(uint64(clLen[s]), 3)
	}
	extraBits := [3]uint8{2, 3, 7}
	for _, r := range seq {
		c := cl[r.sym]
		w.write(uint64(c.bits), uint(c.len))
		if r.sym >= 16 {
			w.write(uint64(r.extra), uint(extraBits[r.sym-16]))
		}
	}
}

// A runLength is a symbol of the code length code: a length (0 to 15), or a
// run (16 to 18) whose length is given by extra.
type runLength struct{ sym, extra uint8 }

// runLengths codes lengths with the code length code's runs: 16 repeats the
// last length 3 to 6 times, 17 and 18 give 3 to 10 and 11 to 138 zeros.
func runLengths(lengths []uint8) []runLength {
	var seq []runLength
	for i := 0; i < len(lengths); {
		v, n := lengths[i], 1
		for i+n < len(lengths) && lengths[i+n] == v {
			n++
		}
		i += n
		switch {
		case v == 0:
			for ; n >= 11; n -= min(n, 138) {
				seq = append(seq, runLength{18, uint8(min(n, 138) - 11)})
			}
			if n >= 3 {
				seq, n = append(seq, runLength{17, uint8(n - 3)}), 0
			}
		default:
			seq, n = append(seq, runLength{v, 0}), n-1
			for ; n >= 3; n -= min(n, 6) {
				seq = append(seq, runLength{16, uint8(min(n, 6) - 3)})
			}
		}
		for ; n > 0; n-- {
			seq = append(seq, runLength{v, 0})
		}
	}
	return seq
}

// A bitWriter packs bits into bytes, low bits first. Its buffer must have
// room for each write and 8 bytes more.
type bitWriter struct {
	out []byte
	acc uint64
	n   uint // bits in acc, under 8 between writes
}

// write writes the n low bits of v; n is at most 56.
func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	k := len(w.out)
	binary.LittleEndian.PutUint64(w.out[k:k+8], w.acc)
	w.out = w.out[:k+int(w.n/8)]
	w.acc >>= w.n &^ 7
	w.n &= 7
}

// flush writes the last bits, padded with zeros, and returns everything
// written.
func (w *bitWriter) flush() []byte {
	if w.n > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	return w.out
}
