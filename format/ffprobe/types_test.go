package ffprobe_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/internal/corpustest"
	"github.com/mediaprobe/mediaprobe/probe"
)

// TestGoFFprobeShapes reads a result as code written for go-ffprobe reads
// it: these lines compile against go-ffprobe's types too.
func TestGoFFprobeShapes(t *testing.T) {
	info, err := probe.File(context.Background(), "../../testdata/m4a_aac_cover.m4a")
	require.NoError(t, err)
	data := ffprobe.New(info)

	var dur time.Duration = data.Format.Duration()
	var secs float64 = data.Format.DurationSeconds
	var n int = data.Format.NBStreams
	var size string = data.Format.Size
	assert.Equal(t, 400*time.Millisecond, dur)
	assert.Equal(t, 0.4, secs)
	assert.Equal(t, 2, n)
	assert.NotEmpty(t, size)

	var a *ffprobe.Stream = data.FirstAudioStream()
	require.NotNil(t, a)
	var rate string = a.SampleRate
	var ch int = a.Channels
	assert.Equal(t, "22050", rate)
	assert.Equal(t, 2, ch)

	v := data.FirstVideoStream()
	require.NotNil(t, v)
	var w, h int = v.Width, v.Height
	assert.Equal(t, [2]int{64, 48}, [2]int{w, h})
	assert.Equal(t, 1, v.Disposition.AttachedPic)
	assert.True(t, v.IsCover())

	var all []ffprobe.Stream = data.StreamType(ffprobe.StreamAny)
	assert.Len(t, all, 2)
	assert.Len(t, data.StreamType(ffprobe.StreamAudio), 1)
	assert.Nil(t, data.FirstSubtitleStream())

	title, err := data.Format.TagList.GetString("TITLE")
	require.NoError(t, err)
	assert.Equal(t, "Test title", title)
	_, err = data.Format.TagList.GetInt("no such tag")
	assert.ErrorIs(t, err, ffprobe.ErrTagNotFound)
}

// TestDispositionOrder: StreamDisposition's keys are the model's
// DispositionNames, in order, and each flag lands on its key.
func TestDispositionOrder(t *testing.T) {
	typ := reflect.TypeFor[ffprobe.StreamDisposition]()
	require.Equal(t, len(container.DispositionNames), typ.NumField())
	for i, name := range container.DispositionNames {
		assert.Equal(t, name, strings.Split(typ.Field(i).Tag.Get("json"), ",")[0])
		info := container.NewInfo("wav", "WAV / WAVE (Waveform Audio)")
		info.AddStream(container.Audio).Disposition = 1 << i
		d := reflect.ValueOf(ffprobe.New(info).Streams[0].Disposition)
		for j := range d.NumField() {
			assert.Equal(t, int64(map[bool]int{true: 1}[i == j]), d.Field(j).Int(), "%s %s", name, typ.Field(j).Name)
		}
	}
}

// TestTimesKeepPresence: a start time of 0 is printed, an unknown one is
// not, through a round trip, for the format and for a stream.
func TestTimesKeepPresence(t *testing.T) {
	info := container.NewInfo("wav", "WAV / WAVE (Waveform Audio)")
	info.Format.StartTime = 0
	st := info.AddStream(container.Audio)
	st.TimeBase = container.Rational{Num: 1, Den: 8000}
	st.StartPTS = 0
	doc := ffprobe.Marshal(info, "")
	assert.Contains(t, string(doc), `"start_pts":0,"start_time":"0.000000"`)
	assert.Contains(t, string(doc), `"nb_programs":0,"format_name":"wav","format_long_name":"WAV / WAVE (Waveform Audio)","start_time":"0.000000","size"`)
	var p ffprobe.ProbeData
	require.NoError(t, json.Unmarshal(doc, &p))
	assert.Equal(t, string(doc), string(marshal(t, &p)))

	// Set by hand, with no text kept: six decimals, zero left out.
	f := ffprobe.Format{FormatName: "wav", DurationSeconds: 1.5, Size: "10"}
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.Equal(t, `{"nb_streams":0,"nb_programs":0,"format_name":"wav","duration":"1.500000","size":"10","probe_score":0}`, string(b))
	// A value changed after unmarshalling is printed as it now is.
	p.Format.StartTimeSeconds = 2
	assert.Contains(t, string(marshal(t, p.Format)), `"start_time":"2.000000"`)
}

// TestProgramsAsFFprobe: the program fields -show_programs prints for the
// corpus's MPEG-TS files are ffprobe's.
func TestProgramsAsFFprobe(t *testing.T) {
	n := 0
	corpustest.Walk(t, func(path string, golden []byte) {
		var want struct {
			Programs []map[string]any `json:"programs"`
		}
		if json.Unmarshal(golden, &want) != nil || len(want.Programs) == 0 {
			return
		}
		info, err := probe.File(context.Background(), path)
		if err != nil {
			return
		}
		var got struct {
			Programs []map[string]any `json:"programs"`
		}
		require.NoError(t, json.Unmarshal(marshal(t, &ffprobe.ProbeData{Programs: ffprobe.Programs(info)}), &got))
		require.Len(t, got.Programs, len(want.Programs), filepath.Base(path))
		for i := range want.Programs {
			for _, k := range []string{"program_id", "program_num", "nb_streams", "pmt_pid", "pcr_pid"} {
				assert.Equal(t, want.Programs[i][k], got.Programs[i][k], "%s program %d %s", path, i, k)
			}
			// The tags are the demuxer's (the DVB SDT), which the
			// conformance run checks; a difference there is not this
			// package's.
			if !reflect.DeepEqual(want.Programs[i]["tags"], got.Programs[i]["tags"]) {
				t.Logf("%s program %d: tags %q, ffprobe %q", path, i, got.Programs[i]["tags"], want.Programs[i]["tags"])
			}
			ws, gs := want.Programs[i]["streams"].([]any), got.Programs[i]["streams"].([]any)
			require.Len(t, gs, len(ws))
			for j := range ws {
				assert.Equal(t, ws[j].(map[string]any)["index"], gs[j].(map[string]any)["index"])
			}
		}
		n++
	})
	t.Logf("%d files with programs", n)
}
