// Package iff reads the audio forms of the Interchange File Format, as
// ffprobe's "iff" format: DSDIFF (Philips' DSD Interchange File Format,
// ".dff", uncompressed DSD or DST-compressed) and the Amiga's 8SVX, 16SV
// and MAUD sound forms.
//
// An IFF file is a FORM chunk (FRM8 for DSDIFF, whose sizes are 64-bit)
// holding a form type and chunks, each a four-character id and a
// big-endian size, padded to an even length. 8SVX and 16SV give the rate
// and compression in VHDR and the channels in CHAN; MAUD gives bits,
// rate, channels and compression in MHDR; DSDIFF gives its format version
// in FVER and its properties in PROP/SND: FS (the 1-bit sampling
// frequency), CHNL (channel ids), CMPR (DSD or DST), ABSS (start time),
// LSCO (loudspeaker configuration) and an ID3 chunk. NAME, AUTH, "(c) ",
// ANNO and TEXT, DSDIFF's DIIN (artist, title) and COMT hold text. The
// samples are in BODY, DSD, DST (frames in DSTF chunks, with their count in
// FRTE) or MDAT; they are passed over, not read.
//
// Like FFmpeg, the demuxer walks every chunk to the end of the object,
// moving past the sample data, so a file with chunks after its samples
// costs a second read there. The duration is FFmpeg's bit-rate estimate,
// or DST's frame count.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/iff.c (iff_probe,
// iff_read_header, parse_dsd_prop, parse_dsd_diin, read_dst_frame).
// The picture forms that iff.c also reads (ILBM, PBM, ACBM, DEEP, RGB8,
// RGBN, ANIM) are recognised but not read: their probe fails with
// ErrUnsupported.
//
// Specifications:
//   - Philips, "Direct Stream Digital Interchange File Format, DSDIFF"
//     version 1.5
//   - Electronic Arts, "EA IFF 85" and "8SVX IFF 8-Bit Sampled Voice"
//     (https://wiki.multimedia.cx/index.php/IFF)
package iff
