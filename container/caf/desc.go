package caf

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// descSize is the size of the 'desc' chunk, which read_header requires.
const descSize = 32

// desc is the AudioStreamBasicDescription of the 'desc' chunk, as
// read_desc_chunk keeps it.
type desc struct {
	sampleRate      int // the float64 rate clipped to [0, INT_MAX] and truncated
	formatID        uint32
	formatFlags     uint32
	bytesPerPacket  int32
	framesPerPacket int32
	channels        int32
	bitsPerChannel  int32
	codecName       string
}

// The linear PCM format flags (kCAFLinearPCMFormatFlag*).
const (
	flagFloat        = 1 << 0
	flagLittleEndian = 1 << 1
)

// parseDesc decodes the 32-byte 'desc' body at off.
func parseDesc(b []byte, off int64) (desc, error) {
	rate := math.Float64frombits(binary.BigEndian.Uint64(b))
	// av_clipd(rate, 0, INT_MAX); a NaN passes av_clipd and its conversion
	// to int is undefined: take 0.
	switch {
	case math.IsNaN(rate) || rate < 0:
		rate = 0
	case rate > math.MaxInt32:
		rate = math.MaxInt32
	}
	d := desc{
		sampleRate:      int(rate),
		formatID:        binary.LittleEndian.Uint32(b[8:]), // avio_rl32: the tag as ffprobe prints it
		formatFlags:     binary.BigEndian.Uint32(b[12:]),
		bytesPerPacket:  int32(binary.BigEndian.Uint32(b[16:])),
		framesPerPacket: int32(binary.BigEndian.Uint32(b[20:])),
		channels:        int32(binary.BigEndian.Uint32(b[24:])),
		bitsPerChannel:  int32(binary.BigEndian.Uint32(b[28:])),
	}
	if d.bytesPerPacket < 0 || d.framesPerPacket < 0 || d.channels < 0 {
		return d, demuxkit.Errorf(name, "desc", off, container.ErrMalformed, "negative packet size, frames or channels")
	}
	if string(b[8:12]) == "lpcm" {
		// ff_mov_get_lpcm_codec_id with CAF's little-endian flag turned
		// into the big-endian one, and always signed.
		// ff_get_pcm_codec_id with every sample width signed.
		d.codecName = wav.PCMCodecName(int(d.bitsPerChannel), d.formatFlags&flagFloat != 0, d.formatFlags&flagLittleEndian == 0, -1)
	} else {
		d.codecName = cafTags[string(b[8:12])]
	}
	return d, nil
}

// fill sets what read_desc_chunk sets on the stream.
func (d desc) fill(st *container.Stream) {
	st.SampleRate = d.sampleRate
	st.CodecTag = d.formatID
	st.Channels = int(d.channels)
	st.CodecName = d.codecName
	if d.framesPerPacket > 0 && d.bytesPerPacket > 0 {
		// The bit rate of constant-size packets, in unsigned 64-bit
		// arithmetic as FFmpeg computes it.
		st.BitRate = int64(uint64(d.sampleRate) * uint64(d.bytesPerPacket) * 8 / uint64(d.framesPerPacket))
	}
}

// cafTags maps the format ids to codecs as ff_codec_caf_tags does (caf.c);
// 'lpcm' goes through wav.PCMCodecName.
var cafTags = map[string]string{
	"aac ": "aac", "aacl": "aac", "ac-3": "ac3", "ima4": "adpcm_ima_qt",
	"ms\x00\x11": "adpcm_ima_wav", "ms\x00\x02": "adpcm_ms", "alac": "alac",
	"samr": "amr_nb", "agsm": "gsm", "ms\x001": "gsm_ms", "ilbc": "ilbc",
	"flac": "flac", "MAC3": "mace3", "MAC6": "mace6", ".mp1": "mp1",
	".mp2": "mp2", ".mp3": "mp3", "ms\x00U": "mp3", "opus": "opus",
	"alaw": "pcm_alaw", "ulaw": "pcm_mulaw", "Qclp": "qcelp", "QDM2": "qdm2",
	"QDMC": "qdmc",
}

// decoder sets what the stream's decoder reports once
// avformat_find_stream_info has opened it: its sample format and, for the
// codecs configured by the magic cookie, the cookie's rate, channels and
// layout.
func (s *state) decoder() {
	st := s.st
	switch {
	case s.alac != nil:
		_ = s.alac.Describe(st) // a cookie the decoder refuses leaves the container's values
	case s.flac != nil:
		_ = s.flac.Describe(st)
	case s.hasASC:
		st.SampleFmt = "fltp"
		st.ChannelLayout = s.asc.Layout()
		st.Profile = s.asc.Profile()
	case st.CodecName == "alac" || st.CodecName == "flac":
		// No usable cookie: the decoder does not open.
	default:
		codec.FillDecoded(st)
	}
}
