package compare

// A bisection is the state of one search for the middle snake of a and b.
//
// The edit graph has a point (x, y) for every 0 ≤ x ≤ len(a) and
// 0 ≤ y ≤ len(b); diagonal k holds the points with x-y == k. The forward
// search starts at (0, 0); the backward search runs the same algorithm over
// a and b reversed, starting at their ends, so that its diagonal r holds
// the points with (len(a)-x)-(len(b)-y) == r, that is k == delta-r.
type bisection struct {
	a, b  []int32
	fwd   []int // fwd[off+k]: the furthest x reached on diagonal k
	rev   []int // rev[off+r]: the furthest len(a)-x reached on reversed diagonal r
	off   int
	delta int  // len(a) - len(b)
	odd   bool // whether delta is odd, so that the searches meet going forward

	// Diagonals at the low and high ends of each search that have left the
	// graph and need not be followed further.
	fLo, fHi, rLo, rHi int
}

// forward takes step d of the forward search. It reports the end of a
// snake that overlaps the backward search, if one does.
func (s *bisection) forward(d int) (x, y int, ok bool) {
	n, m := len(s.a), len(s.b)
	for k := -d + s.fLo; k <= d-s.fHi; k += 2 {
		i := s.off + k
		if k == -d || (k != d && s.fwd[i-1] < s.fwd[i+1]) {
			x = s.fwd[i+1] // down from diagonal k+1
		} else {
			x = s.fwd[i-1] + 1 // right from diagonal k-1
		}
		y = x - k
		for x < n && y < m && s.a[x] == s.b[y] {
			x, y = x+1, y+1
		}
		s.fwd[i] = x
		switch {
		case x > n:
			s.fHi += 2
		case y > m:
			s.fLo += 2
		case s.odd:
			r := s.delta - k
			if -(d-1) <= r && r <= d-1 && s.onGrid(s.rev[s.off+r], r) && n-s.rev[s.off+r] <= x {
				return x, y, true
			}
		}
	}
	return 0, 0, false
}

// backward takes step d of the backward search. It reports the start of a
// snake that overlaps the forward search, if one does.
func (s *bisection) backward(d int) (x, y int, ok bool) {
	n, m := len(s.a), len(s.b)
	for r := -d + s.rLo; r <= d-s.rHi; r += 2 {
		i := s.off + r
		var u, v int // distances from the ends of a and b
		if r == -d || (r != d && s.rev[i-1] < s.rev[i+1]) {
			u = s.rev[i+1]
		} else {
			u = s.rev[i-1] + 1
		}
		v = u - r
		for u < n && v < m && s.a[n-1-u] == s.b[m-1-v] {
			u, v = u+1, v+1
		}
		s.rev[i] = u
		switch {
		case u > n:
			s.rHi += 2
		case v > m:
			s.rLo += 2
		case !s.odd:
			k := s.delta - r
			if -d <= k && k <= d && s.onGrid(s.fwd[s.off+k], k) && s.fwd[s.off+k] >= n-u {
				return n - u, m - v, true
			}
		}
	}
	return 0, 0, false
}

// onGrid reports whether x is a point of the edit graph on diagonal k.
// The backward search's coordinates qualify alike, as a and b have the
// same lengths reversed.
func (s *bisection) onGrid(x, k int) bool {
	y := x - k
	return 0 <= x && x <= len(s.a) && 0 <= y && y <= len(s.b)
}

// furthest returns the point that the forward search reached after step d
// that is furthest from the origin, or (0, 0) if there is none.
func (s *bisection) furthest(d int) (x, y int) {
	best := 0
	for k := -d + s.fLo; k <= d-s.fHi; k += 2 {
		fx := s.fwd[s.off+k]
		if s.onGrid(fx, k) && 2*fx-k > best {
			best, x, y = 2*fx-k, fx, fx-k
		}
	}
	return x, y
}
