// Package wavpack parses WavPack block headers and the metadata
// sub-blocks that describe a stream: what the WavPack demuxer (and a
// Matroska A_WAVPACK4 track, whose blocks are these without the "wvpk"
// preamble) needs to describe the audio as ffprobe does.
//
// A WavPack 4 file is a sequence of blocks. Each begins with a 32-byte
// header ("wvpk", the block size less 8, the stream version, the total
// sample count, the block's first sample, its sample count, flags and a
// CRC) followed by metadata sub-blocks: an id byte and a size in 16-bit
// words, one byte or, with the long flag, three. Channel information
// (id 0x0D), DSD parameters (0x0E) and a non-standard sample rate (0x27)
// live there.
//
// The facts mirror FFmpeg 5.1: libavformat/wv.c (ff_wv_parse_header),
// libavformat/wvdec.c (the sample-rate table, the sub-block walk of
// wv_read_block_header) and libavcodec/wavpack.c (the sample format and
// bits_per_raw_sample the decoder reports).
//
// Specification: WavPack 5 File Format, David Bryant
// (https://www.wavpack.com/WavPack5FileFormat.pdf).
package wavpack
