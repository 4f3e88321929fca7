package matroska

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// readTrack probes a file of one track entry (number 1) and one block of
// it, and returns the track's stream.
func readTrack(t *testing.T, entry, frame []byte) *container.Stream {
	t.Helper()
	info := el(idInfo, uel(idTimecodeScale, 1000000), fel(idDuration, 1000))
	cluster := el(idCluster, uel(idClusterTime, 0), simpleBlock(1, 0, frame))
	b := cat(ebmlHead("matroska"), el(idSegment, info, el(idTracks, entry), cluster))
	got, err := Demuxer().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, got.Streams, 1)
	return got.Streams[0]
}

// A V_QUICKTIME CodecPrivate is a sample description: its fourcc, at byte
// 4, names the codec and is the codec tag (get_qt_codec); one written
// without the size field is given one, and the extradata is all of it.
func TestQuickTimeTrack(t *testing.T) {
	desc := make([]byte, 86)
	binary.BigEndian.PutUint32(desc, 86)
	copy(desc[4:], "svq1")
	binary.BigEndian.PutUint16(desc[82:], 24)
	entry := func(priv []byte) []byte {
		return el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 1), uel(idTrackType, trackVideo),
			sel(idCodecID, "V_QUICKTIME"), el(idCodecPrivate, priv), el(idVideo, uel(idPixelWidth, 32), uel(idPixelHeight, 24)))
	}
	st := readTrack(t, entry(desc), []byte{0, 0, 0})
	assert.Equal(t, "svq1", st.CodecName, "a lower-case fourcc matches SVQ1")
	assert.Equal(t, codec.Fourcc("svq1"), st.CodecTag)
	assert.Equal(t, 86, st.ExtradataSize)
	assert.Equal(t, "yuv410p", st.PixFmt)

	st = readTrack(t, entry(desc[4:]), []byte{0, 0, 0})
	assert.Equal(t, "svq1", st.CodecName, "no size field")
	assert.Equal(t, 86, st.ExtradataSize, "the size field is added")

	st = readTrack(t, entry(desc[:20]), []byte{0, 0, 0})
	assert.Empty(t, st.CodecName, "shorter than 21 bytes")
}

// TTA tracks get a TTA1 header as extradata, whose bit depth gives the
// decoder's sample format.
func TestTTATrack(t *testing.T) {
	entry := el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 1), uel(idTrackType, trackAudio), sel(idCodecID, "A_TTA1"),
		el(idAudio, fel(idSamplingFreq, 8000), uel(idChannels, 2), uel(idBitDepth, 24)))
	st := readTrack(t, entry, []byte{1, 2, 3, 4})
	assert.Equal(t, "tta", st.CodecName)
	assert.Equal(t, ttaExtradataSize, st.ExtradataSize)
	assert.Equal(t, "s32", st.SampleFmt)
	assert.Equal(t, 24, st.BitsPerRawSample)
}

// A FLAC CodecPrivate's Vorbis comment may carry the channel mask, which
// becomes the layout; the extradata is the STREAMINFO alone.
func TestFLACChannelMask(t *testing.T) {
	si := make([]byte, 34)
	binary.BigEndian.PutUint16(si[0:], 4096)
	binary.BigEndian.PutUint16(si[2:], 4096)
	// 8000 Hz (20 bits), 6 channels (3 bits, less one), 16 bits (5
	// bits, less one).
	si[10], si[11], si[12], si[13] = 0x01, 0xF4, 0x0A, 0xF0
	comment := func(kv string) []byte {
		b := binary.LittleEndian.AppendUint32(nil, 1)
		b = append(b, 'x')
		b = binary.LittleEndian.AppendUint32(b, 1)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(kv)))
		return append(b, kv...)
	}
	priv := func(kv string) []byte {
		c := comment(kv)
		p := append([]byte("fLaC\x00\x00\x00\x22"), si...)
		p = append(p, 0x84, 0, 0, byte(len(c)))
		return append(p, c...)
	}
	entry := func(p []byte) []byte {
		return el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 1), uel(idTrackType, trackAudio), sel(idCodecID, "A_FLAC"),
			el(idCodecPrivate, p), el(idAudio, fel(idSamplingFreq, 8000), uel(idChannels, 6)))
	}
	st := readTrack(t, entry(priv("WAVEFORMATEXTENSIBLE_CHANNEL_MASK=0x3f")), []byte{0xFF, 0xF8})
	assert.Equal(t, 34, st.ExtradataSize)
	assert.Equal(t, 6, st.Channels)
	assert.Equal(t, "5.1", st.ChannelLayout, "the mask's layout, not the decoder's 5.1(side)")
	st = readTrack(t, entry(priv("WAVEFORMATEXTENSIBLE_CHANNEL_MASK=0x7")), []byte{0xFF, 0xF8})
	assert.Equal(t, "5.1(side)", st.ChannelLayout, "a mask of another channel count is not kept")
	st = readTrack(t, entry(priv("OTHER=1")), []byte{0xFF, 0xF8})
	assert.Equal(t, "5.1(side)", st.ChannelLayout)
	p := priv("OTHER=1")
	p[4] = 1 // the first block is not STREAMINFO
	st = readTrack(t, entry(p), []byte{0xFF, 0xF8})
	assert.Zero(t, st.ExtradataSize, "invalid FLAC private data")
}

// Too few reordered frames for a guessed decoding timestamp: no start.
func TestReorderedTooShort(t *testing.T) {
	assert.True(t, reorderedTooShort("h264", 2, 3))
	assert.False(t, reorderedTooShort("h264", 2, 4))
	assert.True(t, reorderedTooShort("hevc", 2, 2))
	assert.False(t, reorderedTooShort("hevc", 2, 3))
	assert.False(t, reorderedTooShort("hevc", 0, 1))
	assert.False(t, reorderedTooShort("vp9", 2, 1))
}
