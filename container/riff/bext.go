package riff

import (
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// bextFixedLen is the fixed part of a Broadcast Wave "bext" chunk (EBU Tech
// 3285): the text fields, TimeReference, Version, UMID and the reserved
// bytes, before the CodingHistory text.
const bextFixedLen = 602

// bextStrings are the leading text fields of bext and their lengths, with
// the keys wavdec.c wav_parse_bext_tag gives them.
var bextStrings = []struct {
	key string
	n   int
}{
	{"description", 256},
	{"originator", 32},
	{"originator_reference", 32},
	{"origination_date", 10},
	{"origination_time", 8},
}

// wavMetadataConv renames the bext keys to ffmpeg's generic ones (wavdec.c
// wav_metadata_conv).
var wavMetadataConv = [][2]string{
	{"description", "comment"},
	{"originator", "encoded_by"},
	{"origination_date", "date"},
	{"origination_time", "creation_time"},
}

// readBext reads a bext chunk body of size bytes at off into t as
// wav_parse_bext_tag does. Like FFmpeg it reads the 602-byte fixed part
// whatever the chunk's size says, and fails when the object ends inside the
// text fields or the coding history.
func readBext(src container.Source, off, size int64, t *container.Tags) error {
	const what = "bext"
	b, err := readUpTo(src, off, bextFixedLen, "wav", what)
	if err != nil {
		return err
	}
	pos := 0
	for _, f := range bextStrings {
		if len(b) < pos+f.n {
			return demuxkit.Errorf("wav", what, off+int64(pos), container.ErrTruncated, "%s cut short", f.key)
		}
		if v := cString(b[pos : pos+f.n]); v != "" {
			t.Set(f.key, v)
		}
		pos += f.n
	}
	// Past the text fields FFmpeg's readers return zeros at the end of the
	// object, so a short chunk reads as zero fields.
	var fixed [bextFixedLen]byte
	copy(fixed[:], b)
	t.Set("time_reference", strconv.FormatUint(binary.LittleEndian.Uint64(fixed[338:]), 10))
	if binary.LittleEndian.Uint16(fixed[346:]) >= 1 {
		var umid [8]uint64
		var any uint64
		for i := range umid {
			umid[i] = binary.BigEndian.Uint64(fixed[348+8*i:])
			any |= umid[i]
		}
		if any != 0 {
			// SMPTE 330M-2004 Annex C: a basic UMID is the first 32 bytes.
			s := fmt.Sprintf("0x%016X%016X%016X%016X", umid[0], umid[1], umid[2], umid[3])
			if umid[4]|umid[5]|umid[6]|umid[7] != 0 {
				s += fmt.Sprintf("%016X%016X%016X%016X", umid[4], umid[5], umid[6], umid[7])
			}
			t.Set("umid", s)
		}
	}
	if size > bextFixedLen {
		n := size - bextFixedLen
		hist := off + bextFixedLen
		if hist > src.Size() || n > src.Size()-hist {
			return demuxkit.Errorf("wav", what, hist, container.ErrTruncated, "coding history of %d bytes", n)
		}
		h, err := demuxkit.ReadAt(src, hist, n, "wav", what)
		if err != nil {
			return err
		}
		t.Set("coding_history", cString(h))
	}
	return nil
}

// cString returns b up to its first NUL, as FFmpeg reads text fields into C
// strings.
func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
