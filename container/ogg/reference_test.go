package ogg

import (
	"bytes"
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The page search as it was before the scanner (commit e9b9070), kept as
// the reference of the differential tests: for each capture pattern it
// reads the whole page and checksums it, which is simple and obviously
// ogg_read_page, and quadratic on a run of false capture patterns. Run it
// over refSource, whose budget never fails, since it allocates every page
// it examines.

// refSource is a source over b with no effective allocation limit.
func refSource(b []byte) *demuxkit.BytesSource {
	return &demuxkit.BytesSource{B: b, Limit: 1 << 62, Limits: container.Limits{MaxAllocTotal: 1 << 62}}
}

// refChecksum computes the page's CRC over header (with the CRC field as
// zeros), lacing values and payload.
func refChecksum(hdr, segs, payload []byte) uint32 {
	var zero [4]byte
	c := crcUpdate(0, hdr[:22])
	c = crcUpdate(c, zero[:])
	c = crcUpdate(c, hdr[26:27])
	c = crcUpdate(c, segs)
	return crcUpdate(c, payload)
}

func refReadPage(src container.Source, off int64) (p *page, ok bool, err error) {
	var hdr [pageHeaderSize]byte
	if err := demuxkit.ReadFull(src, hdr[:], off, name, "page header"); err != nil {
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
	if p.segs, err = demuxkit.ReadAt(src, off+pageHeaderSize, nsegs, name, "segment table"); err != nil {
		return nil, false, err
	}
	size := int64(0)
	for _, s := range p.segs {
		size += int64(s)
	}
	if p.payload, err = demuxkit.ReadAt(src, off+pageHeaderSize+nsegs, size, name, "page payload"); err != nil {
		return nil, false, err
	}
	return p, refChecksum(hdr[:], p.segs, p.payload) == p.crc && p.version == 0, nil
}

func refFindCapture(src container.Source, off, limit int64) (int64, error) {
	var head [4]byte
	if src.Size()-off >= int64(len(head)) {
		if err := demuxkit.ReadFull(src, head[:], off, name, "sync"); err != nil {
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
		b, err := demuxkit.ReadAt(src, pos, n, name, "sync")
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

func refNextPage(src container.Source, off int64) (*page, error) {
	for {
		at, err := refFindCapture(src, off, maxPageSize)
		if err != nil {
			return nil, err
		}
		if at < 0 {
			if src.Size()-off <= maxPageSize {
				return nil, demuxkit.Errorf(name, "page", off, container.ErrTruncated, "end of object")
			}
			return nil, demuxkit.Errorf(name, "page", off, container.ErrMalformed, "cannot find sync word")
		}
		p, ok, err := refReadPage(src, at)
		if err != nil {
			return nil, err
		}
		if ok {
			return p, nil
		}
		off = at + int64(len(capture))
	}
}
