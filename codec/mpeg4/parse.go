package mpeg4

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Config is what the configuration headers of an MPEG-4 Visual stream
// say, as FFmpeg's decoder learns it before the first VOP. The structures
// are nil when the data holds none; a VideoObjectLayer that FFmpeg refuses
// is kept with the fields read up to the refusal (see Parse).
type Config struct {
	VisualObjectSequence *VisualObjectSequence
	VisualObject         *VisualObject
	// VideoObjectLayer is the first non-studio layer, StudioVideoObjectLayer
	// the first studio one; FFmpeg ignores the layers after the first.
	VideoObjectLayer       *VideoObjectLayer
	StudioVideoObjectLayer *StudioVideoObjectLayer
	// VOLRefused is set when FFmpeg's decode_vol_header (or
	// decode_studio_vol_header) refuses the layer: it has set the fields
	// read before the refusal and no more.
	VOLRefused bool
	// Studio is set by a visual object sequence of the Simple Studio
	// profile with a level of 1 to 8, which switches FFmpeg's decoder to
	// the studio syntax.
	Studio bool

	// UserData are the user data strings, each as decode_user_data reads
	// it: at most 255 bytes, up to the next start code or a NUL.
	UserData []string
	// DivXVersion and DivXBuild are those of a "DivX%dBuild%d" or
	// "DivX%db%d" user data string, -1 when there is none; DivXPacked is
	// set when such a string ends in 'p' (packed B-frames).
	DivXVersion, DivXBuild int
	DivXPacked             bool
	// XviDBuild is that of a "XviD%d" string, -1 when there is none.
	XviDBuild int
	// LavcBuild is the libavcodec build of a "Lavc%d.%d.%d", "FFmpe...b%d"
	// or "FFmpeg v%d.%d.%d / libavcodec build: %d" string, -1 when there
	// is none.
	LavcBuild int
}

const format = "mpeg4"

// maxUserData bounds the user data strings kept: FFmpeg keeps none (it
// scans each for version strings), and a stream's headers have a few.
const maxUserData = 16

// Parse reads the configuration headers of an MPEG-4 Visual stream: the
// visual object sequence and visual object headers, the first video object
// layer and user data, walking the start codes as FFmpeg's
// ff_mpeg4_decode_picture_header does up to the first VOP. Bytes before
// the first start code are skipped.
//
// Errors wrap container.ErrMalformed or container.ErrTruncated, or
// container.ErrUnsupported for the studio cases FFmpeg does not decode;
// the Config holds what was read before the error, as FFmpeg keeps it. The
// refusals of decode_vol_header end the walk with VOLRefused set:
// vop_time_increment_resolution 0 (before the size is read), more than 3
// sprite warping points (after it), a quantiser matrix or the rest of the
// header cut by the end of the data. Data with no start code FFmpeg
// reads gives an error wrapping container.ErrMalformed.
func Parse(b []byte) (*Config, error) {
	c := &Config{DivXVersion: -1, DivXBuild: -1, XviDBuild: -1, LavcBuild: -1}
	found := false
	pos := 0
	for pos < len(b) {
		p := bits.IndexStartCode(b[pos:])
		if p < 0 {
			break
		}
		off := pos + p
		if off+3 >= len(b) {
			break
		}
		code := b[off+3]
		r := bits.NewReader(b[off+4:])
		var err error
		switch {
		case code >= VideoObjectLayerStartCodeMin && code <= VideoObjectLayerStartCodeMax:
			found = true
			if c.VideoObjectLayer != nil || c.StudioVideoObjectLayer != nil {
				break // "Ignoring multiple VOL headers"
			}
			err = c.readLayer(r, int64(off))
		case code == UserDataStartCode:
			found = true
			c.readUserData(r)
		case code == VisualObjectSequenceStartCode:
			found = true
			err = c.readSequence(r, int64(off))
		case code == VisualObjectStartCode:
			found = true
			err = c.readVisualObject(r, int64(off))
		case code == VOPStartCode:
			found = true
			return c, nil
		}
		if err != nil {
			return c, err
		}
		if r.Err() != nil {
			return c, demuxkit.Errorf(format, startCodeName(code), int64(off), container.ErrTruncated,
				"cut after %d bytes", len(b)-off-4)
		}
		// FFmpeg aligns and looks for the next start code after what it
		// read.
		pos = off + 4 + (r.BitPos()+7)/8
	}
	if !found {
		return nil, demuxkit.Errorf(format, "headers", 0, container.ErrMalformed, "no visual object sequence, layer or VOP start code")
	}
	return c, nil
}

func startCodeName(code byte) string {
	switch {
	case code >= VideoObjectLayerStartCodeMin && code <= VideoObjectLayerStartCodeMax:
		return "video object layer"
	case code == UserDataStartCode:
		return "user data"
	case code == VisualObjectSequenceStartCode:
		return "visual object sequence"
	case code == VisualObjectStartCode:
		return "visual object"
	}
	return "start code"
}

// readSequence reads profile_and_level_indication; a Simple Studio
// profile with a level of 1 to 8 switches to the studio syntax, and a
// later non-studio sequence is refused, as in
// ff_mpeg4_decode_picture_header.
func (c *Config) readSequence(r *bits.Reader, off int64) error {
	v := VisualObjectSequence{ProfileAndLevelIndication: r.U8()}
	profile, level := v.ProfileAndLevelIndication>>4, v.ProfileAndLevelIndication&15
	if profile == 14 && level > 0 && level < 9 {
		c.Studio = true
	} else if c.Studio {
		return demuxkit.Errorf(format, "visual object sequence", off, container.ErrUnsupported,
			"mix of studio and non studio profile")
	}
	c.VisualObjectSequence = &v
	return nil
}

// readVisualObject reads the visual object header; in the studio syntax
// FFmpeg reads only its type and refuses all but video.
func (c *Config) readVisualObject(r *bits.Reader, off int64) error {
	if c.Studio {
		verid := uint8(r.Bits(4))
		typ := uint8(r.Bits(4))
		if typ != VisualObjectTypeVideo {
			return demuxkit.Errorf(format, "visual object", off, container.ErrUnsupported, "studio visual object type %d", typ)
		}
		c.VisualObject = &VisualObject{VisualObjectVerID: verid, VisualObjectType: typ}
		return nil
	}
	v := readVisualObject(r)
	c.VisualObject = &v
	return nil
}

func (c *Config) readLayer(r *bits.Reader, off int64) error {
	random := r.Flag()
	typ := r.U8()
	if typ == SimpleStudioObjectType || typ == CoreStudioObjectType {
		if s := c.VisualObjectSequence; s != nil && s.ProfileAndLevelIndication>>4 != 14 {
			c.VOLRefused = true
			return demuxkit.Errorf(format, "video object layer", off, container.ErrMalformed,
				"studio object type %d in profile %d", typ, s.ProfileAndLevelIndication>>4)
		}
		c.Studio = true
		s, ok := readStudioVideoObjectLayer(r, random, typ)
		c.StudioVideoObjectLayer = &s
		if !ok {
			c.VOLRefused = true
			return demuxkit.Errorf(format, "video object layer", off, container.ErrUnsupported,
				"studio layer shape %d, chroma format %d, bit depth %d", s.VideoObjectLayerShape, s.ChromaFormat, s.BitDepth)
		}
		return nil
	}
	if c.Studio {
		c.VOLRefused = true
		return demuxkit.Errorf(format, "video object layer", off, container.ErrUnsupported,
			"non-studio object type %d in a studio stream", typ)
	}
	v, verr := readVideoObjectLayer(r, random, typ)
	c.VideoObjectLayer = &v
	if verr != volOK && r.Err() != nil {
		// FFmpeg's refusal came from the zeros past the end of the data.
		c.VOLRefused = true
		return demuxkit.Errorf(format, "video object layer", off, container.ErrTruncated, "cut before its end")
	}
	switch verr {
	case volZeroResolution:
		c.VOLRefused = true
		return demuxkit.Errorf(format, "video object layer", off, container.ErrMalformed, "vop_time_increment_resolution is 0")
	case volSpriteWarpingPoints:
		c.VOLRefused = true
		return demuxkit.Errorf(format, "video object layer", off, container.ErrMalformed,
			"%d sprite warping points", v.NoOfSpriteWarpingPoints)
	case volMatrixTruncated:
		c.VOLRefused = true
		return demuxkit.Errorf(format, "video object layer", off, container.ErrTruncated, "quantiser matrix cut")
	case volHeaderTruncated:
		c.VOLRefused = true
		return demuxkit.Errorf(format, "video object layer", off, container.ErrTruncated, "header cut after quarter_sample")
	}
	return nil
}
