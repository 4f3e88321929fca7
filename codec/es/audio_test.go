package es

import (
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// mp2Frames is n 48 kHz, 128 kbit/s stereo MPEG-1 layer II frames.
func mp2Frames(n int) []byte {
	var b []byte
	for range n {
		f := make([]byte, 384)
		copy(f, []byte{0xFF, 0xFD, 0x84, 0x00})
		b = append(b, f...)
	}
	return b
}

func TestDescribeAudioMPEG(t *testing.T) {
	// Declared mp3 (MPEG-TS stream type 3): the decoder opened first is
	// mp3float, whatever layer the parser then finds.
	st := &container.Stream{Type: container.Audio, CodecName: "mp3"}
	samples, ok := DescribeAudio(st, mp2Frames(3))
	if !ok || samples != 1152 || st.CodecName != "mp2" || st.SampleRate != 48000 || st.SampleFmt != "fltp" || st.BitRate != 128000 {
		t.Fatalf("got %d %v %+v", samples, ok, st)
	}
	// Probed from the content: the decoder is the layer's.
	st = &container.Stream{Type: container.Audio, CodecName: "mp3"}
	if ticks := DescribeStream(st, mp2Frames(3), nil, true); ticks != 2160 || st.SampleFmt != "s16p" {
		t.Fatalf("probed: %d ticks, %s", ticks, st.SampleFmt)
	}
	// One header of another layer than declared does not count for the
	// parser, but the decoder takes the header that starts the packet the
	// parser gives it, and the declared codec stays: ffprobe 5.1 on one
	// mp2 frame in MPEG-TS (stream type 3) prints mp3, 48000 Hz, fltp.
	st = &container.Stream{Type: container.Audio, CodecName: "mp3"}
	samples, ok = DescribeAudio(st, mp2Frames(1))
	if !ok || samples != 1152 || st.CodecName != "mp3" || st.SampleRate != 48000 || st.SampleFmt != "fltp" || st.BitRate != 128000 {
		t.Fatalf("a lone layer II header: %d %v %+v", samples, ok, st)
	}
	// Bytes that start no frame, and a header inside them, which the
	// parser skips past without it starting one of its packets.
	st = &container.Stream{Type: container.Audio, CodecName: "mp3"}
	junk := append(make([]byte, 100), mp2Frames(1)[:4]...)
	if _, ok := DescribeAudio(st, append(junk, make([]byte, 100)...)); ok {
		t.Fatalf("a header inside a packet described the stream: %+v", st)
	}
}

func TestDescribeAudioADTSAverage(t *testing.T) {
	// Two LC frames at 48 kHz, stereo, of 100 and 200 bytes.
	frame := func(n int) []byte {
		f := make([]byte, n)
		copy(f, []byte{0xFF, 0xF1, 0x4C, 0x80, byte(n >> 3), byte(n&7)<<5 | 0x1F, 0xFC})
		return f
	}
	st := &container.Stream{Type: container.Audio, CodecName: "aac"}
	samples, ok := DescribeAudio(st, append(frame(100), frame(200)...))
	want := int64(100*8*48000/1024) + (int64(200*8*48000/1024)-int64(100*8*48000/1024))/2
	if !ok || samples != 1024 || st.BitRate != want || st.Profile != "LC" || st.Channels != 2 {
		t.Fatalf("got %d %v %+v, want bit rate %d", samples, ok, st, want)
	}
}

func TestASCBytes(t *testing.T) {
	for _, c := range []struct {
		b    []byte
		want int
	}{
		{[]byte{0x11, 0x90}, 2},                   // AAC LC, 48 kHz, stereo
		{[]byte{0x2B, 0x92, 0x08, 0x00}, 4},       // HE-AAC (object type 5), explicit
		{[]byte{0x17, 0x80, 0x00, 0xBB, 0x80}, 5}, // explicit 24-bit rate
		{[]byte{0x11}, 0},
	} {
		if got := ascBytes(c.b); got != c.want {
			t.Errorf("% x: %d bytes, want %d", c.b, got, c.want)
		}
	}
}
