// Package vp9 parses what ffprobe's answer for a VP9 stream depends on: the
// VP Codec Configuration Record (MP4's vpcC box, also used for VP8) and the
// start of the first frame's uncompressed header; and fills a
// container.Stream with what ffprobe 5.1 prints.
//
// Specifications: VP9 Bitstream & Decoding Process Specification v0.6,
// section 6.2 (uncompressed_header, color_config, frame_size, render_size);
// VP Codec ISO Media File Format Binding v1.0, section 2.2 (vpcC).
//
// FFmpeg's view, mirrored here: mov_read_vpcc (libavformat/mov.c) sets the
// colour range and the three colour code points from vpcC; ffprobe then
// opens the native vp9 decoder (libavcodec/vp9.c), which decodes the first
// packet in avformat_find_stream_info and sets the profile, the pixel
// format, the colour space and range and the size from the first frame's
// header, replacing the container's. The decoder sets no level, no sample
// aspect ratio (it ignores the render size), no primaries and no
// transfer, which stay the container's.
//
// The colour code point names are codec/av1's (they belong in package
// codec). No I/O: a container hands over the vpcC payload and the first
// bytes of the first packet; a superframe's first frame starts at the
// packet's first byte, so no superframe index need be read.
package vp9
