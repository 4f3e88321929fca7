package aiff

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// aiffC1 is the FVER timestamp of AIFF-C version 1, the only one.
const aiffC1 = 0xA2805140

// aiffTags mirrors libavformat/aiff.c ff_codec_aiff_tags, in its order: the
// AIFF-C compression types FFmpeg knows. NONE and twos select the integer
// PCM of the sample size instead (get_aiff_header).
var aiffTags = []struct {
	tag  string
	name string
}{
	{"NONE", "pcm_s16be"},
	{"NONE", "pcm_s8"},
	{"raw ", "pcm_u8"},
	{"NONE", "pcm_s24be"},
	{"NONE", "pcm_s32be"},
	{"fl32", "pcm_f32be"},
	{"fl64", "pcm_f64be"},
	{"alaw", "pcm_alaw"},
	{"ulaw", "pcm_mulaw"},
	{"in24", "pcm_s24be"},
	{"in32", "pcm_s32be"},
	{"MAC3", "mace3"},
	{"MAC6", "mace6"},
	{"GSM ", "gsm"},
	{"G722", "adpcm_g722"},
	{"G726", "adpcm_g726le"},
	{"twos", "pcm_s16be"},
	{"sowt", "pcm_s16le"},
	{"ima4", "adpcm_ima_qt"},
	{"QDMC", "qdmc"},
	{"QDM2", "qdm2"},
	{"Qclp", "qcelp"},
	{"SDX2", "sdx2_dpcm"},
	{"ADP4", "adpcm_ima_ws"},
}

// codecForTag looks a compression type up as ff_codec_get_id does: an exact
// match first, then one ignoring the case of the four bytes ("ALAW").
func codecForTag(tag uint32) string {
	for _, r := range aiffTags {
		if tagOf(r.tag) == tag {
			return r.name
		}
	}
	u := upper4(tag)
	for _, r := range aiffTags {
		if upper4(tagOf(r.tag)) == u {
			return r.name
		}
	}
	return ""
}

func tagOf(s string) uint32 { return binary.LittleEndian.Uint32([]byte(s)) }

func upper4(t uint32) uint32 {
	var u uint32
	for i := 0; i < 32; i += 8 {
		c := byte(t >> i)
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		u |= uint32(c) << i
	}
	return u
}

// pcmForBits is aiffdec.c aiff_codec_get_id: the big-endian integer PCM of
// a sample size.
func pcmForBits(bits int) string {
	switch {
	case bits <= 8:
		return "pcm_s8"
	case bits <= 16:
		return "pcm_s16be"
	case bits <= 24:
		return "pcm_s24be"
	case bits <= 32:
		return "pcm_s32be"
	}
	return ""
}

// comm is what get_aiff_header learns from a COMM chunk.
type comm struct {
	channels      int
	numFrames     int64
	bitsPerSample int
	sampleRate    int
	codecTag      uint32
	codecName     string
	blockAlign    int
	blockDuration int
	bitRate       int64
}

// commReadLen is the most get_aiff_header reads: the AIFF fields (18
// bytes) and the AIFF-C compression type.
const commReadLen = 22

// extendedRate converts the 80-bit extended-precision sample rate as
// get_aiff_header does: the exponent bias removed and the 64-bit mantissa
// shifted into an int, rounding halves up; ok is false when the exponent
// is out of FFmpeg's range.
func extendedRate(b []byte) (rate int, exp int, ok bool) {
	exp = int(binary.BigEndian.Uint16(b)) - 16383 - 63
	val := binary.BigEndian.Uint64(b[2:])
	if exp < -63 || exp > 63 {
		return 0, exp, false
	}
	var r uint64
	if exp >= 0 {
		r = val << uint(exp)
	} else {
		r = (val + 1<<uint(-exp-1)) >> uint(-exp)
	}
	return int(int32(uint32(r))), exp, true // the C int keeps the low 32 bits
}

// parseComm parses a COMM chunk body. b holds the chunk's first bytes, read
// past the chunk's end when it is shorter than FFmpeg reads, with zeros
// where the object ends (avio_rb16 and friends). size is the declared size.
func parseComm(b [commReadLen]byte, size int64, aifc bool, off int64) (*comm, error) {
	const what = "COMM"
	if size >= math.MaxInt32 {
		return nil, demuxkit.Errorf("aiff", what, off, container.ErrMalformed, "COMM of %d bytes", size)
	}
	size += size & 1
	c := &comm{
		channels:      int(binary.BigEndian.Uint16(b[0:])),
		bitsPerSample: int(binary.BigEndian.Uint16(b[6:])),
	}
	// The frame count is returned as an int: above INT_MAX it reads as a
	// negative error code and the header fails.
	nf := binary.BigEndian.Uint32(b[2:])
	if nf > math.MaxInt32 {
		return nil, demuxkit.Errorf("aiff", what, off, container.ErrMalformed, "%d sample frames", nf)
	}
	c.numFrames = int64(nf)
	rate, exp, ok := extendedRate(b[8:18])
	if !ok {
		return nil, demuxkit.Errorf("aiff", what, off, container.ErrMalformed, "exp %d is out of range", exp)
	}
	if rate <= 0 {
		return nil, demuxkit.Errorf("aiff", what, off, container.ErrMalformed, "sample rate %d", rate)
	}
	c.sampleRate = rate
	if size < 18 {
		return nil, demuxkit.Errorf("aiff", what, off, container.ErrMalformed, "COMM of %d bytes", size)
	}
	size -= 18
	if size < 4 {
		aifc = false
	} else if aifc {
		c.codecTag = binary.LittleEndian.Uint32(b[18:])
		c.codecName = codecForTag(c.codecTag)
	}
	if !aifc || c.codecName == "pcm_s16be" {
		c.codecName = pcmForBits(c.bitsPerSample)
		c.bitsPerSample = codec.BitsPerSample(c.codecName)
		c.blockDuration = 1
	} else {
		switch c.codecName {
		case "adpcm_ima_qt":
			c.blockAlign = 34 * c.channels
		case "mace3":
			c.blockAlign = 2 * c.channels
		case "adpcm_g726le":
			c.bitsPerSample = 5
			c.blockAlign = c.channels
		case "adpcm_ima_ws", "adpcm_g722", "mace6", "sdx2_dpcm":
			c.blockAlign = c.channels
		case "gsm":
			c.blockAlign = 33
		default:
			// pcm_f32be, pcm_f64be, pcm_s16le, pcm_alaw, pcm_mulaw and the
			// unknown types: one sample frame per block.
			c.blockDuration = 1
		}
		if c.blockAlign > 0 {
			c.blockDuration = frameDuration(c.codecName, c.channels, c.bitsPerSample, c.blockAlign)
		}
	}
	if c.blockAlign == 0 {
		// The WAVE definition of block_align, for every codec.
		c.blockAlign = codec.BitsPerSample(c.codecName) * c.channels >> 3
	}
	if c.blockDuration != 0 {
		c.bitRate = container.Rescale(int64(c.sampleRate), int64(c.blockAlign)*8, int64(c.blockDuration))
		if c.bitRate < 0 {
			c.bitRate = 0
		}
	}
	return c, nil
}

// frameDuration is av_get_audio_frame_duration2 for the codecs AIFF-C
// gives a fixed block: the samples per channel in one block of blockAlign
// bytes.
func frameDuration(codecName string, channels, bits, blockAlign int) int {
	if channels <= 0 {
		return 0
	}
	switch codecName {
	case "adpcm_ima_qt":
		return 64 * (blockAlign / (34 * channels))
	case "mace3":
		return 3 * blockAlign / channels
	case "mace6":
		return 6 * blockAlign / channels
	case "gsm":
		return 160
	case "adpcm_g722", "adpcm_ima_ws":
		return 2 * blockAlign / channels
	case "sdx2_dpcm":
		return blockAlign / channels
	case "adpcm_g726le":
		if bits > 0 {
			return blockAlign * 8 / (bits * channels)
		}
	}
	return 0
}
