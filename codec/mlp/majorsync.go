package mlp

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The format_sync words of a major sync.
const (
	SyncTrueHD = 0xF8726FBA // a Dolby TrueHD stream
	SyncMLP    = 0xF8726FBB // an MLP (DVD-Audio) stream
)

// majorSyncSize is the size of a major sync without its extension
// (mlp_get_major_sync_size).
const majorSyncSize = 28

// maxSampleRate is MAX_SAMPLERATE of mlp.h, the highest rate the decoder
// decodes.
const maxSampleRate = 192000

// maxSubstreams is MAX_SUBSTREAMS; MLP has at most two.
const (
	maxSubstreams    = 4
	maxMLPSubstreams = 2
)

// TrueHDFormatInfo is the format_info of a TrueHD major sync, which the
// dmlp box of MP4 repeats: the sample rate and the channels of the stream's
// 2-, 6- and 8-channel presentations.
type TrueHDFormatInfo struct {
	// AudioSamplingFrequency is the sample rate code: 48, 96 or 192 kHz
	// for 0, 1, 2; 44.1, 88.2 or 176.4 kHz for 8, 9, 10; 15 unknown.
	AudioSamplingFrequency uint8
	// SixChMultichannelType and EightChMultichannelType are
	// 6ch_multichannel_type and 8ch_multichannel_type.
	SixChMultichannelType, EightChMultichannelType uint8
	// TwoChPresentationChannelModifier, SixChPresentationChannelModifier
	// and EightChPresentationChannelModifier say how the presentations'
	// channels are matrixed (Lt/Rt, Surround EX, ...).
	TwoChPresentationChannelModifier   uint8
	SixChPresentationChannelModifier   uint8
	EightChPresentationChannelModifier uint8
	// SixChPresentationChannelAssignment (5 bits) and
	// EightChPresentationChannelAssignment (13 bits) give the channels of
	// the presentations, one bit per channel or pair: L/R, C, LFE, Ls/Rs,
	// Lvh/Rvh, Lc/Rc, Lrs/Rrs, Cs, Ts, Lsd/Rsd, Lw/Rw, Cvh, LFE2.
	SixChPresentationChannelAssignment   uint8
	EightChPresentationChannelAssignment uint16
}

// readTrueHDFormatInfo reads the 32 bits of a TrueHD format_info.
func readTrueHDFormatInfo(r *bits.Reader) TrueHDFormatInfo {
	var f TrueHDFormatInfo
	f.AudioSamplingFrequency = uint8(r.Bits(4))
	f.SixChMultichannelType = uint8(r.Bits(1))
	f.EightChMultichannelType = uint8(r.Bits(1))
	r.Skip(2) // reserved
	f.TwoChPresentationChannelModifier = uint8(r.Bits(2))
	f.SixChPresentationChannelModifier = uint8(r.Bits(2))
	f.SixChPresentationChannelAssignment = uint8(r.Bits(5))
	f.EightChPresentationChannelModifier = uint8(r.Bits(2))
	f.EightChPresentationChannelAssignment = uint16(r.Bits(13))
	return f
}

// SampleRate returns the sample rate of AudioSamplingFrequency in Hz.
func (f TrueHDFormatInfo) SampleRate() int { return sampleRate(f.AudioSamplingFrequency) }

// SixChLayout and EightChLayout return the channel layouts of the 6- and
// 8-channel presentations as masks (truehd_layout in mlp_parse.c).
func (f TrueHDFormatInfo) SixChLayout() uint64 {
	return assignmentLayout(uint16(f.SixChPresentationChannelAssignment))
}

// EightChLayout: see SixChLayout.
func (f TrueHDFormatInfo) EightChLayout() uint64 {
	return assignmentLayout(f.EightChPresentationChannelAssignment)
}

// MLPFormatInfo is the format_info of an MLP major sync: two channel
// groups, each with its word length and sample rate, and the channel
// assignment.
type MLPFormatInfo struct {
	// QuantizationWordLength1 and 2 are the groups' word length codes:
	// 16, 20 or 24 bits for 0, 1, 2.
	QuantizationWordLength1, QuantizationWordLength2 uint8
	// AudioSamplingFrequency1 and 2 are the groups' sample rate codes, as
	// TrueHDFormatInfo.AudioSamplingFrequency (15: the group is absent).
	AudioSamplingFrequency1, AudioSamplingFrequency2 uint8
	// ChannelAssignment is the MLP channel assignment code (0..20).
	ChannelAssignment uint8
}

// MajorSync is a major sync (major_sync_info): the parameters of an MLP or
// TrueHD stream, at the start of the access units where a decoder may
// start.
type MajorSync struct {
	// FormatSync is SyncTrueHD or SyncMLP.
	FormatSync uint32
	// TrueHD is the format_info of a TrueHD stream.
	TrueHD TrueHDFormatInfo
	// MLP is the format_info of an MLP stream.
	MLP MLPFormatInfo
	// Signature is the major sync signature, 0xB752.
	Signature uint16
	// Flags are the major sync flags.
	Flags uint16
	// VariableRate is variable_rate: the stream's rate varies, and
	// PeakDataRate is its peak.
	VariableRate bool
	// PeakDataRate is peak_data_rate, the peak rate in units of 1/16 bit
	// per sample period (see PeakBitRate).
	PeakDataRate uint16
	// Substreams is the number of substreams.
	Substreams uint8
	// HeaderSize is the size of the major sync in bytes, its extension and
	// checksum included: 28, or more for a TrueHD major sync whose
	// extension flag is set.
	HeaderSize int
}

// IsTrueHD reports whether the stream is TrueHD, "truehd" for FFmpeg
// ("mlp" otherwise).
func (m MajorSync) IsTrueHD() bool { return m.FormatSync == SyncTrueHD }

// CodecName returns FFmpeg's name of the stream's codec: "truehd" or
// "mlp". FFmpeg's decoder for one refuses the other's major sync.
func (m MajorSync) CodecName() string {
	if m.IsTrueHD() {
		return "truehd"
	}
	return "mlp"
}

// SampleRate returns the sample rate in Hz (of the first channel group
// for MLP), 0 when unknown.
func (m MajorSync) SampleRate() int {
	if m.IsTrueHD() {
		return m.TrueHD.SampleRate()
	}
	return sampleRate(m.MLP.AudioSamplingFrequency1)
}

// BitsPerRawSample returns the bits per sample the decoder reports: 24 for
// TrueHD (its major sync has no word length), the first group's word
// length for MLP, 0 for a reserved code.
func (m MajorSync) BitsPerRawSample() int {
	if m.IsTrueHD() {
		return 24
	}
	return wordLength(m.MLP.QuantizationWordLength1)
}

// SampleFmt returns the decoder's sample format: "s32" for more than 16
// bits per sample, "s16" otherwise.
func (m MajorSync) SampleFmt() string {
	if m.BitsPerRawSample() > 16 {
		return "s32"
	}
	return "s16"
}

// AccessUnitSamples returns the samples per channel of an access unit (40
// at 48 kHz, doubled for each doubling of the rate), which FFmpeg reports
// as the frame size.
func (m MajorSync) AccessUnitSamples() int {
	code := m.TrueHD.AudioSamplingFrequency
	if !m.IsTrueHD() {
		code = m.MLP.AudioSamplingFrequency1
	}
	return 40 << (code & 7)
}

// PeakBitRate returns the peak bit rate in bit/s as ff_mlp_read_major_sync
// computes it: PeakDataRate times the sample rate over 16, rounded.
func (m MajorSync) PeakBitRate() int64 {
	return (int64(m.PeakDataRate)*int64(m.SampleRate()) + 8) >> 4
}

// ParserBitRate returns the bit rate FFmpeg's MLP parser reports: the peak
// rate of a constant rate stream, 0 for a variable rate one (the decoder
// reports none, so ffprobe prints the container's, if any).
func (m MajorSync) ParserBitRate() int64 {
	if m.VariableRate {
		return 0
	}
	return m.PeakBitRate()
}

// DecoderLayout returns the channel layout the decoder outputs, as a mask
// (read_major_sync): it decodes up to three substreams and outputs the
// last. For MLP that is the channel assignment's layout. For TrueHD it is
// the 6-channel presentation with one or two substreams (two substreams
// of a mono presentation: the first substream's stereo), the 8-channel
// presentation with three or more (the 6-channel one when the 8-channel
// assignment is 0). Where no parser runs after the decoder (MP4) ffprobe
// prints this layout.
func (m MajorSync) DecoderLayout() uint64 {
	if !m.IsTrueHD() {
		return mlpLayout(m.MLP.ChannelAssignment)
	}
	switch {
	case m.Substreams > 2:
		if l := m.TrueHD.EightChLayout(); l != 0 {
			return l
		}
		return m.TrueHD.SixChLayout()
	case m.Substreams == 2 && m.TrueHD.SixChLayout() == codec.LayoutMono:
		// "Mono stream with 2 substreams, ignoring 2nd": the first
		// substream is stereo.
		return codec.LayoutStereo
	}
	return m.TrueHD.SixChLayout()
}

// ParserLayout returns the channel layout FFmpeg's MLP parser sets
// (mlp_parse): MLP's channel assignment, TrueHD's 8-channel presentation
// when its assignment is not 0, the 6-channel one otherwise. Where the
// parser runs after the decoder (raw streams, Matroska, MPEG-TS) ffprobe
// prints this layout.
func (m MajorSync) ParserLayout() uint64 {
	if !m.IsTrueHD() {
		return mlpLayout(m.MLP.ChannelAssignment)
	}
	if l := m.TrueHD.EightChLayout(); l != 0 {
		return l
	}
	return m.TrueHD.SixChLayout()
}

// Describe sets on st what ffprobe prints for a stream that no parser
// reads after the decoder (MP4): the sample rate, the sample format and
// bits per raw sample, and the decoder's channel layout and count
// (DecoderLayout). The container's bit rate, if any, stands. It sets no
// profile.
func (m MajorSync) Describe(st *container.Stream) {
	m.describe(st, m.DecoderLayout())
}

// DescribeParsed sets on st what ffprobe prints for a stream that FFmpeg's
// MLP parser reads after the decoder (raw streams, Matroska, MPEG-TS):
// Describe's fields, with the parser's channel layout (ParserLayout) and,
// for a constant rate stream, the parser's bit rate.
func (m MajorSync) DescribeParsed(st *container.Stream) {
	m.describe(st, m.ParserLayout())
	if br := m.ParserBitRate(); br > 0 {
		st.BitRate = br
	}
}

func (m MajorSync) describe(st *container.Stream, mask uint64) {
	st.SampleRate = m.SampleRate()
	st.SampleFmt = m.SampleFmt()
	st.BitsPerRawSample = m.BitsPerRawSample()
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
}

// ParseMajorSync reads the major sync at the start of b (format_sync
// first). It checks what ff_mlp_read_major_sync and the decoder's
// read_major_sync check: the size, the checksum, the format sync, a known
// word length and sample rate no higher than 192 kHz, and 1 to 4
// substreams (2 for MLP); and that the channel assignment the decoder
// uses names at least one channel. Errors wrap container.ErrTruncated,
// ErrMalformed or ErrUnsupported; the fields are returned with the errors
// that come after the checksum.
func ParseMajorSync(b []byte) (MajorSync, error) {
	var m MajorSync
	size := majorSyncSizeOf(b)
	if size < 0 || len(b) < size {
		return m, errorf(container.ErrTruncated, "%d bytes", len(b))
	}
	if got, want := checksum(b[:size-4])^binary.LittleEndian.Uint16(b[size-4:]),
		binary.LittleEndian.Uint16(b[size-2:]); got != want {
		return m, errorf(container.ErrMalformed, "checksum %#04x, computed %#04x", want, got)
	}
	r := bits.NewReader(b[:size])
	m.FormatSync = uint32(r.Bits(32))
	m.HeaderSize = size
	switch m.FormatSync {
	case SyncTrueHD:
		m.TrueHD = readTrueHDFormatInfo(r)
	case SyncMLP:
		m.MLP.QuantizationWordLength1 = uint8(r.Bits(4))
		m.MLP.QuantizationWordLength2 = uint8(r.Bits(4))
		m.MLP.AudioSamplingFrequency1 = uint8(r.Bits(4))
		m.MLP.AudioSamplingFrequency2 = uint8(r.Bits(4))
		r.Skip(11) // reserved
		m.MLP.ChannelAssignment = uint8(r.Bits(5))
	default:
		return m, errorf(container.ErrMalformed, "format sync %#08x", m.FormatSync)
	}
	m.Signature = uint16(r.Bits(16))
	m.Flags = uint16(r.Bits(16))
	r.Skip(16) // reserved
	m.VariableRate = r.Flag()
	m.PeakDataRate = uint16(r.Bits(15))
	m.Substreams = uint8(r.Bits(4))
	return m, m.check()
}

// check applies the decoder's refusals (read_major_sync) and the channel
// assignment check.
func (m MajorSync) check() error {
	if !m.IsTrueHD() {
		g1, g2 := wordLength(m.MLP.QuantizationWordLength1), wordLength(m.MLP.QuantizationWordLength2)
		if g1 == 0 {
			return errorf(container.ErrMalformed, "word length code %d", m.MLP.QuantizationWordLength1)
		}
		if g2 > g1 {
			return errorf(container.ErrMalformed, "group 2 has %d bits per sample, group 1 %d", g2, g1)
		}
		if r2 := sampleRate(m.MLP.AudioSamplingFrequency2); r2 != 0 && r2 != m.SampleRate() {
			return errorf(container.ErrUnsupported, "groups at %d and %d Hz", m.SampleRate(), r2)
		}
	}
	switch rate := m.SampleRate(); {
	case rate == 0:
		return errorf(container.ErrMalformed, "unknown sample rate")
	case rate > maxSampleRate:
		return errorf(container.ErrUnsupported, "sample rate %d Hz", rate)
	}
	switch {
	case m.Substreams == 0:
		return errorf(container.ErrMalformed, "no substreams")
	case !m.IsTrueHD() && m.Substreams > maxMLPSubstreams:
		return errorf(container.ErrMalformed, "%d substreams in MLP", m.Substreams)
	case m.Substreams > maxSubstreams:
		return errorf(container.ErrUnsupported, "%d substreams", m.Substreams)
	}
	if m.DecoderLayout() == 0 {
		if m.IsTrueHD() {
			return errorf(container.ErrMalformed, "channel assignment 0 (6ch %#x, 8ch %#x)",
				m.TrueHD.SixChPresentationChannelAssignment, m.TrueHD.EightChPresentationChannelAssignment)
		}
		return errorf(container.ErrMalformed, "channel assignment %d", m.MLP.ChannelAssignment)
	}
	return nil
}

// ParseAccessUnit reads the major sync of an access unit (a packet of a
// TrueHD or MLP stream), which follows the 4-byte access unit header. It
// returns an error wrapping container.ErrMalformed when the unit has no
// major sync.
func ParseAccessUnit(b []byte) (MajorSync, error) {
	if len(b) < 8 || binary.BigEndian.Uint32(b[4:])>>8 != SyncTrueHD>>8 {
		return MajorSync{}, errorf(container.ErrMalformed, "no major sync in the access unit")
	}
	return ParseMajorSync(b[4:])
}

// majorSyncSizeOf returns the size of the major sync at the start of b
// (mlp_get_major_sync_size): 28 bytes, plus 2 and 2 per extension word
// when a TrueHD major sync has its extension flag (bit 0 of byte 25) set;
// -1 when b is shorter than 28 bytes.
func majorSyncSizeOf(b []byte) int {
	if len(b) < majorSyncSize {
		return -1
	}
	size := majorSyncSize
	if binary.BigEndian.Uint32(b) == SyncTrueHD && b[25]&1 != 0 {
		size += 2 + int(b[26]>>4)*2
	}
	return size
}

// checksum is the major sync checksum of ff_mlp_checksum16 before its
// final XOR: a CRC-16 with polynomial 0x002D, initial value 0, most
// significant bit first, over the header's bytes but the last four, with
// its two bytes swapped as av_crc's table for a big-endian CRC returns it.
func checksum(b []byte) uint16 {
	var crc uint16
	for _, c := range b {
		crc ^= uint16(c) << 8
		for i := 0; i < 8; i++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x002D
			} else {
				crc <<= 1
			}
		}
	}
	return crc<<8 | crc>>8
}

// sampleRate returns the rate of a sample rate code (mlp_samplerate): 48
// or 44.1 kHz times a power of two, 0 for 15.
func sampleRate(code uint8) int {
	if code == 0xF {
		return 0
	}
	base := 48000
	if code&8 != 0 {
		base = 44100
	}
	return base << (code & 7)
}

// wordLength returns the bits per sample of an MLP word length code
// (mlp_quants), 0 for the reserved codes.
func wordLength(code uint8) int {
	switch code {
	case 0:
		return 16
	case 1:
		return 20
	case 2:
		return 24
	}
	return 0
}

// errorf builds the package's errors: "mlp: major sync at 0x0: ...".
func errorf(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("mlp", "major sync", 0, kind, detail, args...)
}
