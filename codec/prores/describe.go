package prores

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// The fourccs of the ProRes sample entries, in FFmpeg's little-endian
// order (codec.Fourcc), and the profile names ffprobe prints for them
// (libavcodec/profiles.c ff_prores_profiles).
var profiles = [...]struct {
	fourcc  string
	name    string
	depth   int // the bit depth decode_init decodes the fourcc at
	profile int // FF_PROFILE_PRORES_*
}{
	{"apco", "Proxy", 10, 0},
	{"apcs", "LT", 10, 1},
	{"apcn", "Standard", 10, 2},
	{"apch", "HQ", 10, 3},
	{"ap4h", "4444", 12, 4},
	{"ap4x", "XQ", 12, 5},
}

// Profile returns the profile name ffprobe prints for a ProRes stream with
// the given codec tag, as decode_init sets it from the fourcc alone: "Proxy"
// (apco), "LT" (apcs), "Standard" (apcn), "HQ" (apch), "4444" (ap4h), "XQ"
// (ap4x); "" for any other tag (FF_PROFILE_UNKNOWN, which ffprobe does not
// print).
func Profile(tag uint32) string {
	for _, p := range profiles {
		if codec.Fourcc(p.fourcc) == tag {
			return p.name
		}
	}
	return ""
}

// BitsPerRawSample returns the bit depth decode_init decodes a stream with
// the given codec tag at, which ffprobe prints as bits_per_raw_sample: 12
// for the 4444 fourccs (ap4h, ap4x), 10 for every other tag. The frame
// header does not change it.
func BitsPerRawSample(tag uint32) int {
	for _, p := range profiles {
		if codec.Fourcc(p.fourcc) == tag {
			return p.depth
		}
	}
	return 10
}

// PixFmt returns the pixel format decode_frame_header chooses for the frame
// at the given bit depth (BitsPerRawSample of the stream's tag): 4:4:4 when
// chroma_format is 3 and 4:2:2 otherwise, with an alpha plane when
// alpha_channel_type is not 0; "yuv422p10le", "yuva444p12le" and so on.
// FFmpeg's formats are native-endian; ffprobe on the little-endian machines
// it runs on prints the "le" names.
func (h FrameHeader) PixFmt(bitsPerRawSample int) string {
	s := "yuv"
	if h.AlphaChannelType != 0 {
		s = "yuva"
	}
	if h.ChromaFormat == Chroma444 {
		s += "444p"
	} else {
		s += "422p"
	}
	if bitsPerRawSample == 12 {
		return s + "12le"
	}
	return s + "10le"
}

// DescribeTag sets on st what decode_init sets from the stream's codec tag
// (st.CodecTag, the sample entry's fourcc) before any frame is decoded:
// Profile and BitsPerRawSample. ffprobe prints them even when no frame
// decodes.
func DescribeTag(st *container.Stream) {
	st.Profile = Profile(st.CodecTag)
	st.BitsPerRawSample = BitsPerRawSample(st.CodecTag)
}

// Describe sets on st (a video stream whose CodecTag, Width and Height the
// container has set) what ffprobe prints once FFmpeg's decoder has read
// the first frame, whose first bytes are b and whose length is frameSize
// (see ParseFrameHeader):
//
//   - Profile and BitsPerRawSample, from the codec tag (DescribeTag),
//     always;
//   - Width, Height, CodedWidth and CodedHeight: the frame's size. When it
//     differs from the container's, decode_frame_header calls
//     ff_set_dimensions, which sets 0x0 for a size av_image_check_size
//     refuses (a zero or huge dimension), and the frame is refused;
//   - PixFmt ([FrameHeader.PixFmt]), ColorPrimaries, ColorTransfer and
//     ColorSpace as the frame codes them ([codec.ColorPrimaries] ...: the
//     frame's values replace the container's, and a frame that says
//     "unspecified" clears them), and ColorRange "tv".
//
// It leaves FieldOrder and SampleAspectRatio to the container (see the
// package documentation). When ParseFrameHeader refuses the frame, only
// the fields from the tag are set and its error is returned: ffprobe then
// prints no pix_fmt and the container's colour fields.
func Describe(st *container.Stream, b []byte, frameSize int) error {
	DescribeTag(st)
	h, err := ParseFrameHeader(b, frameSize)
	if err != nil {
		return err
	}
	w, ht := int(h.HorizontalSize), int(h.VerticalSize)
	if w != st.Width || ht != st.Height {
		if !codec.ValidPictureSize(int64(w), int64(ht)) {
			st.Width, st.Height, st.CodedWidth, st.CodedHeight = 0, 0, 0, 0
			return errorf(16, container.ErrMalformed, "picture size %dx%d is invalid", w, ht)
		}
	}
	st.Width, st.Height, st.CodedWidth, st.CodedHeight = w, ht, w, ht
	st.PixFmt = h.PixFmt(st.BitsPerRawSample)
	st.ColorPrimaries = codec.ColorPrimaries(int(h.ColorPrimaries))
	st.ColorTransfer = codec.ColorTransfer(int(h.TransferCharacteristic))
	st.ColorSpace = codec.ColorSpace(int(h.MatrixCoefficients))
	st.ColorRange = "tv"
	return nil
}
