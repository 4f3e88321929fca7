// Package vc1 reads the sequence-level headers of SMPTE 421M (VC-1) video
// and says what FFmpeg's decoder (libavcodec/vc1dec.c vc1_decode_init, with
// ff_vc1_decode_sequence_header and ff_vc1_decode_entry_point of
// libavcodec/vc1.c) reports once opened with them, which is what ffprobe
// prints for wmv3 and vc1 streams: profile ("Simple", "Main", "Complex",
// "Advanced"), level, size, pixel format, has_b_frames, chroma location,
// sample aspect ratio and colour description.
//
// The headers come in two forms, as the containers' extradata:
//
//   - wmv3 (Windows Media Video 9, the Simple and Main profiles): the
//     32-bit sequence header "STRUCT_C" of SMPTE 421M Annex J, which ASF
//     and AVI put after the BITMAPINFOHEADER, Matroska in its
//     V_MS/VFW/FOURCC private data and the RCV test format in its file
//     header ([ParseWMV3]);
//   - vc1 (WVC1, the Advanced profile): a start-code stream holding the
//     sequence header (0x0000010F) and the entry-point header (0x0000010E),
//     with emulation prevention bytes, after a BITMAPINFOHEADER in ASF, AVI
//     and Matroska or in the dvc1 box of MP4 ([ParseWVC1]), or at the start
//     of a raw VC-1 or MPEG-TS elementary stream.
//
// The package does no I/O and works on byte slices.
//
// When the decoder refuses the headers (avcodec_open2 fails), ffprobe 5.1
// prints no streams at all and exits with an error ("Could not open
// codec"), so a container may prefer to fail the probe: the errors
// returned here say when.
//
// Departures: the WMV3IMAGE and VC1IMAGE sprite codecs, which keep the
// container's size, are not distinguished; [SequenceHeader.ParserFieldOrder]
// reads a frame header only as far as its TFF flag.
package vc1
