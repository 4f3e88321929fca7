// Package dts parses the headers of DTS Coherent Acoustics audio (FFmpeg's
// "dts" codec, decoder "dca"): the core frame header of the backward
// compatible core substream and the extensions it may carry (XCH, X96,
// XXCH), and the DTS-HD extension substream header with its asset and the
// headers of the components ffprobe's values depend on (XLL lossless, LBR
// low bit rate, XBR, XXCH, X96). It does no I/O and works on byte slices.
//
// The values are those ffprobe 5.1 prints once avformat_find_stream_info
// has decoded the first packet with FFmpeg's dca decoder, whose values
// stand (the dca parser's profile yields to the decoder's): the profile
// ("DTS", "DTS-ES", "DTS 96/24", "DTS-HD HRA", "DTS-HD MA", "DTS Express"),
// the sample rate, the channel layout in FFmpeg's channel order, the
// sample format ("fltp" for a lossy core or LBR, "s16p" or "s32p" for a
// lossless XLL stream, whose bits per raw sample are its storage width)
// and the bit rate (the core's transmission rate, none for DTS-HD
// extensions but LBR's scaled rate).
//
// The core may be stored 16-bit big-endian (sync 7FFE8001), 16-bit
// little-endian (FE7F0180) or in 14-bit words (1FFFE800, FF1F00E8), as
// in CD and WAV images; the decoder converts it to the first
// (avpriv_dca_convert_bitstream), and so does this package.
//
// Specifications: ETSI TS 102 114 (DTS Coherent Acoustics; core, XCH,
// X96, XXCH, the extension substream, XBR, XLL, LBR). FFmpeg's
// libavcodec/dca.c (ff_dca_parse_core_frame_header,
// avpriv_dca_convert_bitstream), dca_core.c, dca_exss.c, dca_xll.c,
// dca_lbr.c and dcadec.c (dcadec_decode_frame, ff_dca_set_channel_layout)
// are what it mirrors.
//
// Departures: the audio data is not decoded. The core's extensions are
// searched for from the end of the core frame back to the end of its
// header, where FFmpeg stops at the end of the audio data it decoded, so
// a sync word aliased inside the audio data of a frame without the
// extension can be taken for one. An extension or an XLL frame whose
// headers are valid but whose audio data the decoder rejects is reported
// as decoded (FFmpeg falls back to the core or the lossy output). The
// decoder's state across packets (an XLL frame that needs the previous
// packet's data) is not kept: each packet stands alone.
package dts
