// Package mpegvideo parses the headers of MPEG-1 video (ISO/IEC 11172-2)
// and MPEG-2 video (ISO/IEC 13818-2, ITU-T H.262): the sequence header,
// sequence_extension, sequence_display_extension, the group of pictures
// header, and the picture header and picture_coding_extension of the first
// picture. It does no I/O and works on byte slices: an esds
// DecoderSpecificInfo or Matroska CodecPrivate (a sequence header and its
// extensions), or the first bytes of an .m1v/.m2v elementary stream or of
// the first video packet of an MPEG-PS/TS stream.
//
// [Headers.Fill] sets the fields of a [container.Stream] to what ffprobe
// 5.1 prints for an mpeg1video or mpeg2video stream: the codec name (the
// bitstream decides it, as FFmpeg's decoder switches codec_id when it meets
// a sequence_extension), profile and level, pixel format, size, sample
// aspect ratio (MPEG-1 from the pel aspect ratio table, MPEG-2 from the
// display aspect ratio, as libavcodec/mpeg12dec.c mpeg_decode_postinit
// computes them), has_b_frames, colour description, chroma location, field
// order, the MPEG-1 bit rate and the MPEG-2 CPB properties side data.
//
// It mirrors libavcodec/mpeg12dec.c (mpeg1_decode_sequence,
// mpeg_decode_sequence_extension, mpeg_decode_sequence_display_extension,
// mpeg_decode_postinit) and libavcodec/mpegvideo_parser.c
// (mpegvideo_extract_headers, which sets the field order).
//
// Departures: the quant_matrix_extension, picture_display_extension and
// the scalable extensions are not read (ffprobe prints nothing from them);
// user data (closed captions, AFD, stereo 3D) is not looked at, since
// ffprobe 5.1's stream section reports none of it without decoding.
package mpegvideo
