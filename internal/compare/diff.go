package compare

// maxCost bounds the work of one bisection: after this many steps in each
// direction without finding the middle snake, bisect gives up on a
// shortest edit script and splits where the forward search got furthest.
// Up to 2*maxCost differences the diff is minimal; beyond, the cost of a
// diff of n tokens stays near O(n·maxCost) instead of O(n²). Texts that
// differ that much are rewrites, which the semantic clean-up turns into
// whole deletions and insertions anyway.
const maxCost = 64

// An opKind is the kind of an edit.
type opKind uint8

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// A run is n consecutive tokens of one kind of edit.
type run struct {
	kind opKind
	n    int
}

// A differ computes edit scripts between token sequences with Myers'
// O(ND) algorithm in linear space. Its buffers are reused from one diff to
// the next, so a differ must not be used concurrently.
type differ struct {
	fwd, rev []int
	runs     []run
}

// diff returns an edit script that turns a into b, as runs of tokens. The
// runs are valid until the next call.
func (d *differ) diff(a, b []int32) []run {
	d.runs = d.runs[:0]
	d.compare(a, b)
	return d.runs
}

// emit appends n tokens of kind k to the script.
func (d *differ) emit(k opKind, n int) {
	switch {
	case n == 0:
	case len(d.runs) > 0 && d.runs[len(d.runs)-1].kind == k:
		d.runs[len(d.runs)-1].n += n
	default:
		d.runs = append(d.runs, run{k, n})
	}
}

// compare appends the edit script from a to b.
func (d *differ) compare(a, b []int32) {
	p := prefixLen(a, b)
	d.emit(opEqual, p)
	a, b = a[p:], b[p:]
	s := suffixLen(a, b)
	a, b = a[:len(a)-s], b[:len(b)-s]
	switch {
	case len(a) == 0:
		d.emit(opInsert, len(b))
	case len(b) == 0:
		d.emit(opDelete, len(a))
	default:
		x, y := d.bisect(a, b)
		if x+y == 0 || (x == len(a) && y == len(b)) {
			// No way to split: replace the lot.
			d.emit(opDelete, len(a))
			d.emit(opInsert, len(b))
			break
		}
		d.compare(a[:x], b[:y])
		d.compare(a[x:], b[y:])
	}
	d.emit(opEqual, s)
}

// prefixLen returns the number of tokens at the start of a and b that are
// the same.
func prefixLen(a, b []int32) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// suffixLen returns the number of tokens at the end of a and b that are the
// same.
func suffixLen(a, b []int32) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[len(a)-1-i] != b[len(b)-1-i] {
			return i
		}
	}
	return n
}

// bisect returns a point (x, y) through which a shortest edit path from a
// to b passes, found by searching from both ends at once for Myers'
// "middle snake". a and b must not be empty. If the search exceeds maxCost
// steps, the point is only where the forward search got furthest, and the
// path through it may be longer than the shortest.
func (d *differ) bisect(a, b []int32) (x, y int) {
	limit := min((len(a)+len(b)+1)/2, maxCost)
	size := 2*limit + 3
	if cap(d.fwd) < size {
		d.fwd = make([]int, size)
		d.rev = make([]int, size)
	}
	s := bisection{a: a, b: b, fwd: d.fwd[:size], rev: d.rev[:size], off: limit + 1}
	s.delta = len(a) - len(b)
	s.odd = s.delta%2 != 0
	for i := range size {
		s.fwd[i], s.rev[i] = -1, -1
	}
	s.fwd[s.off+1], s.rev[s.off+1] = 0, 0
	for step := 0; step <= limit; step++ {
		if x, y, ok := s.forward(step); ok {
			return x, y
		}
		if x, y, ok := s.backward(step); ok {
			return x, y
		}
	}
	return s.furthest(limit)
}
