package h263

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// The first bytes of raw .h263 streams made with ffmpeg 5.1 (testsrc);
// the expectations are what ffprobe 5.1 printed for each.
const (
	// -c:v h263 at 176x144: version 1 PTYPE, QCIF.
	qcif = "0000800208042620202021fffed480180ec060c3c4906201"
	// -c:v h263p at 320x240, 25 fps: PLUSPTYPE, custom format, PAR 1:1,
	// custom clock 1.8 MHz / 1000 / 72.
	custom = "000080021ce821001093e3c4802a00cc40404043fffe6202"
	// -aspect 16:9 and -aspect 3:2 at 320x240: EPAR 4:3 and 9:8.
	custom169 = "000080021ce821001793e3c04034802a00cc40404043fffe"
	custom32  = "000080021ce821001793e3c09084802a00cc40404043fffe"
	// -c:v h263p -umv 1 -aiv 1 -obmc 1 -structured_slices 1 at QCIF, 25
	// fps: PLUSPTYPE with a standard format and options.
	options = "000080021cad2500124084406620202021fffed480180ec0"
	// -c:v h263p at QCIF, 30000/1001: PLUSPTYPE, no custom clock.
	plusQCIF = "000080021ca02100104406620202021fffed480180ec060c"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

func filled(h *PictureHeader) *container.Stream {
	st := container.NewInfo("", "").AddStream(container.Video)
	h.Fill(st)
	return st
}

// setBits overwrites n bits of b at bit position pos with v.
func setBits(b []byte, pos, n int, v uint) []byte {
	b = append([]byte(nil), b...)
	for i := 0; i < n; i++ {
		p := pos + i
		if v>>(uint(n-1-i))&1 == 1 {
			b[p/8] |= 0x80 >> uint(p%8)
		} else {
			b[p/8] &^= 0x80 >> uint(p%8)
		}
	}
	return b
}

// Bit positions of the fields in the headers above.
const (
	posSourceFormat = 35
	posUFEP         = 38
	posPCF          = 44
	posPAR          = 69
	posPHI          = 83
	posCCC          = 92
)

func TestHeaders(t *testing.T) {
	tests := []struct {
		name          string
		hex           string
		width, height int
		sar           container.Rational
		rate          container.Rational
	}{
		{"qcif", qcif, 176, 144, container.Rational{Num: 12, Den: 11}, container.Rational{Num: 30000, Den: 1001}},
		{"custom", custom, 320, 240, container.Rational{Num: 1, Den: 1}, container.Rational{Num: 25, Den: 1}},
		{"custom 16:9", custom169, 320, 240, container.Rational{Num: 4, Den: 3}, container.Rational{Num: 25, Den: 1}},
		{"custom 3:2", custom32, 320, 240, container.Rational{Num: 9, Den: 8}, container.Rational{Num: 25, Den: 1}},
		{"options", options, 176, 144, container.Rational{Num: 12, Den: 11}, container.Rational{Num: 25, Den: 1}},
		{"plusptype qcif", plusQCIF, 176, 144, container.Rational{Num: 12, Den: 11}, container.Rational{Num: 30000, Den: 1001}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ParsePictureHeader(unhex(t, tt.hex))
			require.NoError(t, err)
			assert.True(t, h.Accepted())
			w, ht := h.Size()
			assert.Equal(t, tt.width, w)
			assert.Equal(t, tt.height, ht)
			assert.Equal(t, tt.sar, h.SampleAspectRatio())
			assert.Equal(t, tt.rate, h.FrameRate())
			st := filled(h)
			assert.Equal(t, tt.width, st.Width)
			assert.Equal(t, tt.height, st.Height)
			assert.Equal(t, tt.width, st.CodedWidth)
			assert.Equal(t, tt.height, st.CodedHeight)
			assert.Equal(t, "yuv420p", st.PixFmt)
			assert.Equal(t, tt.sar, st.SampleAspectRatio)
			assert.Equal(t, "center", st.ChromaLocation)
			assert.Equal(t, 0, st.HasBFrames)
			assert.Equal(t, container.LevelUnknown, st.Level)
			assert.Equal(t, "", st.Profile)
		})
	}
}

func TestFields(t *testing.T) {
	h, err := ParsePictureHeader(unhex(t, options))
	require.NoError(t, err)
	assert.Equal(t, uint8(FormatExtended), h.SourceFormat)
	assert.Equal(t, uint8(1), h.UFEP)
	assert.Equal(t, uint8(FormatQCIF), h.ExtendedSourceFormat)
	assert.True(t, h.CustomPCF)
	assert.True(t, h.UnrestrictedMotionVectorPlus)
	assert.True(t, h.AP)
	assert.True(t, h.SliceStructured)
	assert.True(t, h.AlternativeInterVLC)
	assert.False(t, h.AdvancedIntraCoding)
	assert.Equal(t, uint8(0), h.PictureTypeCode)
	assert.Equal(t, uint8(72), h.ClockDivisor)
	assert.Equal(t, uint8(4), h.PQUANT)

	h, err = ParsePictureHeader(unhex(t, custom169))
	require.NoError(t, err)
	assert.Equal(t, uint8(ExtendedPAR), h.PAR)
	assert.Equal(t, uint16(79), h.PWI)
	assert.Equal(t, uint16(60), h.PHI)
	assert.Equal(t, [2]uint8{4, 3}, [2]uint8{h.EPARWidth, h.EPARHeight})

	// Bytes before the start code are passed over.
	h, err = ParsePictureHeader(append([]byte{0xFF, 0x00, 0x12}, unhex(t, qcif)...))
	require.NoError(t, err)
	assert.Equal(t, 3, h.Offset)
	assert.Equal(t, uint8(FormatQCIF), h.SourceFormat)
}

// TestPARCodes: every PAR code of the custom format, as ffprobe 5.1
// printed the sample aspect ratio of custom with the code patched in
// every picture (0/0 where it printed none).
func TestPARCodes(t *testing.T) {
	want := [15]container.Rational{{}, {Num: 1, Den: 1}, {Num: 12, Den: 11}, {Num: 10, Den: 11}, {Num: 16, Den: 11}, {Num: 40, Den: 33}}
	for par, w := range want {
		h, err := ParsePictureHeader(setBits(unhex(t, custom), posPAR, 4, uint(par)))
		require.NoError(t, err)
		assert.Equal(t, w, filled(h).SampleAspectRatio, "PAR %d", par)
	}
}

// TestSourceFormats: the version 1 source formats, as ffprobe 5.1 printed
// qcif with the format patched.
func TestSourceFormats(t *testing.T) {
	for f, size := range map[uint][2]int{1: {128, 96}, 2: {176, 144}, 3: {352, 288}, 4: {704, 576}, 5: {1408, 1152}} {
		h, err := ParsePictureHeader(setBits(unhex(t, qcif), posSourceFormat, 3, f))
		require.NoError(t, err)
		st := filled(h)
		assert.Equal(t, size, [2]int{st.Width, st.Height}, "format %d", f)
		assert.Equal(t, container.Rational{Num: 12, Den: 11}, st.SampleAspectRatio)
	}
	h, err := ParsePictureHeader(setBits(unhex(t, qcif), posSourceFormat, 3, 0))
	require.Error(t, err)
	assert.True(t, errors.Is(err, container.ErrMalformed))
	assert.False(t, h.Accepted())
	assert.Equal(t, 0, filled(h).Width)
}

// TestClockConversionCode: a custom clock of 1.8 MHz / 1001 / 72; ffprobe
// 5.1 printed r_frame_rate 25000/1001.
func TestClockConversionCode(t *testing.T) {
	h, err := ParsePictureHeader(setBits(unhex(t, custom), posCCC, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, container.Rational{Num: 25000, Den: 1001}, h.FrameRate())
}

// TestPlusPTypeZeroCustomSize: a custom picture format with a picture
// height indication of 0. FFmpeg refuses the picture after it has set the
// sample aspect ratio; ffprobe 5.1 printed width 0, no pixel format and
// SAR 1:1 for a stream of such pictures.
func TestPlusPTypeZeroCustomSize(t *testing.T) {
	h, err := ParsePictureHeader(setBits(unhex(t, custom), posPHI, 9, 0))
	require.Error(t, err)
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	require.NotNil(t, h)
	assert.False(t, h.Accepted())
	w, ht := h.Size()
	assert.Equal(t, 320, w)
	assert.Equal(t, 0, ht)
	st := filled(h)
	assert.Equal(t, 0, st.Width)
	assert.Equal(t, 0, st.Height)
	assert.Equal(t, "", st.PixFmt)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
	assert.Equal(t, "center", st.ChromaLocation)
}

func TestRefused(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		kind error
	}{
		{"no start code", []byte{1, 2, 3, 4, 5, 6}, container.ErrMalformed},
		{"empty", nil, container.ErrMalformed},
		// ffprobe 5.1 printed no size and no aspect ratio for UFEP 2.
		{"ufep 2", setBits(unhex(t, custom), posUFEP, 3, 2), container.ErrMalformed},
		{"ufep 0 first", setBits(unhex(t, custom), posUFEP, 3, 0), container.ErrMalformed},
		{"marker", setBits(unhex(t, qcif), 30, 1, 0), container.ErrMalformed},
		{"h261 id", setBits(unhex(t, qcif), 31, 1, 1), container.ErrMalformed},
		{"sac", setBits(unhex(t, qcif), 40, 1, 1), container.ErrUnsupported},
		{"picture type 5", setBits(unhex(t, custom), 59, 3, 5), container.ErrMalformed},
		{"opptype format 7", setBits(unhex(t, custom), 41, 3, 7), container.ErrMalformed},
		{"clock divisor 0", setBits(unhex(t, custom), posCCC+1, 7, 0), container.ErrMalformed},
		{"cut", unhex(t, custom)[:8], container.ErrTruncated},
		{"psc only", []byte{0, 0, 0x80}, container.ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ParsePictureHeader(tt.b)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.kind), "%v", err)
			if h != nil {
				st := filled(h)
				if !h.Accepted() {
					assert.Equal(t, "", st.PixFmt)
				}
			}
		})
	}
	// UFEP 2 stops before the aspect ratio.
	h, _ := ParsePictureHeader(setBits(unhex(t, custom), posUFEP, 3, 2))
	assert.Equal(t, container.Rational{}, filled(h).SampleAspectRatio)
}

// TestReservedFormatSix: FFmpeg reads a version 1 source format of 6 as
// PLUSPTYPE.
func TestReservedFormatSix(t *testing.T) {
	h, err := ParsePictureHeader(setBits(unhex(t, custom), posSourceFormat, 3, FormatCustom))
	require.NoError(t, err)
	w, ht := h.Size()
	assert.Equal(t, [2]int{320, 240}, [2]int{w, ht})
}

func TestContainerAspectRatioWins(t *testing.T) {
	h, err := ParsePictureHeader(unhex(t, qcif))
	require.NoError(t, err)
	st := container.NewInfo("", "").AddStream(container.Video)
	st.SampleAspectRatio = container.Rational{Num: 1, Den: 1} // the pasp box ffmpeg writes in 3GP
	h.Fill(st)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
}
