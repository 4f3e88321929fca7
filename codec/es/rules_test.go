package es

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/container"
)

func TestLATMFrameSamples(t *testing.T) {
	assert.Equal(t, 1024, latmFrameSamples(aac.AudioSpecificConfig{SampleRate: 44100}))
	assert.Equal(t, 960, latmFrameSamples(aac.AudioSpecificConfig{SampleRate: 48000, FrameLengthShort: true}))
	// HE-AAC: the decoder doubles the frame with the output rate.
	he := aac.AudioSpecificConfig{SampleRate: 22050, SBR: true, ExtSampleRate: 44100}
	assert.Equal(t, 2048, latmFrameSamples(he))
	he.ExtSampleRate = 22050
	assert.Equal(t, 1024, latmFrameSamples(he))
}

func TestGuessRate(t *testing.T) {
	dts := make([]int64, FPSFrames)
	for i := range dts {
		dts[i] = int64(i) * 3750
	}
	// An H.264 VUI of 1,000,000 fps: packets get no duration, the rate
	// comes from the timestamps.
	st := &container.Stream{Type: container.Video, CodecName: "h264",
		RFrameRate: container.Rational{Num: 1000000, Den: 1}, AvgFrameRate: container.Rational{Num: 1000000, Den: 1}}
	assert.Equal(t, int64(3750), GuessRate(st, dts, 0))
	assert.Equal(t, container.Rational{Num: 24, Den: 1}, st.RFrameRate)
	assert.Equal(t, container.Rational{Num: 24, Den: 1}, st.AvgFrameRate, "evenly spaced: avg from r")
	// A first gap of three frames: the mean delta is not a frame, avg
	// stays 0/0.
	gap := append([]int64{0}, dts[3:]...)
	st.RFrameRate, st.AvgFrameRate = container.Rational{Num: 1000000, Den: 1}, container.Rational{Num: 1000000, Den: 1}
	GuessRate(st, gap, 0)
	assert.Equal(t, container.Rational{Num: 24, Den: 1}, st.RFrameRate)
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
	// A usable codec rate is kept.
	st = &container.Stream{Type: container.Video, CodecName: "h264", RFrameRate: container.Rational{Num: 25, Den: 1}}
	assert.Equal(t, int64(3600), GuessRate(st, dts, 3600))
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, st.RFrameRate)
	// MPEG-4 part 2 is not a codec whose time base FFmpeg distrusts.
	st = &container.Stream{Type: container.Video, CodecName: "mpeg4", RFrameRate: container.Rational{Num: 90000, Den: 1}}
	assert.Equal(t, int64(1), GuessRate(st, dts, 1))
}

func TestPCMBlurayHeader(t *testing.T) {
	// 964 bytes: header (mono, 48 kHz, 16 bits) and 240 samples, stored
	// as a channel pair.
	pkt := make([]byte, 964)
	copy(pkt, []byte{0x03, 0xC0, 0x11, 0x40})
	st := &container.Stream{Type: container.Audio, CodecName: "pcm_bluray"}
	assert.Equal(t, int64(450), DescribeStream(st, pkt, nil, false))
	assert.Equal(t, 48000, st.SampleRate)
	assert.Equal(t, 1, st.Channels)
	assert.Equal(t, "mono", st.ChannelLayout)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, int64(1536000), st.BitRate)
	// 5.1 at 96 kHz, 24 bits.
	copy(pkt, []byte{0x03, 0xC0, 0x94, 0xC0})
	st = &container.Stream{Type: container.Audio, CodecName: "pcm_bluray"}
	DescribeStream(st, pkt, nil, false)
	assert.Equal(t, 6, st.Channels)
	assert.Equal(t, "5.1(side)", st.ChannelLayout)
	assert.Equal(t, "s32", st.SampleFmt)
	assert.Equal(t, 24, st.BitsPerRawSample)
}

func TestS302MHeader(t *testing.T) {
	// 5120 bytes: 2 channels of 16 bits, 1024 samples of 5 bytes a pair.
	pkt := make([]byte, 5124)
	pkt[0], pkt[1] = 0x14, 0x00
	st := &container.Stream{Type: container.Audio, CodecName: "s302m"}
	assert.Zero(t, DescribeStream(st, pkt, []int{len(pkt)}, false))
	assert.Equal(t, 48000, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, 16, st.BitsPerRawSample)
	assert.Equal(t, int64(1921500), st.BitRate)
	pkt[1] = 0x01 // a size that is not the packet's
	st = &container.Stream{Type: container.Audio, CodecName: "s302m"}
	DescribeStream(st, pkt, nil, false)
	assert.Zero(t, st.SampleRate)
}

func TestFewFrames(t *testing.T) {
	pic := []byte{0, 0, 1, 0, 0xAA}
	two := append(append([]byte{}, pic...), pic...)
	r := container.Rational{Num: 25, Den: 1}
	st := &container.Stream{Type: container.Video, CodecName: "mpeg2video", AvgFrameRate: r}
	FewFrames(st, two, 9, true)
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
	st.AvgFrameRate = r
	FewFrames(st, append(two, pic...), 1, true)
	assert.Equal(t, r, st.AvgFrameRate)
	st = &container.Stream{Type: container.Video, CodecName: "h264", AvgFrameRate: r}
	FewFrames(st, nil, 2, false)
	assert.Equal(t, r, st.AvgFrameRate, "a head cut at its bound says nothing")
	FewFrames(st, nil, 2, true)
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
}

// mp3Frame is an MPEG-1 layer III frame at 44.1 kHz of bit rate index
// idx (9: 128 kbit/s, 5: 64, 14: 320), stereo.
func mp3Frame(idx byte) []byte {
	rates := map[byte]int{5: 64000, 9: 128000, 14: 320000}
	f := make([]byte, 144*rates[idx]/44100)
	copy(f, []byte{0xFF, 0xFB, idx << 4, 0x00})
	return f
}

func TestMPEGAudioParserAverage(t *testing.T) {
	var data []byte
	for _, idx := range []byte{9, 5, 14, 9} {
		data = append(data, mp3Frame(idx)...)
	}
	// Given mp3 (MPEG-TS): every header counts, n = 1, 2, 3, 4.
	assert.Equal(t, int64(160000), MPEGAudioBitRate("mp3", data, nil, "mp3"))
	// Given mp2 (MPEG-PS): the first header does not count, the second
	// renames the codec and counts as the first (n = 1), the next ones
	// as the parser's header count (n = 3, 4).
	assert.Equal(t, int64(144000), MPEGAudioBitRate("mp2", data, nil, ""))
	// Other containers keep the first header's rate.
	st := &container.Stream{Type: container.Audio, CodecName: "mp3"}
	DescribeAudio(st, data)
	assert.Equal(t, int64(128000), st.BitRate)
	// MPEG-TS and MPEG-PS streams average.
	st = &container.Stream{Type: container.Audio, CodecName: "mp3"}
	DescribeStream(st, data, nil, false)
	assert.Equal(t, int64(160000), st.BitRate)
	samples, rate := MPEGAudioFrames(data)
	assert.Equal(t, []int{1152, 1152, 1152, 1152}, samples)
	assert.Equal(t, 44100, rate)
}
