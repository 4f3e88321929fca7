package ordered

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeepsOrderAndTypes(t *testing.T) {
	inner := &Object{}
	inner.Set("z", 1)
	inner.Set("a", "x")
	o := &Object{}
	o.Set("b", inner)
	o.Set("a", []*Object{inner})
	o.Set("f", 303.76)
	o.Set("n", int64(-99))
	o.Set("r", Raw("1.500000"))
	assert.Equal(t, `{"b":{"z":1,"a":"x"},"a":[{"z":1,"a":"x"}],"f":303.76,"n":-99,"r":1.500000}`, string(o.Marshal("")))
	assert.Equal(t, "{\n  \"b\": {\n    \"z\": 1,\n    \"a\": \"x\"\n  },\n  \"a\": [\n    {\n      \"z\": 1,\n      \"a\": \"x\"\n    }\n  ],\n  \"f\": 303.76,\n  \"n\": -99,\n  \"r\": 1.500000\n}\n",
		string(o.Marshal("  ")))
}

func TestStringsAreValidJSON(t *testing.T) {
	for _, s := range []string{"quote\" back\\ tab\t nl\n", "\x00\x01\x1f", "caf\xc3\xa9", "bad \xff\xfe utf8", "<&>"} {
		o := &Object{}
		o.Set("k", s)
		var back map[string]string
		require.NoError(t, json.Unmarshal(o.Marshal(""), &back), "%q", s)
		if s == "bad \xff\xfe utf8" {
			assert.Equal(t, "bad \ufffd\ufffd utf8", back["k"])
		} else {
			assert.Equal(t, s, back["k"])
		}
	}
}

func TestEmpty(t *testing.T) {
	o := &Object{}
	o.Set("a", []*Object{})
	o.Set("b", &Object{})
	assert.Equal(t, `{"a":[],"b":{}}`, string(o.Marshal("")))
	assert.Equal(t, "{\n \"a\": [],\n \"b\": {}\n}\n", string(o.Marshal(" ")))
}
