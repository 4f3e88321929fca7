// Package tak reads TAK (Tom's lossless Audio Kompressor) files, as
// ffprobe's "tak" format ("raw TAK").
//
// A TAK file is "tBaK" followed by metadata blocks, each a type byte and a
// 24-bit little-endian size (which counts a trailing CRC-24): STREAMINFO,
// SEEKTABLE, SIMPLE_WAVE_DATA, ENCODER, PADDING, MD5 and LAST_FRAME, up to
// an END block after which the frames start. An APEv2 tag may end the
// file.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/takdec.c (tak_probe,
// tak_read_header) and reports what the decoder's tak_decode_init
// (libavcodec/takdec.c) sets from the STREAMINFO, which codec/tak decodes.
// Block CRCs are not checked, as ffprobe only logs a mismatch.
//
// Specification: none published; the format as FFmpeg reads it.
package tak
