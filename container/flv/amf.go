package flv

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
)

// AMF0 type markers (Action Message Format 0, Adobe 2007, section 2.1), as
// FFmpeg's flv.h names them.
const (
	amfNumber      = 0x00
	amfBool        = 0x01
	amfString      = 0x02
	amfObject      = 0x03
	amfMovieClip   = 0x04 // reserved; FFmpeg cannot skip it
	amfNull        = 0x05
	amfUndefined   = 0x06
	amfReference   = 0x07
	amfMixedArray  = 0x08 // ECMA array
	amfObjectEnd   = 0x09
	amfStrictArray = 0x0a
	amfDate        = 0x0b
	amfLongString  = 0x0c
	amfUnsupported = 0x0d
)

// maxStringLen is the size of the buffer amf_parse_object reads a string
// into: a string (or an object key) of this length or more fails the parse.
const maxStringLen = 1024

// maxDepth is the deepest nesting of a value FFmpeg 5.1 parses (the
// members of the top-level array are at depth 1): a value deeper fails
// the whole parse (checked against ffprobe 5.1 with nested objects). It
// also bounds the recursion here.
const maxDepth = 16

// metadata is what the onMetaData object tells: the format tags, in the
// order av_dict_set leaves them, and the values flvdec.c consumes
// instead of printing them.
type metadata struct {
	tags container.Tags

	duration     float64 // seconds; set when hasDuration
	hasDuration  bool
	videoRate    int64 // videodatarate * 1024, bit/s
	audioRate    int64 // audiodatarate * 1024
	brokenSizes  bool  // an encoder whose PreviousTagSizes are wrong
	framerate    container.Rational
	hasFramerate bool
	datastreams  int // "datastream" numbers: each makes a text subtitle stream
}

// consumedKeys are the top-level keys flvdec.c takes for itself and never
// sets as format tags (amf_parse_object).
var consumedKeys = map[string]bool{
	"duration": true, "filesize": true, "width": true, "height": true,
	"videodatarate": true, "framerate": true, "videocodecid": true,
	"audiodatarate": true, "audiosamplerate": true, "audiosamplesize": true,
	"stereo": true, "audiocodecid": true, "datastream": true,
}

// amfReader walks AMF0 values in the body of one script tag. It never
// reads past the body: a value cut by the end of the tag fails, where
// FFmpeg would read on into the next tag (no well-formed file differs).
type amfReader struct {
	b    []byte
	pos  int
	meta *metadata
}

func (r *amfReader) left() int { return len(r.b) - r.pos }

func (r *amfReader) u8() (byte, bool) {
	if r.left() < 1 {
		return 0, false
	}
	r.pos++
	return r.b[r.pos-1], true
}

func (r *amfReader) skip(n int) bool {
	if r.left() < n {
		r.pos = len(r.b)
		return false
	}
	r.pos += n
	return true
}

// str reads a 16-bit length and that many bytes, as amf_get_string does
// with a buffer of limit bytes: a string that does not fit is skipped and
// fails. The value is cut at its first NUL, as the C string it becomes.
func (r *amfReader) str(limit int) (string, bool) {
	if r.left() < 2 {
		r.pos = len(r.b)
		return "", false
	}
	n := int(binary.BigEndian.Uint16(r.b[r.pos:]))
	r.pos += 2
	if n >= limit {
		r.skip(n)
		return "", false
	}
	if r.left() < n {
		r.pos = len(r.b)
		return "", false
	}
	s := r.b[r.pos : r.pos+n]
	r.pos += n
	if i := bytes.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	return string(s), true
}

// key reads an object or ECMA array member name as the loops of
// amf_parse_object do: ok is false at the empty name that ends the
// members, at a name too long for the buffer, and when the data ends.
// The loop also ends when fewer than three bytes are left before the end
// (the "avio_tell < max_pos - 2" test).
func (r *amfReader) key() (string, bool) {
	if r.left() <= 2 {
		return "", false
	}
	n := int(binary.BigEndian.Uint16(r.b[r.pos:]))
	s, ok := r.str(maxStringLen)
	return s, ok && n > 0
}

// value parses one value as amf_parse_object does: key is the member name
// it belongs to ("" with hasKey false for array elements and skipped
// members), depth its nesting (1 for the members of the top-level array).
// It returns false where FFmpeg returns -1, which ends the whole parse;
// what was set before stays set.
func (r *amfReader) value(key string, hasKey bool, depth int) bool {
	if depth > maxDepth {
		return false
	}
	t, ok := r.u8()
	if !ok {
		return false
	}
	var num float64
	var sval string
	switch t {
	case amfNumber:
		if r.left() < 8 {
			return false
		}
		num = math.Float64frombits(binary.BigEndian.Uint64(r.b[r.pos:]))
		r.pos += 8
	case amfBool:
		b, ok := r.u8()
		if !ok {
			return false
		}
		num = float64(b)
	case amfString:
		if sval, ok = r.str(maxStringLen); !ok {
			return false
		}
	case amfObject, amfMixedArray:
		if t == amfMixedArray && !r.skip(4) { // the approximate count, unused
			return false
		}
		// FFmpeg 5.1 passes the member names down for objects and ECMA
		// arrays alike, so that numbers, booleans and strings of nested
		// objects become format tags too.
		for {
			k, ok := r.key()
			if !ok {
				break
			}
			if !r.value(k, true, depth+1) {
				return false
			}
		}
		if end, ok := r.u8(); !ok || end != amfObjectEnd {
			return false
		}
	case amfNull, amfUndefined, amfUnsupported:
	case amfStrictArray:
		if r.left() < 4 {
			return false
		}
		n := binary.BigEndian.Uint32(r.b[r.pos:])
		r.pos += 4
		// Each element takes at least one byte, so the count is bounded
		// by the body, whatever it claims (10^9 keyframes cost what the
		// bytes present cost). Nothing is allocated per element.
		for i := uint32(0); i < n && r.left() > 1; i++ {
			if !r.value("", false, depth+1) {
				return false
			}
		}
	case amfDate:
		// Milliseconds since 1970 (a double), then a time zone (int16)
		// that FFmpeg ignores.
		if r.left() < 8+2 {
			r.pos = len(r.b)
			return false
		}
		num = math.Float64frombits(binary.BigEndian.Uint64(r.b[r.pos:]))
		r.pos += 8 + 2
	default:
		// Movie clip, reference, long string, XML, typed object, AMF3:
		// FFmpeg cannot skip them.
		return false
	}
	if hasKey {
		r.meta.set(key, t, num, sval, depth)
	}
	return true
}

// set records a keyed value as the end of amf_parse_object does.
func (m *metadata) set(key string, t byte, num float64, sval string, depth int) {
	if depth == 1 && (t == amfNumber || t == amfBool) {
		switch key {
		case "duration":
			m.duration, m.hasDuration = num, true
		case "videodatarate":
			if r, ok := dataRate(num); ok {
				m.videoRate = r
			}
		case "audiodatarate":
			if r, ok := dataRate(num); ok {
				m.audioRate = r
			}
		case "datastream":
			m.datastreams++
		case "framerate":
			m.framerate, m.hasFramerate = d2q(num, 1000), true
		}
	}
	if depth == 1 && t == amfString {
		switch {
		case key == "encoder":
			var v int
			if n, _ := fmt.Sscanf(sval, "Open Broadcaster Software v0.%d", &v); n == 1 && v > 0 && v <= 655 {
				m.brokenSizes = true
			}
		case key == "metadatacreator" && sval == "MEGA":
			m.brokenSizes = true
		}
	}
	if consumedKeys[key] {
		return
	}
	switch t {
	case amfBool:
		if num > 0 {
			m.tags.Set(key, "true")
		} else {
			m.tags.Set(key, "false")
		}
	case amfNumber:
		m.tags.Set(key, formatNumber(num))
	case amfString:
		m.tags.Set(key, sval)
	case amfDate:
		if v, ok := formatDate(num); ok {
			m.tags.Set(key, v)
		}
	}
}

// formatDate prints an AMF date (milliseconds since 1970, UTC) as
// avpriv_dict_set_timestamp does with its microseconds:
// "2006-01-02T15:04:05.000000Z". ok is false where that fails (a time
// gmtime cannot represent) or the C conversion to an integer is undefined.
func formatDate(ms float64) (string, bool) {
	// FFmpeg keeps whole milliseconds, and no time whose microseconds
	// overflow 64 bits (checked against ffprobe 5.1: 9.2e15 ms prints,
	// 1e16 does not).
	if math.IsNaN(ms) || ms*1000 >= 1<<63 || ms*1000 < -(1<<63) {
		return "", false
	}
	t := int64(ms) * 1000
	sec := t / 1000000
	tm := time.Unix(sec, 0).UTC()
	// glibc's %Y does not pad the year.
	return fmt.Sprintf("%d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.Year(), int(tm.Month()), tm.Day(),
		tm.Hour(), tm.Minute(), tm.Second(), t%1000000), true
}

// dataRate is num kbit/s (FLV's kilo is 1024) in bit/s, accepted as
// flvdec.c does when (int)(num*1024) is not negative.
func dataRate(num float64) (int64, bool) {
	v := num * 1024
	if math.IsNaN(v) || v < 0 || v >= 1<<31 {
		// C's (int) of a value out of range is undefined; x86 gives
		// INT_MIN, which fails the test.
		return 0, false
	}
	return int64(v), true
}

// formatNumber prints num as C's printf("%.f") does: rounded to an
// integer, half to even, with glibc's spellings of the non-finite values.
func formatNumber(num float64) string {
	switch {
	case math.IsNaN(num):
		if math.Signbit(num) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(num, 1):
		return "inf"
	case math.IsInf(num, -1):
		return "-inf"
	}
	return strconv.FormatFloat(num, 'f', 0, 64)
}

// d2q is av_d2q: the closest fraction to d with numerator and denominator
// at most limit.
func d2q(d float64, limit int64) container.Rational {
	if math.IsNaN(d) {
		return container.Rational{}
	}
	if math.Abs(d) > math.MaxInt32+3 {
		if d < 0 {
			return container.Rational{Num: -1}
		}
		return container.Rational{Num: 1}
	}
	_, exponent := math.Frexp(d)
	exponent = max(exponent-1, 0)
	den := int64(1) << (61 - exponent)
	num := int64(math.Floor(d*float64(den) + 0.5))
	r := container.Rational{Num: num, Den: den}.Reduce(limit)
	if (r.Num == 0 || r.Den == 0) && d != 0 && limit > 0 && limit < math.MaxInt32 {
		r = container.Rational{Num: num, Den: den}.Reduce(math.MaxInt32)
	}
	return r
}
