// Package shn reads Shorten files, as ffprobe's "shn" format ("raw
// Shorten").
//
// A Shorten stream is "ajkg", a version byte, then Rice-coded fields: the
// sample type, the channel count and, from version 1, the block size, the
// LPC order, the mean block count and bytes to skip. The first command is
// normally a verbatim block carrying the original file's header (a
// canonical WAVE or AIFF header), where the sample rate lives.
//
// FFmpeg reads the file as a raw stream (libavformat/shortendec.c probes
// it; rawdec.c makes one stream with no timing), and ffprobe's stream
// fields come from the decoder reading that header from the first packet
// (libavcodec/shorten.c read_header, decode_wave_header,
// decode_aiff_header). This package reproduces both, failures included:
// where the decoder stops, ffprobe prints what it had set until then
// (the channel count, perhaps the sample rate) and no sample format. The
// WAVE format chunk is parsed by codec/wav.
//
// Specification: Tony Robinson, "SHORTEN: Simple lossless and near-lossless
// waveform compression", CUED/F-INFENG/TR.156, 1994; the reference
// implementation's bitstream as FFmpeg reads it.
package shn
