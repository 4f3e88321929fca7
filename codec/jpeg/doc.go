// Package jpeg parses the header segments of a JPEG image (ITU-T T.81,
// https://www.w3.org/Graphics/JPEG/itu-t81.pdf; JFIF,
// https://www.w3.org/Graphics/JPEG/jfif3.pdf) and derives from them what
// FFmpeg's MJPEG decoder (libavcodec/mjpegdec.c) reports for the picture:
// the profile from the SOF marker, the size, the pixel format from the
// component count and sampling factors, the colour range and the sample
// aspect ratio from the JFIF density.
//
// The package does no I/O: a caller walks the marker segments (Segments does
// it over a buffer; codec/picture does it over a container.Source, reading
// only the segments that matter) and hands each one to a Header. Entropy-coded
// data is never looked at, so a picture whose scan is damaged is described as
// its headers say, where ffmpeg would still report the header fields it set
// before the decode failed.
//
// Two kinds of stream use it: attached pictures ([Header.Describe], through
// codec/picture) and motion JPEG video, whose containers (MOV jpeg, mjpa,
// AVDJ; AVI MJPG; Matroska V_MJPEG) carry no configuration, so that the
// first frame's headers say what ffprobe prints ([DescribeFrame]): the
// container's size and aspect ratio have a say there, and a frame of under
// three quarters of the container's height is one field of an interlaced
// frame.
//
// Departures: JPEG-LS (SOF55) reports only its profile and bit depth, and
// the arithmetic-coded SOF markers (which mjpegdec.c refuses) only the JFIF
// aspect ratio, as ffprobe does. The interlace test of ff_mjpeg_decode_sof
// is skipped by FFmpeg for "MULTISCOPE II" streams below 25 frames per
// second, whose frame rate is not known here; they are treated as any other.
package jpeg
