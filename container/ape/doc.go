// Package ape reads Monkey's Audio files, as ffprobe's "ape" format.
//
// A Monkey's Audio file starts with "MAC " and a file version. From 3.98
// (version 3980) a descriptor (its own length, the lengths of the header,
// seek table, stored WAV header and tail, the audio data length and an MD5)
// precedes a header with the compression level, format flags, blocks per
// frame, blocks in the final frame, frame count, bits per sample, channels
// and sample rate. Older files have a single header in another order,
// derive the bit depth from the format flags and the blocks per frame from
// the version. A seek table of one 32-bit offset a frame follows (before
// 3.81, also a table of one byte a frame). APEv2 tags may end the file and
// an ID3v2 tag may open it.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/apedec.c (ape_probe,
// ape_read_header), the checks that make it fail included (no frames,
// more frames than the seek table holds, a truncated seek table, a frame
// of more than 2 GiB), and what the ape decoder's init reports or refuses
// (libavcodec/apedec.c ape_decode_init: mono or stereo only, 8, 16 or
// 24 bits, a compression level that is a multiple of 1000 up to 5000),
// since ffprobe fails when it cannot open the decoder.
//
// Departures from FFmpeg: seek tables of more than maxSeekEntries entries
// are not read, so the frame-size check is skipped for them.
//
// Reference: libdemac's description of the format, as carried in FFmpeg;
// Monkey's Audio SDK (https://www.monkeysaudio.com/developers.html).
package ape
