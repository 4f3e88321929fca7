package iff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// ck is an IFF chunk: id, 32-bit big-endian size, body, pad byte.
func ck(id string, body ...[]byte) []byte {
	b := hostile.Cat(body...)
	out := hostile.Cat([]byte(id), hostile.BE32(uint32(len(b))), b)
	if len(b)&1 == 1 {
		out = append(out, 0)
	}
	return out
}

// ck8 is a DSDIFF chunk: id, 64-bit big-endian size, body, pad byte.
func ck8(id string, body ...[]byte) []byte {
	b := hostile.Cat(body...)
	out := hostile.Cat([]byte(id), hostile.BE64(uint64(len(b))), b)
	if len(b)&1 == 1 {
		out = append(out, 0)
	}
	return out
}

func form(typ string, chunks ...[]byte) []byte {
	return ck("FORM", []byte(typ), hostile.Cat(chunks...))
}

func frm8(chunks ...[]byte) []byte { return ck8("FRM8", []byte("DSD "), hostile.Cat(chunks...)) }

// vhdr is an 8SVX voice header: one-shot, repeat and cycle sample
// counts, the rate, one octave, the compression, the volume.
func vhdr(rate uint16, comp byte) []byte {
	return ck("VHDR", hostile.BE32(100), hostile.BE32(0), hostile.BE32(0), hostile.BE16(rate), []byte{1, comp}, hostile.BE32(0x10000))
}

// prop is a DSDIFF sound property chunk: FS, CHNL, CMPR and extra ones.
func prop(rate uint32, ids []string, comp string, extra ...[]byte) []byte {
	chnl := hostile.BE16(uint16(len(ids)))
	for _, id := range ids {
		chnl = append(chnl, id...)
	}
	return ck8("PROP", []byte("SND "), ck8("FS  ", hostile.BE32(rate)), ck8("CHNL", chnl),
		ck8("CMPR", []byte(comp), []byte("\x00")), hostile.Cat(extra...))
}

var fver = ck8("FVER", hostile.BE32(0x01050000))

func readBytes(b []byte) (*container.Info, error) {
	return read(&demuxkit.BytesSource{B: b, Limit: 1 << 16}, 0, container.Options{})
}

func TestProbe(t *testing.T) {
	for typ, want := range map[string]int{"8SVX": 100, "16SV": 100, "MAUD": 100, "ILBM": 100, "ANIM": 100, "AIFF": 0, "WAVE": 0} {
		assert.Equal(t, want, probe(form(typ, ck("BODY", make([]byte, 4)))), typ)
	}
	assert.Equal(t, 100, probe(frm8(fver)))
	assert.Equal(t, 0, probe(ck8("FRM8", []byte("DST "))))
	assert.Equal(t, 0, probe([]byte("FORM\x00\x00\x00\x048SV")))
}

func TestReadAmiga(t *testing.T) {
	for _, tc := range []struct {
		name     string
		b        []byte
		codec    string
		rate     int
		channels int
		layout   string
		bitRate  int64
		tag      string
	}{
		{"8svx", form("8SVX", vhdr(8000, 0), ck("NAME", []byte("Beep\x00")), ck("BODY", make([]byte, 100))),
			"pcm_s8_planar", 8000, 1, "mono", 64000, "8SVX"},
		{"8svx fibonacci stereo", form("8SVX", vhdr(11025, 1), ck("CHAN", hostile.BE32(6)), ck("BODY", make([]byte, 100))),
			"8svx_fib", 11025, 2, "stereo", 88200, "8SVX"},
		{"8svx exponential", form("8SVX", vhdr(11025, 2), ck("BODY", make([]byte, 100))),
			"8svx_exp", 11025, 1, "mono", 44100, "8SVX"},
		{"16sv", form("16SV", vhdr(16000, 0), ck("BODY", make([]byte, 100))),
			"pcm_s16be_planar", 16000, 1, "mono", 256000, "16SV"},
		{"maud a-law stereo", form("MAUD", ck("MHDR", hostile.BE32(100), hostile.BE16(8), hostile.BE16(8),
			hostile.BE32(44100), hostile.BE16(2), hostile.BE16(0), hostile.BE16(2), hostile.BE16(2), make([]byte, 12)),
			ck("MDAT", make([]byte, 100))),
			"pcm_alaw", 22050, 2, "stereo", 352800, "MAUD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readBytes(tc.b)
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, container.Audio, st.Type)
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, tc.rate, st.SampleRate)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, tc.bitRate, st.BitRate)
			assert.Equal(t, tc.tag, string(hostile.LE32(st.CodecTag)))
			assert.Equal(t, container.NoPTS, st.StartPTS)
			assert.Equal(t, int64(len(tc.b)-100), info.Format.DataOffset)
		})
	}
}

func TestReadDSDIFF(t *testing.T) {
	stereo := []string{"SLFT", "SRGT"}
	for _, tc := range []struct {
		name     string
		b        []byte
		codec    string
		channels int
		layout   string
		duration int64
	}{
		{"dsd stereo", frm8(fver, prop(2822400, stereo, "DSD "), ck8("DSD ", make([]byte, 64))),
			"dsd_msbf", 2, "stereo", container.NoPTS},
		{"dsd 5.0", frm8(fver, prop(2822400, []string{"MLFT", "MRGT", "C   ", "LS  ", "RS  "}, "DSD "), ck8("DSD ", make([]byte, 64))),
			"dsd_msbf", 5, "5.0(side)", container.NoPTS},
		{"dsd unnamed channels", frm8(fver, prop(2822400, []string{"MLFT", "MRGT", "LS  ", "RS  "}, "DSD "), ck8("DSD ", make([]byte, 64))),
			"dsd_msbf", 4, "", container.NoPTS},
		{"lsco 5.1", frm8(fver, prop(2822400, stereo, "DSD ", ck8("LSCO", hostile.BE16(4))), ck8("DSD ", make([]byte, 64))),
			"dsd_msbf", 6, "5.1(side)", container.NoPTS},
		// 3 DST frames at 75 a second: 3 * 352800 / 75 ticks.
		{"dst", frm8(fver, prop(2822400, stereo, "DST "), ck8("DST ", ck8("FRTE", hostile.BE32(3), hostile.BE16(75)), ck8("DSTF", make([]byte, 9)))),
			"dst", 2, "stereo", 14112},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readBytes(tc.b)
			require.NoError(t, err)
			st := info.Streams[0]
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, 352800, st.SampleRate)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, tc.duration, st.DurationTS)
			assert.Equal(t, container.Rational{Num: 1, Den: 352800}, st.TimeBase)
		})
	}
}

func TestReadDSDIFFTags(t *testing.T) {
	b := frm8(fver,
		prop(2822400, []string{"SLFT", "SRGT"}, "DSD ",
			ck8("ABSS", hostile.BE16(1), []byte{2, 3}, hostile.BE32(44100)),
			ck8("ID3 ", hostile.ID3v2Tag(hostile.ID3Frame("TIT2", 0, []byte("\x00ID3 title"))))),
		ck8("DSD ", make([]byte, 64)),
		ck8("DIIN", ck8("DIAR", hostile.BE32(6), []byte("Artist")), ck8("DITI", hostile.BE32(5), []byte("Title"))),
		ck8("COMT", hostile.BE16(1), hostile.BE16(2020), []byte{5, 6, 7, 8}, hostile.BE16(3), hostile.BE16(2),
			hostile.BE32(4), []byte("mach")),
	)
	info, err := readBytes(b)
	require.NoError(t, err)
	// av_dict_set replaces the ID3 title by moving the last tag into its
	// place and appending the new one.
	assert.Equal(t, []container.Tag{{Key: "artist", Value: "Artist"}, {Key: "title", Value: "Title"}, {Key: "creating_machine", Value: "mach"}},
		info.Format.Tags.List())
	st := info.Streams[0]
	assert.Equal(t, []container.Tag{{Key: "absolute_start_time", Value: "01h:02m:03s:44100"}, {Key: "comment_time", Value: "2020-05-06 07:08"}},
		st.Tags.List())
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		kind error
	}{
		{"short vhdr", form("8SVX", ck("VHDR", make([]byte, 10))), container.ErrMalformed},
		{"unknown svx compression", form("8SVX", vhdr(8000, 7), ck("BODY", make([]byte, 4))), container.ErrMalformed},
		{"no header", form("8SVX", ck("BODY", make([]byte, 4))), container.ErrMalformed},
		{"picture", form("ILBM", ck("BMHD", make([]byte, 20))), container.ErrUnsupported},
		{"maud 12 bits", form("MAUD", ck("MHDR", hostile.BE32(100), hostile.BE16(12), hostile.BE16(12),
			hostile.BE32(44100), hostile.BE16(1), hostile.BE16(0), hostile.BE16(1), hostile.BE16(0), make([]byte, 12))), container.ErrUnsupported},
		{"maud divisor 0", form("MAUD", ck("MHDR", make([]byte, 32))), container.ErrMalformed},
		{"dsd without cmpr", frm8(fver, ck8("DSD ", make([]byte, 8))), container.ErrMalformed},
		{"dsd chnl of 0", frm8(fver, ck8("PROP", []byte("SND "), ck8("CHNL", hostile.BE16(0)))), container.ErrMalformed},
		{"unknown compression", frm8(fver, prop(2822400, []string{"SLFT", "SRGT"}, "DXD ")), container.ErrUnsupported},
		{"lsco 1", frm8(fver, prop(2822400, []string{"SLFT", "SRGT"}, "DSD ", ck8("LSCO", hostile.BE16(1)))), container.ErrUnsupported},
		{"dst without a frame", frm8(fver, prop(2822400, []string{"SLFT", "SRGT"}, "DST "), ck8("DST ", ck8("FRTE", hostile.BE32(3), hostile.BE16(75)))), container.ErrTruncated},
		{"name past the end", hostile.Cat(form("8SVX", vhdr(8000, 0), ck("BODY", make([]byte, 4))), []byte("NAME\x00\x00\x10\x00ab")), container.ErrTruncated},
		{"dst of 7 channels", frm8(fver, prop(2822400, []string{"MLFT", "MRGT", "C   ", "LFE ", "LS  ", "RS  ", "LB  "}, "DST "),
			ck8("DST ", ck8("DSTF", make([]byte, 3)))), container.ErrUnsupported},
		{"chunk of 2^63", frm8(fver, []byte("ABCD"), hostile.BE64(1<<63)), container.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readBytes(tc.b)
			assert.ErrorIs(t, err, tc.kind)
		})
	}
}

// TestIFFSkipsBody: the sample data is moved past, not read, and a chunk
// claiming more than the object ends the walk.
func TestIFFSkipsBody(t *testing.T) {
	b := form("8SVX", vhdr(8000, 0), ck("BODY", make([]byte, 1<<16)), []byte("XXXX\xff\xff\xff\xf0"))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, "pcm_s8_planar", info.Streams[0].CodecName)
	assert.Less(t, src.Bytes, int64(200))
}

// TestIFFManyComments: a COMT chunk claiming 65535 comments in a few bytes
// stops at the end of the object.
func TestIFFManyComments(t *testing.T) {
	b := frm8(fver, prop(2822400, []string{"SLFT", "SRGT"}, "DSD "), ck8("DSD ", make([]byte, 8)),
		[]byte("COMT"), hostile.BE64(1<<20), hostile.BE16(0xFFFF))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	v, _ := info.Format.Tags.Get("comment")
	assert.Equal(t, "", v)
	assert.Less(t, src.Bytes, int64(len(b)))
}

// TestProbeShortHead: the zero padding of FFmpeg's probe buffer lets a
// 12-byte FORM match, never a FRM8 shorter than its type.
func TestProbeShortHead(t *testing.T) {
	assert.Equal(t, 100, probe([]byte("FORM\x00\x00\x00\x048SVX")))
	assert.Equal(t, 0, probe([]byte("FRM8\x00\x00\x00\x00\x00\x00\x00\x04DSD")))
}
