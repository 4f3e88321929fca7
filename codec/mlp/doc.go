// Package mlp parses the headers of Meridian Lossless Packing (MLP, the
// DVD-Audio codec) and Dolby TrueHD, which is built on it: the major sync
// that opens an access unit now and then and carries the stream's
// parameters, and the MLPSpecificBox (dmlp) of an MP4 TrueHD sample entry.
// It does no I/O and works on byte slices.
//
// The values are those ffprobe 5.1 prints once FFmpeg's MLP parser and
// decoder have seen the first access unit: the sample rate of the first
// channel group, the channel layout of the substream the decoder outputs
// (for TrueHD the 8-channel presentation when there are three substreams
// or more, the 6-channel one otherwise), the bits per raw sample and the
// matching sample format ("s32" above 16 bits, so always for TrueHD, whose
// major sync carries no word length and which FFmpeg decodes as 24-bit),
// and the peak bit rate the parser reports for a constant rate stream.
// Neither codec has a profile.
//
// Specifications: Dolby TrueHD (MLP) high-level bitstream description,
// major_sync_info; the MLPSpecificBox of "Dolby TrueHD in ISO base media
// file format". FFmpeg's libavcodec/mlp_parse.c (ff_mlp_read_major_sync),
// libavcodec/mlp_parser.c (mlp_parse), libavcodec/mlpdec.c
// (read_major_sync, read_restart_header) and libavformat/mov.c
// (mov_read_dmlp) are what it mirrors.
//
// Departures: the substreams' restart headers are not read, so a stream
// the decoder refuses there (an invalid channel assignment of the decoded
// substream) is reported from the major sync alone. The decoder's special
// case of a mono 6-channel presentation in two substreams assumes the
// container declared at most two channels, as containers do for such
// streams.
package mlp
