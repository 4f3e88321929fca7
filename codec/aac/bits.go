package aac

// bitReader reads big-endian bit fields from a byte slice. Reading past the
// end sets a sticky flag and yields zeros, so a run of fields can be read
// and checked once (the pattern of mp4ff's FixedSliceReader).
type bitReader struct {
	b       []byte
	pos     int // in bits
	overrun bool
}

// left returns the number of unread bits.
func (r *bitReader) left() int {
	n := len(r.b)*8 - r.pos
	if n < 0 {
		return 0
	}
	return n
}

// peek returns the next n bits (n <= 32) without consuming them.
func (r *bitReader) peek(n int) uint32 {
	if n > r.left() {
		return 0
	}
	if n == 0 {
		return 0
	}
	// Gather the (at most 5) bytes that hold the field, then shift.
	first, last := r.pos>>3, (r.pos+n-1)>>3
	var acc uint64
	for i := first; i <= last; i++ {
		acc = acc<<8 | uint64(r.b[i])
	}
	drop := uint((last+1)*8 - (r.pos + n))
	return uint32(acc>>drop) & uint32(1<<uint(n)-1)
}

// read consumes n bits (n <= 32). Past the end it returns 0 and records the
// overrun.
func (r *bitReader) read(n int) uint32 {
	if n > r.left() {
		r.overrun = true
		r.pos = len(r.b) * 8
		return 0
	}
	v := r.peek(n)
	r.pos += n
	return v
}

// flag reads one bit as a bool.
func (r *bitReader) flag() bool { return r.read(1) == 1 }
