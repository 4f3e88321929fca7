package mpegps

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// packHeader is an MPEG-2 pack header with no stuffing.
var packHeader = []byte{0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1, 0, 0x03, 0xFF, 0xF8}

// systemHeaderBytes is a system header naming one video and one audio
// stream.
var systemHeaderBytes = []byte{0, 0, 1, 0xBB, 0, 12, 0x80, 0x01, 0x01, 0x04, 0xE1, 0xFF, 0xE0, 0xE0, 0xE8, 0xC0, 0xC0, 0x20}

func ptsBytes(prefix byte, ts int64) []byte {
	return []byte{prefix | byte(ts>>29&0x0E), byte(ts >> 22), byte(ts>>14) | 1, byte(ts >> 7), byte(ts<<1) | 1}
}

// pesPacket is an MPEG-2 PES packet of stream id sid with a PTS.
func pesPacket(sid byte, pts int64, payload []byte) []byte {
	h := []byte{0, 0, 1, sid, 0, 0, 0x80, 0x80, 5}
	h = append(h, ptsBytes(0x21, pts)...)
	b := append(h, payload...)
	binary.BigEndian.PutUint16(b[4:], uint16(len(b)-6))
	return b
}

func mp2Frame() []byte {
	f := make([]byte, 384)
	copy(f, []byte{0xFF, 0xFD, 0x84, 0x00})
	return f
}

// ac3Substream is a private stream 1 payload: substream 0x80, frame count
// and first access unit, then the frame bytes.
func ac3Substream(frame []byte) []byte {
	return append([]byte{0x80, 1, 0, 1}, frame...)
}

func readPS(t *testing.T, b []byte) *container.Info {
	t.Helper()
	info, err := read(&demuxkit.BytesSource{B: b, Limit: 32 << 20}, 0, container.Options{})
	require.NoError(t, err)
	return info
}

func TestProbeScores(t *testing.T) {
	var b []byte
	b = append(b, packHeader...)
	b = append(b, systemHeaderBytes...)
	b = append(b, pesPacket(0xBD, 9000, ac3Substream(make([]byte, 100)))...)
	assert.Equal(t, 25, probe(b), "a lone pack: one less than with more")
	b = append(b, packHeader...)
	b = append(b, pesPacket(0xC0, 9000, mp2Frame())...)
	assert.Equal(t, 26, probe(b))
	for range 3 {
		b = append(b, packHeader...)
	}
	assert.Equal(t, 52, probe(b))
	assert.Zero(t, probe(make([]byte, 4096)))
	assert.Zero(t, probe([]byte{0, 0, 1}))
}

func TestStreamsAndTimings(t *testing.T) {
	var b []byte
	for i := range 20 {
		b = append(b, packHeader...)
		b = append(b, pesPacket(0xC0, 45000+int64(i)*2160, mp2Frame())...)
		lpcm := append([]byte{0xA0, 1, 0, 1, 0x00, 0x01, 0x80}, make([]byte, 960)...) // 16-bit, 48 kHz, 2 channels
		b = append(b, pesPacket(0xBD, 45000+int64(i)*2160, lpcm)...)
	}
	info := readPS(t, b)
	require.Len(t, info.Streams, 2)
	a := info.Streams[0]
	assert.Equal(t, "mp2", a.CodecName)
	assert.Equal(t, int64(0x1C0), a.ID)
	assert.Equal(t, "s16p", a.SampleFmt)
	assert.Equal(t, int64(45000), a.StartPTS)
	assert.Equal(t, int64(20*2160), a.DurationTS)
	l := info.Streams[1]
	assert.Equal(t, "pcm_dvd", l.CodecName)
	assert.Equal(t, int64(0xA0), l.ID)
	assert.Equal(t, 2, l.Channels)
	assert.Equal(t, "stereo", l.ChannelLayout)
	assert.Equal(t, int64(2*48000*16), l.BitRate)
	// 960 bytes are 240 stereo samples: 450 ticks.
	assert.Equal(t, int64(19*2160+450), l.DurationTS)
}

func TestPSM(t *testing.T) {
	psm := []byte{0, 0, 1, 0xBC, 0, 14, 0x80, 0x01, 0, 0, 0, 4, 0x1b, 0xE0, 0, 0, 0, 0, 0, 0}
	var b []byte
	b = append(b, packHeader...)
	b = append(b, psm...)
	b = append(b, pesPacket(0xE0, 9000, []byte{0, 0, 0, 1, 0x09, 0xF0})...)
	info := readPS(t, b)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, "h264", info.Streams[0].CodecName)
}

// TestHostileTruncatedAndGarbage: packets that claim more than the
// object holds, start codes with nothing after them, and a long run of
// bytes without a start code all end the walk without error.
func TestHostileTruncatedAndGarbage(t *testing.T) {
	b := append([]byte{}, packHeader...)
	p := pesPacket(0xC0, 9000, mp2Frame())
	binary.BigEndian.PutUint16(p[4:], 0xFFFF)
	b = append(b, p...)
	b = append(b, 0, 0, 1)
	info := readPS(t, b)
	assert.Empty(t, info.Streams)
	begin := time.Now()
	_, err := read(&demuxkit.BytesSource{B: make([]byte, 3<<20)}, 0, container.Options{})
	require.NoError(t, err)
	assert.Less(t, time.Since(begin), 2*time.Second)
}
