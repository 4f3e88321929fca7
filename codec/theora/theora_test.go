package theora

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func unhex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// Identification headers of files made with
//
//	ffmpeg -f lavfi -i testsrc=size=WxH:rate=R -frames:v 3 -c:v libtheora OPTIONS out.ogv
//
// 0x80 "theora", version 3.2.1, FMBW 20, FMBH 15, PICW, PICH, PICX, PICY,
// FRN, FRD, PARN, PARD, CS, NOMBR, then QUAL, KFGSHIFT 6, PF and 3 reserved
// bits in the last two bytes.
var (
	// 320x240 at 25: rgb24 input, so 4:4:4 (PF 3).
	hdr444 = unhex("807468656f72610302010014000f0001400000f00000000000190000000100000100000100030d4000d8")
	// 318x238 at 30000/1001 -pix_fmt yuv444p -aspect 16:9: PICY 2, PAR 1904:1431.
	hdrCrop = unhex("807468656f72610302010014000f00013e0000ee000200007530000003e900077000059700030d4000d8")
	// 320x240 -pix_fmt yuv422p -color_primaries bt470bg: CS 2, PF 2.
	hdr470BG = unhex("807468656f72610302010014000f0001400000f00000000000190000000100000100000102030d4000d0")
	// 320x240 -color_primaries bt470m: CS 1.
	hdr470M = unhex("807468656f72610302010014000f0001400000f00000000000190000000100000100000101030d4000d8")
)

func TestParseIdentification(t *testing.T) {
	id, err := ParseIdentification(hdrCrop)
	require.NoError(t, err)
	assert.Equal(t, Identification{VMAJ: 3, VMIN: 2, VREV: 1, FMBW: 20, FMBH: 15, PICW: 318, PICH: 238, PICY: 2,
		FRN: 30000, FRD: 1001, PARN: 1904, PARD: 1431, NOMBR: 0x030d40, KFGSHIFT: 6, PF: 3}, id)
	assert.Equal(t, uint32(0x030201), id.Version())
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, id.FrameRate())

	_, err = ParseIdentification(append([]byte{0x81}, hdr444[1:]...))
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseIdentification(nil)
	assert.ErrorIs(t, err, container.ErrMalformed)
}

// TestDescribe compares Describe with ffprobe 5.1 on the files above
// remuxed into Matroska (-c copy out.mkv), where the fields come from the
// decoder alone.
func TestDescribe(t *testing.T) {
	base := container.Stream{Width: 320, Height: 240, CodedWidth: 320, CodedHeight: 240,
		SampleAspectRatio: container.Rational{Num: 1, Den: 1}, ChromaLocation: "center"}
	with := func(f func(*container.Stream)) container.Stream { s := base; f(&s); return s }
	tests := []struct {
		name string
		b    []byte
		want container.Stream
	}{
		{"4:4:4", hdr444, with(func(s *container.Stream) { s.PixFmt = "yuv444p" })},
		{"picture region", hdrCrop, with(func(s *container.Stream) {
			s.Width, s.Height, s.PixFmt = 318, 238, "yuv444p"
			s.SampleAspectRatio = container.Rational{Num: 1904, Den: 1431}
		})},
		{"Rec. 470BG", hdr470BG, with(func(s *container.Stream) {
			s.PixFmt, s.ColorPrimaries, s.ColorSpace, s.ColorTransfer = "yuv422p", "bt470bg", "bt470bg", "bt709"
		})},
		{"Rec. 470M", hdr470M, with(func(s *container.Stream) {
			s.PixFmt, s.ColorPrimaries, s.ColorSpace, s.ColorTransfer = "yuv444p", "bt470m", "bt470bg", "bt709"
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := ParseIdentification(tt.b)
			require.NoError(t, err)
			st := container.Stream{Width: 320, Height: 240} // Matroska's PixelWidth, PixelHeight
			require.NoError(t, id.Describe(&st))
			assert.Equal(t, tt.want, st)
		})
	}
}

// TestHeaderCutInFrameSize: an identification header that ends inside
// FMBW reads as a frame of height 0 (the missing bits are zeros, as in
// FFmpeg's padded buffer), which theora_decode_header refuses; the decoder
// does not open and Describe sets nothing.
func TestHeaderCutInFrameSize(t *testing.T) {
	for n := 7; n < 14; n++ {
		id, err := ParseIdentification(hdr444[:n])
		assert.ErrorIs(t, err, container.ErrTruncated, "%d bytes", n)
		st := container.Stream{Width: 320, Height: 240}
		assert.ErrorIs(t, id.Describe(&st), container.ErrMalformed, "%d bytes", n)
		assert.Equal(t, container.Stream{Width: 320, Height: 240}, st, "%d bytes", n)
		// The demuxer's view: no length check, zeros past the end.
		h, err := ParseDemuxHeader(hdr444[:n])
		assert.ErrorIs(t, err, container.ErrTruncated)
		assert.Equal(t, 0, h.CodedHeight)
	}
	// A header cut after its picture region still opens: the rest reads
	// as zeros (PF 0: 4:2:0), as FFmpeg reads it.
	id, err := ParseIdentification(hdr444[:22])
	assert.ErrorIs(t, err, container.ErrTruncated)
	st := container.Stream{}
	require.NoError(t, id.Describe(&st))
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, 320, st.Width)
}

func TestCheck(t *testing.T) {
	mod := func(f func(*Identification)) Identification {
		id, err := ParseIdentification(hdr444)
		require.NoError(t, err)
		f(&id)
		return id
	}
	for name, id := range map[string]Identification{
		"reserved pixel format":       mod(func(id *Identification) { id.PF = 1 }),
		"picture wider than frame":    mod(func(id *Identification) { id.PICW = 321 }),
		"picture offset beyond frame": mod(func(id *Identification) { id.PICY = 1 }),
		"zero picture width":          mod(func(id *Identification) { id.PICW = 0 }),
		"negative frame rate":         mod(func(id *Identification) { id.FRN = 1 << 31 }),
		"frame too large":             mod(func(id *Identification) { id.FMBW, id.FMBH = 0xFFFF, 0xFFFF }),
	} {
		assert.ErrorIs(t, id.Check(), container.ErrMalformed, name)
	}
	// A zero frame rate term is not refused: the decoder sets none.
	id := mod(func(id *Identification) { id.FRD = 0 })
	assert.NoError(t, id.Check())
	assert.Equal(t, container.Rational{}, id.FrameRate())
}

// TestOldVersion: before Theora 3.2.0 the header has no picture region and
// no pixel format, and KFGSHIFT comes before CS; the decoder shows the
// whole frame as 4:2:0.
func TestOldVersion(t *testing.T) {
	b := unhex("807468656f7261" + "030100" + "0014000f" + "00000019" + "00000001" + "000001" + "000001" +
		"30" /* KFGSHIFT 6, then the top 3 bits of CS */ + "0800000000")
	id, err := ParseIdentification(b)
	require.NoError(t, err)
	assert.Equal(t, uint8(6), id.KFGSHIFT)
	assert.Equal(t, uint8(1), id.CS)
	st := container.Stream{}
	require.NoError(t, id.Describe(&st))
	assert.Equal(t, container.Stream{Width: 320, Height: 240, CodedWidth: 320, CodedHeight: 240, PixFmt: "yuv420p",
		SampleAspectRatio: container.Rational{Num: 1, Den: 1}, ChromaLocation: "center",
		ColorPrimaries: "bt470m", ColorSpace: "bt470bg", ColorTransfer: "bt709"}, st)
	// Version 0 reads as 1, an old version.
	b[7], b[8], b[9] = 0, 0, 0
	id, _ = ParseIdentification(b)
	assert.Equal(t, uint32(1), id.Version())
}

// TestParseDemuxHeader: what oggparsetheora.c takes from the header, which
// ffprobe prints for Ogg (checked against the ogv files above).
func TestParseDemuxHeader(t *testing.T) {
	h, err := ParseDemuxHeader(hdrCrop)
	require.NoError(t, err)
	assert.Equal(t, DemuxHeader{Version: 0x030201, Width: 318, Height: 238, CodedWidth: 320, CodedHeight: 240,
		TimeBase: container.Rational{Num: 1001, Den: 30000}, SampleAspectRatio: container.Rational{Num: 1904, Den: 1431},
		GranuleShift: 6, PixFmt: "yuv444p"}, h)
	// A picture more than 16 pixels smaller than the frame is ignored by
	// the demuxer (the decoder takes it).
	b := append([]byte(nil), hdr444...)
	b[16] = 0x20 // PICW 0x120 = 288
	h, err = ParseDemuxHeader(b)
	require.NoError(t, err)
	assert.Equal(t, 320, h.Width)
	// A zero frame rate term: "assuming 25 FPS".
	b = append([]byte(nil), hdr444...)
	copy(b[22:], []byte{0, 0, 0, 0})
	h, _ = ParseDemuxHeader(b)
	assert.Equal(t, container.Rational{Num: 1, Den: 25}, h.TimeBase)
}

func TestContainerAspectRatioWins(t *testing.T) {
	id, err := ParseIdentification(hdrCrop)
	require.NoError(t, err)
	st := container.Stream{SampleAspectRatio: container.Rational{Num: 4, Den: 3}}
	require.NoError(t, id.Describe(&st))
	assert.Equal(t, container.Rational{Num: 4, Den: 3}, st.SampleAspectRatio)
}
