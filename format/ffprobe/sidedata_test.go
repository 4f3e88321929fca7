package ffprobe_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
)

// The expected texts below are side_data_list as ffprobe 5.1.9 (Debian 12)
// printed it with `ffprobe -v error -show_streams -of json`, for files made
// with ffmpeg 5.1 and, where ffmpeg cannot write the box, patched by hand:
//
//   - base.mp4: ffmpeg -f lavfi -i testsrc=size=32x24:rate=5:duration=0.4
//     -c:v libx264 base.mp4 (32x24, moov after mdat);
//   - a box inserted at the end of its avc1 sample entry (st3d, sv3d,
//     mdcv, clli, dvcC, colr) or of moov (pssh), the sizes of the parents
//     grown to match;
//   - the tkhd matrix overwritten (as testdata/gen.sh does for
//     mov_png_rot30.mov);
//   - Matroska: ffmpeg -i base.mp4 -c copy -metadata:s:v stereo_mode=MODE;
//   - CPB: ffmpeg ... -c:v mpeg2video -b:v 200k -maxrate 300k -minrate 100k
//     -bufsize 400k cpb.mp4;
//   - AC-3: testdata/m4a_ac3_karaoke.m4a;
//   - the shared corpus: synthetic/mov_h264_rotate90.mov,
//     real/androidx-media/mp4/video_dovi_3840x2160_30fps_dav1_10.mp4,
//     real/mp4ff/init_with_colr.mp4, real/mp4ff/cbcs.mp4,
//     real/mewkiz-flac/meta/input-VA.flac.

// sideDataList returns the side_data_list of the first stream of info as
// we print it, compact.
func sideDataList(t *testing.T, info *container.Info) string {
	t.Helper()
	var doc struct {
		Streams []struct {
			SideData json.RawMessage `json:"side_data_list"`
		} `json:"streams"`
	}
	require.NoError(t, json.Unmarshal(ffprobe.Marshal(info, ""), &doc))
	require.NotEmpty(t, doc.Streams)
	return string(doc.Streams[0].SideData)
}

func compact(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, json.Compact(&b, []byte(s)))
	return b.String()
}

func videoInfo(sd ...container.SideData) *container.Info {
	info := container.NewInfo("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV")
	st := info.AddStream(container.Video)
	st.CodecName, st.Width, st.Height = "h264", 32, 24
	for _, e := range sd {
		st.AddSideData(e)
	}
	return info
}

// deg is d degrees in 16.16 fixed point, truncated as the hand-built boxes
// were (Python's int(d * 65536)).
func deg(d float64) int32 { return int32(d * 65536) }

func TestSideDataAsFFprobePrintsIt(t *testing.T) {
	mastering := container.MasteringDisplay{
		Primaries: [3][2]container.Rational{
			{{Num: 35400, Den: 50000}, {Num: 14600, Den: 50000}},
			{{Num: 8500, Den: 50000}, {Num: 39850, Den: 50000}},
			{{Num: 6550, Den: 50000}, {Num: 2300, Den: 50000}},
		},
		WhitePoint:   [2]container.Rational{{Num: 15635, Den: 50000}, {Num: 16450, Den: 50000}},
		MinLuminance: container.Rational{Num: 1, Den: 10000},
		MaxLuminance: container.Rational{Num: 10000000, Den: 10000},
		HasPrimaries: true,
		HasLuminance: true,
	}
	const masteringText = `{"side_data_type": "Mastering display metadata", "red_x": "35400/50000", "red_y": "14600/50000",
		"green_x": "8500/50000", "green_y": "39850/50000", "blue_x": "6550/50000", "blue_y": "2300/50000",
		"white_point_x": "15635/50000", "white_point_y": "16450/50000", "min_luminance": "1/10000", "max_luminance": "10000000/10000"}`
	const lightText = `{"side_data_type": "Content light level metadata", "max_content": 1000, "max_average": 400}`
	dovi := container.DOVIConfig{VersionMajor: 1, Profile: 8, Level: 6, RPUPresent: true, BLPresent: true, BLSignalCompatibilityID: 1}
	const doviText = `{"side_data_type": "DOVI configuration record", "dv_version_major": 1, "dv_version_minor": 0,
		"dv_profile": 8, "dv_level": 6, "rpu_present_flag": 1, "el_present_flag": 0, "bl_present_flag": 1,
		"dv_bl_signal_compatibility_id": 1}`
	rot90 := container.DisplayMatrix{Matrix: [9]int32{0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30}}
	const rot90Text = `{"side_data_type": "Display Matrix", "displaymatrix": "\n00000000:            0       65536           0\n00000001:       -65536           0           0\n00000002:            0           0  1073741824\n", "rotation": -90}`

	tests := []struct {
		name string
		sd   []container.SideData
		want string // ffprobe 5.1's side_data_list
	}{
		{"display matrix, 90 degrees clockwise (corpus mov_h264_rotate90.mov)",
			[]container.SideData{rot90}, `[` + rot90Text + `]`},
		{"display matrix, 30 degrees counter-clockwise: the rotation is truncated",
			[]container.SideData{container.DisplayMatrix{Matrix: [9]int32{56756, 32768, 0, -32768, 56756, 0, 0, 0, 1 << 30}}},
			`[{"side_data_type": "Display Matrix", "displaymatrix": "\n00000000:        56756       32768           0\n00000001:       -32768       56756           0\n00000002:            0           0  1073741824\n", "rotation": -29}]`},
		{"display matrix, horizontal flip",
			[]container.SideData{container.DisplayMatrix{Matrix: [9]int32{-65536, 0, 0, 0, 65536, 0, 0, 0, 1 << 30}}},
			`[{"side_data_type": "Display Matrix", "displaymatrix": "\n00000000:       -65536           0           0\n00000001:            0       65536           0\n00000002:            0           0  1073741824\n", "rotation": -180}]`},
		{"display matrix, negative translation and 90 degrees counter-clockwise",
			[]container.SideData{container.DisplayMatrix{Matrix: [9]int32{0, -65536, 0, 65536, 0, 0, 100, -200, 1 << 30}}},
			`[{"side_data_type": "Display Matrix", "displaymatrix": "\n00000000:            0      -65536           0\n00000001:        65536           0           0\n00000002:          100        -200  1073741824\n", "rotation": 90}]`},
		{"display matrix with zero columns: NaN through print_int",
			[]container.SideData{container.DisplayMatrix{Matrix: [9]int32{8: 1 << 30}}},
			`[{"side_data_type": "Display Matrix", "displaymatrix": "\n00000000:            0           0           0\n00000001:            0           0           0\n00000002:            0           0  1073741824\n", "rotation": -9223372036854775808}]`},
		{"stereo 3D side by side, inverted (mkv stereo_mode right_left)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DSideBySide, Inverted: true}},
			`[{"side_data_type": "Stereo 3D", "type": "side by side", "inverted": 1}]`},
		{"stereo 3D top and bottom (mp4 st3d mode 1)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DTopBottom}},
			`[{"side_data_type": "Stereo 3D", "type": "top and bottom", "inverted": 0}]`},
		{"stereo 3D 2D (mp4 st3d mode 0, mkv mono)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3D2D}},
			`[{"side_data_type": "Stereo 3D", "type": "2D", "inverted": 0}]`},
		{"stereo 3D checkerboard (mkv checkerboard_rl)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DCheckerboard, Inverted: true}},
			`[{"side_data_type": "Stereo 3D", "type": "checkerboard", "inverted": 1}]`},
		{"stereo 3D lines (mkv row_interleaved_lr)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DLines}},
			`[{"side_data_type": "Stereo 3D", "type": "interleaved lines", "inverted": 0}]`},
		{"stereo 3D columns (mkv col_interleaved_rl)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DColumns, Inverted: true}},
			`[{"side_data_type": "Stereo 3D", "type": "interleaved columns", "inverted": 1}]`},
		{"stereo 3D frame sequence (mkv block_lr)",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DFrameSequence}},
			`[{"side_data_type": "Stereo 3D", "type": "frame alternate", "inverted": 0}]`},
		{"spherical equirectangular, angles truncated (sv3d yaw 90, pitch -45.5, roll 1.5)",
			[]container.SideData{container.Spherical{Projection: container.SphericalEquirectangular, Yaw: deg(90), Pitch: deg(-45.5), Roll: deg(1.5)}},
			`[{"side_data_type": "Spherical Mapping", "projection": "equirectangular", "yaw": 90, "pitch": -45, "roll": 1}]`},
		{"spherical tiled equirectangular: bounds in pixels of the 32x24 video",
			[]container.SideData{container.Spherical{Projection: container.SphericalEquirectangularTile, Yaw: deg(-30.25),
				BoundTop: 0x40000000, BoundBottom: 0x20000000, BoundLeft: 0x10000000, BoundRight: 0x08000000}},
			`[{"side_data_type": "Spherical Mapping", "projection": "tiled equirectangular", "bound_left": 3, "bound_top": 10, "bound_right": 0, "bound_bottom": 4, "yaw": -30, "pitch": 0, "roll": 0}]`},
		{"spherical cubemap",
			[]container.SideData{container.Spherical{Projection: container.SphericalCubemap, Padding: 7, Roll: deg(-179.9)}},
			`[{"side_data_type": "Spherical Mapping", "projection": "cubemap", "padding": 7, "yaw": 0, "pitch": 0, "roll": -179}]`},
		{"mastering display and content light level (mp4 mdcv, clli)",
			[]container.SideData{mastering, container.ContentLight{MaxCLL: 1000, MaxFALL: 400}},
			`[` + masteringText + `,` + lightText + `]`},
		{"DOVI configuration record (mp4 dvcC)",
			[]container.SideData{dovi}, `[` + doviText + `]`},
		{"side data read with the boxes comes before the display matrix (dvcC, then tkhd)",
			[]container.SideData{dovi, rot90}, `[` + doviText + `,` + rot90Text + `]`},
		{"stereo 3D, spherical, mastering, light: mov_read_header's order",
			[]container.SideData{container.Stereo3D{Type: container.Stereo3DTopBottom},
				container.Spherical{Projection: container.SphericalEquirectangular},
				mastering, container.ContentLight{MaxCLL: 1000, MaxFALL: 400}},
			`[{"side_data_type": "Stereo 3D", "type": "top and bottom", "inverted": 0},
			  {"side_data_type": "Spherical Mapping", "projection": "equirectangular", "yaw": 0, "pitch": 0, "roll": 0},
			  ` + masteringText + `,` + lightText + `]`},
		{"CPB properties: an all-ones vbv_delay prints -1 (mpeg2video in mp4)",
			[]container.SideData{container.CPBProperties{MaxBitrate: 300000, BufferSize: 409600, VBVDelay: 1<<64 - 1}},
			`[{"side_data_type": "CPB properties", "max_bitrate": 300000, "min_bitrate": 0, "avg_bitrate": 0, "buffer_size": 409600, "vbv_delay": -1}]`},
		{"ICC profile: the type only (mp4 colr prof; corpus init_with_colr.mp4)",
			[]container.SideData{container.ICCProfile{Size: 128}},
			`[{"side_data_type": "ICC Profile"}]`},
		{"encryption initialization data: the type only (mp4 pssh; corpus cbcs.mp4)",
			[]container.SideData{container.EncryptionInit{Infos: []container.EncryptionInitInfo{{SystemID: make([]byte, 16), Data: []byte{0, 0x11, 0x22, 0x33}}}}},
			`[{"side_data_type": "Encryption initialization data"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, compact(t, tt.want), sideDataList(t, videoInfo(tt.sd...)))
		})
	}
}

func TestAudioSideData(t *testing.T) {
	info := container.NewInfo("flac", "raw FLAC")
	st := info.AddStream(container.Audio)
	st.CodecName = "flac"
	// ffprobe 5.1 has no printer for Replay Gain (corpus input-VA.flac,
	// testdata/flac_replaygain.flac).
	st.ExportReplayGain(container.ReplayGain{TrackGain: -350000, TrackPeak: 98800, AlbumGain: container.GainUnknown})
	assert.Equal(t, `[{"side_data_type":"Replay Gain"}]`, sideDataList(t, info))

	// testdata/m4a_ac3_karaoke.m4a: bsmod 7 on two channels.
	st.SideData = nil
	st.AddSideData(container.AudioServiceType{Type: container.AudioServiceKaraoke})
	assert.Equal(t, `[{"side_data_type":"Audio Service Type","service_type":8}]`, sideDataList(t, info))
}

func TestNoSideDataNoList(t *testing.T) {
	info := videoInfo()
	var doc struct {
		Streams []map[string]any `json:"streams"`
	}
	require.NoError(t, json.Unmarshal(ffprobe.Marshal(info, ""), &doc))
	assert.NotContains(t, doc.Streams[0], "side_data_list")
}

// TestDecoderOptions: the h264 decoder's exported options come after refs
// and before id, as strings (corpus synthetic/mov_h264_rotate90.mov:
// "refs": 1, "is_avc": "true", "nal_length_size": "4", "id": "0x1"; an
// MPEG-TS h264 stream prints "false" and "0"); mpeg4's are quarter_sample
// and divx_packed (corpus avi_mpeg4_mp3.avi: "false", "false").
func TestDecoderOptions(t *testing.T) {
	keysAfterRefs := func(info *container.Info) []string {
		dec := json.NewDecoder(bytes.NewReader(ffprobe.Marshal(info, "")))
		var keys []string
		depth, inRefs := 0, false
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch v := tok.(type) {
			case json.Delim:
				if v == '{' || v == '[' {
					depth++
				} else {
					depth--
				}
			case string:
				if depth != 3 {
					continue
				}
				if v == "refs" {
					inRefs = true
				} else if inRefs && (v == "id" || v == "r_frame_rate") {
					return append(keys, v)
				} else if inRefs {
					keys = append(keys, v)
				}
				_, _ = dec.Token() // the value
			}
		}
		return keys
	}
	values := func(info *container.Info) map[string]any {
		var doc struct {
			Streams []map[string]any `json:"streams"`
		}
		require.NoError(t, json.Unmarshal(ffprobe.Marshal(info, ""), &doc))
		return doc.Streams[0]
	}

	info := videoInfo()
	st := info.Streams[0]
	st.ID, st.HasID = 1, true
	assert.Equal(t, []string{"id"}, keysAfterRefs(info), "no options: nothing printed")

	st.DecoderOptions = container.H264Options{IsAVC: true, NALLengthSize: 4}
	assert.Equal(t, []string{"is_avc", "nal_length_size", "id"}, keysAfterRefs(info))
	v := values(info)
	assert.Equal(t, "true", v["is_avc"])
	assert.Equal(t, "4", v["nal_length_size"])

	st.DecoderOptions = container.H264Options{}
	v = values(info)
	assert.Equal(t, "false", v["is_avc"])
	assert.Equal(t, "0", v["nal_length_size"])

	st.CodecName = "mpeg4"
	st.DecoderOptions = container.MPEG4Options{}
	assert.Equal(t, []string{"quarter_sample", "divx_packed", "id"}, keysAfterRefs(info))
	v = values(info)
	assert.Equal(t, "false", v["quarter_sample"])
	assert.Equal(t, "false", v["divx_packed"])
}

// TestVideoDefaults: a video stream made with AddStream prints ffprobe's
// level -99 and refs 1 without the demuxer setting them.
func TestVideoDefaults(t *testing.T) {
	var doc struct {
		Streams []map[string]any `json:"streams"`
	}
	require.NoError(t, json.Unmarshal(ffprobe.Marshal(videoInfo(), ""), &doc))
	assert.Equal(t, float64(-99), doc.Streams[0]["level"])
	assert.Equal(t, float64(1), doc.Streams[0]["refs"])
}
