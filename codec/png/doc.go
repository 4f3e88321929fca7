// Package png parses the chunks of a PNG image that precede its image data
// (W3C PNG specification, https://www.w3.org/TR/png/: IHDR, tRNS, pHYs) and
// derives what FFmpeg's PNG decoder (libavcodec/pngdec.c) reports for the
// picture: its size, pixel format and sample aspect ratio.
//
// The package does no I/O: a caller walks the chunks (Chunks does it over a
// buffer; codec/picture does it over a container.Source, skipping large
// chunks such as iCCP by their length) and hands each one to a Header.
// Chunk CRCs are not checked; FFmpeg does not check them either unless asked.
package png
