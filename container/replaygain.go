package container

import (
	"math"
	"strings"
)

// ReplayGainFromTags reads the REPLAYGAIN_TRACK_GAIN, REPLAYGAIN_TRACK_PEAK,
// REPLAYGAIN_ALBUM_GAIN and REPLAYGAIN_ALBUM_PEAK tags (in any case) as
// ff_replaygain_export does (libavformat/replaygain.c): a missing gain is
// GainUnknown and a missing peak 0. Values are read with FFmpeg's quirks
// ("-3.5 dB" is -350000; "07" is octal; text that is no number is 0).
func ReplayGainFromTags(t Tags) ReplayGain {
	// av_dict_get without AV_DICT_MATCH_CASE: the first key equal to the
	// name ignoring case.
	tg, tgOK := t.Get("REPLAYGAIN_TRACK_GAIN")
	tp, tpOK := t.Get("REPLAYGAIN_TRACK_PEAK")
	ag, agOK := t.Get("REPLAYGAIN_ALBUM_GAIN")
	ap, apOK := t.Get("REPLAYGAIN_ALBUM_PEAK")
	return ReplayGain{
		TrackGain: replayGainValue(tg, tgOK, GainUnknown),
		TrackPeak: uint32(replayGainValue(tp, tpOK, 0)),
		AlbumGain: replayGainValue(ag, agOK, GainUnknown),
		AlbumPeak: uint32(replayGainValue(ap, apOK, 0)),
	}
}

// ExportReplayGain attaches rg to the stream as ff_replaygain_export_raw
// does: not at all when both gains are unknown, otherwise replacing any
// Replay Gain entry the stream has.
func (s *Stream) ExportReplayGain(rg ReplayGain) {
	if rg.TrackGain == GainUnknown && rg.AlbumGain == GainUnknown {
		return
	}
	s.AddSideData(rg)
}

// replayGainValue is replaygain.c parse_value: a decimal number of dB (or
// of full scale, for a peak) in units of 1/100000. The integer part is read
// by strtol with base 0 and kept in a C int; at most five decimals follow;
// a value out of range is min, as is a missing one.
func replayGainValue(v string, ok bool, min int32) int32 {
	if !ok {
		return min
	}
	if i := strings.IndexByte(v, 0); i >= 0 {
		v = v[:i] // a C string ends at its NUL
	}
	v = strings.TrimLeft(v, " \t")
	sign := int32(1)
	if v != "" && v[0] == '-' {
		sign = -1
	}
	l, end := strtol(v)
	db := int32(l) // long to int keeps the low 32 bits
	var mb int32
	if end < len(v) && v[end] == '.' {
		scale := int32(10000)
		for i := end + 1; i < len(v) && v[i] >= '0' && v[i] <= '9' && scale != 0; i++ {
			mb += scale * int32(v[i]-'0')
			scale /= 10
		}
	}
	abs := db
	if abs < 0 {
		abs = -abs // abs(INT_MIN) stays INT_MIN, as in C
	}
	if abs > (math.MaxInt32-mb)/100000 {
		return min
	}
	return db*100000 + sign*mb // int arithmetic: wraps as C's does
}

// strtol parses s as C's strtol(s, &end, 0): leading white space, a sign,
// then hexadecimal after "0x", octal after "0", decimal otherwise, up to
// the first character that is not a digit of the base, saturating at the
// int64 range (a C long). end is the index after the number, 0 when no
// digit was read (strtol then points end at the start).
func strtol(s string) (n int64, end int) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] >= '\t' && s[i] <= '\r') {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := uint64(10)
	switch {
	case i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && digitValue(s[i+2]) < 16:
		base, i = 16, i+2
	case i < len(s) && s[i] == '0':
		base = 8
	}
	var u uint64
	over := false
	start := i
	for ; i < len(s); i++ {
		d := digitValue(s[i])
		if d >= base {
			break
		}
		if u > (math.MaxUint64-d)/base {
			over = true
		} else {
			u = u*base + d
		}
	}
	if i == start {
		return 0, 0
	}
	switch {
	case neg && (over || u > 1<<63):
		return math.MinInt64, i
	case neg:
		return -int64(u), i
	case over || u > math.MaxInt64:
		return math.MaxInt64, i
	}
	return int64(u), i
}

// digitValue is the value of c as a digit of any base up to 36, or 36.
func digitValue(c byte) uint64 {
	switch {
	case c >= '0' && c <= '9':
		return uint64(c - '0')
	case c >= 'a' && c <= 'z':
		return uint64(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return uint64(c-'A') + 10
	}
	return 36
}
