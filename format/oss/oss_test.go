package oss_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/oss"
)

// seedResponse is the sample response of the OSS audio/info document
// (shared/spec/oss-audio-info.txt), copied so the test needs nothing outside
// the repository.
const seedResponse = `{
"RequestId": "E63E1EFB-6D65-59DE-A11D-B0B761FDB301",
"Album": "Album",
"AlbumArtist": "Singer",
"Bitrate": 973219,
"Duration": 303.76,
"FormatLongName": "raw FLAC",
"FormatName": "flac",
"StreamCount": 3,
"Title": "Song name",
"AudioStreams": [
{
"ChannelLayout": "stereo",
"Channels": 2,
"CodecLongName": "FLAC (Free Lossless Audio Codec)",
"CodecName": "flac",
"CodecTag": "0x0000",
"CodecTagString": "[0][0][0][0]",
"Duration": 303.76,
"SampleFormat": "s16",
"SampleRate": "44100",
"TimeBase": "1/44100"
}
],
"VideoStreams": [
{
"AverageFrameRate": "0/0",
"BitDepth": 8,
"CodecLongName": "Motion JPEG",
"CodecName": "mjpeg",
"CodecTag": "0x0000",
"CodecTagString": "[0][0][0][0]",
"ColorRange": "pc",
"ColorSpace": "bt470bg",
"Duration": 303.76,
"FrameRate": "90000/1",
"Height": 800,
"Index": 1,
"Level": -99,
"PixelFormat": "yuvj444p",
"Profile": "Progressive",
"Refs": 1,
"TimeBase": "1/90000",
"Width": 800
},
{
"AverageFrameRate": "0/0",
"BitDepth": 8,
"CodecLongName": "Motion JPEG",
"CodecName": "mjpeg",
"CodecTag": "0x0000",
"CodecTagString": "[0][0][0][0]",
"ColorRange": "pc",
"ColorSpace": "bt470bg",
"Duration": 303.76,
"FrameRate": "90000/1",
"Height": 800,
"Index": 2,
"Level": -99,
"PixelFormat": "yuvj444p",
"Profile": "Progressive",
"Refs": 1,
"TimeBase": "1/90000",
"Width": 800
}
]
}`

// seedInfo is the model of the FLAC file with two covers behind the sample.
func seedInfo() *container.Info {
	info := container.NewInfo("flac", "raw FLAC")
	info.Format.Duration = 303760000
	info.Format.BitRate = 973219
	info.Format.Tags = container.TagsOf(container.Tag{Key: "TITLE", Value: "Song name"}, container.Tag{Key: "ALBUM", Value: "Album"}, container.Tag{Key: "album_artist", Value: "Singer"})
	a := info.AddStream(container.Audio)
	a.CodecName, a.SampleFmt, a.SampleRate, a.Channels, a.ChannelLayout = "flac", "s16", 44100, 2, "stereo"
	a.TimeBase = container.Rational{Num: 1, Den: 44100}
	a.DurationTS = 303760 * 441 / 10
	for i := 0; i < 2; i++ {
		v := info.AddStream(container.Video)
		v.CodecName, v.Profile, v.Width, v.Height, v.PixFmt = "mjpeg", "Progressive", 800, 800, "yuvj444p"
		v.Level, v.ColorRange, v.ColorSpace, v.Refs, v.BitsPerRawSample = container.LevelUnknown, "pc", "bt470bg", 1, 8
		v.RFrameRate, v.TimeBase = container.Rational{Num: 90000, Den: 1}, container.Rational{Num: 1, Den: 90000}
		v.DurationTS = 303760 * 90
		v.Disposition = container.DispositionAttachedPic
	}
	return info
}

func TestSeedResponse(t *testing.T) {
	var want bytes.Buffer
	require.NoError(t, json.Compact(&want, []byte(seedResponse)))
	got := oss.Marshal(seedInfo(), oss.Options{RequestID: "E63E1EFB-6D65-59DE-A11D-B0B761FDB301"}, "")
	assert.Equal(t, want.String(), string(got))
}

func TestOmitsZeroAndKeepsSentinels(t *testing.T) {
	info := seedInfo()
	info.Format.BitRate = 0
	info.Streams[1].RFrameRate = container.Rational{}
	var body map[string]any
	require.NoError(t, json.Unmarshal(oss.Marshal(info, oss.Options{}, ""), &body))
	assert.NotContains(t, body, "Bitrate")
	assert.NotContains(t, body, "RequestId")
	v := body["VideoStreams"].([]any)[0].(map[string]any)
	assert.Equal(t, "0/0", v["FrameRate"], "0/0 is a string and stays")
	assert.Equal(t, float64(-99), v["Level"], "-99 stays")
}

func TestRotateFromDisplayMatrix(t *testing.T) {
	info := container.NewInfo("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV")
	v := info.AddStream(container.Video)
	v.CodecName, v.Width, v.Height = "h264", 320, 240
	v.AddSideData(container.DisplayMatrix{Matrix: [9]int32{0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30}})
	var body map[string]any
	require.NoError(t, json.Unmarshal(oss.Marshal(info, oss.Options{}, ""), &body))
	assert.Equal(t, "90", body["VideoStreams"].([]any)[0].(map[string]any)["Rotate"])
	assert.Equal(t, float64(320), body["VideoWidth"])
}

// TestRotateDegenerateMatrix: ffprobe 5.1 prints the rotation of a matrix
// with a zero column as -9223372036854775808 (NaN through print_int); the
// cloud's rule, -rotation mod 360 on unbounded integers
// (shared/tools/ffprobe2cloud.py), makes that "8". The negation must not
// overflow.
func TestRotateDegenerateMatrix(t *testing.T) {
	info := container.NewInfo("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV")
	v := info.AddStream(container.Video)
	v.AddSideData(container.DisplayMatrix{Matrix: [9]int32{8: 1 << 30}})
	_ = v
	assert.Equal(t, "8", oss.Rotate(ffprobe.New(info).Streams[0]))
}

// TestSeedBodyIntoMeta: the service's own sample body decodes into Meta
// with unknown fields disallowed and marshals back to the same bytes.
func TestSeedBodyIntoMeta(t *testing.T) {
	var want bytes.Buffer
	require.NoError(t, json.Compact(&want, []byte(seedResponse)))
	dec := json.NewDecoder(bytes.NewReader(want.Bytes()))
	dec.DisallowUnknownFields()
	var m oss.Meta
	require.NoError(t, dec.Decode(&m))
	assert.Equal(t, 44100, m.AudioStreams[0].SampleRateHz())
	got, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Equal(t, want.String(), string(got))
}
