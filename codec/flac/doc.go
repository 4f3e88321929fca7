// Package flac decodes FLAC's STREAMINFO metadata block (RFC 9639 section
// 8.2, https://www.rfc-editor.org/rfc/rfc9639#section-8.2), which native
// FLAC (the block after "fLaC"), Ogg FLAC (inside the first packet) and
// MP4 (the dfLa box) carry alike and FFmpeg keeps as the stream's
// extradata, and says what FFmpeg's FLAC decoder reports once opened with
// it: sample format, channel layout, bits per raw sample.
//
// It mirrors libavcodec/flac.c ff_flac_parse_streaminfo and
// ff_flac_set_channel_layout and libavcodec/flacdec.c flac_set_bps. Like
// every codec package it parses from a byte slice and does no I/O.
//
// The block is decoded here rather than by mewkiz/flac's meta package,
// which the design names for it, because mewkiz refuses blocks FFmpeg
// accepts: a minimum block size under 16 and a sample rate of 0 (ffprobe
// 5.1 opens such files and prints the decoder's fields; the FFmpeg decoder
// refuses only a maximum block size under 16 and fewer than 4 bits per
// sample). The tests keep mewkiz as an independent reader and compare the
// two on every block mewkiz accepts.
package flac
