// Package rawvideo reads raw video elementary streams, files that hold a
// codec's bitstream with no container around it: H.264 and HEVC in Annex B
// byte-stream format (.h264, .264, .hevc, .265), MPEG-4 Part 2 (.m4v),
// MPEG-1/2 video (.m1v, .m2v, .mpv) and AV1 in low-overhead OBU format
// (.obu). These are FFmpeg's "h264", "hevc", "m4v", "mpegvideo" and "obu"
// formats.
//
// Such a file has no header and no index: one video stream, whose
// parameters come from the codec's own headers at the start of the
// stream (parameter sets, sequence headers), which the codec packages
// decode. Only the head of the object is read (see headSize).
//
// It mirrors libavformat/rawdec.c ff_raw_video_read_header (one stream in a
// 1/1200000 time base, 25 frames a second unless the bitstream says
// otherwise), the probes of libavformat/h264dec.c, hevcdec.c, m4vdec.c,
// mpegvideodec.c and av1dec.c, and what avformat_find_stream_info then
// learns from the parser, the decoder and the extract_extradata filter on
// the first packets.
//
// Timing, as ffprobe 5.1 prints it (checked on ffmpeg's output for each
// codec): r_frame_rate is the frame rate the headers give (H.264 and HEVC
// VUI or VPS timing, the MPEG-4 layer's VOP time increment resolution,
// the MPEG-1/2 frame rate code, AV1 timing_info), or 25; avg_frame_rate
// is the same, except for MPEG-4 Part 2 whose streams print 0/0 and a
// start time of 0. An MPEG-4 layer whose rate is 101 fps or more, or under
// 5 (ffmpeg's encoder writes a resolution of 30000 for 30000/1001), makes
// the time base unreliable: both rates then come from the VOP times of
// the first 21 packets, as ff_rfps_calculate guesses them (m4v.go). No
// duration is known: the probe package estimates one
// from the bit rate where the headers give one (MPEG-1/2 video).
//
// Departures: has_b_frames of an H.264 stream without a VUI bitstream
// restriction is the SPS's, where FFmpeg raises it as it decodes pictures
// out of order; the field order of interlaced H.264 is printed only where
// the SPS decides it.
package rawvideo
