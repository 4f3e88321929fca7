package tags

import (
	"bytes"
	"encoding/binary"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// APEv2 constants (libavformat/apetag.h).
const (
	apeFooterSize     = 32
	apeMaxVersion     = 2000
	apeMaxTagBytes    = 16 << 20 // "Tag size is way too big" past 16 MiB
	apeMaxFields      = 65536
	apeFlagHasHeader  = 1 << 31
	apeFlagIsHeader   = 1 << 29
	apeFlagBinary     = 1 << 1
	apeMaxKey         = 1023
	apeMaxFilename    = 1023
	apeFormat         = "apev2"
	apeItemHeaderSize = 8
)

// APE is what an APEv2 tag holds.
type APE struct {
	// Start is the offset of the tag (of its header, when it has one).
	Start int64
	// Tags are the text items in file order, keys as written; a repeated
	// key keeps its last value (av_dict_set without flags).
	Tags container.Tags
	// Binary are the binary items: ffmpeg makes each an attached picture
	// (when the file name's extension is an image type) or an attachment
	// stream.
	Binary []APEBinary
}

// APEBinary is one binary APEv2 item: a file name, then the file's bytes.
type APEBinary struct {
	Key      string // the item's key, such as "Cover Art (Front)"
	Filename string // the file name the item's value starts with
	// Codec is the image codec ff_guess_image2_codec finds from the file
	// name's extension, "" when it is not an image.
	Codec          string
	Offset, Length int64 // the file's bytes in the object
}

// ReadAPE reads the APEv2 tag whose footer ends at end (the object's size,
// as ff_ape_parse_tag looks, or the start of an ID3v1 tag for callers that
// look there too). It returns nil and no error when there is no tag, and
// what it read with an ErrMalformed error where ffmpeg stops reading items.
// Only item headers, keys, file names and text values are read; binary
// payloads are located, not read. dhowden/tag has no APE reader.
func ReadAPE(src container.Source, end int64) (*APE, error) {
	if end < apeFooterSize || end > src.Size() {
		return nil, nil
	}
	foot := end - apeFooterSize
	f, err := demuxkit.ReadAt(src, foot, apeFooterSize, apeFormat, "footer")
	if err != nil {
		return nil, err
	}
	if string(f[:8]) != "APETAGEX" {
		return nil, nil
	}
	le := binary.LittleEndian
	version := le.Uint32(f[8:12])
	tagBytes := int64(le.Uint32(f[12:16]))
	fields := le.Uint32(f[16:20])
	flags := le.Uint32(f[20:24])
	switch {
	case version > apeMaxVersion:
		return nil, demuxkit.Errorf(apeFormat, "footer", foot, container.ErrUnsupported, "version %d", version)
	case tagBytes < apeFooterSize || tagBytes-apeFooterSize > apeMaxTagBytes:
		return nil, demuxkit.Errorf(apeFormat, "footer", foot, container.ErrLimit, "tag of %d bytes", tagBytes)
	case tagBytes > end-apeFooterSize:
		return nil, demuxkit.Errorf(apeFormat, "footer", foot, container.ErrMalformed, "tag of %d bytes, %d before it", tagBytes, end-apeFooterSize)
	case fields > apeMaxFields:
		return nil, demuxkit.Errorf(apeFormat, "footer", foot, container.ErrMalformed, "%d fields", fields)
	case flags&apeFlagIsHeader != 0:
		return nil, demuxkit.Errorf(apeFormat, "footer", foot, container.ErrMalformed, "footer marked as header")
	}
	a := &APE{Start: end - tagBytes}
	if flags&apeFlagHasHeader != 0 {
		a.Start -= apeFooterSize
	}
	pos := end - tagBytes
	var buf []byte // reused for every item's header, key and value
	for i := uint32(0); i < fields; i++ {
		if err := src.Budget().Visit(apeFormat, "item", pos); err != nil {
			return a, err
		}
		next, err := a.item(src, pos, end, &buf)
		if err != nil {
			return a, err
		}
		pos = next
	}
	return a, nil
}

// item reads the APEv2 item at pos as ape_tag_read_field does and returns
// where the next one starts; buf is reused from item to item.
func (a *APE) item(src container.Source, pos, end int64, buf *[]byte) (int64, error) {
	size := src.Size()
	// Header and key: a short read first, the longest key only if needed.
	var b []byte
	for _, want := range [...]int64{64, apeItemHeaderSize + apeMaxKey + 1} {
		n := min(want, size-pos)
		if n < apeItemHeaderSize {
			return pos, demuxkit.Errorf(apeFormat, "item", pos, container.ErrTruncated, "item header")
		}
		var err error
		if b, err = demuxkit.ReadScratch(src, buf, pos, n, apeFormat, "item"); err != nil {
			return pos, err
		}
		if bytes.IndexByte(b[apeItemHeaderSize:], 0) >= 0 || n < want {
			break
		}
	}
	vsize := int64(binary.LittleEndian.Uint32(b[:4]))
	flags := binary.LittleEndian.Uint32(b[4:8])
	k := apeItemHeaderSize
	for k < len(b) && k-apeItemHeaderSize < apeMaxKey && b[k] >= 0x20 && b[k] <= 0x7e {
		k++
	}
	if k >= len(b) || b[k] != 0 {
		return pos, demuxkit.Errorf(apeFormat, "item", pos, container.ErrMalformed, "invalid key")
	}
	key := string(b[apeItemHeaderSize:k])
	pos += int64(k) + 1
	if vsize > 1<<31-1-64 {
		return pos, demuxkit.Errorf(apeFormat, "item", pos, container.ErrMalformed, "value of %d bytes", vsize)
	}
	if flags&apeFlagBinary == 0 {
		// avio_read returns what the file holds: a short value is kept.
		v, err := demuxkit.ReadScratch(src, buf, pos, min(vsize, size-pos), apeFormat, "value")
		if err != nil {
			return pos, err
		}
		if i := strings.IndexByte(string(v), 0); i >= 0 {
			v = v[:i]
		}
		a.Tags.Set(key, string(v))
		return pos + vsize, nil
	}
	// A binary item: a NUL-terminated file name, then the file.
	fn := min(vsize, apeMaxFilename+1, size-pos)
	nb, err := demuxkit.ReadScratch(src, buf, pos, max(fn, 0), apeFormat, "file name")
	if err != nil {
		return pos, err
	}
	used := int64(len(nb))
	name := nb
	if i := strings.IndexByte(string(nb), 0); i >= 0 {
		name, used = nb[:i], int64(i)+1
	}
	if len(name) > apeMaxFilename-1 {
		name = name[:apeMaxFilename-1]
	}
	rest := vsize - used
	if rest <= 0 {
		return pos + used, nil // "Skipping binary tag"
	}
	a.Binary = append(a.Binary, APEBinary{
		Key: key, Filename: string(name), Codec: apeImageCodec(string(name)),
		Offset: pos + used, Length: rest,
	})
	return pos + used + rest, nil
}

// apeImageCodec is ff_guess_image2_codec: the image codec of a file
// name's extension (libavformat/img2.c), "" when it names no image type.
func apeImageCodec(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	switch strings.ToLower(name[i+1:]) {
	case "jpeg", "jpg", "jps", "mpo", "ljpg":
		return "mjpeg"
	case "png":
		return "png"
	case "gif":
		return "gif"
	case "bmp":
		return "bmp"
	case "tif", "tiff":
		return "tiff"
	case "webp":
		return "webp"
	case "pcx":
		return "pcx"
	case "tga":
		return "targa"
	case "jp2", "j2c", "j2k":
		return "jpeg2000"
	case "pbm", "pgm", "ppm", "pam":
		return map[string]string{"pbm": "pbm", "pgm": "pgm", "ppm": "ppm", "pam": "pam"}[strings.ToLower(name[i+1:])]
	case "sgi":
		return "sgi"
	case "dpx":
		return "dpx"
	case "exr":
		return "exr"
	case "xbm":
		return "xbm"
	case "xwd":
		return "xwd"
	}
	return ""
}

// APEStreams appends the streams ape_tag_read_field creates for binary
// items, in item order: an attached picture (codec from the file name's
// extension, the item key as tag naming the file) for an image, an
// attachment stream carrying the bytes as extradata otherwise. Images are
// described from their header through codec/picture. Demuxers that call
// ff_ape_parse_tag (tta, ape, wv, mpc, aac) use it; mp3 does not.
//
// Past the stream limit the remaining items add nothing, as
// ff_ape_parse_tag stops at the item whose stream FFmpeg cannot create
// while the demuxer goes on; the error is returned only when the probe
// must end (a context or another budget).
func APEStreams(info *container.Info, src container.Source, a *APE) error {
	if info == nil || a == nil {
		return nil
	}
	budget := src.Budget()
	for _, b := range a.Binary {
		t := container.Video
		if b.Codec == "" {
			t = container.Attachment
		} else if b.Length > src.Size()-b.Offset {
			continue // ff_add_attached_pic cannot read the image
		}
		st, err := budget.AddStream(info, t, apeFormat, b.Offset)
		if err != nil {
			if budget.Err() != nil {
				return err
			}
			return nil
		}
		st.Tags.Set(b.Key, b.Filename)
		if b.Codec == "" {
			st.ExtradataSize = int(min(b.Length, 1<<31-1))
			continue
		}
		st.CodecName = b.Codec
		st.Disposition = container.DispositionAttachedPic
		st.TimeBase = container.Rational{Num: 1, Den: 90000}
		st.Picture = &container.Picture{Offset: b.Offset, Length: b.Length, Type: -1}
		picture.Describe(st, src, b.Offset, b.Length, "")
		st.CodecName = b.Codec // the extension decides, as in ffmpeg
	}
	return nil
}
