// Package voc reads Creative Voice files, as ffprobe's "voc" format.
//
// A VOC file is a 26-byte header ("Creative Voice File", 0x1A, the header
// size, a version and its check word) followed by typed blocks: a type
// byte and a 24-bit little-endian size. Block 1 (sound data) gives the
// sample rate as a time constant and a codec byte, block 8 (extended)
// the rate and channel count of the block 1 after it, block 9 (new sound
// data) rate, bits, channels and a 16-bit codec; block 2 continues the
// sound, block 0 ends the file and the other types are skipped.
//
// FFmpeg makes the stream when it reads the first packet
// (AVFMTCTX_NOHEADER), and ff_voc_get_packet takes its parameters from the
// blocks up to the first sound data; later blocks change nothing. The
// demuxer reads the same blocks, up to the first one holding samples, and
// leaves the duration to FFmpeg's bit-rate estimate.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/vocdec.c (voc_probe,
// voc_read_header), voc_packet.c (ff_voc_get_packet) and voc.c
// (ff_voc_codec_tags).
//
// Specification: Creative Labs, "Creative Voice File Format"
// (https://wiki.multimedia.cx/index.php/Creative_Voice).
package voc
