package ogg

import (
	"github.com/mediaprobe/mediaprobe/container"
)

const noPTS = container.NoPTS

// length reads the last maxPageSize bytes of the object in one read and
// takes each stream's duration from the granule position of its last page
// there (ogg_get_length). A page of an unknown serial ends the scan, unless
// it replaces the only stream, as in a chained file.
func (d *demux) length() error {
	size := d.src.Size()
	// A source whose allocation limit is below a page gets a smaller
	// window rather than no duration.
	end := max(size-min(maxPageSize, d.src.Budget().MaxAlloc()), 0)
	// The scanner's window takes the tail in one read (none where it
	// already holds it), so every page there is examined with no further
	// read.
	if err := d.scan.ensure(end, size); err != nil {
		return err
	}
	// The tail's own view of the serials: the single stream of a chained
	// file takes each new link's serial here without changing the streams'.
	serials := make(map[uint32]*ostream, len(d.streams))
	for _, os := range d.streams {
		serials[os.serial] = os
	}
	gotData := d.dataSeen()
	for off := end; ; {
		pg, err := d.scan.next(off)
		if err != nil {
			// The end of the object ends the scan, as EOF does; the end of
			// the budget ends the probe.
			return d.src.Budget().Err()
		}
		off = pg.end()
		os := serials[pg.serial]
		if os == nil {
			if !gotData || len(d.streams) != 1 || findCodec(pg.payload) != d.streams[0].codec {
				return nil
			}
			os = d.streams[0]
			clear(serials)
			serials[pg.serial] = os
		}
		gotData = gotData || pg.flags&flagBOS == 0
		if pg.granule != -1 && pg.granule != 0 && os.codec != nil {
			os.duration = gpToPTS(os, pg.granule)
			if s := os.knownStart(); s != noPTS && os.duration != noPTS {
				os.duration -= s
			}
		}
	}
}

// finish sets each stream's start and duration from what the first data
// packet and the tail gave.
func (d *demux) finish() *container.Info {
	for _, os := range d.streams {
		if os.codec == nil {
			continue
		}
		st := os.st
		st.DurationTS = os.duration
		if s := os.knownStart(); s != noPTS {
			// Known before the first packet: the codec rules leave the
			// start and the duration alone.
			st.StartPTS = s
			continue
		}
		if !os.firstSeen {
			continue
		}
		start := os.start
		if start == noPTS {
			// The first packet's time stamp: lastpts starts at 0.
			start = 0
		}
		st.StartPTS = start
		if st.DurationTS != noPTS && (os.adjust == adjustAlways || os.adjust == adjustPositive && st.DurationTS > 0) {
			st.DurationTS -= start
		}
		if st.Type == container.Video && os.analysed < 3 {
			// avformat_find_stream_info estimates avg_frame_rate from the
			// packets after the second that it reads, and it stops
			// reading once every stream has a timestamped packet: a
			// video stream with fewer than three packets by then gets
			// none.
			st.AvgFrameRate = container.Rational{}
		}
	}
	return d.info
}

// knownStart is the start time ogg_read_header sets before any data packet:
// from a skeleton's fisbone start granule, or the fishead of the skeleton
// itself; NoPTS otherwise.
func (os *ostream) knownStart() int64 {
	if os.hasStartGranule {
		return gpToPTS(os, os.startGranule)
	}
	if os.codec == &skeletonMapping {
		return os.start
	}
	return noPTS
}
