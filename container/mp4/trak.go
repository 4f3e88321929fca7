package mp4

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// track is one trak as mov.c's MOVStreamContext summarises it. The sample
// tables are kept as sums and a few leading entries, never expanded.
type track struct {
	st        *container.Stream
	hasTkhd   bool
	timeScale int64
	duration  int64 // st->duration, in timeScale; NoPTS if unknown
	width     int64 // tkhd, integer part
	height    int64
	matrix    *[9]int32

	// stsd
	format          string // fourcc of the sample entry in use
	stsdSeen        bool
	stsdVersion     uint8
	samplesPerFrame int64
	bytesPerFrame   int64
	sampleSize      int64 // bytes per sample frame from the stsd (sc->sample_size)
	codecTagSet     bool
	depth           int // a video entry's depth (bits_per_coded_sample)

	// stts
	sttsCount      int64
	sttsFirstCount int64
	sttsFirstDur   int64
	sttsLastCount  int64
	deltas         []int64 // first sample durations, for r_frame_rate
	fragDeltas     bool    // deltas come from trun, not stts
	durForFps      int64
	framesForFps   int64

	// stsz
	sampleCount    int64
	stszSampleSize int64
	dataSize       int64

	// stsc, stco
	stsc       []stscEntry
	chunkCount int64
	firstSize  int64 // size and duration of the first sample
	firstDur   int64
	firstChunk int64 // offset of the first chunk
	// The offsets of the first chunks (stco) and sizes of the first
	// samples (stsz), or the offsets of the first fragment samples.
	chunkOffs, headSizes, fragOffs, fragSizes []int64

	// ctts
	cttsFirst int64
	hasCtts   bool
	fragCtts  bool // the composition offsets come from trun, not ctts
	dtsShift  int64
	// h264Restricted: the active SPS has a bitstream restriction, whose
	// num_reorder_frames the H.264 decoder keeps as has_b_frames.
	h264Restricted bool

	// The durations and composition offsets of the first samples, for
	// the reordering delay of H.264 (mov_estimate_video_delay).
	delayDeltas, delayOffsets []int64

	elst []elstEntry
	// startPad is the encoder delay in samples (sc->start_pad), from
	// iTunSMPB or a lone edit that skips media.
	startPad int64

	video videoSideData // attached after the display matrix

	// fragments
	trackEnd   int64
	hasSidx    bool
	firstPTS   int64 // first sample of the first trun, NoPTS if none
	pktStart   int64 // the first packet's pts from the sample table, NoPTS if none
	timeOffset int64

	// timecode: the tmcd entry's flags; the timecode track a tref/tmcd
	// names
	tmcdFlags     uint32
	timecodeTrack int64

	// codec facts learnt from the configuration boxes
	ac3BitRate int64
	config     []byte // the avcC, hvcC or av1C payload: the decoder's extradata
	asc        aac.AudioSpecificConfig
	hasASC     bool
	hasSamples bool
}

type stscEntry struct{ first, count, id int64 }

// readTrak creates the stream, reads the trak's children and then does what
// mov_read_trak does after them: the sanity checks, the time base and the
// index summary (mov_build_index).
func (d *demuxer) readTrak(b box) error {
	st, err := d.src.Budget().AddStream(d.info, container.Data, fmtName, b.off)
	if err != nil {
		return err // mov_read_trak fails the header past max_streams
	}
	t := &track{st: st, duration: container.NoPTS, firstPTS: container.NoPTS, pktStart: container.NoPTS}
	d.tracks = append(d.tracks, t)
	prev := d.cur
	d.cur = t
	err = d.children(b, "trak")
	d.cur = prev
	if err != nil {
		return err
	}
	return d.finishTrak(t, b)
}

// readTkhd reads the track id, the enabled flag (disposition default) and
// the display matrix combined with the movie matrix (mov_read_tkhd).
func (d *demuxer) readTkhd(b box) error {
	t := d.cur
	if t == nil {
		return nil
	}
	if t.hasTkhd {
		return demuxkit.Errorf(fmtName, "tkhd", b.off, container.ErrMalformed, "second tkhd in a trak")
	}
	c, err := d.boxHead(b, tkhdFields)
	if err != nil {
		return err
	}
	version := c.u8()
	flags := c.u24()
	if flags&1 != 0 {
		t.st.Disposition |= container.DispositionDefault
	}
	if version == 1 {
		c.skip(16)
	} else {
		c.skip(8)
	}
	t.st.ID = int64(int32(c.u32()))
	t.st.HasID = true
	if _, ok := d.byID[t.st.ID]; !ok {
		d.byID[t.st.ID] = t
	}
	t.hasTkhd = true
	c.skip(4)
	if version == 1 {
		c.skip(8)
	} else {
		c.skip(4)
	}
	c.skip(8 + 8)
	var m [9]int64
	for i := range m {
		m[i] = int64(int32(c.u32()))
	}
	w := int64(int32(c.u32()))
	h := int64(int32(c.u32()))
	if c.bad {
		return nil
	}
	t.width, t.height = w>>16, h>>16
	// res = tkhd matrix x movie matrix, each product shifted by the
	// fixed-point position of its row element (16, 16, 30).
	var res [9]int64
	sh := [3]uint{16, 16, 30}
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for e := 0; e < 3; e++ {
				res[i*3+j] += (m[i*3+e] * d.movieMtx[e*3+j]) >> sh[e]
			}
		}
	}
	ident := res[0] == 1<<16 && res[4] == 1<<16 && res[8] == 1<<30 &&
		res[1] == 0 && res[2] == 0 && res[3] == 0 && res[5] == 0 && res[6] == 0 && res[7] == 0
	if !ident {
		var m32 [9]int32
		for i, v := range res {
			m32[i] = int32(v)
		}
		t.matrix = &m32
	}
	return nil
}

// readMdhd reads the media time scale, duration, language and creation time
// (mov_read_mdhd).
func (d *demuxer) readMdhd(b box) error {
	t := d.cur
	if t == nil {
		return nil
	}
	if t.timeScale != 0 {
		return demuxkit.Errorf(fmtName, "mdhd", b.off, container.ErrMalformed, "multiple mdhd")
	}
	c, err := d.boxHead(b, mdhdFields)
	if err != nil {
		return err
	}
	version := c.u8()
	if version > 1 {
		return demuxkit.Errorf(fmtName, "mdhd", b.off, container.ErrUnsupported, "version %d", version)
	}
	c.skip(3)
	d.creationTime(c, version, &t.st.Tags)
	t.timeScale = int64(int32(c.u32()))
	if t.timeScale <= 0 {
		t.timeScale = 1
	}
	// ffmpeg 5.1 keeps an all-ones duration as it is (later versions
	// read it as unknown).
	if version == 1 {
		t.duration = int64(c.u64())
	} else {
		t.duration = int64(c.u32())
	}
	lang := c.u16()
	if c.bad {
		return nil
	}
	if l, ok := langISO639(lang); ok {
		t.st.Tags.Set("language", l)
	}
	return nil
}

// readHdlr sets the codec type from the handler subtype and the
// handler_name tag, first one wins (mov_read_hdlr). A hdlr outside a trak
// only tells whether meta keys are in use (mdta).
//
// The fixed fields are read first; the name only when the track has none
// yet, and only up to its NUL where one comes early, so that a huge hdlr
// costs what its name does.
func (d *demuxer) readHdlr(b box) error {
	c, err := d.boxHead(b, hdlrFields)
	if err != nil {
		return err
	}
	c.skip(4)
	c.skip(4) // component type
	sub := c.fourcc()
	t := d.cur
	if t == nil {
		if sub == "mdta" {
			d.mdtaHdlr = true
		}
		return nil
	}
	switch sub {
	case "vide":
		t.st.Type = container.Video
	case "soun":
		t.st.Type = container.Audio
	case "m1a ":
		t.st.CodecName = "mp2"
	case "subp", "clcp":
		t.st.Type = container.Subtitle
	}
	n := b.payLen() - hdlrFields // the name's bytes
	if n <= 0 {
		return nil
	}
	if _, ok := t.st.Tags.Get("handler_name"); ok {
		return nil // the first one wins
	}
	title, err := demuxkit.ReadAt(d.src, b.payOff()+hdlrFields, min(n, hdlrNameHead), fmtName, "hdlr")
	if err != nil {
		return err
	}
	if title[0] == 0 {
		return nil
	}
	if int64(len(title)) < n && bytes.IndexByte(title[1:], 0) < 0 {
		// No NUL in the first bytes: the name may be as long as the box.
		if title, err = demuxkit.ReadAt(d.src, b.payOff()+hdlrFields, n, fmtName, "hdlr"); err != nil {
			return err
		}
	}
	if !d.isom && int64(title[0]) == n-1 {
		title = title[1:] // a Pascal string in QuickTime files
	}
	t.st.Tags.Set("handler_name", cstring(title))
	return nil
}

// hdlrFields are the bytes of hdlr before the name (version and flags,
// component type and subtype, three reserved words); hdlrNameHead is what
// is read of the name at first.
const (
	hdlrFields   = 24
	hdlrNameHead = 4096
)
