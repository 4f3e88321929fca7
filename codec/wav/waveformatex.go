package wav

import (
	"encoding/binary"
	"math"
	"math/bits"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Format tags with a structure of their own.
const (
	TagPCM        = 0x0001
	TagExtensible = 0xFFFE // WAVE_FORMAT_EXTENSIBLE: the codec is in the sub-format GUID
	tagXMA1       = 0x0165 // XMAWAVEFORMAT: no WAVEFORMATEX fields at all
)

// MaxHeaderLen is the most of a format chunk ParseHeader looks at: the
// WAVEFORMATEX fields (18 bytes) and the largest cbSize. A caller may cut a
// longer chunk to this length.
const MaxHeaderLen = 18 + math.MaxUint16

// Header is a WAVEFORMATEX (or WAVEFORMAT, PCMWAVEFORMAT,
// WAVEFORMATEXTENSIBLE) structure as ff_get_wav_header leaves it in
// AVCodecParameters.
type Header struct {
	FormatTag  uint16 // wFormatTag as stored
	CodecTag   uint32 // the codec_tag ffprobe prints: the format tag, or for EXTENSIBLE the GUID's first four bytes (0 when it is not a known base GUID)
	CodecName  string // FFmpeg's codec name, "" when FFmpeg has none
	Channels   int
	SampleRate int
	BitRate    int64 // nAvgBytesPerSec * 8; 0 when it exceeds INT_MAX
	BlockAlign int
	// BitsPerCodedSample is wBitsPerSample, replaced by a non-zero
	// wValidBitsPerSample of WAVEFORMATEXTENSIBLE; 8 for a bare WAVEFORMAT.
	BitsPerCodedSample int
	ChannelMask        uint64 // dwChannelMask of WAVEFORMATEXTENSIBLE
	// ChannelLayout is the layout name when the mask agrees with the
	// channel count, else "" (unspecified).
	ChannelLayout string
	// Extradata is what follows the structure, cbSize bytes at most (for
	// XMA1 the rest of the chunk).
	Extradata []byte
}

// The GUID tails (bytes 4..15) after which the first four bytes of a
// sub-format are a WAVEFORMATEX tag (riff.h FF_MEDIASUBTYPE_BASE_GUID,
// FF_AMBISONIC_BASE_GUID, FF_BROKEN_BASE_GUID).
var baseGUIDTails = [][12]byte{
	{0x21, 0x07, 0xD3, 0x11, 0x86, 0x44, 0xC8, 0xC1, 0xCA, 0x00, 0x00, 0x00},
	{0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA},
	{0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71},
}

// guidCodecs are the sub-formats that are not a base GUID with a tag
// (riffdec.c ff_codec_wav_guids), in their stored byte order.
var guidCodecs = []struct {
	guid [16]byte
	name string
}{
	{[16]byte{0x2C, 0x80, 0x6D, 0xE0, 0x46, 0xDB, 0xCF, 0x11, 0xB4, 0xD1, 0x00, 0x80, 0x5F, 0x6C, 0xBB, 0xEA}, "ac3"},
	{[16]byte{0xBF, 0xAA, 0x23, 0xE9, 0x58, 0xCB, 0x71, 0x44, 0xA1, 0x19, 0xFF, 0xFA, 0x01, 0xE4, 0xCE, 0x62}, "atrac3p"},
	{[16]byte{0xD2, 0x42, 0xE1, 0x47, 0xBA, 0x36, 0x8D, 0x4D, 0x88, 0xFC, 0x61, 0x65, 0x4F, 0x8C, 0x83, 0x6C}, "atrac9"},
	{[16]byte{0xAF, 0x87, 0xFB, 0xA7, 0x02, 0x2D, 0xFB, 0x42, 0xA4, 0xD4, 0x05, 0xCD, 0x93, 0x84, 0x3B, 0xDD}, "eac3"},
	{[16]byte{0x2B, 0x80, 0x6D, 0xE0, 0x46, 0xDB, 0xCF, 0x11, 0xB4, 0xD1, 0x00, 0x80, 0x5F, 0x6C, 0xBB, 0xEA}, "mp2"},
	{[16]byte{0x82, 0xEC, 0x1F, 0x6A, 0xCA, 0xDB, 0x19, 0x45, 0xBD, 0xE7, 0x56, 0xD3, 0xB3, 0xEF, 0x98, 0x1D}, "adpcm_agm"},
	{[16]byte{0x3A, 0xC1, 0xFA, 0x38, 0x81, 0x1D, 0x43, 0x61, 0xA4, 0x0D, 0xCE, 0x53, 0xCA, 0x60, 0x7C, 0xD1}, "dfpwm"},
}

// SubFormat returns the codec tag and codec of a WAVEFORMATEXTENSIBLE
// sub-format GUID as stored in the file, for a given bits-per-sample:
// for a base GUID the tag is its first four bytes and the codec follows
// from it as for a plain format tag; for the few codec GUIDs FFmpeg knows
// the tag is 0 (parse_waveformatex).
func SubFormat(guid [16]byte, bitsPerSample int) (tag uint32, name string) {
	for _, tail := range baseGUIDTails {
		if [12]byte(guid[4:]) == tail {
			tag = binary.LittleEndian.Uint32(guid[:4])
			return tag, CodecName(tag, bitsPerSample)
		}
	}
	for _, g := range guidCodecs {
		if g.guid == guid {
			return 0, g.name
		}
	}
	return 0, ""
}

// ParseHeader parses a format chunk body as ff_get_wav_header does. size is
// the chunk's declared size; b holds its first bytes, at least
// min(size, MaxHeaderLen) of them when the object has them. bigEndian reads
// the fields of a RIFX file. off, the body's offset in the object, only
// places errors.
//
// Errors wrap container.ErrMalformed (a structure FFmpeg rejects: fewer than
// 14 bytes, a sample rate of 0), container.ErrTruncated (extradata past the
// end of b) or container.ErrUnsupported (WAVEFORMATEX in a RIFX file).
func ParseHeader(b []byte, size int64, bigEndian bool, off int64) (*Header, error) {
	const what = "fmt"
	if size > math.MaxInt32 || size < 14 {
		// ff_get_wav_header takes the size as an int.
		return nil, demuxkit.Errorf("wav", what, off, container.ErrMalformed, "format chunk of %d bytes", size)
	}
	sz := int(size)
	if len(b) < 14 {
		return nil, demuxkit.Errorf("wav", what, off, container.ErrTruncated, "format chunk of %d bytes, %d present", size, len(b))
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		bo = binary.BigEndian
	}
	h := &Header{FormatTag: bo.Uint16(b)}
	var bitrate uint64
	if bigEndian || h.FormatTag != tagXMA1 {
		h.Channels = int(bo.Uint16(b[2:]))
		h.SampleRate = int(int32(bo.Uint32(b[4:])))
		bitrate = uint64(bo.Uint32(b[8:])) * 8
		h.BlockAlign = int(bo.Uint16(b[12:]))
	}
	pos := 14
	if sz == 14 {
		h.BitsPerCodedSample = 8 // a plain WAVEFORMAT
	} else {
		if len(b) < 16 {
			return nil, demuxkit.Errorf("wav", what, off, container.ErrTruncated, "no wBitsPerSample")
		}
		h.BitsPerCodedSample = int(bo.Uint16(b[14:]))
		pos = 16
	}
	if h.FormatTag != TagExtensible {
		h.CodecTag = uint32(h.FormatTag)
		h.CodecName = CodecName(h.CodecTag, h.BitsPerCodedSample)
	}
	channels := h.Channels
	switch {
	case sz >= 18 && h.FormatTag != tagXMA1:
		if len(b) < 18 {
			return nil, demuxkit.Errorf("wav", what, off, container.ErrTruncated, "no cbSize")
		}
		if bigEndian {
			return nil, demuxkit.Errorf("wav", what, off, container.ErrUnsupported, "WAVEFORMATEX in a RIFX file")
		}
		cb := int(binary.LittleEndian.Uint16(b[16:]))
		pos = 18
		rest := sz - 18
		cb = min(cb, rest)
		if cb >= 22 && h.FormatTag == TagExtensible {
			if len(b) < pos+22 {
				return nil, demuxkit.Errorf("wav", what, off, container.ErrTruncated, "WAVEFORMATEXTENSIBLE cut short")
			}
			if v := int(binary.LittleEndian.Uint16(b[pos:])); v != 0 {
				h.BitsPerCodedSample = v
			}
			h.ChannelMask = uint64(binary.LittleEndian.Uint32(b[pos+2:]))
			h.CodecTag, h.CodecName = SubFormat([16]byte(b[pos+6:pos+22]), h.BitsPerCodedSample)
			pos += 22
			cb -= 22
		}
		if cb > 0 {
			if len(b) < pos+cb {
				return nil, demuxkit.Errorf("wav", what, off, container.ErrTruncated, "%d bytes of extradata, %d present", cb, len(b)-pos)
			}
			h.Extradata = b[pos : pos+cb : pos+cb]
		}
	case h.FormatTag == tagXMA1 && sz >= 32:
		// XMAWAVEFORMAT: the whole rest is extradata, and the streams in it
		// give the rate and the channels (ff_get_wav_header).
		n := sz - 4
		if len(b) < 4+n {
			return nil, demuxkit.Errorf("wav", what, off, container.ErrTruncated, "XMA1 format cut short")
		}
		x := b[4 : 4+n : 4+n]
		h.Extradata = x
		streams := int(binary.LittleEndian.Uint16(x[4:]))
		h.SampleRate = int(int32(binary.LittleEndian.Uint32(x[12:])))
		bitrate = 0
		if n < 8+streams*20 {
			return nil, demuxkit.Errorf("wav", what, off, container.ErrMalformed, "XMA1 format for %d streams in %d bytes", streams, n)
		}
		channels = 0
		for i := 0; i < streams; i++ {
			channels += int(x[8+i*20+17])
		}
		h.Channels = channels
	}
	if bitrate <= math.MaxInt32 {
		h.BitRate = int64(bitrate)
	} // else: "The bitrate is too large, resetting to 0."
	if h.SampleRate <= 0 {
		return h, demuxkit.Errorf("wav", what, off, container.ErrMalformed, "sample rate %d", h.SampleRate)
	}
	if h.CodecName == "aac_latm" {
		// The rate and channels in the header are those before SBR and PS.
		h.Channels, h.SampleRate = 0, 0
	}
	if h.CodecName == "adpcm_g726" && h.SampleRate > 0 {
		h.BitsPerCodedSample = int(h.BitRate / int64(h.SampleRate))
	}
	h.ChannelLayout = codec.MaskLayout(h.ChannelMask, h.Channels)
	if h.ChannelMask != 0 && bits.OnesCount64(h.ChannelMask) != h.Channels {
		h.ChannelMask = 0
	}
	return h, nil
}

// Fill sets on st what ff_get_wav_header puts in the codec parameters
// (codec, tag, rate, channels, layout, bit rate, extradata size) and what
// the decoder then reports (codec.FillDecoded). The time base is the
// container's to set.
func (h *Header) Fill(st *container.Stream) {
	st.CodecName = h.CodecName
	st.CodecTag = h.CodecTag
	st.SampleRate = h.SampleRate
	st.Channels = h.Channels
	st.ChannelLayout = h.ChannelLayout
	st.BitRate = h.BitRate
	st.ExtradataSize = len(h.Extradata)
	codec.FillDecoded(st)
}
