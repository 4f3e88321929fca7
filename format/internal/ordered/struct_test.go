package ordered

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type inner struct {
	Z int    `json:"z"`
	A string `json:"a,omitempty"`
}

type rawNumber string

func (r rawNumber) MarshalJSON() ([]byte, error) { return []byte(" " + string(r) + " "), nil }

type sample struct {
	B       inner     `json:"b"`
	List    []*inner  `json:"list,omitempty"`
	Empty   []inner   `json:"empty"`
	F       float64   `json:"f"`
	Tiny    float64   `json:"tiny,omitempty"`
	N       int64     `json:"n,omitempty"`
	Q       float64   `json:"q,string"`
	P       *int      `json:"p,omitempty"`
	Codec   string    `json:"codec,emptynull"`
	Raw     rawNumber `json:"raw"`
	Skipped string    `json:"-"`
	hidden  int
}

func TestStructKeepsOrderTypesAndOmissions(t *testing.T) {
	zero := 0
	v := sample{B: inner{Z: 1, A: "x"}, List: []*inner{{Z: 2}}, Empty: []inner{}, F: 303.76, Tiny: 1e-6, Q: 0.4,
		P: &zero, Raw: "7", Skipped: "no", hidden: 1}
	b, err := Struct(&v, nil)
	require.NoError(t, err)
	assert.Equal(t, `{"b":{"z":1,"a":"x"},"list":[{"z":2}],"empty":[],"f":303.76,"tiny":0.000001,"q":"0.4","p":0,"codec":null,"raw":7}`, string(b))

	// show overrides the tags: n printed although zero, f left out.
	b, err = Struct(sample{Raw: "1"}, func(name string, shown bool) bool { return shown && name != "f" || name == "n" })
	require.NoError(t, err)
	assert.Equal(t, `{"b":{"z":0},"empty":null,"n":0,"q":"0","codec":null,"raw":1}`, string(b))
}

func TestIndentIsObjectLayout(t *testing.T) {
	o := &Object{}
	in := &Object{}
	in.Set("z", 1)
	o.Set("b", in)
	o.Set("a", []*Object{})
	o.Set("s", "caf\xc3\xa9 <&>")
	assert.Equal(t, string(o.Marshal("    ")), string(Indent(o.Marshal(""), "    ")))
	assert.Equal(t, string(o.Marshal("")), string(Indent(o.Marshal(""), "")))
}

func TestStructRefusesNaN(t *testing.T) {
	_, err := Struct(struct {
		F float64 `json:"f"`
	}{math.NaN()}, nil)
	assert.Error(t, err)
}
