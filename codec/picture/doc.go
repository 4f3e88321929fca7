// Package picture describes an embedded image (cover art) as ffprobe shows
// it: an attached-picture video stream whose codec fields are those FFmpeg's
// image decoders set while avformat_find_stream_info decodes the picture's
// one packet (libavcodec/mjpegdec.c, pngdec.c, bmp.c, gifdec.c).
//
// The header parsers live in codec/jpeg and codec/png and work on byte
// slices; the reading loop lives here because it is the one place that knows
// the image is in an object read through a container.Source, where every
// read may be an HTTP round trip. It reads the first few KiB of the image,
// walks JPEG marker segments or PNG chunks by their lengths, reads only the
// small segments that matter (JFIF, Adobe, SOF, IHDR, pHYs) and skips EXIF,
// ICC profiles and text by moving an offset, never reading the image data.
//
// Departures: the entropy-coded data is not decoded, so a picture whose
// headers are sound but whose scan is broken is described from its headers.
// TIFF and WebP pictures get their codec name only.
package picture
