package adts

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// id3Frame builds an ID3v2.3 frame: id, 32-bit size, flags, data.
func id3Frame(id string, data []byte) []byte {
	var h [10]byte
	copy(h[:], id)
	binary.BigEndian.PutUint32(h[4:], uint32(len(data)))
	return append(h[:], data...)
}

// id3Tag wraps frames in an ID3v2.3 tag header with a syncsafe size.
func id3Tag(frames ...[]byte) []byte {
	var body []byte
	for _, f := range frames {
		body = append(body, f...)
	}
	n := len(body)
	h := []byte{'I', 'D', '3', 3, 0, 0, byte(n >> 21 & 127), byte(n >> 14 & 127), byte(n >> 7 & 127), byte(n & 127)}
	return append(h, body...)
}

// TestMidStreamID3 follows what ffprobe 5.1 prints for a leading tag
// (artist, title, PRIV) and a tag between frames (title, album):
// artist, id3v2_priv.owner, title, album.
func TestMidStreamID3(t *testing.T) {
	lead := id3Tag(
		id3Frame("TPE1", []byte("\x00Lead Artist")),
		id3Frame("TIT2", []byte("\x00Lead Title")),
		id3Frame("PRIV", []byte("owner\x00\x01\x02")))
	mid := id3Tag(
		id3Frame("TIT2", []byte("\x00Mid Title")),
		id3Frame("TALB", []byte("\x00Mid Album")))
	data := append(append([]byte{}, lead...), stream(1, 4, 2, 100, 100)...)
	data = append(data, mid...)
	data = append(data, stream(1, 4, 2, 100, 100)...)
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, int64(len(lead)), container.Options{})
	require.NoError(t, err)
	assert.Equal(t, []container.Tag{
		{Key: "artist", Value: "Lead Artist"},
		{Key: "id3v2_priv.owner", Value: `\x01\x02`},
		{Key: "title", Value: "Mid Title"},
		{Key: "album", Value: "Mid Album"},
	}, info.Format.Tags.List())
	assert.Equal(t, runningAverage(44100, []int{100, 100, 100, 100}), info.Streams[0].BitRate)
}

// TestUndecodableCoverReadsOn: a leading APIC whose image gives no
// dimensions leaves find_stream_info waiting, so more than 50 frames count.
func TestUndecodableCoverReadsOn(t *testing.T) {
	lead := id3Tag(id3Frame("APIC", []byte("\x00image/jpeg\x00\x03\x00\x00\x01\x02\x03")))
	lengths := make([]int, 80)
	for i := range lengths {
		lengths[i] = 100 + i
	}
	data := append(append([]byte{}, lead...), stream(1, 4, 2, lengths...)...)
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, int64(len(lead)), container.Options{})
	require.NoError(t, err)
	assert.Equal(t, runningAverage(44100, lengths), info.Streams[0].BitRate)

	// Without the picture the 50-frame rule applies.
	info, err = Demuxer().Read(&demuxkit.BytesSource{B: stream(1, 4, 2, lengths...)}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, runningAverage(44100, lengths[:50]), info.Streams[0].BitRate)
}
