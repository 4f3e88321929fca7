package flv

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

func testdata(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	require.NoError(t, err)
	return b
}

// fileHeader is an FLV header with the given stream flags, then
// PreviousTagSize0.
func fileHeader(flags byte) []byte {
	return []byte{'F', 'L', 'V', 1, flags, 0, 0, 0, 9, 0, 0, 0, 0}
}

// tag is one FLV tag and its PreviousTagSize.
func tag(typ byte, ts uint32, body []byte) []byte {
	n := len(body)
	return hostile.Cat([]byte{typ, byte(n >> 16), byte(n >> 8), byte(n), byte(ts >> 16), byte(ts >> 8), byte(ts), byte(ts >> 24), 0, 0, 0},
		body, hostile.BE32(uint32(n+11)))
}

func script(value []byte) []byte { return tag(tagScript, 0, hostile.Cat(amfStrV("onMetaData"), value)) }

func read(t testing.TB, b []byte) (*container.Info, *demuxkit.CountingSource, error) {
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 32 << 20}}
	info, err := Demuxer().Read(src, 0, container.Options{})
	return info, src, err
}

func TestProbe(t *testing.T) {
	b := testdata(t, "flv_h264_aac.flv")
	assert.Equal(t, 100, probe(b[:2048], false))
	assert.Equal(t, 0, probe(b[:2048], true))
	assert.Equal(t, 0, probe(b[:9+100], false)) // the first tag must lie 100 bytes inside
	assert.Equal(t, 100, probe(b[:9+101], false))
	bad := append([]byte(nil), b[:2048]...)
	bad[3] = 5 // version
	assert.Equal(t, 0, probe(bad, false))
	live := append([]byte(nil), b[:2048]...)
	copy(live[9+40:], "NGINX RTMP")
	assert.Equal(t, 0, probe(live, false))
	assert.Equal(t, 100, probe(live, true))
	assert.Equal(t, 0, probe(nil, false))
}

// TestRead: a hand-built file: the metadata before the streams, an AAC
// configuration, a Sorenson H.263 key frame, timestamps for the frame
// rate.
func TestRead(t *testing.T) {
	asc := []byte{0x12, 0x10}                                                  // AAC LC, 44.1 kHz, stereo
	flv1 := []byte{0x00, 0x00, 0x84, 0x00, 0x80, 0xa0, 0x00, 0x78, 0x00, 0x00} // PSC, version 1, TR 0, size code 1, 320x240 in 16 bits
	b := hostile.Cat(fileHeader(5),
		script(ecma("duration", amfNum(1.5), "videodatarate", amfNum(100), "framerate", amfNum(25), "encoder", amfStrV("x"))),
		tag(tagAudio, 0, hostile.Cat([]byte{0xaf, 0}, asc)),
		tag(tagVideo, 0, hostile.Cat([]byte{0x12}, flv1)),
		tag(tagAudio, 23, []byte{0xaf, 1, 0x21}),
	)
	for i := 1; i < 30; i++ {
		b = hostile.Cat(b, tag(tagVideo, uint32(40*i), []byte{0x22, 0, 0}))
	}
	info, _, err := read(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	a, v := info.Streams[0], info.Streams[1]
	assert.Equal(t, "aac", a.CodecName)
	assert.Equal(t, 44100, a.SampleRate)
	assert.Equal(t, "stereo", a.ChannelLayout)
	assert.Equal(t, "LC", a.Profile)
	assert.Equal(t, 2, a.ExtradataSize)
	assert.Equal(t, int64(23), a.StartPTS)
	assert.Equal(t, "flv1", v.CodecName)
	assert.Equal(t, 320, v.Width)
	assert.Equal(t, 240, v.Height)
	assert.Equal(t, int64(102400), v.BitRate)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, v.AvgFrameRate)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, v.RFrameRate)
	assert.Equal(t, int64(1500000), info.Format.Duration)
	assert.Equal(t, []string{"encoder=x"}, tagList(info.Format.Tags))
}

// TestDurationFromTail: no duration in the metadata: the last tag's
// timestamp, stepping back over a last tag of timestamp 0.
func TestDurationFromTail(t *testing.T) {
	b := hostile.Cat(fileHeader(4), tag(tagAudio, 0, []byte{0x2e, 1}), tag(tagAudio, 1234, []byte{0x2e, 2}), tag(tagScript, 0, []byte{1}))
	info, _, err := read(t, b)
	require.NoError(t, err)
	assert.Equal(t, int64(1234000), info.Format.Duration)
	// A PreviousTagSize that does not match: no duration.
	b[len(b)-1]++
	info, _, err = read(t, b)
	require.NoError(t, err)
	assert.Equal(t, container.NoPTS, info.Format.Duration)
}

// TestHostileKeyframes: an onMetaData whose keyframes arrays claim 10^9
// entries: the parse walks the bytes present, allocates nothing per
// claimed entry, and costs what the same file with true counts does.
func TestHostileKeyframes(t *testing.T) {
	build := func(n uint32) []byte {
		elems := make([][]byte, 100)
		for i := range elems {
			elems[i] = amfNum(float64(i))
		}
		return hostile.Cat(fileHeader(4), script(ecma("duration", amfNum(2),
			"keyframes", object("times", strict(n, elems...), "filepositions", strict(n, elems...)),
			"encoder", amfStrV("e"))), tag(tagAudio, 0, []byte{0x2e, 1, 2}))
	}
	good, srcGood, err := read(t, build(100))
	require.NoError(t, err)
	assert.Equal(t, []string{"encoder=e"}, tagList(good.Format.Tags))
	begin := time.Now()
	info, src, err := read(t, build(1e9))
	require.NoError(t, err)
	assert.Less(t, time.Since(begin), hostile.HangBound)
	assert.Equal(t, int64(2000000), info.Format.Duration)
	assert.Equal(t, srcGood.Bytes, src.Bytes)
	assert.Equal(t, srcGood.Budget().Used().Allocated, src.Budget().Used().Allocated)
	assert.Len(t, info.Streams, 1)
}

// TestHostileDeepNesting: objects nested 10^5 deep fail the metadata at
// depth 17 without recursing further; the streams are still read.
func TestHostileDeepNesting(t *testing.T) {
	const n = 100000
	open := bytes.Repeat(hostile.Cat(amfStr("o"), []byte{amfObject}), n)
	closing := bytes.Repeat([]byte{0, 0, amfObjectEnd}, n)
	value := hostile.Cat([]byte{amfMixedArray, 0, 0, 0, 1}, amfStr("a"), amfStrV("x"), open, closing, []byte{0, 0, amfObjectEnd})
	b := hostile.Cat(fileHeader(4), script(value), tag(tagAudio, 0, []byte{0x2e, 1}))
	begin := time.Now()
	info, _, err := read(t, b)
	require.NoError(t, err)
	assert.Less(t, time.Since(begin), hostile.HangBound)
	assert.Equal(t, []string{"a=x"}, tagList(info.Format.Tags))
	assert.Len(t, info.Streams, 1)
}

// TestHostileTagSize: tags claiming 2^24-1 bytes beyond the end of the
// file: only the bytes present are read, once.
func TestHostileTagSize(t *testing.T) {
	for _, typ := range []byte{tagScript, tagAudio, tagVideo} {
		body := hostile.Cat(amfStrV("onMetaData"), ecma("a", amfStrV("x")))
		if typ != tagScript {
			body = []byte{0x17, 0, 0, 0, 0, 1, 2, 3}
		}
		b := hostile.Cat(fileHeader(5), []byte{typ, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0}, body)
		info, src, err := read(t, b)
		if err != nil {
			// ffprobe too fails on a file whose first tag cannot be
			// passed over.
			assert.True(t, errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed), "%v", err)
		}
		require.NotNil(t, info)
		assert.LessOrEqual(t, src.Bytes, 4*int64(len(b)), "type %d", typ)
		assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(len(b)), "type %d", typ)
	}
}

// TestHostileTailLoop: a file of many tags of timestamp 0 and no
// duration: the steps back from the end are bounded.
func TestHostileTailLoop(t *testing.T) {
	b := hostile.Cat(fileHeader(4), bytes.Repeat(tag(tagAudio, 0, []byte{0x2e, 1}), 100000))
	begin := time.Now()
	info, src, err := read(t, b)
	require.NoError(t, err)
	assert.Less(t, time.Since(begin), hostile.HangBound)
	assert.Equal(t, container.NoPTS, info.Format.Duration)
	// The walk reads the tag headers of the first block, the tail two
	// small reads a step.
	assert.Less(t, src.Bytes, int64(64<<10+2*maxTailSteps*11))
}

// TestReadTestdata: the FLV test files read with few reads through a
// buffered source (the probe's, here one read per call).
func TestReadTestdata(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "flv_*.flv"))
	require.NotEmpty(t, names)
	for _, n := range names {
		b, err := os.ReadFile(n)
		require.NoError(t, err)
		if !bytes.HasPrefix(b, []byte("FLV")) {
			continue // flv_id3: the probe passes over the ID3v2 tag
		}
		info, _, err := read(t, b)
		require.NoError(t, err, n)
		assert.NotEmpty(t, info.Streams, n)
	}
}

// TestTextTags: onTextData and onCaption make a text stream when they hold
// text; one without makes flv_data_packet fail, and ffprobe with it.
func TestTextTags(t *testing.T) {
	text := func(name string, value []byte) []byte {
		return tag(tagScript, 20, hostile.Cat(amfStrV(name), value))
	}
	audio := tag(tagAudio, 0, []byte{0x2e, 1})
	b := hostile.Cat(fileHeader(4), text("onCaption", strict(2, amfNum(1), amfStrV("hello"))), audio)
	info, _, err := read(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, container.Subtitle, info.Streams[0].Type)
	assert.Equal(t, "text", info.Streams[0].CodecName)
	assert.Equal(t, int64(20), info.Streams[0].StartPTS)

	b = hostile.Cat(fileHeader(4), text("onTextData", object("foo", amfNum(1))), audio)
	_, _, err = read(t, b)
	assert.ErrorIs(t, err, container.ErrMalformed)

	// A "datastream" key makes a text stream as it is parsed.
	b = hostile.Cat(fileHeader(4), script(ecma("datastream", amfNum(1))), audio)
	info, _, err = read(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, container.Subtitle, info.Streams[0].Type)
}

// TestVP6: the key frame header's macroblock counts less the FLV
// adjustment byte (vp6.c vp6_parse_header); vp6a has the alpha plane's
// 24-bit offset first.
func TestVP6(t *testing.T) {
	// Key frame, quantizer 0, no separated coefficients; sub-version 6
	// with a filter header (no coefficient offset); 15 rows, 20 columns.
	frame := []byte{0x00, 6<<3 | 0x06, 15, 20, 15, 20}
	for _, c := range []struct {
		id   byte
		body []byte
		fmt  string
	}{{videoVP6, frame, "yuv420p"}, {videoVP6A, hostile.Cat([]byte{0, 0, 6}, frame, frame), "yuva420p"}} {
		b := hostile.Cat(fileHeader(1), tag(tagVideo, 0, hostile.Cat([]byte{0x10 | c.id, 0x21}, c.body)))
		info, _, err := read(t, b)
		require.NoError(t, err)
		st := info.Streams[0]
		assert.Equal(t, 320-2, st.Width)
		assert.Equal(t, 240-1, st.Height)
		assert.Equal(t, c.fmt, st.PixFmt)
		assert.Equal(t, 1, st.ExtradataSize)
	}
}

// TestVP6AlphaSize: an alpha plane of another size, or an alpha offset
// past the packet: no size, as FFmpeg's vp56 decoder gives none.
func TestVP6AlphaSize(t *testing.T) {
	frame := []byte{0x00, 6<<3 | 0x06, 15, 20, 15, 20}
	other := []byte{0x00, 6<<3 | 0x06, 16, 20, 16, 20}
	for _, body := range [][]byte{hostile.Cat([]byte{0, 0, 6}, frame, other), hostile.Cat([]byte{0, 0, 7}, frame)} {
		b := hostile.Cat(fileHeader(1), tag(tagVideo, 0, hostile.Cat([]byte{0x10 | videoVP6A, 0x21}, body)))
		info, _, err := read(t, b)
		require.NoError(t, err)
		assert.Equal(t, 0, info.Streams[0].Width)
		assert.Equal(t, "yuva420p", info.Streams[0].PixFmt)
	}
}

// TestResync: a tag whose PreviousTagSize does not match sends the walk
// looking for two consistent tags, as flvdec.c resync does; an FLV header
// passed on the way (concatenated files) moves later timestamps past the
// last one read.
func TestResync(t *testing.T) {
	inner := hostile.Cat(fileHeader(4), tag(tagAudio, 0, []byte{0x2e, 1}), tag(tagAudio, 10, []byte{0x2e, 2}))
	// A tag whose PreviousTagSize is wrong, then bytes of no tag.
	junk := hostile.Cat([]byte{0x12, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0}, []byte{0, 0, 0, 0, 0}, hostile.BE32(99), bytes.Repeat([]byte{0xaa}, 100))
	b := hostile.Cat(fileHeader(4), junk, inner)
	info, _, err := read(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, "mp3", info.Streams[0].CodecName)
	assert.Equal(t, int64(1), info.Streams[0].StartPTS)
}

// TestNoStream: a file that ends, or whose tag cannot be passed over,
// before any stream fails as avformat_find_stream_info does.
func TestNoStream(t *testing.T) {
	meta := script(ecma("duration", amfNum(1)))
	_, _, err := read(t, hostile.Cat(fileHeader(5), meta))
	assert.ErrorIs(t, err, container.ErrTruncated)
	_, _, err = read(t, hostile.Cat(fileHeader(5), meta[:len(meta)-10]))
	assert.ErrorIs(t, err, container.ErrMalformed)
	// Once a stream exists, the same ends the walk quietly.
	info, _, err := read(t, hostile.Cat(fileHeader(5), tag(tagAudio, 0, []byte{0x2e, 1}), meta[:len(meta)-10]))
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)
}

// TestFrameRateFromAllPackets: avformat_find_stream_info guesses
// r_frame_rate from the first 41 video packets however large they are, so
// the walk goes past the first 64 KiB for them. Of 30 fps timestamps in
// milliseconds the first four give no standard rate; forty give 30/1.
func TestFrameRateFromAllPackets(t *testing.T) {
	body := make([]byte, 20<<10)
	body[0] = 0x12 // key frame, Sorenson H.263
	b := fileHeader(headerHasVideo)
	for i := 0; i < 45; i++ {
		b = append(b, tag(tagVideo, uint32((i*1000+15)/30), body)...)
	}
	info, _, err := read(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, container.Rational{Num: 30, Den: 1}, info.Streams[0].RFrameRate)
}
