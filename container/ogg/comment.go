package ogg

import (
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// comment reads a Vorbis comment structure into the stream's tags and turns each METADATA_BLOCK_PICTURE into an attached
// picture stream (ff_vorbis_stream_comment, which calls ff_vorbis_comment
// with parse_picture). Like ffmpeg it fails only when the structure is
// shorter than 8 bytes or its vendor string overruns it; a bad entry ends
// the list. The comments add to the tags the stream has, as
// ff_vorbis_stream_comment adds to st->metadata: a repeated header (a
// chained Opus stream, an OpusHead sent twice) joins the values of a key
// with ";". Only Vorbis starts afresh (vorbis_update_metadata frees the
// old dictionary), which its caller does.
func (d *demux) comment(os *ostream, body []byte) error {
	_, pairs, err := tags.ParseVorbisComment(body, d.src.Budget())
	if err != nil {
		if e := d.src.Budget().Err(); e != nil {
			return e
		}
		return demuxkit.Errorf(name, "comment header", 0, container.ErrMalformed, "%v", err)
	}
	t, pics, err := tags.AppendVorbisTags(os.st.Tags, pairs, d.src.Budget())
	if err != nil {
		return err
	}
	os.st.Tags = t
	for _, p := range pics {
		if err := d.addPicture(p); err != nil {
			return err
		}
	}
	return nil
}

// mimeCodecs is ff_id3v2_mime_tags, which ff_flac_parse_picture compares
// with the MIME type, case included.
var mimeCodecs = [...]struct{ mime, codec string }{
	{"image/gif", "gif"}, {"image/jpeg", "mjpeg"}, {"image/jpg", "mjpeg"}, {"image/png", "png"},
	{"image/tiff", "tiff"}, {"image/bmp", "bmp"}, {"JPG", "mjpeg"}, {"PNG", "png"},
}

// addPicture adds an attached picture stream for a FLAC picture block, as
// ff_flac_parse_picture does: an unknown MIME type or a bad block adds
// nothing. The block came out of base64 text, so its image has no byte
// range of its own in the object: Picture has no offset (see doc.go). A
// picture past the stream limit is skipped, as ff_vorbis_comment skips a
// picture it fails to parse; only the end of the probe is an error.
func (d *demux) addPicture(b []byte) error {
	pic, err := tags.ParseFLACPicture(b, int64(len(b)), false)
	if err != nil {
		return nil
	}
	codecName := ""
	for _, m := range mimeCodecs {
		if pic.MIME == m.mime {
			codecName = m.codec
			break
		}
	}
	if codecName == "" {
		return nil
	}
	st, err := d.src.Budget().AddStream(d.info, container.Video, name, -1)
	if err != nil {
		return d.src.Budget().Err()
	}
	st.CodecName = codecName
	st.Width, st.Height = pic.Width, pic.Height
	st.Disposition |= container.DispositionAttachedPic
	st.TimeBase = container.Rational{Num: 1, Den: 90000}
	// ffprobe 5.1 lists the picture type before the description.
	st.Tags.Set("comment", tags.PictureTypes[pic.Type])
	if pic.Description != "" {
		st.Tags.Set("title", pic.Description)
	}
	// The image is base64 in the comment: no range of the object is it.
	st.Picture = &container.Picture{Offset: -1, Length: pic.DataLength, MIME: pic.MIME, Type: pic.Type}
	_ = picture.DescribeBytes(st, b[pic.DataOffset:pic.DataOffset+pic.DataLength], pic.MIME)
	return nil
}
