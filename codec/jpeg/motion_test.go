package jpeg

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// lavcFrame is the start of a frame of ffmpeg's mjpeg encoder, segment by
// segment as in files made with
//
//	ffmpeg -f lavfi -i testsrc=size=320x240:rate=25 -frames:v 2 -c:v mjpeg [-pix_fmt P] out.avi (or .mov)
//
// JFIF 1:1, the encoder's comment, then extra segments, the quantisation
// and Huffman tables (their sizes as written, contents zeroed), the frame
// header of the given components, SOS and some entropy-coded bytes.
func lavcFrame(h uint16, comps [][2]byte, extra ...[]byte) []byte {
	segs := [][]byte{jfif11, seg(COM, []byte("Lavc59.37.100\x00"))}
	segs = append(segs, extra...)
	segs = append(segs, seg(0xDB, make([]byte, 65)), seg(0xC4, make([]byte, 207)), seg(SOF0, sofBody(8, 320, h, comps...)),
		seg(SOS, []byte{3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0}))
	b := image(segs...)
	return append(b[:len(b)-2], make([]byte, 4000)...)
}

var (
	lavc444 = [][2]byte{{1, 0x12}, {2, 0x12}, {3, 0x12}} // yuvj444p, as the encoder codes it
	lavc422 = [][2]byte{{1, 0x22}, {2, 0x12}, {3, 0x12}} // -pix_fmt yuvj422p
	lavc420 = [][2]byte{{1, 0x22}, {2, 0x11}, {3, 0x11}} // -pix_fmt yuvj420p, or yuv420p with the ITU601 comment
)

// TestDescribeFrame compares DescribeFrame with ffprobe 5.1 on AVI (MJPG)
// and MOV (jpeg, mjpa, AVDJ) files of such frames; for MOV, ffprobe's
// field_order "progressive" came from the fiel box (removing the box
// removed it) and its sample_aspect_ratio from pasp.
func TestDescribeFrame(t *testing.T) {
	mjpeg := func(pix, rng string, h int) container.Stream {
		return container.Stream{Profile: "Baseline", Width: 320, Height: h, CodedWidth: 320, CodedHeight: h,
			PixFmt: pix, ColorRange: rng, ColorSpace: "bt470bg", ChromaLocation: "center",
			SampleAspectRatio: container.Rational{Num: 1, Den: 1}, BitsPerRawSample: 8}
	}
	tests := []struct {
		name            string
		frame           []byte
		containerHeight int
		want            container.Stream
	}{
		{"4:4:4", lavcFrame(240, lavc444), 240, mjpeg("yuvj444p", "pc", 240)},
		{"4:2:2", lavcFrame(240, lavc422), 240, mjpeg("yuvj422p", "pc", 240)},
		{"4:2:0", lavcFrame(240, lavc420), 240, mjpeg("yuvj420p", "pc", 240)},
		{"ITU601 comment", lavcFrame(240, lavc420, seg(COM, []byte("CS=ITU601\x00"))), 240, mjpeg("yuv420p", "tv", 240)},
		// mjpa in MOV with the sample entry's height made 480 (and the
		// fiel box removed): the 240-line frame is a field.
		{"field of a 480-line frame", lavcFrame(240, lavc444), 480, mjpeg("yuvj444p", "pc", 480)},
		// 240 lines are not under 3/4 of 320: the frame's height wins.
		{"container height 320", lavcFrame(240, lavc444), 320, mjpeg("yuvj444p", "pc", 240)},
		{"container height 324", lavcFrame(240, lavc444), 324, mjpeg("yuvj444p", "pc", 480)},
		{"raw stream: no container height", lavcFrame(240, lavc444), 0, mjpeg("yuvj444p", "pc", 240)},
		{"junk before SOI", append([]byte{0, 0, 0, 0}, lavcFrame(240, lavc420)...), 240, mjpeg("yuvj420p", "pc", 240)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := container.Stream{Width: 320, Height: tt.containerHeight}
			require.NoError(t, DescribeFrame(&st, tt.frame, 0))
			assert.Equal(t, tt.want, st)
		})
	}
}

// TestDescribeFrameContainerAspect: ffprobe prints the container's sample
// aspect ratio (MOV pasp, av_guess_sample_aspect_ratio) over the JFIF one.
func TestDescribeFrameContainerAspect(t *testing.T) {
	st := container.Stream{Width: 320, Height: 240, SampleAspectRatio: container.Rational{Num: 4, Den: 3}}
	require.NoError(t, DescribeFrame(&st, lavcFrame(240, lavc420), 0))
	assert.Equal(t, container.Rational{Num: 4, Den: 3}, st.SampleAspectRatio)
}

// TestDescribeFrame65535DHT: a frame whose 65535 DHT segments of 2 bytes
// (no table) come before its frame header. ffprobe 5.1 read a raw .mjpeg
// stream of such frames as an ordinary one (Baseline, yuvj444p); the walk
// is linear and allocates nothing per segment.
func TestDescribeFrame65535DHT(t *testing.T) {
	dht := make([]byte, 0, 65535*4)
	for i := 0; i < 65535; i++ {
		dht = append(dht, 0xFF, 0xC4, 0x00, 0x02)
	}
	frame := lavcFrame(240, lavc444, dht)
	st := container.Stream{Width: 320, Height: 240}
	begin := time.Now()
	require.NoError(t, DescribeFrame(&st, frame, 0))
	assert.Less(t, time.Since(begin), hostile.HangBound)
	assert.Equal(t, "yuvj444p", st.PixFmt)
	assert.Equal(t, 240, st.Height)
	allocs := testing.AllocsPerRun(5, func() {
		st := container.Stream{Width: 320, Height: 240}
		_ = DescribeFrame(&st, frame, 0)
	})
	assert.Less(t, allocs, 10.0)
	// Cut inside the DHT run: no frame header, and an error that says so.
	st = container.Stream{Width: 320, Height: 240}
	assert.ErrorIs(t, DescribeFrame(&st, frame[:100000], 0), container.ErrMalformed)
	assert.Equal(t, "", st.PixFmt)
	assert.Equal(t, "bt470bg", st.ColorSpace)
}

func TestDescribeFrameRefused(t *testing.T) {
	tests := []struct {
		name      string
		frame     []byte
		frameSize int
		want      container.Stream // beyond the decoder defaults and the container's size
		err       error
	}{
		{"not JPEG", []byte("RIFF"), 0, container.Stream{}, container.ErrMalformed},
		{"segment beyond the frame", []byte{0xFF, SOI, 0xFF, APP0, 0xFF, 0xFF, 'J'}, 0, container.Stream{}, container.ErrTruncated},
		{"arithmetic coding", image(jfif11, seg(0xC9, sofBody(8, 320, 240, lavc420...))), 0,
			container.Stream{SampleAspectRatio: container.Rational{Num: 1, Den: 1}}, container.ErrMalformed},
		{"precision 0", image(seg(SOF0, sofBody(0, 320, 240, lavc420...))), 0, container.Stream{Profile: "Baseline"}, container.ErrMalformed},
		{"65535x65535", image(seg(SOF0, sofBody(8, 65535, 65535, lavc420...))), 1 << 30,
			container.Stream{Profile: "Baseline", BitsPerRawSample: 8}, container.ErrMalformed},
		// 4:4:4 coded as 1x2 blocks is decoded at 8 bits only: the size is
		// set, and then mjpegdec.c finds no pixel format.
		{"12-bit 1x2 sampling", image(seg(0xC1, sofBody(12, 320, 240, [2]byte{1, 0x12}, [2]byte{2, 0x12}, [2]byte{3, 0x11}))), 1 << 20,
			container.Stream{Profile: "Sequential", BitsPerRawSample: 12, CodedWidth: 320, CodedHeight: 240}, container.ErrMalformed},
		{"too large for its bytes", lavcFrame(240, lavc420), 100, container.Stream{Profile: "Baseline", BitsPerRawSample: 8,
			SampleAspectRatio: container.Rational{Num: 1, Den: 1}}, container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := container.Stream{Width: 320, Height: 240}
			err := DescribeFrame(&st, tt.frame, tt.frameSize)
			assert.ErrorIs(t, err, tt.err)
			want := tt.want
			want.Width, want.Height, want.ColorSpace, want.ChromaLocation = 320, 240, "bt470bg", "center"
			assert.Equal(t, want, st)
		})
	}
}
