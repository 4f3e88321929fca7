// Package mpegps reads MPEG program streams (ISO/IEC 13818-1 2.5, and the
// MPEG-1 system streams of ISO/IEC 11172-1): .mpg, .vob and .ps files, as
// FFmpeg's "mpeg" demuxer and avformat_find_stream_info describe them.
//
// Like container/mpegts it reads a bounded head and a bounded tail. The
// head's PES packets create the streams in the order of their first
// packet, keyed by stream id or, in private stream 1, by the DVD
// substream id (AC-3, DTS, LPCM, TrueHD, subpictures); their first
// payloads go to the codec layer. The tail's timestamps give durations.
package mpegps
