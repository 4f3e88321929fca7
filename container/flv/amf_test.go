package flv

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// AMF0 builders for the tests.
func amfStr(s string) []byte { return hostile.Cat(hostile.BE16(uint16(len(s))), []byte(s)) }
func amfNum(v float64) []byte {
	return hostile.Cat([]byte{amfNumber}, hostile.BE64(math.Float64bits(v)))
}
func amfStrV(s string) []byte { return hostile.Cat([]byte{amfString}, amfStr(s)) }
func amfBoolean(v bool) []byte {
	if v {
		return []byte{amfBool, 1}
	}
	return []byte{amfBool, 0}
}
func amfDateV(ms float64) []byte {
	return hostile.Cat([]byte{amfDate}, hostile.BE64(math.Float64bits(ms)), hostile.BE16(0))
}

// members renders key/value pairs and the end marker.
func members(kv ...any) []byte {
	var b []byte
	for i := 0; i+1 < len(kv); i += 2 {
		b = hostile.Cat(b, amfStr(kv[i].(string)), kv[i+1].([]byte))
	}
	return hostile.Cat(b, []byte{0, 0, amfObjectEnd})
}
func ecma(kv ...any) []byte {
	return hostile.Cat([]byte{amfMixedArray}, hostile.BE32(uint32(len(kv)/2)), members(kv...))
}
func object(kv ...any) []byte { return hostile.Cat([]byte{amfObject}, members(kv...)) }
func strict(n uint32, elems ...[]byte) []byte {
	return hostile.Cat([]byte{amfStrictArray}, hostile.BE32(n), hostile.Cat(elems...))
}

// parseMeta parses a script body "onMetaData" + value.
func parseMeta(value []byte) (metadata, bool) {
	var m metadata
	r := amfReader{b: hostile.Cat(amfStrV("onMetaData"), value), meta: &m}
	r.u8()
	r.str(32)
	ok := r.value("onMetaData", true, 0)
	return m, ok
}

func tagList(t container.Tags) []string {
	var out []string
	for k, v := range t.All() {
		out = append(out, k+"="+v)
	}
	return out
}

func TestAMFTypes(t *testing.T) {
	m, ok := parseMeta(ecma(
		"duration", amfNum(2.5),
		"videodatarate", amfNum(195.3125),
		"audiodatarate", amfNum(31.25),
		"framerate", amfNum(29.97),
		"width", amfNum(320),
		"title", amfStrV("T"),
		"count", amfNum(2.5), // %.f rounds half to even
		"flag", amfBoolean(true),
		"off", amfBoolean(false),
		"made", amfDateV(1234567890123.456),
		"nothing", []byte{amfNull},
		"undef", []byte{amfUndefined},
		"obj", object("inner", amfNum(7), "deeper", object("s", amfStrV("x"))),
		"list", strict(2, amfNum(1), amfStrV("skipped")),
		"last", amfStrV("end"),
	))
	assert.True(t, ok)
	assert.True(t, m.hasDuration)
	assert.Equal(t, 2.5, m.duration)
	assert.Equal(t, int64(200000), m.videoRate)
	assert.Equal(t, int64(32000), m.audioRate)
	assert.Equal(t, container.Rational{Num: 989, Den: 33}, m.framerate)
	assert.Equal(t, []string{"title=T", "count=2", "flag=true", "off=false",
		"made=2009-02-13T23:31:30.123000Z", "inner=7", "s=x", "last=end"}, tagList(m.tags))
}

// TestAMFDuplicateKeys: a key set again moves the last entry into its
// place, as av_dict_set of FFmpeg 5.1 does (flvmeta writes such files).
func TestAMFDuplicateKeys(t *testing.T) {
	m, ok := parseMeta(ecma("a", amfNum(1), "b", amfNum(2), "c", amfNum(3), "a", amfNum(4)))
	assert.True(t, ok)
	assert.Equal(t, []string{"c=3", "b=2", "a=4"}, tagList(m.tags))
}

func TestAMFStrings(t *testing.T) {
	// A NUL ends the C string; 1023 bytes fit the buffer, 1024 fail.
	m, ok := parseMeta(ecma("k\x00x", amfStrV("v\x00w"), "long", amfStrV(strings.Repeat("y", 1023))))
	assert.True(t, ok)
	assert.Equal(t, "v", m.tags.At(0).Value)
	assert.Equal(t, "k", m.tags.At(0).Key)
	assert.Len(t, m.tags.At(1).Value, 1023)
	m, ok = parseMeta(ecma("a", amfStrV("x"), "long", amfStrV(strings.Repeat("y", 1024)), "c", amfStrV("z")))
	assert.False(t, ok)
	assert.Equal(t, []string{"a=x"}, tagList(m.tags))
}

// TestAMFCut: every value cut short fails the parse, keeping what came
// before it, and never reads past the body.
func TestAMFCut(t *testing.T) {
	full := ecma("a", amfStrV("x"), "n", amfNum(1), "b", amfBoolean(true), "d", amfDateV(0),
		"o", object("i", amfNum(2)), "l", strict(1, amfNum(3)), "s", amfStrV("end"))
	_, ok := parseMeta(full)
	assert.True(t, ok)
	for n := 0; n < len(full); n++ {
		m, ok := parseMeta(full[:n])
		assert.False(t, ok, "cut at %d", n)
		assert.LessOrEqual(t, m.tags.Len(), 6)
	}
}

func TestAMFUnsupportedTypes(t *testing.T) {
	for _, typ := range []byte{amfMovieClip, amfReference, amfLongString, amfObjectEnd, 0x0f, 0x10, 0x11, 0xff} {
		m, ok := parseMeta(ecma("a", amfStrV("x"), "bad", []byte{typ, 0, 0, 0, 1, 'q'}, "c", amfStrV("z")))
		assert.False(t, ok, "type %d", typ)
		assert.Equal(t, []string{"a=x"}, tagList(m.tags))
	}
}

// TestAMFDepth: values nested 16 deep parse, 17 deep fail the whole
// parse, as in FFmpeg 5.1.
func TestAMFDepth(t *testing.T) {
	nest := func(n int) []byte {
		v := amfNum(1)
		for i := 0; i < n; i++ {
			v = object("k", v)
		}
		return ecma("a", amfStrV("x"), "o", v, "c", amfStrV("z"))
	}
	m, ok := parseMeta(nest(15))
	assert.True(t, ok)
	assert.Equal(t, []string{"a=x", "k=1", "c=z"}, tagList(m.tags))
	m, ok = parseMeta(nest(16))
	assert.False(t, ok)
	assert.Equal(t, []string{"a=x"}, tagList(m.tags))
}

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{0.5: "0", 1.5: "2", -0.4: "-0", 3041999.5: "3042000",
		math.Inf(1): "inf", math.Inf(-1): "-inf", math.NaN(): "nan", 1e20: "100000000000000000000"} {
		assert.Equal(t, want, formatNumber(v), "%v", v)
	}
}

func TestFormatDate(t *testing.T) {
	for ms, want := range map[float64]string{
		-1500: "1969-12-31T23:59:59.-500000Z", -0.5: "1970-01-01T00:00:00.000000Z",
		1e15: "33658-09-27T01:46:40.000000Z", -62167219200001: "0-01-01T00:00:00.-01000Z",
	} {
		got, ok := formatDate(ms)
		assert.True(t, ok)
		assert.Equal(t, want, got, "%v", ms)
	}
	for _, ms := range []float64{1e16, -1e16, math.NaN(), math.Inf(1)} {
		_, ok := formatDate(ms)
		assert.False(t, ok, "%v", ms)
	}
}

func TestD2Q(t *testing.T) {
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, d2q(25, 1000))
	assert.Equal(t, container.Rational{Num: 989, Den: 33}, d2q(29.97002997002997, 1000))
	assert.Equal(t, container.Rational{}, d2q(math.NaN(), 1000))
	assert.Equal(t, container.Rational{Num: 1}, d2q(1e300, 1000))
}
