// Package mp3 reads MPEG audio elementary streams (MP3, and MP2/MP1 in the
// same framing) as ffmpeg's "mp3" demuxer does (libavformat/mp3dec.c).
//
// An MPEG audio file is a run of self-describing frames (ISO/IEC 11172-3
// 2.4.2.3), usually preceded by ID3v2 tags and followed by an ID3v1 tag.
// The first frame of an encoder-written stream may be a silent frame
// holding a Xing/Info or VBRI header (frame count, byte count, seek table)
// and LAME's encoder delay and padding. The duration comes from that header
// or, failing it, is estimated from the file size and the bit rate, as
// ffmpeg does; [container.Options.AccurateDuration] counts the frames
// instead.
//
// What is read: the frame at the start offset (for the Xing/Info/VBRI tag),
// the bytes mp3_read_header scans for two consecutive frames, the first
// frames avformat_find_stream_info hands to the mpegaudio parser (their
// headers give codec, sample rate, channels and the averaged bit rate), and
// the last 128 bytes for an ID3v1 tag when the ID3v2 tags held none. Frame
// bodies are not decoded.
//
// The Replay Gain of the LAME tag (when its CRC holds) and then that of the
// REPLAYGAIN_* tags become the stream's Replay Gain side data, as
// mp3_read_header exports them.
//
// Departures: free-format streams (bit-rate index 0) are not
// recognised, as ffmpeg's demuxer does not recognise them. The parser
// emulation reads at most maxParseBytes after the data offset where ffmpeg
// would read up to its 5 MB probe size through junk.
//
// References:
//   - ISO/IEC 11172-3, ISO/IEC 13818-3
//   - http://gabriel.mp3-tech.org/mp3infotag.html
//   - FFmpeg libavformat/mp3dec.c, libavcodec/mpegaudio_parser.c
package mp3
