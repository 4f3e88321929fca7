package mp4

import (
	"encoding/binary"
	"unsafe"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// elstEntry is one edit: a duration in the movie time scale and a media
// time in the track time scale (-1 for an empty edit).
type elstEntry struct {
	duration, time int64
}

// readElst reads the edit list (mov_read_elst). A count that disagrees
// with the box size is replaced by what the box holds, as mov.c does unless
// strict.
func (d *demuxer) readElst(b box) error {
	t, c, err := d.trackBoxHead(b, 8)
	if t == nil || err != nil {
		return err
	}
	version := c.u8()
	c.skip(3)
	count := int64(c.u32())
	if c.bad {
		return nil
	}
	size := int64(12)
	if version == 1 {
		size = 20
	}
	body := b.payLen() - 8
	if body != count*size {
		count = body / size
	}
	if count <= 0 {
		return nil
	}
	if err := d.src.Budget().Alloc(fmtName, "elst", b.off, count*int64(unsafe.Sizeof(elstEntry{}))); err != nil {
		return err
	}
	list := make([]elstEntry, 0, count)
	_, err = d.forEntries(b.payOff()+8, count, size, "elst", func(e []byte) bool {
		var x elstEntry
		if version == 1 {
			x.duration = int64(binary.BigEndian.Uint64(e))
			x.time = int64(binary.BigEndian.Uint64(e[8:]))
		} else {
			x.duration = int64(binary.BigEndian.Uint32(e))
			x.time = int64(int32(binary.BigEndian.Uint32(e[4:])))
		}
		list = append(list, x)
		return true
	})
	if err != nil {
		return err
	}
	t.elst = list
	return nil
}

// finishTrak is the part of mov_read_trak after the children: the sanity
// checks, the time base, and what mov_build_index and mov_fix_index decide
// for the output (bit rate, start time, duration), computed from the table
// sums instead of a per-sample index.
func (d *demuxer) finishTrak(t *track, b box) error {
	st := t.st
	if t.chunkCount == 0 && t.sttsCount == 0 && len(t.stsc) > 0 {
		t.stsc = nil
	}
	if (t.chunkCount > 0 && (t.sttsCount == 0 || len(t.stsc) == 0 || (t.sampleSize == 0 && t.sampleCount == 0))) ||
		(t.chunkCount == 0 && t.sampleCount > 0) {
		// "missing mandatory atoms, broken header": the stream stays,
		// with the default time base.
		st.DurationTS = t.duration
		return nil
	}
	if len(t.stsc) > 0 && t.stsc[len(t.stsc)-1].first > t.chunkCount {
		return demuxkit.Errorf(fmtName, "stsc", b.off, container.ErrMalformed, "stsc refers to chunk %d of %d", t.stsc[len(t.stsc)-1].first, t.chunkCount)
	}
	if t.timeScale <= 0 {
		t.timeScale = d.timeScale
		if t.timeScale <= 0 {
			t.timeScale = 1
		}
	}
	st.TimeBase = container.Rational{Num: 1, Den: t.timeScale}
	d.buildIndex(t)
	st.DurationTS = t.duration
	if st.Type == container.Video {
		if t.sttsCount == 1 || (t.sttsCount == 2 && t.sttsLastCount == 1) {
			// av_reduce of a zero delta gives 1/0, which counts as set.
			st.RFrameRate = container.Rational{Num: t.timeScale, Den: t.sttsFirstDur}.Reduce(1<<31 - 1)
		}
	}
	return nil
}

// buildIndex summarises mov_build_index: the index it would build is
// described by its first timestamp, its size in samples and its total
// bytes.
func (d *demuxer) buildIndex(t *track) {
	st := t.st
	var timeOffset int64
	if len(t.elst) > 0 {
		editStart := 0
		var emptyDur, startTime int64
		multiple := false
		for i, e := range t.elst {
			switch {
			case i == 0 && e.time == -1:
				emptyDur = e.duration
				editStart = 1
			case i == editStart && e.time >= 0:
				startTime = e.time
			default:
				multiple = true
			}
		}
		if !multiple && !d.advEdits && st.CodecName == "aac" && startTime > 0 {
			// Without advanced edit lists (an option ffprobe leaves on)
			// the media an AAC edit skips is the decoder's start padding.
			t.startPad = startTime
		}
		if (emptyDur != 0 || startTime != 0) && d.timeScale > 0 {
			if emptyDur != 0 {
				emptyDur = container.Rescale(emptyDur, t.timeScale, d.timeScale)
			}
			timeOffset = startTime - emptyDur
		}
	}
	t.timeOffset = timeOffset
	var entries int64
	chunkMode := st.Type == container.Audio && t.sttsCount == 1 && t.sttsFirstDur == 1
	if !chunkMode {
		if t.sampleCount == 0 {
			return
		}
		// The chunks hold the samples in stsc runs; more than stsz
		// declares stops mov_build_index ("wrong sample count") before
		// the bit rate and the edit list are applied.
		var inChunks int64
		for i, e := range t.stsc {
			next := t.chunkCount + 1
			if i+1 < len(t.stsc) {
				next = t.stsc[i+1].first
			}
			chunks := max(next-e.first, 0)
			inChunks += e.count * chunks
			if inChunks > t.sampleCount {
				return
			}
		}
		entries = inChunks
		streamSize := t.dataSize
		if t.stszSampleSize > 0 {
			streamSize = t.stszSampleSize * inChunks
		}
		if t.duration > 0 && t.duration != container.NoPTS {
			st.BitRate = streamSize * 8 * t.timeScale / t.duration
		}
	} else {
		entries = t.chunkCount // at least one index entry per chunk
	}
	t.hasSamples = entries > 0
	if d.advEdits && len(t.elst) > 0 && entries > 0 {
		d.fixIndex(t)
	}
	if st.StartPTS == container.NoPTS && entries > 0 {
		// The first sample's pts: for video mov_build_index sets it, for
		// the others update_initial_timestamps takes the first packet's,
		// if avformat_find_stream_info reads it (finish decides).
		// The first dts is -time_offset without advanced edit lists (and
		// -dts_shift, which the pts adds back), the pts adds ctts[0].
		first := t.cttsFirst
		if !d.advEdits {
			first -= timeOffset
		}
		if st.Type == container.Video {
			st.StartPTS = first
		} else {
			t.pktStart = first
		}
	}
}

// fixIndex applies what mov_fix_index leaves visible to ffprobe: the start
// time is the sum of the leading empty edits, and the duration is at most
// the sum of all edit durations (both in the track time scale).
func (d *demuxer) fixIndex(t *track) {
	if d.timeScale == 0 {
		return
	}
	var empty, total int64
	nonEmpty := false
	for _, e := range t.elst {
		dur := container.Rescale(e.duration, t.timeScale, d.timeScale)
		total += dur
		if !nonEmpty && e.time == -1 {
			empty += dur
			continue
		}
		nonEmpty = true
	}
	t.st.StartPTS = empty
	if t.duration != container.NoPTS {
		t.duration = min(t.duration, total)
	}
}
