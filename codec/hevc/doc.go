// Package hevc parses the headers of an H.265/HEVC stream (ITU-T H.265,
// https://www.itu.int/rec/T-REC-H.265): the video, sequence and picture
// parameter sets (VPS, SPS, PPS) and the SEI messages that come with them,
// from an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3, the MP4
// hvcC box and the Matroska CodecPrivate) or from an Annex B byte stream;
// and it derives from them what ffprobe 5.1 prints for an hevc stream.
//
// The model is FFmpeg 5.1's HEVC decoder as it opens with a stream's
// extradata (hevc_decode_init in libavcodec/hevcdec.c, over
// ff_hevc_decode_extradata in hevc_parse.c, the parameter set parsers of
// hevc_ps.c and the SEI parser of hevc_sei.c), because ffprobe prints what
// that decoder exports: avformat_find_stream_info decodes no picture of an
// hevc stream whose extradata gives the size and pixel format. So the
// parsers read what FFmpeg reads, refuse what it refuses, and repair what
// it repairs (a reorder count above the picture buffer, a conformance
// window that leaves no picture, the VUI of early encoders), and the
// rules by which parameter sets replace each other are FFmpeg's.
//
// Entry points: [ParseExtradata] and [ParamSets.Describe] for a container
// that has extradata (MP4, Matroska); [ScanAnnexB] for a raw or MPEG-TS
// stream, which gives the extradata FFmpeg builds for such a stream;
// [ParseHVCC], [ParseVPS], [ParseSPS], [ParsePPS] and [ParamSets] for the
// syntax. The package does no I/O. Every count in the data is bounded by
// the specification's limit and by the bytes present (the bit reader's
// sticky error ends every loop), and nothing is allocated per claimed
// element: the cost of a parse is linear in its input.
//
// Not reported, because ffprobe 5.1 does not print them for the stream:
// the tier; the mastering display colour volume and content light level
// SEI messages (FFmpeg attaches them to decoded frames; their stream side
// data comes from container boxes such as Matroska's colour elements);
// Dolby Vision configuration (the container's dvcC box). FieldOrder is
// the container's or the parser's (a pic_timing SEI), not the decoder's.
//
// Departures from FFmpeg, all in streams no encoder writes: Exp-Golomb
// values of 2^32-1 and above, which need 32 or more leading zero bits,
// saturate where FFmpeg's 32-bit arithmetic wraps, and fields read past
// the end of a unit are zero where FFmpeg reads the bytes that follow
// (such a parameter set is refused by both, except a first VPS of its id,
// which both keep); a PES start code inside a unit (0x000001E0) does not
// keep its trailing zero bytes.
package hevc
