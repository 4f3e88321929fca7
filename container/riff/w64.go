package riff

import (
	"bytes"
	"encoding/binary"
	"math"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// W64 returns the demuxer that reads Sony Wave64 files.
func W64() container.Demuxer {
	return container.Demuxer{
		Name:       w64Name,
		LongName:   w64LongName,
		Extensions: "w64",
		Probe:      probeW64,
		Read:       readW64,
	}
}

const (
	w64Name     = "w64"
	w64LongName = "Sony Wave64"
)

// The Wave64 chunk GUIDs (libavformat/w64.c): the RIFF ids in the first
// four bytes and a fixed tail, except for the summary list.
var (
	guidRIFF        = [16]byte{'r', 'i', 'f', 'f', 0x2E, 0x91, 0xCF, 0x11, 0xA5, 0xD6, 0x28, 0xDB, 0x04, 0xC1, 0x00, 0x00}
	guidWAVE        = w64GUID("wave")
	guidFmt         = w64GUID("fmt ")
	guidFact        = w64GUID("fact")
	guidData        = w64GUID("data")
	guidSummaryList = [16]byte{0xBC, 0x94, 0x5F, 0x92, 0x5A, 0x52, 0xD2, 0x11, 0x86, 0xDC, 0x00, 0xC0, 0x4F, 0x8E, 0xDB, 0x8A}
)

func w64GUID(id string) [16]byte {
	g := [16]byte{0, 0, 0, 0, 0xF3, 0xAC, 0xD3, 0x11, 0x8C, 0xD1, 0x00, 0xC0, 0x4F, 0x8E, 0xDB, 0x8A}
	copy(g[:], id)
	return g
}

// w64ChunkLen is a Wave64 chunk header: GUID and 64-bit size, which counts
// the header itself.
const w64ChunkLen = 24

// probeW64 scores as wavdec.c w64_probe: the riff GUID and the wave GUID
// make a certain match.
func probeW64(head []byte) int {
	if len(head) <= 40 {
		return 0
	}
	if bytes.Equal(head[:16], guidRIFF[:]) && bytes.Equal(head[24:40], guidWAVE[:]) {
		return 100
	}
	return 0
}

// align8 rounds n up to a multiple of 8, saturating.
func align8(n int64) int64 {
	if n > math.MaxInt64-7 {
		return math.MaxInt64 &^ 7
	}
	return (n + 7) &^ 7
}

// readW64 reads the header chunks as w64_read_header does. Unlike WAV,
// Wave64 gets no duration from the data size: without a fact chunk the
// duration is FFmpeg's estimate from the bit rate.
func readW64(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	var hdr [40]byte
	if err := demuxkit.ReadFull(src, hdr[:], start, "w64", "riff header"); err != nil {
		return nil, err
	}
	if [16]byte(hdr[:16]) != guidRIFF {
		return nil, demuxkit.Errorf("w64", "riff header", start, container.ErrMalformed, "no riff GUID")
	}
	// riff, wave and fmt GUIDs with their sizes at least.
	if binary.LittleEndian.Uint64(hdr[16:]) < 16+8+16+8+16+8 {
		return nil, demuxkit.Errorf("w64", "riff header", start, container.ErrMalformed, "riff size %d", binary.LittleEndian.Uint64(hdr[16:]))
	}
	if [16]byte(hdr[24:]) != guidWAVE {
		return nil, demuxkit.Errorf("w64", "riff header", start, container.ErrMalformed, "could not find wave guid")
	}
	info := container.NewInfo(w64Name, w64LongName)
	st, err := src.Budget().AddStream(info, container.Audio, "w64", start)
	if err != nil {
		return nil, err
	}
	var meta container.Tags
	dataOff := int64(0)
	pos := start + 40
	for pos <= src.Size()-w64ChunkLen {
		if err := src.Budget().Visit("w64", "chunk", pos); err != nil {
			return nil, err
		}
		var c [w64ChunkLen]byte
		if err := demuxkit.ReadFull(src, c[:], pos, "w64", "chunk header"); err != nil {
			return nil, err
		}
		guid := [16]byte(c[:16])
		size := int64(binary.LittleEndian.Uint64(c[16:]))
		body := pos + w64ChunkLen
		if size <= w64ChunkLen || math.MaxInt64-size < body {
			return nil, demuxkit.Errorf("w64", "chunk header", pos, container.ErrMalformed, "chunk size %d", uint64(size))
		}
		next := pos + align8(size) // the next chunk, 8-byte aligned
		switch guid {
		case guidFmt:
			// The size counts the header; a WAV fmt chunk's does not.
			h, err := readFmt(src, body, size-w64ChunkLen, false, "w64")
			if err != nil {
				return nil, err
			}
			setAudio(st, h)
		case guidFact:
			v, err := readUint64(src, body)
			if err != nil {
				return nil, err
			}
			if v > 0 {
				st.DurationTS = v
			}
		case guidData:
			dataOff = body
			// w64_read_header skips the data without aligning.
			next = body + size - w64ChunkLen
		case guidSummaryList:
			if err := readSummaryList(src, body, next, &meta); err != nil {
				return nil, err
			}
		}
		pos = next
	}
	if dataOff == 0 {
		return nil, demuxkit.Errorf("w64", "data", start, container.ErrMalformed, "no data chunk")
	}
	info.Format.DataOffset = dataOff
	meta = tags.MetadataConv(meta, wavMetadataConv)
	info.Format.Tags = tags.MetadataConv(meta, tags.RIFFInfoConv)
	return info, nil
}

// readUint64 reads a little-endian 64-bit value at off, 0 past the end of
// the object (avio_rl64).
func readUint64(src container.Source, off int64) (int64, error) {
	var b [8]byte
	if off < 0 || off > src.Size()-8 {
		return 0, nil
	}
	if err := demuxkit.ReadFull(src, b[:], off, "w64", "field"); err != nil {
		return 0, err
	}
	return int64(binary.LittleEndian.Uint64(b[:])), nil
}

// readSummaryList reads the Wave64 summary list: a count, then entries of a
// four-character key, a 32-bit size and a UTF-16LE value (w64_read_header).
func readSummaryList(src container.Source, off, end int64, t *container.Tags) error {
	count, err := readUint32(src, off, false)
	if err != nil {
		return err
	}
	cur := off + 4
	var buf []byte // reused for every value
	for i := uint32(0); i < count; i++ {
		if cur >= src.Size() || cur > end-8 {
			break
		}
		if err := src.Budget().Visit("w64", "summary list", cur); err != nil {
			return err
		}
		var h [8]byte
		if err := demuxkit.ReadFull(src, h[:], cur, "w64", "summary list"); err != nil {
			return err
		}
		key := cString(h[:4])
		n := int64(binary.LittleEndian.Uint32(h[4:]))
		if n == math.MaxUint32 || n > src.Size() {
			return demuxkit.Errorf("w64", "summary list", cur, container.ErrMalformed, "entry of %d bytes", n)
		}
		if cur+8 > src.Size() {
			return demuxkit.Errorf("w64", "summary list", cur+8, container.ErrTruncated, "offset past the end")
		}
		b, err := demuxkit.ReadScratch(src, &buf, cur+8, min(n, src.Size()-cur-8), "w64", "summary list")
		if err != nil {
			return err
		}
		t.Set(key, utf16z(b))
		cur += 8 + n
	}
	return nil
}

// utf16z decodes UTF-16LE text up to a NUL character, as avio_get_str16le
// does, replacing unpaired surrogates.
func utf16z(b []byte) string {
	var s strings.Builder
	for i := 0; i+1 < len(b); i += 2 {
		u := rune(binary.LittleEndian.Uint16(b[i:]))
		if u == 0 {
			break
		}
		if u >= 0xD800 && u < 0xDC00 && i+3 < len(b) {
			if l := rune(binary.LittleEndian.Uint16(b[i+2:])); l >= 0xDC00 && l < 0xE000 {
				s.WriteRune(0x10000 + (u-0xD800)<<10 + (l - 0xDC00))
				i += 2
				continue
			}
		}
		if u >= 0xD800 && u < 0xE000 {
			u = 0xFFFD
		}
		s.WriteRune(u)
	}
	return s.String()
}
