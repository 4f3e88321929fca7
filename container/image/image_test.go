package image

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

func testdata(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Skipf("testdata: %v", err)
	}
	return b
}

// jpegSegment is a marker segment with a payload of n bytes.
func jpegSegment(marker byte, payload []byte) []byte {
	return hostile.Cat([]byte{0xFF, marker}, hostile.BE16(uint16(len(payload)+2)), payload)
}

func TestProbeJPEG(t *testing.T) {
	soi := []byte{0xFF, 0xD8}
	app0 := jpegSegment(0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	sof := jpegSegment(0xC0, hostile.Zeros(15))
	sos := jpegSegment(0xDA, hostile.Zeros(10))
	eoi := []byte{0xFF, 0xD9}
	scan := []byte{1, 2, 3, 4, 5, 6}
	for _, tc := range []struct {
		name string
		b    []byte
		want int
	}{
		{"whole image", hostile.Cat(soi, app0, sof, sos, scan, eoi, hostile.Zeros(4)), 51},
		{"cut in the scan, JFIF", hostile.Cat(soi, app0, sof, sos, scan), 26},
		{"cut in the scan, no JFIF", hostile.Cat(soi, sof, sos, scan), 25},
		{"header only", hostile.Cat(soi, app0, hostile.Zeros(8)), 7},
		{"scan before frame", hostile.Cat(soi, sos, scan), 0},
		{"second SOI", hostile.Cat(soi, soi, sof), 0},
		{"JPEG-LS", []byte{0xFF, 0xD8, 0xFF, 0xF7, 0, 0}, 0},
		{"not JPEG", []byte("GIF89a.."), 0},
		{"short", []byte{0xFF}, 0},
	} {
		assert.Equal(t, tc.want, probeJPEG(tc.b), tc.name)
	}
}

func TestProbeName(t *testing.T) {
	for name, want := range map[string]int{
		"a/b/photo.JPG": 50, "x.png": 50, "x.webp": 50, "pic.gif": 5, "frame.raw": 5,
		"shots/{a,b}.jpg": 52, "movie.mp4": 0, "noext": 0, "": 0,
	} {
		assert.Equal(t, want, probeName(name), name)
	}
}

func TestProbes(t *testing.T) {
	bmp := hostile.Cat([]byte("BM"), hostile.LE32(100), hostile.LE32(0), hostile.LE32(54), hostile.LE32(40))
	assert.Equal(t, 51, probeBMP(bmp))
	reserved := append([]byte(nil), bmp...)
	reserved[6] = 1
	assert.Equal(t, 12, probeBMP(reserved))
	bad := append([]byte(nil), bmp...)
	bad[14] = 0 // info header size 0
	assert.Equal(t, 0, probeBMP(bad))
	assert.Equal(t, 99, probePNG([]byte("\x89PNG\r\n\x1a\n")))
	assert.Equal(t, 51, probeTIFF([]byte("II*\x00")))
	assert.Equal(t, 51, probeTIFF([]byte("MM\x00*")))
	assert.Equal(t, 99, probeWebP([]byte("RIFF\x10\x00\x00\x00WEBPVP8 ")))
	assert.Equal(t, 0, probeWebP([]byte("RIFF\x10\x00\x00\x00WAVEfmt ")))
}

func TestReadImage2(t *testing.T) {
	b := testdata(t, "image_large.jpg")
	info, err := Image2().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "mjpeg", st.CodecName)
	assert.Equal(t, 96, st.Width)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, int64(1), st.DurationTS)
	assert.Equal(t, container.Rational{Num: 1, Den: 25}, st.TimeBase)
}

func TestReadPipe(t *testing.T) {
	b := testdata(t, "image_rgba.png")
	info, err := PNGPipe().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "png", st.CodecName)
	assert.Equal(t, "rgba", st.PixFmt)
	assert.Equal(t, container.NoPTS, st.StartPTS, "a pipe has no start")
	assert.Equal(t, container.NoPTS, st.DurationTS, "a pipe has no duration")
}

func TestImage2Refuses(t *testing.T) {
	webp := []byte("RIFF\x10\x00\x00\x00WEBPVP8 \x04\x00\x00\x00....")
	_, err := Image2().Read(&demuxkit.BytesSource{B: webp}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrUnsupported)
	_, err = Image2().Read(&demuxkit.BytesSource{B: []byte("plain text")}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrUnsupported)
	_, err = Image2().Read(&demuxkit.BytesSource{B: nil}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrTruncated)
	_, err = WebPPipe().Read(&demuxkit.BytesSource{B: webp}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrUnsupported)
}

// TestHugeDimensions: a BMP claiming 2^31 pixels a side is described
// without allocating by its size.
func TestHugeDimensions(t *testing.T) {
	b := hostile.Cat([]byte("BM"), hostile.LE32(100), hostile.LE32(0), hostile.LE32(54),
		hostile.LE32(40), hostile.LE32(1<<31-1), hostile.LE32(1<<31-1), hostile.LE16(1), hostile.LE16(24), hostile.Zeros(24))
	info, err := BMPPipe().Read(&demuxkit.BytesSource{B: b, Limit: 4096}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, 0, info.Streams[0].Width, "a size the decoder refuses is not printed")
}

func FuzzRead(f *testing.F) {
	for _, n := range []string{"image_small.jpg", "image_large.jpg", "image_rgba.png", "image_bgr24.bmp"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", n)); err == nil {
			f.Add(b)
		}
	}
	demuxers := []container.Demuxer{Image2(), BMPPipe(), JPEGPipe(), PNGPipe(), TIFFPipe(), WebPPipe()}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range demuxers {
			if s := d.Probe(b); s < 0 || s > 100 {
				t.Fatalf("%s: score %d", d.Name, s)
			}
			begin := time.Now()
			info, err := d.Read(&demuxkit.BytesSource{B: b, Limit: 1 << 20}, 0, container.Options{})
			if el := time.Since(begin); el > hostile.HangBound {
				t.Fatalf("%s: took %v", d.Name, el)
			}
			if err != nil && !(errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
				errors.Is(err, container.ErrLimit) || errors.Is(err, container.ErrUnsupported)) {
				t.Fatalf("%s: error %v wraps no sentinel", d.Name, err)
			}
			if err == nil && len(info.Streams) != 1 {
				t.Fatalf("%s: %d streams", d.Name, len(info.Streams))
			}
		}
	})
}
