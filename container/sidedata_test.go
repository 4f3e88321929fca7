package container_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestAddSideDataReplacesInPlace(t *testing.T) {
	var st container.Stream
	st.AddSideData(container.AudioServiceType{Type: container.AudioServiceMain})
	st.AddSideData(container.ReplayGain{TrackGain: 1, AlbumGain: container.GainUnknown})
	// av_stream_add_side_data: a second entry of a kind replaces the first
	// where it stands.
	st.AddSideData(container.AudioServiceType{Type: container.AudioServiceCommentary})
	require.Len(t, st.SideData, 2)
	assert.Equal(t, container.AudioServiceType{Type: container.AudioServiceCommentary}, st.SideData[0])
	assert.Equal(t, container.SideDataReplayGain, st.SideData[1].Kind())

	ast, ok := container.SideDataOf[container.AudioServiceType](&st)
	assert.True(t, ok)
	assert.Equal(t, container.AudioServiceCommentary, ast.Type)
	_, ok = container.SideDataOf[container.DisplayMatrix](&st)
	assert.False(t, ok)
}

// TestSideDataKindNames: the names ffprobe 5.1 prints as side_data_type
// (seen in the shared corpus and in the files of format/ffprobe's tests).
func TestSideDataKindNames(t *testing.T) {
	for sd, name := range map[container.SideData]string{
		container.ReplayGain{}:       "Replay Gain",
		container.DisplayMatrix{}:    "Display Matrix",
		container.Stereo3D{}:         "Stereo 3D",
		container.AudioServiceType{}: "Audio Service Type",
		container.CPBProperties{}:    "CPB properties",
		container.MasteringDisplay{}: "Mastering display metadata",
		container.ContentLight{}:     "Content light level metadata",
		container.Spherical{}:        "Spherical Mapping",
		container.ICCProfile{}:       "ICC Profile",
		container.DOVIConfig{}:       "DOVI configuration record",
	} {
		assert.Equal(t, name, sd.Kind().String())
	}
	assert.Equal(t, "Encryption initialization data", container.EncryptionInit{}.Kind().String())
	assert.Equal(t, "unknown", container.SideDataKind(0).String())
}

// TestDisplayMatrixRotation: the rotation ffprobe 5.1 prints for tkhd
// matrices patched into an ffmpeg-made mov (see format/ffprobe's tests).
func TestDisplayMatrixRotation(t *testing.T) {
	tests := []struct {
		name string
		m    [9]int32
		want int64
	}{
		{"90 degrees clockwise", [9]int32{0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30}, -90},
		{"90 degrees counter-clockwise", [9]int32{0, -65536, 0, 65536, 0, 0, 100, -200, 1 << 30}, 90},
		{"29.9999 degrees truncates to 29", [9]int32{56756, 32768, 0, -32768, 56756, 0, 0, 0, 1 << 30}, -29},
		{"horizontal flip", [9]int32{-65536, 0, 0, 0, 65536, 0, 0, 0, 1 << 30}, -180},
		{"identity", [9]int32{65536, 0, 0, 0, 65536, 0, 0, 0, 1 << 30}, 0},
		{"zero columns: NaN", [9]int32{8: 1 << 30}, math.MinInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, container.DisplayMatrix{Matrix: tt.m}.Rotation())
		})
	}
	assert.True(t, math.IsNaN(container.DisplayMatrix{}.Angle()))
}

func TestStreamRotation(t *testing.T) {
	info := container.NewInfo("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV")
	st := info.AddStream(container.Video)
	_, ok := st.Rotation()
	assert.False(t, ok, "no display matrix, no rotation")
	st.AddSideData(container.DisplayMatrix{Matrix: [9]int32{0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30}})
	r, ok := st.Rotation()
	assert.True(t, ok)
	assert.Equal(t, int64(-90), r)
}

func TestDisplayAspectRatio(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		sar  container.Rational
		want container.Rational
	}{
		{"square pixels", 320, 240, container.Rational{Num: 1, Den: 1}, container.Rational{Num: 4, Den: 3}},
		{"PAL 16:15", 720, 576, container.Rational{Num: 16, Den: 15}, container.Rational{Num: 4, Den: 3}},
		{"anamorphic", 1440, 1080, container.Rational{Num: 4, Den: 3}, container.Rational{Num: 16, Den: 9}},
		{"unknown SAR", 320, 240, container.Rational{}, container.Rational{}},
		{"zero SAR denominator", 320, 240, container.Rational{Num: 1}, container.Rational{}},
		// par->width * sar.num is an int product in print_stream: 2^32
		// wraps to 0.
		{"32-bit product wraps", 65536, 1, container.Rational{Num: 65536, Den: 1}, container.Rational{Num: 0, Den: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &container.Stream{Width: tt.w, Height: tt.h, SampleAspectRatio: tt.sar}
			assert.Equal(t, tt.want, st.DisplayAspectRatio())
		})
	}
}

// TestTileBounds: ffprobe 5.1 printed bound_left 3, bound_top 10,
// bound_right 0, bound_bottom 4 for these sv3d equi bounds on a 32x24
// video.
func TestTileBounds(t *testing.T) {
	sp := container.Spherical{
		Projection: container.SphericalEquirectangularTile,
		BoundTop:   0x40000000, BoundBottom: 0x20000000, BoundLeft: 0x10000000, BoundRight: 0x08000000,
	}
	l, tp, r, b, ok := sp.TileBounds(32, 24)
	require.True(t, ok)
	assert.Equal(t, []uint64{3, 10, 0, 4}, []uint64{l, tp, r, b})

	_, _, _, _, ok = container.Spherical{BoundLeft: 1<<32 - 1}.TileBounds(32, 24)
	assert.False(t, ok, "bounds covering the frame: FFmpeg would divide by zero")
}

// TestReplayGainFromTags follows replaygain.c parse_value: strtol with base
// 0 for the integer part, at most five decimals, the sign taken from the
// text.
func TestReplayGainFromTags(t *testing.T) {
	gain := func(v string) int32 {
		return container.ReplayGainFromTags(container.TagsOf(container.Tag{Key: "REPLAYGAIN_TRACK_GAIN", Value: v})).TrackGain
	}
	tests := []struct {
		in   string
		want int32
	}{
		{"-3.50 dB", -350000},
		{"+1.5 dB", 150000},
		{"-0.5", -50000},         // strtol gives 0: the sign comes from the text
		{" \t-7.89 dB", -789000}, // blanks skipped
		{"1.123456", 112345},     // five decimals at most
		{".5", 50000},            // no integer part
		{"-.5", 0},               // no digit after the sign: strtol reads nothing
		{"07.5", 750000},         // octal, as base 0 reads it
		{"08.5", 0},              // octal "0" stops at 8; no '.' follows
		{"0x10", 1600000},        // hexadecimal
		{"abc", 0},               // no number is 0, not unknown
		{"", 0},
		{"21474", 2147400000},
		{"21475", container.GainUnknown}, // out of range
		// strtol saturates at LONG_MAX, and the int keeps its low 32 bits: -1.
		{"99999999999999999999", -100000},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, gain(tt.in), "%q", tt.in)
	}

	rg := container.ReplayGainFromTags(container.TagsOf(
		container.Tag{Key: "replaygain_track_peak", Value: "0.988"},
		container.Tag{Key: "Replaygain_Album_Gain", Value: "-4.25 dB"},
		container.Tag{Key: "REPLAYGAIN_ALBUM_PEAK", Value: "1.000"},
	))
	assert.Equal(t, container.ReplayGain{
		TrackGain: container.GainUnknown, TrackPeak: 98800,
		AlbumGain: -425000, AlbumPeak: 100000,
	}, rg, "keys match in any case; a missing gain is unknown, a missing peak 0")
}

// TestExportReplayGain: ff_replaygain_export_raw adds nothing when both
// gains are unknown (testdata/flac_replaygain_peak_only.flac and
// mp3_lame_peak_only.mp3 have no side data in ffprobe's output).
func TestExportReplayGain(t *testing.T) {
	var st container.Stream
	st.ExportReplayGain(container.ReplayGain{TrackGain: container.GainUnknown, TrackPeak: 98800, AlbumGain: container.GainUnknown})
	assert.Empty(t, st.SideData)
	st.ExportReplayGain(container.ReplayGain{TrackGain: -350000, AlbumGain: container.GainUnknown})
	st.ExportReplayGain(container.ReplayGain{TrackGain: container.GainUnknown, AlbumGain: -1})
	require.Len(t, st.SideData, 1)
	assert.Equal(t, container.ReplayGain{TrackGain: container.GainUnknown, AlbumGain: -1}, st.SideData[0])
}

// TestAddStreamDefaults: every stream starts with FFmpeg's level and refs,
// whatever its type (a demuxer may learn that it is video later).
func TestAddStreamDefaults(t *testing.T) {
	info := container.NewInfo("x", "x")
	for _, typ := range []container.MediaType{container.Video, container.Audio, container.Data, container.Unknown} {
		st := info.AddStream(typ)
		assert.Equal(t, container.LevelUnknown, st.Level)
		assert.Equal(t, 1, st.Refs)
	}
}

// TestAudioServiceDisposition: avformat_find_stream_info replaces the
// disposition for five services (testdata/m4a_ac3_karaoke.m4a: karaoke 1,
// default 0) and leaves it for the others (m4a_ac3_voiceover.m4a: default 1).
func TestAudioServiceDisposition(t *testing.T) {
	want := map[container.AudioService]container.Disposition{
		container.AudioServiceEffects:          container.DispositionCleanEffects,
		container.AudioServiceVisuallyImpaired: container.DispositionVisualImpaired,
		container.AudioServiceHearingImpaired:  container.DispositionHearingImpaired,
		container.AudioServiceCommentary:       container.DispositionComment,
		container.AudioServiceKaraoke:          container.DispositionKaraoke,
	}
	for a := container.AudioServiceMain; a <= container.AudioServiceKaraoke; a++ {
		d, ok := a.Disposition()
		w, replaced := want[a]
		assert.Equal(t, replaced, ok, "service %d", a)
		assert.Equal(t, w, d, "service %d", a)
	}
}
