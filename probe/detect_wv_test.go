package probe_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/internal/hostile"
	"github.com/mediaprobe/mediaprobe/probe"
)

// mp3Frames returns the MPEG audio frames of a testdata mp3, its ID3v2 tag
// removed, and the tag alone.
func mp3Frames(t *testing.T, name string) (frames, id3 []byte) {
	t.Helper()
	b, err := os.ReadFile("../testdata/" + name)
	require.NoError(t, err)
	if bytes.HasPrefix(b, []byte("ID3")) {
		n := 10 + (int(b[6])<<21 | int(b[7])<<14 | int(b[8])<<7 | int(b[9]))
		return b[n:], b[:n]
	}
	return b, nil
}

// wvBlock is a 16-bit stereo 44.1 kHz WavPack block of stream version ver
// whose packed-samples sub-block holds data.
func wvBlock(ver uint16, data []byte) []byte {
	if len(data)%2 == 1 {
		data = append(data[:len(data):len(data)], 0)
	}
	sub := hostile.Cat([]byte{0x8A}, hostile.LE32(uint32(len(data) / 2))[:3], data)                        // WP_ID_DATA, long size in words
	return hostile.Cat([]byte("wvpk"), hostile.LE32(uint32(24+len(sub))), hostile.LE16(ver), []byte{0, 0}, // ckSize, version, track, index
		hostile.LE32(1000), hostile.LE32(0), hostile.LE32(500), hostile.LE32(9<<23|0x1801), hostile.LE32(0), // total, index, samples, flags, CRC
		sub)
}

// apeHeader is a Monkey's Audio 3.99 descriptor and header for one stereo
// 16-bit frame, with its one-entry seek table.
func apeHeader() []byte {
	return hostile.Cat([]byte("MAC "), hostile.LE16(3990), hostile.LE16(0), // magic, version, padding
		hostile.LE32(52), hostile.LE32(24), hostile.LE32(4), hostile.LE32(0), // descriptor, header, seek table, WAV header lengths
		hostile.LE32(0), hostile.LE32(0), hostile.LE32(0), hostile.Zeros(16), // audio data (low, high), WAV tail, MD5
		hostile.LE16(2000), hostile.LE16(0), hostile.LE32(73728*4), hostile.LE32(1000), hostile.LE32(1), // level, flags, blocks per frame, final blocks, frames
		hostile.LE16(16), hostile.LE16(2), hostile.LE32(44100), // bits, channels, rate
		hostile.LE32(80)) // seek table
}

// TestDetectWV: WavPack and Monkey's Audio against MP3 frames inside them
// (wv_probe and ape_probe score 100, mp3 less), a WavPack block of an
// unsupported version (wv_probe 0: the frames are MP3), and either behind
// an ID3v2 tag. want is ffprobe 5.1's format_name for the same bytes.
func TestDetectWV(t *testing.T) {
	frames, _ := mp3Frames(t, "mp3_cbr_noxing.mp3")
	frames = frames[:min(len(frames), 2000)]
	_, id3 := mp3Frames(t, "mp3_id3v23_id3v1.mp3")
	require.NotEmpty(t, id3)
	assertDetects(t, []detectCase{
		{name: "wv block holding mp3 frames", data: wvBlock(0x407, frames), want: "wv"},
		{name: "wv version 0x401 holding mp3 frames", data: wvBlock(0x401, frames), want: "mp3"},
		{name: "ape header then mp3 frames", data: hostile.Cat(apeHeader(), frames), want: "ape"},
		{name: "id3v2 then wv", data: hostile.Cat(id3, wvBlock(0x407, frames)), want: "wv"},
		{name: "id3v2 then ape", data: hostile.Cat(id3, apeHeader(), hostile.Zeros(200)), want: "ape"},
		{name: "wv named .mp3", data: wvBlock(0x407, frames), filename: "x.mp3", want: "wv"},
	})
}

// TestDetectAPEOldVersion: "MAC " of version 3.70 scores 25 for ape and
// ties with the MP3 frames after it; ape comes first in allformats.c, its
// header is refused, and ffprobe fails, as the probe must.
func TestDetectAPEOldVersion(t *testing.T) {
	frames, _ := mp3Frames(t, "mp3_cbr_noxing.mp3")
	b := hostile.Cat([]byte("MAC "), hostile.LE16(3700), hostile.Zeros(26), frames[:min(len(frames), 2000)])
	_, err := probe.ReaderAt(context.Background(), bytes.NewReader(b), int64(len(b)))
	assert.Error(t, err)
}

// TestWVReads: a WavPack file of a few megabytes with an APEv2 tag and
// cover at its end costs a read at the head and one at the tail, whatever
// lies between; a Monkey's Audio file likewise.
func TestWVReads(t *testing.T) {
	b, err := os.ReadFile("../testdata/wv_cover.wv")
	require.NoError(t, err)
	i := bytes.Index(b, []byte("APETAGEX"))
	require.Positive(t, i)
	// More blocks' worth of bytes before the tag: the demuxer never walks them.
	big := hostile.Cat(b[:i], hostile.Zeros(4<<20), b[i:])
	ape := hostile.Cat(apeHeader(), hostile.Zeros(4<<20), b[i:])
	for name, data := range map[string][]byte{"wv": big, "ape": ape} {
		info, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)))
		require.NoError(t, err, name)
		assert.Len(t, info.Streams, 2, name) // the audio and the cover
		assert.LessOrEqual(t, info.Stats.Reads, int64(3), name)
		assert.Less(t, info.Stats.BytesRead, int64(512<<10), name)
	}
}
