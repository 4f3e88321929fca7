package theora

import "github.com/mediaprobe/mediaprobe/container"

// pixFmts are the decoder's pixel formats for PF (vp3.c theora_pix_fmts);
// 1 is reserved.
var pixFmts = [4]string{"yuv420p", "", "yuv422p", "yuv444p"}

// PixFmt returns the pixel format FFmpeg gives a PF value (its low two
// bits): "yuv420p", "yuv422p", "yuv444p", or "" for the reserved 1.
func PixFmt(pf uint8) string { return pixFmts[pf&3] }

// FrameRate returns the frame rate the decoder sets (avctx->framerate):
// FRN/FRD in lowest terms, 0/0 when either is 0. It is what a container
// without timing of its own (Matroska without a default duration) would
// fall back on; Describe does not set it.
func (id Identification) FrameRate() container.Rational {
	if id.FRN == 0 || id.FRD == 0 {
		return container.Rational{}
	}
	return container.Rational{Num: int64(id.FRN), Den: int64(id.FRD)}.Reduce(1 << 30)
}

// Describe sets on st what ffprobe prints for a Theora stream once FFmpeg's
// decoder has been opened with the header (theora_decode_header, then
// vp3_decode_init):
//
//   - Width and Height, the picture region (PICW x PICH); CodedWidth and
//     CodedHeight, the frame (16 FMBW x 16 FMBH);
//   - PixFmt from PF ("yuv420p" before Theora 3.2);
//   - SampleAspectRatio, PARN:PARD in lowest terms when both are non-zero,
//     unless the container set one (ffprobe prefers the container's), and
//     0/0 for a ratio ff_set_sar refuses against the container's size;
//   - for CS 1 (Rec. 470M) or 2 (Rec. 470BG): ColorPrimaries "bt470m" or
//     "bt470bg", ColorSpace "bt470bg" and ColorTransfer "bt709"; other CS
//     values leave the container's;
//   - ChromaLocation "center".
//
// When the decoder would not open ([Identification.Check]), it sets
// nothing and returns Check's error.
func (id Identification) Describe(st *container.Stream) error {
	if err := id.Check(); err != nil {
		return err
	}
	if id.PARN != 0 && id.PARD != 0 && !st.SampleAspectRatio.Valid() {
		sar := container.Rational{Num: int64(id.PARN), Den: int64(id.PARD)}.Reduce(1 << 30)
		// ff_set_sar checks the ratio against the size the decoder has
		// at that point, the container's.
		if sarValid(st.Width, st.Height, sar) {
			st.SampleAspectRatio = sar
		}
	}
	st.Width, st.Height = int(id.PICW), int(id.PICH)
	st.CodedWidth, st.CodedHeight = id.FrameWidth(), id.FrameHeight()
	if id.Version() >= version32 {
		st.PixFmt = PixFmt(id.PF)
	} else {
		st.PixFmt = "yuv420p"
	}
	switch id.CS {
	case 1:
		st.ColorPrimaries = "bt470m"
	case 2:
		st.ColorPrimaries = "bt470bg"
	}
	if id.CS == 1 || id.CS == 2 {
		st.ColorSpace, st.ColorTransfer = "bt470bg", "bt709"
	}
	st.ChromaLocation = "center"
	return nil
}

// sarValid is av_image_check_sar (libavutil/imgutils.c) for a ratio in
// lowest terms with positive terms: 1:1 always, otherwise the size
// scaled by the ratio must not round to 0.
func sarValid(w, h int, sar container.Rational) bool {
	if sar.Num == sar.Den {
		return true
	}
	if sar.Num < sar.Den {
		return int64(w)*sar.Num/sar.Den > 0
	}
	return int64(h)*sar.Den/sar.Num > 0
}
