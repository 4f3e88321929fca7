package adts

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// frame builds one ADTS frame of length n (header included, payload
// zeros), MPEG-4, no CRC, one raw data block.
func frame(profile, sfIndex, chanConfig, n int) []byte {
	b := make([]byte, n)
	b[0] = 0xFF                                          // syncword
	b[1] = 0xF1                                          // syncword, ID 0, layer 00, protection_absent 1
	b[2] = byte(profile<<6 | sfIndex<<2 | chanConfig>>2) // profile, sampling index, private, channel config (high bit)
	b[3] = byte(chanConfig&3<<6 | n>>11&3)               // channel config (low bits), flags, frame length (bits 12-11)
	b[4] = byte(n >> 3)                                  // frame length (bits 10-3)
	b[5] = byte(n&7<<5 | 0x1F)                           // frame length (bits 2-0), buffer fullness (high 5)
	b[6] = 0xFC                                          // buffer fullness (low 6), one raw data block
	return b
}

// stream concatenates frames of the given lengths.
func stream(profile, sfIndex, chanConfig int, lengths ...int) []byte {
	var out []byte
	for _, n := range lengths {
		out = append(out, frame(profile, sfIndex, chanConfig, n)...)
	}
	return out
}

// repeat returns n copies of length.
func repeat(length, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = length
	}
	return out
}

// runningAverage is the aac parser's average of per-frame bit rates.
func runningAverage(rate int64, lengths []int) int64 {
	var avg int64
	for i, n := range lengths {
		avg += (int64(n)*8*rate/1024 - avg) / int64(i+1)
	}
	return avg
}

func TestProbe(t *testing.T) {
	garbage := []byte("this is not an adts stream at all, just text")
	tests := []struct {
		name string
		head []byte
		want int
	}{
		{"three frames at the start", append(stream(1, 4, 2, 100, 100, 100), make([]byte, 8)...), 51},
		{"one frame", append(stream(1, 4, 2, 20), garbage...), 1},
		{"text", garbage, 0},
		{"empty", nil, 0},
		// A chain found later that ends in something else is a false
		// positive: its count is dropped.
		{"chain after garbage then garbage", append(append(append([]byte{}, garbage...), stream(1, 4, 2, 20, 20, 20)...), garbage...), 0},
		// The same chain running to the end of the buffer counts.
		{"chain after garbage to the end", append(append([]byte{}, garbage...), stream(1, 4, 2, 20, 20, 20, 20)...), 25},
		{"many frames after garbage", append(append([]byte{}, garbage...), stream(1, 4, 2, repeat(9, 120)...)...), 50},
		// A length below the header size ends the chain before it counts.
		{"length below header", append(frame(1, 4, 2, 7)[:3], 0x80, 0, 0xDF, 0xFC, 0, 0, 0, 0, 0, 0, 0), 0},
		{"two frames", append(stream(1, 4, 2, 20, 20), garbage...), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, probe(tt.head))
		})
	}
}

func TestRead(t *testing.T) {
	var lengths60 = make([]int, 60)
	for i := range lengths60 {
		lengths60[i] = 200 + i*3
	}
	id3v1 := append([]byte("TAG"), make([]byte, 125)...)
	copy(id3v1[3:], "Title")
	copy(id3v1[33:], "Artist")
	id3v1[127] = 17 // Rock

	tests := []struct {
		name     string
		data     []byte
		start    int64
		rate     int
		channels int
		layout   string
		profile  string
		bitRate  int64
		offset   int64
		tags     []container.Tag
	}{
		{
			name: "lc stereo 44100, 50 frames counted",
			data: stream(1, 4, 2, lengths60...),
			rate: 44100, channels: 2, layout: "stereo", profile: "LC",
			bitRate: runningAverage(44100, lengths60[:50]),
		},
		{
			// At 8000 Hz 1024-sample frames last 128 ms: the 5 s analysis
			// limit stops find_stream_info at the 43rd packet.
			name: "8000 hz stops at the analysis duration",
			data: stream(2, 11, 1, lengths60...),
			rate: 8000, channels: 1, layout: "mono", profile: "SSR",
			bitRate: runningAverage(8000, lengths60[:43]),
		},
		{
			name: "short stream, last frame cut",
			data: stream(0, 3, 6, 300, 310, 320, 330)[:300+310+320+100],
			rate: 48000, channels: 6, layout: "5.1", profile: "Main",
			bitRate: runningAverage(48000, []int{300, 310, 320}),
		},
		{
			name: "leading garbage after the id3v2 start",
			data: append([]byte("junk!"), stream(1, 4, 2, 100, 100, 100)...),
			rate: 44100, channels: 2, layout: "stereo", profile: "LC",
			bitRate: runningAverage(44100, []int{100, 100, 100}), offset: 5,
		},
		{
			name: "id3v1 tag",
			data: append(stream(1, 4, 2, 100, 100), id3v1...),
			rate: 44100, channels: 2, layout: "stereo", profile: "LC",
			bitRate: runningAverage(44100, []int{100, 100}),
			tags:    []container.Tag{{Key: "title", Value: "Title"}, {Key: "artist", Value: "Artist"}, {Key: "genre", Value: "Rock"}},
		},
		{
			// adts_aac_read_packet skips 10 bytes and resyncs.
			name: "junk between frames is skipped",
			data: append(append(stream(1, 4, 2, 100, 100), []byte("JUNK JUNK JUNK")...), stream(1, 4, 2, 120, 130)...),
			rate: 44100, channels: 2, layout: "stereo", profile: "LC",
			bitRate: runningAverage(44100, []int{100, 100, 120, 130}),
		},
		{
			name: "id3v2 between frames is skipped",
			data: append(append(stream(1, 4, 2, 100),
				'I', 'D', '3', 4, 0, 0, 0, 0, 0, 2, 0, 0), // ID3v2.4, size 2 (padding)
				stream(1, 4, 2, 120)...),
			rate: 44100, channels: 2, layout: "stereo", profile: "LC",
			bitRate: runningAverage(44100, []int{100, 120}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Demuxer().Read(&demuxkit.BytesSource{B: tt.data}, tt.start, container.Options{})
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, "aac", st.CodecName)
			assert.Equal(t, "fltp", st.SampleFmt)
			assert.Equal(t, container.Rational{Num: 1, Den: 28224000}, st.TimeBase)
			assert.Equal(t, tt.rate, st.SampleRate)
			assert.Equal(t, tt.channels, st.Channels)
			assert.Equal(t, tt.layout, st.ChannelLayout)
			assert.Equal(t, tt.profile, st.Profile)
			assert.Equal(t, tt.bitRate, st.BitRate)
			assert.Equal(t, container.NoPTS, st.DurationTS)
			assert.Equal(t, container.NoPTS, st.StartPTS)
			assert.Equal(t, tt.offset, info.Format.DataOffset)
			assert.Equal(t, tt.tags, info.Format.Tags.List())
		})
	}
}

func TestReadPCE(t *testing.T) {
	f := frame(1, 3, 0, 40)
	// program_config_element after the header: id_syn_ele 5 (PCE),
	// tag 0, object type 1, sampling index 3, 1 front, 0 side, 0 back,
	// 1 LFE, no assoc/cc, no mixdowns, front CPE tag 0, LFE tag 0:
	// 101 0000 01 0011 0001 0000 0000 01 000 0000 0 0 0 1 0000 0000
	copy(f[7:], []byte{0xA0, 0x98, 0x80, 0x20, 0x04, 0x00})
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: append(f, f...)}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, 3, info.Streams[0].Channels)
	assert.Equal(t, "2.1", info.Streams[0].ChannelLayout)
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		kind error
	}{
		{"no syncword", []byte("no adts here, only text that goes on"), container.ErrTruncated},
		{"sync at the very end", []byte{0, 0, 0xFF, 0xF1}, container.ErrTruncated},
		{"reserved sampling index", frame(1, 13, 2, 100), container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Demuxer().Read(&demuxkit.BytesSource{B: tt.data}, 0, container.Options{})
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.kind), "%v", err)
		})
	}
}

// apeItem builds an APEv2 item: value size, flags, key, NUL, value.
func apeItem(key string, value []byte, binaryItem bool) []byte {
	var h [8]byte
	binary.LittleEndian.PutUint32(h[:], uint32(len(value)))
	if binaryItem {
		binary.LittleEndian.PutUint32(h[4:], 2)
	}
	return append(append(append(h[:], key...), 0), value...)
}

// apeFooter builds the 32-byte footer of a tag whose items take n bytes.
func apeFooter(n, fields int) []byte {
	f := make([]byte, 32)
	copy(f, "APETAGEX")
	binary.LittleEndian.PutUint32(f[8:], 2000)            // version
	binary.LittleEndian.PutUint32(f[12:], uint32(n+32))   // tag size, footer included
	binary.LittleEndian.PutUint32(f[16:], uint32(fields)) // item count
	binary.LittleEndian.PutUint32(f[20:], 1<<31)          // flags: has a header (not present here)
	return f
}

func TestReadAPE(t *testing.T) {
	items := append(apeItem("Title", []byte("One"), false), apeItem("Artist", []byte("A\x00B"), false)...)
	items = append(items, apeItem("Blob", []byte("data.bin\x00\x01\x02\x03"), true)...)
	items = append(items, apeItem("title", []byte("Two"), false)...)
	data := append(stream(1, 4, 2, 100, 100), items...)
	data = append(data, apeFooter(len(items), 4)...)
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	// av_dict_set replaces "Title" by moving the last entry into its place.
	assert.Equal(t, []container.Tag{{Key: "Artist", Value: "A"}, {Key: "title", Value: "Two"}}, info.Format.Tags.List())
	require.Len(t, info.Streams, 2)
	assert.Equal(t, container.Attachment, info.Streams[1].Type)
	assert.Equal(t, 3, info.Streams[1].ExtradataSize)
	assert.Equal(t, []container.Tag{{Key: "Blob", Value: "data.bin"}}, info.Streams[1].Tags.List())
	// An attachment never gets codec parameters, so every frame counts
	// (here both).
	assert.Equal(t, runningAverage(44100, []int{100, 100}), info.Streams[0].BitRate)
}

// TestAPEItemClaims256MB: a 1 KB object whose APE item claims a 256 MB
// value must not allocate it.
func TestAPEItemClaimsHugeValue(t *testing.T) {
	item := apeItem("Title", []byte("x"), false)
	binary.LittleEndian.PutUint32(item, 256<<20)
	data := append(stream(1, 4, 2, repeat(100, 9)...), item...)
	data = append(data, apeFooter(len(item), 1)...)
	src := &demuxkit.BytesSource{B: data}
	allocs := testing.AllocsPerRun(10, func() {
		_, err := Demuxer().Read(src, 0, container.Options{})
		require.NoError(t, err)
	})
	wellFormed := append(stream(1, 4, 2, repeat(100, 9)...), apeItem("Title", []byte("x"), false)...)
	wellFormed = append(wellFormed, apeFooter(len(item), 1)...)
	base := testing.AllocsPerRun(10, func() {
		_, _ = Demuxer().Read(&demuxkit.BytesSource{B: wellFormed}, 0, container.Options{})
	})
	assert.LessOrEqual(t, allocs, base+2)
	var ms1, ms2 runtimeMem
	ms1.read()
	_, _ = Demuxer().Read(src, 0, container.Options{})
	ms2.read()
	assert.Less(t, ms2.total-ms1.total, uint64(1<<20), "bytes allocated")
}

// TestAPETagSizeWraps: a tag size below the footer size wraps in FFmpeg's
// unsigned check and means "no tag".
func TestAPETagSizeWraps(t *testing.T) {
	f := apeFooter(0, 1)
	binary.LittleEndian.PutUint32(f[12:], 8)
	data := append(stream(1, 4, 2, 100, 100), f...)
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	assert.Zero(t, info.Format.Tags.Len())
	assert.Len(t, info.Streams, 1)
}

// TestJunkBetweenFramesIsBudgeted: frames far apart behind junk are
// followed only within one resync window in total, so a large object costs
// what a small one does.
func TestJunkBetweenFramesIsBudgeted(t *testing.T) {
	junk := make([]byte, 300<<10) // zeros: no syncword
	var data []byte
	for i := 0; i < 20; i++ {
		data = append(data, frame(1, 4, 2, 100)...)
		data = append(data, junk...)
	}
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: data}}
	info, err := Demuxer().Read(src, 0, container.Options{})
	require.NoError(t, err)
	// The first frame and the three found within the 1 MiB budget.
	assert.Equal(t, runningAverage(44100, repeat(100, 4)), info.Streams[0].BitRate)
	assert.Less(t, src.Bytes, int64(1<<20+64<<10), "bytes read of %d", len(data))
}
