package mp4

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// trex holds a track's fragment defaults (mov_read_trex).
type trex struct {
	trackID        int64
	duration, size int64
	stsdID, flags  uint32
}

// fragment is the state of the moof being read (MOVFragment).
type fragment struct {
	foundTfhd   bool
	trackID     int64
	duration    int64
	size        int64
	tfdt        int64 // NoPTS when the traf has none
	nextTrunDTS int64 // NoPTS before the first trun of the traf
	sidxPTS     map[int64]int64
	// moofOffset is where the moof starts; baseOffset the base data
	// offset of the traf's samples (tfhd); implicitOffset where the last
	// run's data ended, the base of a traf that gives none.
	moofOffset, baseOffset, implicitOffset int64
}

// trackByID returns the first track whose tkhd gave it id, as mov.c's
// loops over the streams find it, in O(1).
func (d *demuxer) trackByID(id int64) *track { return d.byID[id] }

// readTrex reads a track's fragment defaults; its presence means the mvhd
// duration does not describe the file (mov_read_trex).
func (d *demuxer) readTrex(b box) error {
	c, err := d.boxHead(b, 24)
	if err != nil {
		return err
	}
	c.skip(4)
	x := trex{trackID: int64(c.u32()), stsdID: c.u32(), duration: int64(c.u32()), size: int64(c.u32()), flags: c.u32()}
	if _, ok := d.trexByID[x.trackID]; !ok {
		d.trexByID[x.trackID] = len(d.trex)
	}
	d.trex = append(d.trex, x)
	d.info.Format.Duration = container.NoPTS
	return nil
}

// readMoof reads one movie fragment (mov_read_moof): its traf children.
func (d *demuxer) readMoof(b box) error {
	d.frag.foundTfhd = false
	d.frag.moofOffset, d.frag.implicitOffset = b.off, b.off
	return d.children(b, "moof")
}

// readTfhd reads the track fragment header (mov_read_tfhd): the track and
// its default sample duration and size.
func (d *demuxer) readTfhd(b box) error {
	c, err := d.boxHead(b, 40)
	if err != nil {
		return err
	}
	c.skip(1)
	flags := c.u24()
	id := int64(c.u32())
	if c.bad {
		return nil
	}
	if id == 0 {
		return demuxkit.Errorf(fmtName, "tfhd", b.off, container.ErrMalformed, "track id 0")
	}
	i, ok := d.trexByID[id] // mov_read_tfhd takes the first trex of the track
	if !ok {
		return nil // "could not find corresponding trex"
	}
	x := &d.trex[i]
	f := &d.frag
	f.foundTfhd = true
	f.trackID = id
	f.tfdt = container.NoPTS
	f.nextTrunDTS = container.NoPTS
	switch {
	case flags&0x01 != 0:
		f.baseOffset = int64(c.u64())
	case flags&0x020000 != 0: // default-base-is-moof
		f.baseOffset = f.moofOffset
	default:
		f.baseOffset = f.implicitOffset
	}
	if flags&0x02 != 0 {
		c.skip(4) // sample description index
	}
	f.duration = x.duration
	if flags&0x08 != 0 {
		f.duration = int64(c.u32())
	}
	f.size = x.size
	if flags&0x10 != 0 {
		f.size = int64(c.u32())
	}
	return nil
}

// readTfdt reads the fragment's base media decode time (mov_read_tfdt).
func (d *demuxer) readTfdt(b box) error {
	t := d.trackByID(d.frag.trackID)
	if t == nil {
		return nil
	}
	c, err := d.boxHead(b, 12)
	if err != nil {
		return err
	}
	v := c.u8()
	c.skip(3)
	var base int64
	if v != 0 {
		base = int64(c.u64())
	} else {
		base = int64(c.u32())
	}
	if c.bad {
		return nil
	}
	d.frag.tfdt = base
	t.trackEnd = base
	return nil
}

// readTrun adds a run of fragment samples (mov_read_trun): their sizes to
// the data size, their durations to the track end and the stream duration.
// The first sample of the file's first run gives the start time.
func (d *demuxer) readTrun(b box) error {
	f := &d.frag
	if !f.foundTfhd {
		return demuxkit.Errorf(fmtName, "trun", b.off, container.ErrMalformed, "trun track id unknown, no tfhd was found")
	}
	t := d.trackByID(f.trackID)
	if t == nil {
		return nil
	}
	c, err := d.boxHead(b, 16)
	if err != nil {
		return err
	}
	c.skip(1)
	flags := c.u24()
	entries := int64(c.u32())
	var dataOffset int64
	if flags&0x001 != 0 {
		dataOffset = int64(int32(c.u32()))
	}
	if c.bad {
		return nil
	}
	hdr := int64(8)
	if flags&0x001 != 0 {
		hdr += 4
	}
	offset := f.baseOffset + dataOffset // where the run's samples are
	if flags&0x004 != 0 {
		hdr += 4
	}
	var dts int64
	switch {
	case f.nextTrunDTS != container.NoPTS:
		dts = f.nextTrunDTS - t.timeOffset
	case f.tfdt != container.NoPTS:
		dts = f.tfdt - t.timeOffset
	case f.sidxPTS != nil && f.sidxPTS[t.st.ID] != 0:
		dts = f.sidxPTS[t.st.ID] - t.timeOffset
	default:
		dts = t.trackEnd - t.timeOffset
	}
	var per int64
	for _, bit := range []uint32{0x100, 0x200, 0x400, 0x800} {
		if flags&bit != 0 {
			per += 4
		}
	}
	first := true
	var bad bool
	handle := func(e []byte) bool {
		dur, size, cts := f.duration, f.size, int64(0)
		p := 0
		if flags&0x100 != 0 {
			dur = int64(binary.BigEndian.Uint32(e[p:]))
			p += 4
		}
		if flags&0x200 != 0 {
			size = int64(binary.BigEndian.Uint32(e[p:]))
			p += 4
		}
		if flags&0x400 != 0 {
			p += 4
		}
		if flags&0x800 != 0 {
			cts = int64(int32(binary.BigEndian.Uint32(e[p:])))
		}
		if cts < 0 {
			t.dtsShift = max(t.dtsShift, -cts)
		}
		if first && t.firstPTS == container.NoPTS {
			t.firstPTS = dts + cts
			if t.firstSize == 0 {
				t.firstSize, t.firstDur = size, dur
				if t.firstChunk <= 0 {
					t.firstChunk = offset // the packet the decoder is opened with
				}
			}
		}
		first = false
		if size == 0 {
			bad = true
			return false
		}
		if t.sampleCount == 0 && len(t.deltas) < rfpsFrames {
			t.deltas = append(t.deltas, dur)
			t.fragDeltas = true
		}
		if t.sampleCount == 0 && flags&0x800 != 0 && len(t.delayOffsets) < maxDelaySamples &&
			len(t.delayDeltas) == len(t.delayOffsets) {
			// The order the decoder sees the pictures in, for its
			// reordering heuristic.
			t.delayDeltas = append(t.delayDeltas, dur)
			t.delayOffsets = append(t.delayOffsets, cts)
			t.hasCtts, t.fragCtts = true, true
		}
		if t.sampleCount == 0 && len(t.fragOffs) < maxHeadSamples {
			t.fragOffs = append(t.fragOffs, offset)
			t.fragSizes = append(t.fragSizes, size)
		}
		dts += dur
		offset += size
		t.dataSize += size
		t.durForFps += dur
		t.framesForFps++
		t.hasSamples = true
		return true
	}
	if entries >= (1<<32-1)/8 {
		// mov.c refuses a run that could overflow its index tables.
		return demuxkit.Errorf(fmtName, "trun", b.off, container.ErrMalformed, "%d samples", entries)
	}
	if per == 0 && entries > 0 {
		// Every sample takes the defaults: the run is summed in one step.
		if !handle(nil) {
			bad = true
		} else {
			n := entries - 1
			for k := int64(0); k < n && t.fragDeltas && len(t.deltas) < rfpsFrames; k++ {
				t.deltas = append(t.deltas, f.duration)
			}
			for k := int64(1); k <= n && t.sampleCount == 0 && len(t.fragOffs) < maxHeadSamples; k++ {
				t.fragOffs = append(t.fragOffs, offset-f.size+k*f.size)
				t.fragSizes = append(t.fragSizes, f.size)
			}
			dts += n * f.duration
			offset += n * f.size
			t.dataSize += n * f.size
			t.durForFps += n * f.duration
			t.framesForFps += n
		}
	} else if per > 0 {
		if err := d.checkTable(b, b.payOff()+hdr, entries, per); err != nil {
			return err // "reached eof, corrupted TRUN atom"
		}
		if _, err := d.forEntries(b.payOff()+hdr, entries, per, "trun", handle); err != nil {
			return err
		}
	}
	if bad {
		return demuxkit.Errorf(fmtName, "trun", b.off, container.ErrMalformed, "sample of size 0")
	}
	f.implicitOffset = offset
	f.nextTrunDTS = dts + t.timeOffset
	t.trackEnd = dts + t.timeOffset
	if t.duration == container.NoPTS || t.duration < t.trackEnd {
		t.duration = t.trackEnd
	}
	return nil
}

// readSidx reads a segment index (mov_read_sidx): the sum of its durations
// becomes the track's duration; when it covers the rest of the file the
// index is complete and the other tracks are scaled to it.
func (d *demuxer) readSidx(b box) error {
	p, err := demuxkit.ReadAt(d.src, b.payOff(), min(b.payLen(), 32), fmtName, "sidx")
	if err != nil {
		return err
	}
	c := &cursor{b: p}
	version := c.u8()
	if version > 1 {
		return nil
	}
	c.skip(3)
	id := int64(c.u32())
	t := d.trackByID(id)
	if t == nil {
		return nil
	}
	timescale := int64(c.u32())
	if timescale == 0 || timescale >= 1<<31 {
		return demuxkit.Errorf(fmtName, "sidx", b.off, container.ErrMalformed, "invalid timescale")
	}
	var pts, offAdd int64
	if version == 0 {
		pts, offAdd = int64(c.u32()), int64(c.u32())
	} else {
		pts, offAdd = int64(c.u64()), int64(c.u64())
	}
	c.skip(2)
	count := int64(c.u16())
	if c.bad {
		return nil
	}
	if count == 0 {
		return demuxkit.Errorf(fmtName, "sidx", b.off, container.ErrMalformed, "no references")
	}
	hdr := int64(c.pos)
	offset := b.off + b.size + offAdd
	var refType bool
	_, err = d.forEntries(b.payOff()+hdr, count, 12, "sidx", func(e []byte) bool {
		size := binary.BigEndian.Uint32(e)
		if size&0x80000000 != 0 {
			refType = true
			return false
		}
		offset += int64(size)
		pts += int64(binary.BigEndian.Uint32(e[4:]))
		return true
	})
	if err != nil {
		return err
	}
	if refType {
		return demuxkit.Errorf(fmtName, "sidx", b.off, container.ErrUnsupported, "sidx reference_type 1")
	}
	if d.frag.sidxPTS == nil {
		d.frag.sidxPTS = map[int64]int64{}
	}
	t.duration, t.trackEnd = pts, pts
	t.hasSidx = true
	size := d.src.Size()
	complete := offset == size
	if !complete && size >= 4 {
		if tail, err := demuxkit.ReadAt(d.src, size-4, 4, fmtName, "mfra"); err == nil {
			complete = offset == size-int64(binary.BigEndian.Uint32(tail))
		}
	}
	if complete {
		for _, o := range d.tracks {
			if !o.hasSidx && t.timeScale > 0 {
				o.duration = container.Rescale(t.duration, o.timeScale, t.timeScale)
				o.trackEnd = o.duration
			}
		}
		d.fragComplete = true
	}
	return nil
}
