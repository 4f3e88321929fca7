package alac

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// ExtradataSize is the size of the extradata FFmpeg's ALAC decoder needs
// (ALAC_EXTRADATA_SIZE): the 12-byte atom header and the 24-byte
// ALACSpecificConfig.
const ExtradataSize = 36

// maxChannels is ALAC_MAX_CHANNELS.
const maxChannels = 8

// Config is the ALACSpecificConfig, as alac_set_info reads it.
type Config struct {
	FrameLength       uint32 // maximum samples per frame
	CompatibleVersion uint8
	BitDepth          int // sample size in bits
	RiceHistoryMult   uint8
	RiceInitHistory   uint8
	RiceLimit         uint8
	Channels          int
	MaxRun            uint16
	MaxFrameBytes     uint32
	AvgBitRate        uint32
	SampleRate        uint32
}

// ParseConfig decodes the ALAC extradata: at least ExtradataSize bytes, of
// which the first 12 (atom size, 'alac', version and flags) are skipped, as
// alac_set_info does.
func ParseConfig(b []byte) (Config, error) {
	if len(b) < ExtradataSize {
		return Config{}, demuxkit.Errorf("alac", "config", 0, container.ErrTruncated, "%d bytes of extradata, need %d", len(b), ExtradataSize)
	}
	c := b[12:]
	return Config{
		FrameLength:       binary.BigEndian.Uint32(c[0:]),
		CompatibleVersion: c[4],
		BitDepth:          int(c[5]),
		RiceHistoryMult:   c[6],
		RiceInitHistory:   c[7],
		RiceLimit:         c[8],
		Channels:          int(c[9]),
		MaxRun:            binary.BigEndian.Uint16(c[10:]),
		MaxFrameBytes:     binary.BigEndian.Uint32(c[12:]),
		AvgBitRate:        binary.BigEndian.Uint32(c[16:]),
		SampleRate:        binary.BigEndian.Uint32(c[20:]),
	}, nil
}

// SampleFormat is the decoder's output format for the bit depth: planar
// 16-bit for 16, planar 32-bit for 20, 24 and 32; "" for the depths
// alac_decode_init refuses.
func (c Config) SampleFormat() string {
	switch c.BitDepth {
	case 16:
		return "s16p"
	case 20, 24, 32:
		return "s32p"
	}
	return ""
}

// Check reports what makes alac_decode_init refuse the configuration: a
// frame length of 0 or above 4096*4096, an unsupported depth, more than
// eight channels, or none where the container gives none either
// (containerChannels); and a sample rate past 2^31, which avcodec_open2
// refuses once the decoder has set it.
func (c Config) Check(containerChannels int) error {
	switch {
	case c.FrameLength == 0 || c.FrameLength > 4096*4096:
		return demuxkit.Errorf("alac", "config", 12, container.ErrMalformed, "max samples per frame %d", c.FrameLength)
	case c.SampleFormat() == "":
		return demuxkit.Errorf("alac", "config", 17, container.ErrUnsupported, "sample depth %d", c.BitDepth)
	case c.Channels < 1 && containerChannels < 1:
		return demuxkit.Errorf("alac", "config", 21, container.ErrMalformed, "no channels")
	case c.Channels > maxChannels:
		return demuxkit.Errorf("alac", "config", 21, container.ErrUnsupported, "%d channels", c.Channels)
	case int32(c.SampleRate) < 0:
		// avctx->sample_rate is an int: avcodec_open2 refuses the
		// negative rate alac_set_info gives it ("Invalid sample rate").
		return demuxkit.Errorf("alac", "config", 32, container.ErrMalformed, "sample rate %d", int32(c.SampleRate))
	}
	return nil
}

// Describe sets on st what the ALAC decoder reports once opened with this
// configuration (alac_decode_init): the sample format, bits per raw sample,
// the rate, and the channel count with ALAC's own layout for it. A
// configuration the decoder refuses leaves st as it is and returns why.
func (c Config) Describe(st *container.Stream) error {
	if err := c.Check(st.Channels); err != nil {
		return err
	}
	st.SampleFmt = c.SampleFormat()
	st.BitsPerRawSample = c.BitDepth
	st.SampleRate = int(c.SampleRate)
	ch := c.Channels
	if ch < 1 {
		ch = st.Channels // "Invalid channel count": the container's
	}
	if ch > maxChannels {
		return nil
	}
	m := codec.DecoderLayout("alac", ch)
	st.Channels, st.ChannelLayout = codec.LayoutChannels(m), codec.LayoutName(m)
	return nil
}
