// Package flac reads native FLAC files (RFC 9639,
// https://www.rfc-editor.org/rfc/rfc9639): the "fLaC" marker and the
// metadata blocks before the first audio frame, as FFmpeg's raw FLAC
// demuxer does (libavformat/flacdec.c flac_probe and flac_read_header),
// plus what FFmpeg's FLAC decoder learns from STREAMINFO during
// avformat_find_stream_info (libavcodec/flac.c ff_flac_parse_streaminfo:
// sample format, channel layout, bit depth).
//
// Block headers are walked here, by offset, because mewkiz/flac reads a
// block in order to skip it; only STREAMINFO, VORBIS_COMMENT, CUESHEET and
// the fields of PICTURE blocks before their image are read. PADDING,
// APPLICATION and SEEKTABLE blocks and the image data are skipped. STREAMINFO
// is decoded by codec/flac, which Ogg FLAC and MP4's dfLa share (and which
// says why mewkiz/flac's meta package is not used for it); Vorbis comments
// and PICTURE headers by the tags package, which Ogg shares.
//
// Every PICTURE block with a MIME type FFmpeg knows becomes an attached
// picture video stream (libavformat/flac_picture.c ff_flac_parse_picture),
// described from the image's own header by codec/picture, with the picture
// type as its "comment" tag and the description as its "title".
//
// The stream's start time is 0, from the first frame, unless FFmpeg's FLAC
// parser gives that frame no time stamp (see firstPacketTimed): then
// ffprobe prints none.
//
// Departures: a file without the "fLaC" marker (raw frames) yields a FLAC
// stream with no parameters, since they would come from decoding frames.
package flac
