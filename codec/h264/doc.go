// Package h264 reads the parameter sets of an H.264 / AVC stream (ITU-T
// H.264, https://www.itu.int/rec/T-REC-H.264) and derives from them what
// ffprobe 5.1 prints for the stream.
//
// The parameter sets come from a stream's extradata, which is either an
// AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1: MP4 avcC,
// Matroska CodecPrivate, FLV) or an Annex B run of start-code-prefixed NAL
// units; [ParseExtradata] takes either, as FFmpeg's
// ff_h264_decode_extradata does. For a raw byte stream (.h264 files,
// MPEG-TS and PS payloads), [ScanAnnexB] finds the first access unit's
// parameter sets. Either gives a [Params], whose Fill method sets the
// fields of a container.Stream; [ParseSPS], [ParsePPS] and
// [ParseAVCConfig] give the syntax elements themselves.
//
// The parsers accept and reject what FFmpeg 5.1's h264_ps.c does, not
// what the specification allows, because a parameter set FFmpeg rejects
// leaves ffprobe with nothing to print: its three tries at an SPS (the
// RBSP, the raw bytes, then the RBSP with a truncated VUI accepted), its
// Exp-Golomb readers' limits, its range checks, the escaping retry for
// avcC entries. What was checked against ffprobe 5.1 (on files made with
// ffmpeg 5.1 and libx264, on their SPS units rewritten field by field, and
// on their avcC records and sample entries edited) is in the tests, each
// case with the check it came from; ffprobe_test.go has the records.
//
// What the parameter sets cannot tell, and the caller may refine:
//
//   - field_order of an interlaced stream (frame_mbs_only_flag 0): FFmpeg's
//     parser takes it from the first picture's pic_struct SEI or field
//     order counts, so ffprobe prints tt or bb where Fill leaves the
//     container's value;
//   - has_b_frames without a VUI bitstream_restriction: FFmpeg starts from
//     the container's estimate (an MP4 ctts), raises it to 1 when a parser
//     meets a B slice ([SliceType] tells), and further as pictures arrive
//     out of order, which their picture order counts tell;
//   - closed_captions and film_grain: ffprobe -show_streams prints 0 even
//     for a stream with A/53 captions (its own decoder context decodes
//     nothing; -count_frames prints 1), so Fill leaves them false;
//   - whether the pictures decode at all: an MP4 track whose samples do not
//     match the avcC's length size, or an Annex B record in an MP4, has no
//     decoded parameters in ffprobe.
//
// Departures: a PPS with slice groups (FMO) is read as the specification
// writes it, where FFmpeg reads past its map unparsed; values read past the
// end of the data are the zeros of FFmpeg's padding, and the end of an
// over-long Exp-Golomb code is where FFmpeg's readers put it, but the
// 32-bit cache of FFmpeg's get_ue_golomb is not modelled for codes longer
// than any valid stream has.
//
// The tables of colour names (names.go) belong in package codec, where the
// other video parsers could share them.
package h264
