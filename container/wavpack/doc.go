// Package wavpack reads WavPack files, as ffprobe's "wv" format.
//
// A WavPack file is a sequence of blocks, each with a 32-byte header (see
// codec/wavpack). The demuxer reads the headers from the start until the
// first block that holds samples, takes the sample rate, bit depth and
// channels from its flags (and, for a non-standard rate, a multichannel
// frame or DSD audio, from the metadata sub-blocks of that block), and the
// duration from the header's total sample count. APEv2 tags at the tail,
// or an ID3v1 tag when there is no APEv2 text, are the format's tags;
// APEv2 binary items with an image name are attached pictures.
//
// It mirrors FFmpeg 5.1's libavformat/wvdec.c (wv_probe, wv_read_header,
// wv_read_block_header), plus what the wavpack decoder reports once
// avformat_find_stream_info has decoded a frame (sample format and bits
// per raw sample, absent when the first frame cannot be decoded).
//
// Departures from FFmpeg: whether the decoder succeeds is judged from the
// first block only (it lies inside the object, names its channels
// consistently); a stream whose total sample count is unknown has no
// duration, as in ffprobe 5.1, which does not read the last block.
package wavpack
