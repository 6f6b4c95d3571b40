package server

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
)

// gzipSplice is the gzip stream of a body with a short gap that each answer fills
// in differently (a search's took_ms): the parts before and after the gap are
// compressed once, and the gap goes between them as a stored (uncompressed)
// deflate block. The part before ends with a sync flush, which leaves the stream
// on a byte boundary where a stored block may start, and the part after is
// compressed on its own, so that it refers back to nothing in the parts before it.
type gzipSplice struct {
	zhead, ztail []byte // deflate streams: the head flushed, the tail final
	tail         []byte
	headCRC      uint32
	size         int // of the head and tail
}

// gzipHeader is what compress/gzip writes: no name, no time, unknown OS.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}

func newGzipSplice(head, tail []byte) *gzipSplice {
	var zhead, ztail bytes.Buffer
	fw, _ := flate.NewWriter(&zhead, flate.DefaultCompression) // a valid level cannot fail
	fw.Write(head)                                             // a bytes.Buffer does not fail
	fw.Flush()
	fw.Reset(&ztail)
	fw.Write(tail)
	fw.Close()
	return &gzipSplice{zhead: zhead.Bytes(), ztail: ztail.Bytes(), tail: tail,
		headCRC: crc32.ChecksumIEEE(head), size: len(head) + len(tail)}
}

// maxGap is the most a stored block holds.
const maxGap = 1<<16 - 1

// write appends to dst the gzip stream of the head, gap and tail; gap holds at
// most maxGap bytes.
func (g *gzipSplice) write(dst *bytes.Buffer, gap []byte) {
	n := len(gap)
	dst.Write(gzipHeader)
	dst.Write(g.zhead)
	// A stored block: not the last, then its length and the length's complement.
	dst.Write([]byte{0, byte(n), byte(n >> 8), ^byte(n), ^byte(n >> 8)})
	dst.Write(gap)
	dst.Write(g.ztail)
	crc := crc32.Update(g.headCRC, crc32.IEEETable, gap)
	crc = crc32.Update(crc, crc32.IEEETable, g.tail)
	var trailer [8]byte
	binary.LittleEndian.PutUint32(trailer[:4], crc)
	binary.LittleEndian.PutUint32(trailer[4:], uint32(g.size+n))
	dst.Write(trailer[:])
}
