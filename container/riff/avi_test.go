package riff

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

func TestProbeAVI(t *testing.T) {
	for _, h := range []string{"RIFF\x10\x00\x00\x00AVI LIST", "RIFF\x10\x00\x00\x00AVIXLIST", "ON2 \x10\x00\x00\x00ON2fLIST", "RIFF\x10\x00\x00\x00AMV LIST"} {
		assert.Equal(t, 100, probeAVI([]byte(h)), h)
	}
	assert.Equal(t, 0, probeAVI(minimalWAV))
	assert.Equal(t, 0, probeAVI([]byte("RIFF\x10\x00\x00\x00AV")))
	// A header with no movi list is refused, as avi_read_header refuses it.
	_, err := AVI().Read(&demuxkit.BytesSource{B: []byte("RIFF\x10\x00\x00\x00AVI LIST")}, 0, container.Options{})
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	assert.Contains(t, err.Error(), "avi")
}

// list builds a LIST chunk of the given type.
func list(typ string, chunks ...[]byte) []byte {
	return ck("LIST", cat(append([][]byte{[]byte(typ)}, chunks...)...))
}

// riffAVI wraps chunks in a RIFF/AVI header.
func riffAVI(chunks ...[]byte) []byte {
	body := cat(append([][]byte{[]byte("AVI ")}, chunks...)...)
	return cat([]byte("RIFF"), le32(uint32(len(body))), body)
}

// avih is a main AVI header: 40 ms a frame, the given frame count and
// stream count, 64x48.
func avih(frames, streams uint32) []byte {
	return ck("avih", cat(le32(40000), le32(0), le32(0), le32(0x10), le32(frames), le32(0),
		le32(streams), le32(0), le32(64), le32(48), make([]byte, 16)))
}

// strh is a stream header of type typ (vids, auds), handler, scale/rate,
// length and sample size.
func strh(typ, handler string, scale, rate, length, sampleSize uint32) []byte {
	return ck("strh", cat([]byte(typ), []byte(handler), le32(0), le32(0), le32(0),
		le32(scale), le32(rate), le32(0), le32(length), le32(0), le32(0xFFFFFFFF), le32(sampleSize), make([]byte, 8)))
}

// bih is a BITMAPINFOHEADER strf for a 64x48 picture of the given fourcc.
func bih(tag string) []byte {
	return ck("strf", cat(le32(40), le32(64), le32(48), []byte{1, 0, 24, 0}, []byte(tag), le32(64*48*3), make([]byte, 16)))
}

// frames returns n "00dc" chunks of size bytes each.
func frames(n, size int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, ck("00dc", make([]byte, size))...)
	}
	return b
}

// idx1 indexes the chunks of movi (the list's body after "movi"), with
// offsets relative to the movi list type as most muxers write them.
func idx1(movi []byte) []byte {
	var b []byte
	for p := 0; p+8 <= len(movi); {
		size := int(binary.LittleEndian.Uint32(movi[p+4:]))
		b = append(b, cat(movi[p:p+4], le32(0x10), le32(uint32(p+4)), le32(uint32(size)))...)
		p += 8 + size + size&1
	}
	return ck("idx1", b)
}

func TestReadAVIIdx1BitRate(t *testing.T) {
	movi := frames(50, 200)
	hdrl := list("hdrl", avih(50, 1), list("strl", strh("vids", "MJPG", 1, 25, 50, 0), bih("MJPG"), ck("strn", []byte("cam\x00"))))
	b := riffAVI(hdrl, list("INFO", ck("ISFT", []byte("x\x00")), ck("IPRD", []byte("p\x00"))), list("movi", movi), idx1(movi))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	info, err := readAVI(src, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "mjpeg", st.CodecName)
	assert.Equal(t, container.Rational{Num: 1, Den: 25}, st.TimeBase)
	assert.Equal(t, int64(50), st.NbFrames)
	assert.Equal(t, int64(50), st.DurationTS)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, st.AvgFrameRate)
	// calculate_bitrate: 50 frames of 200 bytes over 49 frame durations.
	assert.Equal(t, int64(8*50*200*25/49), st.BitRate)
	assert.Equal(t, []container.Tag{{Key: "title", Value: "cam"}}, st.Tags.List())
	assert.Equal(t, []container.Tag{{Key: "software", Value: "x"}, {Key: "product", Value: "p"}}, info.Format.Tags.List())
	assert.LessOrEqual(t, src.Reads, int64(60), "chunk headers are read one by one from the buffer")
}

// odmlFile builds an OpenDML AVI of n frames of size bytes whose only
// index is a super index (indx) pointing at the standard index chunks at
// the offsets that point gives, given the offset of the first one: the
// chunk built by ix.
func odmlFile(n, size int, point func(ixOff int64) []int64) []byte {
	movi := frames(n, size)
	build := func(entries []int64) []byte {
		var super []byte
		for _, off := range entries {
			super = append(super, cat(le64(uint64(off)), le32(8*uint32(n)+24+8), le32(uint32(n)))...)
		}
		indx := ck("indx", cat([]byte{4, 0}, []byte{0, 0}, le32(uint32(len(entries))), []byte("00dc"), make([]byte, 12), super))
		hdrl := list("hdrl", avih(uint32(n), 1), list("strl", strh("vids", "DIVX", 1, 25, uint32(n), 0), bih("DIVX"), indx),
			list("odml", ck("dmlh", le32(uint32(n)))))
		return hdrl
	}
	// The header's length does not depend on the offsets.
	entries := point(0)
	hdrl := build(entries)
	moviOff := int64(12 + len(hdrl))
	dataOff := moviOff + 12 // the first chunk header
	ixOff := moviOff + 12 + int64(len(movi))
	var ix []byte
	for i := 0; i < n; i++ {
		ix = append(ix, cat(le32(uint32(int64(i*(8+size))+8)), le32(uint32(size)))...)
	}
	ixChunk := ck("ix00", cat([]byte{2, 0}, []byte{0, 1}, le32(uint32(n)), []byte("00dc"), le64(uint64(dataOff)), le32(0), ix))
	hdrl = build(point(ixOff))
	return riffAVI(hdrl, list("movi", cat(movi, ixChunk)))
}

func TestReadAVIOpenDMLSuperIndex(t *testing.T) {
	b := odmlFile(50, 200, func(ix int64) []int64 { return []int64{ix} })
	info, err := readAVI(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "mpeg4", st.CodecName)
	assert.Equal(t, int64(50), st.NbFrames)
	// The index came from indx (there is no idx1): its sizes give the bit
	// rate as calculate_bitrate computes it.
	assert.Equal(t, int64(8*50*200*25/49), st.BitRate)
}

// TestAVIIndexLoops: super index entries that point at the super index
// itself, at one standard index many times and at each other are each
// read once; the probe costs what a well-formed file costs.
func TestAVIIndexLoops(t *testing.T) {
	good := odmlFile(200, 2000, func(ix int64) []int64 { return []int64{ix} })
	loop := odmlFile(200, 2000, func(ix int64) []int64 {
		e := []int64{ix, 12 + 12 + 8, ix} // the standard index twice, and the hdrl list
		for i := 0; i < 1000; i++ {
			e = append(e, ix)
		}
		return e
	})
	cost := func(b []byte) (int64, *container.Info) {
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
		begin := time.Now()
		info, _ := readAVI(src, 0, container.Options{})
		assert.Less(t, time.Since(begin), hostile.HangBound)
		return src.Bytes, info
	}
	gb, ginfo := cost(good)
	lb, linfo := cost(loop)
	require.NotNil(t, linfo)
	assert.Equal(t, int64(8*200*2000*25/199), ginfo.Streams[0].BitRate)
	assert.Equal(t, ginfo.Streams[0].BitRate, linfo.Streams[0].BitRate)
	assert.LessOrEqual(t, lb, gb+int64(len(loop)), "a looping index is read once")
}

// TestAVIIndexPointsOutsideFile: idx1 and super index entries that point
// past the end are summarised or refused, never followed into a read.
func TestAVIIndexPointsOutsideFile(t *testing.T) {
	movi := frames(4, 100)
	bad := cat(ck("idx1", cat([]byte("00dc"), le32(0x10), le32(0xFFFFFFF0), le32(0x7FFFFFFF),
		[]byte("00dc"), le32(0x10), le32(0x7FFFFFFF), le32(100)))) // two entries far past the end
	hdrl := list("hdrl", avih(4, 1), list("strl", strh("vids", "MJPG", 1, 25, 4, 0), bih("MJPG")))
	b := riffAVI(hdrl, list("movi", movi), bad)
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	info, err := readAVI(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(0), info.Streams[0].BitRate)
	assert.LessOrEqual(t, src.Bytes, 4*int64(len(b))+4096)

	odml := odmlFile(10, 100, func(int64) []int64 { return []int64{1 << 40, 1<<63 - 1} })
	src = &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: odml}}
	info, err = readAVI(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(10), info.Streams[0].NbFrames)
	assert.LessOrEqual(t, src.Bytes, 4*int64(len(odml))+4096)
}

// TestAVIChunkSizesMaxUint32: chunks that claim 2^32-1 bytes (a JUNK in
// the header, a strf, a strn, an idx1, a LIST) allocate nothing of that
// size and end promptly.
func TestAVIChunkSizesMaxUint32(t *testing.T) {
	huge := func(id string) []byte { return cat([]byte(id), le32(0xFFFFFFFF)) }
	strl := list("strl", strh("vids", "MJPG", 1, 25, 4, 0), bih("MJPG"))
	hdrl := list("hdrl", avih(4, 1), strl)
	for name, b := range map[string][]byte{
		"JUNK": riffAVI(hdrl, huge("JUNK"), list("movi", frames(4, 10))),
		"strf": riffAVI(list("hdrl", avih(4, 1), list("strl", strh("vids", "MJPG", 1, 25, 4, 0), huge("strf"), make([]byte, 64)))),
		"strn": riffAVI(hdrl, huge("strn"), make([]byte, 64)),
		"idx1": riffAVI(hdrl, list("movi", frames(4, 10)), huge("idx1"), make([]byte, 64)),
		"LIST": riffAVI(hdrl, huge("LIST"), []byte("movi"), frames(4, 10)),
		"RIFF": cat([]byte("RIFF\xff\xff\xff\xffAVI "), hdrl, list("movi", frames(4, 10))),
	} {
		t.Run(name, func(t *testing.T) {
			src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
			begin := time.Now()
			info, err := readAVI(src, 0, container.Options{})
			assert.Less(t, time.Since(begin), hostile.HangBound)
			assert.LessOrEqual(t, src.Bytes, 4*int64(len(b))+4096)
			if err != nil {
				ok := errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrLimit)
				assert.True(t, ok, "%v", err)
			} else {
				require.NotNil(t, info)
			}
		})
	}
}

// TestAVIMillionStreams: a header that announces 10^6 streams and carries
// more strh chunks than FFmpeg's max_streams stops at the limit, with
// the streams read so far, and allocates nothing per announced stream.
func TestAVIMillionStreams(t *testing.T) {
	one := list("strl", strh("vids", "MJPG", 1, 25, 4, 0), bih("MJPG"))
	var strls []byte
	for i := 0; i < container.DefaultMaxStreams+10; i++ {
		strls = append(strls, one...)
	}
	b := riffAVI(list("hdrl", avih(4, 1000000), strls), list("movi", frames(1, 10)))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	begin := time.Now()
	info, err := readAVI(src, 0, container.Options{})
	assert.Less(t, time.Since(begin), hostile.HangBound)
	assert.True(t, errors.Is(err, container.ErrLimit), "%v", err)
	require.NotNil(t, info)
	assert.Len(t, info.Streams, container.DefaultMaxStreams)
	assert.Less(t, src.BytesSource.Budget().Used().Allocated, int64(len(b)))
}

func TestCreationTime(t *testing.T) {
	for in, want := range map[string]string{
		"Mon Mar 10 15:04:43 2003\n\x00": "2003-03-10 15:04:43",
		"2003/03/10 15:04:43":            "2003-03-10 15:04:43",
		"garbage":                        "",
	} {
		var tags container.Tags
		creationTime(&tags, []byte(in))
		got, _ := tags.Get("creation_time")
		assert.Equal(t, want, got, "%q", in)
	}
}

func TestMPEGAudioSync(t *testing.T) {
	// Two 128 kbit/s 44.1 kHz layer III frames (417 bytes) after a cut
	// frame's tail, whose 0xFF bytes are no header.
	frame := append([]byte{0xFF, 0xFB, 0x90, 0x44}, make([]byte, 413)...)
	b := cat([]byte{0xFF, 0xFF, 0x00, 0x12}, frame, frame)
	assert.Equal(t, 4, mpegAudioSync(b))
	assert.Equal(t, -1, mpegAudioSync(make([]byte, 64)))
}

// TestAVIStreamWithoutPackets: with no index, a stream that has no packet
// is looked for in the first probesize bytes of movi only, not in all of
// it.
func TestAVIStreamWithoutPackets(t *testing.T) {
	hdrl := list("hdrl", avih(4, 2), list("strl", strh("vids", "MJPG", 1, 25, 4, 0), bih("MJPG")),
		list("strl", strh("vids", "MJPG", 1, 25, 4, 0), bih("MJPG")))
	b := riffAVI(hdrl, list("movi", frames(20000, 1000)))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	info, err := readAVI(src, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Less(t, src.Reads, int64(10000))
}

func TestRFrameRate(t *testing.T) {
	st := &container.Stream{CodecName: "h264", TimeBase: container.Rational{Num: 1, Den: 50}}
	var everyOther []int64
	for k := int64(0); k < fpsStamps; k++ {
		everyOther = append(everyOther, 2*k)
	}
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, rFrameRate(st, everyOther, container.Rational{}),
		"frames two ticks apart (empty chunks between)")
	assert.Equal(t, container.Rational{Num: 50, Den: 1}, rFrameRate(st, nil, container.Rational{}), "no index")
	st.CodecName = "mpeg4"
	assert.Equal(t, container.Rational{Num: 50, Den: 1}, rFrameRate(st, everyOther, container.Rational{Num: 25, Den: 1}),
		"a reliable time base is the rate")
}
