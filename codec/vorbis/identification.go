package vorbis

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// IdentificationSize is the length of a Vorbis identification header packet.
const IdentificationSize = 30

// Identification is the Vorbis identification header (packet type 1),
// with the spec's field names.
type Identification struct {
	VorbisVersion   uint32
	AudioChannels   uint8
	AudioSampleRate uint32
	BitrateMaximum  int32
	BitrateNominal  int32
	BitrateMinimum  int32
	Blocksize0      uint8 // log2 of the short block size
	Blocksize1      uint8 // log2 of the long block size
}

// ParseIdentification parses an identification header packet, starting
// with "\x01vorbis". It applies the checks of FFmpeg's vorbis_header
// (libavformat/oggparsevorbis.c): exactly 30 bytes, version 0, block sizes
// 2^6..2^13 with the short one not above the long one, framing byte 1.
func ParseIdentification(b []byte) (Identification, error) {
	var id Identification
	if len(b) != IdentificationSize {
		return id, demuxkit.Errorf("vorbis", "identification header", 0, container.ErrMalformed, "%d bytes, want %d", len(b), IdentificationSize)
	}
	if b[0] != 1 || string(b[1:7]) != "vorbis" {
		return id, demuxkit.Errorf("vorbis", "identification header", 0, container.ErrMalformed, "bad packet signature")
	}
	le := binary.LittleEndian
	id.VorbisVersion = le.Uint32(b[7:])
	id.AudioChannels = b[11]
	id.AudioSampleRate = le.Uint32(b[12:])
	id.BitrateMaximum = int32(le.Uint32(b[16:]))
	id.BitrateNominal = int32(le.Uint32(b[20:]))
	id.BitrateMinimum = int32(le.Uint32(b[24:]))
	id.Blocksize0 = b[28] & 15
	id.Blocksize1 = b[28] >> 4
	switch {
	case id.VorbisVersion != 0:
		return id, demuxkit.Errorf("vorbis", "identification header", 7, container.ErrMalformed, "version %d", id.VorbisVersion)
	case id.Blocksize0 > id.Blocksize1 || id.Blocksize0 < 6 || id.Blocksize1 > 13:
		return id, demuxkit.Errorf("vorbis", "identification header", 28, container.ErrMalformed, "block sizes 2^%d, 2^%d", id.Blocksize0, id.Blocksize1)
	case b[29] != 1:
		return id, demuxkit.Errorf("vorbis", "identification header", 29, container.ErrMalformed, "framing byte %d", b[29])
	}
	return id, nil
}

// ChannelLayout returns FFmpeg's name of the layout the Vorbis decoder gives
// a stream of n channels (vorbis_parse_id_hdr with ff_vorbis_ch_layouts,
// Vorbis I spec 4.3.9), or "" where there is none. The table is package
// codec's, which Opus mapping family 1 and Vorbis in other containers use.
func ChannelLayout(n int) string {
	return codec.LayoutName(codec.DecoderLayout("vorbis", n))
}
