package tags

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// RIFFInfoConv maps the RIFF LIST/INFO chunk ids to ffmpeg's generic keys
// (libavformat/riff.c ff_riff_info_conv). WAV and AVI apply it after
// reading their headers; ids it does not list stay as they are ("IENG").
var RIFFInfoConv = [][2]string{
	{"IART", "artist"},
	{"ICMT", "comment"},
	{"ICOP", "copyright"},
	{"ICRD", "date"},
	{"IGNR", "genre"},
	{"ILNG", "language"},
	{"INAM", "title"},
	{"IPRD", "album"},
	{"IPRT", "track"},
	{"ITRK", "track"},
	{"ISFT", "encoder"},
	{"ISMP", "timecode"},
	{"ITCH", "encoded_by"},
}

// MetadataConv renames keys as ff_metadata_conv does with a source table
// only: each entry whose key matches a native name (ignoring case) takes
// the generic name, and the entries are set in order into a new dictionary
// with Tags.Set, so that two keys renamed alike collapse as in FFmpeg.
//
// Where no key is renamed the result is t itself: the rebuild would give
// the same list.
func MetadataConv(t container.Tags, conv [][2]string) container.Tags {
	rename := func(key string) (string, bool) {
		for _, c := range conv {
			if container.KeyEqual(key, c[0]) {
				return c[1], true
			}
		}
		return key, false
	}
	renames := false
	for key := range t.All() {
		if _, renames = rename(key); renames {
			break
		}
	}
	if !renames {
		return t
	}
	var out container.Tags
	for key, value := range t.All() {
		key, _ = rename(key)
		out.Set(key, value)
	}
	return out
}

// cString returns b up to its first NUL, as FFmpeg stores a chunk's bytes
// into a C string.
func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// ReadRIFFInfo reads the subchunks of a LIST/INFO body of size bytes at off
// (after the "INFO" id) into t with Tags.Set, keeping the raw ids as keys
// ("INAM"), as libavformat/riffdec.c ff_read_riff_info does; convert them
// with MetadataConv(t, RIFFInfoConv).
//
// It is as lenient as FFmpeg: a subchunk whose size overruns the list is
// read again one byte earlier (writers that forgot a pad byte), a value is
// cut at its first NUL, subchunks with a zero id are skipped, and a value
// cut short by the end of the object is kept as far as it goes. The error,
// when not nil, wraps container.ErrMalformed for an overrunning subchunk
// (the tags read so far are kept in t), ErrTruncated for a header cut
// short, or ErrLimit for a value larger than src.MaxAlloc().
func ReadRIFFInfo(src container.Source, off, size int64, t *container.Tags) error {
	const format, what = "riff", "INFO"
	if off < 0 || size < 0 || size > math.MaxInt64-off {
		return demuxkit.Errorf(format, what, off, container.ErrMalformed, "list of %d bytes", size)
	}
	end := off + size
	cur := off
	var buf []byte // reused for every value
	var hdr [8]byte
	for cur <= end-8 {
		if err := src.Budget().Visit(format, what, cur); err != nil {
			return err
		}
		n, err := src.ReadAt(hdr[:], cur)
		if err != nil && !errors.Is(err, io.EOF) {
			return demuxkit.Errorf(format, what, cur, err, "subchunk header")
		}
		if n < 8 {
			if n == 0 || hdr == [8]byte{} {
				return nil // avio_feof with a zero id and size: a clean end
			}
			return demuxkit.Errorf(format, what, cur, container.ErrTruncated, "subchunk header cut short")
		}
		id := binary.LittleEndian.Uint32(hdr[:])
		csize := int64(binary.LittleEndian.Uint32(hdr[4:]))
		pos := cur + 8
		if csize > end || end-csize < cur || csize == math.MaxUint32 {
			// One byte back: the previous value had an odd size and no pad.
			if cur == 0 {
				return demuxkit.Errorf(format, what, cur, container.ErrMalformed, "subchunk of %d bytes overruns the list", csize)
			}
			if n, _ := src.ReadAt(hdr[:], cur-1); n < 8 {
				return demuxkit.Errorf(format, what, cur, container.ErrTruncated, "subchunk header cut short")
			}
			id = binary.LittleEndian.Uint32(hdr[:])
			csize = int64(binary.LittleEndian.Uint32(hdr[4:]))
			pos = cur - 1 + 8
			if csize > end || end-csize < cur || csize == math.MaxUint32 {
				return demuxkit.Errorf(format, what, cur, container.ErrMalformed, "subchunk of %d bytes overruns the list", csize)
			}
		}
		csize += csize & 1
		if id == 0 {
			if csize == 0 && pos >= src.Size() {
				return nil // FFmpeg stops here: "truncated file"
			}
			cur = pos + csize
			continue
		}
		// Only the bytes the object holds are read; FFmpeg keeps a value cut
		// short ("premature end of file") with the bytes that were there.
		have := min(csize, max(src.Size()-pos, 0))
		val, err := demuxkit.ReadScratch(src, &buf, pos, have, format, what)
		if err != nil {
			return err
		}
		key := cString([]byte{byte(id), byte(id >> 8), byte(id >> 16), byte(id >> 24)})
		t.Set(key, cString(val))
		cur = pos + csize
	}
	return nil
}
