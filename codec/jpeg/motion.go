package jpeg

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"

	"github.com/mediaprobe/mediaprobe/container"
)

// DescribeFrame sets on st (a video stream whose Width and Height the
// container has set) what ffprobe prints for a motion JPEG stream once
// FFmpeg's MJPEG decoder has read the headers of the first frame, whose
// first bytes are frame and whose length is frameSize (0 means
// len(frame)). Motion JPEG has no configuration record: MOV's jpeg, mjpa
// and AVDJ sample entries, AVI's MJPG and Matroska's V_MJPEG carry frames
// only, each a JPEG image (mjpa: two fields, each one). What it sets:
//
//   - DecoderDefaults: ColorSpace "bt470bg", ChromaLocation "center";
//   - Profile ([Header.Profile]) for the coding types FFmpeg decodes, and
//     BitsPerRawSample, the frame's precision when it is 1 to 16;
//   - SampleAspectRatio from the JFIF density, unless the container set
//     one (ffprobe prefers the container's: MOV pasp, AVI vprp);
//   - for a frame header ff_mjpeg_decode_sof accepts: PixFmt and
//     ColorRange ([Header.PixFmt]: yuvj420p and pc for the usual frame),
//     and the size. A frame whose height is under three quarters of the
//     container's is one field of an interlaced frame (ff_mjpeg_decode_sof
//     "test interlaced mode", as mjpa and AVI1 streams code it), and the
//     decoder doubles the height: the stream's size is then twice the
//     field's. CodedWidth and CodedHeight are the size.
//
// It sets no FieldOrder: the decoder marks interlaced frames but sets no
// field order, which ffprobe takes from the container (MOV's fiel box).
// It returns an error wrapping container.ErrMalformed or ErrTruncated when
// the headers are broken before a usable frame header, or the frame's size
// is one av_image_check_size refuses or too large for the frame's bytes
// (four 8x8 blocks per byte at most), leaving the fields the decoder would
// not have set.
//
// Every marker segment before the frame header is walked, however many
// (65535 empty DHT segments cost nothing but the walk), as FFmpeg walks
// them; the entropy-coded data is never read.
func DescribeFrame(st *container.Stream, frame []byte, frameSize int) error {
	if frameSize <= 0 {
		frameSize = len(frame)
	}
	origHeight := st.Height // ff_mjpeg_decode_init's org_height, the coded height at open
	DecoderDefaults(st)
	// ff_mjpeg_receive_frame looks for markers wherever they are.
	if i := bytes.Index(frame, []byte{0xFF, SOI}); i > 0 {
		frame = frame[i:]
	}
	h, err := Segments(frame)
	if h == nil {
		return err
	}
	if sar := h.sar(); sar.Valid() && !st.SampleAspectRatio.Valid() {
		st.SampleAspectRatio = sar.Reduce(1<<31 - 1)
	}
	if h.Supported() {
		st.Profile = h.Profile()
		if h.Bits >= 1 && h.Bits <= 16 {
			st.BitsPerRawSample = h.Bits
		}
	}
	if !h.Valid() {
		if err == nil {
			err = demuxkit.Errorf("mjpeg", "frame header", 0, container.ErrMalformed, "no usable frame header")
		}
		return err
	}
	w, ht := h.Width, h.Height
	if !codec.ValidPictureSize(int64(w), int64(ht)) || int64((w+7)/8)*int64((ht+7)/8) > int64(frameSize)*4 {
		return demuxkit.Errorf("mjpeg", "frame header", 0, container.ErrMalformed, "picture size %dx%d in a %d-byte frame", w, ht, frameSize)
	}
	if origHeight != 0 && ht < origHeight*3/4 {
		ht *= 2
	}
	if !codec.ValidPictureSize(int64(w), int64(ht)) {
		st.Width, st.Height, st.CodedWidth, st.CodedHeight = 0, 0, 0, 0
		return demuxkit.Errorf("mjpeg", "frame header", 0, container.ErrMalformed, "picture size %dx%d is invalid", w, ht)
	}
	st.Width, st.Height, st.CodedWidth, st.CodedHeight = w, ht, w, ht
	st.PixFmt, st.ColorRange = h.PixFmt()
	if st.PixFmt == "" {
		// ff_mjpeg_decode_sof has set the size and then finds no pixel
		// format for these sampling factors at this precision.
		return demuxkit.Errorf("mjpeg", "frame header", 0, container.ErrMalformed, "no pixel format for %d-bit sampling %08x", h.Bits, h.samplingID())
	}
	return nil
}
