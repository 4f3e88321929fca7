package tags

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// apeItem builds an item: value size, flags (LE32 each), key, NUL, value.
func apeItem(key string, flags uint32, value []byte) []byte {
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(value)))
	b = binary.LittleEndian.AppendUint32(b, flags)
	b = append(append(b, key...), 0)
	return append(b, value...)
}

// apeFooter builds a footer or header: "APETAGEX", version, tag size
// (items + footer), item count, flags, 8 reserved bytes.
func apeFooter(items []byte, count int, flags uint32) []byte {
	b := []byte("APETAGEX")
	b = binary.LittleEndian.AppendUint32(b, 2000)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(items)+apeFooterSize))
	b = binary.LittleEndian.AppendUint32(b, uint32(count))
	b = binary.LittleEndian.AppendUint32(b, flags)
	return append(b, make([]byte, 8)...)
}

func TestReadAPE(t *testing.T) {
	cover := []byte{0xff, 0xd8, 0xff, 0xe0, 1, 2, 3}
	items := id3Cat(
		apeItem("Title", 0, []byte("Title")),
		apeItem("Cover Art (Front)", apeFlagBinary, id3Cat([]byte("cover.jpg\x00"), cover)),
		apeItem("Title", 0, []byte("Again")), // a repeated key keeps the last value
		apeItem("Artist", 0, []byte("Someone")),
	)
	audio := []byte{0xff, 0xfb, 0x90, 0x44}
	in := id3Cat(audio, apeFooter(items, 4, apeFlagHasHeader|apeFlagIsHeader), items, apeFooter(items, 4, apeFlagHasHeader))
	a, err := ReadAPE(&demuxkit.BytesSource{B: in}, int64(len(in)))
	require.NoError(t, err)
	require.NotNil(t, a)
	assert.Equal(t, int64(len(audio)), a.Start)
	assert.Equal(t, id3KV("Title", "Again", "Artist", "Someone"), a.Tags.List())
	require.Len(t, a.Binary, 1)
	b := a.Binary[0]
	assert.Equal(t, "Cover Art (Front)", b.Key)
	assert.Equal(t, "cover.jpg", b.Filename)
	assert.Equal(t, "mjpeg", b.Codec)
	assert.Equal(t, cover, in[b.Offset:b.Offset+b.Length])

	none, err := ReadAPE(&demuxkit.BytesSource{B: audio}, int64(len(audio)))
	assert.NoError(t, err)
	assert.Nil(t, none)
}

func TestReadAPEErrors(t *testing.T) {
	items := apeItem("Bad\x01Key", 0, []byte("v"))
	in := id3Cat(make([]byte, 40), items, apeFooter(items, 1, 0))
	a, err := ReadAPE(&demuxkit.BytesSource{B: in}, int64(len(in)))
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.NotNil(t, a)

	// A footer claiming more bytes than precede it.
	f := apeFooter(make([]byte, 100), 1, 0)
	_, err = ReadAPE(&demuxkit.BytesSource{B: f}, int64(len(f)))
	assert.ErrorIs(t, err, container.ErrMalformed)
}

// TestAPEItemSizeExceedsObject: an item claiming 2 GiB of text in a small
// object reads only the bytes there are.
func TestAPEItemSizeExceedsObject(t *testing.T) {
	item := binary.LittleEndian.AppendUint32(nil, 2000<<20) // value size
	item = binary.LittleEndian.AppendUint32(item, 0)        // flags: text
	item = append(item, "Title\x00short"...)
	in := id3Cat(make([]byte, 40), item, apeFooter(item, 1, 0))
	allocs := testing.AllocsPerRun(10, func() {
		a, err := ReadAPE(&demuxkit.BytesSource{B: in, Limit: 1024}, int64(len(in)))
		require.NoError(t, err)
		require.Equal(t, 1, a.Tags.Len())
	})
	assert.Less(t, allocs, 20.0)
}

func TestAPEStreams(t *testing.T) {
	jpeg := []byte{0xff, 0xd8, 0xff, 0xe0, 1, 2}
	items := id3Cat(
		apeItem("Cover Art (Front)", apeFlagBinary, id3Cat([]byte("front.JPG\x00"), jpeg)),
		apeItem("Notes", apeFlagBinary, []byte("notes.txt\x00hello")),
		apeItem("Empty", apeFlagBinary, []byte("nothing.png\x00")), // no bytes: skipped
	)
	in := id3Cat(make([]byte, 40), items, apeFooter(items, 3, 0)) // ffmpeg wants room for a header
	src := &demuxkit.BytesSource{B: in}
	a, err := ReadAPE(src, int64(len(in)))
	require.NoError(t, err)
	info := container.NewInfo("tta", "")
	APEStreams(info, src, a)
	require.Len(t, info.Streams, 2)
	pic, att := info.Streams[0], info.Streams[1]
	assert.Equal(t, "mjpeg", pic.CodecName)
	assert.True(t, pic.IsCover())
	assert.Equal(t, id3KV("Cover Art (Front)", "front.JPG"), pic.Tags.List())
	assert.Equal(t, jpeg, in[pic.Picture.Offset:pic.Picture.Offset+pic.Picture.Length])
	assert.Equal(t, container.Attachment, att.Type)
	assert.Equal(t, 5, att.ExtradataSize)
	assert.Equal(t, id3KV("Notes", "notes.txt"), att.Tags.List())
}
