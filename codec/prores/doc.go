// Package prores reads the frame header of Apple ProRes video (SMPTE RDD
// 36:2015, "Apple ProRes Bitstream Syntax and Decoding Process") and says
// what FFmpeg's ProRes decoder (libavcodec/proresdec2.c) reports for a
// stream once avformat_find_stream_info has decoded its first frame: the
// profile and bit depth from the sample entry's fourcc, and the size, pixel
// format and colour description from the frame header.
//
// ProRes has no configuration record: MOV and Matroska carry only the
// fourcc (apco, apcs, apcn, apch, ap4h, ap4x), and the decoder learns the
// rest from the first frame. A container reads the first bytes of its first
// sample (28 are enough; the header is usually 148) and hands them here
// with the sample's size. The package does no I/O.
//
// What ffprobe prints for a ProRes stream comes from three places:
//
//   - decode_init, from the fourcc alone: profile and bits_per_raw_sample
//     (10, or 12 for the 4444 fourccs), whether or not a frame decodes;
//   - decode_frame_header, from the first frame: width and height, pix_fmt
//     (chroma format, alpha, and the bit depth of the fourcc), the three
//     colour fields as the frame codes them, and color_range tv;
//   - the container: field_order (MOV's fiel box, Matroska's FieldOrder),
//     sample_aspect_ratio (pasp). The decoder marks interlaced frames but
//     sets no field order, so a ProRes stream in a container that says
//     nothing prints none, whatever the frame's interlace_mode.
//
// Departures: the picture header and slices are not read, so a frame whose
// header is sound but whose picture data is broken is described from its
// header, as ffprobe does once the header has set the fields.
package prores
