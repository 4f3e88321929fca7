package vc1

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// bw packs bits most significant first.
type bw struct {
	bits []byte // one bit per byte
}

func (w *bw) put(n int, v uint64) *bw {
	for i := n - 1; i >= 0; i-- {
		w.bits = append(w.bits, byte(v>>uint(i)&1))
	}
	return w
}

// bytes pads the bits with a 1 and zeros to a byte, as an encoder ends a
// header (the parser ignores the padding).
func (w *bw) bytes(stop bool) []byte {
	b := append([]byte(nil), w.bits...)
	if stop {
		b = append(b, 1)
	}
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	out := make([]byte, len(b)/8)
	for i, v := range b {
		out[i/8] |= v << (7 - uint(i%8))
	}
	return out
}

// structC builds a Simple or Main profile STRUCT_C, field by field
// (SMPTE 421M Annex J), with the values of the common case.
type structC struct {
	profile, maxB                               uint64
	y411, sprite, loop, fastTx, fastUVMC, extMV bool
	transTab                                    bool
	spriteW, spriteH                            uint64
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (c structC) build() []byte {
	w := &bw{}
	w.put(2, c.profile).put(1, b2u(c.y411)).put(1, b2u(c.sprite))   // PROFILE, RES_Y411, RES_SPRITE
	w.put(3, 7).put(5, 31)                                          // FRMRTQ_POSTPROC, BITRTQ_POSTPROC
	w.put(1, b2u(c.loop)).put(1, 0).put(1, 0).put(1, b2u(c.fastTx)) // LOOPFILTER, RES_X8, MULTIRES, RES_FASTTX
	w.put(1, b2u(c.fastUVMC)).put(1, b2u(c.extMV)).put(2, 0)        // FASTUVMC, EXTENDED_MV, DQUANT
	w.put(1, 1).put(1, b2u(c.transTab)).put(1, 0).put(1, 0)         // VSTRANSFORM, RES_TRANSTAB, OVERLAP, SYNCMARKER
	w.put(1, 0).put(3, c.maxB).put(2, 0).put(1, 0)                  // RANGERED, MAXBFRAMES, QUANTIZER, FINTERPFLAG
	if c.sprite {
		w.put(11, c.spriteW).put(11, c.spriteH).put(5, 0).put(1, 0).put(1, 0).put(3, 0)
	} else {
		w.put(1, 1) // RES_RTM_FLAG
	}
	return w.bytes(false)
}

// adv builds an Advanced profile sequence header (SMPTE 421M 6.1).
type adv struct {
	level, chroma, w, h      uint64
	pulldown, interlace, psf bool
	tfcntr                   bool
	disp                     bool
	dispW, dispH             uint64
	arFlag                   bool
	ar, arH, arV             uint64
	fr                       string // "", "nr" or "exp"
	frA, frB                 uint64
	color                    bool
	prim, trc, matrix        uint64
	hrd                      []uint64
}

func (a adv) build() []byte {
	w := &bw{}
	w.put(2, 3).put(3, a.level).put(2, a.chroma).put(3, 7).put(5, 31).put(1, 0) // PROFILE .. POSTPROCFLAG
	w.put(12, a.w/2-1).put(12, a.h/2-1)                                         // MAX_CODED_WIDTH, MAX_CODED_HEIGHT
	w.put(1, b2u(a.pulldown)).put(1, b2u(a.interlace)).put(1, b2u(a.tfcntr)).put(1, 0).put(1, 1).put(1, b2u(a.psf))
	w.put(1, b2u(a.disp))
	if a.disp {
		w.put(14, a.dispW-1).put(14, a.dispH-1).put(1, b2u(a.arFlag))
		if a.arFlag {
			w.put(4, a.ar)
			if a.ar == 15 {
				w.put(8, a.arH-1).put(8, a.arV-1)
			}
		}
		switch a.fr {
		case "nr":
			w.put(1, 1).put(1, 0).put(8, a.frA).put(4, a.frB)
		case "exp":
			w.put(1, 1).put(1, 1).put(16, a.frA)
		default:
			w.put(1, 0)
		}
		w.put(1, b2u(a.color))
		if a.color {
			w.put(8, a.prim).put(8, a.trc).put(8, a.matrix)
		}
	}
	w.put(1, b2u(len(a.hrd) > 0))
	if len(a.hrd) > 0 {
		w.put(5, uint64(len(a.hrd))).put(4, 0).put(4, 0)
		for _, r := range a.hrd {
			w.put(16, r).put(16, r)
		}
	}
	return w.bytes(true)
}

// entry builds an entry-point header (SMPTE 421M 6.2).
func entry(codedW, codedH uint64, extMV bool, hrd int) []byte {
	w := &bw{}
	w.put(1, 0).put(1, 1).put(1, 0).put(1, 0).put(1, 1).put(1, 0).put(1, b2u(extMV)) // BROKEN_LINK .. EXTENDED_MV
	w.put(2, 0).put(1, 1).put(1, 1).put(2, 0)                                        // DQUANT, VSTRANSFORM, OVERLAP, QUANTIZER
	w.put(8*hrd, 0)                                                                  // HRD_FULLNESS
	if codedW != 0 {
		w.put(1, 1).put(12, codedW/2-1).put(12, codedH/2-1)
	} else {
		w.put(1, 0)
	}
	if extMV {
		w.put(1, 0)
	}
	w.put(1, 0).put(1, 0) // RANGE_MAPY_FLAG, RANGE_MAPUV_FLAG
	return w.bytes(true)
}

// escape inserts emulation prevention bytes (SMPTE 421M Annex E).
func escape(b []byte) []byte {
	var out []byte
	zeros := 0
	for _, c := range b {
		if zeros >= 2 && c <= 3 {
			out = append(out, 3)
			zeros = 0
		}
		out = append(out, c)
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	return out
}

// wvc1 is WVC1 extradata: the sequence header and entry point after their
// start codes.
func wvc1(seq, ep []byte) []byte {
	b := append([]byte{0, 0, 1, StartCodeSequence}, escape(seq)...)
	return append(append(b, 0, 0, 1, StartCodeEntryPoint), escape(ep)...)
}

// TestBuilders pins the builders to bytes taken from files ffprobe read.
func TestBuilders(t *testing.T) {
	a := adv{level: 3, chroma: 1, w: 1920, h: 1080, disp: true, dispW: 1920, dispH: 1080, arFlag: true, ar: 1,
		fr: "nr", frA: 1, frB: 1, color: true, prim: 1, trc: 1, matrix: 1}
	assert.Equal(t, "0000010fdbfe3bf21b0a3bf886f18046020202800000010e486080", hex.EncodeToString(wvc1(a.build(), entry(0, 0, false, 0))))
	assert.Equal(t, "4ff98811", hex.EncodeToString(structC{profile: 1, maxB: 1, loop: true, fastTx: true, fastUVMC: true}.build()))
}

// TestDescribeWMV3 compares Describe with ffprobe 5.1 on RCV files (the
// vc1test demuxer) holding each STRUCT_C and a container size, remuxed to
// AVI and ASF too (-c copy), which gave the same fields.
func TestDescribeWMV3(t *testing.T) {
	main := structC{profile: 1, maxB: 1, loop: true, fastTx: true, fastUVMC: true}
	tests := []struct {
		name    string
		c       structC
		w, h    int
		profile string
		bframes int
	}{
		{"main with B-frames", main, 352, 288, "Main", 1},
		{"main", structC{profile: 1, fastTx: true, fastUVMC: true, loop: true}, 320, 240, "Main", 0},
		{"simple", structC{profile: 0, fastTx: true, fastUVMC: true}, 176, 144, "Simple", 0},
		{"complex", structC{profile: 2, maxB: 2, fastTx: true, fastUVMC: true, loop: true}, 176, 144, "Complex", 1},
		{"main without fast transform", structC{profile: 1, fastUVMC: true, loop: true}, 176, 144, "Main", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseWMV3(tt.c.build())
			require.NoError(t, err)
			st := container.Stream{Width: tt.w, Height: tt.h, Level: container.LevelUnknown}
			c.Describe(&st)
			assert.Equal(t, container.Stream{Width: tt.w, Height: tt.h, CodedWidth: tt.w, CodedHeight: tt.h,
				Level: container.LevelUnknown, Profile: tt.profile, PixFmt: "yuv420p", ChromaLocation: "left", HasBFrames: tt.bframes}, st)
		})
	}
}

// TestWMV3Refused: the sequence headers vc1_decode_init refuses, for which
// ffprobe 5.1 printed no stream ("Could not open codec"), each checked on
// an RCV file.
func TestWMV3Refused(t *testing.T) {
	for name, tt := range map[string]struct {
		b   []byte
		err error
	}{
		"old interlaced mode":       {structC{profile: 1, y411: true, fastUVMC: true}.build(), container.ErrUnsupported},
		"simple with extended MVs":  {structC{profile: 0, fastUVMC: true, extMV: true}.build(), container.ErrMalformed},
		"simple without fast UV MC": {structC{profile: 0}.build(), container.ErrMalformed},
		"reserved transform table":  {structC{profile: 1, fastUVMC: true, transTab: true}.build(), container.ErrMalformed},
		"advanced in four bytes":    {structC{profile: 3}.build(), container.ErrUnsupported},
		"empty":                     {nil, container.ErrMalformed},
		"sprite of 1024x0":          {structC{profile: 1, sprite: true, fastUVMC: true, spriteW: 1024}.build(), container.ErrMalformed},
	} {
		_, err := ParseWMV3(tt.b)
		assert.ErrorIs(t, err, tt.err, name)
	}
}

// TestSequenceHeaderZeroWidth: a sprite sequence header coding a width of
// 0 is refused by ff_set_dimensions ("Picture size 0x... is invalid"), so
// the decoder does not open; a valid sprite size becomes the stream's.
func TestSequenceHeaderZeroWidth(t *testing.T) {
	_, err := ParseWMV3(structC{profile: 1, sprite: true, fastUVMC: true, spriteW: 0, spriteH: 288}.build())
	assert.ErrorIs(t, err, container.ErrMalformed)
	c, err := ParseWMV3(structC{profile: 1, sprite: true, fastUVMC: true, spriteW: 352, spriteH: 288}.build())
	require.NoError(t, err)
	st := container.Stream{Width: 640, Height: 480}
	c.Describe(&st)
	assert.Equal(t, [4]int{352, 288, 352, 288}, [4]int{st.Width, st.Height, st.CodedWidth, st.CodedHeight})
}

// TestDescribeAdvanced compares Describe with ffprobe 5.1 on raw VC-1
// streams (the vc1 demuxer) of each sequence header and entry point and
// three frames; the ones remuxed to AVI and ASF (-c copy) gave the same
// fields but no field order.
func TestDescribeAdvanced(t *testing.T) {
	hd := adv{level: 3, chroma: 1, w: 1920, h: 1080}
	with := func(f func(*adv)) adv { a := hd; f(&a); return a }
	type want struct {
		level, w, h      int
		sar              container.Rational
		prim, trc, space string
		fr               container.Rational
	}
	tests := []struct {
		name   string
		seq    adv
		codedW uint64
		codedH uint64
		want   want
	}{
		{"display extension", with(func(a *adv) {
			a.disp, a.dispW, a.dispH, a.arFlag, a.ar, a.fr, a.frA, a.frB = true, 1920, 1080, true, 1, "nr", 1, 1
			a.color, a.prim, a.trc, a.matrix = true, 1, 1, 1
		}), 0, 0, want{3, 1920, 1080, container.Rational{Num: 1, Den: 1}, "bt709", "bt709", "bt709", container.Rational{Num: 24, Den: 1}}},
		{"plain", adv{level: 2, chroma: 1, w: 720, h: 576}, 0, 0, want{2, 720, 576, container.Rational{}, "", "", "", container.Rational{}}},
		{"colours 5 7 6, ratio from the display size", with(func(a *adv) {
			a.disp, a.dispW, a.dispH = true, 1920, 1080
			a.color, a.prim, a.trc, a.matrix = true, 5, 7, 6
		}), 0, 0, want{3, 1920, 1080, container.Rational{Num: 1, Den: 1}, "bt470bg", "smpte240m", "smpte170m", container.Rational{}}},
		{"unspecified colours", with(func(a *adv) {
			a.disp, a.dispW, a.dispH, a.arFlag, a.ar = true, 1920, 1080, true, 2
			a.color, a.prim, a.trc, a.matrix = true, 2, 2, 2
		}), 0, 0, want{3, 1920, 1080, container.Rational{Num: 12, Den: 11}, "", "", "", container.Rational{}}},
		{"colours 6 4 7, 1440 of 1920", with(func(a *adv) {
			a.disp, a.dispW, a.dispH = true, 1440, 1080
			a.color, a.prim, a.trc, a.matrix = true, 6, 4, 7
		}), 0, 0, want{3, 1920, 1080, container.Rational{Num: 3, Den: 4}, "smpte170m", "", "smpte240m", container.Rational{}}},
		{"explicit ratio", adv{level: 3, chroma: 1, w: 720, h: 480, disp: true, dispW: 720, dispH: 480, arFlag: true, ar: 15, arH: 10, arV: 11},
			0, 0, want{3, 720, 480, container.Rational{Num: 10, Den: 11}, "", "", "", container.Rational{}}},
		{"ratio 0 from the display size", adv{level: 3, chroma: 1, w: 720, h: 480, disp: true, dispW: 640, dispH: 480, arFlag: true, ar: 0},
			0, 0, want{3, 720, 480, container.Rational{Num: 8, Den: 9}, "", "", "", container.Rational{}}},
		{"entry point size", adv{level: 3, chroma: 1, w: 1920, h: 1088}, 1280, 720, want{3, 1280, 720, container.Rational{}, "", "", "", container.Rational{}}},
		{"frame rate exponent", with(func(a *adv) { a.disp, a.dispW, a.dispH, a.fr, a.frA = true, 1920, 1080, "exp", 959 }),
			0, 0, want{3, 1920, 1080, container.Rational{Num: 1, Den: 1}, "", "", "", container.Rational{Num: 30, Den: 1}}},
		{"HRD buckets", with(func(a *adv) { a.hrd = []uint64{100, 200} }), 0, 0, want{3, 1920, 1080, container.Rational{}, "", "", "", container.Rational{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hrd := len(tt.seq.hrd)
			c, err := ParseWVC1(wvc1(tt.seq.build(), entry(tt.codedW, tt.codedH, false, hrd)))
			require.NoError(t, err)
			st := container.Stream{Level: container.LevelUnknown}
			c.Describe(&st)
			assert.Equal(t, container.Stream{Width: tt.want.w, Height: tt.want.h, CodedWidth: tt.want.w, CodedHeight: tt.want.h,
				Level: tt.want.level, Profile: "Advanced", PixFmt: "yuv420p", ChromaLocation: "left", HasBFrames: 1,
				SampleAspectRatio: tt.want.sar, ColorPrimaries: tt.want.prim, ColorTransfer: tt.want.trc, ColorSpace: tt.want.space}, st)
			assert.Equal(t, tt.want.fr, c.Sequence.FrameRate())
			assert.Equal(t, "progressive", c.Sequence.ParserFieldOrder([]byte{0x10, 0x55}))
		})
	}
}

// TestParserFieldOrder: with PULLDOWN and INTERLACE the parser takes the
// field order from the first frame's TFF (ffprobe printed "bb" for a raw
// stream whose first frame header starts 0x10: FCM 0, PTYPE P, TFF 0).
func TestParserFieldOrder(t *testing.T) {
	s := SequenceHeader{Profile: ProfileAdvanced, PullDown: true, Interlace: true}
	assert.Equal(t, "bb", s.ParserFieldOrder([]byte{0x10, 0x55}))
	assert.Equal(t, "tt", s.ParserFieldOrder([]byte{0x20}))        // FCM 0, PTYPE P, TFF 1
	assert.Equal(t, "tt", s.ParserFieldOrder([]byte{0xC0 | 0x04})) // FCM 11 (fields), FPTYPE 000, TFF 1
	assert.Equal(t, "bb", s.ParserFieldOrder(nil))
	s.TFCntrFlag = true
	assert.Equal(t, "tt", s.ParserFieldOrder([]byte{0x00, 0x20})) // FCM 0, PTYPE P, TFCNTR 0, TFF 1
	assert.Equal(t, "", SequenceHeader{Profile: ProfileMain}.ParserFieldOrder(nil))
}

// TestAdvancedRefused: the headers vc1_decode_init refuses (ffprobe 5.1
// printed no stream for the 4:2:2 one).
func TestAdvancedRefused(t *testing.T) {
	ep := entry(0, 0, false, 0)
	_, err := ParseWVC1(wvc1(adv{level: 3, chroma: 2, w: 1920, h: 1080}.build(), ep))
	assert.ErrorIs(t, err, container.ErrUnsupported)
	_, err = ParseWVC1(wvc1(adv{level: 3, chroma: 1, w: 1920, h: 1080, psf: true}.build(), ep))
	assert.ErrorIs(t, err, container.ErrUnsupported)
	seq := adv{level: 3, chroma: 1, w: 1920, h: 1080}.build()
	_, err = ParseWVC1(append([]byte{0, 0, 1, StartCodeSequence}, seq...)) // no entry point
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseWVC1(wvc1(seq, ep)[:15])
	assert.ErrorIs(t, err, container.ErrMalformed)
}

// TestWVC1Framing: ASF's extradata starts with a size byte before the
// first start code, and headers whose bits hold two zero bytes carry
// emulation prevention bytes; both parse as the bare headers do.
func TestWVC1Framing(t *testing.T) {
	// MAX_CODED_WIDTH 1 and DISP sizes of 1 put zero bytes in the header.
	a := adv{level: 0, chroma: 1, w: 4, h: 4, disp: true, dispW: 1, dispH: 1, color: true, prim: 0, trc: 0, matrix: 1}
	seq, ep := a.build(), entry(0, 0, true, 0)
	ext := wvc1(seq, ep)
	require.NotEqual(t, len(seq)+len(ep)+8, len(ext), "the header needs escaping")
	c, err := ParseWVC1(append([]byte{byte(len(ext))}, ext...))
	require.NoError(t, err)
	assert.Equal(t, uint16(0), c.Sequence.DispHorizSize)
	assert.Equal(t, uint8(1), c.Sequence.MatrixCoef)
	assert.True(t, c.EntryPoint.ExtendedMV)
	// Advanced extradata in a wmv3 stream: PROFILE 3 in STRUCT_C's place.
	c, err = ParseWMV3(seq)
	require.NoError(t, err)
	assert.Equal(t, uint8(ProfileAdvanced), c.Sequence.Profile)
	assert.Nil(t, c.EntryPoint)
}

func TestUnescape(t *testing.T) {
	for _, tt := range []struct{ in, out string }{
		{"000003", "000003"},         // under 4 bytes: copied
		{"00000301", "000001"},       // 03 before a byte below 4: dropped
		{"00000304", "00000304"},     // 03 before 4: kept
		{"0000000003", "0000000003"}, // 03 last: kept
		{"0000030000030102", "0000000001" + "02"},
	} {
		in, _ := hex.DecodeString(tt.in)
		assert.Equal(t, tt.out, hex.EncodeToString(unescape(nil, in)), tt.in)
	}
}
