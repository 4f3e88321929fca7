package mp3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// MPEG-1 Layer III, no CRC, 44.1 kHz, joint stereo; the bit-rate index is
// the third byte's high nibble: 0x90 = 128 kbit/s (417 bytes a frame),
// 0x50 = 64 kbit/s (208 bytes).
const (
	hdr128 = 0xfffb9044
	hdr64  = 0xfffb5044
)

// frame returns one frame with header h, its body filled with 0x55 (which
// holds no sync word).
func frame(h uint32, size int) []byte {
	b := bytes.Repeat([]byte{0x55}, size)
	binary.BigEndian.PutUint32(b, h)
	return b
}

func frames(h uint32, size, n int) []byte {
	return bytes.Repeat(frame(h, size), n)
}

// infoFrame is a 417-byte frame holding an Info (CBR) or Xing header
// with frame and byte counts and a LAME extension.
func infoFrame(magic string, nframes, nbytes uint32, delay int) []byte {
	b := make([]byte, 417)
	binary.BigEndian.PutUint32(b, hdr128)
	p := 36
	copy(b[p:], magic)
	binary.BigEndian.PutUint32(b[p+4:], 3) // flags: frames, bytes
	binary.BigEndian.PutUint32(b[p+8:], nframes)
	binary.BigEndian.PutUint32(b[p+12:], nbytes)
	p += 16
	copy(b[p:], "LAME3.100")
	p += 9 + 1 + 1 + 4 + 2 + 2 + 1 + 1
	d := uint32(delay) << 12
	b[p], b[p+1], b[p+2] = byte(d>>16), byte(d>>8), byte(d)
	return b
}

func TestProbe(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want int
	}{
		{"seven frames from the start", frames(hdr128, 417, 7), 51},
		{"leading zeros skipped", append(make([]byte, 100), frames(hdr128, 417, 7)...), 51},
		{"four frames in a small buffer", frames(hdr128, 417, 4), 25},
		{"one frame, cut by the end of the buffer", frame(hdr128, 417), 1},
		{"text", []byte("this is not audio at all, not even close"), 0},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, mpegaudio.Probe(tt.in))
		})
	}
}

func TestReadCBRWithoutHeader(t *testing.T) {
	in := frames(hdr128, 417, 20)
	info, err := read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "mp3", st.CodecName)
	assert.Equal(t, "fltp", st.SampleFmt)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, int64(128000), st.BitRate)
	assert.Equal(t, container.Rational{Num: 1, Den: 14112000}, st.TimeBase)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, container.NoPTS, st.DurationTS) // left to the bit-rate estimate
	assert.Zero(t, info.Format.Tags.Len())

	// With AccurateDuration the frames are counted: 20 * 1152 samples.
	info, err = read(&demuxkit.BytesSource{B: in}, 0, container.Options{AccurateDuration: true})
	require.NoError(t, err)
	assert.Equal(t, int64(20*1152*320), info.Streams[0].DurationTS)
}

// TestReadVBRBitRateIsParserAverage: without a Xing header the bit rate is
// the mpegaudio parser's running integer average over the headers it saw.
func TestReadVBRBitRateIsParserAverage(t *testing.T) {
	in := cat(frame(hdr128, 417), frames(hdr64, 208, 10))
	info, err := read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
	require.NoError(t, err)
	// 128000, then ten times avg += (64000-avg)/n in integer arithmetic.
	avg := int64(128000)
	for n := int64(2); n <= 11; n++ {
		avg += (64000 - avg) / n
	}
	assert.Equal(t, avg, info.Streams[0].BitRate)
}

func TestReadInfoTag(t *testing.T) {
	in := cat(infoFrame("Info", 10, 11*417, 576), frames(hdr128, 417, 10))
	info, err := read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	// start_time = (delay + 528 + 1) / 44100 in 1/14112000 units.
	assert.Equal(t, int64((576+529)*320), st.StartPTS)
	assert.Equal(t, int64(10*1152*320), st.DurationTS)
	assert.Equal(t, int64(128000), st.BitRate) // Info: from the frames, not the tag
	assert.Equal(t, int64(417), info.Format.DataOffset)
	assert.Zero(t, st.Tags.Len()) // the LAME CRC is wrong: no encoder tag

	// A tag describing far fewer bytes than the object holds is taken for
	// a concatenated file: its frame count is dropped (mp3_parse_info_tag).
	in = cat(infoFrame("Info", 10, 2000, 576), frames(hdr128, 417, 10))
	info, err = read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, container.NoPTS, info.Streams[0].DurationTS)

	// Xing (VBR): the bit rate comes from the tag's byte and frame counts.
	in = cat(infoFrame("Xing", 10, 5000, 0), frames(hdr128, 417, 10))
	// (the object is 4587 bytes, within 1/16 of the declared 5000)
	info, err = read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(5000*8*44100/(10*1152)), info.Streams[0].BitRate)
}

func TestReadSkipsJunkAndReadsID3v1(t *testing.T) {
	v1 := make([]byte, 128)
	copy(v1, "TAGTitle")
	v1[127] = 255                                   // no genre
	junk := []byte{0xff, 0xfb, 0x90, 0x44, 1, 2, 3} // a sync word with no successor
	in := cat(junk, frames(hdr128, 417, 8), v1)
	info, err := read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(len(junk)), info.Format.DataOffset)
	assert.Equal(t, []container.Tag{{Key: "title", Value: "Title"}}, info.Format.Tags.List())
}

func TestReadErrors(t *testing.T) {
	// No two consecutive frames before the end: ffmpeg gives up.
	_, err := read(&demuxkit.BytesSource{B: bytes.Repeat([]byte{0x55}, 500)}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrTruncated)

	// A frame whose size runs past the end of the object.
	_, err = read(&demuxkit.BytesSource{B: frame(hdr128, 300)}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrTruncated)

	// A start offset past the end (an ID3v2 tag claiming too much).
	_, err = read(&demuxkit.BytesSource{B: frames(hdr128, 417, 3)}, 5000, container.Options{})
	assert.True(t, errors.Is(err, container.ErrTruncated))
}

// TestParserReadIsBounded: a long stream costs the parser emulation about
// 50 frames, not the whole object.
func TestParserReadIsBounded(t *testing.T) {
	in := frames(hdr128, 417, 2000)
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: in}}
	_, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Less(t, src.Bytes, int64(60*417+2*packetSize+64<<10+256))
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
