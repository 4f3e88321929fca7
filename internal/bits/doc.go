// Package bits reads bit fields from byte slices: the one bit reader that
// every codec parser of mediaprobe uses.
//
// [Reader] reads the most significant bit first, as FFmpeg's GetBitContext
// (libavcodec/get_bits.h) does by default and as the MPEG, ITU-T and AOM
// specifications write their syntax: f(n)/u(n) with [Reader.Bits], ue(v)
// and se(v) with [Reader.UE] and [Reader.SE] (libavcodec/golomb.h), uvlc()
// and leb128() with [Reader.UVLC] and [Reader.LEB128] (AV1 4.10.3, 4.10.5).
// [LSBReader] reads the least significant bit first, as get_bits.h does
// with BITSTREAM_READER_LE for Vorbis and other Xiph packets.
// [ReverseReader] reads the bytes from last to first, each most significant
// bit first: the reversed copy of a Vorbis setup header that
// vorbis_parser.c reads, without the copy.
//
// The model is FFmpeg's checked reader over a zero-padded buffer, with
// mp4ff's bits package (FixedSliceReader, EBSPReader.AccError) for the
// error: a parser reads a run of fields without checking each one and asks
// [Reader.Err] once, at a point where the answer decides something.
//
//   - Past the end the data reads as zeros, as FFmpeg's buffers padded with
//     AV_INPUT_BUFFER_PADDING_SIZE zero bytes do: a field cut by the end
//     keeps its leading bits, and a field that starts at the end is 0.
//   - A read that runs past the end records [ErrOverrun] (which wraps
//     container.ErrTruncated) and leaves the reader at the end.
//   - The error is sticky: the first one is kept, and once there is one the
//     reader is at its end, so every later read returns 0 and every loop
//     that tests Left() > 0 stops.
//   - No width panics. A width of 0 reads nothing and returns 0, as
//     get_bitsz does (syntax such as 4*count bits with count 0 needs it); a
//     negative width, or more than 64 bits at once, records [ErrWidth].
//   - An Exp-Golomb code with more than 32 leading zero bits records
//     [ErrExpGolomb]; a code cut by the end reads as 0 and records
//     [ErrOverrun].
//
// A reader is a small value over the caller's slice: it never copies or
// allocates, and a copy of it is an independent cursor (saved := *r;
// ...; *r = saved), as FFmpeg copies a GetBitContext to look ahead.
//
// For H.264 and HEVC, [AppendRBSP] and [RBSP] remove the emulation
// prevention bytes of a NAL unit (ff_h2645_extract_rbsp in
// libavcodec/h2645_parse.c), [RBSPBitLen] finds the rbsp_stop_one_bit
// (get_bit_length there), and [NextNALUnit], [SplitAnnexB] and
// [IndexStartCode] cut an Annex B byte stream at its start codes.
package bits
