// Package asf reads ASF files (Advanced Systems Format: WMA, WMV and .asf)
// as FFmpeg 5.1's "asf" demuxer does (libavformat/asfdec_f.c, the one
// ffprobe 5.1 uses; asfdec_o.c is the other, "asf_o").
//
// An ASF file is a sequence of objects, each a 16-byte GUID and a 64-bit
// little-endian size that counts its 24-byte header: a header object, a
// data object of fixed-size packets, and optional index objects. The
// header object holds the file properties (play duration, preroll, packet
// size), one stream properties object per stream (a WAVEFORMATEX or a
// BITMAPINFOHEADER, read by codec/wav and codec), the content description
// and extended content description (tags, WM/Picture covers), and a header
// extension object whose children are the metadata, metadata library,
// language list and extended stream properties objects.
//
// As asfdec_f.c does, the header object's size and child count are not
// trusted: objects are walked one after the other from the first child,
// the header extension's children as if they were the header's, until the
// data object. Each object's size must be at least 24 bytes. Tag values
// are read field by field through the buffered source; a cover's image
// bytes are located (container.Picture), never read beyond its header.
//
// avformat_find_stream_info then reads the first data packets; so does
// Read, within a bound, for what they give ffprobe: each stream's start
// time (its first media object's time less the preroll), a video stream's
// frame rate from its first timestamps, and what a decoder learns from the
// first frame where the header says little (MPEG-4 Part 2 and H.264 without
// extradata, Motion JPEG, MPEG audio, AC-3).
//
// Specification: Advanced Systems Format (ASF) Specification, revision
// 01.20.03, Microsoft, 2004.
//
// Departures from FFmpeg: an "ID3" byte-array attribute (an ID3v2 tag
// inside ASF) is skipped rather than parsed; DVR-MS audio, whose codec
// FFmpeg probes from the packets, keeps the WAVEFORMATEX's codec; the frame
// rate is measured over the first 20 frames and rounded to a standard rate
// within 1%, which agrees with ffprobe for constant-rate streams.
package asf
