// Package adts reads raw AAC streams in ADTS framing (.aac files), the
// "aac" format of FFmpeg.
//
// An ADTS stream is a run of frames, each opening with a 7-byte header (9
// with a CRC) that carries the syncword 0xFFF, the profile, the sampling
// frequency index, the channel configuration and the frame length; there
// is no file header and no index. Tags may precede the stream (ID3v2, read
// by the probe package), sit between frames (ID3v2) or follow it (APEv2,
// ID3v1).
//
// Specifications: ISO/IEC 13818-7 (MPEG-2 AAC) 6.2 and ISO/IEC 14496-3
// (MPEG-4 Audio) 1.A.2; https://wiki.multimedia.cx/index.php/ADTS;
// https://wiki.hydrogenaud.io/index.php?title=APEv2_specification;
// https://id3.org/ID3v1.
//
// It mirrors libavformat/aacdec.c (adts_aac_probe, adts_aac_read_header,
// adts_aac_read_packet), libavformat/apetag.c and libavformat/id3v1.c, and
// the parts of avformat_find_stream_info (libavformat/demux.c) that decide
// what ffprobe prints for a stream without timestamps: the bit rate is the
// aac parser's running average over the frames read while probing (50, or
// fewer when they last 5 seconds, or all within 5 seconds when another
// stream never gets its parameters), and the duration is then estimated
// from that bit rate and the size by the probe package.
//
// Only frame headers are read: the reader hops from header to header by
// the frame length and never reads audio payload, except the first bytes
// of a frame whose channel configuration is 0 (the PCE).
//
// Departures: implicit SBR/PS (HE-AAC in ADTS, signalled only inside the
// audio data) is not detected, so such streams show the core sample rate
// and profile "LC" where ffprobe, having decoded a frame, shows twice the
// rate and "HE-AAC"; the search for the first syncword stops after 1 MiB
// instead of FFmpeg's probesize (5 MB); a frame header the parser would
// reject ends the bit-rate scan instead of being resynchronised past.
package adts
