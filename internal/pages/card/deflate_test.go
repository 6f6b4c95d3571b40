package card

import (
	"bytes"
	"compress/zlib"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"testing"
)

// samples are data for the deflater, as rows of row bytes.
func samples() []struct {
	name string
	row  int
	data []byte
} {
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 5000)
	for i := range noise {
		noise[i] = byte(rnd.IntN(256))
	}
	// Runs of a few values of every length up to a few times maxMatch.
	var runs []byte
	for len(runs) < 60000 {
		runs = append(runs, bytes.Repeat([]byte{byte(rnd.IntN(4))}, 1+rnd.IntN(3*maxMatch))...)
	}
	// Rows much like the rows above them, some shifted.
	rows := make([]byte, 97*400)
	for i := range rows {
		switch {
		case i < 97:
			rows[i] = byte(rnd.IntN(8))
		case rnd.IntN(10) == 0:
			rows[i] = byte(rnd.IntN(8))
		case rnd.IntN(5) == 0:
			rows[i] = rows[i-96]
		default:
			rows[i] = rows[i-97]
		}
	}
	// Sparse bytes far apart, over more than one 64 KiB stretch of Adler-32.
	sparse := make([]byte, 300000)
	for range 500 {
		sparse[rnd.IntN(len(sparse))] = byte(1 + rnd.IntN(255))
	}
	return []struct {
		name string
		row  int
		data []byte
	}{
		{"empty", 10, nil},
		{"one byte", 10, []byte{7}},
		{"short", 3, []byte{1, 1, 1, 1, 2, 1, 1, 1, 1, 0}},
		{"zeros", Width + 1, make([]byte, (Width+1)*Height)},
		{"ones", 64, bytes.Repeat([]byte{1}, 100000)},
		{"noise", 100, noise},
		{"runs", 1000, runs},
		{"rows", 97, rows},
		{"sparse", 1201, sparse},
	}
}

// rowSpans are the spans of data outside of which it is zeros, a span to a
// row, as a canvas gives them, with repeats at random distances.
func rowSpans(data []byte, row int, rnd *rand.Rand) []span {
	var live []span
	for origin := 0; origin < len(data); origin += row {
		e := inked(data[origin:min(origin+row, len(data))])
		if e.x0 == e.x1 {
			continue
		}
		sp := span{start: origin + e.x0, end: origin + e.x1, origin: origin}
		for x := 0; x < row; x += 1 + rnd.IntN(row) {
			x1 := x + 1 + rnd.IntN(40)
			sp.repeats = append(sp.repeats, repeat{x, x1, 1 + rnd.IntN(row)})
			x = x1
		}
		live = append(live, sp)
	}
	return live
}

func inflate(t testing.TB, z []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r) // and checks the Adler-32 checksum
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCompress(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	var d deflater
	for _, tt := range samples() {
		t.Run(tt.name, func(t *testing.T) {
			all := []span{{start: 0, end: len(tt.data)}}
			for _, live := range [][]span{all, rowSpans(tt.data, tt.row, rnd)} {
				z := d.compress(nil, tt.data, tt.row, live)
				got := inflate(t, z)
				if !bytes.Equal(got, tt.data) {
					t.Fatalf("inflated %d bytes, not the %d compressed", len(got), len(tt.data))
				}
				if len(tt.data) > 10000 && len(z) > len(tt.data)/2 && tt.name != "noise" {
					t.Errorf("%d bytes compressed to %d", len(tt.data), len(z))
				}
			}
		})
	}
}

func FuzzCompress(f *testing.F) {
	f.Add([]byte{}, uint16(5), uint64(1))
	f.Add([]byte{0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 2, 2}, uint16(5), uint64(2))
	f.Add(bytes.Repeat([]byte{0, 3, 3, 3, 9}, 300), uint16(40), uint64(3))
	f.Fuzz(func(t *testing.T, data []byte, row uint16, seed uint64) {
		r := 1 + int(row)%2000
		live := rowSpans(data, r, rand.New(rand.NewPCG(seed, 0)))
		var d deflater
		if got := inflate(t, d.compress(nil, data, r, live)); !bytes.Equal(got, data) {
			t.Fatalf("inflated %x, not %x", got, data)
		}
	})
}

func TestChecksum(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, tt := range samples() {
		live := rowSpans(tt.data, tt.row, rnd)
		if got, want := checksum(tt.data, live), adler32.Checksum(tt.data); got != want {
			t.Errorf("%s: checksum = %#x, want %#x", tt.name, got, want)
		}
	}
	// A stretch of 255s as long as can be, where the sums are largest.
	big := bytes.Repeat([]byte{255}, 1<<20)
	if got, want := checksum(big, []span{{start: 0, end: len(big)}}), adler32.Checksum(big); got != want {
		t.Errorf("checksum(1 MiB of 255) = %#x, want %#x", got, want)
	}
}

// TestHuffman checks that codes are complete and within their limit even for
// frequencies that would make a deep tree.
func TestHuffman(t *testing.T) {
	fib := make([]int32, numDist)
	fib[0], fib[1] = 1, 1
	for i := 2; i < len(fib); i++ {
		fib[i] = fib[i-1] + fib[i-2]
	}
	for _, tt := range []struct {
		name  string
		freq  []int32
		limit int
	}{
		{"fibonacci", fib, 15},
		{"fibonacci, code lengths", fib[:numCodeLen], 7},
		{"one symbol", []int32{0, 0, 5, 0}, 7},
		{"none", make([]int32, numDist), 15},
	} {
		lengths := make([]uint8, len(tt.freq))
		codes := make([]code, len(tt.freq))
		n := huffman(tt.freq, tt.limit, lengths, codes)
		kraft, used := 0, 0
		for s, l := range lengths {
			if int(l) > tt.limit {
				t.Errorf("%s: symbol %d has a code of %d bits, over %d", tt.name, s, l, tt.limit)
			}
			if tt.freq[s] > 0 && l == 0 {
				t.Errorf("%s: symbol %d has no code", tt.name, s)
			}
			if l > 0 {
				kraft += 1 << (15 - l)
				used = s + 1
			}
		}
		if kraft != 1<<15 {
			t.Errorf("%s: the code is not complete: Kraft sum %d/%d", tt.name, kraft, 1<<15)
		}
		if n != used {
			t.Errorf("%s: huffman says %d symbols are needed, want %d", tt.name, n, used)
		}
	}
}

// TestCodeTables checks how lengths and distances are coded against the
// tables of RFC 1951, section 3.2.5.
func TestCodeTables(t *testing.T) {
	lengthBase := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	for n := minMatch; n <= maxMatch; n++ {
		tok := lengthTokens[n-minMatch]
		sym, extra := tok.sym()-257, int(tok>>9&0x1f)
		if sym < 0 || sym >= len(lengthBase) || lengthBase[sym]+extra != n || extra >= 1<<lengthExtra[sym] {
			t.Errorf("length %d is coded as symbol %d with extra %d", n, 257+sym, extra)
		}
	}
	if sym := lengthTokens[maxMatch-minMatch].sym(); sym != 285 {
		t.Errorf("length 258 is coded as symbol %d, want 285", sym)
	}
	distBase := []int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	for dist := 1; dist <= maxDist; dist++ {
		tok := distToken(dist)
		sym, extra := tok.distIndex()-1, int(tok>>19)
		if sym < 0 || sym >= len(distBase) || distBase[sym]+extra != dist || extra >= 1<<distExtra[sym] {
			t.Fatalf("distance %d is coded as symbol %d with extra %d", dist, sym, extra)
		}
	}
}
