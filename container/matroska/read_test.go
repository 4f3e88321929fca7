package matroska

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

func TestReadVint(t *testing.T) {
	for _, c := range []struct {
		b    []byte
		max  int
		v    uint64
		n    int
		note string
	}{
		{[]byte{0x81}, 8, 1, 1, "one byte"},
		{[]byte{0x40, 0x02}, 8, 2, 2, "two bytes"},
		{[]byte{0x01, 0, 0, 0, 0, 0, 0, 0x05}, 8, 5, 8, "eight bytes"},
		{[]byte{0x00, 1}, 8, 0, 0, "a zero first byte is refused"},
		{[]byte{0x10, 0, 0}, 8, 0, 0, "cut short"},
		{[]byte{0x08, 0, 0, 0, 0}, 4, 0, 0, "longer than max"},
		{nil, 8, 0, 0, "empty"},
	} {
		v, n := readVint(c.b, c.max)
		assert.Equal(t, c.v, v, c.note)
		assert.Equal(t, c.n, n, c.note)
	}
}

func TestReadIDAndSize(t *testing.T) {
	id, n := readID([]byte{0x1A, 0x45, 0xDF, 0xA3})
	assert.Equal(t, uint32(idEBML), id)
	assert.Equal(t, 4, n)
	id, n = readID([]byte{0xEC})
	assert.Equal(t, uint32(0xEC), id)
	assert.Equal(t, 1, n)
	_, n = readID([]byte{0x08, 0, 0, 0, 0})
	assert.Zero(t, n, "a 5-byte ID")
	// Every all-ones value is an unknown size, whatever its length.
	for _, b := range [][]byte{{0xFF}, {0x7F, 0xFF}, {0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}} {
		s, _ := readSize(b)
		assert.Equal(t, uint64(unknownSize), s, "%x", b)
	}
	s, n := readSize([]byte{0x7F, 0xFE})
	assert.Equal(t, uint64(0x3FFE), s)
	assert.Equal(t, 2, n)
	assert.True(t, validID(idSegment))
	assert.True(t, validID(0xEC))
	assert.False(t, validID(0x1F))
	assert.False(t, validID(0))
}

func TestParseHeaderBounds(t *testing.T) {
	b := cat([]byte{0xEC}, vsize(10))
	_, ok := parseHeader(b, 0, 9+5)
	assert.False(t, ok, "a size past the parent")
	h, ok := parseHeader(b, 0, 9+10)
	require.True(t, ok)
	assert.Equal(t, int64(10), h.size)
	h, ok = parseHeader([]byte{0xEC, 0xFF}, 100, 150)
	require.True(t, ok)
	assert.True(t, h.unknown)
	assert.Equal(t, int64(48), h.size, "an unknown size extends to the parent's end")
}

func TestValues(t *testing.T) {
	v, ok := sintVal([]byte{0xFF, 0xFE})
	assert.True(t, ok)
	assert.Equal(t, int64(-2), v)
	_, ok = uintVal(make([]byte, 9))
	assert.False(t, ok)
	f, ok := floatVal([]byte{0x3F, 0x80, 0, 0})
	assert.True(t, ok)
	assert.Equal(t, 1.0, f)
	_, ok = floatVal([]byte{1, 2, 3})
	assert.False(t, ok)
	assert.Equal(t, "ab", strVal([]byte("ab\x00cd")))
	s, ok := creationTime([]byte{0x0B, 0x79, 0x88, 0x5F, 0x6E, 0xC0, 0x48, 0x00})
	assert.True(t, ok)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$`, s)
}

func TestReadFile(t *testing.T) {
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: file()}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "opus", st.CodecName)
	assert.Equal(t, container.Audio, st.Type)
	assert.Equal(t, 48000, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, container.Rational{Num: 1, Den: 1000}, st.TimeBase)
	assert.Equal(t, int64(-7), st.StartPTS, "the codec delay shifts the blocks")
	assert.Equal(t, container.DispositionForced, st.Disposition)
	assert.Equal(t, int64(1500000), info.Format.Duration)
	var keys []string
	for k := range st.Tags.All() {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"language", "title", "DURATION"}, keys)
	keys = nil
	for k := range info.Format.Tags.All() {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"title", "encoder", "ARTIST", "performer"}, keys)
}

func TestConvertTagLanguages(t *testing.T) {
	name, val, sub := "BPS", "100", "X"
	var m container.Tags
	convertTag([]simpleTag{
		{name: &name, str: &val, lang: "eng"},
		{name: &sub, str: &val, lang: "und", def: 1, sub: []simpleTag{{name: &name, str: &val, lang: "und"}}},
	}, &m, nil)
	var keys []string
	for k := range m.All() {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"BPS-eng", "X", "X/BPS"}, keys)
}

func TestFirstLace(t *testing.T) {
	// Xiph: 3 laces, sizes 300 (255+45) and 10, then the data.
	l, h := firstLace([]byte{2, 255, 45, 10}, 1, 400)
	assert.Equal(t, int64(300), l)
	assert.Equal(t, 4, h)
	// Fixed: 2 laces in 9 bytes after the count.
	l, h = firstLace([]byte{1}, 2, 9)
	assert.Equal(t, int64(4), l)
	assert.Equal(t, 1, h)
	// EBML: 3 laces, first 5, one signed difference.
	l, h = firstLace([]byte{2, 0x85, 0xBF}, 3, 30)
	assert.Equal(t, int64(5), l)
	assert.Equal(t, 3, h)
	_, h = firstLace([]byte{2, 255}, 1, 10)
	assert.Equal(t, -1, h, "a cut lacing header")
}

func TestDolbyVisionMapping(t *testing.T) {
	track := el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackType, trackVideo), sel(idCodecID, "V_MPEGH/ISO/HEVC"),
		el(idVideo, uel(idPixelWidth, 64), uel(idPixelHeight, 48)),
		el(idBlockAddMapping, uel(idBlockAddIDType, 0x64766343), el(idBlockAddIDExtra, []byte{1, 0, 0x10, 0x35, 0x10, 0, 0, 0})))
	data := cat(ebmlHead("matroska"), el(idSegment, el(idTracks, track), el(idCluster, uel(idClusterTime, 0))))
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	dv, ok := container.SideDataOf[container.DOVIConfig](info.Streams[0])
	require.True(t, ok)
	assert.Equal(t, container.DOVIConfig{VersionMajor: 1, Profile: 8, Level: 6, RPUPresent: true, BLPresent: true, BLSignalCompatibilityID: 1}, dv)
}

func TestNoClusterFails(t *testing.T) {
	data := cat(ebmlHead("matroska"), el(idSegment, el(idTracks, opusTrack())))
	_, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrMalformed, "matroska_read_header fails without a Cluster")
}

func TestResync(t *testing.T) {
	// Garbage between Tracks and the Cluster: the reader resyncs from the
	// Segment's start, as matroska_read_header does, so that Tracks is read
	// twice (ffprobe 5.1 prints two streams), then finds the Cluster.
	data := cat(ebmlHead("matroska"), el(idSegment, el(idTracks, opusTrack()), []byte{0x00, 0x12, 0x34},
		el(idCluster, uel(idClusterTime, 0), simpleBlock(1, 5, []byte{0xFC, 0}))))
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, int64(5-7), info.Streams[0].StartPTS)
}
