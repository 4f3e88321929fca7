package tags

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flacPictureBody builds a PICTURE body: type, MIME length and string,
// description length and string, width 600, height 400, depth 24,
// colours 0, data length and data.
func flacPictureBody(typ uint32, mime, desc string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, typ)
	b = binary.BigEndian.AppendUint32(b, uint32(len(mime)))
	b = append(b, mime...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(desc)))
	b = append(b, desc...)
	for _, v := range []uint32{600, 400, 24, 0, uint32(len(data))} {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return append(b, data...)
}

func TestParseFLACPicture(t *testing.T) {
	img := []byte{0xFF, 0xD8, 0xFF, 0xE0}
	body := flacPictureBody(3, "image/jpeg", "A pixel.", img)
	p, err := ParseFLACPicture(body, int64(len(body)), false)
	require.NoError(t, err)
	assert.Equal(t, &FLACPicture{Type: 3, MIME: "image/jpeg", Description: "A pixel.", Width: 600, Height: 400,
		DataOffset: int64(len(body) - len(img)), DataLength: 4, Need: int64(len(body) - len(img))}, p)

	t.Run("type out of range reads as Other", func(t *testing.T) {
		b := flacPictureBody(99, "image/png", "", img)
		p, err := ParseFLACPicture(b, int64(len(b)), false)
		require.NoError(t, err)
		assert.Equal(t, 0, p.Type)
	})
	t.Run("prefix asks for more", func(t *testing.T) {
		b := flacPictureBody(3, "image/png", string(make([]byte, 1000)), img)
		p, err := ParseFLACPicture(b[:100], int64(len(b)), false)
		assert.ErrorIs(t, err, ErrFLACPictureShort)
		assert.Equal(t, int64(len(b)-len(img)), p.Need)
	})
	bad := map[string][]byte{
		"empty MIME":              flacPictureBody(3, "", "", img),
		"MIME of 64 bytes":        flacPictureBody(3, string(make([]byte, 64)), "", img),
		"no image":                flacPictureBody(3, "image/png", "", nil),
		"description past block":  binary.BigEndian.AppendUint32(flacPictureBody(3, "image/png", "", nil)[:21], 0xFFFFFFF0),
		"image longer than block": flacPictureBody(3, "image/png", "", img)[:40],
	}
	for name, b := range bad {
		t.Run(name, func(t *testing.T) {
			_, err := ParseFLACPicture(b, int64(len(b)), false)
			assert.ErrorIs(t, err, ErrFLACPicture)
		})
	}
	t.Run("truncated length workaround", func(t *testing.T) {
		// The block holds 4 image bytes; the length says 0x1000004, whose
		// low 24 bits are 4.
		b := flacPictureBody(3, "image/png", "", img)
		binary.BigEndian.PutUint32(b[len(b)-8:], 0x1000004)
		_, err := ParseFLACPicture(b, int64(len(b)), false)
		assert.ErrorIs(t, err, ErrFLACPicture)
		p, err := ParseFLACPicture(b, int64(len(b)), true)
		require.NoError(t, err)
		assert.Equal(t, int64(0x1000004), p.DataLength)
	})
}
