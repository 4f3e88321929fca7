package ape

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads Monkey's Audio files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "ape,apl,mac",
		Probe:      probe,
		Read:       read,
	}
}

const (
	name     = "ape"
	longName = "Monkey's Audio"
)

// The file versions apedec.c supports (APE_MIN_VERSION, APE_MAX_VERSION).
const (
	minVersion = 3800
	maxVersion = 3990
)

// probe scores as apedec.c ape_probe: "MAC " is certain with a supported
// version and a quarter of certain otherwise.
func probe(head []byte) int {
	if len(head) < 4 || string(head[:4]) != "MAC " {
		return 0
	}
	var version uint16
	if len(head) >= 6 {
		version = binary.LittleEndian.Uint16(head[4:])
	}
	if version < minVersion || version > maxVersion {
		return 25
	}
	return 100
}

// Format flags (MAC_FORMAT_FLAG_*).
const (
	flag8Bit            = 1
	flagHasPeakLevel    = 4
	flag24Bit           = 8
	flagHasSeekElements = 16
	flagCreateWAVHeader = 32
)

// frameSize is sizeof(APEFrame), the per-frame record ape_read_header
// allocates: a frame count above UINT_MAX/frameSize is refused.
const frameSize = 32

// maxSeekEntries bounds the seek table the reader walks to check frame
// sizes: 64 Ki entries (256 KiB), a file of about five days at 44.1 kHz.
const maxSeekEntries = 1 << 16

// header is what ape_read_header reads from the descriptor and header.
type header struct {
	fileVersion      uint16
	descriptorLength uint32
	headerLength     uint32
	seekTableLength  uint32
	wavHeaderLength  uint32
	wavTailLength    uint32
	compressionType  uint16
	formatFlags      uint16
	blocksPerFrame   uint32
	finalFrameBlocks uint32
	totalFrames      uint32
	bps              uint16
	channels         uint16
	sampleRate       uint32
}

// reader reads little-endian fields as an AVIOContext does: past the end
// of the object they read as zeros and eof is set.
type reader struct {
	src container.Source
	pos int64
	eof bool
	err error
}

func (r *reader) bytes(n int) []byte {
	b := make([]byte, n)
	if r.err != nil {
		return b
	}
	size := r.src.Size()
	have := int64(0)
	if r.pos < size {
		have = min(int64(n), size-r.pos)
	}
	if have < int64(n) {
		r.eof = true
	}
	if have > 0 {
		r.err = demuxkit.ReadFull(r.src, b[:have], r.pos, name, "header")
	}
	r.pos += int64(n)
	return b
}

func (r *reader) u16() uint16 { return binary.LittleEndian.Uint16(r.bytes(2)) }
func (r *reader) u32() uint32 { return binary.LittleEndian.Uint32(r.bytes(4)) }

// skip moves on as avio_skip does: no read, no end-of-file flag.
func (r *reader) skip(n int64) { r.pos += n }

// read mirrors ape_read_header and the ape decoder's init.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	r := &reader{src: src, pos: start}
	if string(r.bytes(4)) != "MAC " {
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "no MAC tag")
	}
	var h header
	h.fileVersion = r.u16()
	if h.fileVersion < minVersion || h.fileVersion > maxVersion {
		return nil, demuxkit.Errorf(name, "header", start, container.ErrUnsupported, "file version %d", h.fileVersion)
	}
	if h.fileVersion >= 3980 {
		r.u16() // padding
		h.descriptorLength = r.u32()
		h.headerLength = r.u32()
		h.seekTableLength = r.u32()
		h.wavHeaderLength = r.u32()
		r.u32() // audio data length
		r.u32() // audio data length, high
		h.wavTailLength = r.u32()
		r.bytes(16) // MD5
		if h.descriptorLength > 52 {
			r.skip(int64(h.descriptorLength) - 52)
		}
		h.compressionType = r.u16()
		h.formatFlags = r.u16()
		h.blocksPerFrame = r.u32()
		h.finalFrameBlocks = r.u32()
		h.totalFrames = r.u32()
		h.bps = r.u16()
		h.channels = r.u16()
		h.sampleRate = r.u32()
	} else {
		h.headerLength = 32
		h.compressionType = r.u16()
		h.formatFlags = r.u16()
		h.channels = r.u16()
		h.sampleRate = r.u32()
		h.wavHeaderLength = r.u32()
		h.wavTailLength = r.u32()
		h.totalFrames = r.u32()
		h.finalFrameBlocks = r.u32()
		if h.formatFlags&flagHasPeakLevel != 0 {
			r.skip(4)
			h.headerLength += 4
		}
		if h.formatFlags&flagHasSeekElements != 0 {
			h.seekTableLength = r.u32() * 4 // uint32 arithmetic, as in C
			h.headerLength += 4
		} else {
			h.seekTableLength = h.totalFrames * 4
		}
		switch {
		case h.formatFlags&flag8Bit != 0:
			h.bps = 8
		case h.formatFlags&flag24Bit != 0:
			h.bps = 24
		default:
			h.bps = 16
		}
		switch {
		case h.fileVersion >= 3950:
			h.blocksPerFrame = 73728 * 4
		case h.fileVersion >= 3900 || (h.fileVersion >= 3800 && h.compressionType >= 4000):
			h.blocksPerFrame = 73728
		default:
			h.blocksPerFrame = 9216
		}
		if h.formatFlags&flagCreateWAVHeader == 0 {
			r.skip(int64(h.wavHeaderLength))
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	switch {
	case h.totalFrames == 0 || r.eof:
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "no frames in the file")
	case h.totalFrames > math.MaxUint32/frameSize:
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "too many frames: %d", h.totalFrames)
	case h.seekTableLength/4 < h.totalFrames:
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed,
			"%d seek entries for %d frames", h.seekTableLength/4, h.totalFrames)
	}
	if err := checkFrames(r, &h, start); err != nil {
		return nil, err
	}

	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "ape"
	st.CodecTag = 0x20455041 // "APE "
	st.Channels = int(h.channels)
	st.SampleRate = int(h.sampleRate)
	st.NbFrames = int64(h.totalFrames)
	st.StartPTS = 0
	st.DurationTS = int64(h.totalFrames-1)*int64(h.blocksPerFrame) + int64(h.finalFrameBlocks)
	st.TimeBase = container.Rational{Num: 1, Den: 90000} // avpriv_set_pts_info refuses 1/0
	if h.sampleRate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(h.sampleRate)}
	}
	st.ExtradataSize = 6 // version, compression level, format flags
	if err := decoderInit(st, &h, start); err != nil {
		// ffprobe ends when it cannot open a stream's decoder.
		return nil, err
	}

	// ff_ape_parse_tag: a malformed item ends the walk, keeping what was
	// read; a malformed footer means no tag.
	if ape, err := tags.ReadAPE(src, src.Size()); ape != nil {
		info.Format.Tags = ape.Tags
		if err := tags.APEStreams(info, src, ape); err != nil {
			return info, err
		}
	} else if err != nil && errors.Is(err, container.ErrLimit) {
		return info, err
	}
	return info, nil
}

// checkFrames follows the frame table as ape_read_header builds it from the
// seek table (and, before 3.81, the bit table), failing where it fails: a
// table cut by the end of the object, or a frame of more than INT_MAX-3
// bytes. r is at the seek table.
func checkFrames(r *reader, h *header, junk int64) error {
	n := int64(h.totalFrames)
	size := r.src.Size()
	tablePos := r.pos
	// Entries 1..n-1 are each checked for the end of the object.
	if n > 1 && (tablePos > size || size-tablePos < 4*n) {
		return demuxkit.Errorf(name, "seek table", tablePos, container.ErrTruncated, "seek table truncated")
	}
	j := uint32(junk)
	// firstframe and every position are uint32 sums in apedec.c.
	first := j + h.descriptorLength + h.headerLength + h.seekTableLength + h.wavHeaderLength
	if h.fileVersion < 3810 {
		first += h.totalFrames
	}
	bitPos := tablePos + 4*n + int64(h.seekTableLength/4) - n
	if h.fileVersion < 3810 && (bitPos > size || size-bitPos < n) {
		return demuxkit.Errorf(name, "bit table", bitPos, container.ErrTruncated, "bit table truncated")
	}
	if n > maxSeekEntries {
		return nil
	}
	var table []byte
	if n > 1 {
		b, err := demuxkit.ReadAt(r.src, tablePos, 4*n, name, "seek table")
		if err != nil {
			return err
		}
		table = b
	}
	// Each frame's size is the distance to the next one's position, plus
	// its misalignment from the first frame (its skip); the last frame
	// takes the rest of the object less the WAV tail, or eight bytes a
	// block when that is not positive.
	pos0 := int64(first)
	prev, prevSkip := pos0, int64(0)
	for i := int64(1); i < n; i++ {
		p := int64(binary.LittleEndian.Uint32(table[4*i:]) + j)
		if err := frameOK(p-prev+prevSkip, i-1, tablePos); err != nil {
			return err
		}
		prev, prevSkip = p, (p-pos0)&3
	}
	final := size - prev - int64(h.wavTailLength)
	final -= final & 3
	if final <= 0 {
		final = int64(h.finalFrameBlocks) * 8
	}
	return frameOK(final+prevSkip, n-1, tablePos)
}

// frameOK refuses a frame of more than INT_MAX-3 bytes, as ape_read_header
// does before rounding sizes to whole words.
func frameOK(size, i, off int64) error {
	if size > math.MaxInt32-3 {
		return demuxkit.Errorf(name, "seek table", off, container.ErrMalformed, "frame %d of %d bytes", i, size)
	}
	return nil
}

// decoderInit is what ape_decode_init reports, or refuses: ffprobe ends
// when a stream's decoder cannot be opened.
func decoderInit(st *container.Stream, h *header, start int64) error {
	if h.channels > 2 {
		return demuxkit.Errorf(name, "header", start, container.ErrUnsupported, "%d channels: the decoder takes mono or stereo", h.channels)
	}
	switch h.bps {
	case 8:
		st.SampleFmt = "u8p"
	case 16:
		st.SampleFmt = "s16p"
	case 24:
		st.SampleFmt = "s32p"
	default:
		return demuxkit.Errorf(name, "header", start, container.ErrUnsupported, "%d bits per sample", h.bps)
	}
	level := h.compressionType
	if level%1000 != 0 || level > 5000 || level == 0 || (h.fileVersion < 3930 && level == 5000) {
		st.SampleFmt = ""
		return demuxkit.Errorf(name, "header", start, container.ErrMalformed, "compression level %d", level)
	}
	st.BitsPerRawSample = int(h.bps)
	mask := uint64(codec.LayoutMono)
	if h.channels == 2 {
		mask = codec.LayoutStereo
	}
	st.Channels, st.ChannelLayout = codec.LayoutChannels(mask), codec.LayoutName(mask)
	return nil
}
