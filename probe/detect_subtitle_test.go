package probe_test

import (
	"bytes"
	"context"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/probe"
)

// utf16LE returns s in UTF-16 LE behind its byte-order mark.
func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestDetectSubtitle: the text subtitle probes (webvtt_probe, srt_probe,
// ass_probe, each certain or nothing) take the files ffprobe 5.1 takes,
// UTF-16 ones included, and never a media file, even one that has a
// subtitle's text after its own frames; a subtitle's text in front of
// media frames wins with its certain score.
func TestDetectSubtitle(t *testing.T) {
	const srt = "1\n00:00:01,000 --> 00:00:02,000\nhi\n"
	mp3 := readTestdata(t, "mp3_cbr_noxing.mp3")
	assertDetects(t, []detectCase{
		{name: "srt, BOM and CRLF", data: readTestdata(t, "sub_srt_bom_crlf.srt"), want: "srt"},
		{name: "webvtt blocks", data: readTestdata(t, "sub_webvtt_blocks.vtt"), want: "webvtt"},
		{name: "ass", data: readTestdata(t, "sub_ass_from_srt.ass"), want: "ass"},
		{name: "ass utf-16", data: readTestdata(t, "sub_ass_utf16le.ass"), want: "ass"},
		{name: "srt utf-16", data: utf16LE(srt), want: "srt"},
		// The probe takes a blank line between the number and the
		// timing (read_line skips one LF after a line break).
		{name: "srt, blank line after the number", data: []byte("1\n\n00:00:01,000 --> 00:00:02,000\nhi\n"), want: "srt"},
		{name: "webvtt alone", data: []byte("WEBVTT"), want: "webvtt"},
		{name: "webvtt, BOM, tab", data: []byte("\xef\xbb\xbfWEBVTT\tx\n"), want: "webvtt"},
		{name: "ass after line breaks", data: []byte("\r\n\r\n[Script Info]\n"), want: "ass"},
		// Media files stay theirs.
		{name: "mp3", data: mp3, want: "mp3"},
		{name: "aac", data: readTestdata(t, "aac_lc.aac"), want: "aac"},
		{name: "flac", data: readTestdata(t, "flac_s24_51.flac"), want: "flac"},
		{name: "mkv with a subrip track", data: readTestdata(t, "mkv_h264_aac_srt_attach.mkv"), want: "matroska,webm"},
		{name: "mp4 with a mov_text track", data: readTestdata(t, "mp4_frag_text_only.mp4"), want: "mov,mp4,m4a,3gp,3g2,mj2"},
		{name: "mp3 then srt text", data: cat(mp3, []byte(srt)), want: "mp3"},
		{name: "srt text then mp3", data: cat([]byte(srt), mp3), want: "srt"},
		{name: "ass text then aac", data: cat([]byte("[Script Info]\n"), readTestdata(t, "aac_lc.aac")), want: "ass"},
		// The webvtt extension lifts a score of 0 to 1 (srt and ass
		// have none).
		{name: "plain text named .vtt", data: []byte("hello there\nsome text\n"), filename: "x.vtt", want: "webvtt"},
	})
}

// TestDetectSubtitleText: text that is not a subtitle to ffprobe 5.1 stays
// unknown ("Invalid data found when processing input").
func TestDetectSubtitleText(t *testing.T) {
	for _, tc := range []struct{ name, data, filename string }{
		{"plain text", "hello there\nsome text\n", ""},
		{"plain text named .srt", "hello there\nsome text\n", "x.srt"},
		{"plain text named .ass", "hello there\nsome text\n", "x.ass"},
		{"negative srt number", "-1\n00:00:01,000 --> 00:00:02,000\nhi\n", ""},
		{"srt timing without blanks", "1\n00:00:01,000-->00:00:02,000\nhi\n", ""},
		{"srt timing after a blank", "1\n 0:00:01,000 --> 00:00:02,000\nhi\n", ""},
		{"srt timing with a semicolon", "1\n0:0:1;0 --> 0:0:2,0\nhi\n", ""},
		{"WEBVTTX", "WEBVTTX\n\n00:01.000 --> 00:02.000\nhi\n", ""},
		{"WEBVTT after a line break", "\nWEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", ""},
		{"WEBVTT then fLaC", "WEBVTTfLaC", ""},
		{"[Script Info] after a blank", " [Script Info]\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []probe.Option
			if tc.filename != "" {
				opts = append(opts, probe.WithFilename(tc.filename))
			}
			_, err := probe.ReaderAt(context.Background(), bytes.NewReader([]byte(tc.data)), int64(len(tc.data)), opts...)
			assert.ErrorIs(t, err, container.ErrUnknownFormat)
		})
	}
	// A UTF-16 WebVTT file is no WebVTT to webvtt_probe: its byte-order
	// mark FF FE is an MPEG audio sync to mp3_read_probe, and ffprobe fails
	// on it ("Invalid frame size"), as we do.
	b := utf16LE("WEBVTT\n")
	_, err := probe.ReaderAt(context.Background(), bytes.NewReader(b), int64(len(b)))
	require.ErrorIs(t, err, container.ErrTruncated)
}
