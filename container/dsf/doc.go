// Package dsf reads DSD Stream Files (Sony's DSF), as ffprobe's "dsf"
// format.
//
// A DSF file is three little-endian chunks, each a four-character id and a
// 64-bit size: "DSD " (28 bytes: the file size and the offset of an
// ID3v2 tag, usually at the end), "fmt " (52 bytes: format version and id,
// channel type and count, the 1-bit sampling frequency, the bit order,
// the sample count and the block size per channel) and "data" (the
// samples, in blocks of each channel in turn). FFmpeg reports the
// sampling frequency over 8 (one byte of eight 1-bit samples a tick) and
// the codec from the bit order: dsd_lsbf_planar or dsd_msbf_planar.
//
// Two reads: the 92 bytes of the three chunk headers, and the ID3v2 tag
// at its offset, whose text frames become the format's tags and whose
// pictures become attached-picture streams. The duration is FFmpeg's
// bit-rate estimate over the data.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/dsfdec.c (dsf_probe,
// dsf_read_header, read_id3, and dsf_read_packet for the first packet's
// timestamp).
//
// Specification: Sony, "DSF File Format Specification" version 1.01
// (https://dsd-guide.com/sites/default/files/white-papers/DSFFileFormatSpec_E.pdf).
package dsf
