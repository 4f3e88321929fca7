package ogg

import (
	"bytes"
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Page header flags (RFC 3533 section 6).
const (
	flagContinued = 0x01
	flagBOS       = 0x02
	flagEOS       = 0x04
)

const (
	pageHeaderSize = 27
	// maxPageSize is the largest page: header, 255 lacing values and 255
	// segments of 255 bytes (MAX_PAGE_SIZE in oggdec.c). It bounds the sync
	// search and the tail window.
	maxPageSize = 65307
	// syncChunk is how much is read at a time while looking for "OggS".
	syncChunk = 4096
	// crcField is the offset of the CRC in the page header.
	crcField = 22
	// checkEvery is how many capture patterns the scanner examines between
	// two looks at the budget's context: a few thousand candidates take a
	// fraction of a millisecond, so a deadline stops a resync promptly.
	checkEvery = 1024
)

var capture = []byte("OggS")

// page is one Ogg page: header, lacing values and payload. segs and payload
// are slices of the scanner's window: they stay valid until the scanner's
// next call, and are never written through.
type page struct {
	off     int64 // offset of "OggS" in the object
	version byte
	flags   byte
	granule int64 // granule position; -1 where no packet ends on the page
	serial  uint32
	seq     uint32
	crc     uint32
	segs    []byte // lacing values
	payload []byte
}

// end returns the offset just after the page.
func (p *page) end() int64 {
	return p.off + pageHeaderSize + int64(len(p.segs)) + int64(len(p.payload))
}

// packets counts the packets that end on the page (ogg_page_packets in
// oggparsespeex.c): the lacing values below 255.
func (p *page) packets() int {
	n := 0
	for _, s := range p.segs {
		if s < 255 {
			n++
		}
	}
	return n
}

// oggPoly is the generator of the Ogg CRC-32 (RFC 3533 section 6).
const oggPoly = 0x04C11DB7

// crcTable is the table of the Ogg CRC-32: polynomial 0x04C11DB7, not
// reflected, initial value 0, no final xor (RFC 3533 section 6). hash/crc32
// only implements the reflected form, hence our own. It is computed once
// and never written afterwards.
var crcTable = func() (t [256]uint32) {
	for i := range t {
		c := uint32(i) << 24
		for k := 0; k < 8; k++ {
			if c&0x80000000 != 0 {
				c = c<<1 ^ oggPoly
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return t
}()

func crcUpdate(c uint32, b []byte) uint32 {
	for _, x := range b {
		c = c<<8 ^ crcTable[byte(c>>24)^x]
	}
	return c
}

// The Ogg CRC has no initial value and no final xor, so it is linear: the
// CRC of a message is M(x)·x^32 mod G, and for consecutive pieces A, B
//
//	crc(A B) = crc(A)·x^(8|B|) ⊕ crc(B)   (mod G).
//
// The scanner keeps the CRC of every prefix of its window, and so gets the
// CRC of any page in it from two prefixes and one multiplication by a power
// of x, whatever the page's length: a false capture pattern costs the same
// few operations as any other, where checksumming each candidate page
// (ogg_read_page does) costs up to 64 KB per candidate.

// reduceTable[k][b] is b·x^(32+8k) mod G: crcTable, shifted by k zero
// bytes. Computed once and never written afterwards.
var reduceTable = func() (t [4][256]uint32) {
	t[0] = crcTable
	for k := 1; k < 4; k++ {
		for b, c := range t[k-1] {
			t[k][b] = c<<8 ^ crcTable[byte(c>>24)]
		}
	}
	return t
}()

// reduce returns the 64-bit polynomial v mod G. The high half times x^32
// is the CRC of those four bytes, taken here from four independent
// lookups rather than a chain of four.
func reduce(v uint64) uint32 {
	h := uint32(v >> 32)
	return reduceTable[3][h>>24] ^ reduceTable[2][byte(h>>16)] ^ reduceTable[1][byte(h>>8)] ^ reduceTable[0][byte(h)] ^ uint32(v)
}

// clmul returns the carry-less product of a and b. Each operand is split
// into four interleaved bit lanes so that integer multiplication does the
// work: a lane product sums at most 8 terms per coefficient, which cannot
// carry into the next coefficient of the same lane, 4 bits away (the
// method of BearSSL's ghash_ctmul).
func clmul(a, b uint32) uint64 {
	const m0, m1, m2, m3 = 0x11111111, 0x22222222, 0x44444444, 0x88888888
	a0, a1, a2, a3 := uint64(a&m0), uint64(a&m1), uint64(a&m2), uint64(a&m3)
	b0, b1, b2, b3 := uint64(b&m0), uint64(b&m1), uint64(b&m2), uint64(b&m3)
	z0 := a0*b0 ^ a1*b3 ^ a2*b2 ^ a3*b1
	z1 := a0*b1 ^ a1*b0 ^ a2*b3 ^ a3*b2
	z2 := a0*b2 ^ a1*b1 ^ a2*b0 ^ a3*b3
	z3 := a0*b3 ^ a1*b2 ^ a2*b1 ^ a3*b0
	const l0, l1, l2, l3 = 0x1111111111111111, 0x2222222222222222, 0x4444444444444444, 0x8888888888888888
	return z0&l0 | z1&l1 | z2&l2 | z3&l3
}

// mulMod returns a·b mod G.
func mulMod(a, b uint32) uint32 { return reduce(clmul(a, b)) }

// xPow holds x^(8n) mod G for n = lo + 256·hi: lo[i] = x^(8i) and
// hi[i] = x^(8·256·i), so that two multiplications shift a CRC over any
// length below 65536 bytes, which covers every page. Computed once and
// never written afterwards.
var xPow = func() (t struct{ lo, hi [256]uint32 }) {
	t.lo[0] = 1
	for i := 1; i < 256; i++ {
		// One zero byte: c·x^8 mod G.
		c := t.lo[i-1]
		t.lo[i] = c<<8 ^ crcTable[byte(c>>24)]
	}
	step := mulMod(t.lo[255], t.lo[1]) // x^(8·256)
	t.hi[0] = 1
	for i := 1; i < 256; i++ {
		t.hi[i] = mulMod(t.hi[i-1], step)
	}
	return t
}()

// shift returns c·x^(8n) mod G, the CRC of the message of c followed by n
// zero bytes; n must be below 65536.
func shift(c uint32, n int) uint32 {
	return mulMod(mulMod(c, xPow.lo[n&0xFF]), xPow.hi[n>>8&0xFF])
}

// scanner finds the pages of an object as ogg_read_page does, reading each
// byte of the object once while it moves forward. It holds a window of the
// object, which grows (charged to the budget) while a page takes more than
// half of it, up to twice the largest page, and otherwise moves forward:
// what lies before the page under examination is dropped, which copies less
// than it drops. Beside each byte of the window it keeps the CRC and the
// byte sum of the prefix that ends there, so that a candidate page is
// judged in constant time: its length from two sums of its lacing values,
// its CRC from two prefix CRCs.
type scanner struct {
	src   container.Source
	size  int64
	limit int64 // the window's largest size

	base int64    // object offset of buf[0]
	buf  []byte   // object bytes [base, base+len(buf))
	crc  []uint32 // crc[k]: CRC of the bytes before buf[k], from some origin at or before base
	sum  []uint16 // sum[k]: their sum mod 2^16, for the lacing values (255·255 < 2^16)

	candidates int64 // capture patterns examined
}

func newScanner(src container.Source) *scanner {
	// Under a source whose allocation limit is below two pages the window
	// is smaller; a page longer than it is ErrLimit, as reading it whole
	// would be.
	return &scanner{
		src:   src,
		size:  src.Size(),
		limit: max(min(2*maxPageSize, src.Budget().MaxAlloc()), 1),
		crc:   []uint32{0},
		sum:   []uint16{0},
	}
}

// ensure makes the object bytes [at, end) present in the window, end at
// most the object's size. The window keeps what it holds from at onwards
// and reads what it lacks in one read, with up to syncChunk bytes more
// where the window has room, so that a run of capture patterns a few bytes
// apart costs one read per chunk, not one per candidate.
func (s *scanner) ensure(at, end int64) error {
	have := s.base + int64(len(s.buf))
	if at < s.base || at > have {
		// Not contiguous with the window (the tail, or a caller that went
		// back): start afresh at at.
		s.base, s.buf, s.crc, s.sum = at, s.buf[:0], s.crc[:1], s.sum[:1]
		have = at
	}
	if end <= have {
		return nil
	}
	keep := end - at
	if keep > s.limit {
		return demuxkit.Errorf(name, "page", at, container.ErrLimit, "%d bytes exceed the page window of %d", keep, s.limit)
	}
	if end-s.base > int64(cap(s.buf)) {
		d := at - s.base
		if c := int64(cap(s.buf)); (2*keep > c || d > 0 && c < syncChunk) && c < s.limit {
			// Grow, so that a later move drops more than it copies, and,
			// once the window moves, to a chunk at least, so that a read
			// brings a chunk; never past the object's end. The budget is
			// charged for the growth only: the window is paid for once
			// however many pages pass through it.
			n := 2 * keep
			if d > 0 {
				n = max(n, syncChunk)
			}
			n = max(keep, min(max(n, 2*c), s.limit, s.size-at))
			if err := s.src.Budget().Alloc(name, "page window", at, n-c); err != nil {
				return err
			}
			buf := make([]byte, have-at, n)
			copy(buf, s.buf[d:])
			crc := make([]uint32, have-at+1, n+1)
			copy(crc, s.crc[d:])
			sum := make([]uint16, have-at+1, n+1)
			copy(sum, s.sum[d:])
			s.base, s.buf, s.crc, s.sum = at, buf, crc, sum
		} else {
			// Move forward. The prefixes keep their origin: only
			// differences between them are used.
			n := copy(s.buf, s.buf[d:])
			copy(s.crc, s.crc[d:])
			copy(s.sum, s.sum[d:])
			s.base, s.buf, s.crc, s.sum = at, s.buf[:n], s.crc[:n+1], s.sum[:n+1]
		}
	}
	n := len(s.buf)
	need := int(min(max(end, have+syncChunk), s.base+int64(cap(s.buf)), s.size) - s.base)
	s.buf = s.buf[:need]
	if err := demuxkit.ReadFull(s.src, s.buf[n:], s.base+int64(n), name, "page"); err != nil {
		s.buf = s.buf[:n]
		return err
	}
	s.crc, s.sum = s.crc[:need+1], s.sum[:need+1]
	c, crc := s.crc[n], s.crc[n+1:need+1]
	m, sum := s.sum[n], s.sum[n+1:need+1]
	for i, x := range s.buf[n:need] {
		c = c<<8 ^ crcTable[byte(c>>24)^x]
		m += uint16(x)
		crc[i], sum[i] = c, m
	}
	return nil
}

// findCapture returns the offset of the first "OggS" that starts at or
// after off and within maxPageSize bytes of it, or -1.
func (s *scanner) findCapture(off int64) (int64, error) {
	last := min(off+maxPageSize-1, s.size-int64(len(capture))) // the last start searched
	if off <= last {
		// The common case: the next page starts right here, and the
		// window need not grow by a chunk to see it.
		if err := s.ensure(off, off+int64(len(capture))); err != nil {
			return -1, err
		}
		if i := off - s.base; string(s.buf[i:i+int64(len(capture))]) == string(capture) {
			return off, nil
		}
	}
	for pos := off; pos <= last; {
		if have := s.base + int64(len(s.buf)); pos >= s.base && pos+int64(len(capture)) <= have {
			stop := min(have, last+int64(len(capture)))
			if i := bytes.Index(s.buf[pos-s.base:stop-s.base], capture); i >= 0 {
				return pos + int64(i), nil
			}
			if stop == last+int64(len(capture)) {
				break
			}
			// A capture pattern may straddle the end of the window.
			pos = stop - int64(len(capture)) + 1
			continue
		}
		chunk := max(min(syncChunk, s.limit), int64(len(capture)))
		if err := s.ensure(pos, min(pos+chunk, last+int64(len(capture)))); err != nil {
			return -1, err
		}
	}
	return -1, nil
}

// page examines the page whose capture pattern is at at. ok is false for a
// page whose CRC or version is wrong: ffmpeg 5.1 checks the CRC, then the
// version, and skips such a page alike ("CRC mismatch!", "Invalid Ogg
// vers!" in ogg_read_page). A page that runs past the end of the object is
// ErrTruncated (ogg_read_page returns EOF). The page returned points into
// the window.
func (s *scanner) page(at int64) (p *page, ok bool, err error) {
	if left := s.size - at; left < pageHeaderSize {
		return nil, false, demuxkit.Errorf(name, "page header", at, container.ErrTruncated, "%d of %d bytes", left, pageHeaderSize)
	}
	if err := s.ensure(at, at+pageHeaderSize); err != nil {
		return nil, false, err
	}
	segsOff := at + pageHeaderSize
	nsegs := int64(s.buf[at-s.base+26])
	if left := s.size - segsOff; nsegs > left {
		return nil, false, demuxkit.Errorf(name, "segment table", segsOff, container.ErrTruncated, "%d bytes wanted, %d left", nsegs, left)
	}
	payOff := segsOff + nsegs
	left := s.size - payOff
	// A bad version is skipped as a bad CRC is: the verdict is the same
	// whichever is checked first, so the version, which needs no more
	// bytes, goes first. Only the truncation of the page must be known
	// before, and it cannot be where even 255-byte segments fit.
	badVersion := s.buf[at-s.base+4] != 0
	if badVersion && 255*nsegs <= left {
		return nil, false, nil
	}
	if err := s.ensure(at, payOff); err != nil {
		return nil, false, err
	}
	size := int64(s.sum[payOff-s.base] - s.sum[segsOff-s.base])
	if size > left {
		return nil, false, demuxkit.Errorf(name, "page payload", payOff, container.ErrTruncated, "%d bytes wanted, %d left", size, left)
	}
	if badVersion {
		return nil, false, nil
	}
	end := payOff + size
	if err := s.ensure(at, end); err != nil {
		return nil, false, err
	}
	i, j := int(at-s.base), int(end-s.base)
	h := s.buf[i:j:j]
	// The CRC of the page with its CRC field as zeros: the page's own CRC
	// from the prefixes, with the field's contribution taken out.
	l := j - i
	field := reduce(uint64(binary.BigEndian.Uint32(h[crcField:])) << 32)
	got := s.crc[j] ^ shift(mulMod(s.crc[i], xPow.lo[crcField+4])^field, l-crcField-4)
	le := binary.LittleEndian
	if got != le.Uint32(h[crcField:]) {
		return nil, false, nil
	}
	return &page{
		off:     at,
		version: h[4],
		flags:   h[5],
		granule: int64(le.Uint64(h[6:])),
		serial:  le.Uint32(h[14:]),
		seq:     le.Uint32(h[18:]),
		crc:     le.Uint32(h[crcField:]),
		segs:    h[pageHeaderSize : pageHeaderSize+nsegs : pageHeaderSize+nsegs],
		payload: h[pageHeaderSize+nsegs:],
	}, true, nil
}

// next finds the next good page at or after off, as ogg_read_page does: it
// searches the capture pattern within maxPageSize bytes and skips pages with
// a bad CRC or version, resuming the search just after their capture
// pattern. The end of the object is ErrTruncated; no capture pattern within
// reach is ErrMalformed. Each good page counts as a structure of the
// budget; the capture patterns skipped do not (ffprobe reads a file after
// any amount of junk), but the context is checked every checkEvery of them.
func (s *scanner) next(off int64) (*page, error) {
	for {
		at, err := s.findCapture(off)
		if err != nil {
			return nil, err
		}
		if at < 0 {
			if s.size-off <= maxPageSize {
				return nil, demuxkit.Errorf(name, "page", off, container.ErrTruncated, "end of object")
			}
			return nil, demuxkit.Errorf(name, "page", off, container.ErrMalformed, "cannot find sync word")
		}
		p, ok, err := s.page(at)
		if err != nil {
			return nil, err
		}
		if ok {
			if err := s.src.Budget().Visit(name, "page", at); err != nil {
				return nil, err
			}
			return p, nil
		}
		if s.candidates++; s.candidates%checkEvery == 0 {
			if err := s.src.Budget().Err(); err != nil {
				return nil, err
			}
		}
		off = at + int64(len(capture))
	}
}
