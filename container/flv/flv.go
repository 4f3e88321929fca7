// Package flv reads Flash Video files (FFmpeg's "flv", and "live_flv" for
// the streams nginx-rtmp records): a 9-byte header (the "FLV" signature, a
// version, flags for audio and video, the header size), then tags, each an
// 11-byte header (type, 24-bit size, 32-bit millisecond timestamp, stream
// id) and its body, each followed by its size (PreviousTagSize).
//
// It mirrors libavformat/flvdec.c of FFmpeg 5.1 as ffprobe sees it. The
// header creates no stream: flvdec.c creates one when the first audio or
// video tag arrives, in tag order, and avformat_find_stream_info reads tags
// until it knows every stream. So the probe walks the first tags:
//
//   - the onMetaData script tag (AMF0, see amf.go) gives the format tags,
//     the duration and the streams' bit rates and average frame rate;
//   - the first audio tag's flags give the codec, rate, size and channels;
//     AAC's AudioSpecificConfig and the first MP3 frame header refine them
//     as FFmpeg's decoders do;
//   - the first video tag's flags give the codec; the AVC sequence header
//     (an avcC record) goes to codec/h264, and the first frame's picture
//     header gives the size of the other codecs (video.go);
//   - the first packets' timestamps give each stream's start time, and the
//     video's decode timestamps its r_frame_rate (internal/rfps).
//
// Only tag headers and the bodies that configure a codec are read: the
// head of the file, as far as the first 41 video packets go (one read
// where they fit in the first 64 KiB, one more per 64 KiB of large
// pictures, at most 512 KiB: see headWindow). Where the metadata
// gives no duration, flvdec.c reads the timestamp of the last tag, found
// through the PreviousTagSize at the end of the file: one more read. A
// PreviousTagSize that does not match its tag sends the walk looking for
// the next two consistent tags, as flvdec.c's resync does (which also
// finds an FLV concatenated after another, or after an ID3v2 tag).
//
// What ffprobe prints of a codec comes from FFmpeg's decoder once it has a
// packet, so a stream whose first packet is missing or cut short keeps
// the tag flags' values (see describeAudio and describeVideo).
//
// FFmpeg 5.1 knows no HEVC or AV1 in FLV (the enhanced FLV of later
// versions): a tag of video codec 12 makes a stream of no codec whose tag
// is 12, as ffprobe 5.1 prints it.
//
// Specification: Adobe Flash Video File Format Specification 10.1, annex
// E; Action Message Format AMF0.
package flv

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/h263"
	"github.com/mediaprobe/mediaprobe/codec/h264"
	"github.com/mediaprobe/mediaprobe/codec/mpeg4"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

const (
	name         = "flv"
	longName     = "FLV (Flash Video)"
	liveName     = "live_flv"
	liveLongName = "live RTMP FLV (Flash Video)"
)

// Demuxer returns the FLV demuxer.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name: name, LongName: longName, Extensions: "flv",
		Probe: func(b []byte) int { return probe(b, false) },
		Read:  reader(name, longName),
	}
}

// Live returns the live_flv demuxer: FLV recorded by nginx-rtmp, which
// FFmpeg tells by the server's name in the metadata and reads as flv.
func Live() container.Demuxer {
	return container.Demuxer{
		Name: liveName, LongName: liveLongName, Extensions: "flv",
		Probe: func(b []byte) int { return probe(b, true) },
		Read:  reader(liveName, liveLongName),
	}
}

// probe scores as flvdec.c probe does: the signature, a version below 5,
// a header size above 8 whose first tag lies 100 bytes inside the probe
// buffer, and "NGINX RTMP" 40 bytes into the first tag for live_flv only.
func probe(b []byte, live bool) int {
	if len(b) < 9 || b[0] != 'F' || b[1] != 'L' || b[2] != 'V' || b[3] >= 5 || b[5] != 0 {
		return 0
	}
	off := uint64(binary.BigEndian.Uint32(b[5:]))
	if off+100 >= uint64(len(b)) || off <= 8 {
		return 0
	}
	isLive := string(b[off+40:off+50]) == "NGINX RTMP"
	if live != isLive {
		return 0
	}
	return 100
}

// Tag types and the flags of audio and video tags (flv.h).
const (
	tagAudio  = 8
	tagVideo  = 9
	tagScript = 18

	tagHeaderSize = 11

	headerHasAudio = 4
	headerHasVideo = 1

	videoInfoFrame = 0x50 // frame type 5: video info or command frame
)

// FLV codec ids (flv.h), audio ids shifted down by four bits.
const (
	audioPCM       = 0
	audioADPCM     = 1
	audioMP3       = 2
	audioPCMLE     = 3
	audioNelly16k  = 4
	audioNelly8k   = 5
	audioNelly     = 6
	audioALaw      = 7
	audioMuLaw     = 8
	audioAAC       = 10
	audioSpeex     = 11
	videoH263      = 2
	videoScreen    = 3
	videoVP6       = 4
	videoVP6A      = 5
	videoScreen2   = 6
	videoH264      = 7
	videoRealH263  = 8
	videoMPEG4     = 9
	maxCtsDistance = 1000 * 60 * 15 // flvdec.c drops timestamps further apart
)

// Limits of the walk over the first tags.
const (
	// headWindow is how far past the first tag the timestamps of the
	// video packets are collected for the frame rate, until there are
	// rfpsPackets of them. ffprobe's r_frame_rate depends on all of them
	// (their number too, through codec_info_duration): fewer give another
	// guess. The first 64 KiB block holds them for small pictures; large
	// ones cost a few reads (each fetching twice the span walked so far),
	// which this bounds. Script tags (a metadata tag with a large
	// keyframe index) do not count.
	headWindow = 512 << 10
	// prefetchMin is the least the walk fetches ahead at once, the
	// probe's default block.
	prefetchMin = 64 << 10
	// maxWalk is how far the walk goes on looking for a stream the
	// header announces and no tag has shown yet.
	maxWalk = 1 << 20
	// maxTags bounds the tags walked, whatever their sizes: a file of
	// empty or script tags ends the walk there.
	maxTags = 20000
	// maxBody is how much of a configuration tag (an AVC sequence
	// header, an AudioSpecificConfig) is read, and maxFirst how much of a
	// first packet: the headers of a first frame.
	maxBody  = 64 << 10
	maxFirst = 4 << 10
	// rfpsPackets is how many video packets avformat_find_stream_info
	// reads for the frame rate of a stream in milliseconds (its
	// fps_analyze_framecount of 20, doubled for a coarse time base), and
	// one for the first timestamp.
	rfpsPackets = 41
	// maxTailSteps bounds the steps back from the end of the file over
	// tags of timestamp 0 when the duration is looked for there.
	maxTailSteps = 64
)

// stream is what the walk learns of one audio or video stream.
type stream struct {
	st        *container.Stream
	codecID   int
	flags     byte   // the flags of the first tag
	extra     []byte // the codec configuration (extradata), nil if none
	hasExtra  bool
	first     []byte // the start of the first packet
	firstSize int64  // the first packet's size
	// complete is set when the file holds the whole first packet, which
	// FFmpeg's parser and decoder need to report what its headers say.
	complete bool
	adjust   byte // VP6: the size adjustment byte
	started  bool // a packet was seen
	dts      []int64
	// codecRate is the frame rate the codec's headers give (an H.264
	// SPS's timing), 0/0 if none.
	codecRate container.Rational
	// packetRate is the frame rate that gives the packets their
	// durations during avformat_find_stream_info (compute_frame_duration):
	// the H.264 parser's, from the SPS it reads in the extradata, or the
	// MPEG-4 decoder's. 0/0 if none: the packets have no duration.
	packetRate container.Rational
}

// demuxer is the state of one probe.
type demuxer struct {
	src   container.Source
	info  *container.Info
	name  string
	meta  metadata
	audio *stream
	video *stream
	text  *container.Stream

	lastTS, timeOffset int64 // flvdec.c's last_ts and time_offset

	resyncs int    // resync scans made
	scratch []byte // their buffer
}

// reader is the Read of the flv and live_flv demuxers, which differ only
// in name.
func reader(fmtName, fmtLong string) func(container.Source, int64, container.Options) (*container.Info, error) {
	return func(src container.Source, start int64, _ container.Options) (*container.Info, error) {
		d := &demuxer{src: src, name: fmtName, info: container.NewInfo(fmtName, fmtLong)}
		return d.read(start)
	}
}

// read mirrors flv_read_header, then the packets avformat_find_stream_info
// reads.
func (d *demuxer) read(start int64) (*container.Info, error) {
	info := d.info
	size := d.src.Size()
	info.Format.Size = size
	var h [9]byte
	if err := demuxkit.ReadFull(d.src, h[:], start, d.name, "file header"); err != nil {
		return nil, err
	}
	if h[0] != 'F' || h[1] != 'L' || h[2] != 'V' {
		return nil, demuxkit.Errorf(d.name, "file header", start, container.ErrUnknownFormat, "no FLV signature")
	}
	expect := h[4] & (headerHasAudio | headerHasVideo)
	// flv_read_header seeks to the header size as an absolute offset,
	// whatever ID3v2 tag avformat_open_input passed over first.
	pos := int64(binary.BigEndian.Uint32(h[5:])) + 4 // PreviousTagSize0
	info.Format.DataOffset = min(pos, size)
	info.Format.StartTime = 0 // flv_read_header's, where no stream has a start
	err := d.walk(pos, expect)
	d.finish()
	d.duration()
	return info, err
}

// walk reads the tags from pos as flv_read_packet does until the streams
// are known (see the limits above).
func (d *demuxer) walk(pos int64, expect byte) error {
	size := d.src.Size()
	first := pos
	budget := d.src.Budget()
	var h [tagHeaderSize]byte
	var scripts int64 // bytes of script tags passed, which the limits do not count
	var sum int64     // flvdec.c's sum_flv_tag_size
	// The PreviousTagSize of the tag just read, checked only when the walk
	// goes on, so that stopping costs no read past the last tag needed.
	var prevTag, prevSize int64 = -1, 0
	ahead := first + prefetchMin // the head block holds the first tags
	for n := 0; ; n++ {
		walked := pos - first - scripts
		// Past headWindow, only a stream the header announces is worth
		// more reads; the frame rate makes do with the packets seen so
		// far.
		if n >= maxTags || walked >= maxWalk || walked >= headWindow && !d.missing(expect) || d.haveAll(expect) {
			return nil
		}
		if pos+tagHeaderSize > ahead {
			// Past the bytes fetched so far: fetch twice the span walked
			// in one read, within the walk's limits, so that large
			// pictures cost a few round trips, not one per block.
			limit := first + scripts + headWindow
			if d.missing(expect) {
				limit = first + scripts + maxWalk
			}
			ahead = min(pos+max(2*(pos-first), prefetchMin), max(limit, pos+prefetchMin), size)
			demuxkit.Prefetch(d.src, pos-4, ahead-pos+4)
		}
		if prevTag >= 0 && pos <= size && !d.meta.brokenSizes {
			var b [4]byte
			if err := demuxkit.ReadFull(d.src, b[:], pos-4, d.name, "tag size"); err != nil {
				return err
			}
			last := int64(int32(binary.BigEndian.Uint32(b[:])))
			if last != prevSize+11 && last != prevSize+10 && (last != prevSize || last == 0) && last != sum {
				// "Packet mismatch": flv_read_packet looks for the next
				// two tags whose sizes agree, from the byte after the
				// start of the tag.
				p, ok, err := d.resync(prevTag + 1)
				if err != nil || !ok {
					return err
				}
				pos = p
			}
		}
		prevTag = -1
		if pos+tagHeaderSize > size {
			return d.endOfFile(pos, container.ErrTruncated, "end of file")
		}
		if err := budget.Visit(d.name, "tag", pos); err != nil {
			return err
		}
		if err := demuxkit.ReadFull(d.src, h[:], pos, d.name, "tag header"); err != nil {
			return err
		}
		typ := h[0] & 0x1f
		dsize := int64(h[1])<<16 | int64(h[2])<<8 | int64(h[3])
		dts := int64(uint32(h[4])<<16 | uint32(h[5])<<8 | uint32(h[6]) | uint32(h[7])<<24)
		if typ == tagAudio || typ == tagVideo {
			d.lastTS = dts
		}
		body := pos + tagHeaderSize
		sum += dsize + tagHeaderSize
		if dsize > 0 {
			var err error
			switch typ {
			case tagAudio:
				err = d.audioTag(body, dsize, dts+d.timeOffset)
			case tagVideo:
				err = d.videoTag(body, dsize, dts+d.timeOffset)
			case tagScript:
				err = d.scriptTag(body, dsize, dts)
				scripts += tagHeaderSize + dsize + 4
			}
			if err != nil {
				return err
			}
		}
		if typ != tagAudio && typ != tagVideo && body+dsize > size {
			// flv_read_packet cannot seek past the end to skip the tag.
			return d.endOfFile(pos, container.ErrMalformed, "unable to seek to the next packet")
		}
		prevTag, prevSize = pos, dsize
		pos = body + dsize + 4
	}
}

// endOfFile ends the walk where flv_read_packet fails: harmless once a
// stream exists, but avformat_find_stream_info fails, and ffprobe with
// it, on a file that gave no stream before.
func (d *demuxer) endOfFile(pos int64, kind error, detail string) error {
	if len(d.info.Streams) > 0 {
		return nil
	}
	return demuxkit.Errorf(d.name, "tag", pos, kind, "%s before any stream", detail)
}

// resyncWindow is how far resync looks for two consistent tags: FFmpeg's
// RESYNC_BUFFER_SIZE bounds the sizes it accepts, and the scan here ends
// with the probe's first block. maxResyncs bounds the scans of a probe, so
// that a file of broken tags costs a few scans, not one per tag.
const (
	resyncWindow = 64 << 10
	maxResyncs   = 8
)

// resync finds the first two consecutive tags, each followed by its own
// size, that end after from (flvdec.c resync), and returns the first one's
// position. ok is false when none ends within resyncWindow bytes.
func (d *demuxer) resync(from int64) (int64, bool, error) {
	n := min(int64(resyncWindow), d.src.Size()-from)
	if n <= 22 || d.resyncs >= maxResyncs {
		return 0, false, nil
	}
	d.resyncs++
	a, err := demuxkit.ReadScratch(d.src, &d.scratch, from, n, d.name, "resync")
	if err != nil {
		return 0, false, err
	}
	const resyncBuffer = 1 << 20
	be24 := func(i int64) int64 { return int64(a[i])<<16 | int64(a[i+1])<<8 | int64(a[i+2]) }
	be32 := func(i int64) int64 { return int64(binary.BigEndian.Uint32(a[i:])) }
	// The checks at i look at the bytes before it: FFmpeg's loop makes
	// them once more after reading past the end.
	for i := int64(8); i <= n; i++ {
		if c := a[i-8:]; c[0] == 'F' && c[1] == 'L' && c[2] == 'V' && c[3] < 5 && c[5] == 0 {
			// "Concatenated FLV detected": later timestamps follow
			// the last one read.
			d.timeOffset = d.lastTS + 1
		}
		if i <= 22 {
			continue
		}
		lim := min(i, resyncBuffer)
		lsize2 := be32(i - 4)
		if lsize2 < 11 || lsize2+8 >= lim {
			continue
		}
		size2 := be24(i - lsize2 - 3)
		lsize1 := be32(i - lsize2 - 8)
		if lsize1 < 11 || lsize1+8+lsize2 >= lim {
			continue
		}
		size1 := be24(i - lsize1 - lsize2 - 7)
		if size1 == lsize1-11 && size2 == lsize2-11 {
			return from + i - lsize1 - lsize2 - 8, true, nil
		}
	}
	return 0, false, nil
}

// missing reports whether a stream the header announces has no stream
// yet; haveAll whether every announced stream also has its packets for
// the frame rate.
func (d *demuxer) missing(expect byte) bool {
	return expect&headerHasAudio != 0 && (d.audio == nil || !d.audio.started) ||
		expect&headerHasVideo != 0 && (d.video == nil || !d.video.started)
}

func (d *demuxer) haveAll(expect byte) bool {
	return !d.missing(expect) && (d.video == nil || len(d.video.dts) >= rfpsPackets)
}

// readBody reads at most limit bytes of a tag body of n bytes, no further
// than the file goes.
func (d *demuxer) readBody(off, n, limit int64, what string) ([]byte, error) {
	n = min(n, limit, d.src.Size()-off)
	if n <= 0 {
		return nil, nil
	}
	return demuxkit.ReadAt(d.src, off, n, d.name, what)
}

// newStream is create_stream: a stream of the given type in milliseconds.
func (d *demuxer) newStream(t container.MediaType, off int64) (*container.Stream, error) {
	st, err := d.src.Budget().AddStream(d.info, t, d.name, off)
	if err != nil {
		return nil, err
	}
	st.TimeBase = container.Rational{Num: 1, Den: 1000}
	return st, nil
}

// audioTag handles an audio tag: the stream is made by the first one.
func (d *demuxer) audioTag(off, size, dts int64) error {
	a := d.audio
	if a != nil && a.started {
		return nil // nothing more to learn from it
	}
	b, err := d.readBody(off, size, maxFirst, "audio tag")
	if err != nil || len(b) == 0 {
		return err
	}
	if b[0]>>4 == audioAAC && len(b) > 1 && b[1] == 0 && int64(len(b)) < size {
		// A configuration longer than a first packet's headers.
		if b, err = d.readBody(off, size, maxBody, "audio tag"); err != nil {
			return err
		}
	}
	if a == nil {
		st, err := d.newStream(container.Audio, off)
		if err != nil {
			return err
		}
		st.BitRate = d.meta.audioRate
		a = &stream{st: st, codecID: int(b[0] >> 4), flags: b[0]}
		d.audio = a
	}
	b = b[1:]
	size--
	if a.codecID == audioAAC {
		if len(b) == 0 {
			return nil
		}
		typ := b[0]
		b = b[1:]
		size--
		if typ == 0 {
			if !a.hasExtra {
				a.extra, a.hasExtra = b, true
			}
			return nil
		}
	}
	if size <= 0 || a.started {
		return nil
	}
	a.started = true
	a.st.StartPTS = dts
	a.first = b
	a.complete = off+1+size <= d.src.Size()
	return nil
}

// videoTag handles a video tag: the stream is made by the first one that
// is not a video info or command frame.
func (d *demuxer) videoTag(off, size, dts int64) error {
	v := d.video
	if v != nil && v.started && len(v.dts) >= rfpsPackets {
		return nil
	}
	need := size
	if v != nil && v.started {
		need = min(size, 5) // the flags and the AVC packet header
	}
	b, err := d.readBody(off, need, maxFirst, "video tag")
	if err != nil || len(b) == 0 {
		return err
	}
	if id := b[0] & 0x0f; (v == nil || !v.hasExtra) && (id == videoH264 || id == videoMPEG4) && len(b) > 1 && b[1] == 0 && int64(len(b)) < size {
		if b, err = d.readBody(off, size, maxBody, "video tag"); err != nil {
			return err
		}
	}
	if b[0]&0xf0 == videoInfoFrame {
		return nil
	}
	if v == nil {
		st, err := d.newStream(container.Video, off)
		if err != nil {
			return err
		}
		st.BitRate = d.meta.videoRate
		st.AvgFrameRate = d.meta.framerate
		v = &stream{st: st, codecID: int(b[0] & 0x0f), flags: b[0]}
		d.video = v
	}
	b = b[1:]
	size--
	pts := dts
	switch v.codecID {
	case videoVP6, videoVP6A:
		if len(b) == 0 {
			return nil
		}
		v.adjust = b[0]
		b = b[1:]
		size--
	case videoH264, videoMPEG4:
		if len(b) < 4 {
			return nil
		}
		typ := b[0]
		cts := int64(int32(uint32(b[1])<<24|uint32(b[2])<<16|uint32(b[3])<<8) >> 8)
		b = b[4:]
		size -= 4
		pts = dts + cts
		if cts >= 0 && (pts-dts > maxCtsDistance || dts-pts > maxCtsDistance) {
			dts, pts = container.NoPTS, container.NoPTS
		}
		if typ == 0 {
			if !v.hasExtra {
				v.extra, v.hasExtra = b, true
			}
			return nil
		}
	}
	if size <= 0 {
		return nil
	}
	if v.started {
		v.dts = append(v.dts, dts)
		return nil
	}
	v.started = true
	v.st.StartPTS = pts
	v.first, v.firstSize = b, size
	v.complete = off+v.consumed(size) <= d.src.Size()
	v.dts = append(v.dts, dts)
	return nil
}

// consumed returns the offset past a video tag's body of n bytes after
// its flags (and, for VP6, H.264 and MPEG-4, the codec's own header), so
// that off+consumed(n) is the end of the tag body.
func (v *stream) consumed(n int64) int64 {
	switch v.codecID {
	case videoVP6, videoVP6A:
		return 2 + n
	case videoH264, videoMPEG4:
		return 5 + n
	}
	return 1 + n
}

// Kinds of script data, as flv_read_metabody tells them apart.
const (
	scriptMeta = iota
	scriptFailed
	scriptText // onTextData, onCaption: text packets
	scriptUnknown
)

// scriptTag handles a script data tag: onMetaData (and onCuePoint) are
// parsed into the format's metadata; one with a timestamp other than 0 is
// also a packet of a text stream, as flvdec.c makes it.
func (d *demuxer) scriptTag(off, size, dts int64) error {
	if size <= 13+1+4 {
		return nil
	}
	// The whole tag, however large its keyframe index: at most 16 MiB,
	// and no more than the file holds.
	b, err := d.readBody(off, size, size, "script data")
	if err != nil {
		return err
	}
	kind := d.metabody(b)
	if kind == scriptMeta && dts == 0 || kind == scriptFailed || kind == scriptUnknown {
		return nil
	}
	if kind == scriptText && !textPacket(b) {
		// flv_data_packet fails the read, and with it
		// avformat_find_stream_info: ffprobe refuses the file.
		return demuxkit.Errorf(d.name, "text data", off, container.ErrMalformed, "a text tag without text")
	}
	if d.text == nil {
		st, err := d.newStream(container.Subtitle, off)
		if err != nil {
			return err
		}
		st.CodecName = "text"
		d.text = st
	}
	if d.text.StartPTS == container.NoPTS {
		d.text.StartPTS = dts
	}
	return nil
}

// textPacket reports whether an onTextData or onCaption tag holds the
// string flv_data_packet makes a packet of: the first string of a strict
// array, or the "text" member of an object or ECMA array.
func textPacket(b []byte) bool {
	r := amfReader{b: b, meta: &metadata{}}
	r.u8()
	if _, ok := r.str(32); !ok {
		return false
	}
	t, ok := r.u8()
	if !ok {
		return false
	}
	array := t == amfStrictArray
	switch t {
	case amfStrictArray, amfMixedArray:
		if !r.skip(4) {
			return false
		}
	case amfObject:
	default:
		return false
	}
	for n := 0; n < maxTags; n++ {
		key := ""
		if !array {
			k, ok := r.str(20)
			if !ok || k == "" {
				return false
			}
			key = k
		}
		t, ok := r.u8()
		if !ok {
			return false
		}
		if t == amfString && (array || key == "text") {
			// The packet is what av_get_packet reads of that length.
			return r.left() >= 2
		}
		r.pos--
		if !r.value("", false, 1) {
			return false
		}
	}
	return false
}

// metabody parses the name and value of a script tag (flv_read_metabody).
func (d *demuxer) metabody(b []byte) int {
	r := amfReader{b: b, meta: &d.meta}
	if t, ok := r.u8(); !ok || t != amfString {
		return scriptUnknown
	}
	n, ok := r.str(32)
	if !ok {
		return scriptUnknown
	}
	switch n {
	case "onTextData", "onCaption":
		return scriptText
	case "onCaptionInfo":
		return scriptUnknown
	case "onMetaData", "onCuePoint":
	default:
		return scriptUnknown
	}
	before := d.meta.datastreams
	ok = r.value(n, true, 0)
	for i := before; i < d.meta.datastreams; i++ {
		// create_stream for each "datastream" key, as it is parsed.
		st, err := d.newStream(container.Subtitle, 0)
		if err != nil {
			break
		}
		st.CodecName = "text"
		if d.text == nil {
			d.text = st
		}
	}
	if d.video != nil && d.meta.hasFramerate {
		// A stream made before the metadata takes its frame rate now.
		d.video.st.AvgFrameRate = d.meta.framerate
	}
	if !ok {
		return scriptFailed
	}
	return scriptMeta
}

// finish describes the streams from what the walk found, as FFmpeg's
// decoders do when avformat_find_stream_info opens them.
func (d *demuxer) finish() {
	d.info.Format.Tags = d.meta.tags
	if a := d.audio; a != nil {
		d.describeAudio(a)
	}
	if v := d.video; v != nil {
		d.describeVideo(v)
	}
}

// describeAudio sets the audio stream's fields from the first tag's flags
// (flv_read_packet, flv_set_audio_codec), then as the decoder reports them
// once it has a packet: the AAC configuration, the first MP3 frame header.
func (d *demuxer) describeAudio(a *stream) {
	st := a.st
	flags := a.flags
	st.Channels = 1
	if flags&1 != 0 {
		st.Channels = 2
	}
	st.SampleRate = 44100 << ((flags >> 2) & 3) >> 3
	bits8 := flags&2 == 0
	switch a.codecID {
	case audioPCM, audioPCMLE:
		st.CodecName = "pcm_s16le"
		if bits8 {
			st.CodecName = "pcm_u8"
		}
	case audioADPCM:
		st.CodecName = "adpcm_swf"
	case audioMP3:
		st.CodecName = "mp3"
	case audioNelly16k:
		st.CodecName, st.SampleRate = "nellymoser", 16000
	case audioNelly8k:
		st.CodecName, st.SampleRate = "nellymoser", 8000
	case audioNelly:
		st.CodecName = "nellymoser"
	case audioALaw:
		st.CodecName, st.SampleRate = "pcm_alaw", 8000
	case audioMuLaw:
		st.CodecName, st.SampleRate = "pcm_mulaw", 8000
	case audioAAC:
		st.CodecName = "aac"
	case audioSpeex:
		st.CodecName, st.SampleRate = "speex", 16000
	default:
		st.CodecTag = uint32(a.codecID)
	}
	st.ChannelLayout = "mono"
	if st.Channels == 2 {
		st.ChannelLayout = "stereo"
	}
	switch st.CodecName {
	case "aac":
		if a.hasExtra {
			extra := a.extra
			if enc, ok := d.meta.tags.Get("Encoder"); ok && enc == "Omnia A/XE" && len(extra) > 2 {
				extra = extra[:2] // flvdec.c's workaround for that encoder
			}
			st.ExtradataSize = len(extra)
			// The decoder opens with the first packet: without one, the
			// flags' values stand.
			if c, err := aac.ParseAudioSpecificConfig(extra); err == nil && a.started {
				// The decoder takes the channels from the configuration
				// when it opens, the rate only from a decoded frame.
				if a.complete {
					st.SampleRate = c.OutputSampleRate()
				}
				st.Channels = c.OutputChannels()
				st.ChannelLayout = c.Layout()
				st.Profile = c.Profile()
			}
		}
	case "mp3":
		// The mpegaudio parser and decoder take the first frame's
		// header, its layer naming the codec.
		if h, err := mpegaudio.DecodeBytes(a.first); err == nil {
			st.CodecName = h.CodecName()
			st.SampleRate, st.Channels = h.SampleRate, h.Channels
			st.ChannelLayout = h.ChannelLayout()
			st.BitRate = int64(h.BitRate)
		}
	case "speex":
		// The decoder, opened without a header, leaves the layout
		// unspecified.
		st.ChannelLayout = ""
	}
	st.SampleFmt = codec.SampleFormat(st.CodecName, st.Channels)
	if st.BitRate == 0 {
		// avcodec_open2's get_bit_rate for the codecs of fixed width.
		if bps := codec.BitsPerSample(st.CodecName); bps > 0 {
			st.BitRate = int64(st.SampleRate) * int64(st.Channels) * int64(bps)
		}
	}
}

// describeVideo names the video codec (flv_set_video_codec) and sets what
// its decoder reports: from the avcC once a whole first picture is there,
// else from the first frame's header; then the frame rates.
func (d *demuxer) describeVideo(v *stream) {
	st := v.st
	switch v.codecID {
	case videoH263:
		st.CodecName, st.PixFmt = "flv1", "yuv420p"
		describeFLV1(st, v.first)
	case videoRealH263:
		st.CodecName = "h263"
		if p, _ := h263.ParsePictureHeader(v.first); p != nil {
			p.Fill(st)
		}
	case videoScreen:
		st.CodecName, st.PixFmt = "flashsv", "bgr24"
		describeFlashSV(st, v.first)
	case videoScreen2:
		st.CodecName, st.PixFmt = "flashsv2", "bgr24"
		describeFlashSV(st, v.first)
	case videoVP6:
		st.CodecName, st.PixFmt = "vp6f", "yuv420p"
		st.ExtradataSize = 1
		describeVP6(st, v.first, v.adjust)
	case videoVP6A:
		st.CodecName, st.PixFmt = "vp6a", "yuva420p"
		st.ExtradataSize = 1
		describeVP6A(st, v.first, v.firstSize, v.adjust)
	case videoH264:
		st.CodecName = "h264"
		if v.hasExtra {
			st.ExtradataSize = len(v.extra)
			p, _ := h264.ParseExtradata(v.extra)
			if sps := p.Active(); sps != nil {
				// The parser reads the avcC with the first packet,
				// whether or not the decoder gets a picture.
				v.packetRate, _ = sps.FrameRate()
			}
			if !v.complete {
				// The decoder opens with the avcC, but the parameter
				// sets take effect with the first picture it decodes.
				st.DecoderOptions = container.H264Options{IsAVC: p.IsAVC, NALLengthSize: p.NALLengthSize}
				break
			}
			p.Fill(st)
			if sps := p.Active(); sps != nil {
				if r, ok := sps.FrameRate(); ok {
					v.codecRate = r
				}
			}
		}
	case videoMPEG4:
		st.CodecName = "mpeg4"
		b := v.extra
		if v.hasExtra {
			st.ExtradataSize = len(b)
		} else {
			b = v.first
		}
		if c, _ := mpeg4.Parse(b); c != nil {
			c.Fill(st)
			v.codecRate = c.FrameRate()
			v.packetRate = v.codecRate
		}
	default:
		st.CodecTag = uint32(v.codecID)
	}
	d.frameRates(v)
}

// frameRates sets r_frame_rate from the decode timestamps of the first
// packets (ff_rfps_calculate) and, when the metadata gave no frame rate,
// avg_frame_rate from their span, rounded to a standard rate within 1%
// as avformat_find_stream_info does. Without two timestamps to go by,
// r_frame_rate is the codec's frame rate when its headers give one no
// faster than the time base, else the time base's reciprocal, as
// avformat_find_stream_info falls back.
func (d *demuxer) frameRates(v *stream) {
	st := v.st
	defer func() {
		if st.RFrameRate.Valid() {
			return
		}
		tbRate := container.Rational{Num: st.TimeBase.Den, Den: st.TimeBase.Num}
		if r := v.codecRate; r.Valid() && r.Float() <= tbRate.Float() {
			st.RFrameRate = r
		} else {
			st.RFrameRate = tbRate
		}
	}()
	var ts []int64
	for _, t := range v.dts {
		if t != container.NoPTS {
			ts = append(ts, t)
		}
	}
	if len(ts) < 2 {
		return
	}
	deltas := make([]int64, len(ts)-1)
	for i := range deltas {
		deltas[i] = ts[i+1] - ts[i]
	}
	// The packets' durations, which avformat_find_stream_info sums from
	// the third packet on (codec_info_duration): one frame at the
	// packet rate in whole milliseconds, rounded down (compute_frame_duration
	// gives none where that rate is 1000 or more). ff_rfps_calculate
	// skips the standard rates slower than 11.5 frames in that time, so a
	// coarse SPS rate (x264 writes 600 for 30 fps when told 1200) leaves
	// only the fast ones.
	var perPacket int64
	if r := v.packetRate; r.Valid() && r.Den*1000 > r.Num {
		perPacket = r.Den * 1000 / r.Num
	}
	infoDur := perPacket * max(0, int64(len(v.dts))-2)
	if r, _, ok := rfps.Guess(deltas, ts[0], st.TimeBase, infoDur); ok {
		st.RFrameRate = r
	}
	if st.AvgFrameRate.Valid() {
		return
	}
	// avg_frame_rate is the packets' average rate; here, for a stream
	// whose packets have no duration, their timestamps' span.
	frames, span := int64(len(ts)-1), ts[len(ts)-1]-ts[0]
	if v.packetRate.Valid() {
		span = frames * perPacket
	}
	if span <= 0 {
		return
	}
	avg := rfps.Average(frames, span, container.Rational{Num: 1, Den: 1000})
	st.AvgFrameRate = avg
	if !st.RFrameRate.Valid() {
		st.RFrameRate = avg
	}
}

// duration sets the format's duration: the metadata's, or, when it gives
// none (or 0), the timestamp of the last tag, which flvdec.c finds through
// the PreviousTagSize at the end of the file, stepping back over tags of
// timestamp 0.
func (d *demuxer) duration() {
	if m := d.meta; m.hasDuration {
		us := m.duration * 1e6
		if us != 0 && !math.IsNaN(us) && math.Abs(us) < 1<<62 {
			d.info.Format.Duration = int64(us)
			return
		}
	}
	if d.audio == nil && d.video == nil && d.text == nil {
		return // no packet: flv_read_packet never looked
	}
	fsize := d.src.Size()
	for step := 0; step < maxTailSteps && fsize >= 4; step++ {
		var b [4]byte
		if demuxkit.ReadFull(d.src, b[:], fsize-4, d.name, "last tag size") != nil {
			return
		}
		psize := int64(int32(binary.BigEndian.Uint32(b[:])))
		if psize <= 0 || psize >= fsize || fsize-3-psize < 0 {
			return
		}
		var h [7]byte
		if demuxkit.ReadFull(d.src, h[:], fsize-3-psize, d.name, "last tag") != nil {
			return
		}
		if psize != (int64(h[0])<<16|int64(h[1])<<8|int64(h[2]))+11 {
			return
		}
		ts := int64(uint32(h[3])<<16 | uint32(h[4])<<8 | uint32(h[5]) | uint32(h[6])<<24)
		if ts != 0 {
			d.info.Format.Duration = ts * 1000
			return
		}
		if fsize < 8 || fsize-8 < psize {
			return
		}
		fsize -= psize + 4
	}
}
