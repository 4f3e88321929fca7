package riff

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// AVI returns the demuxer of AVI files (FFmpeg's "avi"): RIFF AVI and its
// OpenDML extension, read as libavformat/avidec.c avi_read_header does
// (see avi_header.go), with the index summarised for the bit rates
// (avi_index.go) and the first packet of each stream described by the
// codec packages (avi_frames.go).
func AVI() container.Demuxer {
	return container.Demuxer{
		Name:       aviName,
		LongName:   aviLongName,
		Extensions: "avi",
		Probe:      probeAVI,
		Read:       readAVI,
	}
}

const (
	aviName     = "avi"
	aviLongName = "AVI (Audio Video Interleaved)"
)

// aviHeaders are the first and third four bytes avidec.c avi_probe
// accepts: RIFF AVI, its OpenDML extension AVIX, the AVI\x19 variant,
// On2's ON2 ON2f and RIFF AMV.
var aviHeaders = [...][2]string{
	{"RIFF", "AVI "}, {"RIFF", "AVIX"}, {"RIFF", "AVI\x19"}, {"ON2 ", "ON2f"}, {"RIFF", "AMV "},
}

// probeAVI scores as avi_probe does: certain for a known file header.
func probeAVI(b []byte) int {
	if len(b) < 12 {
		return 0
	}
	for _, h := range aviHeaders {
		if binary.LittleEndian.Uint32(b) == binary.LittleEndian.Uint32([]byte(h[0])) &&
			binary.LittleEndian.Uint32(b[8:]) == binary.LittleEndian.Uint32([]byte(h[1])) {
			return 100
		}
	}
	return 0
}

// aviMetadataConv is avidec.c's avi_metadata_conv, applied before
// ff_riff_info_conv: the stream name and a few INFO ids get AVI's own
// generic names (IPRD is "product" here, "album" in WAV; ISFT is
// "software", not "encoder"). Checked against ffprobe 5.1.
var aviMetadataConv = [][2]string{
	{"strn", "title"}, {"isbj", "subject"}, {"inam", "title"}, {"iart", "artist"},
	{"icop", "copyright"}, {"icmt", "comment"}, {"ignr", "genre"}, {"iprd", "product"},
	{"isft", "software"},
}

// aviStream is what avidec.c keeps per stream (AVIStream) next to the
// container.Stream, plus the summary of its index entries.
type aviStream struct {
	st      *container.Stream
	handler uint32 // strh fccHandler
	scale   uint32
	rate    uint32
	// sampleSize is the strh dwSampleSize as avidec.c adjusts it: 0 for
	// video and for streams of whole packets, else the bytes of a sample.
	sampleSize      int64
	dshowBlockAlign int64
	cumLen          int64 // cum_len: the start, then the next index timestamp
	hasType         bool  // strf gave the stream its type (codec_type != UNKNOWN)
	extradata       []byte
	isMP3, isAAC    bool

	// The index summary: what calculate_bitrate needs and where the first
	// packet is.
	entries           int64
	sumLen            int64
	firstTS, lastTS   int64
	firstPos, lastPos int64
	firstSize         int64

	vprpSAR  container.Rational // the vprp aspect ratio, which ffprobe prefers to the codec's
	bitCount int                // biBitCount: bits_per_coded_sample
	// stamps are the index timestamps of the first packets, the decoding
	// times find_stream_info guesses the frame rate from (fpsStamps).
	stamps []int64
}

// fpsStamps is how many packet timestamps ff_rfps_add_frame sees at most:
// find_stream_info measures 40 durations when the time base is coarser
// than 0.5 ms, as AVI's always is.
const fpsStamps = 41

// getDuration is avidec.c get_duration: the index timestamp units of a
// packet of n bytes.
func (a *aviStream) getDuration(n int64) int64 {
	switch {
	case a.sampleSize != 0:
		return n
	case a.dshowBlockAlign != 0:
		return (n + a.dshowBlockAlign - 1) / a.dshowBlockAlign
	}
	return 1
}

// addIndexEntry adds one index entry to the summary as av_add_index_entry
// would keep it: the timestamps only grow, so an entry is appended; sizes
// beyond 0x3FFFFFFF are refused.
func (a *aviStream) addIndexEntry(pos, ts, size int64) {
	if size < 0 || size > 0x3FFFFFFF {
		return
	}
	if a.entries == 0 {
		a.firstTS, a.firstPos, a.firstSize = ts, pos, size
	}
	if len(a.stamps) < fpsStamps {
		a.stamps = append(a.stamps, ts)
	}
	a.entries++
	a.sumLen += size
	a.lastTS, a.lastPos = ts, pos
}

// aviState is avi_read_header's state (AVIContext and the locals of the
// header loop).
type aviState struct {
	src      container.Source
	info     *container.Info
	streams  []*aviStream
	riffEnd  int64
	fsize    int64 // the RIFF end when the object is shorter
	ioFsize  int64 // the object's size
	moviList int64 // offset of the "movi" list type
	moviEnd  int64
	// indexLoaded is avidec.c index_loaded: 2 once an index was read.
	indexLoaded int
	framePeriod uint32
	avihWidth   int
	avihHeight  int
	amv         bool
	odml        bool
	meta        container.Tags // s->metadata, raw keys
	odmlDepth   int
	odmlSeen    map[int64]bool // the standard index chunks read, against loops
	odmlRead    int64          // bytes of OpenDML indexes read, at most the file's size
	syncWin     syncWindowBuf  // the packet search's window
}

// readAVI reads the header as avi_read_header does, then what
// avformat_find_stream_info learns from the first packets.
func readAVI(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	a := &aviState{src: src, info: container.NewInfo(aviName, aviLongName), ioFsize: src.Size()}
	a.info.Format.Size = src.Size()
	var riff [12]byte
	if err := demuxkit.ReadFull(src, riff[:], start, aviName, "RIFF header"); err != nil {
		return nil, err
	}
	if probeAVI(riff[:]) == 0 {
		return nil, demuxkit.Errorf(aviName, "RIFF header", start, container.ErrMalformed, "not an AVI header %q", riff[:])
	}
	a.riffEnd = start + 8 + int64(binary.LittleEndian.Uint32(riff[4:]))
	a.fsize = a.ioFsize
	if a.fsize <= 0 || a.fsize < a.riffEnd {
		a.fsize = a.riffEnd
		if a.riffEnd == start+8 {
			a.fsize = math.MaxInt64
		}
	}
	if err := a.readHeader(start + 12); err != nil {
		if errors.Is(err, container.ErrLimit) && len(a.info.Streams) > 0 {
			return a.info, err
		}
		return nil, err
	}
	if a.indexLoaded == 0 {
		if err := a.loadIndex(); err != nil {
			return a.partial(err)
		}
	}
	a.calculateBitRate()
	a.info.Format.DataOffset = min(a.moviList+4, a.ioFsize)
	if err := a.describeStreams(); err != nil {
		return a.partial(err)
	}
	a.finish()
	return a.info, nil
}

// partial returns what was read with a limit error, and fails otherwise.
func (a *aviState) partial(err error) (*container.Info, error) {
	if errors.Is(err, container.ErrLimit) {
		a.finish()
		return a.info, err
	}
	return nil, err
}

// finish sets what avi_read_header sets last: the metadata conversions.
func (a *aviState) finish() {
	for _, s := range a.streams {
		s.st.Tags = tags.MetadataConv(tags.MetadataConv(s.st.Tags, aviMetadataConv), tags.RIFFInfoConv)
	}
	a.info.Format.Tags = tags.MetadataConv(tags.MetadataConv(a.meta, aviMetadataConv), tags.RIFFInfoConv)
}

// calculateBitRate is avidec.c calculate_bitrate: when the index covers the
// file and its sizes add up to about the file, a stream with no bit rate
// gets its index's bytes over its index's duration.
func (a *aviState) calculateBitRate() {
	var lensum, maxpos int64
	for _, s := range a.streams {
		if s.entries == 0 {
			continue
		}
		maxpos = max(maxpos, s.lastPos)
		lensum += s.sumLen
	}
	if maxpos < a.ioFsize*9/10 {
		return // the index does not cover the whole file
	}
	if lensum*9/10 > maxpos || lensum < maxpos*9/10 {
		return // the frame sizes do not add up to the file's
	}
	for _, s := range a.streams {
		st := s.st
		if s.entries < 2 || st.BitRate > 0 || st.TimeBase.Den == 0 {
			continue
		}
		d := s.lastTS - s.firstTS
		if d <= 0 || d > math.MaxInt64/max(st.TimeBase.Num, 1) || s.sumLen > math.MaxInt64/8 {
			continue
		}
		br := container.Rescale(8*s.sumLen, st.TimeBase.Den, d*st.TimeBase.Num)
		if br > 0 && br <= math.MaxInt32 {
			st.BitRate = br
		}
	}
}
