package wavpack

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// HeaderSize is the size of a block header, the "wvpk" preamble included
// (WV_HEADER_SIZE).
const HeaderSize = 32

// BlockLimit is the largest block size ffmpeg accepts (WV_BLOCK_LIMIT:
// "specs say that maximum block size is 1Mb").
const BlockLimit = 1047576

// The header flags the demuxer and the decoder act on (wvdec.c, wv.h).
const (
	FlagBytesMask    = 0x00000003 // bytes per sample minus one
	FlagMono         = 0x00000004
	FlagHybrid       = 0x00000008
	FlagFloat        = 0x00000080
	FlagInitialBlock = 0x00000800 // first block of a multichannel frame
	FlagFinalBlock   = 0x00001000 // last block of a multichannel frame
	FlagDSD          = 0x80000000
)

// The metadata sub-block ids wv_read_block_header reads (the low six bits
// of the id byte).
const (
	IDData        = 0x0A // WP_ID_DATA: the packed samples
	IDChannelInfo = 0x0D
	IDDSDBlock    = 0x0E
	IDSampleRate  = 0x27
)

// Sub-block id flags.
const (
	idfOdd  = 0x40 // the last byte of the data is padding
	idfLong = 0x80 // the size has three bytes
)

// Rates are the sample rates of the header's four-bit rate index
// (wv_rates); index 15, -1, means the rate is in an IDSampleRate
// sub-block.
var Rates = [16]int{
	6000, 8000, 9600, 11025, 12000, 16000, 22050, 24000,
	32000, 44100, 48000, 64000, 88200, 96000, 192000, -1,
}

// Header is a block header as ff_wv_parse_header reads it.
type Header struct {
	// BlockSize is the size of the block after the 32-byte header: the
	// header's ckSize less 24.
	BlockSize    uint32
	Version      uint16
	TrackNo      uint8
	IndexNo      uint8
	TotalSamples uint32 // 0xFFFFFFFF when unknown
	BlockIndex   uint32 // the block's first sample
	Samples      uint32 // samples in the block; 0 for a block with no audio
	Flags        uint32
	CRC          uint32
}

// UnknownSamples is the TotalSamples of a stream whose length the encoder
// did not know.
const UnknownSamples = 0xFFFFFFFF

// ErrHeader is returned for a block header ffmpeg rejects.
var ErrHeader = errors.New("wavpack: invalid block header")

// ParseHeader parses the 32-byte block header at the start of b. The block
// size must lie between 24 and BlockLimit, as ff_wv_parse_header checks.
func ParseHeader(b []byte) (Header, error) {
	if len(b) < HeaderSize || string(b[:4]) != "wvpk" {
		return Header{}, ErrHeader
	}
	le := binary.LittleEndian
	size := le.Uint32(b[4:])
	if size < 24 || size > BlockLimit {
		return Header{}, fmt.Errorf("%w: block size %d", ErrHeader, size)
	}
	return Header{
		BlockSize:    size - 24,
		Version:      le.Uint16(b[8:]),
		TrackNo:      b[10],
		IndexNo:      b[11],
		TotalSamples: le.Uint32(b[12:]),
		BlockIndex:   le.Uint32(b[16:]),
		Samples:      le.Uint32(b[20:]),
		Flags:        le.Uint32(b[24:]),
		CRC:          le.Uint32(b[28:]),
	}, nil
}

// Initial reports whether the block opens a frame (WV_FLAG_INITIAL_BLOCK).
func (h Header) Initial() bool { return h.Flags&FlagInitialBlock != 0 }

// Final reports whether the block closes a frame (WV_FLAG_FINAL_BLOCK).
func (h Header) Final() bool { return h.Flags&FlagFinalBlock != 0 }

// Multichannel reports whether the frame has more blocks than this one:
// one block carries at most two channels.
func (h Header) Multichannel() bool { return !(h.Initial() && h.Final()) }

// Rate returns the sample rate of the header's rate index, -1 when a
// sub-block holds it.
func (h Header) Rate() int { return Rates[(h.Flags>>23)&0xF] }

// BitsPerSample is the demuxer's bits per coded sample: 0 for DSD, else
// the stored bytes per sample times eight.
func (h Header) BitsPerSample() int {
	if h.Flags&FlagDSD != 0 {
		return 0
	}
	return int(h.Flags&FlagBytesMask+1) << 3
}

// DecoderFormat returns the sample format and bits_per_raw_sample the
// wavpack decoder reports once it has decoded a frame whose first block
// has these flags (wavpack_decode_block): planar float for float and DSD
// data, planar 16-bit for one or two bytes per sample, planar 32-bit
// otherwise; the raw bits are the stored bytes per sample times eight,
// which is 8 for DSD.
func DecoderFormat(flags uint32) (sampleFmt string, bitsPerRawSample int) {
	bits := int(flags&FlagBytesMask+1) << 3
	switch {
	case flags&(FlagFloat|FlagDSD) != 0:
		return "fltp", bits
	case flags&FlagBytesMask <= 1:
		return "s16p", bits
	}
	return "s32p", bits
}

// Metadata is what the sub-blocks of a block say about the stream, as
// wv_read_block_header reads them.
type Metadata struct {
	Channels    int    // from IDChannelInfo; 0 when absent
	ChannelMask uint32 // from IDChannelInfo; 0 when absent
	HasChannels bool   // an IDChannelInfo sub-block was read
	RateShift   uint   // DSD: the rate is multiplied by 1<<RateShift; 0 when absent
	HasDSD      bool   // an IDDSDBlock sub-block was read
	Rate        int    // from IDSampleRate; -1 when absent
	HasData     bool   // an IDData or IDDSDBlock sub-block is present
}

// ErrMetadata is returned for a sub-block the demuxer refuses.
var ErrMetadata = errors.New("wavpack: invalid metadata sub-block")

// ParseMetadata walks the sub-blocks in b, the bytes of a block after its
// header, as wv_read_block_header does: fields are read as they come,
// whatever the sub-block's declared size (a sample-rate sub-block consumes
// three bytes), and the walk ends at the end of b. Bytes past the end of b
// read as zeros, as they do from an AVIOContext at the end of the file;
// pass b cut to what the object holds.
func ParseMetadata(b []byte) (Metadata, error) {
	m := Metadata{Rate: -1}
	c := cursor{b: b}
	for c.pos < len(b) {
		id := c.u8()
		var size int
		if id&idfLong != 0 {
			size = int(c.le(3))
		} else {
			size = int(c.u8())
		}
		size <<= 1
		if id&idfOdd != 0 {
			size--
		}
		switch id & 0x3F {
		case IDChannelInfo:
			if size <= 1 {
				return m, fmt.Errorf("%w: channel information of %d bytes", ErrMetadata, size)
			}
			m.HasChannels = true
			m.Channels = int(c.u8())
			switch size - 2 {
			case 0, 1, 2, 3:
				m.ChannelMask = uint32(c.le(size - 1))
			case 4, 5:
				c.skip(1)
				m.Channels |= int(c.u8()&0xF) << 8
				m.Channels++
				m.ChannelMask = uint32(c.le(size - 3))
			default:
				return m, fmt.Errorf("%w: channel information of %d bytes", ErrMetadata, size)
			}
		case IDDSDBlock:
			if size <= 1 {
				return m, fmt.Errorf("%w: DSD block of %d bytes", ErrMetadata, size)
			}
			m.HasDSD, m.HasData = true, true
			m.RateShift = uint(c.u8() & 0x1F)
			c.skip(size - 1)
		case IDSampleRate:
			m.Rate = int(c.le(3))
		case IDData:
			m.HasData = true
			c.skip(size)
		default:
			c.skip(size)
		}
		if id&idfOdd != 0 {
			c.skip(1)
		}
	}
	return m, nil
}

// cursor reads little-endian fields, zeros past the end of b.
type cursor struct {
	b   []byte
	pos int
}

func (c *cursor) u8() byte {
	var v byte
	if c.pos >= 0 && c.pos < len(c.b) {
		v = c.b[c.pos]
	}
	c.pos++
	return v
}

func (c *cursor) le(n int) uint64 {
	var v uint64
	for i := 0; i < n; i++ {
		v |= uint64(c.u8()) << (8 * i)
	}
	return v
}

// skip moves on n bytes; a negative n moves back, as avio_skip does, but
// never before the start.
func (c *cursor) skip(n int) {
	if n > len(c.b)-c.pos {
		c.pos = len(c.b)
		return
	}
	c.pos = max(c.pos+n, 0)
}
