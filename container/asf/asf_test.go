package asf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Builders of ASF structures, little-endian as the format stores them.

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func le16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func le64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

// utf16z is s as UTF-16LE with a terminating NUL.
func utf16z(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, le16(u)...)
	}
	return append(b, 0, 0)
}

// object is a top-level object: GUID, 64-bit size including the 24-byte
// header, body.
func object(g guid, body []byte) []byte {
	return cat(g[:], le64(uint64(24+len(body))), body)
}

// fileProps is a file properties object for a file of size bytes playing
// playMS milliseconds (preroll included) with packets of pkt bytes.
func filePropsObj(size, playMS, preroll uint64, pkt uint32) []byte {
	return object(guidFileProperties, cat(
		make([]byte, 16), // file id
		le64(size), le64(0), le64(1),
		le64(playMS*10000), le64(0), // play, send duration
		le32(uint32(preroll)), le32(0), le32(2), // preroll, reserved, flags (seekable)
		le32(pkt), le32(pkt), le32(128000),
	))
}

// wmav2Format is a WAVEFORMATEX of WMA v2, 44.1 kHz stereo, 128 kb/s.
var wmav2Format = cat(le16(0x161), le16(2), le32(44100), le32(16000), le16(2973), le16(16),
	le16(10), make([]byte, 10))

// audioStream is a stream properties object for stream number id.
func audioStream(id uint16, format []byte) []byte {
	return object(guidStreamProperties, cat(
		guidAudioStream[:], make([]byte, 16), le64(0),
		le32(uint32(len(format))), le32(0), le16(id), le32(0),
		format,
	))
}

// descriptor is one extended content descriptor.
func descriptor(name string, typ uint16, value []byte) []byte {
	n := utf16z(name)
	return cat(le16(uint16(len(n))), n, le16(typ), le16(uint16(len(value))), value)
}

func extContent(desc ...[]byte) []byte {
	return object(guidExtContentDesc, cat(le16(uint16(len(desc))), cat(desc...)))
}

// file assembles a header object of children, an empty data object and
// size bytes in all (padded with zeros), the file properties first.
func file(children ...[]byte) []byte {
	body := cat(children...)
	hdr := cat(guidHeader[:], le64(uint64(30+len(body))), le32(uint32(len(children))), []byte{1, 2}, body)
	data := cat(guidData[:], le64(50), make([]byte, 16), le64(0), []byte{1, 1})
	return cat(hdr, data)
}

// wma is a well-formed WMA header: 3 s of playing after a 1 s preroll.
func wmaFile(extra ...[]byte) []byte {
	children := append([][]byte{nil, audioStream(1, wmav2Format)}, extra...)
	size := len(file(children...)) + 104
	children[0] = filePropsObj(uint64(size), 4000, 1000, 3200)
	return file(children...)
}

func readBytes(t *testing.T, b []byte) (*container.Info, error) {
	t.Helper()
	return Demuxer().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 100, probe(wmaFile()))
	assert.Equal(t, 0, probe(guidData[:]))
	assert.Equal(t, 0, probe(guidHeader[:15]))
}

func TestReadObjectWalk(t *testing.T) {
	b := wmaFile(
		object(guidContentDesc, cat(le16(8), le16(6), le16(0), le16(0), le16(0), utf16z("Tit"), utf16z("Au"))),
		extContent(
			descriptor("WM/AlbumTitle", typeUnicode, utf16z("Album")),
			descriptor("WM/TrackNumber", typeDWORD, le32(7)),
			descriptor("WM/Cover", typeByteArray, []byte{1, 2, 3}),
		),
	)
	info, err := readBytes(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "wmav2", st.CodecName)
	assert.Equal(t, uint32(0x161), st.CodecTag)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "fltp", st.SampleFmt)
	assert.Equal(t, int64(128000), st.BitRate)
	assert.Equal(t, 10, st.ExtradataSize)
	assert.Equal(t, container.Rational{Num: 1, Den: 1000}, st.TimeBase)
	assert.Equal(t, int64(3000), st.DurationTS, "play duration minus preroll")
	assert.Equal(t, int64(len(b)), info.Format.DataOffset)
	// Content description first, then the extended one, with FFmpeg's names.
	assert.Equal(t, []container.Tag{
		{Key: "title", Value: "Tit"}, {Key: "artist", Value: "Au"},
		{Key: "album", Value: "Album"}, {Key: "track", Value: "7"},
	}, info.Format.Tags.List())
}

// TestTagValues: numbers are printed as FFmpeg's get_value returns them,
// an int widened with its sign: a DWORD or QWORD past 2^31 prints as a
// huge unsigned number, a QWORD is cut to 32 bits, a BOOL is 32 bits in
// the extended content description and 16 in the metadata object.
func TestTagValues(t *testing.T) {
	b := wmaFile(
		extContent(
			descriptor("D", typeDWORD, le32(0xFFFFFFFE)),
			descriptor("Q", typeQWORD, le64(0x1_0000_0005)),
			descriptor("W", typeWORD, le16(0xFFFF)),
			descriptor("B", typeBool, le32(1)),
			descriptor("G", typeGUID, make([]byte, 16)),
			descriptor("E", typeUnicode, utf16z("")),
			descriptor("xmpData", typeUnicode, utf16z("x")),
		),
		object(guidMetadata, cat(le16(1),
			le16(0), le16(1), le16(uint16(len(utf16z("M")))), le16(typeBool), le32(2), utf16z("M"), le16(1))),
	)
	info, err := readBytes(t, b)
	require.NoError(t, err)
	assert.Equal(t, []container.Tag{
		{Key: "D", Value: "18446744073709551614"},
		{Key: "Q", Value: "5"},
		{Key: "W", Value: "65535"},
		{Key: "B", Value: "1"},
		{Key: "M", Value: "1"},
	}, info.Format.Tags.List())
}

func TestDecodeUTF16(t *testing.T) {
	for _, tc := range []struct {
		in      []byte
		maxlen  int
		bufsize int
		want    string
		ret     int
	}{
		{utf16z("abc"), 8, 100, "abc", 8},
		{utf16z("abc"), 8, 3, "ab", 8},                            // room for bufsize-1 bytes
		{utf16z("é😀"), 8, 100, "é😀", 8},                           // a surrogate pair
		{cat(le16(0xD800), le16('a')), 4, 100, "", 4},             // a broken pair ends the string
		{cat(le16('a'), le16('b'), []byte{'c'}), 5, 100, "ab", 4}, // an odd length
		{nil, 4, 100, "", 2},                                      // nothing readable: a NUL
	} {
		s, ret := decodeUTF16(tc.in, tc.maxlen, tc.bufsize)
		assert.Equal(t, tc.want, s)
		assert.Equal(t, tc.ret, ret)
	}
}

func TestLanguage(t *testing.T) {
	langs := object(guidLanguageList, cat(le16(1), []byte{byte(len(utf16z("fr-FR")))}, utf16z("fr-FR")))
	ext := cat(make([]byte, 16), le32(64000), make([]byte, 24), le32(0), le16(1), le16(0), le64(0), le16(0), le16(0))
	info, err := readBytes(t, wmaFile(langs, object(guidExtStreamProps, ext)))
	require.NoError(t, err)
	lang, ok := info.Streams[0].Tags.Get("language")
	assert.True(t, ok)
	assert.Equal(t, "fre", lang)
}

// picture is a WM/Picture value: type, size, MIME, description, image.
func pictureValue(mime string, img []byte) []byte {
	return cat([]byte{3}, le32(uint32(len(img))), utf16z(mime), utf16z("d"), img)
}

// png1x1 is the smallest PNG the picture describer reads.
var png1x1 = cat([]byte("\x89PNG\r\n\x1a\n"), le32be(13), []byte("IHDR"), le32be(1), le32be(1), []byte{8, 2, 0, 0, 0}, make([]byte, 4))

func le32be(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func TestPicture(t *testing.T) {
	val := pictureValue("image/png", png1x1)
	b := wmaFile(extContent(descriptor("WM/Picture", typeByteArray, val)))
	info, err := readBytes(t, b)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	pic := info.Streams[1]
	assert.True(t, pic.IsCover())
	assert.Equal(t, "png", pic.CodecName)
	require.NotNil(t, pic.Picture)
	assert.Equal(t, int64(len(png1x1)), pic.Picture.Length)
	assert.Equal(t, png1x1, b[pic.Picture.Offset:pic.Picture.Offset+pic.Picture.Length])
	title, _ := pic.Tags.Get("title")
	comment, _ := pic.Tags.Get("comment")
	assert.Equal(t, "d", title)
	assert.Equal(t, "Cover (front)", comment)
}

// readBounded reads b and checks that the bytes read stay within a few
// times the object's size.
func readBounded(t *testing.T, b []byte) (*container.Info, error) {
	t.Helper()
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 16}}
	info, err := Demuxer().Read(src, 0, container.Options{})
	assert.LessOrEqual(t, src.Bytes, 4*int64(len(b))+1<<12)
	if err != nil {
		assert.True(t, errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrTruncated) ||
			errors.Is(err, container.ErrLimit), "%v", err)
	}
	return info, err
}

// TestHeaderClaims4GB: the header object's size is not trusted (FFmpeg
// walks the objects until the data object), so a 4 GB claim costs
// nothing.
func TestHeaderClaims4GB(t *testing.T) {
	b := wmaFile()
	binary.LittleEndian.PutUint64(b[16:], 4<<30)
	info, err := readBounded(t, b)
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)
}

// TestHeaderClaims2To32Children: the child count is not trusted either.
func TestHeaderClaims2To32Children(t *testing.T) {
	b := wmaFile()
	binary.LittleEndian.PutUint32(b[24:], 0xFFFFFFFF)
	info, err := readBounded(t, b)
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)
	// And a header of many tiny children, each counted against the budget.
	var kids [][]byte
	for i := 0; i < 5000; i++ {
		kids = append(kids, object(guid{1}, nil))
	}
	_, err = readBounded(t, wmaFile(kids...))
	require.NoError(t, err)
}

// TestChildSizeZero: an object of size 0 would never advance the walk;
// asfdec_f.c refuses sizes under 24, and so do we, at once.
func TestChildSizeZero(t *testing.T) {
	b := wmaFile(cat(unknownGUID[:], le64(0)))
	_, err := readBounded(t, b)
	assert.ErrorIs(t, err, container.ErrMalformed)
	// A size past the end of the object.
	b = wmaFile(cat(unknownGUID[:], le64(1<<62)))
	_, err = readBounded(t, b)
	assert.Error(t, err)
}

// TestPictureLongerThanObject: a WM/Picture whose image length exceeds the
// value holding it adds no stream (asf_read_picture's picsize check), and
// a value length past the object reads only what the file holds.
func TestPictureLongerThanObject(t *testing.T) {
	val := pictureValue("image/png", png1x1)
	binary.LittleEndian.PutUint32(val[1:], 1<<31-1)
	info, err := readBounded(t, wmaFile(extContent(descriptor("WM/Picture", typeByteArray, val))))
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)

	// The descriptor's length claims 64 KiB in a much smaller file.
	val = pictureValue("image/png", png1x1)
	d := descriptor("WM/Picture", typeByteArray, val)
	binary.LittleEndian.PutUint16(d[len(d)-len(val)-2:], 0xFFFF)
	info, err = readBounded(t, wmaFile(extContent(d)))
	if err == nil {
		for _, st := range info.Streams {
			if p := st.Picture; p != nil {
				assert.LessOrEqual(t, p.Offset+p.Length, int64(len(val))+4096)
			}
		}
	}
}

func TestFrameRates(t *testing.T) {
	none := container.Rational{}
	ms := func(rate float64, n int) []int64 {
		var s []int64
		for k := 0; k < n; k++ {
			s = append(s, int64(float64(k)*1000/rate))
		}
		return s
	}
	r, avg := frameRates("wmv2", none, []int64{0, 40, 80, 120}, none)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, r)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, avg, "no durations: the average is the guess")
	r, avg = frameRates("wmv2", none, ms(24000.0/1001, fpsFrames), none)
	assert.Equal(t, container.Rational{Num: 24000, Den: 1001}, r, "the standard rate the timestamps fit best")
	assert.Equal(t, r, avg)
	r, avg = frameRates("wmv2", none, ms(60, fpsFrames), none)
	assert.Equal(t, container.Rational{Num: 60, Den: 1}, r)
	assert.Equal(t, r, avg)
	r, avg = frameRates("wmv2", none, []int64{0, 1000, 2000}, none)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, r)
	assert.Equal(t, none, avg, "two spacings are too few for the average")

	// An MPEG-4 VOL rate within 5..100 fps makes the time base reliable.
	r, avg = frameRates("mpeg4", container.Rational{Num: 25, Den: 1}, ms(25, 10), none)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, r)
	assert.Equal(t, none, avg)
	r, avg = frameRates("mpeg4", container.Rational{Num: 30000, Den: 1}, ms(30000.0/1001, fpsFrames), none)
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, r)
	assert.Equal(t, r, avg, "a frame of 1/30000 s rounds to 0 ms: no durations")
	r, avg = frameRates("mpeg4", container.Rational{Num: 120, Den: 1}, ms(120, fpsFrames), none)
	assert.Equal(t, container.Rational{Num: 120, Den: 1}, r)
	assert.Equal(t, container.Rational{Num: 125, Den: 1}, avg, "durations of 8 ms")

	// H.264 with VUI timing: packet durations in whole milliseconds.
	r, avg = frameRates("h264", container.Rational{Num: 30000, Den: 1001}, ms(30000.0/1001, fpsFrames), none)
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, r)
	assert.Equal(t, container.Rational{Num: 1000, Den: 33}, avg)
	r, avg = frameRates("h264", container.Rational{Num: 24000, Den: 1001}, ms(24000.0/1001, fpsFrames), none)
	assert.Equal(t, container.Rational{Num: 293, Den: 12}, avg, "1000/41 rounded to the standard 293/12")

	r, _ = frameRates("wmv2", none, []int64{5}, container.Rational{Num: 1000, Den: 1})
	assert.Equal(t, container.Rational{Num: 1000, Den: 1}, r, "no guess: the fallback")
}

// unknownGUID is an object type nobody knows.
var unknownGUID = guid{9}

// TestEncryptionAndConversion: the content encryption object's strings and
// the extended one's marker become tags; ff_metadata_conv renames the
// attributes (ignoring case), a later duplicate replacing an earlier one.
func TestEncryptionAndConversion(t *testing.T) {
	ascii := func(s string) []byte { return cat(le32(uint32(len(s)+1)), []byte(s), []byte{0}) }
	enc := object(guidContentEncryption, cat(le32(2), []byte{9, 9}, ascii("DRM"), ascii("key"), ascii("http://x")))
	info, err := readBytes(t, wmaFile(
		enc,
		object(guidExtContentEncrypt, nil),
		extContent(
			descriptor("WM/Tool", typeUnicode, utf16z("tool")),
			descriptor("wm/genre", typeUnicode, utf16z("Jazz")),
			descriptor("WM/EncodingSettings", typeUnicode, utf16z("settings")),
		),
	))
	require.NoError(t, err)
	assert.Equal(t, []container.Tag{
		{Key: "ASF_Protection_Type", Value: "DRM"},
		{Key: "ASF_Key_ID", Value: "key"},
		{Key: "ASF_License_URL", Value: "http://x"},
		{Key: "encryption", Value: "ASF Extended Content Encryption"},
		{Key: "genre", Value: "Jazz"},
		{Key: "encoder", Value: "settings"},
	}, info.Format.Tags.List())
}

// TestTruncatedHeader: a header cut inside an object fails as ffprobe
// fails, with ErrTruncated or ErrMalformed, whatever the cut.
func TestTruncatedHeader(t *testing.T) {
	b := wmaFile(extContent(descriptor("WM/Genre", typeUnicode, utf16z("Rock"))))
	for n := 0; n < len(b); n++ {
		_, err := readBounded(t, b[:n])
		if n < 16 {
			continue
		}
		assert.Error(t, err, "cut at %d", n)
	}
}
