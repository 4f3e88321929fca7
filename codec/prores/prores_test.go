package prores

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// The first 28 bytes of the first frame of files made with
//
//	ffmpeg -f lavfi -i testsrc=size=320x240:rate=25 -frames:v 2 -c:v prores_ks -profile:v N [-pix_fmt P] out.mov
//
// (frame_size, 'icpf', then frame_header_size 0x94, version 0, "Lavc",
// 320x240, chroma/interlace byte, aspect/rate byte, primaries, transfer,
// matrix, alpha byte, reserved, matrix flags), with the sample's size.
// From rgb24 input prores_ks codes 4:4:4 even for the 4:2:2 profiles.
var (
	proxy444   = frame("000022fd69637066009400004c617663014000f0c000020202400003") // -profile:v 0
	hq4444     = frame("0000711d69637066009400004c617663014000f0c000020202400003") // -profile:v 4
	xq4444     = frame("000073cb69637066009400004c617663014000f0c000020202400003") // -profile:v 5
	std422     = frame("0000563369637066009400004c617663014000f08000020202400003") // -profile:v 2 -pix_fmt yuv422p10le
	hq709      = frame("000065ed69637066009400004c617663014000f08000010101400003") // -profile:v 3 -pix_fmt yuv422p10le -vf setparams=bt709 x3
	alpha4444  = frame("0000750669637066009400004c617663014000f0c000020202420003") // -profile:v 4 -pix_fmt yuva444p10le
	interlaced = frame("0000911d69637066009400004c617663014000f08400020202400003") // -profile:v 3 -pix_fmt yuv422p10le -flags +ildct -top 1
)

func frame(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// patch returns a copy of b with bytes at off (from the start of the frame
// header, after the 8 bytes of frame_size and 'icpf') replaced.
func patch(b []byte, off int, v ...byte) []byte {
	c := append([]byte(nil), b...)
	copy(c[8+off:], v)
	return c
}

func size(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }

// TestDescribe compares Describe with ffprobe 5.1 on the files above and on
// copies of them whose first frame header was patched as each case says
// (the patched files were probed too).
func TestDescribe(t *testing.T) {
	bt709 := container.Stream{ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}
	tests := []struct {
		name      string
		tag       string
		b         []byte
		frameSize int
		before    container.Stream // what the container set (the MOV colr box, for hq709)
		want      container.Stream
		err       error
		zeroSize  bool // ff_set_dimensions refused the frame's size and set 0x0
	}{
		{"proxy 4:4:4", "apco", proxy444, 0, container.Stream{}, container.Stream{Profile: "Proxy", PixFmt: "yuv444p10le", BitsPerRawSample: 10}, nil, false},
		{"4444", "ap4h", hq4444, 0, container.Stream{}, container.Stream{Profile: "4444", PixFmt: "yuv444p12le", BitsPerRawSample: 12}, nil, false},
		{"xq", "ap4x", xq4444, 0, container.Stream{}, container.Stream{Profile: "XQ", PixFmt: "yuv444p12le", BitsPerRawSample: 12}, nil, false},
		{"standard 4:2:2", "apcn", std422, 0, container.Stream{}, container.Stream{Profile: "Standard", PixFmt: "yuv422p10le", BitsPerRawSample: 10}, nil, false},
		{"hq bt709", "apch", hq709, 0, bt709, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, nil, false},
		{"frame's unspecified colours clear the container's", "apch", std422, 0, bt709,
			container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10}, nil, false},
		{"4444 with alpha", "ap4h", alpha4444, 0, container.Stream{}, container.Stream{Profile: "4444", PixFmt: "yuva444p12le", BitsPerRawSample: 12}, nil, false},
		{"4444 with alpha, 4:2:2", "ap4h", patch(alpha4444, 12, 0x80), 0, container.Stream{}, container.Stream{Profile: "4444", PixFmt: "yuva422p12le", BitsPerRawSample: 12}, nil, false},
		{"interlaced sets no field order", "apch", interlaced, 0, container.Stream{}, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10}, nil, false},
		{"interlace mode 3", "apch", patch(hq709, 12, 0x8c), 0, bt709, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, nil, false},
		{"chroma format 0 is 4:2:2", "apch", patch(hq709, 12, 0x00), 0, container.Stream{}, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, nil, false},
		{"reserved colours", "apch", patch(hq709, 14, 0, 0, 0), 0, bt709, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "reserved", ColorTransfer: "reserved", ColorSpace: "gbr"}, nil, false},
		{"bt2020", "apch", patch(hq709, 14, 9, 14, 9), 0, container.Stream{}, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt2020", ColorTransfer: "bt2020-10", ColorSpace: "bt2020nc"}, nil, false},
		{"unnamed colours", "apch", patch(hq709, 14, 13, 18, 17), 0, bt709, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorTransfer: "arib-std-b67"}, nil, false},
		{"bitstream version 1", "apch", patch(hq709, 2, 0, 1), 0, container.Stream{}, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, nil, false},
		{"bitstream version 2", "apch", patch(hq709, 2, 0, 2), 0, bt709, container.Stream{Profile: "HQ", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, container.ErrUnsupported, false},
		{"alpha mode 3", "ap4h", patch(alpha4444, 17, 0x43), 0, container.Stream{}, container.Stream{Profile: "4444", BitsPerRawSample: 12}, container.ErrMalformed, false},
		{"frame size replaces the container's", "apch", patch(hq709, 8, 0x01, 0x00), 0, container.Stream{}, container.Stream{
			Width: 256, Height: 240, CodedWidth: 256, CodedHeight: 240, Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, nil, false},
		{"zero width zeroes the size", "apch", patch(hq709, 8, 0, 0), 0, bt709, container.Stream{Profile: "HQ", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, container.ErrMalformed, true},
		{"16384x16384 is refused", "apch", patch(hq709, 8, 0x40, 0, 0x40, 0), 0, container.Stream{}, container.Stream{Profile: "HQ", BitsPerRawSample: 10}, container.ErrMalformed, true},
		{"no icpf", "apch", append([]byte{0, 0, 0x65, 0xed, 'i', 'c', 'p', 'g'}, hq709[8:]...), 0, bt709, container.Stream{Profile: "HQ", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, container.ErrMalformed, false},
		{"unknown tag decodes at 10 bits", "icod", alpha4444, 0, container.Stream{}, container.Stream{PixFmt: "yuva444p10le", BitsPerRawSample: 10}, nil, false},
		{"start of a large frame", "apch", hq709, size(hq709), container.Stream{}, container.Stream{Profile: "HQ", PixFmt: "yuv422p10le", BitsPerRawSample: 10,
			ColorPrimaries: "bt709", ColorTransfer: "bt709", ColorSpace: "bt709"}, nil, false},
		{"27-byte frame", "apch", hq709[:27], 27, container.Stream{}, container.Stream{Profile: "HQ", BitsPerRawSample: 10}, container.ErrMalformed, false},
		{"27 bytes of a large frame", "apch", hq709[:27], 100000, container.Stream{}, container.Stream{Profile: "HQ", BitsPerRawSample: 10}, container.ErrTruncated, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.before
			st.CodecTag = codec.Fourcc(tt.tag)
			st.Width, st.Height = 320, 240
			fs := tt.frameSize
			if fs == 0 {
				fs = size(tt.b) // the whole frame, of which tt.b is the start
			}
			err := Describe(&st, tt.b, fs)
			want := tt.want
			want.CodecTag = st.CodecTag
			if want.Width == 0 && !tt.zeroSize {
				want.Width, want.Height = 320, 240
				if tt.err == nil {
					want.CodedWidth, want.CodedHeight = 320, 240
				}
			}
			if tt.err == nil {
				require.NoError(t, err)
				want.ColorRange = "tv"
			} else {
				assert.ErrorIs(t, err, tt.err)
			}
			assert.Equal(t, want, st)
		})
	}
}

// TestHeaderSizeZero: a frame_header_size of 0 is not refused by FFmpeg,
// which reads the fields from their places and prints them (the frame then
// fails to decode); ffprobe shows the same stream as for the intact frame.
func TestHeaderSizeZero(t *testing.T) {
	h, err := ParseFrameHeader(patch(hq709, 0, 0, 0), size(hq709))
	require.NoError(t, err)
	assert.Equal(t, uint16(0), h.FrameHeaderSize)
	assert.Equal(t, uint16(320), h.HorizontalSize)
	var a, b container.Stream
	a.CodecTag, b.CodecTag = codec.Fourcc("apch"), codec.Fourcc("apch")
	require.NoError(t, Describe(&a, hq709, size(hq709)))
	require.NoError(t, Describe(&b, patch(hq709, 0, 0, 0), size(hq709)))
	assert.Equal(t, a, b)
}

// TestHeaderSizeBeyondFrame: a frame_header_size larger than the frame is
// refused before any field is set ("wrong header size"): ffprobe prints
// no pix_fmt and keeps the container's colour fields.
func TestHeaderSizeBeyondFrame(t *testing.T) {
	for _, hs := range [][]byte{{0xFF, 0xFF}, {0x00, 0x95}} {
		_, err := ParseFrameHeader(patch(hq709, 0, hs...), 0x94+8)
		assert.ErrorIs(t, err, container.ErrMalformed)
	}
	// Exactly the frame: accepted.
	_, err := ParseFrameHeader(hq709, 0x94+8)
	assert.NoError(t, err)
	st := container.Stream{CodecTag: codec.Fourcc("apch"), Width: 320, Height: 240, ColorSpace: "bt709"}
	assert.ErrorIs(t, Describe(&st, patch(hq709, 0, 0xFF, 0xFF), size(hq709)), container.ErrMalformed)
	assert.Equal(t, container.Stream{CodecTag: st.CodecTag, Width: 320, Height: 240, ColorSpace: "bt709", Profile: "HQ", BitsPerRawSample: 10}, st)
}

func TestParseFrameHeader(t *testing.T) {
	h, err := ParseFrameHeader(interlaced, size(interlaced))
	require.NoError(t, err)
	assert.Equal(t, FrameHeader{
		FrameSize: 0x911d, FrameHeaderSize: 0x94, EncoderIdentifier: [4]byte{'L', 'a', 'v', 'c'},
		HorizontalSize: 320, VerticalSize: 240, ChromaFormat: Chroma422, InterlaceMode: TopFieldFirst,
		ColorPrimaries: 2, TransferCharacteristic: 2, MatrixCoefficients: 2,
		LoadLumaQuantizationMatrix: true, LoadChromaQuantizationMatrix: true,
	}, h)
}

func TestProfile(t *testing.T) {
	for tag, want := range map[string]string{"apco": "Proxy", "apcs": "LT", "apcn": "Standard", "apch": "HQ", "ap4h": "4444", "ap4x": "XQ", "avc1": ""} {
		assert.Equal(t, want, Profile(codec.Fourcc(tag)), tag)
	}
	assert.Equal(t, 12, BitsPerRawSample(codec.Fourcc("ap4x")))
	assert.Equal(t, 10, BitsPerRawSample(0))
}
