// Package aiff reads Audio IFF files: AIFF and its compressed variant
// AIFF-C, as ffprobe's "aiff" format.
//
// An AIFF file is an IFF FORM of type AIFF or AIFC holding chunks with a
// four-character id and a 32-bit big-endian size, each padded to an even
// length. COMM gives the channels, the sample-frame count, the sample size
// and the rate as an 80-bit IEEE 754 extended float, and in AIFF-C the
// compression type; SSND holds the samples; NAME, AUTH, "(c) " and ANNO
// hold text, and an "ID3 " chunk an ID3v2 tag.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/aiffdec.c
// (aiff_read_header, get_aiff_header), quirks included: fields are read
// past a chunk that is too short, an odd COMM chunk skips two pad bytes,
// a FVER chunk consumes four bytes whatever its size. SSND is never read;
// the walk moves past it.
//
// Specifications:
//   - Audio Interchange File Format 1.3, Apple Computer, 1989
//   - AIFF-C draft, Apple Computer, 1991
//     (https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/AIFF/AIFF.html)
//
// Departures from FFmpeg: the CHAN chunk (a CoreAudio channel layout) is
// read only for bitmap layouts; ReplayGain side data is not exported.
package aiff
