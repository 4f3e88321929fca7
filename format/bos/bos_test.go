package bos_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/bos"
)

// seedResponse is the sample response of the BOS video/info document
// (shared/spec/bos-video-info.txt), copied into the test.
const seedResponse = `{
 "bucket": "cmdtest2",
 "key": "audio.mp3",
 "fileSizeInByte": 4008612,
 "type": "audio",
 "container": "mp3",
 "durationInSecond": 247,
 "durationInMillisecond": 246890,
 "audio": {
 "codec": "mp3",
 "channels": 2,
 "sampleRateInHz": 44100,
 "bitRateInBps": 128000
 },
 "etag": "575a58dbfec5c808dcd941f927ae1927"
}`

func seedInfo() *container.Info {
	info := container.NewInfo("mp3", "MP2/3 (MPEG audio layer 2/3)")
	info.Format.Size = 4008612
	info.Format.Duration = 246890000
	a := info.AddStream(container.Audio)
	a.CodecName, a.SampleRate, a.Channels, a.BitRate = "mp3", 44100, 2, 128000
	a.TimeBase = container.Rational{Num: 1, Den: 14112000}
	return info
}

func TestSeedResponse(t *testing.T) {
	var want bytes.Buffer
	require.NoError(t, json.Compact(&want, []byte(seedResponse)))
	obj := bos.Object{Bucket: "cmdtest2", Key: "audio.mp3", ETag: "575a58dbfec5c808dcd941f927ae1927"}
	assert.Equal(t, want.String(), string(bos.Marshal(seedInfo(), obj, "")))
}

func TestVideoSkipsCovers(t *testing.T) {
	info := seedInfo()
	c := info.AddStream(container.Video)
	c.CodecName, c.Width, c.Height, c.Disposition = "mjpeg", 600, 600, container.DispositionAttachedPic
	v := info.AddStream(container.Video)
	v.CodecName, v.Width, v.Height, v.BitRate = "h264", 1280, 720, 1000000
	v.SampleAspectRatio = container.Rational{Num: 1, Den: 1}
	v.AvgFrameRate = container.Rational{Num: 30000, Den: 1001}
	var body map[string]any
	require.NoError(t, json.Unmarshal(bos.Marshal(info, bos.Object{}, ""), &body))
	assert.Equal(t, "video", body["type"])
	video := body["video"].(map[string]any)
	assert.Equal(t, "h264", video["codec"])
	assert.Equal(t, 29.97, video["frameRate"])
	assert.Equal(t, "16:9", video["dar"])
}

func TestContainerByBrand(t *testing.T) {
	for brand, want := range map[string]string{"M4A ": "m4a", "qt  ": "mov", "3gp4": "3gp", "3g2a": "3g2", "isom": "mp4"} {
		f := container.Format{Name: "mov,mp4,m4a,3gp,3g2,mj2", Tags: container.TagsOf(container.Tag{Key: "major_brand", Value: brand})}
		assert.Equal(t, want, bos.Container(&f), brand)
	}
	assert.Equal(t, "wav", bos.Container(&container.Format{Name: "wav"}))
}

// TestSeedBodyIntoBody: the service's own sample body decodes into Body
// with unknown fields disallowed and marshals back to the same bytes; an
// unknown codec is null both ways.
func TestSeedBodyIntoBody(t *testing.T) {
	for _, body := range []string{seedResponse, `{"bucket":"","key":"","fileSizeInByte":0,"type":"audio","container":"wav","durationInSecond":0,"durationInMillisecond":0,"audio":{"codec":null,"channels":0,"sampleRateInHz":0,"bitRateInBps":0},"etag":""}`} {
		var want bytes.Buffer
		require.NoError(t, json.Compact(&want, []byte(body)))
		dec := json.NewDecoder(bytes.NewReader(want.Bytes()))
		dec.DisallowUnknownFields()
		var b bos.Body
		require.NoError(t, dec.Decode(&b))
		got, err := json.Marshal(b)
		require.NoError(t, err)
		assert.Equal(t, want.String(), string(got))
	}
}
