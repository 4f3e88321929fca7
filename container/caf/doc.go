// Package caf reads Apple's Core Audio Format, as ffprobe's "caf" format.
//
// A CAF file is the magic "caff", a version (1) and flags, then chunks with
// a four-character type and a signed 64-bit big-endian size. The first
// chunk is 'desc', the AudioStreamBasicDescription (rate as a float64,
// format id, format flags, bytes and frames per packet, channels, bits per
// channel). 'chan' is a Core Audio channel layout, 'kuki' the codec's magic
// cookie (an ALAC configuration, an MPEG-4 ES descriptor for AAC, a dfLa
// box for FLAC), 'pakt' the packet table (packet and frame counts, priming
// and remainder frames, then one or two variable-length integers a packet),
// 'info' key/value text, and 'data' the audio (an edit count, then the
// packets; a size of -1 runs to the end of the file).
//
// The demuxer mirrors FFmpeg 5.1's libavformat/cafdec.c (read_header,
// read_desc_chunk, read_kuki_chunk, read_pakt_chunk, read_info_chunk),
// quirks included: the frame count adds the priming and remainder frames to
// the valid ones, the bit rate of a file with a packet table is the rate
// times the integer bytes per frame, an 'info' chunk of a negative size is
// read where it stands and the walk goes on after its entry count. The
// 'data' chunk is never read; the walk seeks past it.
//
// Specification: Apple Core Audio Format Specification 1.0
// (https://developer.apple.com/library/archive/documentation/MusicAudio/Reference/CAFSpec/).
//
// Departures from FFmpeg: the packet table's variable-length integers are
// read only where FFmpeg's duration depends on them (variable frames per
// packet); with constant frames the table is checked for its minimum size
// only. 'info' strings are read within the chunk.
package caf
