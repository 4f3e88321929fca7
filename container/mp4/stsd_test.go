package mp4

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// movAudio is a QuickTime movie ('qt  ' brand) with one sound track whose
// sample description is entry; samples are n frames of 1 tick (the PCM
// chunk mode) in one chunk.
func movAudio(entry []byte, n uint32, children ...[]byte) []byte {
	stbl := mkbox("stbl",
		mkbox("stsd", full(0, 0), u32(1), entry),
		mkbox("stts", full(0, 0), u32(1), u32(n), u32(1)), // n samples of one tick
		mkbox("stsz", full(0, 0), u32(4), u32(n)),         // 4 bytes each
		mkbox("stsc", full(0, 0), u32(1), u32(1), u32(n), u32(1)),
		mkbox("stco", full(0, 0), u32(1), u32(0)))
	return cat(
		mkbox("ftyp", []byte("qt  "), u32(0x200), []byte("qt  ")),
		mkbox("moov", mvhd(1000, 1000), mkbox("trak", tkhd(1, 1),
			mkbox("mdia", mdhd(44100, n, 0), mkbox("hdlr", full(0, 0), u32(0), []byte("soun"), zeros(12), []byte("\x0bSoundHandle")), mkbox("minf", stbl)), cat(children...))))
}

// soundV1 is a QuickTime sound description version 1: the v0 fields plus
// samples per packet, bytes per packet, bytes per frame, bytes per sample.
func soundV1(format string, channels, bits uint16, rate uint16, children ...[]byte) []byte {
	return mkbox(format,
		zeros(6), u16(1), // reserved, data reference index
		u16(1), u16(0), []byte("appl"), // version 1, revision, vendor
		u16(channels), u16(bits),
		u16(0xfffe), u16(0), // compression id -2, packet size
		u32(uint32(rate)<<16),
		u32(1), u32(2), u32(4), u32(2), // v1 fields
		cat(children...))
}

func TestSoundDescriptions(t *testing.T) {
	tests := []struct {
		name            string
		data            []byte
		codec, fmt      string
		rate, ch        int
		bitRate         int64
		handler, layout string
		vendor          string
	}{
		{
			name: "twos v1, 16-bit stereo", data: movAudio(soundV1("twos", 2, 16, 44100), 100),
			codec: "pcm_s16be", fmt: "s16", rate: 44100, ch: 2, bitRate: 1411200,
			handler: "SoundHandle", layout: "", vendor: "appl",
		},
		{
			name: "sowt with 24 bits is pcm_s24le", data: movAudio(soundV1("sowt", 1, 24, 48000), 100),
			codec: "pcm_s24le", fmt: "s32", rate: 48000, ch: 1, bitRate: 48000 * 24,
			handler: "SoundHandle", layout: "", vendor: "appl",
		},
		{
			name: "in24 with enda little-endian flag in wave",
			data: movAudio(soundV1("in24", 2, 24, 48000,
				mkbox("wave", mkbox("frma", []byte("in24")), mkbox("enda", u16(1)))), 10),
			codec: "pcm_s24le", fmt: "s32", rate: 48000, ch: 2, bitRate: 48000 * 24 * 2,
			handler: "SoundHandle", layout: "", vendor: "appl",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readBytes(t, tc.data)
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, tc.fmt, st.SampleFmt)
			assert.Equal(t, tc.rate, st.SampleRate)
			assert.Equal(t, tc.ch, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, tc.bitRate, st.BitRate)
			h, _ := st.Tags.Get("handler_name")
			assert.Equal(t, tc.handler, h, "Pascal handler name in a QuickTime file")
			v, _ := st.Tags.Get("vendor_id")
			assert.Equal(t, tc.vendor, v)
			l, _ := st.Tags.Get("language")
			assert.Equal(t, "eng", l, "Macintosh language code 0")
		})
	}
}

func TestEditList(t *testing.T) {
	// An AAC track of 10 frames (10240 ticks at 44100) with an edit list:
	// an empty edit of 100 ms (movie time scale 1000) then the media from
	// 1024 (the encoder delay) for 200 ms. ffprobe 5.1 shows start_pts 4410
	// and duration_ts 10240 for it.
	base := m4a(10)
	edts := mkbox("edts", mkbox("elst", full(0, 0), u32(2),
		u32(100), u32(0xffffffff), u32(0x10000), // empty edit: 100/1000 s
		u32(200), u32(1024), u32(0x10000))) // 200/1000 s from media time 1024
	// Insert edts after tkhd in the trak.
	i := indexOf(base, []byte("mdia")) - 4
	data := cat(base[:i], edts, base[i:])
	fixSizes(data, len(edts), "moov", "trak")
	info, err := readBytes(t, data)
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, int64(4410), st.StartPTS, "leading empty edit, in the track time scale")
	// The edits sum to 4410+8820 ticks, more than the media's 10240: the
	// duration is the smaller of the two.
	assert.Equal(t, int64(10240), st.DurationTS)
}

func indexOf(b, sub []byte) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		if string(b[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

// fixSizes grows the 32-bit size of the first box of each type by n.
func fixSizes(b []byte, n int, types ...string) {
	for _, typ := range types {
		i := indexOf(b, []byte(typ)) - 4
		v := uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		copy(b[i:], u32(v+uint32(n)))
	}
}

func TestFragments(t *testing.T) {
	// An init segment with one AAC track and two fragments of 3 samples
	// each (1024 ticks, 50 bytes), the second without a tfdt.
	init := cat(ftypM4A(), mkbox("moov", mvhd(1000, 0), mkbox("trak", tkhd(1, 1),
		mkbox("mdia", mdhd(44100, 0, 0x55c4), hdlr("soun", "S"), mkbox("minf", mkbox("stbl",
			mkbox("stsd", full(0, 0), u32(1), mp4a(2, 44100, esdsAAC([]byte{0x12, 0x10}))),
			mkbox("stts", full(0, 0), u32(0)), mkbox("stsz", full(0, 0), u32(0), u32(0)),
			mkbox("stsc", full(0, 0), u32(0)), mkbox("stco", full(0, 0), u32(0)))))),
		mkbox("mvex", mkbox("trex", full(0, 0), u32(1), u32(1), u32(1024), u32(0), u32(0)))))
	frag := func(tfdt []byte) []byte {
		return cat(mkbox("moof", mkbox("traf",
			mkbox("tfhd", full(0, 0x20000), u32(1)), // default-base-is-moof
			tfdt,
			mkbox("trun", full(0, 0x200), u32(3), u32(50), u32(50), u32(50)))), // sizes only
			mkbox("mdat", zeros(150)))
	}
	data := cat(init, frag(mkbox("tfdt", full(0, 0), u32(0))), frag(nil))
	info, err := readBytes(t, data)
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, int64(6*1024), st.DurationTS)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, int64(0), st.NbFrames, "stts is empty; fragments do not count")
	assert.Equal(t, container.Rescale(300, 44100*8, 6*1024), st.BitRate)
	assert.Equal(t, container.NoPTS, info.Format.Duration, "trex makes the mvhd duration unknown")
	assert.Equal(t, "LC", st.Profile)
}

func TestUdtaStrings(t *testing.T) {
	// QuickTime user data: a string with a 16-bit length and a language
	// (0x15c7 is "eng" packed), and a 3GPP location.
	loci := mkbox("loci", full(0, 0), u16(0x15c7), []byte("Home\x00"), u8(0),
		u32(0xffb58000), u32(0x28ae14), u32(0), // lon -74.5, lat 40.68 (16.16), alt
		[]byte("earth\x00"), []byte("\x00"))
	udta := mkbox("udta",
		mkbox("\xa9too", u16(5), u16(0x15c7), []byte("Lavf1")),
		loci)
	data := cat(ftypM4A(), mkbox("moov", mvhd(1000, 0), udta))
	info, err := readBytes(t, data)
	require.NoError(t, err)
	v, _ := info.Format.Tags.Get("encoder")
	assert.Equal(t, "Lavf1", v)
	v, _ = info.Format.Tags.Get("encoder-eng")
	assert.Equal(t, "Lavf1", v)
	v, _ = info.Format.Tags.Get("location-eng")
	assert.Equal(t, "+40.6800-074.5000/Home", v)
	v, _ = info.Format.Tags.Get("location")
	assert.Equal(t, "+40.6800-074.5000/Home", v)
}
