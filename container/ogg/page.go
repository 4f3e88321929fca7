package ogg

import (
	"bytes"
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
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
)

var capture = []byte("OggS")

// page is one Ogg page, read whole: header, lacing values and payload.
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

// crcTable is the table of the Ogg CRC-32: polynomial 0x04C11DB7, not
// reflected, initial value 0, no final xor (RFC 3533 section 6). hash/crc32
// only implements the reflected form, hence our own. It is computed once
// and never written afterwards.
var crcTable = func() (t [256]uint32) {
	for i := range t {
		c := uint32(i) << 24
		for k := 0; k < 8; k++ {
			if c&0x80000000 != 0 {
				c = c<<1 ^ 0x04C11DB7
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

// checksum computes the page's CRC over header (with the CRC field as
// zeros), lacing values and payload.
func (p *page) checksum(hdr []byte) uint32 {
	var zero [4]byte
	c := crcUpdate(0, hdr[:22])
	c = crcUpdate(c, zero[:])
	c = crcUpdate(c, hdr[26:27])
	c = crcUpdate(c, p.segs)
	return crcUpdate(c, p.payload)
}

// readPage reads the page whose capture pattern is at off. ok is false for
// a page whose CRC or version is wrong: ffmpeg 5.1 checks the CRC, then
// the version, and skips such a page alike ("CRC mismatch!", "Invalid Ogg
// vers!" in ogg_read_page). A page that runs past the end of the object is
// ErrTruncated (ogg_read_page returns EOF).
func readPage(src container.Source, off int64) (p *page, ok bool, err error) {
	var hdr [pageHeaderSize]byte
	if err := container.ReadFull(src, hdr[:], off, name, "page header"); err != nil {
		return nil, false, err
	}
	le := binary.LittleEndian
	p = &page{
		off:     off,
		version: hdr[4],
		flags:   hdr[5],
		granule: int64(le.Uint64(hdr[6:])),
		serial:  le.Uint32(hdr[14:]),
		seq:     le.Uint32(hdr[18:]),
		crc:     le.Uint32(hdr[22:]),
	}
	nsegs := int64(hdr[26])
	if p.segs, err = container.ReadAt(src, off+pageHeaderSize, nsegs, name, "segment table"); err != nil {
		return nil, false, err
	}
	size := int64(0)
	for _, s := range p.segs {
		size += int64(s)
	}
	if p.payload, err = container.ReadAt(src, off+pageHeaderSize+nsegs, size, name, "page payload"); err != nil {
		return nil, false, err
	}
	return p, p.checksum(hdr[:]) == p.crc && p.version == 0, nil
}

// findCapture returns the offset of the first "OggS" that starts at or
// after off and within limit bytes of it, or -1. It reads in small chunks
// through the buffered source.
func findCapture(src container.Source, off, limit int64) (int64, error) {
	// The common case: the next page starts right here.
	var head [4]byte
	if src.Size()-off >= int64(len(head)) {
		if err := container.ReadFull(src, head[:], off, name, "sync"); err != nil {
			return -1, err
		}
		if string(head[:]) == string(capture) {
			return off, nil
		}
	}
	end := src.Size()
	if limit < end-off {
		end = min(off+limit+int64(len(capture))-1, end)
	}
	for pos := off; end-pos >= int64(len(capture)); {
		n := min(int64(syncChunk), end-pos)
		b, err := container.ReadAt(src, pos, n, name, "sync")
		if err != nil {
			return -1, err
		}
		if i := bytes.Index(b, capture); i >= 0 {
			return pos + int64(i), nil
		}
		pos += n - int64(len(capture)) + 1
	}
	return -1, nil
}

// nextPage finds and reads the next good page at or after off, as
// ogg_read_page does: it searches the capture pattern within maxPageSize
// bytes and skips pages with a bad CRC or version, resuming the search just
// after their capture pattern. The end of the object is ErrTruncated; no
// capture pattern within reach is ErrMalformed.
func nextPage(src container.Source, off int64) (*page, error) {
	for {
		at, err := findCapture(src, off, maxPageSize)
		if err != nil {
			return nil, err
		}
		if at < 0 {
			if src.Size()-off <= maxPageSize {
				return nil, container.Errorf(name, "page", off, container.ErrTruncated, "end of object")
			}
			return nil, container.Errorf(name, "page", off, container.ErrMalformed, "cannot find sync word")
		}
		p, ok, err := readPage(src, at)
		if err != nil {
			return nil, err
		}
		if ok {
			return p, nil
		}
		off = at + int64(len(capture))
	}
}
