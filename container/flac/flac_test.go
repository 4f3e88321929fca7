package flac

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// counting is a Source that counts the reads and bytes asked of it.
type counting struct {
	demuxkit.BytesSource
	reads, bytes int64
}

func (c *counting) ReadAt(p []byte, off int64) (int, error) {
	c.reads++
	c.bytes += int64(len(p))
	return c.BytesSource.ReadAt(p, off)
}

// block builds a metadata block: last flag and type, 24-bit length, body.
func block(last bool, typ byte, body []byte) []byte {
	h := typ
	if last {
		h |= 0x80
	}
	return append([]byte{h, byte(len(body) >> 16), byte(len(body) >> 8), byte(len(body))}, body...)
}

// streamInfo builds a STREAMINFO body.
func streamInfo(rate uint32, channels, bps byte, samples uint64) []byte {
	b := []byte{
		0x10, 0x00, // min block size 4096
		0x10, 0x00, // max block size 4096
		0x00, 0x00, 0x0E, // min frame size
		0x00, 0x10, 0x00, // max frame size
	}
	// rate (20) channels-1 (3) bps-1 (5) samples (36)
	v := uint64(rate)<<44 | uint64(channels-1)<<41 | uint64(bps-1)<<36 | samples&(1<<36-1)
	b = binary.BigEndian.AppendUint64(b, v)
	return append(b, make([]byte, 16)...) // MD5
}

func comments(kv ...string) []byte {
	b := binary.LittleEndian.AppendUint32(nil, 6)
	b = append(b, "ffmpeg"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(kv)))
	for _, c := range kv {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(c)))
		b = append(b, c...)
	}
	return b
}

// pictureBody builds a PICTURE body: type, MIME, description, width,
// height, depth, colours, data length, data.
func pictureBody(typ uint32, mime, desc string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, typ)
	b = binary.BigEndian.AppendUint32(b, uint32(len(mime)))
	b = append(b, mime...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(desc)))
	b = append(b, desc...)
	for _, v := range []uint32{1, 1, 24, 0, uint32(len(data))} {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return append(b, data...)
}

// png1x1 is a PNG signature and IHDR of a 1x1 RGB image, then IDAT.
var png1x1 = []byte("\x89PNG\r\n\x1a\n" +
	"\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00IDAT\x00\x00\x00\x00")

// frames stands for the audio frames after the metadata.
// They are longer than two frames of the minimum frame size streamInfo
// declares, 14 bytes, so that the first one is taken to have a next.
var frames = append([]byte{0xFF, 0xF8, 0x69, 0x08, 0, 0, 0, 0}, make([]byte, 24)...)

func file(blocks ...[]byte) []byte {
	b := []byte("fLaC")
	for _, x := range blocks {
		b = append(b, x...)
	}
	return append(b, frames...)
}

func TestRead(t *testing.T) {
	data := file(
		block(false, typeStreamInfo, streamInfo(44100, 2, 16, 132300)),
		block(false, typeVorbisComment, comments("title=Song", "ALBUMARTIST=AA", "ARTIST=A1", "artist=A2")),
		block(false, typePicture, pictureBody(3, "image/png", "A pixel.", png1x1)),
		block(true, typePadding, make([]byte, 100)),
	)
	info, err := read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	a := info.Streams[0]
	assert.Equal(t, "flac", a.CodecName)
	assert.Equal(t, container.Audio, a.Type)
	assert.Equal(t, 44100, a.SampleRate)
	assert.Equal(t, 2, a.Channels)
	assert.Equal(t, "stereo", a.ChannelLayout)
	assert.Equal(t, "s16", a.SampleFmt)
	assert.Equal(t, 16, a.BitsPerRawSample)
	assert.Equal(t, container.Rational{Num: 1, Den: 44100}, a.TimeBase)
	assert.Equal(t, int64(0), a.StartPTS)
	assert.Equal(t, int64(132300), a.DurationTS)
	assert.Equal(t, 34, a.ExtradataSize)
	assert.Equal(t, []container.Tag{{Key: "title", Value: "Song"}, {Key: "album_artist", Value: "AA"}, {Key: "artist", Value: "A1;A2"}}, info.Format.Tags.List())
	assert.Equal(t, int64(len(data)-len(frames)), info.Format.DataOffset)

	v := info.Streams[1]
	assert.Equal(t, container.Video, v.Type)
	assert.True(t, v.IsCover())
	assert.Equal(t, "png", v.CodecName)
	assert.Equal(t, "rgb24", v.PixFmt)
	assert.Equal(t, []container.Tag{{Key: "comment", Value: "Cover (front)"}, {Key: "title", Value: "A pixel."}}, v.Tags.List())
	require.NotNil(t, v.Picture)
	assert.Equal(t, int64(len(png1x1)), v.Picture.Length)
	assert.Equal(t, png1x1, data[v.Picture.Offset:v.Picture.Offset+v.Picture.Length])
}

func TestReadStreamInfo(t *testing.T) {
	tests := []struct {
		name             string
		info             []byte
		fmt, layout      string
		raw              int
		duration         int64
		extra            [][]byte
		layoutTagRemains bool
	}{
		{"24-bit 5.1 default layout", streamInfo(96000, 6, 24, 1000), "s32", "5.1(side)", 24, 1000, nil, false},
		{"3 channels", streamInfo(48000, 3, 16, 1000), "s16", "3.0", 16, 1000, nil, false},
		{"channel mask tag", streamInfo(48000, 6, 16, 1000), "s16", "5.1", 16, 1000,
			[][]byte{block(false, typeVorbisComment, comments("WAVEFORMATEXTENSIBLE_CHANNEL_MASK=0x3f"))}, false},
		{"invalid channel mask stays a tag", streamInfo(48000, 2, 16, 1000), "s16", "stereo", 16, 1000,
			[][]byte{block(false, typeVorbisComment, comments("WAVEFORMATEXTENSIBLE_CHANNEL_MASK=zz"))}, true},
		{"unknown total samples", streamInfo(48000, 1, 8, 0), "s16", "mono", 8, container.NoPTS, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := append([][]byte{block(false, typeStreamInfo, tt.info)}, tt.extra...)
			blocks = append(blocks, block(true, typePadding, nil))
			info, err := read(&demuxkit.BytesSource{B: file(blocks...)}, 0, container.Options{})
			require.NoError(t, err)
			a := info.Streams[0]
			assert.Equal(t, tt.fmt, a.SampleFmt)
			assert.Equal(t, tt.layout, a.ChannelLayout)
			assert.Equal(t, tt.raw, a.BitsPerRawSample)
			assert.Equal(t, tt.duration, a.DurationTS)
			_, ok := info.Format.Tags.Get("WAVEFORMATEXTENSIBLE_CHANNEL_MASK")
			assert.Equal(t, tt.layoutTagRemains, ok)
		})
	}
}

// TestReadID3Prefixed: the caller gives the offset after the ID3v2 tag.
func TestReadID3Prefixed(t *testing.T) {
	id3 := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x0a"), make([]byte, 10)...)
	data := append(id3, file(block(true, typeStreamInfo, streamInfo(8000, 1, 16, 8000)))...)
	info, err := read(&demuxkit.BytesSource{B: data}, int64(len(id3)), container.Options{})
	require.NoError(t, err)
	assert.Equal(t, 8000, info.Streams[0].SampleRate)
	assert.Equal(t, int64(len(data)-len(frames)), info.Format.DataOffset)
}

func TestReadPictures(t *testing.T) {
	si := block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100))
	t.Run("unknown MIME type adds no stream", func(t *testing.T) {
		info, err := read(&demuxkit.BytesSource{B: file(si, block(true, typePicture, pictureBody(3, "image/x-foo", "", png1x1)))}, 0, container.Options{})
		require.NoError(t, err)
		assert.Len(t, info.Streams, 1)
	})
	t.Run("PNG signature wins over the MIME type", func(t *testing.T) {
		info, err := read(&demuxkit.BytesSource{B: file(si, block(true, typePicture, pictureBody(0, "image/jpeg", "", png1x1)))}, 0, container.Options{})
		require.NoError(t, err)
		require.Len(t, info.Streams, 2)
		assert.Equal(t, "png", info.Streams[1].CodecName)
		assert.Equal(t, []container.Tag{{Key: "comment", Value: "Other"}}, info.Streams[1].Tags.List())
	})
	t.Run("picture before STREAMINFO is allowed", func(t *testing.T) {
		info, err := read(&demuxkit.BytesSource{B: file(block(false, typePicture, pictureBody(3, "image/png", "", png1x1)),
			block(true, typeStreamInfo, streamInfo(44100, 2, 16, 100)))}, 0, container.Options{})
		require.NoError(t, err)
		assert.Len(t, info.Streams, 2)
	})
}

func TestReadErrors(t *testing.T) {
	si := block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100))
	tests := []struct {
		name string
		data []byte
		err  error
	}{
		{"comment before STREAMINFO", file(block(false, typeVorbisComment, comments()), si), container.ErrMalformed},
		{"padding before STREAMINFO", file(block(false, typePadding, nil), si), container.ErrMalformed},
		{"STREAMINFO of 33 bytes", file(block(true, typeStreamInfo, streamInfo(44100, 2, 16, 0)[:33])), container.ErrMalformed},
		{"two STREAMINFO", file(si, si), container.ErrMalformed},
		{"no block after a block not last", []byte("fLaC" + string(si)), container.ErrTruncated},
		{"header cut short", []byte("fLaC\x00\x00"), container.ErrTruncated},
		{"cue sheet too short", file(si, block(true, typeCueSheet, make([]byte, 100))), container.ErrMalformed},
		{"cue sheet without tracks", file(si, block(true, typeCueSheet, make([]byte, 431))), container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := read(&demuxkit.BytesSource{B: tt.data}, 0, container.Options{})
			assert.ErrorIs(t, err, tt.err)
			assert.Nil(t, info)
		})
	}
}

// TestPaddingSkippedUnread: a 4 MB PADDING block and a 2 MB picture cost a
// few small reads, not their size.
func TestPaddingSkippedUnread(t *testing.T) {
	big := append(append([]byte{}, png1x1...), make([]byte, 2<<20)...)
	data := file(
		block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100)),
		block(false, typePicture, pictureBody(3, "image/png", "", big)),
		block(true, typePadding, make([]byte, 4<<20)),
	)
	src := &counting{BytesSource: demuxkit.BytesSource{B: data}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, 1, info.Streams[1].Width)
	assert.Less(t, src.bytes, int64(8<<10), "bytes read")
	assert.Less(t, src.reads, int64(12), "reads")
}

// TestPictureLengthBeyondObject: a 1 KB file whose PICTURE block claims
// 16 MB fails as truncated and allocates no more than a well-formed file.
func TestPictureLengthBeyondObject(t *testing.T) {
	bad := file(block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100)),
		[]byte{typePicture | 0x80, 0xFF, 0xFF, 0xFF}, make([]byte, 1000))
	good := file(block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100)),
		block(true, typePicture, pictureBody(3, "image/png", "", png1x1)))
	_, err := read(&demuxkit.BytesSource{B: bad}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrTruncated)
	allocBad := testing.AllocsPerRun(10, func() { _, _ = read(&demuxkit.BytesSource{B: bad}, 0, container.Options{}) })
	allocGood := testing.AllocsPerRun(10, func() { _, _ = read(&demuxkit.BytesSource{B: good}, 0, container.Options{}) })
	assert.LessOrEqual(t, allocBad, allocGood)
}

// TestPictureDescriptionLengthHuge: a description length of 4 GB inside a
// small block drops the picture, as ff_flac_parse_picture does, without
// reading or allocating it.
func TestPictureDescriptionLengthHuge(t *testing.T) {
	body := pictureBody(3, "image/png", "", png1x1)
	binary.BigEndian.PutUint32(body[8+9:], 0xFFFFFFFF) // description length
	data := file(block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100)), block(true, typePicture, body))
	src := &counting{BytesSource: demuxkit.BytesSource{B: data, Limit: 1 << 20}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)
	assert.Less(t, src.bytes, int64(2<<10))
}

// TestVorbisCommentBeyondLimit: a comment block larger than the allocation
// limit is refused with ErrLimit rather than allocated.
func TestVorbisCommentBeyondLimit(t *testing.T) {
	data := file(block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100)),
		block(true, typeVorbisComment, append(comments("a=b"), make([]byte, 5000)...)))
	_, err := read(&demuxkit.BytesSource{B: data, Limit: 4096}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrLimit)
}

func TestRawFrames(t *testing.T) {
	info, err := read(&demuxkit.BytesSource{B: frames}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, "flac", info.Streams[0].CodecName)
}

func TestProbe(t *testing.T) {
	good := file(block(true, typeStreamInfo, streamInfo(44100, 2, 16, 100)))
	badRate := file(block(true, typeStreamInfo, streamInfo(0, 2, 16, 100)))
	tests := []struct {
		name string
		head []byte
		want int
	}{
		{"plausible STREAMINFO", good, 100},
		{"zero sample rate", badRate, 50},
		{"marker only", []byte("fLaC\x84\x00\x00\x22\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), 50},
		{"short", []byte("fLaC"), 0},
		{"raw frame sync", frames, 13},
		{"raw frame reserved bit", []byte{0xFF, 0xF8, 0x69, 0x09}, 0},
		{"other", []byte("ID3\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, probe(tt.head))
		})
	}
}

// TestChannelMaskTagRemovedAsAvDictSet: flac_read_header removes the mask
// comment with av_dict_set(NULL), which moves the last entry into its
// place (ffprobe 5.1 prints A1, encoder, B2, C3, D4 for this order).
func TestChannelMaskTagRemovedAsAvDictSet(t *testing.T) {
	data := file(block(false, typeStreamInfo, streamInfo(48000, 6, 16, 1000)),
		block(true, typeVorbisComment, comments("A1=1", "WAVEFORMATEXTENSIBLE_CHANNEL_MASK=0x3f", "B2=2", "C3=3", "D4=4", "encoder=x")))
	info, err := read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, []container.Tag{{Key: "A1", Value: "1"}, {Key: "encoder", Value: "x"}, {Key: "B2", Value: "2"},
		{Key: "C3", Value: "3"}, {Key: "D4", Value: "4"}}, info.Format.Tags.List())
}

// TestStreamInfoMinBlockSizeUnder16: FFmpeg's decoder checks only the
// maximum block size, so a minimum under 16 (which mewkiz/flac refused)
// still gives the decoder's fields; ffprobe 5.1 prints s32, stereo, 24 for
// such a patch of a 24-bit stereo file. A maximum under 16 makes the
// decoder fail, and its fields stay unknown.
func TestStreamInfoMinBlockSizeUnder16(t *testing.T) {
	si := streamInfo(22050, 2, 24, 6615)
	si[0], si[1] = 0, 8 // minimum block size 8
	info, err := read(&demuxkit.BytesSource{B: file(block(true, typeStreamInfo, si))}, 0, container.Options{})
	require.NoError(t, err)
	a := info.Streams[0]
	assert.Equal(t, "s32", a.SampleFmt)
	assert.Equal(t, "stereo", a.ChannelLayout)
	assert.Equal(t, 24, a.BitsPerRawSample)
	assert.Equal(t, 22050, a.SampleRate)

	si[2], si[3] = 0, 8 // maximum block size 8
	info, err = read(&demuxkit.BytesSource{B: file(block(true, typeStreamInfo, si))}, 0, container.Options{})
	require.NoError(t, err)
	a = info.Streams[0]
	assert.Equal(t, "", a.SampleFmt)
	assert.Equal(t, 0, a.Channels)
	assert.Equal(t, int64(6615), a.DurationTS, "the demuxer still reads the rate and the count")
}

// TestChannelMaskNames: the mask comment is named by codec.LayoutName; the
// copy of the name table this package had swapped 7.1(wide) (0xFF) and
// 7.1(wide-side) (0x6CF). ffprobe 5.1 prints 7.1(wide) for
// testdata/flac_71wide.flac, whose comment is 0xFF.
func TestChannelMaskNames(t *testing.T) {
	for mask, want := range map[string]string{"0xff": "7.1(wide)", "0x6cf": "7.1(wide-side)", "0x63f": "7.1", "0x3c00f": "8 channels (FL+FR+FC+LFE+TFR+TBL+TBC+TBR)"} {
		data := file(block(false, typeStreamInfo, streamInfo(48000, 8, 16, 1000)),
			block(true, typeVorbisComment, comments("WAVEFORMATEXTENSIBLE_CHANNEL_MASK="+mask)))
		info, err := read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
		require.NoError(t, err)
		assert.Equal(t, want, info.Streams[0].ChannelLayout, mask)
	}
}

// TestTwoVorbisCommentBlocks: flac_read_header calls ff_vorbis_comment for
// each block, so a key the second block repeats (after ff_metadata_conv
// renamed the first: DESCRIPTION is comment by then) joins with ";", and
// av_dict_set's reordering applies across the blocks, as ffprobe 5.1
// prints it.
func TestTwoVorbisCommentBlocks(t *testing.T) {
	data := file(
		block(false, typeStreamInfo, streamInfo(44100, 2, 16, 132300)),
		block(false, typeVorbisComment, comments("DESCRIPTION=one", "artist=A", "encoder=E")),
		block(true, typeVorbisComment, comments("ARTIST=B", "comment=two", "title=T", "Artist=C")),
	)
	info, err := read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, []container.Tag{{Key: "title", Value: "T"}, {Key: "encoder", Value: "E"},
		{Key: "comment", Value: "one;two"}, {Key: "Artist", Value: "A;B;C"}}, info.Format.Tags.List())
}

// TestFirstPacketUntimed: ffprobe prints no start time where FFmpeg's FLAC
// parser gives the first packet no time stamp: a stream of one frame of
// fixed block size (no next header), frames whose sample size code 5.1
// refuses (7 for 32 bits, 3 for 20), and no frame at all.
func TestFirstPacketUntimed(t *testing.T) {
	frame := func(bpsCode byte) []byte {
		// sync, fixed blocking; block size 4096 (12), 44.1 kHz (9);
		// stereo (1), sample size code, reserved 0; frame number 0.
		return append([]byte{0xFF, 0xF8, 0xC9, 0x10 | bpsCode<<1, 0, 0, 0, 0}, make([]byte, 24)...)
	}
	tests := []struct {
		name    string
		bps     byte
		samples uint64
		frames  []byte
		timed   bool
	}{
		{"16 bits, two frames", 16, 8192, frame(4), true},
		{"one frame", 16, 4096, frame(4), false},
		{"unknown length", 16, 0, frame(4), true},
		{"32 bits, code 7", 32, 8192, frame(7), false},
		{"32 bits, from STREAMINFO", 32, 8192, frame(0), true},
		{"20 bits, code 3", 20, 8192, frame(3), false},
		{"24 bits", 24, 8192, frame(6), true},
		{"no frame", 16, 8192, nil, false},
		{"shorter than two frames", 16, 8192, frame(4)[:27], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append([]byte("fLaC"), block(true, typeStreamInfo, streamInfo(44100, 2, tt.bps, tt.samples))...)
			data = append(data, tt.frames...)
			info, err := read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
			require.NoError(t, err)
			if tt.timed {
				assert.Equal(t, int64(0), info.Streams[0].StartPTS)
			} else {
				assert.Equal(t, container.NoPTS, info.Streams[0].StartPTS)
			}
		})
	}
}
