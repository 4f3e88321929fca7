package mlp

import (
	"encoding/binary"
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

// Major syncs of streams made with ffmpeg 5.1 (-c:a truehd / mlp -strict
// -2 in .mp4, .mkv and raw .thd/.mlp), with what
// ffprobe 5.1 prints for them.
var syncTests = []struct {
	name       string
	sync       string
	codec      string
	rate       int
	layout     string // the same with and without a parser, unless parser is set
	parser     string
	fmt        string
	bits       int
	substreams uint8
	vbr        bool
	headerSize int
}{
	{name: "truehd stereo", sync: "f8726fba00008001b752000000008c7f11055400000080800000841d2026f1ea", codec: "truehd",
		rate: 48000, layout: "stereo", fmt: "s32", bits: 24, substreams: 1, vbr: true, headerSize: 28},
	{name: "truehd 5.1", sync: "f8726fba0097c00fb752000000008c7f110454000000808000007828203bf1ea", codec: "truehd",
		rate: 48000, layout: "5.1(side)", fmt: "s32", bits: 24, substreams: 1, vbr: true, headerSize: 28},
	{name: "truehd 96k", sync: "f8726fba1097c00fb75200000000863f11047600000080800000bea62040f1ea", codec: "truehd",
		rate: 96000, layout: "5.1(side)", fmt: "s32", bits: 24, substreams: 1, vbr: true, headerSize: 28},
	// ffmpeg's encoder codes a mono input as L/R: ffprobe prints stereo.
	{name: "truehd 44.1k", sync: "f8726fba80008001b752000000008d9a11054c00000080800000be712027f1ea", codec: "truehd",
		rate: 44100, layout: "stereo", fmt: "s32", bits: 24, substreams: 1, vbr: true, headerSize: 28},
	{name: "mlp stereo", sync: "f8726fbb0f0f0001b752400000008c7f1105540300008080001b47482026f1ea", codec: "mlp",
		rate: 48000, layout: "stereo", fmt: "s16", bits: 16, substreams: 1, vbr: true, headerSize: 28},
	{name: "mlp 44.1k", sync: "f8726fbb0f8f0001b752400000008d9a11054c0300008080001b538c2027f1ea", codec: "mlp",
		rate: 44100, layout: "stereo", fmt: "s16", bits: 16, substreams: 1, vbr: true, headerSize: 28},
	// Channel assignment 12: 5.1 with back channels, 24 bits.
	{name: "mlp 5.1", sync: "f8726fbb2f0f000cb752400000008c7f1104563f000080800000464d203bf1ea", codec: "mlp",
		rate: 48000, layout: "5.1", fmt: "s32", bits: 24, substreams: 1, vbr: true, headerSize: 28},
}

func TestParseMajorSync(t *testing.T) {
	for _, tt := range syncTests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMajorSync(unhex(t, tt.sync))
			require.NoError(t, err)
			assert.Equal(t, tt.codec, m.CodecName())
			assert.Equal(t, uint16(0xB752), m.Signature)
			assert.Equal(t, tt.substreams, m.Substreams)
			assert.Equal(t, tt.vbr, m.VariableRate)
			assert.Equal(t, tt.headerSize, m.HeaderSize)
			assert.Zero(t, m.ParserBitRate())
			for _, parsed := range []bool{false, true} {
				var st container.Stream
				describeAs(m, &st, parsed)
				layout := tt.layout
				if parsed && tt.parser != "" {
					layout = tt.parser
				}
				assert.Equal(t, container.Stream{SampleRate: tt.rate, SampleFmt: tt.fmt, BitsPerRawSample: tt.bits,
					Channels: st.Channels, ChannelLayout: layout}, st)
			}
		})
	}
}

func TestParseAccessUnit(t *testing.T) {
	// The first access unit of the raw .thd: a 4-byte header, then the
	// major sync.
	m, err := ParseAccessUnit(unhex(t, "8037ffd8f8726fba00008001b752000000008c7f11055400000080800000841d2026f1ea"))
	require.NoError(t, err)
	assert.True(t, m.IsTrueHD())
	assert.Equal(t, 40, m.AccessUnitSamples())
	_, err = ParseAccessUnit(unhex(t, "8037ffd800000000"))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

// withChecksum returns the major sync b with its checksum recomputed.
func withChecksum(b []byte) []byte {
	size := majorSyncSizeOf(b)
	c := checksum(b[:size-4]) ^ binary.LittleEndian.Uint16(b[size-4:])
	binary.LittleEndian.PutUint16(b[size-2:], c)
	return b
}

// TestTrueHDChannelAssignmentZero: a major sync whose 6- and 8-channel
// assignments are both 0 names no channel. FFmpeg's decoder cannot map the
// substream's channels and fails; the parser sets no layout.
func TestTrueHDChannelAssignmentZero(t *testing.T) {
	b := unhex(t, "f8726fba00008001b752000000008c7f11055400000080800000841d2026f1ea")
	binary.BigEndian.PutUint32(b[4:], 0x00000000) // 48 kHz, both assignments 0
	m, err := ParseMajorSync(withChecksum(b))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	assert.Contains(t, err.Error(), "channel assignment 0")
	assert.Equal(t, 48000, m.SampleRate())
	assert.Zero(t, m.DecoderLayout())

	// The 8-channel assignment alone is used with three substreams.
	binary.BigEndian.PutUint32(b[4:], 0x0000004F) // 6ch 0, 8ch 7.1
	b[16] = 0x31                                  // 3 substreams
	m, err = ParseMajorSync(withChecksum(b))
	require.NoError(t, err)
	var st container.Stream
	m.Describe(&st)
	assert.Equal(t, "7.1", st.ChannelLayout)
	// With one substream the decoder outputs the empty 6-channel
	// presentation.
	b[16] = 0x11
	_, err = ParseMajorSync(withChecksum(b))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func TestParseMajorSyncErrors(t *testing.T) {
	good := "f8726fba00008001b752000000008c7f11055400000080800000841d2026f1ea"
	tests := []struct {
		name string
		edit func([]byte) []byte
		err  error
	}{
		{"short", func(b []byte) []byte { return b[:27] }, container.ErrTruncated},
		{"checksum", func(b []byte) []byte { b[10] ^= 1; return b }, container.ErrMalformed},
		{"sync", func(b []byte) []byte { b[3] = 0xbc; return withChecksum(b) }, container.ErrMalformed},
		{"rate 15", func(b []byte) []byte { b[4] |= 0xF0; return withChecksum(b) }, container.ErrMalformed},
		{"rate 384k", func(b []byte) []byte { b[4] = 0x30; return withChecksum(b) }, container.ErrUnsupported},
		{"no substreams", func(b []byte) []byte { b[16] &= 0x0F; return withChecksum(b) }, container.ErrMalformed},
		{"5 substreams", func(b []byte) []byte { b[16] = 0x51; return withChecksum(b) }, container.ErrUnsupported},
		// An extension flag makes the header longer than the data.
		{"extension", func(b []byte) []byte { b[25] |= 1; b[26] = 0xF0; return b }, container.ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMajorSync(tt.edit(unhex(t, good)))
			assert.True(t, errors.Is(err, tt.err), "%v", err)
		})
	}
	mlp := "f8726fbb0f0f0001b752400000008c7f1105540300008080001b47482026f1ea"
	for _, tt := range []struct {
		name string
		edit func([]byte) []byte
		err  error
	}{
		{"word length 3", func(b []byte) []byte { b[4] = 0x3f; return withChecksum(b) }, container.ErrMalformed},
		{"group 2 wider", func(b []byte) []byte { b[4] = 0x01; return withChecksum(b) }, container.ErrMalformed},
		{"group 2 rate", func(b []byte) []byte { b[5] = 0x08; return withChecksum(b) }, container.ErrUnsupported},
		{"3 substreams", func(b []byte) []byte { b[16] = 0x31; return withChecksum(b) }, container.ErrMalformed},
		{"assignment 21", func(b []byte) []byte { b[7] = 21; return withChecksum(b) }, container.ErrMalformed},
	} {
		t.Run("mlp "+tt.name, func(t *testing.T) {
			_, err := ParseMajorSync(tt.edit(unhex(t, mlp)))
			assert.True(t, errors.Is(err, tt.err), "%v", err)
		})
	}
}

// TestLayoutsDiffer: two substreams, a 5.1 6-channel presentation and a
// 7.1 8-channel one. The decoder outputs the second substream (5.1); the
// parser reports the 8-channel presentation.
func TestLayoutsDiffer(t *testing.T) {
	b := unhex(t, "f8726fba00008001b752000000008c7f11055400000080800000841d2026f1ea")
	binary.BigEndian.PutUint32(b[4:], 0x0007804F)
	b[16] = 0x21
	b[14] = 0x0c // constant rate, peak_data_rate 0x0c7f
	m, err := ParseMajorSync(withChecksum(b))
	require.NoError(t, err)
	var dec, par container.Stream
	m.Describe(&dec)
	m.DescribeParsed(&par)
	assert.Equal(t, "5.1(side)", dec.ChannelLayout)
	assert.Equal(t, "7.1", par.ChannelLayout)
	assert.Zero(t, dec.BitRate)
	// (3199*48000+8)>>4
	assert.Equal(t, int64(9597000), par.BitRate)

	// Two substreams of a mono presentation: the first, stereo, substream.
	binary.BigEndian.PutUint32(b[4:], 0x00010000)
	m, err = ParseMajorSync(withChecksum(b))
	require.NoError(t, err)
	assert.Equal(t, "stereo", describeLayout(m))
}

func describeLayout(m MajorSync) string {
	var st container.Stream
	m.Describe(&st)
	return st.ChannelLayout
}

// dmlp payloads of MP4s made with ffmpeg 5.1 (mov_read_dmlp: the
// 8-channel assignment unless 0).
func TestParseDMLP(t *testing.T) {
	for _, tt := range []struct {
		payload string
		rate    int
		layout  string
		peak    uint16
	}{
		{"0000800118fe00000000", 48000, "stereo", 0x0c7f},
		{"0097c00f18fe00000000", 48000, "5.1(side)", 0x0c7f},
	} {
		d, err := ParseDMLP(unhex(t, tt.payload))
		require.NoError(t, err)
		assert.Equal(t, tt.peak, d.PeakDataRate)
		var st container.Stream
		d.Describe(&st)
		assert.Equal(t, tt.rate, st.SampleRate)
		assert.Equal(t, tt.layout, st.ChannelLayout)
	}
	_, err := ParseDMLP(unhex(t, "0000800118fe000000"))
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	d, err := ParseDMLP(unhex(t, "f000000018fe00000000"))
	require.NoError(t, err)
	var st container.Stream
	d.Describe(&st)
	assert.Zero(t, st.SampleRate)
	assert.Zero(t, st.Channels)
}

func TestAssignmentLayout(t *testing.T) {
	assert.Equal(t, uint64(0), AssignmentLayout(0))
	assert.Equal(t, AssignmentLayout(0x4F), AssignmentLayout(0xE04F), "bits above 12 name no channel")
}

// describeAs describes st with or without a parser after the decoder.
func describeAs(m MajorSync, st *container.Stream, parsed bool) {
	if parsed {
		m.DescribeParsed(st)
		return
	}
	m.Describe(st)
}
