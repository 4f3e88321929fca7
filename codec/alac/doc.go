// Package alac reads the ALAC magic cookie: the ALACSpecificConfig that MP4
// sample entries ('alac' box) and CAF files (the 'kuki' chunk) carry, which
// FFmpeg keeps as a 36-byte extradata (an 'alac' atom: size, type, version
// and flags, then the 24-byte configuration) and from which its ALAC decoder
// takes the stream's bit depth, channels and rate.
//
// It mirrors libavcodec/alac.c (alac_set_info, alac_decode_init) of FFmpeg
// 5.1, and parses from bytes only.
//
// Specification: Apple Lossless Audio Codec, ALACMagicCookieDescription.txt
// (https://github.com/macosforge/alac).
package alac
