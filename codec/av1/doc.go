// Package av1 parses the headers of an AV1 stream that ffprobe's answer
// depends on: the AV1CodecConfigurationRecord (MP4 av1C, Matroska
// CodecPrivate), OBU headers, the sequence header OBU, and the start of the
// first frame header; and fills a container.Stream with what ffprobe 5.1
// prints for the stream.
//
// Specifications: AV1 Bitstream & Decoding Process Specification
// (https://aomediacodec.github.io/av1-spec/), sections 5.3 (OBU header),
// 5.5 (sequence header), 5.9.2 to 5.9.8 (uncompressed header to
// render_size); AV1 Codec ISO Media File Format Binding
// (https://aomediacodec.github.io/av1-isobmff/) 2.3 (av1C).
//
// What ffprobe prints comes from three places, all mirrored here (see
// Describe). ffprobe 5.1 opens AV1 with libdav1d, the first AV1 decoder
// libavcodec registers. When the stream's extradata holds a sequence
// header, libdav1d's init reads it (libdav1d_parse_extradata) and gives the
// codec context a pixel format and a size, so avformat_find_stream_info
// decodes nothing and av1_parser.c alone reads the first packet (profile,
// level, colours); otherwise the first frame is decoded, and
// libavcodec/libdav1d.c sets the profile, level, pixel format, colours,
// chroma location, size and sample aspect ratio from it. ffprobe's own
// decoder context, opened from the extradata and never fed a packet,
// gives coded_width, coded_height and film_grain. Where FFmpeg's parser
// and dav1d disagree on a header, dav1d's reading is followed: its
// refusals (src/obu.c parse_seq_hdr) and its level for reduced still
// picture headers, which is 8 below seq_level_idx.
//
// No I/O: a container hands over the extradata and the first bytes of the
// first packet. Departures: the frame header is read only as far as its
// size, so the size of an inter frame shown first, which the decoder takes
// from a reference, is not known; and a scalable stream whose first unit
// shows no frame of the output layer is described from its sequence
// header alone.
package av1
