package ac3

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// frame pads the header hdr with zeros to a whole frame, so that a packet
// can hold a frame after it; the audio data is never read.
func frame(t testing.TB, hdr string) []byte {
	t.Helper()
	b := unhex(t, hdr)
	f, err := ParseSyncFrame(b)
	require.NoError(t, err)
	return append(b, make([]byte, f.FrameSize()-len(b))...)
}

// The first bytes of streams made with ffmpeg 5.1 (-c:a ac3 / eac3, 0.5 s
// of a sine, copied to .ac3/.eac3, .mp4 and .mkv), and what ffprobe 5.1
// prints for them in every container.
var streamTests = []struct {
	name       string
	hdr        string
	eac3       bool
	rate       int
	layout     string
	bitRate    int64
	frameSize  int
	decoder    container.AudioService // the decoder's service type
	parser     container.AudioService // the parser's
	bsmod      uint8
	dialnorm   uint8
	numBlocks  int
	acmod      uint8
	lfe        bool
	frmsizecod uint8
}{
	// -b:a 192k, 48 kHz stereo: frmsizecod 20, 768 bytes.
	{name: "ac3 192k stereo", hdr: "0b77fe95144043e106f46370c0c0c21818187ff7aefdf3e7", rate: 48000, layout: "stereo",
		bitRate: 192000, frameSize: 768, dialnorm: 31, numBlocks: 6, acmod: 2, frmsizecod: 20},
	// 44.1 kHz mono 96k: frmsizecod 12 (even), 208 words.
	{name: "ac3 44.1k mono", hdr: "0b771ef84c402f842be1877b875dfbe7d5df3e7ef9f3e7cf", rate: 44100, layout: "mono",
		bitRate: 96000, frameSize: 416, dialnorm: 31, numBlocks: 6, acmod: 1, frmsizecod: 12},
	{name: "ac3 5.1", hdr: "0b77b50b1e40ebf8403eff99ff0841fc3f87f0dd5c3e86fb", rate: 48000, layout: "5.1(side)",
		bitRate: 448000, frameSize: 1792, dialnorm: 31, numBlocks: 6, acmod: 7, lfe: true, frmsizecod: 30},
	{name: "ac3 32k", hdr: "0b7793e68c4043e106f12821818181818184303030303030", rate: 32000, layout: "stereo",
		bitRate: 96000, frameSize: 576, dialnorm: 31, numBlocks: 6, acmod: 2, frmsizecod: 12},
	// 2/2 is quad with side channels.
	{name: "ac3 quad", hdr: "0b771d1e1c40cbe101efef1c303086061fc3c3f8787eb0f9", rate: 48000, layout: "quad(side)",
		bitRate: 384000, frameSize: 1536, dialnorm: 31, numBlocks: 6, acmod: 6, frmsizecod: 28},
	{name: "ac3 5.0", hdr: "0b7790a31e40eaf8403eff99ff0841fc3f87f0dd587d0df7", rate: 48000, layout: "5.0(side)",
		bitRate: 448000, frameSize: 1792, dialnorm: 31, numBlocks: 6, acmod: 7, frmsizecod: 30},
	// -audio_service_type ka on stereo: bsmod 7 is karaoke (ffprobe:
	// disposition karaoke in .ac3, .mkv and .mp4, side data 8 in .mp4).
	{name: "ac3 karaoke", hdr: "0b77c16b144743e106f46370c0c0c21818187ff7aefdf3e7", rate: 48000, layout: "stereo",
		bitRate: 192000, frameSize: 768, decoder: container.AudioServiceKaraoke, parser: container.AudioServiceKaraoke,
		bsmod: 7, dialnorm: 31, numBlocks: 6, acmod: 2, frmsizecod: 20},
	// -audio_service_type co on mono: commentary (disposition comment).
	{name: "ac3 commentary", hdr: "0b77880e0c452f842bc1c77aaf5e1be7ef9f3e86f9f3e7cf", rate: 48000, layout: "mono",
		bitRate: 96000, frameSize: 384, decoder: container.AudioServiceCommentary, parser: container.AudioServiceCommentary,
		bsmod: 5, dialnorm: 31, numBlocks: 6, acmod: 1, frmsizecod: 12},
	{name: "eac3 stereo", hdr: "0b77017f3487c0002084210838008c06060601818187bd77", eac3: true, rate: 48000, layout: "stereo",
		bitRate: 192000, frameSize: 768, dialnorm: 31, numBlocks: 6, acmod: 2},
	// The first frame's size over its duration, truncated:
	// 8*1670*44100/1536 = 383578.125.
	{name: "eac3 5.1 44.1k", hdr: "0b7703427f87c00020f820000200400003dc1fbb7e1e0101", eac3: true, rate: 44100, layout: "5.1(side)",
		bitRate: 383578, frameSize: 1670, dialnorm: 31, numBlocks: 6, acmod: 7, lfe: true},
	{name: "eac3 mono 32k", hdr: "0b77011fb287c00021066078e77d587ef9fbe7d0df3e7cfa", eac3: true, rate: 32000, layout: "mono",
		bitRate: 96000, frameSize: 576, dialnorm: 31, numBlocks: 6, acmod: 1},
	// E-AC-3 carries bsmod in the informational metadata: the decoder
	// reads it, FFmpeg 5.1's parser does not (ffprobe: karaoke in .mp4 and
	// .mkv, no disposition in .eac3 and .ts).
	{name: "eac3 karaoke", hdr: "0b77017f3487cf40000410842107001180c0c0c0303030f7", eac3: true, rate: 48000, layout: "stereo",
		bitRate: 192000, frameSize: 768, decoder: container.AudioServiceKaraoke, bsmod: 7, dialnorm: 31, numBlocks: 6, acmod: 2},
	{name: "eac3 commentary", hdr: "0b7700bf3287cd4000420c80c1c77aaf5e1be7ef9f3e86f9", eac3: true, rate: 48000, layout: "mono",
		bitRate: 96000, frameSize: 384, decoder: container.AudioServiceCommentary, bsmod: 5, dialnorm: 31, numBlocks: 6, acmod: 1},
}

func TestParseSyncFrame(t *testing.T) {
	for _, tt := range streamTests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseSyncFrame(unhex(t, tt.hdr))
			require.NoError(t, err)
			assert.Equal(t, tt.eac3, f.IsEAC3())
			assert.Equal(t, tt.rate, f.SampleRate())
			assert.Equal(t, tt.frameSize, f.FrameSize())
			assert.Equal(t, tt.bitRate, f.BitRate())
			assert.Equal(t, tt.bsmod, f.Bsmod)
			assert.Equal(t, tt.acmod, f.Acmod)
			assert.Equal(t, tt.lfe, f.LFEOn)
			assert.Equal(t, tt.dialnorm, f.Dialnorm)
			assert.Equal(t, tt.numBlocks, f.NumBlocks())
			assert.Equal(t, tt.parser, f.ParserServiceType())
			if !tt.eac3 {
				assert.Equal(t, tt.frmsizecod, f.Frmsizecod)
				assert.Equal(t, uint8(8), f.Bsid)
			} else {
				assert.Equal(t, uint8(16), f.Bsid)
				assert.Equal(t, tt.bsmod != 0, f.Infomdate)
			}
		})
	}
}

func TestPacketDescribe(t *testing.T) {
	for _, tt := range streamTests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePacket(unhex(t, tt.hdr))
			require.NoError(t, err)
			assert.Empty(t, p.Dependent)
			assert.Equal(t, tt.decoder, p.ServiceType())
			var st container.Stream
			p.Describe(&st)
			assert.Equal(t, container.Stream{SampleRate: tt.rate, Channels: p.Channels(), ChannelLayout: tt.layout,
				SampleFmt: "fltp", BitRate: tt.bitRate}, st)
		})
	}
}

// TestPacketDependent7Point1 is a 5.1 independent frame followed by a
// dependent frame whose chanmap maps Lrs/Rrs (made from ffmpeg's own 5.1
// and stereo E-AC-3 encodings, the stereo frame rewritten as a dependent
// substream): ffprobe 5.1 prints 8 channels, "7.1". The bit rate adds the
// two frames' (ac3_decode_frame's bit_rate + prev_bit_rate).
func TestPacketDependent7Point1(t *testing.T) {
	ind := frame(t, "0b7702ff3f87c000208020000200400003e01fba7e1e0101")
	dep := frame(t, "0b7741803487d02000001042106fc1180c0c0c0303030f7a")
	p, err := ParsePacket(append(append([]byte(nil), ind...), dep...))
	require.NoError(t, err)
	require.Len(t, p.Dependent, 1)
	d := p.Dependent[0]
	assert.Equal(t, uint8(StrmtypDependent), d.Strmtyp)
	assert.True(t, d.Chanmape)
	assert.Equal(t, uint16(0x0200), d.Chanmap)
	assert.Equal(t, 770, d.FrameSize())
	var st container.Stream
	p.Describe(&st)
	assert.Equal(t, 8, st.Channels)
	assert.Equal(t, "7.1", st.ChannelLayout)
	assert.Equal(t, int64(384000+192500), st.BitRate)
	assert.Equal(t, 48000, st.SampleRate)

	// Up to 16 bytes after a frame are padding, not a frame.
	p, err = ParsePacket(append(append([]byte(nil), ind...), dep[:16]...))
	require.NoError(t, err)
	assert.Empty(t, p.Dependent)
	// A dependent frame with another block count is not decoded with it.
	other := append([]byte(nil), dep...)
	other[4] &^= 0x30 // numblkscod 0: one block
	p, err = ParsePacket(append(append([]byte(nil), ind...), other...))
	require.NoError(t, err)
	assert.Empty(t, p.Dependent)
	assert.Equal(t, "5.1(side)", describedLayout(p))
}

func describedLayout(p Packet) string {
	var st container.Stream
	p.Describe(&st)
	return st.ChannelLayout
}

func TestPacketByteSwapped(t *testing.T) {
	b := unhex(t, "0b77fe95144043e106f46370c0c0c21818187ff7aefdf3e7")
	for i := 0; i < len(b); i += 2 {
		b[i], b[i+1] = b[i+1], b[i]
	}
	p, err := ParsePacket(b)
	require.NoError(t, err)
	assert.Equal(t, int64(192000), p.BitRate())
	assert.Equal(t, 2, p.Channels())
}

func TestPacketRefusals(t *testing.T) {
	dep := unhex(t, "0b7741803487d02000001042106fc1180c0c0c0303030f7a")
	_, err := ParsePacket(dep)
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)

	sub := unhex(t, "0b77017f3487c0002084210838008c06060601818187bd77")
	sub[2] |= 1 << 3 // substreamid 1
	_, err = ParsePacket(sub)
	assert.True(t, errors.Is(err, container.ErrUnsupported), "%v", err)

	// fscod 3, fscod2 0: 24 kHz, which FFmpeg 5.1's decoder does not decode.
	reduced := unhex(t, "0b77017f3487c0002084210838008c06060601818187bd77")
	reduced[4] = 0xC4 // fscod 3, fscod2 0, acmod 2, lfeon 0
	p, err := ParsePacket(reduced)
	assert.True(t, errors.Is(err, container.ErrUnsupported), "%v", err)
	assert.Equal(t, 24000, p.Independent.SampleRate())
	assert.Equal(t, 6, p.Independent.NumBlocks())
}

// TestFrmsizecodReserved: frmsizecod 38 is reserved (A/52 Table 5.18 has
// 38 codes); ff_ac3_parse_header refuses it as it refuses anything above
// 37.
func TestFrmsizecodReserved(t *testing.T) {
	b := unhex(t, "0b77fe95144043e106f46370c0c0c21818187ff7aefdf3e7")
	b[4] = b[4]&0xC0 | 38
	_, err := ParseSyncFrame(b)
	require.Error(t, err)
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	assert.Contains(t, err.Error(), "frmsizecod 38")
	for code := 0; code < 64; code++ {
		b[4] = b[4]&0xC0 | byte(code)
		f, err := ParseSyncFrame(b)
		if code > 37 {
			assert.Error(t, err)
			continue
		}
		require.NoError(t, err)
		assert.Positive(t, f.FrameSize())
	}
}

// TestEAC3FrameSizeZero: frmsiz 0 is a 2-byte frame, shorter than the
// 7-byte header; ff_ac3_parse_header refuses frame sizes under 7 bytes.
func TestEAC3FrameSizeZero(t *testing.T) {
	b := unhex(t, "0b77017f3487c0002084210838008c06060601818187bd77")
	for frmsiz := 0; frmsiz < 4; frmsiz++ {
		b[2], b[3] = b[2]&^7, byte(frmsiz)
		_, err := ParseSyncFrame(b)
		if frmsiz < 3 {
			assert.True(t, errors.Is(err, container.ErrMalformed), "frmsiz %d: %v", frmsiz, err)
			continue
		}
		assert.NoError(t, err, "frmsiz 3 is 8 bytes")
	}
	_, err := ParsePacket(append([]byte{0x0b, 0x77, 0x00, 0x00}, b[4:]...))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func TestParseSyncFrameErrors(t *testing.T) {
	good := "0b77fe95144043e106f46370c0c0c21818187ff7aefdf3e7"
	tests := []struct {
		name string
		edit func([]byte) []byte
		err  error
	}{
		{"short", func(b []byte) []byte { return b[:6] }, container.ErrTruncated},
		{"no sync", func(b []byte) []byte { b[1] = 0x78; return b }, container.ErrMalformed},
		{"bsid 17", func(b []byte) []byte { b[5] = 17<<3 | b[5]&7; return b }, container.ErrMalformed},
		{"fscod 3", func(b []byte) []byte { b[4] |= 0xC0; return b }, container.ErrMalformed},
		{"bsi cut", func(b []byte) []byte { return b[:7] }, container.ErrTruncated},
		{"eac3 strmtyp 3", func(b []byte) []byte {
			return append(unhex(t, "0b77c17f3487c0002084210838008c06060601818187bd77")[:0:0],
				unhex(t, "0b77c17f3487c0002084210838008c06060601818187bd77")...)
		}, container.ErrMalformed},
		{"eac3 fscod2 3", func(b []byte) []byte {
			e := unhex(t, "0b77017f3487c0002084210838008c06060601818187bd77")
			e[4] = 0xF4
			return e
		}, container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSyncFrame(tt.edit(unhex(t, good)))
			assert.True(t, errors.Is(err, tt.err), "%v", err)
		})
	}
}

// TestChanmapTooManyChannels: a custom channel map of all 16 locations
// is 22 channels; ff_eac3_parse_header refuses more than 16.
func TestChanmapTooManyChannels(t *testing.T) {
	b := unhex(t, "0b7741803487d02000001042106fc1180c0c0c0303030f7a")
	// chanmape is bit 51 (after dialnorm 5 and compre 1 at bit 45); set
	// the 16 chanmap bits after it to ones.
	setBits(b, 52, 16, 0xFFFF)
	_, err := ParseSyncFrame(b)
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func setBits(b []byte, pos, n int, v uint64) {
	for i := 0; i < n; i++ {
		bit := (v >> uint(n-1-i)) & 1
		p := pos + i
		if bit == 1 {
			b[p>>3] |= 0x80 >> uint(p&7)
		} else {
			b[p>>3] &^= 0x80 >> uint(p&7)
		}
	}
}

func TestFrameSizeTable(t *testing.T) {
	// Spot checks of A/52 Table 5.18 in words: 32 kbit/s and 640 kbit/s
	// at each rate, and the odd codes at 44.1 kHz.
	for _, c := range []struct {
		code, fscod uint8
		words       int
	}{{0, 0, 64}, {0, 1, 69}, {1, 1, 70}, {0, 2, 96}, {36, 0, 1280}, {36, 1, 1393}, {37, 1, 1394}, {37, 2, 1920},
		{10, 1, 174}, {11, 1, 175}, {29, 1, 836}} {
		assert.Equal(t, c.words, frameWords(c.code, c.fscod), "frmsizecod %d fscod %d", c.code, c.fscod)
	}
}

func TestHalfRateAC3(t *testing.T) {
	b := unhex(t, "0b77fe95144043e106f46370c0c0c21818187ff7aefdf3e7")
	b[5] = 9<<3 | b[5]&7 // bsid 9: half sample rate
	f, err := ParseSyncFrame(b)
	require.NoError(t, err)
	assert.Equal(t, 24000, f.SampleRate())
	assert.Equal(t, int64(96000), f.BitRate())
	b[5] = 10<<3 | b[5]&7
	f, err = ParseSyncFrame(b)
	require.NoError(t, err)
	assert.Equal(t, 12000, f.SampleRate())
	assert.Equal(t, int64(48000), f.BitRate())
}
