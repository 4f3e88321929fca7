// Package picture describes an embedded image (cover art) as ffprobe shows
// it: an attached-picture video stream whose codec fields come from the
// image's own header (JPEG SOF, PNG IHDR, ...).
package picture

import "github.com/mediaprobe/mediaprobe/container"

// Describe fills st (a video stream) from the image stored at [off, off+n)
// of src: codec name, size, pixel format, profile, colour fields, as ffprobe
// prints them after decoding the picture. It reads only the image's header.
// mime is the container's declared MIME type, used only when the bytes are
// not recognised.
// TODO: not implemented yet.
func Describe(st *container.Stream, src container.Source, off, n int64, mime string) error {
	return nil
}

// DescribeBytes is Describe for an image already in memory (an unescaped
// ID3v2 frame, a base64 METADATA_BLOCK_PICTURE).
// TODO: not implemented yet.
func DescribeBytes(st *container.Stream, b []byte, mime string) error {
	return nil
}
