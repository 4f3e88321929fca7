package codec

import (
	"encoding/binary"
	"errors"
	"testing"
)

func TestParseBitmapInfoHeader(t *testing.T) {
	b := make([]byte, 44)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 44)
	le.PutUint32(b[4:], 320)
	le.PutUint32(b[8:], uint32(0xFFFFFF10)) // -240: top-down
	le.PutUint16(b[12:], 1)
	le.PutUint16(b[14:], 24)
	le.PutUint32(b[16:], Fourcc("H264"))
	copy(b[40:], []byte{1, 2, 3, 4})
	h, err := ParseBitmapInfoHeader(b)
	if err != nil {
		t.Fatal(err)
	}
	if h.Width != 320 || h.Height != -240 || h.BitCount != 24 || BMPCodec(h.Compression) != "h264" || len(h.Extradata) != 4 {
		t.Errorf("got %+v", h)
	}
	if _, err := ParseBitmapInfoHeader(b[:39]); !errors.Is(err, ErrShortBitmapInfoHeader) {
		t.Errorf("39 bytes: err %v", err)
	}
}
