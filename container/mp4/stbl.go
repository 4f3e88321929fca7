package mp4

import (
	"encoding/binary"
	"unsafe"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// chunkBytes bounds each read of a sample table: memory stays flat
// however long the table, and each chunk is one structure on the budget, so
// the context is checked between chunks.
const chunkBytes = 64 << 10

// tableSlack is how far a table's entries may run past the end of its box.
// mov.c reads a table's entries on into whatever follows the box
// ("overread end of atom"), so a writer that miscounts by a few entries
// makes ffprobe print what those bytes say, and we read them too; farther
// than this, a 72-byte box could make us read the whole object, and the
// table is refused instead (a departure, see doc.go).
const tableSlack = 64 << 10

// checkTable tells whether count entries of size bytes at off, in the box
// b, can be read: an error wrapping ErrTruncated when they run past the end
// of the object (where mov.c hits EOF), or ErrMalformed when they run more
// than tableSlack past the end of the box.
func (d *demuxer) checkTable(b box, off, count, size int64) error {
	need := count * size // count < 2^32 and size <= 20: no overflow
	if off > d.src.Size() || need > d.src.Size()-off {
		return demuxkit.Errorf(fmtName, b.typ, b.off, container.ErrTruncated,
			"%d entries need %d bytes, %d left in the object", count, need, max(d.src.Size()-off, 0))
	}
	if end := b.off + b.size; need > end-off+tableSlack {
		return demuxkit.Errorf(fmtName, b.typ, b.off, container.ErrMalformed,
			"%d entries need %d bytes, the box has %d", count, need, max(end-off, 0))
	}
	return nil
}

// forEntries reads count entries of size bytes each starting at off, in
// chunks through one reused buffer, and calls fn for each; fn returns false
// to stop. It reads at most to the end of the object and reports how many
// entries it saw; callers bound count with checkTable first.
func (d *demuxer) forEntries(off, count, size int64, what string, fn func(e []byte) bool) (int64, error) {
	avail := (d.src.Size() - off) / size
	if off > d.src.Size() {
		avail = 0
	}
	if count > avail {
		count = avail
	}
	per := max(chunkBytes/size, 1)
	var done int64
	for done < count {
		n := min(per, count-done)
		pos := off + done*size
		if err := d.src.Budget().Visit(fmtName, what, pos); err != nil {
			return done, err
		}
		buf, err := demuxkit.ReadScratch(d.src, &d.scratch, pos, n*size, fmtName, what)
		if err != nil {
			return done, err
		}
		for i := int64(0); i < n; i++ {
			if !fn(buf[i*size : (i+1)*size]) {
				return done + i + 1, nil
			}
		}
		done += n
	}
	return done, nil
}

// boxHead reads the first n bytes of a leaf box payload (its fixed fields).
func (d *demuxer) boxHead(b box, n int64) (*cursor, error) {
	n = min(n, b.payLen())
	p, err := demuxkit.ReadAt(d.src, b.payOff(), n, fmtName, b.typ)
	if err != nil {
		return nil, err
	}
	return &cursor{b: p}, nil
}

// trackBoxHead is boxHead for a box that belongs to the current track; it
// returns a nil track and no error when there is none (a stray box).
func (d *demuxer) trackBoxHead(b box, n int64) (*track, *cursor, error) {
	if d.cur == nil {
		return nil, nil, nil
	}
	c, err := d.boxHead(b, n)
	return d.cur, c, err
}

// maxSttsDelta is mov.c's max_stts_delta default (UINT_MAX - 48000*10): a
// larger delta is taken as a negative correction and clipped to 1.
const maxSttsDelta = 1<<32 - 1 - 48000*10

// readStts sums the time-to-sample runs (mov_read_stts): the sample count
// becomes nb_frames, the total duration bounds the stream duration, and the
// first and last runs decide r_frame_rate and the PCM chunk mode.
func (d *demuxer) readStts(b box) error {
	t, c, err := d.trackBoxHead(b, 8)
	if t == nil || err != nil {
		return err
	}
	c.skip(4)
	entries := int64(c.u32())
	if c.bad {
		return nil
	}
	if err := d.checkTable(b, b.payOff()+8, entries, 8); err != nil {
		return err // "reached eof, corrupted STTS atom"
	}
	var duration, total, cur, corrected int64
	var i int64
	n, err := d.forEntries(b.payOff()+8, entries, 8, "stts", func(e []byte) bool {
		count := int64(binary.BigEndian.Uint32(e))
		delta := int64(binary.BigEndian.Uint32(e[4:]))
		dur := delta
		if delta > maxSttsDelta {
			dur = 1
			if int32(delta) < 0 {
				corrected += int64(int32(delta)) * count
			} else {
				corrected += count
			}
		} else {
			corrected += delta * count
		}
		cur += dur * count
		if cur > corrected {
			drift := (cur - corrected) / max(count, 1)
			corr := dur - 1
			if dur > drift {
				corr = drift
			}
			cur -= corr * count
			dur -= corr
		}
		if i == 0 {
			t.sttsFirstCount, t.sttsFirstDur = count, dur
			t.firstDur = dur
		}
		for k := int64(0); k < count && len(t.deltas) < rfpsFrames; k++ {
			t.deltas = append(t.deltas, dur)
		}
		for k := int64(0); k < count && len(t.delayDeltas) < maxDelaySamples; k++ {
			t.delayDeltas = append(t.delayDeltas, dur)
		}
		t.sttsLastCount = count
		duration += dur * count
		total += count
		i++
		return true
	})
	if err != nil {
		return err
	}
	t.sttsCount = n
	if duration > 0 && total <= 1<<31-1-t.framesForFps {
		t.durForFps += duration
		t.framesForFps += total
	}
	t.st.NbFrames = total
	if duration != 0 && t.duration != container.NoPTS {
		t.duration = min(t.duration, duration)
	} else if duration != 0 {
		t.duration = container.NoPTS // FFMIN with AV_NOPTS_VALUE keeps it
	}
	t.trackEnd = duration
	return nil
}

// readStsz reads the sample count and the total of the sample sizes
// (mov_read_stsz). A constant size means no table; a negative size fails
// the header as in mov.c.
func (d *demuxer) readStsz(b box) error {
	t, c, err := d.trackBoxHead(b, 12)
	if t == nil || err != nil {
		return err
	}
	c.skip(4)
	var sampleSize, fieldSize int64
	if b.typ == "stsz" {
		sampleSize = int64(c.u32())
		if t.sampleSize == 0 {
			t.sampleSize = sampleSize
		}
		t.stszSampleSize = sampleSize
		fieldSize = 32
	} else {
		c.skip(3)
		fieldSize = int64(c.u8())
	}
	entries := int64(c.u32())
	if c.bad {
		return nil
	}
	t.sampleCount = entries
	if sampleSize != 0 {
		t.firstSize = sampleSize
		return nil
	}
	if fieldSize != 4 && fieldSize != 8 && fieldSize != 16 && fieldSize != 32 {
		return demuxkit.Errorf(fmtName, b.typ, b.off, container.ErrMalformed, "invalid sample field size %d", fieldSize)
	}
	if entries == 0 {
		return nil
	}
	if entries >= (1<<31-1-4-8*64)/fieldSize {
		return demuxkit.Errorf(fmtName, b.typ, b.off, container.ErrMalformed, "%d entries", entries)
	}
	t.sampleCount = 0
	numBytes := (entries*fieldSize + 4) >> 3
	start := b.payOff() + 12
	if d.checkTable(b, start, numBytes, 1) != nil {
		// "STSZ atom truncated": no sample sizes, no samples; a table far
		// past its box is taken as cut short there.
		return nil
	}
	var sum int64
	var bad bool
	switch fieldSize {
	case 32, 16, 8:
		sz := fieldSize / 8
		_, err = d.forEntries(start, entries, sz, b.typ, func(e []byte) bool {
			var v int64
			switch sz {
			case 4:
				v = int64(binary.BigEndian.Uint32(e))
				if v >= 1<<31 {
					bad = true
					return false
				}
				if sum == 0 && t.firstSize == 0 {
					t.firstSize = v
				}
				if len(t.headSizes) < maxHeadSamples {
					t.headSizes = append(t.headSizes, v)
				}
			case 2:
				v = int64(binary.BigEndian.Uint16(e))
			default:
				v = int64(e[0])
			}
			sum += v
			return true
		})
	case 4:
		var k int64
		_, err = d.forEntries(start, (entries+1)/2, 1, b.typ, func(e []byte) bool {
			sum += int64(e[0] >> 4)
			k++
			if k*2 <= entries {
				sum += int64(e[0] & 15)
			}
			return true
		})
	}
	if err != nil {
		return err
	}
	if bad {
		return demuxkit.Errorf(fmtName, b.typ, b.off, container.ErrMalformed, "negative sample size")
	}
	t.sampleCount = entries
	t.dataSize += sum
	return nil
}

// readStsc keeps the sample-to-chunk runs (mov_read_stsc), repaired as mov.c
// repairs them. They are bounded by the box size, 12 bytes each.
func (d *demuxer) readStsc(b box) error {
	t, c, err := d.trackBoxHead(b, 8)
	if t == nil || err != nil {
		return err
	}
	c.skip(4)
	entries := int64(c.u32())
	if c.bad {
		return nil
	}
	if entries*12+4 > b.payLen() {
		return demuxkit.Errorf(fmtName, "stsc", b.off, container.ErrMalformed, "%d entries need %d bytes, box has %d", entries, entries*12+4, b.payLen())
	}
	if entries == 0 || t.stsc != nil {
		return nil
	}
	if err := d.src.Budget().Alloc(fmtName, "stsc", b.off, entries*int64(unsafe.Sizeof(stscEntry{}))); err != nil {
		return err
	}
	list := make([]stscEntry, 0, entries)
	_, err = d.forEntries(b.payOff()+8, entries, 12, "stsc", func(e []byte) bool {
		list = append(list, stscEntry{
			first: int64(binary.BigEndian.Uint32(e)),
			count: int64(binary.BigEndian.Uint32(e[4:])),
			id:    int64(binary.BigEndian.Uint32(e[8:])),
		})
		return true
	})
	if err != nil {
		return err
	}
	// The repair pass of mov_read_stsc, last entry first.
	for i := len(list) - 1; i >= 0; i-- {
		e := &list[i]
		firstMin := int64(i + 1)
		if (i+1 < len(list) && e.first >= list[i+1].first) || (i > 0 && e.first <= list[i-1].first) ||
			e.first < firstMin || e.count < 1 || e.id < 1 {
			if i+1 >= len(list) {
				if e.count == 0 && i > 0 {
					list = list[:len(list)-1]
					continue
				}
				e.first = max(e.first, firstMin)
				if i > 0 && e.first <= list[i-1].first {
					e.first = min(list[i-1].first+1, 1<<31-1)
				}
				e.count = max(e.count, 1)
				e.id = max(e.id, 1)
				continue
			}
			e.first = list[i+1].first - 1
			e.count = list[i+1].count
			e.id = list[i+1].id
		}
	}
	t.stsc = list
	return nil
}

// readStco counts the chunks (mov_read_stco); their offsets are not needed.
func (d *demuxer) readStco(b box) error {
	t, c, err := d.trackBoxHead(b, 8)
	if t == nil || err != nil {
		return err
	}
	c.skip(4)
	entries := int64(c.u32())
	if c.bad || entries == 0 || t.chunkCount != 0 {
		return nil
	}
	size := int64(4)
	if b.typ == "co64" {
		size = 8
	}
	if entries > (d.src.Size()-b.payOff()-8)/size {
		// mov.c reads to the end of the file and fails the header.
		return demuxkit.Errorf(fmtName, b.typ, b.off, container.ErrTruncated, "%d chunk offsets run past the end", entries)
	}
	t.chunkCount = entries
	// The first chunks' offsets: where the first samples are, in the
	// order avformat_find_stream_info reads them.
	n := min(entries, maxHeadSamples)
	if head, err := demuxkit.ReadAt(d.src, b.payOff()+8, n*size, fmtName, b.typ); err == nil {
		for i := int64(0); i < n; i++ {
			if size == 4 {
				t.chunkOffs = append(t.chunkOffs, int64(binary.BigEndian.Uint32(head[i*4:])))
			} else {
				t.chunkOffs = append(t.chunkOffs, int64(binary.BigEndian.Uint64(head[i*8:])))
			}
		}
		t.firstChunk = t.chunkOffs[0]
	}
	return nil
}

// readCtts keeps the first composition offset and the DTS shift that
// negative offsets imply (mov_read_ctts, mov_update_dts_shift).
func (d *demuxer) readCtts(b box) error {
	t, c, err := d.trackBoxHead(b, 8)
	if t == nil || err != nil {
		return err
	}
	c.skip(4)
	entries := int64(c.u32())
	if c.bad || entries == 0 {
		return nil
	}
	if err := d.checkTable(b, b.payOff()+8, entries, 8); err != nil {
		return err // "reached eof, corrupted CTTS atom"
	}
	var i int64
	first := true
	invalid := false
	var shift int64
	_, err = d.forEntries(b.payOff()+8, entries, 8, "ctts", func(e []byte) bool {
		count := int32(binary.BigEndian.Uint32(e))
		dur := int64(int32(binary.BigEndian.Uint32(e[4:])))
		idx := i
		i++
		if count <= 0 {
			return true
		}
		if first {
			t.cttsFirst = dur
			first = false
		}
		for k := int32(0); k < count && len(t.delayOffsets) < maxDelaySamples; k++ {
			t.delayOffsets = append(t.delayOffsets, dur)
		}
		if dur < -(1<<28) && idx+2 < entries {
			invalid = true
			return false
		}
		if idx+2 < entries && dur < 0 {
			if dur == -1<<31 {
				dur++
			}
			shift = max(shift, -dur)
		}
		return true
	})
	if err != nil {
		return err
	}
	if invalid {
		t.cttsFirst, t.hasCtts, t.dtsShift, t.delayOffsets = 0, false, 0, nil
		return nil
	}
	t.hasCtts = !first
	t.dtsShift = shift
	return nil
}

// maxHeadSamples is how many of a track's first samples are located (their
// offsets), for the order avformat_find_stream_info reads packets in.
const maxHeadSamples = 64

// headOffsets returns the offsets of the track's first samples (at most
// maxHeadSamples): from the first chunks, their stsc sample counts and the
// sample sizes, or those of the first fragment samples.
func (t *track) headOffsets() []int64 {
	offs, _ := t.headSamples()
	return offs
}

// headSamples returns the offsets and sizes of the track's first samples
// (headOffsets).
func (t *track) headSamples() (offs, sizes []int64) {
	if t.sampleCount == 0 {
		return t.fragOffs, t.fragSizes
	}
	k := 0  // samples located
	j := -1 // the stsc run of chunk c+1: runs are in chunk order
	for c := range t.chunkOffs {
		for j+1 < len(t.stsc) && t.stsc[j+1].first <= int64(c+1) {
			j++
		}
		per := int64(0)
		if j >= 0 {
			per = t.stsc[j].count
		}
		off := t.chunkOffs[c]
		for i := int64(0); i < per && len(offs) < maxHeadSamples && int64(k) < t.sampleCount; i++ {
			size := t.stszSampleSize
			if size == 0 {
				if k >= len(t.headSizes) {
					return offs, sizes
				}
				size = t.headSizes[k]
			}
			offs = append(offs, off)
			sizes = append(sizes, size)
			off += size
			k++
		}
		if len(offs) >= maxHeadSamples {
			break
		}
	}
	return offs, sizes
}
