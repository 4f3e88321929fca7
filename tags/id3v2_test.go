package tags

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// syncsafe renders n as four 7-bit groups.
func id3Syncsafe(n int) []byte {
	return []byte{byte(n >> 21 & 0x7f), byte(n >> 14 & 0x7f), byte(n >> 7 & 0x7f), byte(n & 0x7f)}
}

// id3Frame34 builds a v2.3 (plain size) or v2.4 (syncsafe size) frame.
func id3Frame34(version int, id string, flags uint16, body []byte) []byte {
	b := []byte(id)
	if version == 4 {
		b = append(b, id3Syncsafe(len(body))...)
	} else {
		b = binary.BigEndian.AppendUint32(b, uint32(len(body)))
	}
	b = binary.BigEndian.AppendUint16(b, flags)
	return append(b, body...)
}

// id3Frame22 builds a v2.2 frame: 3-byte id, 3-byte size.
func id3Frame22(id string, body []byte) []byte {
	n := len(body)
	return append(append([]byte(id), byte(n>>16), byte(n>>8), byte(n)), body...)
}

// tag builds a tag header (version, flags, syncsafe size) around frames.
func id3Tag(version, flags byte, frames ...[]byte) []byte {
	body := bytes.Join(frames, nil)
	return append(append([]byte{'I', 'D', '3', version, 0, flags}, id3Syncsafe(len(body))...), body...)
}

// id3KV builds tags from key, value pairs.
func id3KV(kv ...string) []container.Tag {
	var t []container.Tag
	for i := 0; i+1 < len(kv); i += 2 {
		t = append(t, container.Tag{Key: kv[i], Value: kv[i+1]})
	}
	return t
}

func id3Cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func readID3Test(t *testing.T, b []byte) *ID3v2 {
	t.Helper()
	res, err := ReadID3v2(&demuxkit.BytesSource{B: b}, 0)
	require.NoError(t, err)
	require.NotNil(t, res)
	return res
}

func TestReadID3v2Text(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []container.Tag
	}{
		{
			name: "v2.3 keys converted, date merged last",
			in: id3Tag(3, 0,
				id3Frame34(3, "TIT2", 0, []byte("\x00Song")), // ISO-8859-1
				id3Frame34(3, "TYER", 0, []byte("\x002021")),
				id3Frame34(3, "TDAT", 0, []byte("\x000304")), // DDMM
				id3Frame34(3, "TPE1", 0, []byte("\x00Singer")),
				id3Frame34(3, "TCON", 0, []byte("\x00(13)")), // ID3v1 genre 13
			),
			// merge_date deletes TYER and TDAT av_dict_set's way (the last
			// entry fills the hole), then appends date.
			want: id3KV("title", "Song", "genre", "Pop", "artist", "Singer", "date", "2021-04-03"),
		},
		{
			name: "v2.4 first value only, first frame wins, TDRL replaces TDRC",
			in: id3Tag(4, 0,
				id3Frame34(4, "TPE1", 0, []byte("\x03A\x00B")), // UTF-8, two values
				id3Frame34(4, "TIT2", 0, []byte("\x03One")),
				id3Frame34(4, "TIT2", 0, []byte("\x03Two")),
				id3Frame34(4, "TDRC", 0, []byte("\x032001")),
				id3Frame34(4, "TDRL", 0, []byte("\x032002")),
				id3Frame34(4, "TXXX", 0, []byte("\x03desc\x00val")),
			),
			// As ffprobe 5.1 prints for the same tag.
			want: id3KV("artist", "A", "title", "One", "date", "2002", "desc", "val"),
		},
		{
			name: "UTF-16 with BOM, both byte orders, COMM with and without description",
			in: id3Tag(3, 0,
				id3Frame34(3, "TALB", 0, []byte("\x01\xff\xfeA\x00\xe9\x00")),         // little-endian "Aé"
				id3Frame34(3, "TPE2", 0, []byte("\x01\xfe\xff\x00B\xd8\x3d\xde\x00")), // big-endian "B😀"
				id3Frame34(3, "COMM", 0, []byte("\x00eng\x00hello")),
				id3Frame34(3, "COMM", 0, []byte("\x00engWho\x00there")),
			),
			want: id3KV("album", "Aé", "album_artist", "B😀", "comment", "hello", "Who", "there"),
		},
		{
			name: "v2.2 frames",
			in: id3Tag(2, 0,
				id3Frame22("TT2", []byte("\x00Name")),
				id3Frame22("TCP", []byte("\x001")),
				id3Frame22("TCM", []byte("\x00Composer")), // not in ffmpeg's tables: kept
				id3Frame22("TYE", []byte("\x002010")),
			),
			want: id3KV("title", "Name", "compilation", "1", "TCM", "Composer", "date", "2010"),
		},
		{
			name: "USLT and empty text frames",
			in: id3Tag(3, 0,
				id3Frame34(3, "TIT2", 0, []byte("\x00")),
				id3Frame34(3, "USLT", 0, []byte("\x00engVerse\x00la la")),
			),
			want: id3KV("lyrics-Verse-eng", "la la"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readID3Test(t, tt.in)
			assert.Equal(t, tt.want, res.Tags.List())
			assert.Equal(t, int64(len(tt.in)), res.End)
		})
	}
}

func TestReadID3v2Structure(t *testing.T) {
	// Tag-level unsynchronisation: the 0xff 0x00 pairs lose their 0x00.
	unsync := id3Tag(3, 0x80, id3Frame34(3, "TIT2", 0, []byte("\x00a\xff\x00b")))
	assert.Equal(t, id3KV("title", "a\u00ffb"), readID3Test(t, unsync).Tags.List())

	// Frame-level unsynchronisation (v2.4 flag 0x0002) with a data length indicator (0x0001).
	f := id3Frame34(4, "TIT2", 0x0003, []byte{0, 0, 0, 3, 0x00, 'x', 0xff, 0x00})
	assert.Equal(t, id3KV("title", "x\u00ff"), readID3Test(t, id3Tag(4, 0, f)).Tags.List())

	// A zlib-compressed v2.4 frame (0x0008 with the 0x0001 length).
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte("\x00Packed"))
	zw.Close()
	cf := id3Frame34(4, "TIT2", 0x0009, id3Cat([]byte{0, 0, 0, 7}, z.Bytes()))
	assert.Equal(t, id3KV("title", "Packed"), readID3Test(t, id3Tag(4, 0, cf)).Tags.List())

	// An encrypted frame is skipped.
	ef := id3Frame34(4, "TIT2", 0x0004, []byte("\x00Secret"))
	assert.Zero(t, readID3Test(t, id3Tag(4, 0, ef)).Tags.Len())

	// Extended header (v2.4 size counts itself) and a footer; then a
	// second tag: both are read and End follows the footer.
	ext := id3Cat([]byte{0, 0, 0, 6, 1, 0}) // size 6, one flag byte, no flags
	body := id3Cat(ext, id3Frame34(4, "TIT2", 0, []byte("\x00First")))
	first := id3Cat([]byte{'I', 'D', '3', 4, 0, 0x50}, id3Syncsafe(len(body)), body, []byte("3DI\x04\x00\x10"), id3Syncsafe(len(body)))
	second := id3Tag(3, 0, id3Frame34(3, "TPE1", 0, []byte("\x00Second")))
	res := readID3Test(t, id3Cat(first, second, []byte{0xff, 0xfb}))
	assert.Equal(t, id3KV("title", "First", "artist", "Second"), res.Tags.List())
	assert.Equal(t, int64(len(first)+len(second)), res.End)

	// A v2.4 frame whose size was written as a plain v2.3 number (0x80 = 128
	// bytes, syncsafe it would be 0x100 = 0x00 0x00 0x01 0x00).
	long := id3Cat([]byte("\x00"), bytes.Repeat([]byte("z"), 127))
	plain := id3Cat([]byte("TIT2"), []byte{0, 0, 0, 0x80}, []byte{0, 0}, long)
	res = readID3Test(t, id3Tag(4, 0, plain, id3Frame34(4, "TPE1", 0, []byte("\x00Next"))))
	assert.Equal(t, id3KV("title", string(long[1:]), "artist", "Next"), res.Tags.List())

	// PRIV frames are rendered with escapes under id3v2_priv.OWNER.
	res = readID3Test(t, id3Tag(3, 0, id3Frame34(3, "PRIV", 0, []byte("owner\x00A\x01\\"))))
	assert.Equal(t, id3KV("id3v2_priv.owner", "A\\x01\\x5c"), res.Priv.List())

	// No tag: nil, no error.
	none, err := ReadID3v2(&demuxkit.BytesSource{B: []byte{0xff, 0xfb, 0x90, 0x44, 0, 0, 0, 0, 0, 0}}, 0)
	assert.NoError(t, err)
	assert.Nil(t, none)
}

func TestReadID3v2Pictures(t *testing.T) {
	png := id3Cat([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 100))
	jpeg := id3Cat([]byte{0xff, 0xd8, 0xff, 0xe0}, bytes.Repeat([]byte{1}, 40))
	apic1 := id3Frame34(3, "APIC", 0, id3Cat([]byte("\x00image/jpeg\x00\x03Front\x00"), png)) // PNG bytes despite the MIME type
	apic2 := id3Frame34(3, "APIC", 0, id3Cat([]byte("\x00image/jpg\x00\x04\x00"), jpeg))
	bad := id3Frame34(3, "APIC", 0, id3Cat([]byte("\x00text/plain\x00\x03\x00"), jpeg)) // unknown MIME: no picture
	in := id3Tag(3, 0, apic1, bad, apic2)
	res := readID3Test(t, in)
	require.Len(t, res.Pictures, 2)

	p := res.Pictures[0]
	assert.Equal(t, "image/jpeg", p.MIME)
	assert.Equal(t, "mjpeg", p.Codec)
	assert.Equal(t, 3, p.Type)
	assert.Equal(t, "Front", p.Description)
	assert.Equal(t, int64(len(png)), p.Length)
	assert.Equal(t, png, in[p.Offset:p.Offset+p.Length])
	assert.Equal(t, png[:picturePrefix], p.Data)
	assert.False(t, p.Decoded)

	p = res.Pictures[1]
	assert.Equal(t, 4, p.Type)
	assert.Equal(t, jpeg, in[p.Offset:p.Offset+p.Length])

	// v2.2 PIC with a three-letter image format and an unsynchronised
	// frame: the image is decoded into Data.
	escaped := []byte{0xff, 0x00, 0xd8, 0xff, 0x00, 0xe0, 1, 2}
	pic := id3Frame22("PIC", id3Cat([]byte("\x00JPG\x03\x00"), escaped))
	res = readID3Test(t, id3Tag(2, 0x80, pic))
	require.Len(t, res.Pictures, 1)
	p = res.Pictures[0]
	assert.True(t, p.Decoded)
	assert.Equal(t, []byte{0xff, 0xd8, 0xff, 0xe0, 1, 2}, p.Data)

	info := container.NewInfo("mp3", "")
	info.AddStream(container.Audio)
	PictureStreams(info, &demuxkit.BytesSource{B: in}, readID3Test(t, in).Pictures)
	require.Len(t, info.Streams, 3)
	st := info.Streams[1]
	assert.Equal(t, container.Video, st.Type)
	assert.Equal(t, "png", st.CodecName) // the PNG signature wins over the MIME type
	assert.True(t, st.IsCover())
	assert.Equal(t, container.Rational{Num: 1, Den: 90000}, st.TimeBase)
	assert.Equal(t, id3KV("title", "Front", "comment", "Cover (front)"), st.Tags.List())
	assert.Equal(t, int64(len(png)), st.Picture.Length)
	assert.Equal(t, id3KV("comment", "Cover (back)"), info.Streams[2].Tags.List())
	assert.Equal(t, "mjpeg", info.Streams[2].CodecName)
}

// TestID3v2FrameSizeExceedsObject: a 1 KiB object whose tag and frames
// claim 256 MiB costs no more reads or allocation than the bytes it has.
func TestID3v2FrameSizeExceedsObject(t *testing.T) {
	const claim = 255 << 20
	b := id3Cat([]byte{'I', 'D', '3', 3, 0, 0}, id3Syncsafe(claim),
		[]byte("TIT2"), binary.BigEndian.AppendUint32(nil, claim-10), []byte{0, 0, 0}, []byte("Huge"))
	b = append(b, make([]byte, 1024-len(b))...)
	src := &demuxkit.BytesSource{B: b, Limit: 4096}
	allocs := testing.AllocsPerRun(20, func() {
		res, err := ReadID3v2(src, 0)
		require.NoError(t, err)
		require.NotNil(t, res)
		assert.Equal(t, id3KV("title", "Huge"), res.Tags.List())
		assert.Equal(t, int64(10+claim), res.End)
	})
	assert.Less(t, allocs, 40.0)

	// The same for a picture frame: no picture, since its bytes are not there.
	p := id3Cat([]byte{'I', 'D', '3', 3, 0, 0}, id3Syncsafe(claim),
		[]byte("APIC"), binary.BigEndian.AppendUint32(nil, claim-10), []byte{0, 0}, []byte("\x00image/png\x00\x03\x00\x89PNG"))
	p = append(p, make([]byte, 1024-len(p))...)
	res, err := ReadID3v2(&demuxkit.BytesSource{B: p, Limit: 4096}, 0)
	require.NoError(t, err)
	assert.Empty(t, res.Pictures)
}

// TestID3v2UnsyncFrameBeyondLimit: an unsynchronised frame larger than the
// allocation limit is skipped, not read.
func TestID3v2UnsyncFrameBeyondLimit(t *testing.T) {
	big := id3Cat([]byte("\x00"), bytes.Repeat([]byte("a"), 8000))
	in := id3Tag(3, 0x80, id3Frame34(3, "TIT2", 0, big), id3Frame34(3, "TPE1", 0, []byte("\x00ok")))
	res, err := ReadID3v2(&demuxkit.BytesSource{B: in, Limit: 4096}, 0)
	require.NoError(t, err)
	assert.Equal(t, id3KV("artist", "ok"), res.Tags.List())
}

// id3Escape applies the unsynchronisation scheme: a zero after every 0xff
// that is followed by a zero or a byte >= 0xe0, and after a final 0xff.
func id3Escape(b []byte) []byte {
	var out []byte
	for i, c := range b {
		out = append(out, c)
		if c == 0xff && (i+1 == len(b) || b[i+1] == 0 || b[i+1] >= 0xe0) {
			out = append(out, 0)
		}
	}
	return out
}

// TestID3v2UnsyncPictureStreamed: an unsynchronised picture is decoded in
// chunks, never held whole, and gives what decoding the whole frame gives
// (decodedPicture over the whole body), whatever falls on a chunk boundary: fields longer than a
// chunk, stuffed zeros across boundaries, images larger than what is kept.
func TestID3v2UnsyncPictureStreamed(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pictures := 0
	for i := 0; i < 40; i++ {
		desc := bytes.Repeat([]byte{'d'}, rng.IntN(3)*(64<<10)/2+rng.IntN(8))
		img := make([]byte, rng.IntN(3)*(maxDecodedPicture)+rng.IntN(300))
		for k := range img {
			if rng.IntN(4) == 0 {
				img[k] = 0xff
			} else if rng.IntN(4) == 0 {
				img[k] = 0
			} else {
				img[k] = byte(rng.IntN(256))
			}
		}
		raw := id3Cat([]byte("\x00image/jpeg\x00\x03"), desc, []byte{0}, img)
		if i%7 == 6 {
			raw = raw[:12+rng.IntN(len(desc)+1)] // the fields are cut by the frame's end
		}
		frame := id3Frame34(3, "APIC", 0, id3Escape(raw))
		in := id3Tag(3, 0x80, frame)
		res, err := ReadID3v2(&demuxkit.BytesSource{B: in, Limit: 1 << 20}, 0)
		require.NoError(t, err)

		want := &id3Parser{res: &ID3v2{}}
		whole := id3Unescape(id3Escape(raw))
		want.decodedPicture(whole, int64(len(whole)), 20, int64(len(id3Escape(raw))), true)
		require.Equal(t, len(want.res.Pictures), len(res.Pictures), "case %d", i)
		if len(want.res.Pictures) == 1 {
			pictures++
			w, g := want.res.Pictures[0], res.Pictures[0]
			assert.Equal(t, w.Description, g.Description, "case %d", i)
			assert.Equal(t, w.DecodedLength, g.DecodedLength, "case %d", i)
			assert.Equal(t, w.Data, g.Data, "case %d", i)
			assert.Equal(t, w.Length, g.Length, "case %d", i)
		}
	}
	assert.Greater(t, pictures, 30)
}
