package caf

import (
	"bytes"
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The buffers read_info_chunk reads keys and values into: longer strings
// are cut to one byte less.
const (
	maxKey   = 32 - 1
	maxValue = 1024 - 1
)

// readInfo reads an 'info' chunk as read_info_chunk does: an entry count,
// then NUL-terminated key and value pairs set as format tags (a later key
// replaces an earlier one; an empty key is skipped). A count that cannot
// fit the chunk (three bytes an entry at least) leaves the tags alone. It
// returns how many bytes FFmpeg's reader moved past the chunk's start,
// which is where the walk goes on when the chunk's size is not positive.
func readInfo(r *reader, off, size int64, meta *container.Tags) (int64, error) {
	var h [4]byte
	if err := r.fill(h[:], off); err != nil {
		return 0, err
	}
	n := int64(binary.BigEndian.Uint32(h[:]))
	if 3*n > size || n == 0 || r.eof {
		return 4, nil
	}
	// The strings are read within the chunk and the object.
	b, err := demuxkit.ReadAt(r.src, off+4, min(max(size-4, 0), r.avail(off+4)), name, "info")
	if err != nil {
		return 0, err
	}
	p := 0
	str := func(limit int) string {
		end := bytes.IndexByte(b[p:], 0)
		s := b[p:]
		if end < 0 {
			p = len(b)
		} else {
			s = s[:end]
			p += end + 1
		}
		if len(s) > limit {
			s = s[:limit]
		}
		return string(s)
	}
	for i := int64(0); i < n && p < len(b); i++ {
		key := str(maxKey)
		value := str(maxValue)
		if key == "" {
			continue
		}
		meta.Set(key, value)
	}
	return 4 + int64(p), nil
}
