// Package mpegaudio parses the headers of MPEG-1/2/2.5 audio layer I, II
// and III frames (ISO/IEC 11172-3, ISO/IEC 13818-3) and the tags an encoder
// writes into the first frame of a stream: the Xing/Info header with its
// LAME extension (gapless delay and padding) and Fraunhofer's VBRI header.
//
// The arithmetic is FFmpeg's (libavcodec/mpegaudiodecheader.c
// avpriv_mpegaudio_decode_header and mpegaudiodecheader.h
// ff_mpa_check_header); the tag layouts are those libavformat/mp3dec.c reads
// in mp3_parse_info_tag and mp3_parse_vbri_tag. The bit-rate and sample-rate
// tables come from github.com/tcolgate/mp3, whose frame-size arithmetic is
// not used: it computes Layer I sizes in floating point (34 bytes instead of
// 32 at 32 kbit/s, 44.1 kHz).
//
// Everything here parses from byte slices and does no I/O.
//
// References:
//   - http://www.mp3-tech.org/programmer/frame_header.html
//   - http://gabriel.mp3-tech.org/mp3infotag.html (LAME tag)
//   - https://www.codeproject.com/Articles/8295/MPEG-Audio-Frame-Header (VBRI)
package mpegaudio
