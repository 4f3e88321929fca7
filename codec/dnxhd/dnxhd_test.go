package dnxhd

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// hdr is a frame header given by its non-zero bytes before the
// macroblock row offsets (0x170), as ffmpeg's dnxhd encoder wrote them,
// then mbh offsets growing by step; dataOffset is 0x280 or, for a DNxHR
// frame of more than 68 rows, the prefix's offset.
type hdr struct {
	bytes      map[int]byte
	mbh, step  int
	frameSize  int
	dataOffset int
}

func (h hdr) build() []byte {
	n := HeaderSize
	if h.dataOffset > n {
		n = h.dataOffset
	}
	b := make([]byte, n)
	for off, v := range h.bytes {
		b[off] = v
	}
	binary.BigEndian.PutUint16(b[0x16C:], uint16(h.mbh))
	for i := 0; i < h.mbh && 0x174+4*i <= n; i++ {
		binary.BigEndian.PutUint32(b[0x170+4*i:], uint32(i*h.step))
	}
	return b
}

// with returns a copy of h with some header bytes changed.
func (h hdr) with(kv ...int) hdr {
	c := h
	c.bytes = map[int]byte{}
	for k, v := range h.bytes {
		c.bytes[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		c.bytes[kv[i]] = byte(kv[i+1])
	}
	return c
}

// The headers of the first frames of files made with
//
//	ffmpeg -f lavfi -i testsrc=size=WxH:rate=25 -frames:v 2 -c:v dnxhd OPTIONS out.mov
//
// (common bytes: prefix 00 00 02 80 01|03, 5: interlace, 6-7: 80 a0,
// 0x18: ALPF, 0x1A: SPL, 0x1D-1E: the lines again, 0x21: SBD<<5|0x18,
// 0x22: 88, 0x28: CID, 0x2C: 4:4:4/colorimetry/ACT, 0x5F, 0x167-0x16F:
// counts).
var (
	common = map[int]byte{0x02: 0x02, 0x03: 0x80, 0x05: 0x01, 0x06: 0x80, 0x07: 0xa0, 0x22: 0x88, 0x2a: 0x04, 0x5f: 0x01, 0x167: 0x02, 0x16f: 0x10}
	// 1920x1080 -b:v 36M -pix_fmt yuv422p: CID 1253.
	dnxhd36 = hdr{bytes: merge(common, 0x04, 0x01, 0x18, 0x04, 0x19, 0x38, 0x1a, 0x07, 0x1b, 0x80, 0x1d, 0x04, 0x1e, 0x38,
		0x21, 0x38, 0x2b, 0xe5, 0x2c, 0x80, 0x16a, 0x01, 0x16b, 0x14), mbh: 68, step: 1865, frameSize: 188416}
	// 1920x1080 -b:v 185M -pix_fmt yuv422p10le: CID 1235.
	dnxhd185x = dnxhd36.with(0x21, 0x58, 0x2b, 0xd3).size(917504)
	// 1920x1080 -b:v 120M -pix_fmt yuv422p -flags +ildct: CID 1242,
	// two coding units of 540 lines.
	dnxhd120i = hdr{bytes: merge(common, 0x04, 0x01, 0x05, 0x02, 0x18, 0x02, 0x19, 0x1c, 0x1a, 0x07, 0x1b, 0x80, 0x1d, 0x02, 0x1e, 0x1c,
		0x21, 0x38, 0x22, 0x8c, 0x2b, 0xda, 0x16b, 0x8c), mbh: 34, step: 2409, frameSize: 606208}
	// 320x240 -profile:v dnxhr_hq -pix_fmt yuv422p: CID 1272.
	dnxhrHQ = hdr{bytes: merge(common, 0x04, 0x03, 0x19, 0xf0, 0x1a, 0x01, 0x1b, 0x40, 0x1e, 0xf0,
		0x21, 0x38, 0x2b, 0xf8, 0x2c, 0x80, 0x16b, 0x40), mbh: 15, step: 1246, frameSize: 32768}
	dnxhrLB  = dnxhrHQ.with(0x2b, 0xfa).size(8192).rows(500)                // -profile:v dnxhr_lb: CID 1274
	dnxhrSQ  = dnxhrHQ.with(0x2b, 0xf9).size(20480)                         // -profile:v dnxhr_sq: CID 1273
	dnxhrHQX = dnxhrHQ.with(0x21, 0x58, 0x2b, 0xf7)                         // -profile:v dnxhr_hqx -pix_fmt yuv422p10le: CID 1271
	dnxhr444 = dnxhrHQ.with(0x21, 0x58, 0x2b, 0xf6, 0x2c, 0xc1).size(65536) // -profile:v dnxhr_444 -pix_fmt yuv444p10le: CID 1270
	dnxhrGBR = dnxhr444.with(0x2c, 0xc0)                                    // -profile:v dnxhr_444 -pix_fmt gbrp10le
	// 3840x2160 -profile:v dnxhr_lb: 135 rows, macroblocks at 0x38C.
	dnxhrUHD = hdr{bytes: merge(common, 0x02, 0x03, 0x03, 0x8c, 0x04, 0x03, 0x18, 0x08, 0x19, 0x70, 0x1a, 0x0f, 0x1d, 0x08, 0x1e, 0x70,
		0x21, 0x38, 0x2b, 0xfa, 0x2c, 0x80, 0x16a, 0x02, 0x16b, 0x20), mbh: 135, step: 3032, frameSize: 749568, dataOffset: 0x38C}
)

func merge(m map[int]byte, kv ...int) map[int]byte {
	return hdr{bytes: m}.with(kv...).bytes
}

func (h hdr) size(n int) hdr { h.frameSize = n; return h }

func (h hdr) rows(step int) hdr { h.step = step; return h }

// TestDescribe compares Describe with ffprobe 5.1 on the files above and on
// copies of them whose frame headers were patched as each case says (the
// patched copies were probed too). The container is a MOV file of the
// same size whose ACLR box set color_range, which Describe leaves alone.
func TestDescribe(t *testing.T) {
	type want struct {
		profile, pix string
		bits, w, h   int
		sar          container.Rational
	}
	tests := []struct {
		name   string
		h      hdr
		cw, ch int // the container's size
		want   want
		err    error
	}{
		{"DNxHD 36", dnxhd36, 1920, 1080, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{}}, nil},
		{"DNxHD 185x", dnxhd185x, 1920, 1080, want{"DNXHD", "yuv422p10le", 10, 1920, 1080, container.Rational{}}, nil},
		{"DNxHD 1080i", dnxhd120i, 1920, 1080, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{}}, nil},
		{"DNxHR LB", dnxhrLB, 320, 240, want{"DNXHR LB", "yuv422p", 8, 320, 240, container.Rational{}}, nil},
		{"DNxHR SQ", dnxhrSQ, 320, 240, want{"DNXHR SQ", "yuv422p", 8, 320, 240, container.Rational{}}, nil},
		{"DNxHR HQ", dnxhrHQ, 320, 240, want{"DNXHR HQ", "yuv422p", 8, 320, 240, container.Rational{}}, nil},
		{"DNxHR HQX", dnxhrHQX, 320, 240, want{"DNXHR HQX", "yuv422p10le", 10, 320, 240, container.Rational{}}, nil},
		{"DNxHR 444 ACT", dnxhr444, 320, 240, want{"DNXHR 444", "yuv444p10le", 10, 320, 240, container.Rational{}}, nil},
		{"DNxHR 444 RGB", dnxhrGBR, 320, 240, want{"DNXHR 444", "gbrp10le", 10, 320, 240, container.Rational{}}, nil},
		{"DNxHR UHD, 135 rows", dnxhrUHD, 3840, 2160, want{"DNXHR LB", "yuv422p", 8, 3840, 2160, container.Rational{}}, nil},
		{"raw stream: no container size", dnxhd36, 0, 0, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{}}, nil},
		{"1440 of 1920 samples", dnxhd36.with(0x1a, 0x05, 0x1b, 0xa0), 0, 0, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{Num: 3, Den: 4}}, nil},
		{"HQX at 8 bits", dnxhrHQX.with(0x21, 0x38), 320, 240, want{"DNXHR HQX", "yuv422p", 8, 320, 240, container.Rational{}}, nil},
		{"HQX at 12 bits", dnxhrHQX.with(0x21, 0x78), 320, 240, want{"DNXHR HQX", "yuv422p12le", 12, 320, 240, container.Rational{}}, nil},
		{"HQX flagged 4:4:4", dnxhrHQX.with(0x2c, 0xc0), 320, 240, want{"DNXHR HQX", "gbrp10le", 10, 320, 240, container.Rational{}}, nil},
		{"444 at 12 bits", dnxhr444.with(0x21, 0x78), 320, 240, want{"DNXHR 444", "yuv444p12le", 12, 320, 240, container.Rational{}}, nil},
		{"444 prefix", dnxhd36.with(0x04, 0x02), 1920, 1080, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{}}, nil},
		{"alpha flag", dnxhrHQ.with(0x07, 0x01), 320, 240, want{"DNXHR HQ", "yuv422p", 8, 320, 240, container.Rational{}}, nil},
		{"480 lines of 15 rows", dnxhrHQ.with(0x18, 0x01, 0x19, 0xe0), 320, 240, want{"DNXHR HQ", "yuv422p", 8, 320, 480, container.Rational{}}, nil},
		{"bt2020 colorimetry reaches frames only", dnxhd36.with(0x2c, 0x82), 1920, 1080, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{}}, nil},
		{"16 of 68 rows", func() hdr { h := dnxhd36; h.mbh = 16; return h }(), 1920, 1080, want{"DNXHD", "yuv422p", 8, 1920, 1080, container.Rational{}}, nil},
		{"zero width", dnxhrHQ.with(0x1a, 0, 0x1b, 0), 320, 240, want{"DNXHR HQ", "yuv422p", 8, 0, 0, container.Rational{}}, container.ErrMalformed},
		{"unknown bit depth", dnxhd36.with(0x21, 0x18), 1920, 1080, want{"", "", 0, 1920, 1080, container.Rational{}}, container.ErrMalformed},
		{"HQ at 10 bits", dnxhrHQ.with(0x21, 0x58), 320, 240, want{"DNXHR HQ", "", 0, 320, 240, container.Rational{}}, container.ErrMalformed},
		{"1253 at 10 bits", dnxhd36.with(0x21, 0x58), 1920, 1080, want{"DNXHD", "", 0, 1920, 1080, container.Rational{}}, container.ErrMalformed},
		{"444 at 8 bits", dnxhr444.with(0x21, 0x38), 320, 240, want{"DNXHR 444", "", 0, 320, 240, container.Rational{}}, container.ErrUnsupported},
		{"69 rows without a DNxHR prefix", func() hdr { h := dnxhd36; h.mbh = 69; return h }(), 1920, 1080, want{"DNXHD", "", 8, 1920, 1080, container.Rational{}}, container.ErrMalformed},
		{"frame short of the coding unit", dnxhd36.size(188415), 1920, 1080, want{"DNXHD", "", 8, 1920, 1080, container.Rational{}}, container.ErrMalformed},
		{"row offset beyond the frame", dnxhrHQ.size(0x280 + 14*1246 - 1), 320, 240, want{"DNXHR HQ", "", 8, 320, 240, container.Rational{}}, container.ErrMalformed},
		{"unknown prefix", dnxhd36.with(0x04, 0x04), 1920, 1080, want{"", "", 0, 1920, 1080, container.Rational{}}, container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := container.Stream{Width: tt.cw, Height: tt.ch, ColorRange: "tv"}
			err := Describe(&st, tt.h.build(), tt.h.frameSize)
			if tt.err == nil {
				require.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.err)
			}
			assert.Equal(t, container.Stream{
				Profile: tt.want.profile, PixFmt: tt.want.pix, BitsPerRawSample: tt.want.bits,
				Width: tt.want.w, Height: tt.want.h, CodedWidth: align16(tt.want.w), CodedHeight: align16(tt.want.h),
				SampleAspectRatio: tt.want.sar, ColorRange: "tv", ColorSpace: "bt709",
			}, st)
		})
	}
}

// TestUnknownCompressionID: a header whose compression ID FFmpeg does not
// know is refused after the profile is set from it (dnxhd_get_profile
// calls every unknown ID "DNXHD"); ffprobe prints that profile, the
// decoder's bt709 and the container's size, and no pixel format or depth.
func TestUnknownCompressionID(t *testing.T) {
	for _, cid := range []uint32{0, 1236, 1239, 1275, 2457, 0xFFFFFFFF} {
		b := dnxhd36.build()
		binary.BigEndian.PutUint32(b[0x28:], cid)
		st := container.Stream{Width: 1920, Height: 1080}
		err := Describe(&st, b, dnxhd36.frameSize)
		assert.ErrorIs(t, err, container.ErrUnsupported, "cid %d", cid)
		assert.Equal(t, container.Stream{Width: 1920, Height: 1080, CodedWidth: 1920, CodedHeight: 1088,
			Profile: "DNXHD", ColorSpace: "bt709"}, st, "cid %d", cid)
	}
}

func TestContainerValuesWin(t *testing.T) {
	st := container.Stream{ColorSpace: "bt2020nc", SampleAspectRatio: container.Rational{Num: 1, Den: 1}}
	require.NoError(t, Describe(&st, dnxhd36.with(0x1a, 0x05, 0x1b, 0xa0).build(), dnxhd36.frameSize))
	assert.Equal(t, "bt2020nc", st.ColorSpace)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
}

func TestParseHeader(t *testing.T) {
	h, err := ParseHeader(dnxhd120i.build(), dnxhd120i.frameSize)
	require.NoError(t, err)
	assert.Equal(t, Header{HeaderPrefix: PrefixInitial, Interlaced: true, MBAFF: false, ALPF: 540, SPL: 1920,
		SBD: 1, CID: 1242, MBHeight: 34}, h)
	// The header of a large frame, of which only the header was read.
	h, err = ParseHeader(dnxhrUHD.build(), dnxhrUHD.frameSize)
	require.NoError(t, err)
	assert.Equal(t, uint16(135), h.MBHeight)
	// Not enough of it read for the 135 row offsets.
	_, err = ParseHeader(dnxhrUHD.build()[:HeaderSize], dnxhrUHD.frameSize)
	assert.ErrorIs(t, err, container.ErrTruncated)
	_, err = ParseHeader(dnxhd36.build()[:100], 0)
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseHeader(dnxhd36.build()[:100], 188416)
	assert.ErrorIs(t, err, container.ErrTruncated)
}

func TestProfile(t *testing.T) {
	for cid, want := range map[uint32]string{1235: "DNXHD", 1260: "DNXHD", 1270: "DNXHR 444", 1271: "DNXHR HQX",
		1272: "DNXHR HQ", 1273: "DNXHR SQ", 1274: "DNXHR LB", 7: "DNXHD"} {
		assert.Equal(t, want, Profile(cid), "cid %d", cid)
	}
}
