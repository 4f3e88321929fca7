// Package amr holds the facts of Adaptive Multi-Rate speech frames that
// FFmpeg's AMR demuxers and parser use (RFC 4867 5.3, the storage format
// of 3GPP TS 26.101 and TS 26.201): the size of a frame in each frame type
// and what one frame lasts. It does no I/O.
//
// A frame of the storage format is a one-byte header (F, the frame type FT
// in bits 6..3, the quality bit Q in bit 2, then padding) followed by the
// speech bits of FT, packed into whole bytes.
package amr

// Codec is one of the two AMR codecs.
type Codec int

// The AMR codecs.
const (
	NB Codec = iota // AMR-NB, 8 kHz
	WB              // AMR-WB, 16 kHz
)

// packedSize are the frame sizes, the header byte included, of each frame
// type (amrnb_packed_size and amrwb_packed_size of libavformat/amr.c and
// libavcodec/amr_parser.c): the speech and SID modes, then 1 for the
// reserved types and NO_DATA, which FFmpeg reads as a header alone.
var packedSize = [2][16]uint8{
	{13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1},
	{18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 1, 1, 1, 1, 1, 1},
}

// FrameType returns the frame type (FT) of a frame header byte.
func FrameType(header byte) int { return int(header>>3) & 0x0F }

// Quality reports the quality bit (Q) of a frame header byte.
func Quality(header byte) bool { return header&0x04 != 0 }

// FrameSize returns the size in bytes of the frame that header opens.
func (c Codec) FrameSize(header byte) int { return int(packedSize[c&1][FrameType(header)]) }

// SpeechTypes returns how many frame types are speech or comfort noise
// (SID) frames: 9 for AMR-NB, 10 for AMR-WB.
func (c Codec) SpeechTypes() int {
	if c == WB {
		return 10
	}
	return 9
}

// SampleRate returns the codec's sample rate in Hz.
func (c Codec) SampleRate() int {
	if c == WB {
		return 16000
	}
	return 8000
}

// FrameSamples returns the samples of one 20 ms frame.
func (c Codec) FrameSamples() int { return c.SampleRate() / FramesPerSecond }

// FramesPerSecond is the frame rate of both codecs (20 ms frames).
const FramesPerSecond = 50

// CodecName returns FFmpeg's name of the codec.
func (c Codec) CodecName() string {
	if c == WB {
		return "amr_wb"
	}
	return "amr_nb"
}
