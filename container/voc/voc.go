package voc

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Demuxer returns the demuxer that reads Creative Voice files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "voc",
		Probe:      probe,
		Read:       read,
	}
}

const (
	name     = "voc"
	longName = "Creative Voice"

	// magic is ff_voc_magic without its terminating NUL.
	magic = "Creative Voice File\x1A"
	// headerSize is the only header size voc_read_header accepts.
	headerSize = 26
)

// probe scores as vocdec.c voc_probe: the magic with a version whose check
// word is its complement plus 0x1234 is certain, the magic alone is 10.
func probe(head []byte) int {
	if len(head) < len(magic) || string(head[:len(magic)]) != magic {
		return 0
	}
	// The probe buffer is padded with zeros past its end.
	var h [headerSize]byte
	copy(h[:], head)
	version := binary.LittleEndian.Uint16(h[22:])
	check := binary.LittleEndian.Uint16(h[24:])
	// ~version + 0x1234 in C's int arithmetic.
	if int32(^uint32(version))+0x1234 != int32(check) {
		return 10
	}
	return 100
}

// The block types ff_voc_get_packet acts on (voc.h VocType).
const (
	typeEOF          = 0
	typeVoiceData    = 1
	typeVoiceCont    = 2
	typeExtended     = 8
	typeNewVoiceData = 9
)

// codecTags is voc.c ff_voc_codec_tags.
var codecTags = []struct {
	tag  int
	name string
}{
	{0x00, "pcm_u8"},
	{0x01, "adpcm_sbpro_4"},
	{0x02, "adpcm_sbpro_3"},
	{0x03, "adpcm_sbpro_2"},
	{0x04, "pcm_s16le"},
	{0x06, "pcm_alaw"},
	{0x07, "pcm_mulaw"},
	{0x0200, "adpcm_ct"},
}

func codecForTag(tag int) string {
	for _, c := range codecTags {
		if c.tag == tag {
			return c.name
		}
	}
	return ""
}

// reader reads as FFmpeg's AVIOContext does: past the end of the object
// the missing bytes read as zeros.
type reader struct {
	src container.Source
}

func (r reader) fill(b []byte, off int64) error {
	clear(b)
	if off < 0 || off >= r.src.Size() {
		return nil
	}
	n := min(int64(len(b)), r.src.Size()-off)
	return demuxkit.ReadFull(r.src, b[:n], off, name, "block")
}

// params is what ff_voc_get_packet sets on the stream before it returns
// the first packet.
type params struct {
	sampleRate int
	channels   int
	bits       int // bits_per_coded_sample
	codecTag   int // the last codec tag read, -1 for none
	dataPos    int64
	remaining  int64 // bytes of samples at dataPos
}

// read checks the header as voc_read_header does and reads the blocks
// ff_voc_get_packet reads for the first packet.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	r := reader{src: src}
	var hdr [headerSize]byte
	if err := r.fill(hdr[:], start); err != nil {
		return nil, err
	}
	if hs := int(binary.LittleEndian.Uint16(hdr[20:])) - 22; hs != 4 {
		// voc_read_header: "unknown header size" (ENOSYS).
		return nil, demuxkit.Errorf(name, "header", start, container.ErrUnsupported, "header size %d", hs+22)
	}
	info := container.NewInfo(name, longName)
	info.Format.DataOffset = start + headerSize
	// voc_read_packet makes the stream before it reads the blocks, so a
	// file whose blocks give no packet still shows an audio stream.
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	p, err := readBlocks(r, start+headerSize)
	if p.sampleRate > 0 {
		st.SampleRate = p.sampleRate
		st.TimeBase = container.Rational{Num: 1, Den: int64(p.sampleRate)}
	}
	st.Channels = p.channels
	var fe *container.FormatError
	if err != nil && (!errors.As(err, &fe) || fe.Format != name) {
		return nil, err // the budget or the caller's reader failed
	}
	if err == nil && p.codecTag >= 0 {
		st.CodecName = codecForTag(p.codecTag)
		// "unknown codec tag" fails the packet as the blocks' errors do.
	}
	if err != nil || p.codecTag >= 0 && st.CodecName == "" {
		// No first packet: ffprobe still prints the stream, with what the
		// blocks set, no start, and the bit rate of a codec context that
		// never received the stream's parameters (the "ab" option's
		// default), from which the duration is estimated.
		st.BitRate = defaultBitRate
		return info, nil
	}
	if st.Channels <= 0 {
		// avcodec_open2: "Decoder requires channel count but channels not
		// set"; ffprobe fails when it cannot open a stream's decoder.
		return nil, demuxkit.Errorf(name, "block", p.dataPos, container.ErrMalformed, "%d channels", st.Channels)
	}
	// The demuxer's bit rate uses the bits per coded sample, which a block
	// 1 sets from the codec before the codec is known (0). The decoder,
	// opened with no bit rate, then takes channels times rate times the
	// codec's bits (avcodec.c get_bit_rate).
	st.BitRate = int64(p.sampleRate) * int64(p.channels) * int64(p.bits)
	if st.BitRate == 0 && codec.HasDecoder(st.CodecName) {
		if bps := codec.BitsPerSample(st.CodecName); bps > 0 {
			st.BitRate = int64(p.sampleRate) * int64(st.Channels) * int64(bps)
		}
	}
	codec.FillDecoded(st)
	if p.remaining > 0 && p.dataPos < src.Size() {
		// The first packet is stamped 0 (VocDecContext.pts).
		st.StartPTS = 0
	}
	return info, nil
}

// defaultBitRate is AVCodecContext's default audio bit rate (the "ab"
// option of libavcodec/options_table.h).
const defaultBitRate = 128000

// readBlocks walks the blocks from off as the loop of ff_voc_get_packet
// does on its first call, until a block holds samples.
func readBlocks(r reader, off int64) (params, error) {
	p := params{channels: 0, codecTag: -1}
	size := r.src.Size()
	extRate, extChannels := 0, 1 // the locals a block 8 sets for the next block 1
	pos := off
	remaining := int64(0)
	for remaining == 0 {
		if err := r.src.Budget().Visit(name, "block", pos); err != nil {
			return p, err
		}
		var bh [4]byte
		if err := r.fill(bh[:], pos); err != nil {
			return p, err
		}
		typ := bh[0]
		if typ == typeEOF {
			// AVERROR_EOF: no packet.
			return p, demuxkit.Errorf(name, "block", pos, container.ErrTruncated, "no sound data before the end block")
		}
		pos += 4
		remaining = int64(bh[1]) | int64(bh[2])<<8 | int64(bh[3])<<16
		if remaining == 0 {
			// A size of 0 runs to the end of the object.
			if size-pos > math.MaxInt32 {
				return p, demuxkit.Errorf(name, "block", pos-4, container.ErrMalformed, "block to the end of %d bytes", size-pos)
			}
			remaining = size - pos
		}
		switch typ {
		case typeVoiceData:
			if remaining < 2 {
				return p, demuxkit.Errorf(name, "block", pos-4, container.ErrMalformed, "sound data block of %d bytes", remaining)
			}
			var b [2]byte
			if err := r.fill(b[:], pos); err != nil {
				return p, err
			}
			if p.sampleRate == 0 {
				p.sampleRate = 1000000 / (256 - int(b[0]))
				if extRate != 0 {
					p.sampleRate = extRate
				}
				p.channels = extChannels
				// av_get_bits_per_sample of the codec, which is not
				// known yet on the first call.
				p.bits = 0
			}
			p.codecTag = int(b[1])
			pos += 2
			remaining -= 2
			extChannels = 1
		case typeVoiceCont:
		case typeExtended:
			var b [4]byte
			if err := r.fill(b[:], pos); err != nil {
				return p, err
			}
			rate := int(binary.LittleEndian.Uint16(b[:]))
			extChannels = int(b[3]) + 1
			extRate = 256000000 / (extChannels * (65536 - rate))
			// The block's own size is ignored: four bytes are read and the
			// next block header follows them.
			pos += 4
			remaining = 0
		case typeNewVoiceData:
			if remaining < 12 {
				return p, demuxkit.Errorf(name, "block", pos-4, container.ErrMalformed, "sound data block of %d bytes", remaining)
			}
			var b [12]byte
			if err := r.fill(b[:], pos); err != nil {
				return p, err
			}
			if p.sampleRate == 0 {
				p.sampleRate = int(int32(binary.LittleEndian.Uint32(b[:])))
				p.bits = int(b[4])
				p.channels = int(b[5])
			}
			p.codecTag = int(binary.LittleEndian.Uint16(b[6:]))
			pos += 12
			remaining -= 12
		default:
			pos += remaining
			remaining = 0
		}
		if pos < 0 || pos > size && remaining == 0 {
			// Past the end the next type byte reads as 0: the end block.
			return p, demuxkit.Errorf(name, "block", pos, container.ErrTruncated, "no sound data before the end of the object")
		}
	}
	if p.sampleRate <= 0 {
		return p, demuxkit.Errorf(name, "block", pos, container.ErrMalformed, "invalid sample rate %d", p.sampleRate)
	}
	p.dataPos, p.remaining = pos, remaining
	return p, nil
}
