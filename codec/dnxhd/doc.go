// Package dnxhd reads the frame header of Avid DNxHD and DNxHR video (SMPTE
// ST 2019-1, VC-3) and says what FFmpeg's decoder (libavcodec/dnxhddec.c)
// reports for a stream once avformat_find_stream_info has decoded its first
// frame: the profile from the compression ID, the bit depth, the pixel
// format, the size and the sample aspect ratio of a horizontally
// subsampled raster.
//
// DNxHD has no configuration record: MOV (AVdn, AVdh), MXF, Matroska and
// raw .dnxhd streams carry frames whose 640-byte header says everything.
// A container reads the first bytes of its first frame (HeaderSize, or up
// to 2416 for a DNxHR frame of more than 68 macroblock rows) and hands them
// here with the frame's length. The package does no I/O.
//
// What ffprobe prints for a DNxHD stream comes from three places:
//
//   - dnxhd_decode_init: color_space bt709 unless the container gave one,
//     and coded_width and coded_height, the size rounded up to 16 (ffprobe
//     prints them from the decoder it opens itself on the final
//     parameters);
//   - dnxhd_decode_header and dnxhd_decode_frame, from the first frame:
//     profile, bits_per_raw_sample, pix_fmt, width, height and, for the
//     1440- and 960-sample rasters of the 1920 and 1280 compression IDs,
//     the sample aspect ratio;
//   - the container: color_range (MOV's ACLR box), field_order, and a
//     sample aspect ratio of its own, which ffprobe prefers
//     (av_guess_sample_aspect_ratio).
//
// The colorimetry bits of the header (byte 0x2C) describe each frame and
// do not reach the stream's color_space in FFmpeg 5.1, nor does the
// interlace flag reach field_order.
//
// Departures: macroblocks are not decoded, so a frame whose header is
// sound but whose coefficients are broken is described from its header,
// as ffprobe does once the header has set the fields. The pixel format of
// a 4:4:4 frame with the adaptive colour transform flag is the header's
// (yuv444p10le/12le); FFmpeg could change it only to the same format, as
// no macroblock can select RGB.
package dnxhd
