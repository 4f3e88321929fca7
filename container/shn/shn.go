package shn

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

const (
	name     = "shn"
	longName = "raw Shorten"

	// headWindow is what is read of the stream for the header: the
	// decoder's verbatim header is under 16384 bytes of at least 9 bits
	// each, after a few dozen bytes of fields.
	headWindow = 20 << 10

	// Field widths and limits of libavcodec/shorten.c.
	typeSize         = 4
	chanSize         = 0
	lpcqSize         = 2
	nskipSize        = 1
	fnSize           = 2
	uLongSize        = 2
	verbatimCkSize   = 5
	verbatimByteSize = 8
	fnVerbatim       = 9
	maxChannels      = 8
	maxBlockSize     = 65535
	canonicalHeader  = 44
	outBufferSize    = 16384
	defaultBlockBits = 8 // av_log2(DEFAULT_BLOCK_SIZE)
)

// Demuxer returns the demuxer that reads Shorten files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "shn",
		Probe:      probe,
		Read:       read,
	}
}

// probe scores as shn_probe: the magic and plausible sample type, channel
// count and block size score one above an extension match. FFmpeg's bit
// reader stops AV_INPUT_BUFFER_PADDING_SIZE (64) bytes before the end of
// its buffer.
func probe(b []byte) int {
	if len(b) < 5 || string(b[:4]) != "ajkg" {
		return 0
	}
	n := len(b) - 5 - 64
	if n < 0 {
		return 0 // init_get_bits8 refuses a negative size
	}
	r := &rice{r: bits.NewReader(b[5 : 5+n])}
	var ftype, channels, blockSize uint32
	if b[4] == 0 {
		ftype = r.golomb(typeSize)
		channels = r.golomb(chanSize)
		blockSize = 256
	} else {
		var ok bool
		if ftype, ok = r.field(); !ok {
			return 0
		}
		if channels, ok = r.field(); !ok {
			return 0
		}
		if blockSize, ok = r.field(); !ok {
			return 0
		}
	}
	if ftype != 2 && ftype != 3 && ftype != 5 {
		return 0
	}
	// The C code compares ints: a value above INT_MAX is negative there.
	if int32(channels) < 1 || channels > maxChannels || int32(blockSize) < 1 || blockSize > maxBlockSize {
		return 0
	}
	return 50 + 1
}

// rice reads Shorten's Rice codes as get_ur_golomb_shorten does.
type rice struct {
	r *bits.Reader
}

// golomb reads zeros up to a one, then k bits: (zeros << k) + bits, in 32
// bits. A run of zeros reaching the end returns 0xFFFFFFFF (-1 in C).
func (g *rice) golomb(k int) uint32 {
	var zeros uint32
	for {
		if g.r.Left() <= 0 {
			return math.MaxUint32
		}
		if g.r.Bit() == 1 {
			break
		}
		zeros++
	}
	if k <= 0 {
		return zeros
	}
	v := uint32(g.r.Bits(min(k, 32)))
	return zeros<<uint(k&31) + v
}

// field reads a width then a value, as shn_probe does for version 1 and
// later, refusing widths above 31.
func (g *rice) field() (uint32, bool) {
	k := g.golomb(uLongSize)
	if k > 31 {
		return 0, false
	}
	return g.golomb(int(k)), true
}

// uint is the decoder's get_uint: from version 1 the width k is itself
// coded first. Widths past 32 read as 32.
func (g *rice) uint(version byte, k int) uint32 {
	if version != 0 {
		w := g.golomb(uLongSize)
		k = int(min(w, 32))
	}
	return g.golomb(k)
}

// read makes the raw demuxer's one stream and fills it as the decoder does
// reading the header from the first packet.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	info.Format.DataOffset = start
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "shorten"
	// ff_raw_audio_read_header: start 0 in avformat_new_stream's 1/90000.
	st.TimeBase = container.Rational{Num: 1, Den: 90000}
	st.StartPTS = 0
	n := min(headWindow, src.Size()-start)
	b, err := demuxkit.ReadAt(src, start, n, name, "header")
	if err != nil {
		return nil, err
	}
	if h, ok := parseHeader(b); ok || h.Channels > 0 {
		st.Channels = h.Channels
		st.SampleRate = h.SampleRate
		if ok {
			st.SampleFmt = "s16p"
		}
	}
	return info, nil
}

// header is what the Shorten decoder learns from the stream header.
type header struct {
	Version    int
	Type       int // internal sample type: 2 u8, 3 s16 big-endian, 5 s16 little-endian
	Channels   int // 0 where the decoder stopped before setting it
	BlockSize  int
	SampleRate int // from the embedded WAVE or AIFF header; 0 if not reached
	Bits       int // bits per sample of the embedded header
}

// parseHeader reads a Shorten stream header as the decoder's read_header
// does. ok is false where the decoder fails; h then holds what it had set
// before failing.
func parseHeader(b []byte) (h header, ok bool) {
	if len(b) < 5 || string(b[:4]) != "ajkg" {
		return h, false
	}
	version := b[4]
	h.Version = int(version)
	g := &rice{r: bits.NewReader(b[5:])}
	h.Type = int(int32(g.uint(version, typeSize)))
	channels := g.uint(version, chanSize)
	if channels == 0 || channels > maxChannels {
		return h, false
	}
	h.Channels = int(channels)
	h.BlockSize = 256
	if version > 0 {
		bs := g.uint(version, defaultBlockBits)
		if bs == 0 || bs > maxBlockSize {
			return h, false
		}
		h.BlockSize = int(bs)
		if g.uint(version, lpcqSize) > 1024 { // maxnlpc
			return h, false
		}
		if g.uint(version, 0) > 32768 { // nmean
			return h, false
		}
		skip := g.uint(version, nskipSize)
		if int64(skip) > int64(max(g.r.Left(), 0)/8) {
			return h, false
		}
		g.r.Skip(int(skip) * 8)
	}
	if g.golomb(fnSize) != fnVerbatim {
		return h, false
	}
	size := g.golomb(verbatimCkSize)
	if size >= outBufferSize || size < canonicalHeader {
		return h, false
	}
	hdr := make([]byte, size)
	for i := range hdr {
		hdr[i] = byte(g.golomb(verbatimByteSize))
	}
	switch string(hdr[:4]) {
	case "RIFF":
		ok = h.wave(hdr)
	case "FORM":
		ok = h.aiff(hdr)
	default:
		return h, false
	}
	if !ok {
		return h, false
	}
	// init_offset knows only these sample types.
	if h.Type != 2 && h.Type != 3 && h.Type != 5 {
		return h, false
	}
	return h, true
}

// wave reads a canonical WAVE header as decode_wave_header does: the first
// "fmt " chunk, which must be plain PCM of 8 or 16 bits. The sample rate
// is kept even when the bit depth is refused.
func (h *header) wave(b []byte) bool {
	le := binary.LittleEndian
	if string(b[8:12]) != "WAVE" {
		return false
	}
	p := 12
	for {
		if len(b)-p < 8 {
			return false
		}
		id, n := string(b[p:p+4]), int64(int32(le.Uint32(b[p+4:])))
		p += 8
		if id == "fmt " {
			if n < 16 || len(b)-p < 16 {
				return false
			}
			// Only the 16 bytes of PCMWAVEFORMAT matter to the decoder.
			wh, err := wav.ParseHeader(b[p:p+16], 16, false, 0)
			if err != nil || wh.FormatTag != wav.TagPCM {
				return false
			}
			h.SampleRate = wh.SampleRate
			h.Bits = wh.BitsPerCodedSample
			return h.Bits == 16 || h.Bits == 8
		}
		// bytestream2_skip stops at the end; fewer than 16 bytes left
		// then, or a negative size, is no fmt chunk.
		if n < 0 {
			return false
		}
		p = int(min(int64(p)+n, int64(len(b))))
		if len(b)-p < 16 {
			return false
		}
	}
}

// aiff reads a canonical AIFF header as decode_aiff_header does: the first
// COMM chunk, 8 or 16 bits, the rate from its 80-bit extended float.
func (h *header) aiff(b []byte) bool {
	be := binary.BigEndian
	if t := string(b[8:12]); t != "AIFF" && t != "AIFC" {
		return false
	}
	p := 12
	for {
		if len(b)-p < 8 {
			return false
		}
		id, n := string(b[p:p+4]), int64(int32(be.Uint32(b[p+4:])))
		p += 8
		if id == "COMM" {
			break
		}
		if n < 0 || int64(len(b)-p) < 18+n+n&1 {
			return false
		}
		p += int(n + n&1)
	}
	if len(b)-p < 18 {
		return false
	}
	if int32(be.Uint32(b[p-4:])) < 18 {
		return false
	}
	h.Bits = int(be.Uint16(b[p+6:]))
	if h.Bits != 16 && h.Bits != 8 {
		return false
	}
	exp := int(be.Uint16(b[p+8:])) - 16383 - 63
	val := be.Uint64(b[p+10:])
	if exp < -63 || exp > 63 {
		return false
	}
	var rate uint64
	if exp >= 0 {
		rate = val << uint(exp)
	} else {
		rate = (val + 1<<uint(-exp-1)) >> uint(-exp)
	}
	h.SampleRate = int(int32(rate)) // stored in an int
	return true
}
