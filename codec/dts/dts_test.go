package dts

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// Core frame headers of streams made with ffmpeg 5.1 (-c:a dca -strict -2
// in .dts and .mkv), with what ffprobe 5.1 prints for them.
var coreTests = []struct {
	name      string
	hdr       string
	rate      int
	layout    string
	bitRate   int64
	frameSize int
	samples   int
}{
	{"stereo 768k", "7ffe8001fc3c3ff0b5e001380003ef7fe006db15", 48000, "stereo", 768000, 1024, 512},
	{"5.1 44.1k", "7ffe8001fc3c7ff262c005380009ef7bdeffffff", 44100, "5.1(side)", 1411200, 2048, 512},
	{"mono 32k", "7ffe8001fc3cb0700ec001380001ef836ffffff4", 32000, "mono", 1411200, 2824, 512},
	// 2/2: quad with side channels.
	{"quad", "7ffe8001fc3c75b236c001380007ef7bdffffe00", 48000, "quad(side)", 1411200, 1884, 512},
	{"5.0", "7ffe8001fc3c75b276c001380009ef7bdeffffff", 48000, "5.0(side)", 1411200, 1884, 512},
}

func TestParseCoreHeader(t *testing.T) {
	for _, tt := range coreTests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ParseCoreHeader(unhex(t, tt.hdr))
			require.NoError(t, err)
			assert.Equal(t, tt.rate, h.SampleRate())
			assert.Equal(t, tt.bitRate, h.BitRate())
			assert.Equal(t, tt.frameSize, h.FrameSize())
			assert.Equal(t, tt.samples, h.Samples())
			assert.True(t, h.FType)
			assert.False(t, h.ExtAudio)
		})
	}
}

func TestParseFrameCore(t *testing.T) {
	for _, tt := range coreTests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFrame(coreFrame(t, tt.hdr))
			require.NoError(t, err)
			var st container.Stream
			f.Describe(&st)
			assert.Equal(t, container.Stream{Profile: "DTS", SampleRate: tt.rate, Channels: st.Channels,
				ChannelLayout: tt.layout, SampleFmt: "fltp", BitRate: tt.bitRate}, st)
		})
	}
}

// toLE and to14 store a big-endian core as the other representations do
// (ffprobe 5.1 prints the same for the four of dts_st.dts).
func toLE(b []byte) []byte {
	out := make([]byte, len(b)&^1)
	for i := 0; i+1 < len(b); i += 2 {
		out[i], out[i+1] = b[i+1], b[i]
	}
	return out
}

func to14(b []byte, le bool) []byte {
	var out []byte
	var acc uint64
	n := 0
	flush := func(v uint16) {
		if v&0x2000 != 0 {
			v |= 0xC000
		}
		if le {
			out = binary.LittleEndian.AppendUint16(out, v)
		} else {
			out = binary.BigEndian.AppendUint16(out, v)
		}
	}
	for _, c := range b {
		acc = acc<<8 | uint64(c)
		n += 8
		for n >= 14 {
			n -= 14
			flush(uint16(acc >> uint(n) & 0x3FFF))
		}
	}
	if n > 0 {
		flush(uint16(acc << uint(14-n) & 0x3FFF))
	}
	return out
}

func TestRepresentations(t *testing.T) {
	be := coreFrame(t, coreTests[0].hdr)
	for name, b := range map[string][]byte{"le": toLE(be), "14be": to14(be, false), "14le": to14(be, true)} {
		t.Run(name, func(t *testing.T) {
			h, err := ParseCoreHeader(b)
			require.NoError(t, err)
			assert.Equal(t, 1024, h.FrameSize())
			// Garbage before the sync word: the decoder finds it.
			f, err := ParseFrame(append([]byte{1, 2, 3}, b...))
			require.NoError(t, err)
			assert.Equal(t, 3, f.SyncOffset)
			assert.Equal(t, int64(768000), f.BitRate())
			assert.Equal(t, "stereo", describe(f).ChannelLayout)
		})
	}
	_, err := ParseFrame(make([]byte, 64))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	_, err = ParseFrame(be[:15])
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func describe(f Frame) container.Stream {
	var st container.Stream
	f.Describe(&st)
	return st
}

// TestCoreFrameSizeUnder96: a core frame of 95 bytes (FSIZE 94) is
// refused, as ff_dca_parse_core_frame_header refuses frames under 96
// bytes.
func TestCoreFrameSizeUnder96(t *testing.T) {
	b := unhex(t, coreTests[0].hdr)
	setBits(b, posFSize, 14, 94)
	_, err := ParseCoreHeader(b)
	require.Error(t, err)
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	assert.Contains(t, err.Error(), "frame size 95")
	_, err = ParseFrame(append(b, make([]byte, 100)...))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	setBits(b, posFSize, 14, 95)
	_, err = ParseCoreHeader(b)
	assert.NoError(t, err)
}

func TestParseCoreHeaderErrors(t *testing.T) {
	tests := []struct {
		name string
		pos  int
		n    int
		v    uint64
		err  error
	}{
		{"deficit samples", 33, 5, 30, container.ErrMalformed},
		{"blocks", 39, 7, 14, container.ErrMalformed},
		{"user arrangement", posAMode, 6, 10, container.ErrUnsupported},
		{"sample rate", posAMode + 6, 4, 4, container.ErrMalformed},
		{"reserved bit", posAMode + 6 + 4 + 5, 1, 1, container.ErrMalformed},
		{"LFF 3", posLFF, 2, 3, container.ErrMalformed},
		// PCHS disagrees with AMODE (2 primary channels for 3/2).
		{"primary channels", posAMode, 6, 9, container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := unhex(t, coreTests[0].hdr)
			setBits(b, tt.pos, tt.n, tt.v)
			_, err := ParseCoreHeader(b)
			assert.True(t, errors.Is(err, tt.err), "%v", err)
		})
	}
	_, err := ParseCoreHeader(unhex(t, coreTests[0].hdr)[:12])
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
}

// core51 returns a 48 kHz 5.1 core frame of size bytes announcing the
// extension id.
func core51(t *testing.T, size int, extID int) []byte {
	b := coreFrame(t, "7ffe8001fc3c75b276c001380009ef7bdeffffff")
	b = append(b[:20], make([]byte, size-20)...)
	setBits(b, posFSize, 14, uint64(size-1))
	setBits(b, posLFF, 2, 2)
	if extID >= 0 {
		setBits(b, posExtAudioID, 3, uint64(extID))
		setBits(b, posExtAudio, 1, 1)
	}
	return b
}

func TestCoreExtensions(t *testing.T) {
	t.Run("XCH", func(t *testing.T) {
		// An XCH frame of 100 bytes ends the 1024-byte core: 6.1, DTS-ES.
		b := core51(t, 1024, ExtAudioXCH)
		binary.BigEndian.PutUint32(b[924:], syncXCH)
		binary.BigEndian.PutUint32(b[928:], 99<<22|0x08<<15)
		f, err := ParseFrame(b)
		require.NoError(t, err)
		st := describe(f)
		assert.Equal(t, "DTS-ES", st.Profile)
		assert.Equal(t, "6.1", st.ChannelLayout)
		assert.Equal(t, int64(1411200), st.BitRate)
		// The frame size must match the distance to the end.
		binary.BigEndian.PutUint32(b[928:], 120<<22|0x08<<15)
		f, err = ParseFrame(b)
		require.NoError(t, err)
		assert.Equal(t, "DTS", f.Profile())
		assert.Equal(t, "5.1(side)", describe(f).ChannelLayout)
	})
	t.Run("X96", func(t *testing.T) {
		b := core51(t, 1024, ExtAudioX96)
		binary.BigEndian.PutUint32(b[924:], syncX96)
		binary.BigEndian.PutUint32(b[928:], 99<<20|1<<16) // revision 1
		f, err := ParseFrame(b)
		require.NoError(t, err)
		st := describe(f)
		assert.Equal(t, "DTS 96/24", st.Profile)
		assert.Equal(t, 96000, st.SampleRate)
		binary.BigEndian.PutUint32(b[928:], 99<<20|9<<16) // revision 9
		f, err = ParseFrame(b)
		require.NoError(t, err)
		assert.Equal(t, "DTS", f.Profile())
	})
	t.Run("XXCH", func(t *testing.T) {
		b := core51(t, 1024, ExtAudioXXCH)
		x := xxchFrame(SpkC|SpkL|SpkR|SpkLs|SpkRs|SpkLFE1, SpkLsr|SpkRsr)
		copy(b[900:], x)
		f, err := ParseFrame(b)
		require.NoError(t, err)
		st := describe(f)
		assert.Equal(t, "DTS-ES", st.Profile)
		assert.Equal(t, "7.1", st.ChannelLayout)
		// A wrong header CRC hides it.
		b[906] ^= 0xFF
		f, err = ParseFrame(b)
		require.NoError(t, err)
		assert.Equal(t, "DTS", f.Profile())
	})
}

func TestSubstreamHRA(t *testing.T) {
	core := core51(t, 1024, -1)
	spk := SpkC | SpkL | SpkR | SpkLs | SpkRs | SpkLFE1
	tests := []struct {
		name   string
		a      asset
		rate   int
		layout string
	}{
		{"XBR", asset{components: CompCoreCore | CompXBR, data: map[uint16][]byte{
			CompXBR: (&bitWriter{}).put(32, syncXBR).put(6, 11).put(2, 0).put(14, 99).put(1, 0).
				put(3, 5).put(2, 0).put(30, 0).padTo(16),
		}}, 48000, "5.1(side)"},
		{"XXCH", asset{components: CompCoreCore | CompXXCH, data: map[uint16][]byte{
			CompXXCH: xxchFrame(spk, SpkLsr|SpkRsr),
		}}, 48000, "7.1"},
		{"X96", asset{components: CompCoreCore | CompX96, data: map[uint16][]byte{
			CompX96: (&bitWriter{}).put(32, syncX96).put(6, 7).put(4, 2).put(1, 0).put(2, 0).put(15, 0).padTo(16),
		}}, 96000, "5.1(side)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFrame(append(append([]byte(nil), core...), substream(tt.a)...))
			require.NoError(t, err)
			require.NotNil(t, f.Substream)
			st := describe(f)
			assert.Equal(t, container.Stream{Profile: "DTS-HD HRA", SampleRate: tt.rate, Channels: st.Channels,
				ChannelLayout: tt.layout, SampleFmt: "fltp"}, st)
		})
	}
}

func TestSubstreamMA(t *testing.T) {
	base := chset{mask: uint16(SpkC | SpkL | SpkR | SpkLs | SpkRs | SpkLFE1), primary: true, bits: 24, freqCode: 12}
	back := chset{mask: uint16(SpkLsr | SpkRsr), bits: 24, freqCode: 12}
	t.Run("lossless only", func(t *testing.T) {
		s := substream(asset{static: true, channels: 8, spkrMask: 0x4f, components: CompXLL,
			data: map[uint16][]byte{CompXLL: xllFrame(base, back)}})
		f, err := ParseFrame(s)
		require.NoError(t, err)
		require.NotNil(t, f.XLL)
		assert.Len(t, f.XLL.ChSets, 2)
		st := describe(f)
		assert.Equal(t, container.Stream{Profile: "DTS-HD MA", SampleRate: 48000, Channels: 8, ChannelLayout: "7.1",
			SampleFmt: "s32p", BitsPerRawSample: 24}, st)
	})
	t.Run("16-bit with core", func(t *testing.T) {
		b16 := base
		b16.bits, b16.residual = 16, true
		core := core51(t, 1024, -1)
		s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompCoreCore | CompXLL,
			data: map[uint16][]byte{CompXLL: xllFrame(b16)}})
		f, err := ParseFrame(append(core, s...))
		require.NoError(t, err)
		st := describe(f)
		assert.Equal(t, container.Stream{Profile: "DTS-HD MA", SampleRate: 48000, Channels: 6, ChannelLayout: "5.1(side)",
			SampleFmt: "s16p", BitsPerRawSample: 16}, st)
	})
	t.Run("residual at another rate", func(t *testing.T) {
		// The XLL frame's 512 samples are the 1024-byte core's; a core of
		// 256 samples does not combine, and the decoder falls back to the
		// core in fixed point.
		res := base
		res.residual = true
		core := core51(t, 1024, -1)
		setBits(core, 39, 7, 7) // 8 blocks: 256 samples
		s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompCoreCore | CompXLL,
			data: map[uint16][]byte{CompXLL: xllFrame(res)}})
		f, err := ParseFrame(append(core, s...))
		require.NoError(t, err)
		assert.Nil(t, f.XLL)
		st := describe(f)
		assert.Equal(t, container.Stream{Profile: "DTS", SampleRate: 48000, Channels: 6, ChannelLayout: "5.1(side)",
			SampleFmt: "s32p", BitsPerRawSample: 24, BitRate: 1411200}, st)
	})
	t.Run("residual without core", func(t *testing.T) {
		res := base
		res.residual = true
		s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompXLL,
			data: map[uint16][]byte{CompXLL: xllFrame(res)}})
		_, err := ParseFrame(s)
		assert.True(t, errors.Is(err, container.ErrUnsupported), "%v", err)
	})
}

func TestSubstreamExpress(t *testing.T) {
	// 48 kHz, C+LR+LsRs+LFE1, LFE flag: 5.1(side) at 379872 bit/s, as
	// ffprobe prints androidx-media's sample_with_dts_express.mka.
	s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompLBR,
		data: map[uint16][]byte{CompLBR: lbrFrame(12, 0x000f, 0x17, 379872)}})
	f, err := ParseFrame(s)
	require.NoError(t, err)
	require.NotNil(t, f.LBR)
	st := describe(f)
	assert.Equal(t, container.Stream{Profile: "DTS Express", SampleRate: 48000, Channels: 6, ChannelLayout: "5.1(side)",
		SampleFmt: "fltp", BitRate: 379872}, st)

	for _, tt := range []struct {
		name   string
		rate   uint8
		mask   uint16
		flags  uint8
		layout string
	}{
		{"stereo", 12, 0x2, 0x14, "stereo"},
		{"LFE dropped at 44.1k", 6, 0xf, 0x16, "5.0(side)"},
		{"embedded stereo downmix", 12, 0xf, 0x36, "stereo"},
		{"surround without fronts", 12, 0x4, 0x14, "2 channels (SL+SR)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompLBR,
				data: map[uint16][]byte{CompLBR: lbrFrame(tt.rate, tt.mask, tt.flags, 64000)}})
			f, err := ParseFrame(s)
			require.NoError(t, err)
			assert.Equal(t, tt.layout, describe(f).ChannelLayout)
		})
	}
	for _, tt := range []struct {
		name  string
		rate  uint8
		mask  uint16
		flags uint8
	}{
		{"96k", 13, 0xf, 0x14},
		{"no fronts", 12, 0x8, 0x14},
		{"band limit", 12, 0xf, 0x04},
		{"multichannel downmix", 12, 0xf, 0x54},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompLBR,
				data: map[uint16][]byte{CompLBR: lbrFrame(tt.rate, tt.mask, tt.flags, 64000)}})
			_, err := ParseFrame(s)
			assert.True(t, errors.Is(err, container.ErrUnsupported), "%v", err)
		})
	}
}

// TestSubstreamSizePastBuffer: an extension substream header that
// declares more bytes than the packet holds ("Packet too short for EXSS
// frame" in ff_dca_exss_parse) is refused; after a core the decoder then
// decodes the core alone.
func TestSubstreamSizePastBuffer(t *testing.T) {
	s := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompLBR,
		data: map[uint16][]byte{CompLBR: lbrFrame(12, 0xf, 0x16, 64000)}})
	cut := s[:len(s)-1]
	_, err := ParseExtensionSubstream(cut)
	require.Error(t, err)
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	_, err = ParseFrame(cut)
	assert.True(t, errors.Is(err, container.ErrUnsupported), "%v", err)

	// The size field itself claims the maximum.
	big := append([]byte(nil), s...)
	setBits(big, 51, 16, 0xFFFF)
	_, err = ParseExtensionSubstream(big)
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	f, err := ParseFrame(append(core51(t, 1024, -1), big...))
	require.NoError(t, err)
	assert.Nil(t, f.Substream)
	assert.Equal(t, "DTS", f.Profile())
	assert.Equal(t, int64(1411200), f.BitRate())
}

func TestParseExtensionSubstreamErrors(t *testing.T) {
	good := substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompLBR,
		data: map[uint16][]byte{CompLBR: lbrFrame(12, 0xf, 0x16, 64000)}})
	s, err := ParseExtensionSubstream(good)
	require.NoError(t, err)
	assert.Equal(t, 6, s.Asset.TotalNumChs)
	assert.Equal(t, 48000, s.Asset.MaxSampleRate)
	assert.Equal(t, 24, s.Asset.BitResolution)
	assert.Equal(t, uint32(0xf), s.Asset.SpkrActivityMask)

	two := append([]byte(nil), good...)
	setBits(two, 67+1+2+3+1+3, 3, 1) // two assets
	_, err = ParseExtensionSubstream(two)
	assert.True(t, errors.Is(err, container.ErrUnsupported), "%v", err)

	_, err = ParseExtensionSubstream(good[:8])
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	_, err = ParseExtensionSubstream(unhex(t, "7ffe8001fc3c"))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func TestSpeakerLayout(t *testing.T) {
	// 7.1 with the wide pair: the surround pair goes to the back, the wide
	// pair to the sides (dca2wav_wide).
	assert.Equal(t, "7.1", describeMask(spk7Point1Wid))
	assert.Equal(t, "7.1(wide-side)", describeMask(spk5Point0|SpkLFE1|SpkLc|SpkRc))
	assert.Equal(t, "6.1", describeMask(spk5Point0|SpkLFE1|SpkCs))
	assert.Equal(t, 3, countPairChannels(0x3))
	assert.Equal(t, 6, countPairChannels(0xf))
}

func describeMask(s Speaker) string {
	var st container.Stream
	f := Frame{CoreSpeakers: s}
	f.Describe(&st)
	return st.ChannelLayout
}
