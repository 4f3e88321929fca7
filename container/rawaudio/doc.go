// Package rawaudio reads raw audio elementary streams, files that hold a
// codec's frames with no container around them: AC-3 (.ac3), E-AC-3
// (.eac3) and DTS (.dts). These are FFmpeg's "ac3", "eac3" and "dts"
// formats.
//
// Such a file has no header and no index: one audio stream, whose
// parameters come from the first frames, which the codec packages decode
// (codec/es describes them as FFmpeg's parser and decoder report them).
// Only the head of the object is read (see headSize).
//
// It mirrors libavformat/ac3dec.c (ac3_eac3_probe, which separates AC-3
// from E-AC-3 by the frames' bsid) and dtsdec.c (dts_probe), and
// ff_raw_audio_read_header (one stream starting at 0, in the default
// 1/90000 time base). The probe package estimates the duration from the
// bit rate and the size, as ffprobe does (estimate_timings_from_bit_rate).
//
// The audio service type of an AC-3 stream (bsmod, karaoke for mode 7
// with more than one channel) becomes the stream's disposition, as
// avformat_find_stream_info derives it from what the parser reports; a raw
// stream has no Audio Service Type side data (only MP4's dac3/dec3 and
// MPEG-TS descriptors give one).
//
// Departures: a byte-swapped AC-3 stream (16-bit words little-endian)
// scores as FFmpeg's probe scores it, but its parameters are not read
// (Read returns the stream with its codec only and an error wrapping
// container.ErrMalformed), where ffprobe 5.1 prints what its parser and
// decoder make of the swapped words.
package rawaudio
