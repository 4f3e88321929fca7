// Package gsm reads raw GSM 06.10 full-rate speech, as ffprobe's "gsm"
// format: a headerless run of 33-byte frames of 160 samples at 8000 Hz,
// mono.
//
// There is no header, so nothing is read: the stream's parameters are the
// codec's, and the duration is estimated from the size and the bit rate,
// as FFmpeg estimates it. Detection is gsm_probe's: every 33rd byte opens
// with the frame signature 0xD (the high nibble of the first byte), and a
// run of 32 such frames per stray one scores 51; a shorter file is taken
// for GSM by its ".gsm" extension only, as ffprobe takes it.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/gsmdec.c (gsm_probe,
// gsm_read_header).
//
// Specification: ETSI EN 300 961 (GSM 06.10), section 1.7, the frame
// layout of the full-rate codec.
package gsm
