package mpegts

// Program-specific information: sections reassembled from transport
// packets (ISO/IEC 13818-1 2.4.4) and their common header.

const (
	maxSectionSize = 4096 // MAX_SECTION_SIZE
	stuffingByte   = 0xFF

	patTID = 0x00
	pmtTID = 0x02
	sdtTID = 0x42
)

// crcTable is CRC-32/MPEG-2 (polynomial 0x04C11DB7, most significant bit
// first), the CRC of every PSI section: run over a whole section, CRC
// included, it leaves 0.
var crcTable = func() (t [256]uint32) {
	for i := range t {
		c := uint32(i) << 24
		for range 8 {
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

// crc32 returns the CRC of b from the initial value 0xFFFFFFFF.
func crc32(b []byte) uint32 {
	c := uint32(0xFFFFFFFF)
	for _, x := range b {
		c = c<<8 ^ crcTable[byte(c>>24)^x]
	}
	return c
}

// sectionFilter reassembles the sections of one PID, as mpegts.c's
// write_section_data does, and hands complete ones to cb.
type sectionFilter struct {
	buf        []byte // up to maxSectionSize bytes
	hsize      int    // the current section's length, -1 until known
	endReached bool
	lastVer    int
	lastCRC    uint32
	crc        uint32
	cb         func(d *demux, s []byte, f *sectionFilter)
	pmt        bool // a PMT filter, opened by the PAT
}

func newSectionFilter(cb func(*demux, []byte, *sectionFilter)) *sectionFilter {
	return &sectionFilter{cb: cb, lastVer: -1, hsize: -1}
}

// write adds b to the section being assembled (a new one when start) and
// delivers every section it completes whose CRC passes, tolerating a run
// of bad CRCs on a PID as FFmpeg's crc_validity counter does.
func (f *sectionFilter) write(d *demux, pid int, b []byte, start bool) {
	if start {
		f.buf = append(f.buf[:0], b[:min(len(b), maxSectionSize)]...)
		f.hsize = -1
		f.endReached = false
	} else {
		if f.endReached {
			return
		}
		n := min(len(b), maxSectionSize-len(f.buf))
		f.buf = append(f.buf, b[:n]...)
	}
	off := 0
	for off < len(f.buf) && f.buf[off] != stuffingByte {
		if f.hsize == -1 && len(f.buf)-off >= 3 {
			n := (int(f.buf[off+1])<<8|int(f.buf[off+2]))&0xFFF + 3
			if n > maxSectionSize {
				return
			}
			f.hsize = n
		}
		if f.hsize == -1 || len(f.buf) < off+f.hsize {
			f.hsize = -1
			f.endReached = false
			return
		}
		sec := f.buf[off : off+f.hsize]
		f.endReached = true
		valid := 1
		if crc32(sec) != 0 {
			valid = 0
			if d.crcValidity[pid] > -10 {
				d.crcValidity[pid]--
			} else {
				valid = 2
			}
		} else {
			d.crcValidity[pid] = 100
		}
		if len(sec) >= 4 {
			n := len(sec)
			f.crc = uint32(sec[n-4])<<24 | uint32(sec[n-3])<<16 | uint32(sec[n-2])<<8 | uint32(sec[n-1])
		}
		if valid != 0 {
			f.cb(d, sec, f)
			if valid != 1 {
				f.lastVer = -1
			}
		}
		off += f.hsize
		f.hsize = -1
	}
}

// sectionHeader is the long-form section header (table_id to
// last_section_number).
type sectionHeader struct {
	tid         byte
	id          int
	version     int
	currentNext bool
}

// parseSectionHeader reads the header of sec, whose last four bytes (the
// CRC) are excluded, and returns the bytes after it.
func parseSectionHeader(sec []byte) (sectionHeader, []byte, bool) {
	if len(sec) < 4+8 {
		return sectionHeader{}, nil, false
	}
	body := sec[:len(sec)-4]
	h := sectionHeader{
		tid:         body[0],
		id:          int(body[3])<<8 | int(body[4]),
		version:     int(body[5]>>1) & 0x1F,
		currentNext: body[5]&1 != 0,
	}
	return h, body[8:], true
}

// skipIdentical reports a section already seen: the same version and CRC.
func (f *sectionFilter) skipIdentical(h sectionHeader) bool {
	if h.version == f.lastVer && f.lastCRC == f.crc {
		return true
	}
	f.lastVer = h.version
	f.lastCRC = f.crc
	return false
}
