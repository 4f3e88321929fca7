// Package ordered builds JSON objects whose keys keep the order they were
// added in, with each value's JSON type chosen by the caller, as the three
// output schemas need (ffprobe prints numbers as strings in some fields and
// as numbers in others; OSS sorts its keys but puts arrays last).
package ordered

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Object is a JSON object with ordered keys.
type Object struct {
	keys []string
	vals []any // string, int64, float64 (printed shortest), Raw, *Object, []*Object
}

// Raw is a value written as it is (a number already formatted).
type Raw string

// Set appends key with value v.
func (o *Object) Set(key string, v any) { o.keys = append(o.keys, key); o.vals = append(o.vals, v) }

// Len returns the number of keys.
func (o *Object) Len() int { return len(o.keys) }

// Keys returns the keys in order.
func (o *Object) Keys() []string { return o.keys }

// Get returns the value of key.
func (o *Object) Get(key string) (any, bool) {
	for i, k := range o.keys {
		if k == key {
			return o.vals[i], true
		}
	}
	return nil, false
}

// Marshal renders o; indent "" gives compact JSON, otherwise one key per line
// with indent repeated per level.
func (o *Object) Marshal(indent string) []byte {
	var b bytes.Buffer
	writeValue(&b, o, indent, 0)
	if indent != "" {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func newline(b *bytes.Buffer, indent string, level int) {
	if indent == "" {
		return
	}
	b.WriteByte('\n')
	for i := 0; i < level; i++ {
		b.WriteString(indent)
	}
}

func writeValue(b *bytes.Buffer, v any, indent string, level int) {
	switch x := v.(type) {
	case *Object:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, indent, level+1)
			writeString(b, k)
			b.WriteByte(':')
			if indent != "" {
				b.WriteByte(' ')
			}
			writeValue(b, x.vals[i], indent, level+1)
		}
		if len(x.keys) > 0 {
			newline(b, indent, level)
		}
		b.WriteByte('}')
	case []*Object:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, indent, level+1)
			writeValue(b, e, indent, level+1)
		}
		if len(x) > 0 {
			newline(b, indent, level)
		}
		b.WriteByte(']')
	case string:
		writeString(b, x)
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
	case Raw:
		b.WriteString(string(x))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	default:
		b.WriteString("null")
	}
}

// writeString escapes as JSON requires; invalid UTF-8 becomes U+FFFD so the
// output is always valid JSON text.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			default:
				if c < 0x20 {
					b.WriteString(`\u00`)
					b.WriteByte("0123456789abcdef"[c>>4])
					b.WriteByte("0123456789abcdef"[c&15])
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\ufffd")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}
