// Package theora reads the identification header of Theora video (Theora
// I specification, section 6.2, https://www.theora.org/doc/Theora.pdf) and
// says what FFmpeg reports for a Theora stream: what the Ogg demuxer takes
// from it (libavformat/oggparsetheora.c theora_header: the size, time base,
// aspect ratio and granule shift), and what the decoder sets once opened
// with the three headers as extradata (libavcodec/vp3.c
// theora_decode_header: visible and coded size, pixel format, aspect
// ratio, colour description, frame rate), which is what ffprobe prints for
// Theora in Matroska and the colour fields it prints in Ogg too.
//
// The package does no I/O: a container hands it the identification header
// packet (the Ogg packet, or the first of the Xiph-laced Matroska
// CodecPrivate headers), starting with 0x80 "theora".
//
// Departures: the setup header's tables (theora_decode_tables) are not
// checked, so a stream whose setup header FFmpeg refuses, and whose decoder
// therefore does not open, is still described from its identification
// header. The comment header carries tags, which the containers read.
package theora
