// Package mpegts reads MPEG transport streams (ISO/IEC 13818-1): 188-byte
// broadcast packets, 192-byte Blu-ray/AVCHD M2TS source packets and
// 204-byte packets with Reed-Solomon parity, as FFmpeg's "mpegts" demuxer
// and avformat_find_stream_info describe them.
//
// It reads a bounded head and a bounded tail, whatever the size of the
// object. In the head it assembles the program-specific information (PAT,
// PMT and the DVB SDT, each checked against its CRC as FFmpeg does),
// creates the streams in the order FFmpeg does and gathers the first PES
// payloads of each stream for the codec layer. In the tail it reads the
// last timestamps, as libavformat's estimate_timings_from_pts does, to
// give each stream its duration.
package mpegts
