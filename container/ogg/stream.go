package ogg

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// maxPacket bounds the bytes kept of one header packet (a comment header
// with a large cover art can span many pages); the rest is counted, not
// kept. src.MaxAlloc lowers it further.
const maxPacket = 16 << 20

// How a mapping's start time changes the duration taken from the tail.
const (
	adjustNone     = iota
	adjustAlways   // vorbis_packet: duration -= start_time
	adjustPositive // theora_packet: only when the duration is positive
)

// demux is the state of one Read: the logical streams in BOS order.
type demux struct {
	src         container.Source
	info        *container.Info
	scan        *scanner
	streams     []*ostream
	serials     map[uint32]*ostream // streams by serial number, so a page finds its stream in O(1)
	maxPacket   int64
	headersDone bool // ogg->headers: one stream has reached its data

	// Counters kept as the streams change, so that the per-page questions
	// are O(1) however many streams there are.
	withData int // streams whose last page was not a BOS page (dataSeen)
	awaiting int // streams with a codec that has packets whose first is not seen (allFirstSeen)
}

// ostream is one logical stream (struct ogg_stream in oggdec.h).
type ostream struct {
	serial   uint32
	st       *container.Stream
	codec    *mapping
	header   int // -1 before the codec is known, 1 in headers, 0 after (os->header)
	nbHeader int

	// The packet being reassembled.
	buf        []byte
	psize      int64
	truncated  bool
	incomplete bool
	syncPos    int64 // offset of the page where the packet began

	gotData   bool // the last page read was not a BOS page
	firstSeen bool // the first data packet has been handled
	// analysed counts the data packets read before every stream had its
	// first one, where avformat_find_stream_info stops reading.
	analysed int
	start    int64 // start time from the first data packet; NoPTS if none
	adjust   int
	duration int64 // from the last granule position in the tail

	// A skeleton's fisbone gives the stream's start granule, and with it
	// the start time before any packet is read.
	startGranule    int64
	hasStartGranule bool

	vorbis *vorbisState
	opus   *opusState
	speex  *speexState
	theora *theoraState
}

// packet is one complete packet, with the page it ends on.
type packet struct {
	data      []byte // the bytes kept (all of them unless truncated)
	size      int64  // the packet's real length
	truncated bool
	page      *page
	segp      int   // index of the lacing value after the packet's last one
	next      int64 // payload offset of the next packet on the page
}

// following calls fn with each packet that ends on the page after p (its
// bytes on the page), until fn returns false.
func (p packet) following(fn func(b []byte) bool) {
	pos := p.next
	start := pos
	for _, s := range p.page.segs[p.segp:] {
		pos += int64(s)
		if s < 255 {
			if !fn(p.page.payload[start:pos]) {
				return
			}
			start = pos
		}
	}
}

// firstByte is the first byte of b, or 0 for an empty packet, where FFmpeg
// reads its zeroed padding.
func firstByte(b []byte) byte {
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func (p packet) first() byte { return firstByte(p.data) }

// whole fails with ErrLimit for a header packet that had to be cut at the
// allocation limit but must be parsed whole.
func whole(p packet, what string) error {
	if p.truncated {
		return demuxkit.Errorf(name, what, p.page.off, container.ErrLimit, "%d bytes", p.size)
	}
	return nil
}

func (d *demux) bySerial(serial uint32) *ostream { return d.serials[serial] }

// dataSeen is data_packets_seen: some stream's last page was not a BOS page.
func (d *demux) dataSeen() bool { return d.withData > 0 }

// allFirstSeen reports whether every stream with a codec whose packets are
// not all headers has had its first data packet.
func (d *demux) allFirstSeen() bool { return d.awaiting == 0 }

// setGotData records whether the stream's last page was a data page.
func (d *demux) setGotData(os *ostream, v bool) {
	if v != os.gotData {
		if v {
			d.withData++
		} else {
			d.withData--
		}
		os.gotData = v
	}
}

// setCodec gives a stream its codec, once.
func (d *demux) setCodec(os *ostream, c *mapping) {
	os.codec = c
	if c != nil && !c.headersOnly && !os.firstSeen {
		d.awaiting++
	}
}

// setFirstSeen records the stream's first data packet.
func (d *demux) setFirstSeen(os *ostream) {
	os.firstSeen = true
	if os.codec != nil && !os.codec.headersOnly {
		d.awaiting--
	}
}

// streamFor returns the logical stream of a page, creating it for a new
// serial number (ogg_new_stream) or, once data has been seen in a file of
// one stream, letting the new serial replace the old one as in a chained
// file (ogg_replace_stream). After the headers an unknown serial ends the
// scan: nil, nil.
func (d *demux) streamFor(pg *page) (*ostream, error) {
	if os := d.bySerial(pg.serial); os != nil {
		return os, nil
	}
	if d.headersDone {
		return nil, nil
	}
	if d.dataSeen() {
		if len(d.streams) != 1 {
			return nil, demuxkit.Errorf(name, "page", pg.off, container.ErrUnsupported, "changing stream parameters in multistream ogg")
		}
		os := d.streams[0]
		if c := findCodec(pg.payload); c != os.codec {
			return nil, demuxkit.Errorf(name, "page", pg.off, container.ErrMalformed, "cannot identify new stream %08x", pg.serial)
		}
		delete(d.serials, os.serial)
		os.serial = pg.serial
		d.serials[os.serial] = os
		if os.codec == &opusMapping {
			// A chained Opus stream repeats its headers (ogg_replace_stream).
			os.header = -1
			os.opus = nil
		}
		return os, nil
	}
	st, err := d.src.Budget().AddStream(d.info, container.Unknown, name, pg.off)
	if err != nil {
		return nil, err // ogg_new_stream fails the header past max_streams
	}
	// ogg_new_stream's time base until the codec sets one.
	st.TimeBase = container.Rational{Num: 1, Den: 1000000}
	os := &ostream{serial: pg.serial, st: st, header: -1, start: noPTS, duration: noPTS}
	d.streams = append(d.streams, os)
	d.serials[os.serial] = os
	return os, nil
}

// feed reassembles the packets of a page for its stream and hands each
// complete one on (ogg_read_page and ogg_packet).
func (d *demux) feed(os *ostream, pg *page) error {
	d.setGotData(os, pg.flags&flagBOS == 0)
	if os.codec == nil {
		if os.header >= 0 {
			return nil // no codec: the stream's packets are ignored
		}
		d.setCodec(os, findCodec(pg.payload))
		if os.codec == nil {
			os.header = 0 // "Codec not found"
			return nil
		}
	}
	segp := 0
	pos := int64(0)
	if pg.flags&flagContinued != 0 || os.incomplete {
		if os.psize == 0 {
			// The page continues a packet whose start we never saw:
			// drop that piece.
			for segp < len(pg.segs) {
				s := pg.segs[segp]
				segp++
				pos += int64(s)
				if s < 255 {
					break
				}
			}
			os.syncPos = pg.off
		}
	} else {
		os.buf, os.psize, os.truncated = os.buf[:0], 0, false
		os.syncPos = pg.off
	}
	for segp < len(pg.segs) {
		begin := pos
		complete := false
		for segp < len(pg.segs) {
			s := pg.segs[segp]
			segp++
			pos += int64(s)
			if s < 255 {
				complete = true
				break
			}
		}
		if err := d.keep(os, pg.payload[begin:pos]); err != nil {
			return err
		}
		if !complete {
			os.incomplete = os.psize > 0
			return nil
		}
		os.incomplete = false
		pkt := packet{data: os.buf, size: os.psize, truncated: os.truncated, page: pg, segp: segp, next: pos}
		err := d.dispatch(os, pkt)
		os.buf, os.psize, os.truncated = os.buf[:0], 0, false
		os.syncPos = pg.off
		if err != nil {
			return err
		}
		// The packets of a page come from the file: stop on the budget.
		if err := d.src.Budget().Err(); err != nil {
			return err
		}
	}
	return nil
}

// keep appends b to the packet being assembled, up to maxPacket bytes. The
// packet's buffer is reused from packet to packet; its growth is charged to
// the budget, so that a packet spread over many pages costs what it keeps.
func (d *demux) keep(os *ostream, b []byte) error {
	os.psize += int64(len(b))
	if room := d.maxPacket - int64(len(os.buf)); room < int64(len(b)) {
		b = b[:max(room, 0)]
		os.truncated = true
	}
	if n := int64(len(os.buf) + len(b)); n > int64(cap(os.buf)) {
		c := min(max(n, 2*int64(cap(os.buf))), d.maxPacket)
		if err := d.src.Budget().Alloc(name, "packet", os.syncPos, c-int64(cap(os.buf))); err != nil {
			return err
		}
		buf := make([]byte, len(os.buf), c)
		copy(buf, os.buf)
		os.buf = buf
	}
	os.buf = append(os.buf, b...)
	return nil
}

// dispatch gives a packet to the codec mapping: a header packet while the
// stream reads its headers, or its first data packet, which the mapping
// uses for the start time (the first-packet branch of vorbis_packet,
// opus_packet, speex_packet and theora_packet).
func (d *demux) dispatch(os *ostream, pkt packet) error {
	if os.header != 0 {
		r, err := os.codec.header(d, os, pkt)
		if err != nil {
			return err
		}
		os.header = r
		if r != 0 {
			os.nbHeader++
			return nil
		}
		if !d.headersDone {
			// ogg_packet: the data start is this packet's page, or an
			// earlier one where another stream has a packet under way.
			d.headersDone = true
			d.info.Format.DataOffset = os.syncPos
			for _, o := range d.streams {
				if o.incomplete {
					d.info.Format.DataOffset = min(d.info.Format.DataOffset, o.syncPos)
				}
			}
		}
	}
	if !d.allFirstSeen() {
		os.analysed++
	}
	if !os.firstSeen {
		d.setFirstSeen(os)
		if os.codec.first != nil {
			os.codec.first(os, pkt)
		}
	}
	return nil
}
