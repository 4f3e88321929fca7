package caf

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// paktHeader is the fixed part of the packet table: packets, valid frames,
// priming frames, remainder frames.
const paktHeader = 24

// maxPackets is the most packets read_pakt_chunk accepts: INT32_MAX over
// the size of an AVIndexEntry (24 bytes on 64-bit systems).
const maxPackets = math.MaxInt32 / 24

// readPakt reads the packet table as read_pakt_chunk does. The frame count
// is the valid frames plus the priming and remainder frames. With constant
// packet sizes and frame counts the duration is their product; otherwise
// each packet has a variable-length byte size and/or frame count, which
// FFmpeg reads into its index: the durations are summed here, reading the
// table once and no further than the chunk and the object allow.
func readPakt(r *reader, off, size int64, s *state) error {
	bad := func(format string, args ...any) error {
		return demuxkit.Errorf(name, "pakt", off, container.ErrMalformed, format, args...)
	}
	var h [paktHeader]byte
	if err := r.fill(h[:], off); err != nil {
		return err
	}
	packets := int64(binary.BigEndian.Uint64(h[:]))
	if packets < 0 || packets > maxPackets {
		return bad("%d packets", packets)
	}
	s.st.NbFrames = int64(binary.BigEndian.Uint64(h[8:])) +
		int64(binary.BigEndian.Uint32(h[16:])) + int64(binary.BigEndian.Uint32(h[20:]))
	d := s.desc
	read := int64(paktHeader) // bytes the table took, as avio_tell counts them
	switch {
	case d.bytesPerPacket > 0 && d.framesPerPacket > 0:
		s.duration = int64(d.framesPerPacket) * packets
	case d.framesPerPacket > 0:
		// Constant frames, variable sizes (ALAC, AAC): the duration needs
		// no entry, and FFmpeg reads the sizes only into its index. They
		// are not read here; each takes at least a byte of the chunk.
		s.duration = int64(d.framesPerPacket) * packets
		s.nbIndex = packets
		read += packets
	default:
		// Each variable field is at least one byte; bytes past the chunk
		// make the table fail, so no more than the chunk (and what the
		// object holds of it) is read.
		want := int64(0)
		if size > paktHeader {
			want = min(size-paktHeader, r.avail(off+paktHeader))
		}
		b, err := demuxkit.ReadAt(r.src, off+paktHeader, want, name, "pakt")
		if err != nil {
			return err
		}
		// Past b: the object's end (zeros and the end-of-file flag) when
		// b stops there, else bytes beyond the chunk.
		pastChunk := size-paktHeader <= r.avail(off+paktHeader)
		p := 0
		eof := r.eof
		varint := func() int64 {
			// ff_mp4_read_descr_len: up to four 7-bit groups.
			var n int64
			for i := 0; i < 4; i++ {
				if p >= len(b) {
					if pastChunk {
						p++ // a byte past the chunk: the check below fails
						return n
					}
					eof = true // avio_r8 at the end: 0, no advance
					return n
				}
				c := b[p]
				p++
				n = n<<7 | int64(c&0x7f)
				if c&0x80 == 0 {
					break
				}
			}
			return n
		}
		var duration int64
		for i := int64(0); i < packets; i++ {
			if eof {
				return demuxkit.Errorf(name, "pakt", off, container.ErrTruncated, "end of the object in the packet table")
			}
			if p > len(b) {
				return bad("error reading packet table")
			}
			if d.bytesPerPacket == 0 {
				varint()
			}
			if d.framesPerPacket != 0 {
				duration += int64(d.framesPerPacket)
			} else {
				duration += varint()
			}
		}
		s.duration = duration
		s.nbIndex = packets
		read += int64(min(p, len(b)+1))
		if eof {
			r.eof = true
		}
	}
	if read > size || size > math.MaxInt64-off {
		return bad("error reading packet table")
	}
	return nil
}
