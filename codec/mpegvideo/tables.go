package mpegvideo

import "github.com/mediaprobe/mediaprobe/container"

// frameRates is frame_rate_value by frame_rate_code (ISO/IEC 13818-2 table
// 6-4), with FFmpeg's extensions for codes 9 to 13 (ff_mpeg12_frame_rate_tab
// in libavcodec/mpeg12framerate.c: Xing's 15 fps and libmpeg3's "economy"
// rates). Codes 0 and 14-15 are forbidden or reserved; FFmpeg reads them as
// code 1 (mpeg1_decode_sequence). Checked against ffprobe 5.1 for every
// code in MPEG-1 and MPEG-2 streams.
var frameRates = [14]container.Rational{
	{}, {Num: 24000, Den: 1001}, {Num: 24, Den: 1}, {Num: 25, Den: 1}, {Num: 30000, Den: 1001},
	{Num: 30, Den: 1}, {Num: 50, Den: 1}, {Num: 60000, Den: 1001}, {Num: 60, Den: 1},
	{Num: 15, Den: 1}, {Num: 5, Den: 1}, {Num: 10, Den: 1}, {Num: 12, Den: 1}, {Num: 15, Den: 1},
}

// mpeg1SAR is the sample aspect ratio ffprobe 5.1 prints for each MPEG-1
// pel_aspect_ratio code (ISO/IEC 11172-2 2.4.3.2), 0/0 for the forbidden 0
// and reserved 15. FFmpeg derives it from the height/width ratios of its
// ff_mpeg1_aspect table by av_d2q(ratio, 255) and inversion
// (mpeg_decode_postinit); the values are that computation's results, each
// checked against ffprobe 5.1 on a stream carrying the code (floating
// point stays out of the parser).
var mpeg1SAR = [16]container.Rational{
	{}, {Num: 1, Den: 1}, {Num: 49, Den: 33}, {Num: 64, Den: 45}, {Num: 239, Den: 182},
	{Num: 36, Den: 29}, {Num: 32, Den: 27}, {Num: 169, Den: 151}, {Num: 178, Den: 163},
	{Num: 54, Den: 53}, {Num: 196, Den: 201}, {Num: 187, Den: 200}, {Num: 200, Den: 219},
	{Num: 127, Den: 147}, {Num: 134, Den: 161}, {},
}

// mpeg2Aspect is the display aspect ratio of aspect_ratio_information
// (ISO/IEC 13818-2 table 6-3), FFmpeg's ff_mpeg2_aspect: code 1 is a
// sample aspect ratio of 1:1, codes 2-4 display aspect ratios, the
// others 0/1 (unknown).
var mpeg2Aspect = [16]container.Rational{
	{Num: 0, Den: 1}, {Num: 1, Den: 1}, {Num: 4, Den: 3}, {Num: 16, Den: 9}, {Num: 221, Den: 100},
	{Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1},
	{Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1},
	{Num: 0, Den: 1},
}

// profileNames are the names of the 3-bit profile of
// profile_and_level_indication (ISO/IEC 13818-2 table 8-2), as FFmpeg's
// ff_mpeg2_video_profiles (libavcodec/profiles.c) gives them; profiles 6
// and 7 have no name there, and ffprobe prints their number.
var profileNames = [8]string{"4:2:2", "High", "Spatially Scalable", "SNR Scalable", "Main", "Simple", "6", "7"}
