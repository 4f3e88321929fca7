// Package vp8 parses the uncompressed data chunk at the start of a VP8
// frame (the frame tag, and a key frame's start code and dimensions) and
// fills a container.Stream with what ffprobe 5.1 prints for a VP8 stream.
//
// Specification: RFC 6386 (VP8 Data Format and Decoding Guide), sections
// 9.1 and 19.1. MP4's vpcC, which VP8 shares with VP9, is codec/vp9's
// Config.
//
// FFmpeg does not decode a VP8 frame while it probes: ffprobe's values come
// from the vp8 decoder's init (the pixel format), vp8_parser.c (the profile,
// from the frame tag's version, and the field order) and the container (the
// size). The colour space and clamping type, which sit in the
// boolean-coded first partition, are never looked at.
package vp8
