package flac

import (
	"errors"

	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// pictureHead is what is read of a PICTURE block at first: the fixed
// fields, a MIME type and a description of ordinary length.
const pictureHead = 512

// picture reads a PICTURE block (RFC 9639 8.8) as ff_flac_parse_picture
// does, with the truncation workaround: it returns how many bytes of image
// lie after the block, which FFmpeg reads from the stream before the next
// block header. A picture FFmpeg rejects adds no stream and no error.
func (r *reader) picture(off, size int64) (extra int64, err error) {
	b, err := demuxkit.ReadAt(r.src, off, min(size, pictureHead), name, "picture")
	if err != nil {
		return 0, err
	}
	p, err := tags.ParseFLACPicture(b, size, true)
	if errors.Is(err, tags.ErrFLACPictureShort) {
		// A long description: read the fields up to the image.
		if b, err = demuxkit.ReadAt(r.src, off, p.Need, name, "picture"); err != nil {
			return 0, err
		}
		p, err = tags.ParseFLACPicture(b, size, true)
	}
	if err != nil {
		return 0, nil
	}
	codecName := picture.CodecForMIME(p.MIME)
	if codecName == "" {
		return 0, nil // "Unknown attached picture mimetype"
	}
	dataOff := off + p.DataOffset
	if p.DataLength > size-p.DataOffset {
		extra = p.DataLength - (size - p.DataOffset)
		if extra > r.src.Size()-(off+size) {
			// flac_picture.c: the missing bytes cannot be read.
			return 0, demuxkit.Errorf(name, "picture", off, container.ErrTruncated, "image of %d bytes runs past the object", p.DataLength)
		}
	}
	st, err := r.pictureStream(p, codecName, off)
	if err != nil {
		// ff_flac_parse_picture fails the header past max_streams.
		return 0, err
	}
	st.Picture = &container.Picture{Offset: dataOff, Length: p.DataLength, MIME: p.MIME, Type: p.Type}
	if err := picture.Describe(st, r.src, dataOff, p.DataLength, p.MIME); err != nil {
		return 0, err
	}
	return extra, nil
}

// pictureStream adds the attached-picture stream of p with the fields
// ff_flac_parse_picture sets before the image is decoded.
func (r *reader) pictureStream(p *tags.FLACPicture, codecName string, off int64) (*container.Stream, error) {
	st, err := r.src.Budget().AddStream(r.info, container.Video, name, off)
	if err != nil {
		return nil, err
	}
	st.Disposition |= container.DispositionAttachedPic
	st.CodecName = codecName
	// The declared size stands when the image cannot be decoded.
	st.Width, st.Height = max(p.Width, 0), max(p.Height, 0)
	st.Tags.Set("comment", tags.PictureTypes[p.Type])
	if p.Description != "" {
		st.Tags.Set("title", p.Description)
	}
	return st, nil
}
