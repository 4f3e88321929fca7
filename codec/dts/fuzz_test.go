package dts

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

func isSentinel(err error) bool {
	return errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, container.ErrUnsupported) || errors.Is(err, container.ErrLimit)
}

// seeds are packets of each kind the decoder knows.
func seeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, tt := range coreTests {
		out = append(out, unhex(f, tt.hdr))
	}
	be := unhex(f, coreTests[0].hdr)
	out = append(out, toLE(be), to14(be, false), to14(be, true))
	base := chset{mask: uint16(SpkC | SpkL | SpkR | SpkLs | SpkRs | SpkLFE1), primary: true, bits: 24, freqCode: 12}
	back := chset{mask: uint16(SpkLsr | SpkRsr), bits: 24, freqCode: 12}
	out = append(out,
		substream(asset{static: true, channels: 8, spkrMask: 0x4f, components: CompXLL,
			data: map[uint16][]byte{CompXLL: xllFrame(base, back)}}),
		substream(asset{static: true, channels: 6, spkrMask: 0xf, components: CompLBR,
			data: map[uint16][]byte{CompLBR: lbrFrame(12, 0x000f, 0x17, 379872)}}),
		substream(asset{components: CompCoreCore | CompXXCH, data: map[uint16][]byte{
			CompXXCH: xxchFrame(SpkC|SpkL|SpkR|SpkLs|SpkRs|SpkLFE1, SpkLsr|SpkRsr)}}),
	)
	return out
}

func FuzzParseCoreHeader(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseCoreHeader(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if h.FrameSize() < 96 || h.SampleRate() == 0 || h.BitRate() < 0 || h.Samples()%256 != 0 {
			t.Fatalf("accepted %+v", h)
		}
	})
}

func FuzzParseExtensionSubstream(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseExtensionSubstream(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if s.ExtSSFsize > len(b) || s.Asset.Offset+s.Asset.AssetFsize > s.ExtSSFsize {
			t.Fatalf("accepted %+v in %d bytes", s, len(b))
		}
		for _, c := range []uint16{CompCore, CompXBR, CompXXCH, CompX96, CompLBR, CompXLL} {
			if off, size, ok := s.Asset.component(c); ok && off+size > s.ExtSSFsize {
				t.Fatalf("component %#x at %d+%d past %d", c, off, size, s.ExtSSFsize)
			}
		}
	})
}

func FuzzParseFrame(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
		f.Add(append(append([]byte(nil), s...), s...))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fr, err := ParseFrame(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		var st container.Stream
		fr.Describe(&st)
		if st.Profile == "" || st.SampleRate <= 0 || st.SampleRate > 384000 || st.BitRate < 0 ||
			st.Channels < 0 || st.Channels > 24 || codec.LayoutChannels(fr.Layout()) != st.Channels {
			t.Fatalf("described %+v", st)
		}
		if st.SampleFmt != "fltp" && st.SampleFmt != "s16p" && st.SampleFmt != "s32p" {
			t.Fatalf("sample format %q", st.SampleFmt)
		}
	})
}
