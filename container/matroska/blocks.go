package matroska

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Bounds of the first-blocks read.
const (
	// maxFirstFrame is how much of a track's first frame is read: the
	// codec headers are at its start.
	maxFirstFrame = 64 << 10
	// maxScan is how far past the first Cluster blocks are looked for.
	maxScan = 1 << 20
	// maxBlocks bounds the blocks visited.
	maxBlocks = 1024
	// blockHead is what is read of a block to learn its track, timecode,
	// flags and lacing.
	blockHead = 512
)

// readFirstBlocks reads the Clusters from the first one, block header by
// block header, as avformat_find_stream_info reads packets: until every
// stream has what it waits for (see need), within maxScan bytes and
// maxBlocks blocks, a level-1 element other than a Cluster ending the
// read. It notes each track's first timestamp and the start of its first
// frame, and the timestamps of the first video blocks.
func (d *demuxer) readFirstBlocks() {
	if d.clusterPos <= 0 {
		return
	}
	byNum := map[uint64]*track{}
	for _, t := range d.tracks {
		if t.st != nil {
			if _, dup := byNum[t.num]; !dup {
				byNum[t.num] = t
				t.need = initialNeed(t)
			}
		}
	}
	done := func() bool {
		if d.analyzed {
			return true
		}
		for _, t := range byNum {
			if t.count < t.need {
				return false
			}
		}
		return true
	}
	limit := min(d.segEnd, d.clusterPos+maxScan)
	pos := d.clusterPos
	blocks := 0
	defer func() {
		// The read stopped on a bound of its own, not at the end of the
		// clusters or because every stream had what it waited for.
		d.scanBounded = !done() && (blocks >= maxBlocks || pos >= limit && limit < d.segEnd)
	}()
	for pos < limit && !done() && blocks < maxBlocks {
		h, err := d.elemHeader(pos, d.segEnd, "cluster")
		if err != nil || h.id != idCluster {
			return
		}
		clusterTime := ^uint64(0)
		cpos := h.data
		end := h.end()
		for cpos < end && cpos < limit && !done() && blocks < maxBlocks {
			if d.src.Budget().Visit(name, "cluster", cpos) != nil {
				return
			}
			c, err := d.elemHeader(cpos, end, "cluster")
			if err != nil {
				return
			}
			if h.unknown && (c.id == idCluster || isLevel1(c.id)) {
				// The end of an unknown-size cluster.
				end = cpos
				break
			}
			switch c.id {
			case idClusterTime:
				if c.size <= 8 {
					if b, err := demuxkit.ReadAt(d.src, c.data, c.size, name, "cluster timecode"); err == nil {
						clusterTime, _ = uintVal(b)
					}
				}
			case idSimpleBlock:
				blocks++
				d.block(c, clusterTime, byNum)
			case idBlockGroup:
				bpos := c.data
				for bpos < c.end() {
					b, err := d.elemHeader(bpos, c.end(), "block group")
					if err != nil {
						break
					}
					if b.id == idBlock {
						blocks++
						d.block(b, clusterTime, byNum)
					}
					bpos = b.end()
				}
			}
			if c.unknown {
				return
			}
			cpos = c.end()
		}
		if h.unknown {
			pos = end
		} else {
			pos = h.end()
		}
	}
}

// fpsFrames is fps_analyze_framecount for a 1/1000 time base (20, doubled
// for a time base above 0.5 ms): the packets find_stream_info waits for
// when the demuxer set no frame rates, the time base being unreliable.
const fpsFrames = 40

// maxAnalyzeDuration is find_stream_info's max_analyze_duration for a
// format other than MPEG-PS/TS, in microseconds: it stops reading when a
// stream's packets span this long.
const maxAnalyzeDuration = 5000000

// maxTimes is how many block timestamps of a video track are kept.
const maxTimes = fpsFrames + 2

// initialNeed is how many packets find_stream_info reads of a track
// before its first frame tells more: all it can for a codec FFmpeg does
// not know (has_codec_parameters fails for it), none for a subtitle (PGS
// excepted, whose size comes from a decoded packet), one otherwise.
func initialNeed(t *track) int {
	if t.st.CodecName == "" {
		return math.MaxInt32
	}
	if t.st.Type == container.Subtitle && t.st.CodecName != "hdmv_pgs_subtitle" {
		return 0
	}
	return 1
}

// videoNeed is what a video stream waits for once its first frame is
// described: fpsFrames packets and one when the demuxer set no frame
// rates; for H.264, decoded frames enough to guess the decoding delay
// (has_decode_delay_been_guessed's counts, which its decoder's output
// delay of has_b_frames frames postpones), and the packet after them,
// which gets the first guessed timestamp.
func videoNeed(t *track) int {
	st := t.st
	n := 1
	if !(st.RFrameRate.Valid() && st.AvgFrameRate.Valid()) {
		n = fpsFrames + 1
	}
	if st.CodecName == "h264" {
		switch {
		case st.HasBFrames < 3:
			n = max(n, 8+st.HasBFrames)
		case st.HasBFrames < 4:
			n = max(n, 19+st.HasBFrames)
		default:
			n = max(n, 21+st.HasBFrames)
		}
	}
	if st.CodecName == "hevc" && st.HasBFrames > 0 {
		// The first guessed decoding timestamp, and so the start, comes
		// with the packet after has_b_frames of them.
		n = max(n, st.HasBFrames+1)
	}
	return n
}

// block reads one Block or SimpleBlock (matroska_parse_block): the
// track's first timestamp and frame, and the timestamps of video blocks.
func (d *demuxer) block(h header, clusterTime uint64, byNum map[uint64]*track) {
	n := min(h.size, blockHead)
	head, err := demuxkit.ReadScratch(d.src, &d.scratch, h.data, n, name, "block")
	if err != nil {
		return
	}
	num, k := readVint(head, 8)
	if k == 0 || len(head) < k+3 {
		return
	}
	t := byNum[num]
	if t == nil {
		return
	}
	blockTime := int64(int16(uint16(head[k])<<8 | uint16(head[k+1])))
	flags := head[k+2]
	pts := container.NoPTS
	if clusterTime != ^uint64(0) && (blockTime >= 0 || clusterTime >= uint64(-blockTime)) {
		c := float64(clusterTime) / t.timeScale
		if c >= 0 && c < 1<<62 {
			pts = int64(uint64(c)) + blockTime - t.codecDelayTB
		}
	}
	t.count++
	if pts != container.NoPTS && t.firstPTS != container.NoPTS && t.st.TimeBase.Den > 0 &&
		container.RescaleQ(pts-t.firstPTS, t.st.TimeBase, container.TimeBaseMicro) >= maxAnalyzeDuration {
		// max_analyze_duration reached: find_stream_info stops reading.
		d.analyzed = true
	}
	if t.st.Type == container.Video && len(t.times) < maxTimes && pts != container.NoPTS {
		t.times = append(t.times, pts)
	}
	if t.seen {
		return
	}
	t.seen = true
	t.firstPTS = pts
	defer d.describe(t)
	// The first frame: after the lacing header, the first lace.
	off := int64(k + 3)
	size := h.size - off
	if lacing := flags & 0x06; lacing != 0 && size > 0 {
		lace, hdr := firstLace(head[off:], int(lacing>>1), size)
		if hdr < 0 {
			return
		}
		off += int64(hdr)
		size = lace
	}
	if size <= 0 {
		return
	}
	frame, err := demuxkit.ReadAt(d.src, h.data+off, min(size, maxFirstFrame), name, "first frame")
	if err != nil {
		return
	}
	if t.encodings == 1 && t.encType == 0 && t.encScope&1 != 0 {
		switch t.compAlgo {
		case 3: // header stripping: the stripped bytes come first
			frame = append(append([]byte(nil), t.compSettings...), frame...)
		case 0: // zlib
			frame = d.inflate(frame, h.data+off)
		}
	}
	t.first = frame
	t.firstSize = size
}

// firstLace returns the size of the first lace of a laced block and the
// size of the lacing header, from b (the block after its flags) and the
// size of the rest of the block; hdr is -1 when the lacing is invalid.
func firstLace(b []byte, typ int, size int64) (lace int64, hdr int) {
	if len(b) < 1 {
		return 0, -1
	}
	laces := int64(b[0]) + 1
	switch typ {
	case 1: // Xiph: laces-1 sizes, each a run of 255s and a last byte
		i := 1
		var first int64 = -1
		for l := int64(0); l < laces-1; l++ {
			var v int64
			for {
				if i >= len(b) {
					return 0, -1
				}
				v += int64(b[i])
				i++
				if b[i-1] != 0xff {
					break
				}
			}
			if first < 0 {
				first = v
			}
		}
		if first < 0 {
			return 0, -1
		}
		return first, i
	case 2: // fixed size
		rest := size - 1
		if rest%laces != 0 {
			return 0, -1
		}
		return rest / laces, 1
	case 3: // EBML: the first size, then laces-2 signed differences
		v, n := readVint(b[1:], 8)
		if n == 0 || laces < 2 {
			return 0, -1
		}
		i := 1 + n
		for l := int64(0); l < laces-2; l++ {
			_, m := readVint(b[i:], 8)
			if m == 0 {
				return 0, -1
			}
			i += m
		}
		return int64(v), i
	}
	return 0, -1
}

// maxInflate is how much of a zlib-compressed first frame is inflated:
// the codec headers are at its start.
const maxInflate = 64 << 10

// inflate decompresses the start of a zlib-compressed frame
// (matroska_decode_buffer), at most maxInflate bytes, charged to the
// budget; what inflates before an error is kept, nil when nothing does.
func (d *demuxer) inflate(b []byte, off int64) []byte {
	if err := d.src.Budget().Inflate(name, "compressed frame", off, maxInflate); err != nil {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	defer zr.Close()
	out, _ := io.ReadAll(io.LimitReader(zr, maxInflate))
	if len(out) == 0 {
		return nil
	}
	return out
}
