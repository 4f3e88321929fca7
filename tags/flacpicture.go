package tags

import (
	"encoding/binary"
	"errors"
)

// ErrFLACPicture reports a FLAC picture structure that ff_flac_parse_picture
// rejects; FFmpeg then creates no stream for the picture and carries on.
var ErrFLACPicture = errors.New("flac picture: malformed")

// ErrFLACPictureShort reports that the bytes given end before the fixed
// fields of the picture structure (the description can be long); Need in
// FLACPicture says how many bytes of the body the fields take.
var ErrFLACPictureShort = errors.New("flac picture: need more bytes")

// FLACPicture is the header of a FLAC PICTURE block body, also the body of
// a base64 METADATA_BLOCK_PICTURE Vorbis comment
// (https://www.rfc-editor.org/rfc/rfc9639#section-8.8).
type FLACPicture struct {
	Type        int    // picture type (index of PictureTypes); out-of-range types read as 0, as FFmpeg does
	MIME        string // the MIME type as written ("image/jpeg", "-->" for a link)
	Description string // the picture's description, UTF-8
	// Width and Height are as declared; the image decoder's values win in
	// ffprobe.
	Width, Height int
	// DataOffset and DataLength locate the image within the body.
	DataOffset int64
	DataLength int64
	// Need is how many bytes of the body the fields before the image take.
	Need int64
}

// ParseFLACPicture reads the picture header from b, the first bytes of a
// body whose full length is size, with the checks of FFmpeg's
// ff_flac_parse_picture (libavformat/flac_picture.c): a MIME type of 1 to
// 63 bytes, a description and the image inside the body, an image of at
// least one byte. It returns ErrFLACPictureShort, with Need set, when b ends
// before the image data starts and size holds more. It reads the MIME type
// and description itself rather than through mewkiz/flac's meta.Picture,
// which reads the whole image into memory.
//
// FFmpeg also accepts an image length whose low 24 bits equal what the block
// holds, for muxers that truncated the length of a picture over 16 MiB
// (the "truncate workaround", FLAC files only); allowTruncated enables it,
// and DataLength is then the declared length.
func ParseFLACPicture(b []byte, size int64, allowTruncated bool) (*FLACPicture, error) {
	if int64(len(b)) > size {
		b = b[:size]
	}
	p := &FLACPicture{}
	// type(4) MIME length(4)
	if size < 8 {
		return nil, ErrFLACPicture
	}
	p.Need = 8
	if len(b) < 8 {
		return p, ErrFLACPictureShort
	}
	typ := binary.BigEndian.Uint32(b)
	if int(typ) < len(PictureTypes) && typ < 1<<31 {
		p.Type = int(typ)
	}
	ml := int64(binary.BigEndian.Uint32(b[4:]))
	if ml <= 0 || ml >= 64 || ml > 1<<31-1 {
		return nil, ErrFLACPicture
	}
	// MIME, description length(4), then 20 bytes of fields after the description.
	if ml+24 > size-8 {
		return nil, ErrFLACPicture
	}
	p.Need = 8 + ml + 4
	if int64(len(b)) < p.Need {
		return p, ErrFLACPictureShort
	}
	p.MIME = string(b[8 : 8+ml])
	off := 8 + ml
	dl := int64(binary.BigEndian.Uint32(b[off:]))
	off += 4
	if dl > size-off-20 {
		return nil, ErrFLACPicture
	}
	p.Need = off + dl + 20
	if int64(len(b)) < p.Need {
		return p, ErrFLACPictureShort
	}
	p.Description = string(b[off : off+dl])
	off += dl
	p.Width = int(int32(binary.BigEndian.Uint32(b[off:])))
	p.Height = int(int32(binary.BigEndian.Uint32(b[off+4:])))
	// depth(4) colours(4) are not used.
	n := int64(binary.BigEndian.Uint32(b[off+16:]))
	off += 20
	left := size - off
	if n == 0 || n > left {
		// The workaround applies only to lengths that fit an int: FFmpeg
		// reads the length as a signed int and rejects the negative ones.
		if !allowTruncated || n == 0 || n > 1<<31-1 || n&0xFFFFFF != left {
			return nil, ErrFLACPicture
		}
	}
	p.DataOffset = off
	p.DataLength = n
	return p, nil
}
