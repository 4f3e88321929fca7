package mp4

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

func readBytes(t *testing.T, b []byte) (*container.Info, error) {
	t.Helper()
	return Demuxer().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestReadM4A(t *testing.T) {
	data := m4a(10,
		ilstItem("\xa9nam", 1, []byte("Song")),                               // title, UTF-8
		ilstItem("trkn", 0, cat(u16(0), u16(3), u16(12), u16(0))),            // track 3 of 12
		ilstItem("gnre", 0, u16(14)),                                         // ID3v1 genre 14 (1-based): Pop
		ilstItem("covr", 13, cat([]byte{0xff, 0xd8, 0xff, 0xe0}, zeros(12))), // a JPEG
	)
	info, err := readBytes(t, data)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)

	a := info.Streams[0]
	assert.Equal(t, container.Audio, a.Type)
	assert.Equal(t, "aac", a.CodecName)
	assert.Equal(t, "LC", a.Profile)
	assert.Equal(t, "fltp", a.SampleFmt)
	assert.Equal(t, 44100, a.SampleRate)
	assert.Equal(t, 2, a.Channels)
	assert.Equal(t, "stereo", a.ChannelLayout)
	assert.Equal(t, container.Rational{Num: 1, Den: 44100}, a.TimeBase)
	assert.Equal(t, int64(10240), a.DurationTS)
	assert.Equal(t, int64(0), a.StartPTS)
	assert.Equal(t, int64(10), a.NbFrames)
	assert.Equal(t, int64(100*10*8*44100/10240), a.BitRate)
	assert.Equal(t, 2, a.ExtradataSize)
	assert.Equal(t, int64(1), a.ID)
	assert.Equal(t, container.DispositionDefault, a.Disposition)
	assert.Equal(t, []container.Tag{{Key: "language", Value: "und"}, {Key: "handler_name", Value: "SoundHandler"}, {Key: "vendor_id", Value: "[0][0][0][0]"}}, a.Tags.List())

	c := info.Streams[1]
	assert.True(t, c.IsCover())
	assert.Equal(t, "mjpeg", c.CodecName)
	require.NotNil(t, c.Picture)
	assert.Equal(t, int64(16), c.Picture.Length)
	assert.Equal(t, byte(0xff), data[c.Picture.Offset])
	assert.Equal(t, byte(0xd8), data[c.Picture.Offset+1])

	assert.Equal(t, []container.Tag{
		{Key: "major_brand", Value: "M4A "}, {Key: "minor_version", Value: "512"}, {Key: "compatible_brands", Value: "M4A isomiso2"},
		{Key: "title", Value: "Song"}, {Key: "track", Value: "3/12"}, {Key: "genre", Value: "Pop"},
	}, info.Format.Tags.List())
	assert.Equal(t, int64(232000), info.Format.Duration) // mvhd: 232 / 1000 s
}

func TestReadErrors(t *testing.T) {
	good := m4a(4)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, container.ErrMalformed},
		{"no moov", mkbox("mdat", zeros(32)), container.ErrMalformed},
		{"stsd with no entries", cat(ftypM4A(), mkbox("moov", mvhd(1000, 0), mkbox("trak", tkhd(1, 1),
			mkbox("mdia", mdhd(1000, 0, 0x55c4), hdlr("soun", ""), mkbox("minf", mkbox("stbl",
				mkbox("stsd", full(0, 0), u32(0)))))))), // entry count 0
			container.ErrMalformed},
		{"stsc past stco", cat(ftypM4A(), mkbox("moov", mvhd(1000, 0), mkbox("trak", tkhd(1, 1),
			mkbox("mdia", mdhd(1000, 0, 0x55c4), hdlr("soun", ""), mkbox("minf", mkbox("stbl",
				mkbox("stts", full(0, 0), u32(1), u32(1), u32(1024)),
				mkbox("stsz", full(0, 0), u32(10), u32(1)),
				mkbox("stsc", full(0, 0), u32(1), u32(5), u32(1), u32(1)), // first chunk 5
				mkbox("stco", full(0, 0), u32(1), u32(0)))))))),           // of 1
			container.ErrMalformed},
		{"truncated moov", good[:len(good)/2], nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readBytes(t, tc.data)
			if tc.want == nil {
				// A cut moov is clamped as mov_read_default clamps it.
				require.NoError(t, err)
				require.NotNil(t, info)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.want), "%v", err)
		})
	}
}

// TestBoxSizes checks the box-size forms mov_read_default accepts: 64-bit
// sizes, size 0 (to the end of the parent), a child larger than its parent
// (clamped) and trailing garbage shorter than a header.
func TestBoxSizes(t *testing.T) {
	base := m4a(4)
	mdatAt := len(base) - (8 + 400)
	head, mdat := base[:mdatAt], base[mdatAt:]
	tests := []struct {
		name string
		data []byte
	}{
		{"64-bit free before moov", cat(mkbox64("free", zeros(8)), base)},
		{"mdat of size 0", cat(head, u32(0), []byte("mdat"), mdat[8:])},
		{"trailing garbage", cat(base, []byte{0, 0, 0})},
		{"moov after mdat", cat(ftypM4A(), mkbox("free"), head[len(ftypM4A()):], mdat)},
		// The moov renamed free: found on the second pass (moov_retry).
		{"moov in a free box", cat(ftypM4A(), []byte(string(head[len(ftypM4A()):len(ftypM4A())+4])+"free"), head[len(ftypM4A())+8:], mdat)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readBytes(t, tc.data)
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			assert.Equal(t, "aac", info.Streams[0].CodecName)
			assert.Equal(t, int64(4), info.Streams[0].NbFrames)
		})
	}
}

func TestProbe(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		want int
	}{
		{"ftyp", ftypM4A(), 100},
		{"moov", mkbox("moov", zeros(8)), 100},
		{"free only", mkbox("free", zeros(8)), 95},
		{"uuid only", mkbox("uuid", zeros(16)), 50},
		{"jpeg 2000", mkbox("ftyp", []byte("jp2 "), u32(0)), 5},
		{"nothing", []byte("RIFF\x00\x00\x00\x00WAVE"), 0},
		{"short", []byte{0, 0}, 0},
		{"MPEG-PS in mov", mkbox("moov", mkbox("hdlr", full(0, 0), []byte("mhlrMPEG"), zeros(12))), 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, probe(tc.head))
		})
	}
}
