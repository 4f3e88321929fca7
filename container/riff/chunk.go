package riff

import (
	"encoding/binary"
	"io"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// chunkHeaderLen is the size of a RIFF chunk header: id and 32-bit size.
const chunkHeaderLen = 8

// chunk is one RIFF chunk header.
type chunk struct {
	ID   uint32 // the four-character id in file order, little-endian (MKTAG)
	Size int64  // the body size as declared, not checked against the object
	Off  int64  // offset of the header
}

// Body is the offset of the chunk's body.
func (c chunk) Body() int64 { return c.Off + chunkHeaderLen }

// fourcc returns the MKTAG value of a four-character id.
func fourcc(s string) uint32 { return binary.LittleEndian.Uint32([]byte(s)) }

// readChunkHeader reads the chunk header at off. The size is big-endian in
// RIFX files. It returns io.EOF when fewer than 8 bytes remain, which the
// walkers take, like FFmpeg's avio_feof after next_tag, as the end of the
// chunk list.
func readChunkHeader(src container.Source, off int64, bigEndian bool) (chunk, error) {
	var h [chunkHeaderLen]byte
	if off < 0 || off > src.Size()-chunkHeaderLen {
		return chunk{}, io.EOF
	}
	if err := demuxkit.ReadFull(src, h[:], off, "wav", "chunk header"); err != nil {
		return chunk{}, err
	}
	c := chunk{ID: binary.LittleEndian.Uint32(h[:]), Off: off}
	if bigEndian {
		c.Size = int64(binary.BigEndian.Uint32(h[4:]))
	} else {
		c.Size = int64(binary.LittleEndian.Uint32(h[4:]))
	}
	return c, nil
}

// readUint32 reads a 32-bit value at off, 0 when the object ends first, as
// avio_rl32 and avio_rb32 return past the end.
func readUint32(src container.Source, off int64, bigEndian bool) (uint32, error) {
	var b [4]byte
	if off < 0 || off > src.Size()-4 {
		return 0, nil
	}
	if err := demuxkit.ReadFull(src, b[:], off, "wav", "field"); err != nil {
		return 0, err
	}
	if bigEndian {
		return binary.BigEndian.Uint32(b[:]), nil
	}
	return binary.LittleEndian.Uint32(b[:]), nil
}

// readUpTo reads min(n, what the object holds after off) bytes at off,
// failing with ErrLimit beyond src.MaxAlloc().
func readUpTo(src container.Source, off, n int64, format, what string) ([]byte, error) {
	if off < 0 || off > src.Size() {
		return nil, demuxkit.Errorf(format, what, off, container.ErrTruncated, "offset past the end")
	}
	return demuxkit.ReadAt(src, off, min(n, src.Size()-off), format, what)
}
