// Package mpeg4 parses the configuration headers of MPEG-4 Part 2 Visual
// (ISO/IEC 14496-2): the visual object sequence header
// (profile_and_level_indication), the visual object header (its
// video_signal_type), the video object layer (6.2.3, including the studio
// profile's) and user data, with the DivX, XviD and libavcodec version
// strings FFmpeg's decoder looks for. It does no I/O and works on byte
// slices: the esds DecoderSpecificInfo of an MP4 track, the extradata of
// an AVI or Matroska track, or the first bytes of an .m4v stream or of the
// first frame of a stream without extradata.
//
// [Config.Fill] sets the fields of a [container.Stream] to what ffprobe 5.1
// prints for an mpeg4 stream once FFmpeg's decoder has read these headers
// and the first frames: profile and level from the visual object sequence
// header (the names of libavcodec/profiles.c), size, pixel format, sample
// aspect ratio, has_b_frames (from low_delay and the object type, as
// decode_vol_header decides it), the colour description, chroma location,
// and the decoder's exported options quarter_sample and divx_packed as
// ffprobe prints them.
//
// It mirrors libavcodec/mpeg4videodec.c (ff_mpeg4_decode_picture_header,
// mpeg4_decode_profile_level, mpeg4_decode_visual_object,
// decode_vol_header, decode_studio_vol_header, decode_user_data) where that
// departs from the specification: the complexity estimation header is
// read as FFmpeg reads it, and only the first video object layer counts.
//
// Departures: has_b_frames follows the headers; FFmpeg also clears
// low_delay when it meets a B-VOP in a stream whose VOL has no
// vol_control_parameters, which only the frames show. The studio profile
// (ISO/IEC 14496-2 Amd 1, no encoder at hand) follows FFmpeg's code but
// was not checked against ffprobe. Short video header streams (H.263
// baseline in MPEG-4) are not recognised; see codec/h263.
package mpeg4
