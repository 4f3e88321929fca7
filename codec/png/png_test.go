package png

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chunk builds a chunk: length, type, body and a CRC (not checked: zeros).
func chunk(typ string, body []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	b = append(b, typ...)
	b = append(b, body...)
	return append(b, 0, 0, 0, 0)
}

// ihdr builds an IHDR body: width, height, bit depth, colour type,
// compression 0, filter 0, interlace 0.
func ihdr(w, h uint32, depth, colorType byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, w)
	b = binary.BigEndian.AppendUint32(b, h)
	return append(b, depth, colorType, 0, 0, 0)
}

// phys builds a pHYs body: pixels per unit on x and y, unit.
func phys(x, y uint32) []byte {
	return append(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, x), y), 1)
}

func image(chunks ...[]byte) []byte {
	b := []byte(Signature)
	for _, c := range chunks {
		b = append(b, c...)
	}
	return append(b, chunk("IDAT", []byte{1, 2, 3})...)
}

// The expectations were taken from ffprobe 5.1 on the same headers.
func TestHeaderPixFmt(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		pix   string
		sar   [2]int64
		valid bool
	}{
		{"rgb24", image(chunk("IHDR", ihdr(300, 300, 8, RGB))), "rgb24", [2]int64{}, true},
		{"rgba", image(chunk("IHDR", ihdr(4, 3, 8, RGBA))), "rgba", [2]int64{}, true},
		{"rgb with tRNS becomes rgba", image(chunk("IHDR", ihdr(4, 3, 8, RGB)), chunk("tRNS", make([]byte, 6))), "rgba", [2]int64{}, true},
		{"grey with tRNS becomes ya8", image(chunk("IHDR", ihdr(4, 3, 8, Gray)), chunk("tRNS", make([]byte, 2))), "ya8", [2]int64{}, true},
		{"palette with tRNS stays pal8", image(chunk("IHDR", ihdr(4, 3, 8, Palette)), chunk("tRNS", []byte{0})), "pal8", [2]int64{}, true},
		{"1-bit grey", image(chunk("IHDR", ihdr(4, 3, 1, Gray))), "monob", [2]int64{}, true},
		{"4-bit grey", image(chunk("IHDR", ihdr(4, 3, 4, Gray))), "gray", [2]int64{}, true},
		{"16-bit grey", image(chunk("IHDR", ihdr(4, 3, 16, Gray))), "gray16be", [2]int64{}, true},
		{"16-bit rgb", image(chunk("IHDR", ihdr(4, 3, 16, RGB))), "rgb48be", [2]int64{}, true},
		{"16-bit rgba", image(chunk("IHDR", ihdr(4, 3, 16, RGBA))), "rgba64be", [2]int64{}, true},
		{"16-bit grey alpha", image(chunk("IHDR", ihdr(4, 3, 16, GrayAlpha))), "ya16be", [2]int64{}, true},
		{"2-bit palette", image(chunk("IHDR", ihdr(4, 3, 2, Palette))), "pal8", [2]int64{}, true},
		{"pHYs 2835:2835 reduces later", image(chunk("IHDR", ihdr(4, 3, 8, RGB)), chunk("pHYs", phys(2835, 2835))), "rgb24", [2]int64{2835, 2835}, true},
		{"pHYs zero is no ratio", image(chunk("IHDR", ihdr(4, 3, 8, RGB)), chunk("pHYs", phys(0, 0))), "rgb24", [2]int64{}, true},
		{"pHYs after IDAT is not read", append(image(chunk("IHDR", ihdr(4, 3, 8, RGB))), chunk("pHYs", phys(3, 2))...), "rgb24", [2]int64{}, true},
		{"zero width", image(chunk("IHDR", ihdr(0, 3, 8, RGB))), "", [2]int64{}, false},
		{"8-bit colour type 5", image(chunk("IHDR", ihdr(4, 3, 8, 5))), "", [2]int64{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Chunks(tt.data)
			require.NoError(t, err)
			assert.Equal(t, tt.valid, h.Valid())
			assert.Equal(t, tt.pix, h.PixFmt())
			assert.Equal(t, tt.sar, [2]int64{h.SARNum, h.SARDen})
		})
	}
}

func TestChunksErrors(t *testing.T) {
	_, err := Chunks([]byte("\xFF\xD8\xFF\xE0"))
	assert.ErrorIs(t, err, ErrNotPNG)
	// An IHDR claiming 2 GB in a short buffer.
	b := append([]byte(Signature), 0x7F, 0xFF, 0xFF, 0xFF, 'I', 'H', 'D', 'R', 0)
	_, err = Chunks(b)
	assert.ErrorIs(t, err, ErrTruncated)
	// A length with the top bit set.
	b = append([]byte(Signature), 0x80, 0, 0, 0, 'I', 'H', 'D', 'R', 0)
	_, err = Chunks(b)
	assert.ErrorIs(t, err, ErrMalformed)
	// A short IHDR.
	_, err = Chunks(image(chunk("IHDR", []byte{0, 0, 0, 1})))
	assert.ErrorIs(t, err, ErrMalformed)
}
