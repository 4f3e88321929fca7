package ogg

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// allocBytes returns the bytes allocated while f runs.
func allocBytes(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestLacingClaimsMoreThanObject: a 1 KB input whose page declares 255
// lacing values of 255 bytes (65025) costs no more than a well-formed file
// of the same size: the payload length is checked against what the object
// holds before anything is allocated.
func TestLacingClaimsMoreThanObject(t *testing.T) {
	good := vorbisFile(1, 1000, 5000)
	bad := cat(oggPage(flagBOS, 0, 1, 0, false, vorbisID)[:pageHeaderSize-1], []byte{255}, repeat(255, 255), repeat(0, 1024-pageHeaderSize-255))
	var err error
	costGood := allocBytes(func() { _, _ = readBytes(t, good) })
	costBad := allocBytes(func() { _, err = readBytes(t, bad) })
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	assert.LessOrEqual(t, costBad, costGood+8<<10, "bad %d good %d", costBad, costGood)
}

// TestCommentLongerThanAllocLimit: a comment header spread over many pages
// is kept only up to the allocation limit; the probe still succeeds with
// the entries that fit, and the rest is counted, not stored.
func TestCommentLongerThanAllocLimit(t *testing.T) {
	const limit = 70000
	big := repeat('a', 5*60000)
	body := cat([]byte("\x03vorbis"), vorbisComment("v", "TITLE=x", "BIG="+string(big)), []byte{1})
	var pages [][]byte
	pages = append(pages, oggPage(flagBOS, 0, 1, 0, false, vorbisID))
	seq := uint32(1)
	flags := byte(0)
	for len(body) > 255*200 {
		pages = append(pages, oggPage(flags, -1, 1, seq, true, body[:255*200]))
		body = body[255*200:]
		flags = flagContinued
		seq++
	}
	pages = append(pages, oggPage(flags, 0, 1, seq, false, body, vorbisSetup))
	pages = append(pages, oggPage(flagEOS, 4000, 1, seq+1, false, []byte{0}))
	file := cat(pages...)
	src := &demuxkit.BytesSource{B: file, Limit: limit}
	var info *container.Info
	var err error
	cost := allocBytes(func() { info, err = read(src, 0, container.Options{}) })
	require.NoError(t, err)
	st := info.Streams[0]
	v, _ := st.Tags.Get("TITLE")
	assert.Equal(t, "x", v)
	_, ok := st.Tags.Get("BIG")
	assert.False(t, ok, "the entry past the limit is dropped")
	assert.Equal(t, int64(4000), st.DurationTS)
	// The pages are read (each at most 65 KB), the packet kept is bounded.
	assert.Less(t, cost, uint64(len(file))+8*limit)
}

// flacPictureBlock builds a FLAC PICTURE body.
func flacPictureBlock(typ uint32, mime, desc string, data []byte) []byte {
	be := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	return cat(be(typ), be(uint32(len(mime))), []byte(mime), be(uint32(len(desc))), []byte(desc),
		be(1), be(1), be(24), be(0), // width, height, depth, colours
		be(uint32(len(data))), data)
}

func TestMetadataBlockPicture(t *testing.T) {
	png := cat([]byte("\x89PNG\r\n\x1a\n"), []byte{0, 0, 0, 13}, []byte("IHDR"),
		[]byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0}, []byte{0x90, 0x77, 0x53, 0xDE})
	cover := base64.StdEncoding.EncodeToString(flacPictureBlock(3, "image/png", "front", png))
	unknown := base64.StdEncoding.EncodeToString(flacPictureBlock(3, "image/x-foo", "", png))
	file := opusFile(1968, 10000, "TITLE=t", "METADATA_BLOCK_PICTURE="+cover, "metadata_block_picture="+unknown)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2, "the unknown MIME type adds no stream")
	assert.Equal(t, []container.Tag{{Key: "TITLE", Value: "t"}}, info.Streams[0].Tags.List())
	pic := info.Streams[1]
	assert.Equal(t, container.Video, pic.Type)
	assert.Equal(t, "png", pic.CodecName)
	assert.True(t, pic.IsCover())
	assert.Equal(t, []container.Tag{{Key: "comment", Value: "Cover (front)"}, {Key: "title", Value: "front"}}, pic.Tags.List())
	require.NotNil(t, pic.Picture)
	assert.Equal(t, "image/png", pic.Picture.MIME)
}

// TestTailIsOneRead: a well-formed file costs one read of the source at the
// end, and the middle of the object is not read: the pages at the start
// (through the probe's buffering source), then one window at the end.
func TestTailIsOneRead(t *testing.T) {
	audio := repeat(0, 250)
	var pages [][]byte
	pages = append(pages, vorbisFile(1, 1000, 2000)[:len(vorbisFile(1, 1000, 2000))-len(oggPage(flagEOS, 2000, 1, 3, false, []byte{0, 1, 2, 3}, []byte{0, 1, 2, 3}))])
	for i := 0; i < 2000; i++ {
		pages = append(pages, oggPage(0, int64(2000+i*128), 1, uint32(3+i), false, audio))
	}
	pages = append(pages, oggPage(flagEOS, 300000, 1, 3000, false, audio))
	file := cat(pages...)
	src := &countingSource{BytesSource: demuxkit.BytesSource{B: file}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(300000-616), info.Streams[0].DurationTS)
	tail := 0
	for _, off := range src.offsets {
		if off >= int64(len(file))-maxPageSize {
			tail++
		}
	}
	assert.Equal(t, 1, tail, "one read of the tail")
	assert.Less(t, src.bytes, int64(len(file)/3), "the middle is not read")
}

type countingSource struct {
	demuxkit.BytesSource
	offsets []int64
	bytes   int64
}

func (c *countingSource) ReadAt(p []byte, off int64) (int, error) {
	c.offsets = append(c.offsets, off)
	n, err := c.BytesSource.ReadAt(p, off)
	c.bytes += int64(n)
	return n, err
}

// TestHeaderLongerThanAllocLimit: a header packet that must be parsed whole
// but exceeds the allocation limit fails with ErrLimit, without panicking.
func TestHeaderLongerThanAllocLimit(t *testing.T) {
	for _, limit := range []int64{5, 20} {
		_, err := read(&demuxkit.BytesSource{B: vorbisFile(1, 1000, 5000), Limit: limit}, 0, container.Options{})
		assert.True(t, errors.Is(err, container.ErrLimit), "limit %d: %v", limit, err)
	}
}
