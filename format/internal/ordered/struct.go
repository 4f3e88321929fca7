package ordered

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Show decides whether a struct field is printed: name is its JSON key and
// shown what its tag says (false only for an omitempty field holding its
// zero value). A serialiser passes one to Struct where a key's presence
// follows a rule of its schema rather than its own value (ffprobe prints
// width for every video stream, even 0).
type Show func(name string, shown bool) bool

// Struct renders the struct v (or a pointer to one) as a compact JSON
// object: its exported fields in declaration order under the names of
// their json tags, strings escaped as [Object.Marshal] escapes them,
// floats in their shortest decimal form (never with an exponent), nil
// pointers and nil slices as null unless omitted. A field whose type
// implements [json.Marshaler] renders itself. Fields tagged "-" are left
// out; fields tagged omitempty are left out when zero (an empty slice
// counts as zero), unless show says otherwise. A string field tagged
// emptynull (an option encoding/json ignores) is printed as null when
// empty, as BOS prints an unknown codec.
//
// The keys of each schema are thus written once, in the struct tags that
// also drive decoding, so a key cannot be misspelt on one side only.
func Struct(v any, show Show) ([]byte, error) {
	var b bytes.Buffer
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return []byte("null"), nil
		}
		rv = rv.Elem()
	}
	if err := writeStruct(&b, rv, show); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Indent lays out compact JSON as [Object.Marshal] does: one key per line
// with indent repeated per level and a final newline; indent "" returns it
// as it is.
func Indent(compact []byte, indent string) []byte {
	if indent == "" {
		return compact
	}
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", indent); err != nil {
		// Struct's output is valid JSON; keep it rather than lose it.
		return compact
	}
	b.WriteByte('\n')
	return b.Bytes()
}

func writeStruct(b *bytes.Buffer, rv reflect.Value, show Show) error {
	t := rv.Type()
	b.WriteByte('{')
	n := 0
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fv := rv.Field(i)
		shown := true
		if hasOpt(opts, "omitempty") && isEmpty(fv) {
			shown = false
		}
		if show != nil {
			shown = show(name, shown)
		}
		if !shown {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		writeString(b, name)
		b.WriteByte(':')
		if hasOpt(opts, "emptynull") && fv.Kind() == reflect.String && fv.Len() == 0 {
			b.WriteString("null")
			continue
		}
		if err := writeReflect(b, fv, hasOpt(opts, "string")); err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
	}
	b.WriteByte('}')
	return nil
}

func hasOpt(opts, want string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == want {
			return true
		}
	}
	return false
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String:
		return v.Len() == 0
	}
	return v.IsZero()
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

func writeReflect(b *bytes.Buffer, v reflect.Value, quoted bool) error {
	if v.Type().Implements(marshalerType) && (v.Kind() != reflect.Pointer || !v.IsNil()) {
		out, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			return err
		}
		var c bytes.Buffer
		if err := json.Compact(&c, out); err != nil {
			return err
		}
		b.Write(c.Bytes())
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		return writeReflect(b, v.Elem(), quoted)
	case reflect.String:
		writeString(b, v.String())
		return nil
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeNumber(b, strconv.FormatInt(v.Int(), 10), quoted)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		writeNumber(b, strconv.FormatUint(v.Uint(), 10), quoted)
		return nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("ordered: unsupported value %v", f)
		}
		writeNumber(b, strconv.FormatFloat(f, 'f', -1, 64), quoted)
		return nil
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeReflect(b, v.Index(i), false); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case reflect.Struct:
		return writeStruct(b, v, nil)
	}
	return fmt.Errorf("ordered: cannot render %s", v.Type())
}

func writeNumber(b *bytes.Buffer, s string, quoted bool) {
	if quoted {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	b.WriteString(s)
}
