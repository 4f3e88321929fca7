package tta

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
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

// header builds a TTA header with its CRC.
func header(format, channels, bits uint16, rate, samples uint32) []byte {
	le := binary.LittleEndian
	b := []byte("TTA1")
	b = le.AppendUint16(b, format)
	b = le.AppendUint16(b, channels)
	b = le.AppendUint16(b, bits)
	b = le.AppendUint32(b, rate)
	b = le.AppendUint32(b, samples)
	return le.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// table builds a seek table of n frames of size bytes each, with its CRC.
func table(n int, size uint32) []byte {
	var b []byte
	for range n {
		b = binary.LittleEndian.AppendUint32(b, size)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// file is a TTA file of samples at rate with frames of 8 bytes.
func file(channels, bits uint16, rate, samples uint32) []byte {
	n := int(frameCount(fileHeader{SampleRate: int32(rate), Samples: samples}))
	return hostile.Cat(header(1, channels, bits, rate, samples), table(n, 8), make([]byte, 8*n))
}

func readBytes(b []byte) (*container.Info, error) {
	return read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestProbe(t *testing.T) {
	h := header(1, 2, 16, 44100, 1000)
	assert.Equal(t, 80, probe(h))
	assert.Equal(t, 80, probe(header(2, 2, 16, 44100, 1000)), "encrypted streams are recognised")
	assert.Equal(t, 0, probe(header(3, 2, 16, 44100, 1000)))
	assert.Equal(t, 0, probe(header(1, 0, 16, 44100, 1000)))
	assert.Equal(t, 0, probe(header(1, 2, 0, 44100, 1000)))
	assert.Equal(t, 0, probe(header(1, 2, 16, 0, 1000)))
	assert.Equal(t, 0, probe(h[:13]))
}

func TestRead(t *testing.T) {
	info, err := readBytes(file(2, 16, 44100, 100000))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "tta", st.CodecName)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, 16, st.BitsPerRawSample)
	assert.Equal(t, container.Rational{Num: 1, Den: 44100}, st.TimeBase)
	assert.Equal(t, int64(100000), st.DurationTS)
	assert.Equal(t, 22, st.ExtradataSize)
	// 100000 samples in frames of 46080: three entries.
	assert.Equal(t, int64(22+12+4), info.Format.DataOffset)
}

// TestDecoderFields: what tta_decode_init reports, checked with ffprobe 5.1
// on files ffmpeg wrote: u8, s16, s32 by depth; tta_channel_layouts by
// count, none for mono, and five channels lose their count.
func TestDecoderFields(t *testing.T) {
	for _, tc := range []struct {
		channels, bits uint16
		fmt, layout    string
		outChannels    int
	}{
		{1, 16, "s16", "", 1},
		{2, 8, "u8", "stereo", 2},
		{3, 16, "s16", "2.1", 3},
		{4, 16, "s16", "quad", 4},
		{5, 16, "s16", "", 0},
		{6, 24, "s32", "5.1", 6},
		{7, 16, "s16", "6.1(back)", 7},
		{8, 16, "s16", "7.1(wide-side)", 8},
		{12, 16, "s16", "", 12},
	} {
		info, err := readBytes(file(tc.channels, tc.bits, 22050, 2205))
		require.NoError(t, err, "%d channels", tc.channels)
		st := info.Streams[0]
		assert.Equal(t, tc.fmt, st.SampleFmt)
		assert.Equal(t, tc.layout, st.ChannelLayout, "%d channels", tc.channels)
		assert.Equal(t, tc.outChannels, st.Channels)
		assert.Equal(t, int(tc.bits), st.BitsPerRawSample)
	}
}

// TestRefused: what tta_read_header, its CRC checks and tta_decode_init
// refuse; ffprobe then prints nothing.
func TestRefused(t *testing.T) {
	good := file(2, 16, 44100, 1000)
	badCRC := append([]byte(nil), good...)
	badCRC[18] ^= 1
	badTable := append([]byte(nil), good...)
	badTable[22] ^= 1
	for name, b := range map[string][]byte{
		"header CRC":      badCRC,
		"seek table CRC":  badTable,
		"no magic":        append([]byte("TTA2"), good[4:]...),
		"rate 0":          hostile.Cat(header(1, 2, 16, 0, 1000), table(1, 8)),
		"rate 1000001":    hostile.Cat(header(1, 2, 16, 1000001, 1000), table(1, 8)),
		"negative rate":   hostile.Cat(header(1, 2, 16, 0x80000000, 1000), table(1, 8)),
		"no samples":      hostile.Cat(header(1, 2, 16, 44100, 0), table(1, 8)),
		"format 3":        hostile.Cat(header(3, 2, 16, 44100, 1000), table(1, 8)),
		"encrypted":       hostile.Cat(header(2, 2, 16, 44100, 1000), table(1, 8)),
		"no channels":     hostile.Cat(header(1, 0, 16, 44100, 1000), table(1, 8)),
		"17 channels":     hostile.Cat(header(1, 17, 16, 44100, 1000), table(1, 8)),
		"32 bits":         hostile.Cat(header(1, 2, 32, 44100, 1000), table(1, 8)),
		"truncated table": hostile.Cat(header(1, 2, 16, 44100, 1000000)),
		"short header":    good[:21],
	} {
		info, err := readBytes(b)
		assert.Error(t, err, name)
		assert.Nil(t, info, name)
	}
}

// TestSeekTableOf4GFrames: 2^32-1 samples at 1 Hz would be 2^32-1 frames;
// the count wraps negative in ttadec.c's int and is refused before
// anything is read or allocated.
func TestSeekTableOf4GFrames(t *testing.T) {
	src := &demuxkit.BytesSource{B: hostile.Cat(header(1, 2, 16, 1, 0xFFFFFFFF), make([]byte, 64))}
	info, err := read(src, 0, container.Options{})
	assert.Nil(t, info)
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.Zero(t, src.Budget().Used().Allocated)
}

// TestSeekTableBeyondObject: the largest table ttadec.c accepts (536870909
// frames, 2 GiB) in a 100-byte object fails on the size, unread.
func TestSeekTableBeyondObject(t *testing.T) {
	// 536870909 samples at 1 Hz: frames of one sample.
	src := &demuxkit.BytesSource{B: hostile.Cat(header(1, 2, 16, 1, 536870909), make([]byte, 64))}
	info, err := read(src, 0, container.Options{})
	assert.Nil(t, info)
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.Zero(t, src.Budget().Used().Allocated)
}

// TestSeekTableRead: a table that is there is read for its CRC in pieces,
// never whole: a 1 MiB table costs one piece of memory.
func TestSeekTableRead(t *testing.T) {
	const frames = 1 << 18
	src := &demuxkit.BytesSource{B: hostile.Cat(header(1, 2, 16, 245, frames*256), table(frames, 0))}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(frames*256), info.Streams[0].DurationTS)
	assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(tableChunk+1024))
}

func TestTags(t *testing.T) {
	base := file(2, 16, 44100, 1000)
	id3 := make([]byte, 128)
	copy(id3, "TAG")
	copy(id3[3:], "Title")
	info, err := readBytes(hostile.Cat(base, id3))
	require.NoError(t, err)
	v, _ := info.Format.Tags.Get("title")
	assert.Equal(t, "Title", v)
}

// FuzzRead reads arbitrary bytes as a TTA file through a source with a
// tight allocation limit. It must return promptly, fail only with a
// container sentinel and never return an Info with an error.
func FuzzRead(f *testing.F) {
	f.Add(file(2, 16, 44100, 100000))
	f.Add(file(6, 24, 8000, 800))
	f.Add(hostile.Cat(header(1, 2, 16, 1, 0xFFFFFFFF), make([]byte, 64)))
	for _, pattern := range []string{"../../testdata/*.tta", "../../../shared/corpus/real/taglib/*.tta"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		begin := time.Now()
		info, err := read(src, 0, container.Options{})
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			if info != nil {
				t.Fatalf("info with error %v", err)
			}
			for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("uncategorised error %v", err)
		}
	})
}
