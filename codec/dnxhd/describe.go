package dnxhd

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// Describe sets on st (a video stream whose Width and Height the container
// has set) what ffprobe prints once FFmpeg's decoder has read the first
// frame, whose first bytes are b and whose length is frameSize (see
// ParseHeader). As far as the decoder gets through the header:
//
//   - ColorSpace "bt709" when the container set none (dnxhd_decode_init),
//     always;
//   - Profile ([Profile] of the compression ID), once the prefix and bit
//     depth are known, even for an unknown compression ID;
//   - BitsPerRawSample, and SampleAspectRatio for a subsampled raster
//     unless the container set one (ffprobe prefers the container's),
//     once the compression ID and bit depth are accepted;
//   - PixFmt, Width and Height for a header accepted whole: the width of
//     the compression ID's raster, the height of both fields of an
//     interlaced frame; ff_set_dimensions sets 0x0 for a size
//     av_image_check_size refuses, after the pixel format is set;
//   - CodedWidth and CodedHeight: Width and Height rounded up to 16, as
//     dnxhd_decode_init sets them in the decoder ffprobe opens, always.
//
// It returns ParseHeader's error, or an ErrMalformed one for a refused
// size.
func Describe(st *container.Stream, b []byte, frameSize int) error {
	if st.ColorSpace == "" {
		st.ColorSpace = "bt709"
	}
	r, err := parse(b, frameSize)
	if r.stage >= stageProfile {
		st.Profile = Profile(r.h.CID)
	}
	if r.stage >= stageDepth {
		st.BitsPerRawSample = r.h.BitDepth()
		if !st.SampleAspectRatio.Valid() && r.sar.Valid() {
			st.SampleAspectRatio = r.sar
		}
	}
	if r.stage == stageFrame {
		st.PixFmt = r.h.PixFmt()
		if codec.ValidPictureSize(int64(r.width), int64(r.height)) {
			st.Width, st.Height = r.width, r.height
		} else {
			st.Width, st.Height = 0, 0
			err = errorf(0x18, container.ErrMalformed, "picture size %dx%d is invalid", r.width, r.height)
		}
	}
	st.CodedWidth, st.CodedHeight = align16(st.Width), align16(st.Height)
	return err
}

func align16(n int) int { return (n + 15) &^ 15 }
