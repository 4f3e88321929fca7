package picture

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// counting is a Source that counts the reads and bytes asked of it.
type counting struct {
	demuxkit.BytesSource
	reads, bytes int64
}

func (c *counting) ReadAt(p []byte, off int64) (int, error) {
	c.reads++
	c.bytes += int64(len(p))
	return c.BytesSource.ReadAt(p, off)
}

func seg(m byte, body []byte) []byte {
	b := []byte{0xFF, m, 0, 0}
	binary.BigEndian.PutUint16(b[2:], uint16(len(body)+2))
	return append(b, body...)
}

// jpegImage is SOI, JFIF 1:1, the given segments, a 4:2:0 baseline frame
// header of w x h, SOS and some entropy-coded bytes.
func jpegImage(w, h uint16, segs ...[]byte) []byte {
	b := []byte{0xFF, 0xD8}
	b = append(b, seg(0xE0, []byte{'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0})...)
	for _, s := range segs {
		b = append(b, s...)
	}
	b = append(b, seg(0xC0, []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 3,
		1, 0x22, 0, // Y: 2x2
		2, 0x11, 1, // Cb: 1x1
		3, 0x11, 1, // Cr: 1x1
	})...)
	b = append(b, seg(0xDA, []byte{1, 1, 0, 0, 63, 0})...)
	return append(b, make([]byte, 1000)...)
}

func pngImage(w, h uint32, colorType byte) []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, 0, 0, 0, 13, 'I', 'H', 'D', 'R')
	b = binary.BigEndian.AppendUint32(b, w)
	b = binary.BigEndian.AppendUint32(b, h)
	b = append(b, 8, colorType, 0, 0, 0, 0, 0, 0, 0) // depth, colour type, compression, filter, interlace, CRC
	b = append(b, 0, 0, 0, 9, 'p', 'H', 'Y', 's', 0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1, 0, 0, 0, 0)
	return append(b, 0, 0, 0, 0, 'I', 'D', 'A', 'T', 0, 0, 0, 0)
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		name, codec, mime string
		data              []byte
		want              container.Stream
	}{
		{"jpeg", "", "image/jpeg", jpegImage(600, 400), container.Stream{
			CodecName: "mjpeg", Profile: "Baseline", Width: 600, Height: 400, CodedWidth: 600, CodedHeight: 400,
			PixFmt: "yuvj420p", ColorRange: "pc", ColorSpace: "bt470bg", ChromaLocation: "center",
			SampleAspectRatio: container.Rational{Num: 1, Den: 1}, BitsPerRawSample: 8}},
		{"png with pHYs 2835:2835", "", "", pngImage(300, 200, 2), container.Stream{
			CodecName: "png", Width: 300, Height: 200, CodedWidth: 300, CodedHeight: 200,
			PixFmt: "rgb24", ColorRange: "pc", SampleAspectRatio: container.Rational{Num: 1, Den: 1}}},
		{"png labelled jpeg is png", "mjpeg", "image/jpeg", pngImage(2, 2, 6), container.Stream{
			CodecName: "png", Width: 2, Height: 2, CodedWidth: 2, CodedHeight: 2,
			PixFmt: "rgba", ColorRange: "pc", SampleAspectRatio: container.Rational{Num: 1, Den: 1}}},
		{"undecodable jpeg keeps the decoder defaults", "mjpeg", "image/jpeg", []byte("Hello World"), container.Stream{
			CodecName: "mjpeg", ColorSpace: "bt470bg", ChromaLocation: "center"}},
		{"unknown bytes take the mime type", "", "image/gif", []byte("not a gif"), container.Stream{CodecName: "gif"}},
		{"bmp", "", "", append([]byte("BM"), bmpHeader(64, -48, 24)...), container.Stream{
			CodecName: "bmp", Width: 64, Height: 48, CodedWidth: 64, CodedHeight: 48, PixFmt: "bgr24"}},
		{"gif", "", "", []byte("GIF89a\x40\x00\x30\x00\x00\x00\x00"), container.Stream{
			CodecName: "gif", Width: 64, Height: 48, CodedWidth: 64, CodedHeight: 48, PixFmt: "bgra"}},
		{"gif with an aspect byte", "", "", []byte("GIF89a\x40\x00\x30\x00\x00\x00\x11"), container.Stream{
			CodecName: "gif", Width: 64, Height: 48, CodedWidth: 64, CodedHeight: 48, PixFmt: "bgra",
			SampleAspectRatio: container.Rational{Num: 1, Den: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &container.Stream{CodecName: tt.codec}
			require.NoError(t, DescribeBytes(st, tt.data, tt.mime))
			want := tt.want
			want.Type, want.Level, want.Refs = container.Video, container.LevelUnknown, 1
			assert.Equal(t, want, *st)
		})
	}
}

// bmpHeader is the rest of a BMP file header and a BITMAPINFOHEADER.
func bmpHeader(w, h int32, depth uint16) []byte {
	b := make([]byte, 12)                              // file size, reserved, data offset
	b = binary.LittleEndian.AppendUint32(b, 40)        // info header size
	b = binary.LittleEndian.AppendUint32(b, uint32(w)) // width
	b = binary.LittleEndian.AppendUint32(b, uint32(h)) // height (negative: top-down)
	b = binary.LittleEndian.AppendUint16(b, 1)         // planes
	b = binary.LittleEndian.AppendUint16(b, depth)     // bit count
	return append(b, make([]byte, 24)...)
}

// TestDescribeSkipsEXIF: a 60 KB EXIF segment and a 60 KB ICC profile
// before the frame header are skipped by offset, not read.
func TestDescribeSkipsEXIF(t *testing.T) {
	exif := seg(0xE1, append([]byte("Exif\x00\x00"), make([]byte, 60000)...))
	icc := seg(0xE2, append([]byte("ICC_PROFILE\x00"), make([]byte, 60000)...))
	img := jpegImage(70, 70, exif, icc)
	src := &counting{BytesSource: demuxkit.BytesSource{B: append(make([]byte, 100), img...)}}
	st := &container.Stream{}
	require.NoError(t, Describe(st, src, 100, int64(len(img)), "image/jpeg"))
	assert.Equal(t, 70, st.Width)
	assert.Equal(t, "yuvj420p", st.PixFmt)
	assert.LessOrEqual(t, src.bytes, int64(headSize+100), "bytes read")
	assert.LessOrEqual(t, src.reads, int64(6), "reads")
}

// TestDescribeTruncatedImage: a picture that claims more bytes than the
// object holds is described from what is there, without error.
func TestDescribeTruncatedImage(t *testing.T) {
	img := jpegImage(10, 10)
	src := &demuxkit.BytesSource{B: img[:30]} // ends inside the frame header
	st := &container.Stream{}
	require.NoError(t, Describe(st, src, 0, 1<<40, "image/jpeg"))
	assert.Equal(t, "mjpeg", st.CodecName)
	assert.Equal(t, 0, st.Width)
}

// TestDescribeLimit: a read refused by the source's allocation limit is an
// error the caller sees.
func TestDescribeLimit(t *testing.T) {
	src := &demuxkit.BytesSource{B: jpegImage(10, 10), Limit: 16}
	err := Describe(&container.Stream{}, src, 0, int64(len(src.B)), "image/jpeg")
	assert.ErrorIs(t, err, container.ErrLimit)
}

func TestCodecForMIME(t *testing.T) {
	assert.Equal(t, "mjpeg", CodecForMIME("image/jpeg"))
	assert.Equal(t, "png", CodecForMIME("PNG"))
	assert.Equal(t, "", CodecForMIME("IMAGE/JPEG"), "FLAC compares MIME types exactly")
	assert.Equal(t, "", CodecForMIME("-->"))
}
