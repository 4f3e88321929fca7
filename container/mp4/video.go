package mp4

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/dovi"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The boxes of a visual sample entry that describe the picture rather than
// the codec: colour (colr), field order (fiel), HDR metadata (mdcv, clli),
// Dolby Vision (dvcC, dvvC, dvwC) and 3D/360° layout (st3d, sv3d). Each
// mirrors its mov.c reader. Some side data FFmpeg attaches as the box is
// read (DOVI, ICC profile), the rest only at the end of mov_read_header, in
// a fixed order after the display matrix (stereo 3D, spherical, mastering
// display, content light): finishVideo attaches those.

// videoSideData holds what mov_read_header attaches to a video stream
// after all boxes are read (MOVStreamContext's stereo3d, spherical,
// mastering, coll).
type videoSideData struct {
	stereo3d  *container.Stereo3D
	spherical *container.Spherical
	mastering *container.MasteringDisplay
	coll      *container.ContentLight
}

// readColr sets the stream's colour description (mov_read_colr): nclx and
// nclc give the three H.273 codes, and nclx a full-range flag, which mov.c
// reads even when the box ends before it (next is the byte after the box,
// 0 past the end of the object); prof is an ICC profile.
func (d *demuxer) readColr(t *track, p []byte, next int64) {
	if len(p) < 4 {
		return
	}
	st := t.st
	switch string(p[:4]) {
	case "prof":
		st.AddSideData(container.ICCProfile{Size: len(p) - 4})
		return
	case "nclx", "nclc":
	default:
		return // "unsupported color_parameter_type"
	}
	var f [7]byte
	n := copy(f[:], p[4:])
	if n < 7 && string(p[:4]) == "nclx" {
		var b [1]byte
		if next >= 0 && next < d.src.Size() {
			_ = demuxkit.ReadFull(d.src, b[:], next, fmtName, "colr")
		}
		f[n] = b[0]
		// Only the range byte can be read past the box: mov.c reads the
		// codes with avio too, but a box too short for them is malformed
		// beyond what ffprobe shows.
	}
	prim := int(binary.BigEndian.Uint16(f[0:]))
	trc := int(binary.BigEndian.Uint16(f[2:]))
	mat := int(binary.BigEndian.Uint16(f[4:]))
	if string(p[:4]) == "nclx" {
		st.ColorRange = codec.ColorRange(f[6]>>7 != 0)
	}
	okP, okT, okM := codec.KnownColorCodes(prim, trc, mat)
	if !okP {
		prim = codec.Unspecified
	}
	if !okT {
		trc = codec.Unspecified
	}
	if !okM {
		mat = codec.Unspecified
	}
	st.ColorPrimaries = codec.ColorPrimaries(prim)
	st.ColorTransfer = codec.ColorTransfer(trc)
	st.ColorSpace = codec.ColorSpace(mat)
}

// readFiel sets the field order (mov_read_fiel): 0x01xx progressive,
// 0x02xx interlaced with the detail in the low byte.
func readFiel(st *container.Stream, p []byte) {
	if len(p) < 2 {
		return
	}
	v := binary.BigEndian.Uint16(p)
	order := ""
	switch {
	case v&0xff00 == 0x0100:
		order = "progressive"
	case v&0xff00 == 0x0200:
		switch v & 0xff {
		case 0x01:
			order = "tt"
		case 0x06:
			order = "bb"
		case 0x09:
			order = "tb"
		case 0x0e:
			order = "bt"
		}
	}
	st.FieldOrder = order
}

// readMdcv keeps the mastering display metadata (mov_read_mdcv): the
// primaries in the box's green, blue, red order, in units of 1/50000, and
// the luminances in 1/10000 cd/m². A second box is ignored.
func (v *videoSideData) readMdcv(p []byte) {
	if len(p) < 24 || v.mastering != nil {
		return
	}
	const chroma, luma = 50000, 10000
	m := &container.MasteringDisplay{HasPrimaries: true, HasLuminance: true}
	for i, j := range [3]int{1, 2, 0} {
		m.Primaries[j][0] = container.Rational{Num: int64(binary.BigEndian.Uint16(p[4*i:])), Den: chroma}
		m.Primaries[j][1] = container.Rational{Num: int64(binary.BigEndian.Uint16(p[4*i+2:])), Den: chroma}
	}
	m.WhitePoint[0] = container.Rational{Num: int64(binary.BigEndian.Uint16(p[12:])), Den: chroma}
	m.WhitePoint[1] = container.Rational{Num: int64(binary.BigEndian.Uint16(p[14:])), Den: chroma}
	m.MaxLuminance = container.Rational{Num: int64(binary.BigEndian.Uint32(p[16:])), Den: luma}
	m.MinLuminance = container.Rational{Num: int64(binary.BigEndian.Uint32(p[20:])), Den: luma}
	v.mastering = m
}

// readClli keeps the content light level (mov_read_clli). A second box is
// ignored.
func (v *videoSideData) readClli(p []byte) {
	if len(p) < 4 || v.coll != nil {
		return
	}
	v.coll = &container.ContentLight{MaxCLL: uint32(binary.BigEndian.Uint16(p)), MaxFALL: uint32(binary.BigEndian.Uint16(p[2:]))}
}

// readDvcc attaches the Dolby Vision configuration record at once
// (mov_read_dvcc_dvvc, ff_isom_parse_dvcc_dvvc).
func readDvcc(st *container.Stream, p []byte) {
	if c, ok := dovi.ParseConfig(p); ok {
		st.AddSideData(c)
	}
}

// readSt3d keeps the stereoscopic layout (mov_read_st3d): after version and
// flags, 0 mono, 1 top-bottom, 2 side by side; other modes are ignored.
func (v *videoSideData) readSt3d(p []byte) {
	if len(p) < 5 {
		return
	}
	s := &container.Stereo3D{}
	switch p[4] {
	case 0:
		s.Type = container.Stereo3D2D
	case 1:
		s.Type = container.Stereo3DTopBottom
	case 2:
		s.Type = container.Stereo3DSideBySide
	default:
		return
	}
	v.stereo3d = s
}

// readSv3d keeps the spherical mapping (mov_read_sv3d): an svhd box, then a
// proj box whose prhd gives yaw, pitch and roll and whose next box, cbmp or
// equi, gives the projection. mov.c reads the boxes one after the other
// without descending by size, which is what is done here.
func (v *videoSideData) readSv3d(p []byte) {
	c := &cursor{b: p}
	size := int(c.u32())
	if c.bad || size <= 12 || size > len(p)+8 || c.fourcc() != "svhd" {
		return
	}
	c.skip(4 + size - 12) // version, flags, metadata source
	c.skip(4)
	if c.fourcc() != "proj" {
		return
	}
	c.skip(4)
	if c.fourcc() != "prhd" {
		return
	}
	c.skip(4)
	s := &container.Spherical{Yaw: int32(c.u32()), Pitch: int32(c.u32()), Roll: int32(c.u32())}
	c.skip(4)
	tag := c.fourcc()
	c.skip(4)
	switch tag {
	case "cbmp":
		if c.u32() != 0 {
			return // "Unsupported cubemap layout"
		}
		s.Projection = container.SphericalCubemap
		s.Padding = c.u32()
	case "equi":
		t, b, l, r := c.u32(), c.u32(), c.u32(), c.u32()
		if b >= ^uint32(0)-t || r >= ^uint32(0)-l {
			return // "Invalid bounding rectangle coordinates"
		}
		s.BoundTop, s.BoundBottom, s.BoundLeft, s.BoundRight = t, b, l, r
		s.Projection = container.SphericalEquirectangular
		if l|t|r|b != 0 {
			s.Projection = container.SphericalEquirectangularTile
		}
	default:
		return // "Unknown projection type"
	}
	if c.bad {
		return
	}
	v.spherical = s
}

// attach adds the side data mov_read_header attaches after the display
// matrix, in its order.
func (v *videoSideData) attach(st *container.Stream) {
	if v.stereo3d != nil {
		st.AddSideData(*v.stereo3d)
	}
	if v.spherical != nil {
		st.AddSideData(*v.spherical)
	}
	if v.mastering != nil {
		st.AddSideData(*v.mastering)
	}
	if v.coll != nil {
		st.AddSideData(*v.coll)
	}
}

// readPssh adds a protection system's initialisation data to the last
// stream created (mov_read_pssh), in one Encryption initialization data
// entry per stream whose list grows with each pssh. mov.c reads the box's
// fields one after the other, past its end if they say so, and fails the
// header when the object ends first: so does this.
func (d *demuxer) readPssh(b box) error {
	if len(d.info.Streams) == 0 {
		return nil
	}
	st := d.info.Streams[len(d.info.Streams)-1]
	pos := b.payOff()
	fail := func(detail string, args ...any) error {
		return demuxkit.Errorf(fmtName, "pssh", b.off, container.ErrMalformed, detail, args...)
	}
	head, err := demuxkit.ReadAt(d.src, pos, min(4+16, max(d.src.Size()-pos, 0)), fmtName, "pssh")
	if err != nil {
		return err
	}
	if len(head) < 20 {
		return fail("cut short in its system id")
	}
	version := head[0]
	info := container.EncryptionInitInfo{SystemID: head[4:20]}
	pos += 20
	if version > 0 {
		n, err := d.u32At(pos)
		if err != nil {
			return fail("cut short in its key id count")
		}
		pos += 4
		if n > (d.src.Size()-pos)/16 {
			return fail("%d key ids run past the end of the object", n)
		}
		for i := int64(0); i < n; i++ {
			if err := d.src.Budget().Visit(fmtName, "pssh key id", pos); err != nil {
				return err
			}
			kid, err := demuxkit.ReadAt(d.src, pos, 16, fmtName, "pssh")
			if err != nil {
				return err
			}
			info.KeyIDs = append(info.KeyIDs, kid)
			pos += 16
		}
	}
	// avio reads a size past the end of the object as 0: no data.
	n, _ := d.u32At(pos)
	pos += 4
	if info.Data, err = demuxkit.ReadAt(d.src, pos, n, fmtName, "pssh data"); err != nil {
		return err
	}
	init, _ := container.SideDataOf[container.EncryptionInit](st)
	init.Infos = append(init.Infos, info)
	st.AddSideData(init)
	return nil
}

// u32At reads a big-endian 32-bit value at off.
func (d *demuxer) u32At(off int64) (int64, error) {
	var b [4]byte
	if err := demuxkit.ReadFull(d.src, b[:], off, fmtName, "field"); err != nil {
		return 0, err
	}
	return int64(binary.BigEndian.Uint32(b[:])), nil
}
