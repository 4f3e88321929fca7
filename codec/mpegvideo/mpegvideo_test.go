package mpegvideo

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// The first bytes of streams made with ffmpeg 5.1 (testsrc, 320x240 at 25
// fps unless said otherwise); the expectations are what ffprobe 5.1
// printed for each file.
const (
	// -c:v mpeg1video m1.m1v: sequence header, GOP, I picture, slice.
	m1v = "000001b31400f013ffffe018000001b80008004000000100000ffff8000001012bf87d29488b94a5222e5f41be"
	// -c:v mpeg2video m2.m2v: sequence header and extension, GOP, I
	// picture and its coding extension (progressive frame), slice.
	m2v = "000001b31400f023ffffe018000001b5148a00010000000001b80008004000000100000ffff8000001b58ffff34180000001012bf87d29488b94a5222e5f41be"
	// -pix_fmt yuv422p: profile_and_level_indication 0x85.
	m2v422 = "000001b31400f023ffffe018000001b5185c00010000000001b80008004000000100000ffff8000001b58ffff34080000001012bf87d2948888b94a522222e5f"
	// -flags +ildct+ilme -top 1 and -top 0: interlaced sequence, first
	// frame interlaced, top or bottom field first.
	m2vTT = "000001b31400f023ffffe018000001b5148200010000000001b80008004000000100000ffff8000001b58ffff38000000001012b7c3e94a445a529488b4be837"
	m2vBB = "000001b31400f023ffffe018000001b5148200010000000001b80008004000000100000ffff8000001b58ffff30000000001012b7c3e94a445a529488b4be837"
	// -color_primaries bt709 -color_trc bt709 -colorspace bt709: a
	// sequence_display_extension with a colour description.
	m2vColour = "000001b31400f023ffffe018000001b5148a00010000000001b52b01010105020780000001b80008004000000100000ffff8000001b58ffff34180000001012b"
	// -aspect 16:9 at 320x240: aspect_ratio_information 3.
	m2v169 = "000001b31400f033ffffe018000001b5148a00010000000001b80008004000000100000ffff8000001b58ffff34180000001012bf87d29488b94a5222e5f41be"
	// mpeg1video -aspect 16:9: pel_aspect_ratio 4.
	m1v169 = "000001b31400f043ffffe018000001b80008004000000100000ffff8000001012bf87d29488b94a5222e5f41be7d7d06f3003001280888b7dc0010822050247d"
	// -b:v 2M -maxrate 4M -bufsize 2M: bit_rate_value 10000, vbv 123.
	m2vCBR = "000001b31400f02309c423d8000001b5148a00010000000001b80008004000000100000ffff8000001b58ffff34180000001012bf87d29488b94a5222e5f41be"
	// -r 30000/1001: frame_rate_code 4.
	m2vNTSC = "000001b31400f024ffffe018000001b5148a00010000000001b80008004000000100000ffff8000001b58ffff34180000001012bf87d29488b94a5222e5f41be"
	// The extradata (esds DecoderSpecificInfo) of an mp4 made with
	// -intra_matrix and -inter_matrix: both quantiser matrices and the
	// sequence extension, 150 bytes.
	m2vMatrixDSI = "000001b31400f023ffffe01a1012203022141624324014423426181a283644162434261846382a1c1e2c3a481a28364446382a1c4a3c2e3e101e2c3a484a3c2e201222303e1012403242141708091018110a0b1219200a211a130c0d141b220b121a130c231c150e0f161d240d141b22231c150e251e171f080f161d24251e17100911181f08092019210a0b000001b5148a00010000"
	// 720x576, -aspect 4:3 and -aspect 16:9: sequence header and
	// extension, up to the GOP header.
	pal43  = "000001b32d024023ffffe018000001b5148a00010000000001b800080040"
	pal169 = "000001b32d024033ffffe018000001b5148a00010000000001b800080040"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

func parse(t *testing.T, s string) *Headers {
	t.Helper()
	h, err := Parse(unhex(t, s))
	require.NoError(t, err)
	require.NotNil(t, h)
	return h
}

func filled(h *Headers) *container.Stream {
	st := container.NewInfo("", "").AddStream(container.Video)
	h.Fill(st)
	return st
}

func TestParseMPEG1(t *testing.T) {
	h := parse(t, m1v)
	assert.Equal(t, SequenceHeader{
		HorizontalSizeValue: 320, VerticalSizeValue: 240, AspectRatioInformation: 1, FrameRateCode: 3,
		BitRateValue: 0x3FFFF, MarkerBit: true, VBVBufferSizeValue: 3,
	}, h.Sequence)
	assert.Nil(t, h.SequenceExtension)
	require.NotNil(t, h.GroupOfPictures)
	assert.Equal(t, GroupOfPicturesHeader{TimeCode: 1 << 12, ClosedGOP: true, BrokenLink: false}, *h.GroupOfPictures)
	require.NotNil(t, h.Picture)
	assert.Equal(t, PictureHeader{PictureCodingType: IntraCoded, VBVDelay: 0xFFFF}, *h.Picture)

	st := filled(h)
	assert.Equal(t, "mpeg1video", st.CodecName)
	assert.Equal(t, "MPEG-1 video", st.CodecLongName)
	assert.Equal(t, "", st.Profile)
	assert.Equal(t, container.LevelUnknown, st.Level)
	assert.Equal(t, 320, st.Width)
	assert.Equal(t, 240, st.Height)
	assert.Equal(t, 0, st.CodedWidth)
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
	assert.Equal(t, 1, st.HasBFrames)
	assert.Equal(t, "tv", st.ColorRange)
	assert.Equal(t, "center", st.ChromaLocation)
	assert.Equal(t, "", st.FieldOrder)
	// The VBR value, as ffprobe prints it for ffmpeg's mpeg1video output.
	assert.Equal(t, int64(104857200), st.BitRate)
	assert.Empty(t, st.SideData)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, h.FrameRate())
}

func TestParseMPEG2(t *testing.T) {
	h := parse(t, m2v)
	require.NotNil(t, h.SequenceExtension)
	assert.Equal(t, SequenceExtension{
		ProfileAndLevelIndication: 0x48, ProgressiveSequence: true, ChromaFormat: 1, MarkerBit: true,
	}, *h.SequenceExtension)
	require.NotNil(t, h.PictureCodingExtension)
	assert.Equal(t, [2][2]uint8{{15, 15}, {15, 15}}, h.PictureCodingExtension.FCode)
	assert.Equal(t, uint8(3), h.PictureCodingExtension.PictureStructure)
	assert.True(t, h.PictureCodingExtension.ProgressiveFrame)
	assert.Equal(t, "mpeg2video Main@8 320x240 4:2:0", h.String())

	st := filled(h)
	assert.Equal(t, "mpeg2video", st.CodecName)
	assert.Equal(t, "Main", st.Profile)
	assert.Equal(t, 8, st.Level)
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
	assert.Equal(t, 1, st.HasBFrames)
	assert.Equal(t, "tv", st.ColorRange)
	assert.Equal(t, "", st.ColorSpace)
	assert.Equal(t, "left", st.ChromaLocation)
	assert.Equal(t, "progressive", st.FieldOrder)
	assert.Equal(t, int64(0), st.BitRate)
	assert.Equal(t, []container.SideData{container.CPBProperties{BufferSize: 49152, VBVDelay: ^uint64(0)}}, st.SideData)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, h.FrameRate())
}

func TestFillVariants(t *testing.T) {
	tests := []struct {
		name, hex string
		check     func(t *testing.T, h *Headers, st *container.Stream)
	}{
		{"422", m2v422, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, "4:2:2", st.Profile)
			assert.Equal(t, 5, st.Level)
			assert.Equal(t, "yuv422p", st.PixFmt)
			assert.Equal(t, "topleft", st.ChromaLocation)
		}},
		{"top field first", m2vTT, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, "tt", st.FieldOrder)
		}},
		{"bottom field first", m2vBB, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, "bb", st.FieldOrder)
		}},
		{"colour description", m2vColour, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, "bt709", st.ColorPrimaries)
			assert.Equal(t, "bt709", st.ColorTransfer)
			assert.Equal(t, "bt709", st.ColorSpace)
			assert.Equal(t, "tv", st.ColorRange)
			require.NotNil(t, h.SequenceDisplayExtension)
			assert.Equal(t, SequenceDisplayExtension{
				VideoFormat: 5, ColourDescription: true, ColourPrimaries: 1, TransferCharacteristics: 1,
				MatrixCoefficients: 1, DisplayHorizontalSize: 320, MarkerBit: true, DisplayVerticalSize: 240,
			}, *h.SequenceDisplayExtension)
		}},
		{"mpeg2 16:9", m2v169, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, container.Rational{Num: 4, Den: 3}, st.SampleAspectRatio)
		}},
		{"mpeg1 16:9", m1v169, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, container.Rational{Num: 239, Den: 182}, st.SampleAspectRatio)
		}},
		{"cbr", m2vCBR, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, []container.SideData{container.CPBProperties{
				MaxBitrate: 4000000, BufferSize: 2015232, VBVDelay: ^uint64(0)}}, st.SideData)
			assert.Equal(t, int64(0), st.BitRate)
		}},
		{"ntsc", m2vNTSC, func(t *testing.T, h *Headers, st *container.Stream) {
			assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, h.FrameRate())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := parse(t, tt.hex)
			tt.check(t, h, filled(h))
		})
	}
}

// TestMatrixDSI reads the 150-byte esds of an mp4 whose sequence header
// carries both quantiser matrices.
func TestMatrixDSI(t *testing.T) {
	h := parse(t, m2vMatrixDSI)
	assert.True(t, h.Sequence.LoadIntraQuantiserMatrix)
	assert.True(t, h.Sequence.LoadNonIntraQuantiserMatrix)
	// intra_quantiser_matrix[0] is 8; ffmpeg writes the matrix in zigzag
	// order.
	assert.Equal(t, uint8(8), h.Sequence.IntraQuantiserMatrix[0])
	assert.Equal(t, uint8(9), h.Sequence.IntraQuantiserMatrix[1])
	assert.Equal(t, uint8(8), h.Sequence.NonIntraQuantiserMatrix[0])
	require.NotNil(t, h.SequenceExtension)
	assert.Nil(t, h.Picture)
	st := filled(h)
	assert.Equal(t, "Main", st.Profile)
	assert.Equal(t, "progressive", st.FieldOrder) // a progressive sequence, no picture needed
}

// TestSequenceHeaderCutInQuantiserMatrix: a DecoderSpecificInfo cut in its
// intra quantiser matrix. FFmpeg reads the missing entries as zeros from
// its padding and keeps the size; so does Parse, and says the header was
// cut. The sequence extension is lost with the cut, so the stream reads
// as MPEG-1.
func TestSequenceHeaderCutInQuantiserMatrix(t *testing.T) {
	b := unhex(t, m2vMatrixDSI)[:40]
	h, err := Parse(b)
	require.Error(t, err)
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	require.NotNil(t, h)
	assert.Equal(t, 320, h.Width())
	assert.Equal(t, 240, h.Height())
	assert.True(t, h.Sequence.LoadIntraQuantiserMatrix)
	assert.Equal(t, uint8(8), h.Sequence.IntraQuantiserMatrix[0])
	assert.Equal(t, uint8(0), h.Sequence.IntraQuantiserMatrix[63])
	assert.Nil(t, h.SequenceExtension)
	st := filled(h)
	assert.Equal(t, "mpeg1video", st.CodecName)
	assert.Equal(t, 320, st.Width)
}

// TestSequenceExtensionChromaFormatZero: chroma_format 0 is reserved;
// FFmpeg warns "Chroma format invalid" and decodes 4:2:0 (ffprobe 5.1 on
// m2.m2v with the field patched to 0: yuv420p, left).
func TestSequenceExtensionChromaFormatZero(t *testing.T) {
	b := unhex(t, m2v)
	b[17] &^= 0x06 // chroma_format
	h, err := Parse(b)
	require.NoError(t, err)
	assert.Equal(t, uint8(0), h.SequenceExtension.ChromaFormat)
	assert.Equal(t, 1, h.ChromaFormat())
	st := filled(h)
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, "left", st.ChromaLocation)
}

// TestChromaFormats: chroma_format 1-3, checked with ffprobe 5.1 on
// m2.m2v patched.
func TestChromaFormats(t *testing.T) {
	for cf, want := range [][2]string{{"yuv420p", "left"}, {"yuv420p", "left"}, {"yuv422p", "topleft"}, {"yuv444p", "topleft"}} {
		b := unhex(t, m2v)
		b[17] = b[17]&^0x06 | byte(cf)<<1
		h, err := Parse(b)
		require.NoError(t, err)
		st := filled(h)
		assert.Equal(t, want[0], st.PixFmt, "chroma_format %d", cf)
		assert.Equal(t, want[1], st.ChromaLocation, "chroma_format %d", cf)
	}
}

// TestProfiles: every 3-bit profile, with and without the escape bit, as
// ffprobe 5.1 printed them for m2.m2v patched (level 8 throughout).
func TestProfiles(t *testing.T) {
	for p, want := range []string{"4:2:2", "High", "Spatially Scalable", "SNR Scalable", "Main", "Simple", "6", "7"} {
		for _, esc := range []byte{0, 8} {
			b := unhex(t, m2v)
			b[16] = b[16]&0xF0 | esc | byte(p)
			h, err := Parse(b)
			require.NoError(t, err)
			assert.Equal(t, want, h.Profile(), "profile %d escape %d", p, esc)
			assert.Equal(t, 8, h.Level())
		}
	}
}

// TestAspectRatios: every aspect code, in MPEG-1 (m1.m1v) and MPEG-2
// (m2.m2v) at 320x240, as ffprobe 5.1 printed the sample aspect ratio (0/0
// where it printed none).
func TestAspectRatios(t *testing.T) {
	mpeg1 := [16]container.Rational{{}, {Num: 1, Den: 1}, {Num: 49, Den: 33}, {Num: 64, Den: 45}, {Num: 239, Den: 182},
		{Num: 36, Den: 29}, {Num: 32, Den: 27}, {Num: 169, Den: 151}, {Num: 178, Den: 163}, {Num: 54, Den: 53},
		{Num: 196, Den: 201}, {Num: 187, Den: 200}, {Num: 200, Den: 219}, {Num: 127, Den: 147}, {Num: 134, Den: 161}, {}}
	mpeg2 := [16]container.Rational{{}, {Num: 1, Den: 1}, {Num: 1, Den: 1}, {Num: 4, Den: 3}, {Num: 663, Den: 400}}
	for code := 0; code < 16; code++ {
		for _, c := range []struct {
			hex  string
			want container.Rational
		}{{m1v, mpeg1[code]}, {m2v, mpeg2[code]}} {
			b := unhex(t, c.hex)
			b[7] = b[7]&0x0F | byte(code)<<4
			h, err := Parse(b)
			require.NoError(t, err)
			st := filled(h)
			assert.Equal(t, c.want, st.SampleAspectRatio, "%s code %d", h.CodecName(), code)
		}
	}
}

// TestPanScanAspectRatio: FFmpeg's guess with a sequence_display_extension
// (720x576 streams with a display extension inserted; ffprobe 5.1 printed
// these).
func TestPanScanAspectRatio(t *testing.T) {
	const (
		display540x576 = "000001b52a08721200"
		display720x432 = "000001b52a0b420d80"
		display0x576   = "000001b52a00021200" // a zero display width
	)
	insert := func(base, ext string) string { return base[:20*2] + ext + base[20*2:] }
	tests := []struct {
		name, hex string
		want      container.Rational
	}{
		{"4:3 alone", pal43, container.Rational{Num: 16, Den: 15}},
		{"16:9 alone", pal169, container.Rational{Num: 64, Den: 45}},
		// 4:3 over a 540-wide display is 16:9 over the frame: FFmpeg takes
		// the display size.
		{"4:3 display 540x576", insert(pal43, display540x576), container.Rational{Num: 64, Den: 45}},
		{"16:9 display 540x576", insert(pal169, display540x576), container.Rational{Num: 64, Den: 45}},
		{"16:9 display 720x432", insert(pal169, display720x432), container.Rational{Num: 16, Den: 15}},
		{"4:3 display 0x576", insert(pal43, display0x576), container.Rational{Num: 16, Den: 15}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := parse(t, tt.hex)
			assert.Equal(t, tt.want, h.SampleAspectRatio())
		})
	}
}

// TestFrameRates: every frame_rate_code, as ffprobe 5.1 printed
// r_frame_rate for m1.m1v and m2.m2v patched.
func TestFrameRates(t *testing.T) {
	want := []container.Rational{{Num: 24000, Den: 1001}, {Num: 24000, Den: 1001}, {Num: 24, Den: 1}, {Num: 25, Den: 1},
		{Num: 30000, Den: 1001}, {Num: 30, Den: 1}, {Num: 50, Den: 1}, {Num: 60000, Den: 1001}, {Num: 60, Den: 1},
		{Num: 15, Den: 1}, {Num: 5, Den: 1}, {Num: 10, Den: 1}, {Num: 12, Den: 1}, {Num: 15, Den: 1},
		{Num: 24000, Den: 1001}, {Num: 24000, Den: 1001}}
	for code, w := range want {
		for _, s := range []string{m1v, m2v} {
			b := unhex(t, s)
			b[7] = b[7]&0xF0 | byte(code)
			h, err := Parse(b)
			require.NoError(t, err)
			assert.Equal(t, w, h.FrameRate(), "%s code %d", h.CodecName(), code)
		}
	}
	// frame_rate_extension_n 1, _d 0 doubles the rate; the result is
	// reduced.
	h := parse(t, m2vNTSC)
	h.SequenceExtension.FrameRateExtensionN = 1
	assert.Equal(t, container.Rational{Num: 60000, Den: 1001}, h.FrameRate())
	h.SequenceExtension.FrameRateExtensionD = 1
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, h.FrameRate())
}

// TestProgressiveFrameInInterlacedSequence: an interlaced sequence whose
// first frame is progressive prints "progressive" (ffprobe 5.1 on tt.m2v
// with progressive_frame set).
func TestProgressiveFrameInInterlacedSequence(t *testing.T) {
	b := unhex(t, m2vTT)
	b[46] |= 0x80 // progressive_frame
	h, err := Parse(b)
	require.NoError(t, err)
	assert.Equal(t, "progressive", h.FieldOrder())
	// Without the picture the field order of an interlaced sequence is
	// not known.
	h.PictureCodingExtension = nil
	assert.Equal(t, "", h.FieldOrder())
}

func TestContainerAspectRatioWins(t *testing.T) {
	h := parse(t, m2v169)
	st := container.NewInfo("", "").AddStream(container.Video)
	st.SampleAspectRatio = container.Rational{Num: 1, Den: 1} // an MP4 pasp box
	h.Fill(st)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		kind error
	}{
		{"empty", nil, container.ErrMalformed},
		{"no start code", []byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, container.ErrMalformed},
		{"picture before sequence header", unhex(t, "00000100000ffff8"), container.ErrMalformed},
		{"prefix without a code", []byte{0, 0, 1}, container.ErrMalformed},
		// marker_bit 0: mpeg1_decode_sequence refuses the header.
		{"marker bit", func() []byte { b := unhex(t, m2v); b[10] &^= 0x20; return b }(), container.ErrMalformed},
		// No start code where the header ends: "sequence header damaged".
		{"damaged", unhex(t, "000001b31400f023ffffe018ffffff"), container.ErrMalformed},
		{"cut sequence header", unhex(t, "000001b31400f0"), container.ErrTruncated},
		{"cut sequence extension", unhex(t, "000001b31400f023ffffe018000001b5148a"), container.ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.b)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.kind), "%v", err)
		})
	}
}

// TestLaterSequenceHeader: a second sequence header before the first
// picture replaces the first, and without an extension after it the
// stream is MPEG-1 again, as FFmpeg's decoder re-reads it.
func TestLaterSequenceHeader(t *testing.T) {
	b := append(unhex(t, m2v[:48]), unhex(t, "000001b32d024013ffffe018")...)
	h := parse(t, hex.EncodeToString(b))
	assert.Equal(t, 720, h.Width())
	assert.False(t, h.MPEG2())
}

// TestSequenceExtensionFields: low_delay, bit_rate_extension and
// vbv_buffer_size_extension, patched into m2.m2v and cbr.m2v; ffprobe 5.1
// printed has_b_frames 0, and CPB properties with a max_bitrate of
// 108857600 and a buffer_size of 35569664.
func TestSequenceExtensionFields(t *testing.T) {
	b := unhex(t, m2v)
	b[21] |= 0x80 // low_delay
	h, err := Parse(b)
	require.NoError(t, err)
	assert.Equal(t, 0, filled(h).HasBFrames)

	b = unhex(t, m2vCBR)
	b[19] = 0x03 // bit_rate_extension 1 (its last bit), marker_bit
	b[20] = 0x02 // vbv_buffer_size_extension 2
	h, err = Parse(b)
	require.NoError(t, err)
	assert.Equal(t, uint16(1), h.SequenceExtension.BitRateExtension)
	assert.Equal(t, uint8(2), h.SequenceExtension.VBVBufferSizeExtension)
	assert.True(t, h.SequenceExtension.MarkerBit)
	assert.Equal(t, []container.SideData{container.CPBProperties{
		MaxBitrate: 108857600, BufferSize: 35569664, VBVDelay: ^uint64(0)}}, filled(h).SideData)
}
