package mpegaudio

import (
	"errors"
	"testing"
)

func FuzzParseHeader(f *testing.F) {
	f.Add([]byte{0xff, 0xfb, 0x90, 0x44})
	f.Add([]byte{0xff, 0xe3, 0x28, 0xc4})
	f.Add([]byte{0xff, 0xff, 0x10, 0x00})
	f.Add(lameFrame("Info", "LAME3.100", 10, 4170, 576, 100, true))
	f.Add([]byte{0xff, 0xfb})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := DecodeBytes(b)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		if h.FrameSize < 4 || h.FrameSize > 2881 {
			t.Fatalf("frame size %d outside MPEG audio's range", h.FrameSize)
		}
		if h.Channels != 1 && h.Channels != 2 || h.SampleRate < 8000 || h.SampleRate > 48000 {
			t.Fatalf("implausible header %+v", h)
		}
		it, ok := ParseInfoTag(b, h)
		if ok && it.Gapless && (it.Delay > 4095 || it.Padding > 4095) {
			t.Fatalf("12-bit fields out of range: %+v", it)
		}
		ParseVBRI(b)
	})
}
