// Package tta reads TTA (True Audio) files, as ffprobe's "tta" format.
//
// A TTA file is a 22-byte header ("TTA1", format, channels, bits per
// sample, sample rate, sample count, CRC-32), a seek table of one 32-bit
// frame size per frame followed by its CRC-32, then the frames. Tags are
// an ID3v2 tag at the head, and an ID3v1 or an APEv2 tag at the tail.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/ttadec.c (tta_probe,
// tta_read_header) and what the decoder's tta_decode_init
// (libavcodec/tta.c) reports: the sample format from the bit depth, the
// channel layout from the channel count. Both CRCs are checked, as
// ffprobe's default error recognition (AV_EF_CRCCHECK) does; the seek table
// is read for its CRC in bounded pieces, never held whole.
//
// Specification: TTA Lossless Audio Codec, format description
// (https://web.archive.org/web/2015/http://tausoft.org/wiki/True_Audio_Codec_Format).
package tta
