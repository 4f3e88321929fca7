// Package mpc reads Musepack files: stream version 7 as ffprobe's "mpc"
// format and stream version 8 as its "mpc8" format.
//
// An SV7 file starts with "MP+" and the version byte, then a 32-bit frame
// count and 16 bytes of stream parameters (the decoder's extradata), whose
// third byte holds the sample rate index; every frame is 1152 samples of
// stereo audio. An SV8 file is "MPCK" followed by packets, each a
// two-letter key and a variable-length size: SH (stream header: CRC,
// version, sample count, beginning silence, then two bytes of parameters),
// RG (replay gain), EI (encoder info), SO (seek table offset), ST (seek
// table), AP (audio) and SE (stream end). Both carry an APEv2 tag at the
// tail; SV7 files may carry an ID3v1 tag instead.
//
// The demuxers mirror FFmpeg 5.1's libavformat/mpc.c (mpc_probe,
// mpc_read_header) and libavformat/mpc8.c (mpc8_probe, mpc8_read_header,
// mpc8_get_chunk_header), and report what the decoders' mpc7_decode_init
// and mpc8_decode_init set (libavcodec/mpc7.c, mpc8.c): planar 16-bit
// samples, stereo or mono. Packets before SH are skipped, not read; the seek
// table is not read, as it only serves seeking.
//
// Specification: Musepack SV8 stream format
// (https://trac.musepack.net/musepack/wiki/SV8Specification) and the SV7
// header as the reference decoder reads it.
package mpc
