// Package amr reads Adaptive Multi-Rate speech files: the storage format
// of RFC 4867 section 5 (FFmpeg's "amr": a "#!AMR\n" or "#!AMR-WB\n"
// magic, then frames) and headerless AMR-NB and AMR-WB frame streams
// (FFmpeg's "amrnb" and "amrwb", which FFmpeg recognises by counting
// plausible frames).
//
// Such a file has no index and no duration: one mono stream at 8 or
// 16 kHz, in a time base of one sample. It mirrors libavformat/amr.c
// (amr_probe, amrnb_probe, amrwb_probe and the read_header functions) and
// what avformat_find_stream_info then learns from FFmpeg's AMR parser
// (libavcodec/amr_parser.c) over the first 50 frames: the bit rate, the
// running average of the frame sizes the parser counts (see bitRate). The
// probe package estimates the duration from that rate and the size, as
// ffprobe does (estimate_timings_from_bit_rate); no start time is known.
//
// Only the head of the object is read: the magic and the few kilobytes the
// first 50 frames take.
//
// Departures: the multichannel storage format ("#!AMR_MC1.0\n",
// "#!AMR-WB_MC1.0\n"), which FFmpeg 5.1 reads with one frame per channel
// in each block, is recognised but not read (container.ErrUnsupported).
package amr
