package subtitle

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The cases below were checked against ffprobe 5.1 (format_name, or
// "Invalid data found when processing input" for 0, and extradata_size).

// u16 returns s in UTF-16 behind the byte-order mark of the byte order.
func u16(s string, bigEndian bool) []byte {
	b := []byte{0xff, 0xfe}
	if bigEndian {
		b = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestProbeWebVTT(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"WEBVTT", 100},                       // the end: the zero padding
		{"WEBVTT\n\n00:01.000", 100},          //
		{"WEBVTT - title\n", 100},             // a blank
		{"WEBVTT\tx", 100},                    // a tab
		{"WEBVTT\r\n", 100},                   //
		{"WEBVTT\x00x", 100},                  // a 0 byte is the string's end
		{"\xef\xbb\xbfWEBVTT\n", 100},         // UTF-8 byte-order mark
		{"\xef\xbb\xbfWEBVTT", 100},           //
		{"WEBVTTX\n", 0},                      // not a blank
		{"WEBVTT-\n", 0},                      //
		{"WEBVTT\v", 0},                       // not in "\n\r\t "
		{"\nWEBVTT\n", 0},                     // no line breaks first
		{" WEBVTT\n", 0},                      //
		{"webvtt\n", 0},                       // case matters
		{"WEBVT", 0},                          //
		{"\xef\xbb\xbf\xef\xbb\xbfWEBVTT", 0}, // one mark only
		{"", 0},
	} {
		assert.Equal(t, tc.want, probeWebVTT([]byte(tc.in)), "%q", tc.in)
	}
	assert.Equal(t, 0, probeWebVTT(u16("WEBVTT\n", false)), "UTF-16 is not read")
}

func TestProbeSRT(t *testing.T) {
	const timing = "00:00:01,000 --> 00:00:02,000"
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"1\n" + timing + "\nhi\n", 100},
		{"1\n" + timing, 100},                               // the end of the head ends the line
		{"\r\n\n\r1\n" + timing + "\n", 100},                // line breaks first are skipped
		{"\xef\xbb\xbf1\n" + timing + "\n", 100},            // UTF-8 byte-order mark
		{"1 garbage\n00:00:01.000 --> 00:00:02.000\n", 100}, // anything after the number; '.' too
		{"+5\n0:0:1,0 --> 0:0:2,0\n", 100},                  //
		{"-0\n" + timing + "\n", 100},                       // strtol: -0 is 0
		{" 1\n" + timing + "\n", 100},                       // strtol skips blanks
		{"99999999999999999999\n" + timing + "\n", 100},     // LONG_MAX
		{"1\n-0:00:01,000 --> 00:00:02,000\n", 100},         // one '-' before the digit
		{"1\n1: 2:3, 4 --> 5:6:7,8\n", 100},                 // %d skips blanks
		{"1\n1:2:3,4  -->  5:6:7,8\n", 100},                 // " --> " inside "  -->  "
		{"1\n1:2:3,4 --> -5:6:7,+8\n", 100},                 // signs
		{"1\n1:2:3,4 --> 5:6:7,8 X1:1 X2:2 Y1:3 Y2:4\n", 100},
		{"1\r\n" + timing + "\r\n", 100},
		{"1\r" + timing + "\r", 100},                                  // CR alone ends a line
		{"1\n\n" + timing + "\n", 100},                                // one LF after a line break is skipped
		{"1\r\r\r\n" + timing + "\n", 100},                            // every CR, then one LF
		{"1\n\n\n" + timing + "\n", 0},                                // the second line is empty
		{"-1\n" + timing + "\n", 0},                                   // negative
		{"-99999999999999999999\n" + timing + "\n", 0},                // LONG_MIN
		{"abc\n" + timing + "\n", 0},                                  // no number
		{"- 1\n" + timing + "\n", 0},                                  //
		{"1\n00:00:01,000-->00:00:02,000\n", 0},                       // no " --> "
		{"1\n 0:00:01,000 --> 00:00:02,000\n", 0},                     // a digit first
		{"1\n00:00:01 --> 00:00:02\n", 0},                             // no milliseconds
		{"1\n00:00:01:000 --> 00:00:02,000\n", 0},                     // ':' is not in [,.]
		{"1\n1:2:3,4 --> 5:6:7,\n", 0},                                // the last %d
		{"1\n1:2:3,4 --> 5:6:7;8\n", 0},                               //
		{"1\n1:2:3,4 -- > 5:6:7,8\n", 0},                              //
		{"1\x00\n" + timing + "\n", 0},                                // a 0 byte before the end
		{"1\n" + timing + "\x00\n", 0},                                //
		{"1" + strings.Repeat(" ", 70) + "\n" + timing + "\n", 0},     // 63 bytes a line: the rest is the second
		{"1\n" + strings.Repeat("9", 70) + ":2:3,4 --> 5:6:7,8\n", 0}, // the timing is cut at 63 bytes
		{"1", 0}, // the three bytes read ahead are not the end yet
		{"", 0},
	} {
		assert.Equal(t, tc.want, probeSRT([]byte(tc.in)), "%q", tc.in)
	}
	assert.Equal(t, 100, probeSRT(u16("1\r\n"+timing+"\r\n", false)), "UTF-16 LE")
	assert.Equal(t, 100, probeSRT(u16("1\n"+timing+"\n", true)), "UTF-16 BE")
	// A peek at a character of several UTF-8 bytes keeps its first byte
	// only; the line is no number either way.
	assert.Equal(t, 0, probeSRT(u16("\n\u00e91\n"+timing+"\n", false)))
}

func TestProbeASS(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"[Script Info]\n", 100},
		{"[Script Info]", 100},
		{"[Script Info]garbage", 100}, // 13 bytes are compared
		{"\r\n\n[Script Info]\n", 100},
		{"\xef\xbb\xbf[Script Info]\n", 100},
		{"\xef\xbb\xbf\n[Script Info]\n", 100},
		{"\n\xef\xbb\xbf[Script Info]\n", 0}, // the mark only first
		{" [Script Info]\n", 0},
		{"\t[Script Info]\n", 0},
		{"[script info]\n", 0},
		{"[Script Info", 0},
		{"[Script  Info]\n", 0},
		{"", 0},
	} {
		assert.Equal(t, tc.want, probeASS([]byte(tc.in)), "%q", tc.in)
	}
	assert.Equal(t, 100, probeASS(u16("\r\n[Script Info]\n", false)), "UTF-16 LE")
	assert.Equal(t, 100, probeASS(u16("[Script Info]\n", true)), "UTF-16 BE")
	// UTF-16 without its mark is bytes with zeros between.
	be := u16("[Script Info]\n", true)[2:]
	assert.Equal(t, 0, probeASS(be))
}

// TestProbesDoNotAllocate: the probes read the head in place.
func TestProbesDoNotAllocate(t *testing.T) {
	heads := [][]byte{
		[]byte("1\n00:00:01,000 --> 00:00:02,000\nhi\n"),
		u16("1\n00:00:01,000 --> 00:00:02,000\n\u00e9\U0001F600\n", false),
		[]byte("[Script Info]\n"),
		[]byte("\xef\xbb\xbfWEBVTT\n"),
	}
	for _, h := range heads {
		assert.Zero(t, testing.AllocsPerRun(10, func() {
			probeSRT(h)
			probeASS(h)
			probeWebVTT(h)
		}))
	}
}

func TestTextReader(t *testing.T) {
	all := func(b []byte) string {
		r := newTextReader(b)
		var out []byte
		for {
			c := r.next()
			if c == 0 && r.eof() {
				return string(out)
			}
			out = append(out, c)
		}
	}
	assert.Equal(t, "abc", all([]byte("abc")))
	assert.Equal(t, "abc", all([]byte("\xef\xbb\xbfabc")), "UTF-8 mark dropped")
	assert.Equal(t, "\xef\xbb", all([]byte("\xef\xbb")), "a mark cut short is text")
	// Shorter than the three bytes read ahead: zeros, then the end.
	assert.Equal(t, "a\x00", all([]byte("a")))
	assert.Equal(t, "\x00\x00", all(nil))
	s := "a\u00e9\u4e2d\U0001F600z"
	assert.Equal(t, s, all(u16(s, false)), "UTF-16 LE to UTF-8")
	assert.Equal(t, s, all(u16(s, true)), "UTF-16 BE to UTF-8")
	// Broken UTF-16 reads as a 0 byte, and reading goes on.
	lone := append(u16("a", false), 0x00, 0xd8, 'b', 0x00) // a high surrogate, then 'b'
	assert.Equal(t, "a\x00", all(lone), "the low surrogate taken with it was 'b'")
	lowFirst := append(u16("a", false), 0x00, 0xdc, 'b', 0x00) // a low surrogate first takes 'b' too
	assert.Equal(t, "a\x00", all(lowFirst))
	zero := append(u16("a", false), 0x00, 0x00, 'b', 0x00)
	assert.Equal(t, "a\x00b", all(zero))
	odd := append(u16("a", false), 'Z')
	assert.Equal(t, "aZ", all(odd), "an odd last byte is a unit with a zero high byte")

	// A peek that reads a character of several UTF-8 bytes keeps one.
	r := newTextReader(u16("\u00e9x", false))
	assert.Equal(t, byte(0xc3), r.peek())
	assert.Equal(t, byte(0xc3), r.next())
	assert.Equal(t, byte('x'), r.next(), "0xa9 is lost")
}

func TestReadLine(t *testing.T) {
	lines := func(in string, size int) []string {
		r := newTextReader([]byte(in))
		buf := make([]byte, size)
		var out []string
		for !r.eof() {
			l, ok := readLine(&r, buf)
			if !ok {
				return append(out, "INVALID")
			}
			out = append(out, string(l))
		}
		return out
	}
	assert.Equal(t, []string{"a", "b"}, lines("a\nb\n", 64))
	assert.Equal(t, []string{"a", "b"}, lines("a\r\nb", 64))
	assert.Equal(t, []string{"a", "b"}, lines("a\n\nb", 64), "one LF after a break is skipped")
	assert.Equal(t, []string{"a", "", "b"}, lines("a\n\n\nb", 64))
	assert.Equal(t, []string{"a", "b"}, lines("a\r\r\r\nb", 64))
	assert.Equal(t, []string{"a", "b"}, lines("a\rb", 64))
	assert.Equal(t, []string{"abc", "def", "g"}, lines("abcdefg", 4), "size-1 bytes a line")
	assert.Equal(t, []string{"a", "INVALID"}, lines("a\n\x00b", 64))
	assert.Equal(t, []string{"INVALID"}, lines("1", 64), "the read-ahead zeros are not the end")
}

func TestScanner(t *testing.T) {
	srt := func(s string) bool { return srtTiming([]byte(s)) }
	assert.True(t, srt("00:00:01,000 --> 00:00:02,000"))
	assert.True(t, srt(" 1: 2:3.4-->5:6:7,8"), "%d skips blanks, a blank in the format takes none")
	assert.True(t, srt("1:2:3,4 --> 5:6:7,8\x00junk"))
	assert.False(t, srt("1:2:3,4 --> 5:6:7,\x008"), "a 0 byte ends the text")
	assert.False(t, srt("1 :2:3,4 --> 5:6:7,8"), "a literal takes no blank")
	assert.False(t, srt("1:2:3,4 --> 5:6:7,+"), "a sign needs a digit")

	assert.True(t, strtolNonNegative([]byte(" +0012x")))
	assert.True(t, strtolNonNegative([]byte("-000")))
	assert.False(t, strtolNonNegative([]byte("-01")))
	assert.False(t, strtolNonNegative([]byte("x1")))
	assert.False(t, strtolNonNegative([]byte("+")))
}

func TestIsDialogue(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n", true},
		{"Dialogue:0,0:00:01.00,0:00:02.00,x\n", true},
		{"Dialogue:\t\t0,0:00:01.00,0:00:02.00,x\n", true},
		{"Dialogue: Marked=0,0:00:01.00,0:00:02.00,x\n", true}, // SSA's Marked
		{"Dialogue: a,b,0:00:01.00,0:00:02.00,x\n", false},     // b is no hour
		{"Dialogue: 0,0:00:01.00,0:00:02.00,", true},           // %n right at the end
		{"Dialogue: 0,0:00:01.00,0:00:02.00\n", false},         // no comma after the end time
		{"Dialogue: 0, 0:00:01.00, 0:00:02.00,x\n", true},      // %d skips blanks
		{"Dialogue: 0,0:00:01:00,0:00:02:00,x\n", true},        // %c takes any separator
		{"Dialogue: 0,1:2:3 4,5:6:7 8,z\n", true},              //
		{"Dialogue: 0,0:00:0100,0:00:02.00,x\n", false},        // %d takes 0100, %c the comma
		{"Dialogue: 0,-0:00:01.00,+0:00:02.00,x\n", true},      // signs
		{"Dialogue: 0,0:00:01..00,0:00:02.00,x\n", false},      //
		{"Dialogue: ,0:00:01.00,0:00:02.00,x\n", false},        // %[^,] takes one at least
		{"dialogue: 0,0:00:01.00,0:00:02.00,x\n", false},       // case matters
		{"  Dialogue: 0,0:00:01.00,0:00:02.00,x\n", false},     // nothing before
		{"Comment: 0,0:00:01.00,0:00:02.00,x\n", false},        //
		{"Dialogue: 0,0:00:01.00,0:00:02.00 ,x\n", false},      // a blank before the comma
		{"Dialogue: 0\r,0:00:01.00,0:00:02.00,x\n", true},      // %[^,] takes the CR
		{"Dialogue: 0,1:2:3\n4,5:6:7,8,z", true},               // %c takes the LF
	} {
		assert.Equal(t, tc.want, isDialogue([]byte(tc.line)), "%q", tc.line)
	}
}

const assHead = "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"

func TestReadASS(t *testing.T) {
	const dl = "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n"
	for _, tc := range []struct {
		name string
		in   []byte
		want int
	}{
		{"header and events", []byte(assHead + dl + dl), len(assHead)},
		{"a trailing section is header", []byte(assHead + dl + "\n[Fonts]\nfontname: a.ttf\n"), len(assHead) + 25},
		{"UTF-8 mark not counted", []byte("\xef\xbb\xbf" + assHead + dl), len(assHead)},
		{"CRLF counted", []byte(strings.ReplaceAll(assHead, "\n", "\r\n") + dl), len(assHead) + 5},
		// A CR alone ends no line: one line, no event.
		{"CR only", []byte(strings.ReplaceAll(assHead+dl, "\n", "\r")), len(assHead + dl)},
		{"no LF at the end", []byte(assHead + dl[:len(dl)-1]), len(assHead)},
		// A 0 byte ends a line and is dropped; at a line's start it ends
		// the script.
		{"0 inside a line", []byte(assHead + "Style: a\x00b\n" + dl), len(assHead) + 10},
		{"0 at a line's start", []byte(assHead + "\x00" + dl + "more\n"), len(assHead)},
		{"UTF-16 LE, measured in UTF-8", u16(assHead+"; \u00e9\u4e2d\U0001F600\n"+dl, false), len(assHead) + 2 + 2 + 3 + 4 + 1},
		{"UTF-16 BE", u16(assHead+dl, true), len(assHead)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: tc.in}}
			info, err := readASS(src, 0, container.Options{})
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, container.Subtitle, st.Type)
			assert.Equal(t, "ass", st.CodecName)
			assert.Equal(t, container.Rational{Num: 1, Den: 100}, st.TimeBase)
			assert.Equal(t, container.NoPTS, st.StartPTS)
			assert.Equal(t, container.NoPTS, st.DurationTS)
			assert.Equal(t, tc.want, st.ExtradataSize)
			assert.Equal(t, int64(1), src.Reads, "one read of the whole object")
		})
	}
}

// bigSource is an object of any size that holds no bytes.
type bigSource struct {
	size   int64
	budget *container.Budget
	reads  int
}

func (s *bigSource) ReadAt(p []byte, off int64) (int, error) {
	s.reads++
	return 0, io.ErrUnexpectedEOF
}
func (s *bigSource) Size() int64               { return s.size }
func (s *bigSource) Budget() *container.Budget { return s.budget }

// TestReadASSTooLarge: past maxASSSize nothing is read and the probe fails
// with ErrLimit, keeping the stream.
func TestReadASSTooLarge(t *testing.T) {
	src := &bigSource{size: maxASSSize + 1, budget: container.NewBudget(nil, container.Limits{})}
	info, err := readASS(src, 0, container.Options{})
	require.ErrorIs(t, err, container.ErrLimit)
	require.NotNil(t, info)
	assert.Equal(t, "ass", info.Streams[0].CodecName)
	assert.Zero(t, src.reads)
	// After a leading tag, what is left counts: it is read.
	src.size = maxASSSize + 100
	_, err = readASS(src, 101, container.Options{})
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.Equal(t, 1, src.reads)
}

// TestReadASSManyEvents: each event charges the budget a structure, so a
// script of very many tiny events stops at the limit.
func TestReadASSManyEvents(t *testing.T) {
	in := []byte(assHead + strings.Repeat("Dialogue:a,0:0:0a0,0:0:0a0,\n", 100))
	src := &demuxkit.BytesSource{B: in, Limits: container.Limits{MaxStructures: 50}}
	_, err := readASS(src, 0, container.Options{})
	require.ErrorIs(t, err, container.ErrLimit)
	src = &demuxkit.BytesSource{B: in, Limits: container.Limits{MaxStructures: 100}}
	info, err := readASS(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, len(assHead), info.Streams[0].ExtradataSize)
}

// TestReadSRTWebVTT: the stream is all there is, whatever the cues, and
// nothing is read.
func TestReadSRTWebVTT(t *testing.T) {
	for _, tc := range []struct {
		dm    container.Demuxer
		codec string
	}{
		{SRT(), "subrip"},
		{WebVTT(), "webvtt"},
	} {
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: bytes.Repeat([]byte("x\n"), 100)}}
		info, err := tc.dm.Read(src, 0, container.Options{})
		require.NoError(t, err)
		require.Len(t, info.Streams, 1)
		st := info.Streams[0]
		assert.Equal(t, tc.codec, st.CodecName)
		assert.Equal(t, container.Subtitle, st.Type)
		assert.Equal(t, container.Rational{Num: 1, Den: 1000}, st.TimeBase)
		assert.Equal(t, container.NoPTS, st.StartPTS)
		assert.Equal(t, container.NoPTS, st.DurationTS)
		assert.Zero(t, st.ExtradataSize)
		assert.Zero(t, st.Disposition)
		assert.Equal(t, container.NoPTS, info.Format.Duration)
		assert.Zero(t, src.Reads)
	}
}
