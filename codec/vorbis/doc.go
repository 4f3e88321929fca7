// Package vorbis parses the two Vorbis I header packets that a demuxer needs
// to describe a stream without decoding it: the identification header
// (channels, sample rate, nominal bit rate, block sizes) and the modes at the
// end of the setup header, which give the duration of every audio packet
// from its first byte.
//
// Spec: https://xiph.org/vorbis/doc/Vorbis_I_spec.html (sections 4.2.2
// identification header, 4.2.4 setup header, 4.3.1 packet type and mode).
//
// It mirrors FFmpeg's libavcodec/vorbis_parser.c. Like FFmpeg, it does not
// parse the codebooks, floors, residues and mappings that precede the modes:
// it finds the modes by reading the setup header backwards from its framing
// bit (parse_setup_header), which can in theory be fooled by a false match,
// exactly as FFmpeg can. The packages parse byte slices and do no I/O.
package vorbis
