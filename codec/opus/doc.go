// Package opus parses the Opus identification header (OpusHead), which Ogg,
// MP4 (dOps carries the same fields) and Matroska (CodecPrivate) use as the
// stream's extradata, and computes packet durations from the TOC byte.
//
// Specs: RFC 7845 section 5.1 (OpusHead) and RFC 6716 section 3.1 (TOC).
//
// It mirrors what FFmpeg takes from these structures: libavformat/
// oggparseopus.c (opus_header, opus_duration) and the channel layouts of
// libavcodec/opus_parse.c (ff_opus_parse_extradata). No I/O.
package opus
