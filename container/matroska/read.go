package matroska

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Bounds on what a file can make the demuxer read.
const (
	// maxHeaderLen is the most read to decode one element header: a
	// 4-byte ID and an 8-byte size.
	maxHeaderLen = 12
	// maxEBMLHeader bounds the EBML header's data, a few short fields.
	maxEBMLHeader = 4 << 10
	// maxLevel1 bounds the data of one level-1 element read into memory
	// (Info, Tracks, Tags, Chapters, SeekHead); FFmpeg has no bound, but
	// real ones are kilobytes.
	maxLevel1 = 16 << 20
	// maxLevel1Elems is FFmpeg's bound on level-1 elements met through
	// SeekHeads (level1_elems[64]), which also stops circular SeekHeads.
	maxLevel1Elems = 64
	// maxSkip bounds the elements skipped before the Segment.
	maxSkip = 64
)

// demuxer holds the state of one read.
type demuxer struct {
	src  container.Source
	info *container.Info

	segOff           int64 // where the Segment element starts
	segStart, segEnd int64
	clusterPos       int64 // the first Cluster, 0 if none was met

	timeScale uint64
	duration  float64
	hasDur    bool
	title     *string
	muxingApp *string
	dateUTC   []byte

	tracks      []*track
	attachments []*attachment
	chapters    []chapter
	tags        []tagGroup
	seeks       []seek

	// level1 are the level-1 elements known, by ID (and by position for
	// SeekHead and Tags, which may repeat), with whether they were read.
	level1 []level1

	scratch []byte // reused by the block reads
	// scanBounded is set when readFirstBlocks stopped on its own bounds
	// before the streams had what find_stream_info waits for.
	scanBounded bool
	// resynced counts the bytes resync has looked through.
	resynced int64
	// analyzed is set when the blocks read span max_analyze_duration.
	analyzed bool
}

type seek struct {
	id  uint64
	pos uint64
}

type level1 struct {
	id     uint32
	pos    int64
	parsed bool
}

// read mirrors matroska_read_header, then reads the first blocks.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	d := &demuxer{src: src, info: container.NewInfo(name, longName), timeScale: 1000000}
	d.info.Format.Size = src.Size()
	pos, err := d.readEBMLHeader(start)
	if err != nil {
		return nil, err
	}
	if err := d.findSegment(pos); err != nil {
		return nil, err
	}
	if err := d.readSegment(); err != nil {
		return nil, err
	}
	d.executeSeekHead()
	if err := src.Budget().Err(); err != nil {
		return nil, err
	}
	if err := d.buildStreams(); err != nil {
		return d.info, err
	}
	d.readFirstBlocks()
	d.finishStreams()
	return d.info, src.Budget().Err()
}

// elemHeader reads the header of the element at off, inside a parent
// ending at limit.
func (d *demuxer) elemHeader(off, limit int64, what string) (header, error) {
	n := min(limit-off, maxHeaderLen)
	if n < 2 {
		return header{}, demuxkit.Errorf(name, what, off, container.ErrTruncated, "no room for an element header")
	}
	var buf [maxHeaderLen]byte
	if err := demuxkit.ReadFull(d.src, buf[:n], off, name, what); err != nil {
		return header{}, err
	}
	h, ok := parseHeader(buf[:n], off, limit)
	if !ok {
		return h, demuxkit.Errorf(name, what, off, container.ErrMalformed, "invalid element header")
	}
	return h, nil
}

// body reads an element's data, at most max bytes.
func (d *demuxer) body(h header, max int64, what string) ([]byte, error) {
	if h.size > max {
		return nil, demuxkit.Errorf(name, what, h.off, container.ErrLimit, "%d bytes exceed %d", h.size, max)
	}
	return demuxkit.ReadAt(d.src, h.data, h.size, name, what)
}

func (d *demuxer) visit(what string) func(int64) error {
	return func(off int64) error { return d.src.Budget().Visit(name, what, off) }
}

// readEBMLHeader reads and checks the EBML header (ebml_header): the
// versions FFmpeg supports and a DocType. It returns where the header
// ends.
func (d *demuxer) readEBMLHeader(start int64) (int64, error) {
	h, err := d.elemHeader(start, d.src.Size(), "EBML header")
	if err != nil {
		return 0, err
	}
	if h.id != idEBML {
		return 0, demuxkit.Errorf(name, "EBML header", start, container.ErrMalformed, "no EBML header")
	}
	b, err := d.body(h, maxEBMLHeader, "EBML header")
	if err != nil {
		return 0, err
	}
	version, maxSize, idLen, docVersion := uint64(1), uint64(8), uint64(4), uint64(1)
	docType := "(none)"
	bad := false
	_ = walk(b, h.data, d.visit("EBML header"), func(e element) bool {
		switch e.id {
		case idEBMLReadVersion, idEBMLMaxSizeLength, idEBMLMaxIDLength, idDocTypeReadVersion:
			v, ok := uintVal(e.b)
			if !ok {
				bad = true
				return false
			}
			switch e.id {
			case idEBMLReadVersion:
				version = v
			case idEBMLMaxSizeLength:
				maxSize = v
			case idEBMLMaxIDLength:
				idLen = v
			default:
				docVersion = v
			}
		case idDocType:
			docType = strVal(e.b)
		}
		return true
	})
	if bad {
		return 0, demuxkit.Errorf(name, "EBML header", start, container.ErrMalformed, "EBML header parsing failed")
	}
	if version > 1 || maxSize > 8 || idLen > 4 || docVersion > 3 {
		return 0, demuxkit.Errorf(name, "EBML header", start, container.ErrUnsupported,
			"EBML version %d, doctype %s, doc version %d", version, docType, docVersion)
	}
	// An unknown DocType is only a warning for FFmpeg.
	return h.end(), nil
}

// findSegment finds the Segment after the EBML header, skipping other
// elements (Void) as ebml_parse does with matroska_segments.
func (d *demuxer) findSegment(pos int64) error {
	size := d.src.Size()
	for i := 0; i < maxSkip; i++ {
		h, err := d.elemHeader(pos, size, "segment")
		if err != nil {
			return err
		}
		if h.id == idSegment {
			d.segOff, d.segStart, d.segEnd = h.off, h.data, h.end()
			return nil
		}
		if h.unknown {
			break
		}
		pos = h.end()
	}
	return demuxkit.Errorf(name, "segment", pos, container.ErrMalformed, "no segment")
}

// readSegment reads the level-1 elements in order up to the first Cluster
// (matroska_segment, where a Cluster is EBML_STOP). On a broken element it
// resyncs as matroska_read_header does: from one byte past where the
// failed parse began (the Segment itself the first time) to the next
// level-1 ID, so that elements before the break may be read twice.
func (d *demuxer) readSegment() error {
	pos := d.segStart
	parseStart := d.segOff
	for pos < d.segEnd {
		if err := d.src.Budget().Visit(name, "level-1 element", pos); err != nil {
			return err
		}
		h, err := d.elemHeader(pos, d.segEnd, "level-1 element")
		if err != nil {
			next, ok := d.resync(parseStart + 1)
			if !ok {
				return err
			}
			pos, parseStart = next, next
			continue
		}
		if h.id == idCluster {
			d.clusterPos = pos
			return nil
		}
		if isLevel1(h.id) {
			if e := d.find(h.id, pos); e != nil {
				e.parsed = true
			}
			d.level1Elem(h)
		}
		if h.unknown {
			break
		}
		pos = h.end()
	}
	// matroska_read_header parses (and resyncs) until a Cluster: a file
	// without one fails, however complete its headers.
	return demuxkit.Errorf(name, "segment", pos, container.ErrMalformed, "no cluster")
}

// maxResync bounds how far one resync looks for a level-1 element, and
// maxResyncTotal all of them together (FFmpeg looks to the end of the
// file, however often).
const (
	maxResync      = 1 << 20
	maxResyncTotal = 4 << 20
)

// resync is matroska_resync: the next position from off where a level-1
// element's ID is, within maxResync bytes of the segment.
func (d *demuxer) resync(off int64) (int64, bool) {
	if d.resynced >= maxResyncTotal {
		return 0, false
	}
	end := min(d.segEnd, off+min(maxResync, maxResyncTotal-d.resynced))
	const chunk = 64 << 10
	for off+4 <= end {
		n := min(end-off, chunk+3)
		b, err := demuxkit.ReadScratch(d.src, &d.scratch, off, n, name, "resync")
		if err != nil {
			return 0, false
		}
		d.resynced += n
		for i := 0; i+4 <= len(b); i++ {
			id := uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
			if id == idCluster || isLevel1(id) {
				return off + int64(i), true
			}
		}
		if err := d.src.Budget().Visit(name, "resync", off); err != nil {
			return 0, false
		}
		off += n - 3
	}
	return 0, false
}

func isLevel1(id uint32) bool {
	switch id {
	case idInfo, idTracks, idAttachments, idChapters, idCues, idTags, idSeekHead:
		return true
	}
	return false
}

// find returns the record of the level-1 element id at pos, adding one
// (matroska_find_level1_elem): one per ID, except SeekHead and Tags, which
// may repeat at other positions. It returns nil past maxLevel1Elems.
func (d *demuxer) find(id uint32, pos int64) *level1 {
	if id == idCluster {
		return nil
	}
	for i := range d.level1 {
		e := &d.level1[i]
		if e.id == id && (e.pos == pos || (id != idSeekHead && id != idTags)) {
			return e
		}
	}
	if len(d.level1) >= maxLevel1Elems {
		return nil
	}
	d.level1 = append(d.level1, level1{id: id, pos: pos})
	return &d.level1[len(d.level1)-1]
}

// level1Elem reads one level-1 element. Cues are not needed.
func (d *demuxer) level1Elem(h header) {
	if h.id == idCues {
		return
	}
	if h.id == idAttachments {
		d.readAttachments(h)
		return
	}
	b, err := d.body(h, maxLevel1, "level-1 element")
	if err != nil {
		return
	}
	switch h.id {
	case idInfo:
		d.readInfo(b, h.data)
	case idTracks:
		d.readTracks(b, h.data)
	case idChapters:
		d.readChapters(b, h.data)
	case idTags:
		d.readTags(b, h.data)
	case idSeekHead:
		d.readSeekHead(b, h.data)
	}
}

// executeSeekHead reads the level-1 elements the SeekHeads point at that
// were not met before the first Cluster (matroska_execute_seekhead). The
// list grows as SeekHeads are read; find's bound ends circular ones.
func (d *demuxer) executeSeekHead() {
	for i := 0; i < len(d.seeks); i++ {
		s := d.seeks[i]
		if s.id > 0xFFFFFFFF || s.pos > uint64(d.segEnd-d.segStart) {
			continue
		}
		id := uint32(s.id)
		pos := d.segStart + int64(s.pos)
		if !isLevel1(id) || !validID(id) {
			continue
		}
		e := d.find(id, pos)
		if e == nil || e.parsed {
			continue
		}
		if id == idCues {
			continue // deferred until needed, which a probe never is
		}
		e.parsed = true
		if d.src.Budget().Err() != nil {
			return
		}
		h, err := d.elemHeader(pos, d.segEnd, "seek target")
		if err != nil {
			return // a broken index: what was read stands
		}
		if isLevel1(h.id) && h.id != idCues {
			if h.id != id {
				if o := d.find(h.id, pos); o != nil {
					if o.parsed {
						continue
					}
					o.parsed = true
				}
			}
			d.level1Elem(h)
		}
	}
}

// validID is is_ebml_id_valid: the marker bit of an ID is in the place
// its length puts it.
func validID(id uint32) bool {
	if id == 0 {
		return false
	}
	bits := 31
	for id&(1<<uint(bits)) == 0 {
		bits--
	}
	return (bits+7)/8 == 8-bits%8
}

// readSeekHead collects the Seek entries.
func (d *demuxer) readSeekHead(b []byte, base int64) {
	_ = walk(b, base, d.visit("SeekHead"), func(e element) bool {
		if e.id != idSeek {
			return true
		}
		s := seek{pos: ^uint64(0)}
		_ = walk(e.b, e.data, d.visit("Seek"), func(c element) bool {
			switch c.id {
			case idSeekID:
				s.id, _ = uintVal(c.b)
			case idSeekPos:
				s.pos, _ = uintVal(c.b)
			}
			return true
		})
		d.seeks = append(d.seeks, s)
		return true
	})
}

// readInfo reads the segment Info.
func (d *demuxer) readInfo(b []byte, base int64) {
	_ = walk(b, base, d.visit("Info"), func(e element) bool {
		switch e.id {
		case idTimecodeScale:
			if v, ok := uintVal(e.b); ok {
				d.timeScale = v
			}
		case idDuration:
			if v, ok := floatVal(e.b); ok {
				d.duration, d.hasDur = v, true
			}
		case idTitle:
			s := strVal(e.b)
			d.title = &s
		case idMuxingApp:
			s := strVal(e.b)
			d.muxingApp = &s
		case idDateUTC:
			d.dateUTC = e.b
		}
		return true
	})
}
