package mp4

import (
	"bytes"
	"strconv"
	"time"

	"github.com/abema/go-mp4"
	"github.com/mediaprobe/mediaprobe/container"
)

// readFtyp stores major_brand, minor_version and compatible_brands as
// mov_read_ftyp does; a second ftyp after the first trak is ignored.
func (d *demuxer) readFtyp(b box) error {
	if len(d.info.Streams) > 0 || b.payLen() < 4 {
		return nil
	}
	p, err := d.payload(b)
	if err != nil {
		return err
	}
	major := string(p[:4])
	d.isom = major != "qt  "
	d.haveFtyp = true
	tags := &d.info.Format.Tags
	tags.Set("major_brand", cstring(p[:4]))
	if len(p) < 8 {
		// ffio_read_size fails on the short minor version field; the
		// brand is already set, the rest of ftyp is lost.
		return nil
	}
	// go-mp4's typed Ftyp for the fixed fields and the brand list.
	var ftyp mp4.Ftyp
	if _, err := mp4.Unmarshal(bytes.NewReader(p), uint64(len(p)), &ftyp, mp4.Context{}); err != nil {
		return nil
	}
	tags.Set("minor_version", strconv.FormatUint(uint64(ftyp.MinorVersion), 10))
	d.compat = cstring(p[8:])
	tags.Set("compatible_brands", d.compat)
	return nil
}

// readMvhd reads the movie time scale and duration (mov_read_mvhd). In
// ffmpeg 5.1 the format duration is the mvhd duration unless a trex came
// first (fragmented files), and the mvhd creation time is a format tag.
func (d *demuxer) readMvhd(b box) error {
	c, err := d.boxHead(b, mvhdFields)
	if err != nil {
		return err
	}
	version := c.u8()
	c.skip(3)
	d.creationTime(c, version, &d.info.Format.Tags)
	d.timeScale = int64(c.u32())
	if d.timeScale <= 0 {
		d.timeScale = 1 // "Invalid mvhd time scale, defaulting to 1"
	}
	if version == 1 {
		d.duration = int64(c.u64())
	} else {
		d.duration = int64(c.u32())
	}
	c.skip(4 + 2 + 10)
	for i := range d.movieMtx {
		d.movieMtx[i] = int64(int32(c.u32()))
	}
	if c.bad {
		// The fields mov.c reads past the end come from the next atom
		// there; here they stay zero. The matrix then means identity.
		d.movieMtx = [9]int64{1 << 16, 0, 0, 0, 1 << 16, 0, 0, 0, 1 << 30}
	}
	if len(d.trex) == 0 && d.duration >= 0 {
		d.info.Format.Duration = container.Rescale(d.duration, 1000000, d.timeScale)
	}
	return nil
}

// The bytes of the fixed fields read from mvhd, tkhd and mdhd (version 1,
// the longer form): what follows them is never used, however large the box.
const (
	mvhdFields = 4 + 28 + 16 + 36
	tkhdFields = 4 + 32 + 16 + 36 + 8
	mdhdFields = 4 + 28 + 4
)

// macEpoch is the number of seconds between 1904-01-01 and 1970-01-01.
const macEpoch = 2082844800

// creationTime reads the creation and modification times of mvhd/mdhd and
// sets creation_time as mov_metadata_creation_time does: times before 1970
// in the 32-bit form are taken as Unix times, zero means none.
func (d *demuxer) creationTime(c *cursor, version uint8, tags *container.Tags) {
	var t int64
	if version == 1 {
		t = int64(c.u64())
		c.skip(8)
		if t < 0 || c.bad {
			return
		}
	} else {
		t = int64(c.u32())
		c.skip(4)
		if c.bad {
			return
		}
		if t > 0 && t < macEpoch {
			t += macEpoch
		}
	}
	if t == 0 {
		return
	}
	t -= macEpoch
	if t > (1<<63-1)/1000000 || t < -(1<<63-1)/1000000 {
		return
	}
	tags.Set("creation_time", time.Unix(t, 0).UTC().Format("2006-01-02T15:04:05.000000Z"))
}
