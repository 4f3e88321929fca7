package flac

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// StreamInfoSize is the length of a STREAMINFO block body, the only length
// FFmpeg accepts (FLAC_STREAMINFO_SIZE).
const StreamInfoSize = 34

// minBlockSize is FLAC_MIN_BLOCKSIZE, the smallest maximum block size
// ff_flac_parse_streaminfo accepts.
const minBlockSize = 16

// StreamInfo is a STREAMINFO block body, with the fields of RFC 9639 8.2
// (channels and bits per sample as counts, not minus one).
type StreamInfo struct {
	MinBlockSize  uint16 // in samples
	MaxBlockSize  uint16
	MinFrameSize  uint32 // in bytes, 24 bits; 0 when unknown
	MaxFrameSize  uint32
	SampleRate    uint32 // in Hz, 20 bits; 0 is allowed and means "see the frames"
	Channels      int    // 1 to 8
	BitsPerSample int    // 1 to 32
	TotalSamples  uint64 // per channel, 36 bits; 0 when unknown
	MD5           [16]byte
}

// ParseStreamInfo decodes a STREAMINFO block body, the 34 bytes after the
// metadata block header, reading every field as ff_flac_parse_streaminfo
// and flacdec.c flac_read_header do, without judging them: whether the
// decoder accepts the block is [StreamInfo.Check]'s question. A b of any
// other length is an error wrapping container.ErrTruncated (shorter) or
// container.ErrMalformed (longer).
func ParseStreamInfo(b []byte) (StreamInfo, error) {
	var si StreamInfo
	switch {
	case len(b) < StreamInfoSize:
		return si, demuxkit.Errorf("flac", "streaminfo", 0, container.ErrTruncated, "%d bytes, want %d", len(b), StreamInfoSize)
	case len(b) > StreamInfoSize:
		return si, demuxkit.Errorf("flac", "streaminfo", 0, container.ErrMalformed, "%d bytes, want %d", len(b), StreamInfoSize)
	}
	be := binary.BigEndian
	si.MinBlockSize = be.Uint16(b[0:])
	si.MaxBlockSize = be.Uint16(b[2:])
	si.MinFrameSize = be.Uint32(b[3:]) & 0xFFFFFF
	si.MaxFrameSize = be.Uint32(b[6:]) & 0xFFFFFF
	// Bytes 10-17 pack rate (20), channels-1 (3), bits-1 (5) and the
	// sample count (36).
	v := be.Uint64(b[10:])
	si.SampleRate = uint32(v >> 44)
	si.Channels = int(v>>41&7) + 1
	si.BitsPerSample = int(v>>36&31) + 1
	si.TotalSamples = v & (1<<36 - 1)
	copy(si.MD5[:], b[18:34])
	return si, nil
}

// Check reports whether FFmpeg's FLAC decoder accepts the block as
// extradata: ff_flac_parse_streaminfo refuses a maximum block size under 16
// ("invalid max blocksize") and fewer than 4 bits per sample ("invalid
// bps"), and avcodec_open2 then fails. The error wraps
// container.ErrMalformed.
func (si StreamInfo) Check() error {
	if si.MaxBlockSize < minBlockSize {
		return demuxkit.Errorf("flac", "streaminfo", 2, container.ErrMalformed, "invalid max blocksize: %d", si.MaxBlockSize)
	}
	if si.BitsPerSample < 4 {
		return demuxkit.Errorf("flac", "streaminfo", 12, container.ErrMalformed, "invalid bps: %d", si.BitsPerSample)
	}
	return nil
}

// SampleFormat is the sample format the decoder outputs (flacdec.c
// flac_set_bps, with no requested format): packed 16-bit integers up to 16
// bits per sample, packed 32-bit integers above.
func (si StreamInfo) SampleFormat() string {
	if si.BitsPerSample > 16 {
		return "s32"
	}
	return "s16"
}

// Layout is the channel layout the decoder sets for the stream's channel
// count when the container gave none (ff_flac_set_channel_layout): FLAC's
// channel assignments, "mono" to "7.1", with 5.0 and 5.1 on the side
// channels.
func (si StreamInfo) Layout() uint64 {
	return codec.DecoderLayout("flac", si.Channels)
}

// Describe sets on st what avformat_find_stream_info learns by opening
// FFmpeg's FLAC decoder with the block as extradata: the sample format,
// the channel count, the bits per raw sample, the sample rate unless it is
// 0 (the decoder then takes the rate of the first frame, which the
// container's, where it has one, stands for), and the decoder's layout
// unless the container already set one for as many channels
// (ff_flac_set_channel_layout keeps it). It returns Check's error, and
// leaves st alone, when the decoder refuses the block.
func (si StreamInfo) Describe(st *container.Stream) error {
	if err := si.Check(); err != nil {
		return err
	}
	if si.SampleRate != 0 {
		st.SampleRate = int(si.SampleRate)
	}
	if st.ChannelLayout == "" || st.Channels != si.Channels {
		st.ChannelLayout = codec.LayoutName(si.Layout())
	}
	st.Channels = si.Channels
	st.BitsPerRawSample = si.BitsPerSample
	st.SampleFmt = si.SampleFormat()
	return nil
}

// ExtradataStreamInfo returns the STREAMINFO block of a decoder's
// extradata as ff_flac_is_extradata_valid finds it: the whole extradata
// when it does not start with "fLaC" (a bare block; longer is only a
// warning), else the block after the marker and the block header; ok is
// false when the decoder refuses the extradata.
func ExtradataStreamInfo(ex []byte) (block []byte, ok bool) {
	if len(ex) < StreamInfoSize {
		return nil, false
	}
	if string(ex[:4]) != "fLaC" {
		return ex[:StreamInfoSize], true
	}
	if len(ex) < 8+StreamInfoSize {
		return nil, false
	}
	return ex[8 : 8+StreamInfoSize], true
}
