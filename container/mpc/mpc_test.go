package mpc

import (
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

// sv7 is an SV7 header of frames frames: IS 0, MSS 1, 28 bands, 44.1 kHz
// (the header of taglib's click.mpc), then a few bytes of frames.
func sv7(frames uint32, rateIndex byte) []byte {
	extra := []byte{0xea, 0x18, 0xa0 | rateIndex, 0x5c, 0x67, 0x1d, 0x9f, 0x03, 0x67, 0x1d, 0x9f, 0x03, 0, 0, 0xd0, 0x99}
	return hostile.Cat([]byte("MP+\x07"), hostile.LE32(frames), extra, make([]byte, 64))
}

// varlen encodes v as SV8 sizes are: seven bits a byte, high bit first.
func varlen(v uint64) []byte {
	b := []byte{byte(v & 0x7F)}
	for v >>= 7; v > 0; v >>= 7 {
		b = append([]byte{byte(v&0x7F) | 0x80}, b...)
	}
	return b
}

// packet builds an SV8 packet whose size counts its own header.
func packet(key string, body []byte) []byte {
	n := uint64(2 + 1 + len(body))
	if len(varlen(n)) > 1 {
		n++
	}
	return hostile.Cat([]byte(key), varlen(n), body)
}

// sh is an SV8 stream header body: CRC, version 8, samples, no silence,
// the two parameter bytes.
func sh(samples uint64, e0, e1 byte) []byte {
	return hostile.Cat([]byte{0xef, 0x2a, 0x29, 0x81, 8}, varlen(samples), []byte{0, e0, e1})
}

func sv8(packets ...[]byte) []byte {
	return hostile.Cat(append([][]byte{[]byte("MPCK")}, packets...)...)
}

func readWith(r func(container.Source, int64, container.Options) (*container.Info, error), b []byte) (*container.Info, error) {
	return r(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestProbeSV7(t *testing.T) {
	assert.Equal(t, 100, probeSV7(sv7(3, 0)))
	assert.Equal(t, 100, probeSV7([]byte("MP+\x17")))
	assert.Equal(t, 0, probeSV7([]byte("MP+\x08")))
	assert.Equal(t, 0, probeSV7([]byte("MP+")))
}

func TestReadSV7(t *testing.T) {
	info, err := readWith(readSV7, sv7(3, 0))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "musepack7", st.CodecName)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, "s16p", st.SampleFmt)
	assert.Equal(t, container.Rational{Num: 32, Den: 1225}, st.TimeBase)
	assert.Equal(t, int64(3), st.DurationTS)
	assert.Equal(t, 16, st.ExtradataSize)

	info, err = readWith(readSV7, sv7(10, 3))
	require.NoError(t, err)
	assert.Equal(t, 32000, info.Streams[0].SampleRate)
	assert.Equal(t, container.Rational{Num: 9, Den: 250}, info.Streams[0].TimeBase)

	// An ID3v1 tag counts only when there is no APEv2 tag.
	id3 := make([]byte, 128)
	copy(id3, "TAGTitle")
	info, err = readWith(readSV7, hostile.Cat(sv7(3, 0), id3))
	require.NoError(t, err)
	v, _ := info.Format.Tags.Get("title")
	assert.Equal(t, "Title", v)
}

// TestSV7FrameCountLimit: mpc.c refuses 2^28 frames or more (its seek
// entries would pass UINT_MAX bytes), before allocating anything.
func TestSV7FrameCountLimit(t *testing.T) {
	_, err := readWith(readSV7, sv7(1<<28-1, 0))
	assert.NoError(t, err)
	src := &demuxkit.BytesSource{B: sv7(1<<28, 0)}
	info, err := readSV7(src, 0, container.Options{})
	assert.Nil(t, info)
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.Zero(t, src.Budget().Used().Allocated)
}

func TestRefusedSV7(t *testing.T) {
	bands := sv7(3, 0)
	bands[11] = 0x20 // 32 bands
	for name, b := range map[string][]byte{
		"version 8":   []byte("MP+\x08\x03\x00\x00\x00" + string(make([]byte, 16))),
		"short":       sv7(3, 0)[:23],
		"32 bands":    bands,
		"not mpc":     []byte("MP-\x07"),
		"empty":       nil,
		"magic alone": []byte("MP+\x07"),
	} {
		info, err := readWith(readSV7, b)
		assert.Error(t, err, name)
		assert.Nil(t, info, name)
	}
}

func TestProbeSV8(t *testing.T) {
	f := sv8(packet("SH", sh(66014, 0x05, 0x19)), packet("RG", make([]byte, 9)))
	assert.Equal(t, 100, probeSV8(f))
	// Packets before SH are followed.
	assert.Equal(t, 100, probeSV8(sv8(packet("EI", make([]byte, 4)), packet("SH", sh(66014, 0x05, 0x19)), make([]byte, 8))))
	// A packet running past the buffer: perhaps Musepack.
	assert.Equal(t, 49, probeSV8(sv8(packet("EI", make([]byte, 40)))[:20]))
	// A zero CRC, a small SH, a lower-case key.
	bad := sv8(packet("SH", sh(66014, 0x05, 0x19)), make([]byte, 8))
	bad[7] = 0
	bad[8], bad[9], bad[10] = 0, 0, 0
	assert.Equal(t, 0, probeSV8(bad))
	assert.Equal(t, 0, probeSV8(sv8(packet("SH", make([]byte, 4)), make([]byte, 16))))
	assert.Equal(t, 0, probeSV8(sv8(packet("sH", sh(66014, 0x05, 0x19)))))
	assert.Equal(t, 0, probeSV8([]byte("MPCK")))
	// Eleven continuation bytes are no size.
	assert.Equal(t, 0, probeSV8(hostile.Cat([]byte("MPCKSH"), []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1})))
}

func TestReadSV8(t *testing.T) {
	info, err := readWith(readSV8, sv8(packet("SH", sh(66014, 0x05, 0x19)), packet("RG", make([]byte, 9)), packet("AP", make([]byte, 20))))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "musepack8", st.CodecName)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, container.Rational{Num: 128, Den: 1225}, st.TimeBase)
	assert.Equal(t, int64(14), st.DurationTS)
	assert.Equal(t, 2, st.ExtradataSize)

	// Mono at 48 kHz, one frame a packet, after an EI packet.
	info, err = readWith(readSV8, sv8(packet("EI", make([]byte, 4)), packet("SH", sh(4608, 0x25, 0x00))))
	require.NoError(t, err)
	st = info.Streams[0]
	assert.Equal(t, 48000, st.SampleRate)
	assert.Equal(t, "mono", st.ChannelLayout)
	assert.Equal(t, container.Rational{Num: 3, Den: 125}, st.TimeBase)
	assert.Equal(t, int64(4), st.DurationTS)
}

func TestRefusedSV8(t *testing.T) {
	for name, b := range map[string][]byte{
		"no SH":         sv8(packet("EI", make([]byte, 4))),
		"rate index 4":  sv8(packet("SH", sh(100, 0x85, 0x10))),
		"32 bands":      sv8(packet("SH", sh(100, 0x1F, 0x10))),
		"3 channels":    sv8(packet("SH", sh(100, 0x05, 0x20))),
		"version 7":     sv8(packet("SH", []byte{1, 2, 3, 4, 7, 0, 0, 5, 0x10})),
		"no parameters": sv8(packet("SH", []byte{1, 2, 3, 4, 8, 0x10})),
		"not MPCK":      []byte("MPCLSH"),
	} {
		info, err := readWith(readSV8, b)
		assert.Error(t, err, name)
		assert.Nil(t, info, name)
	}
}

// TestSV8PacketOf2To62Bytes: a packet claiming 2^62 bytes before SH is
// skipped by position, unread. ffprobe's seek there fails (past ext4's
// 16 TiB), so the walk goes on right after the packet header and finds SH,
// as ffprobe 5.1 does; a packet reaching just past the object (2^40) ends
// the walk with no SH. Nothing is allocated beyond the bytes of the object.
func TestSV8PacketOf2To62Bytes(t *testing.T) {
	for _, n := range []uint64{1 << 62, 1<<63 - 1, maxSeek - 3} {
		src := &demuxkit.BytesSource{B: sv8(hostile.Cat([]byte("EI"), varlen(n)), packet("SH", sh(100, 0x05, 0x10)))}
		info, err := readSV8(src, 0, container.Options{})
		require.NoError(t, err, n)
		assert.Equal(t, int64(0), info.Streams[0].DurationTS)
		assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(len(src.B)+32))
	}
	for _, n := range []uint64{1 << 40, maxSeek - 4, 1000} {
		src := &demuxkit.BytesSource{B: sv8(hostile.Cat([]byte("EI"), varlen(n)), packet("SH", sh(100, 0x05, 0x10)))}
		info, err := readSV8(src, 0, container.Options{})
		assert.Nil(t, info, n)
		assert.ErrorIs(t, err, container.ErrMalformed, n)
	}
}

// TestSV8EndlessSize: a size of continuation bytes to the end of the
// object stops there.
func TestSV8EndlessSize(t *testing.T) {
	b := hostile.Cat([]byte("MPCKEI"), make([]byte, 100000))
	for i := 6; i < len(b); i++ {
		b[i] = 0xFF
	}
	src := &demuxkit.BytesSource{B: b}
	info, err := readSV8(src, 0, container.Options{})
	assert.Nil(t, info)
	assert.Error(t, err)
	assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(window))
}

// FuzzRead reads arbitrary bytes as SV7 and SV8 files through a source
// with a tight allocation limit: prompt, categorised errors, never an Info
// with an error.
func FuzzRead(f *testing.F) {
	f.Add(sv7(3, 0))
	f.Add(sv8(packet("SH", sh(66014, 0x05, 0x19)), packet("RG", make([]byte, 9)), packet("AP", make([]byte, 20))))
	f.Add(sv8(hostile.Cat([]byte("EI"), varlen(1<<62)), packet("SH", sh(100, 0x05, 0x10))))
	for _, pattern := range []string{"../../testdata/*.mpc", "../../../shared/corpus/real/taglib/*.mpc"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = probeSV7(b)
		_ = probeSV8(b)
		for _, r := range []func(container.Source, int64, container.Options) (*container.Info, error){readSV7, readSV8} {
			src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
			begin := time.Now()
			info, err := r(src, 0, container.Options{})
			if d := time.Since(begin); d > hostile.HangBound {
				t.Fatalf("took %v", d)
			}
			if err != nil {
				if info != nil {
					t.Fatalf("info with error %v", err)
				}
				ok := false
				for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
					ok = ok || errors.Is(err, s)
				}
				if !ok {
					t.Fatalf("uncategorised error %v", err)
				}
			}
		}
	})
}
