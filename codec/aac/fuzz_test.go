package aac

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// isSentinel reports whether err wraps one of the container categories.
func isSentinel(err error) bool {
	return errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, container.ErrUnsupported) || errors.Is(err, container.ErrLimit)
}

func FuzzParseAudioSpecificConfig(f *testing.F) {
	f.Add([]byte{0x12, 0x10})
	f.Add([]byte{0x13, 0x88, 0x56, 0xe5, 0xa5, 0x48, 0x00})
	f.Add(pack(field{5, 29}, field{4, 6}, field{4, 1}, field{4, 3}, field{5, 2}, field{3, 0}))
	f.Add(pack(field{5, 2}, field{4, 3}, field{4, 0}, field{3, 0}, field{4, 0}, field{2, 1}, field{4, 3},
		field{4, 1}, field{4, 0}, field{4, 0}, field{2, 1}, field{3, 0}, field{4, 0}, field{3, 0}, field{5, 16}, field{4, 0}))
	f.Add([]byte{0xF8, 0xFF, 0xFF, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseAudioSpecificConfig(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if c.Channels < 0 || c.Channels > 15*3*2+3 {
			t.Fatalf("channels %d", c.Channels)
		}
		if c.OutputChannels() < c.Channels {
			t.Fatalf("output channels %d < %d", c.OutputChannels(), c.Channels)
		}
		if c.Profile() == "" {
			t.Fatal("empty profile")
		}
		if c.SampleRate < 0 || c.ExtSampleRate < 0 || c.ExtSampleRate >= 1<<24 {
			t.Fatalf("rates %d %d", c.SampleRate, c.ExtSampleRate)
		}
	})
}

func FuzzParseADTSHeader(f *testing.F) {
	f.Add(adtsHeader(1, 4, 2, 347, 1))
	f.Add(adtsHeader(0, 12, 0, 7, 4))
	f.Add([]byte{0xFF, 0xF1})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseADTSHeader(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if h.FrameLength < ADTSHeaderSize || h.FrameLength >= 1<<13 || h.SampleRate() == 0 || h.BitRate() < 0 {
			t.Fatalf("accepted %+v", h)
		}
		if len(b) > h.HeaderSize() {
			if _, _, err := ParsePCEAfterADTS(b[h.HeaderSize():]); err != nil && !isSentinel(err) {
				t.Fatalf("pce error %v wraps no sentinel", err)
			}
		}
	})
}
