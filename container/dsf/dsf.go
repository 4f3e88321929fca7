package dsf

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads DSF files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:     name,
		LongName: longName,
		Probe:    probe,
		Read:     read,
	}
}

const (
	name     = "dsf"
	longName = "DSD Stream File (DSF)"

	dsdSize  = 28 // the "DSD " chunk, whose size field must say so
	fmtSize  = 52 // the "fmt " chunk, likewise
	dataHead = 12 // the "data" chunk's id and size
	// headLen is the bytes dsf_read_header reads: the three chunk headers.
	headLen = dsdSize + fmtSize + dataHead
)

// probe scores as dsfdec.c dsf_probe: "DSD " with a chunk size of 28.
func probe(head []byte) int {
	if len(head) < 12 || string(head[:4]) != "DSD " || binary.LittleEndian.Uint64(head[4:]) != dsdSize {
		return 0
	}
	return 100
}

// channelLayouts is dsfdec.c dsf_channel_layout, by channel type; 0 where
// the type names no layout.
var channelLayouts = [...]uint64{
	0,
	codec.LayoutMono,
	codec.LayoutStereo,
	codec.LayoutSurround,
	codec.LayoutQuad,
	codec.Layout4Point0,
	codec.Layout5Point0Back,
	codec.Layout5Point1Back,
}

// header is the fields of the DSD, fmt and data chunk headers that
// dsf_read_header uses.
type header struct {
	id3Pos      uint64 // pointer to the metadata chunk, 0 for none
	version     uint32
	formatID    uint32
	channelType uint32
	channels    int32
	frequency   uint32 // the 1-bit sampling frequency
	bitOrder    uint32 // bits per sample: 1 least significant bit first, 8 most
	sampleCount uint64 // per channel
	blockSize   int32  // per channel
	dataSize    uint64 // the data chunk's size, its header included
}

// parseHeader decodes the three chunk headers from b, which holds headLen
// bytes (zeros where the object ended). It fails where dsf_read_header
// does, before the ID3v2 tag is read, only on the DSD chunk size; the rest
// is checked by check.
func parseHeader(b []byte) header {
	le := binary.LittleEndian
	return header{
		id3Pos:      le.Uint64(b[20:]),
		version:     le.Uint32(b[40:]),
		formatID:    le.Uint32(b[44:]),
		channelType: le.Uint32(b[48:]),
		channels:    int32(le.Uint32(b[52:])),
		frequency:   le.Uint32(b[56:]),
		bitOrder:    le.Uint32(b[60:]),
		sampleCount: le.Uint64(b[64:]),
		blockSize:   int32(le.Uint32(b[72:])),
		dataSize:    le.Uint64(b[84:]),
	}
}

// fill reads len(b) bytes at off as FFmpeg's AVIOContext does: past the
// end of the object the missing bytes read as zeros.
func fill(src container.Source, b []byte, off int64) error {
	clear(b)
	if off >= src.Size() {
		return nil
	}
	n := min(int64(len(b)), src.Size()-off)
	return demuxkit.ReadFull(src, b[:n], off, name, "header")
}

// read parses the chunk headers as dsf_read_header does, and the ID3v2
// tag the DSD chunk points at.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	var b [headLen]byte
	// After the tag, dsf_read_header seeks to byte 28 of the object, not
	// of the DSD chunk: the same place, and one read, unless an ID3v2 tag
	// leads.
	if start == 0 {
		if err := fill(src, b[:], 0); err != nil {
			return nil, err
		}
	} else if err := fill(src, b[:dsdSize], start); err != nil {
		return nil, err
	}
	if binary.LittleEndian.Uint64(b[4:]) != dsdSize {
		return nil, demuxkit.Errorf(name, "DSD ", start, container.ErrMalformed, "DSD chunk of %d bytes", binary.LittleEndian.Uint64(b[4:]))
	}
	if start != 0 {
		if err := fill(src, b[dsdSize:], dsdSize); err != nil {
			return nil, err
		}
	}
	h := parseHeader(b[:])
	info := container.NewInfo(name, longName)
	// The audio stream comes before any cover-art stream of the tag.
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	if err := readID3(info, src, h.id3Pos); err != nil {
		return nil, err
	}
	if string(b[28:32]) != "fmt " || binary.LittleEndian.Uint64(b[32:]) != fmtSize {
		return nil, demuxkit.Errorf(name, "fmt ", dsdSize, container.ErrMalformed, "no fmt chunk of 52 bytes")
	}
	if err := describe(st, h); err != nil {
		return nil, err
	}
	if string(b[80:84]) != "data" {
		return nil, demuxkit.Errorf(name, "data", dsdSize+fmtSize, container.ErrMalformed, "no data chunk")
	}
	info.Format.DataOffset = headLen
	if firstPacket(src.Size(), h) {
		st.StartPTS = 0
	}
	return info, nil
}

// describe fills the stream from the fmt chunk as dsf_read_header does.
func describe(st *container.Stream, h header) error {
	const at = dsdSize + 12
	if h.version != 1 {
		return demuxkit.Errorf(name, "fmt ", at, container.ErrUnsupported, "format version %d", h.version)
	}
	if h.formatID != 0 {
		return demuxkit.Errorf(name, "fmt ", at+4, container.ErrUnsupported, "format id %d", h.formatID)
	}
	var mask uint64
	if h.channelType < uint32(len(channelLayouts)) {
		mask = channelLayouts[h.channelType]
	}
	channels := int(h.channels)
	if mask != 0 {
		if channels != codec.LayoutChannels(mask) {
			return demuxkit.Errorf(name, "fmt ", at+12, container.ErrMalformed,
				"%d channels for channel type %d", channels, h.channelType)
		}
		st.ChannelLayout = codec.LayoutName(mask)
	}
	if channels <= 0 {
		return demuxkit.Errorf(name, "fmt ", at+12, container.ErrMalformed, "%d channels", channels)
	}
	st.Channels = channels
	st.SampleRate = int(h.frequency / 8)
	switch h.bitOrder {
	case 1:
		st.CodecName = "dsd_lsbf_planar"
	case 8:
		st.CodecName = "dsd_msbf_planar"
	default:
		return demuxkit.Errorf(name, "fmt ", at+20, container.ErrUnsupported, "bits per sample %d", h.bitOrder)
	}
	if h.blockSize <= 0 || h.blockSize > math.MaxInt32/h.channels {
		return demuxkit.Errorf(name, "fmt ", at+32, container.ErrMalformed, "block size %d", h.blockSize)
	}
	st.BitRate = int64(channels) * 8 * int64(st.SampleRate)
	if st.SampleRate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(st.SampleRate)}
	}
	codec.FillDecoded(st)
	return nil
}

// firstPacket reports whether dsf_read_packet returns a first packet,
// which carries the timestamp 0 that gives the stream its start.
func firstPacket(size int64, h header) bool {
	const pos = headLen
	ch := uint64(h.channels)
	blockAlign := uint64(h.blockSize) * ch
	// data_end is the data chunk's start plus its size; data_size leaves
	// out the chunk header (both unsigned, as in dsfdec.c).
	dataEnd := dsdSize + fmtSize + h.dataSize
	dataSize := h.dataSize - dataHead
	audioSize := h.sampleCount / 8 * ch
	if dataEnd < h.dataSize || dataEnd > math.MaxInt64 {
		dataEnd = math.MaxInt64
	}
	if pos >= dataEnd {
		return false // AVERROR_EOF
	}
	if dataSize > audioSize && pos == dataEnd-blockAlign {
		// The last block, trimmed to the sample count: for each channel
		// its share of the samples is read and the padding skipped.
		packet := int64(audioSize)
		skip := int64(dataSize - audioSize)
		if packet <= 0 || skip <= 0 || audioSize > math.MaxInt64 || dataSize > math.MaxInt64 {
			return false
		}
		per, gap := packet/int64(ch), skip/int64(ch)
		need := int64(pos) + per
		if c := int64(ch) - 1; c > 0 {
			if per+gap > (math.MaxInt64-need)/c {
				return false
			}
			need += c * (per + gap)
		}
		return need <= size
	}
	return pos < size // av_get_packet fails only when nothing is left
}

// readID3 reads the ID3v2 tag at pos as read_id3 does: its text frames
// are the format's tags and its pictures streams. Nothing is found where
// the offset is 0 (the spec's "no metadata"; the DSD chunk is there) or
// past the object.
func readID3(info *container.Info, src container.Source, pos uint64) error {
	if pos == 0 || pos > math.MaxInt64 || int64(pos) >= src.Size() {
		// 0 is the DSD chunk itself: FFmpeg finds no tag there.
		return nil
	}
	id3, err := tags.ReadID3v2(src, int64(pos))
	if err != nil && errors.Is(err, container.ErrLimit) {
		return err
	}
	if id3 == nil {
		return nil
	}
	for k, v := range id3.Tags.All() {
		// read_ttag sets text frames without overwriting.
		info.Format.Tags.AddIfAbsent(k, v)
	}
	return tags.PictureStreams(info, src, id3.Pictures)
}
