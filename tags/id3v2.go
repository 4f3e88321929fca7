package tags

import "github.com/mediaprobe/mediaprobe/container"

// ID3v2 is what one or more consecutive ID3v2 tags hold.
type ID3v2 struct {
	// End is the offset of the first byte after the last tag read.
	End int64
	// Tags are the text frames with ffmpeg's key names, in file order,
	// after ffmpeg's conversions (ff_id3v2_34_metadata_conv and friends).
	Tags container.Tags
	// Pictures are the APIC/PIC frames, every one of them, in file order.
	Pictures []APIC
}

// APIC is one attached picture frame.
type APIC struct {
	MIME        string
	Type        int // picture type (3 = front cover)
	Description string
	// Offset and Length locate the image bytes in the object. When the
	// frame is unsynchronised the bytes in the object are escaped; Data then
	// holds the first unescaped bytes.
	Offset, Length int64
	Data           []byte // the first bytes of the image, enough for its header
}

// ReadID3v2 reads the ID3v2 tags that start at off, as many as follow each
// other. It returns nil and no error when there is no tag at off.
// TODO: not implemented yet.
func ReadID3v2(src container.Source, off int64) (*ID3v2, error) {
	return nil, nil
}

// PictureStreams appends one attached-picture video stream per APIC frame to
// info, as ff_id3v2_parse_apic does.
// TODO: not implemented yet.
func PictureStreams(info *container.Info, src container.Source, pics []APIC) {
}
