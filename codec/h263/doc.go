// Package h263 parses the picture header of an ITU-T H.263 video stream
// (H.263 5.1: PSC, TR, PTYPE and, for H.263 version 2 and later, PLUSPTYPE
// with its custom picture format and clock frequency), which is all a
// stream carries about its size: H.263 has no sequence header, and the
// 3GPP s263 sample entry and the AVI/MOV tags hold no more than a codec
// identifier. It does no I/O and works on byte slices: the first bytes of
// a raw .h263 stream or of the first frame of a track.
//
// [PictureHeader.Fill] sets the fields of a [container.Stream] to what
// ffprobe 5.1 prints for an h263 stream (and for the h263p codec id, whose
// decoder is the same): the size, the pixel format yuv420p, the sample
// aspect ratio, the chroma location "center", no B-frames and no level.
//
// It mirrors libavcodec/ituh263dec.c ff_h263_decode_picture_header and
// libavcodec/h263dec.c ff_h263_decode_init, including FFmpeg's readings
// where they depart from the specification: the picture start code is
// looked for at byte positions only, a version 1 source format of 6
// (reserved) is read as PLUSPTYPE, and the fields after the optional
// modes are read only as far as FFmpeg reads them.
//
// Departures: the enhancement layer fields (ELNUM, RLNUM), reference
// picture selection (RPSMF and what follows) and the PSUPP data are not
// read; FFmpeg reads none of them either. Sorenson H.263 (FLV's flv1) and
// Intel H.263 have their own picture headers and are not handled here.
package h263
