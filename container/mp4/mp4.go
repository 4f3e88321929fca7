package mp4

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/av1"
	"github.com/mediaprobe/mediaprobe/codec/dnxhd"
	"github.com/mediaprobe/mediaprobe/codec/dts"
	"github.com/mediaprobe/mediaprobe/codec/ffv1"
	"github.com/mediaprobe/mediaprobe/codec/h263"
	"github.com/mediaprobe/mediaprobe/codec/h264"
	"github.com/mediaprobe/mediaprobe/codec/hevc"
	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/codec/mlp"
	"github.com/mediaprobe/mediaprobe/codec/mpeg4"
	"github.com/mediaprobe/mediaprobe/codec/mpegvideo"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/codec/prores"
	"github.com/mediaprobe/mediaprobe/codec/vp9"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// Demuxer returns the demuxer that reads QuickTime / MOV files and the ISO base media family (mp4,
// m4a, 3gp, 3g2, mj2), as libavformat/mov.c does.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       formatName,
		LongName:   formatLongName,
		Extensions: "mov,mp4,m4a,3gp,3g2,mj2,psp,m4b,ism,ismv,isma,f4v,avif,heic,heif",
		Probe:      probe,
		Read:       read,
	}
}

const (
	fmtName        = "mp4" // the prefix of our errors
	formatName     = "mov,mp4,m4a,3gp,3g2,mj2"
	formatLongName = "QuickTime / MOV"
)

// demuxer is the state of one Read, what MOVContext holds in mov.c.
type demuxer struct {
	src  container.Source
	info *container.Info

	isom      bool   // ftyp major brand is not "qt  "
	compat    string // compatible brands, as the ftyp lists them
	haveFtyp  bool
	timeScale int64 // mvhd
	duration  int64 // mvhd, in timeScale
	movieMtx  [9]int64

	foundMoov, foundMdat bool
	fragComplete         bool // a complete sidx: stop at the first mdat

	tracks   []*track
	byID     map[int64]*track // the first track of each tkhd id
	cur      *track           // the trak being read (trak_index)
	trex     []trex
	trexByID map[int64]int // the first trex of each track id
	scratch  []byte        // the buffer sample tables are read through
	frag     fragment
	advEdits bool // the advanced_editlist option: on (FFmpeg 5.1 keeps it on for fragmented files)

	itunes   bool // inside ilst (itunes_metadata)
	mdtaHdlr bool // a meta hdlr of type mdta (found_hdlr_mdta)
	metaKeys []string
	chapters box // the last tref/chap box, read once the tracks are known
	depth    int

	moovRetry bool // second root pass: a free box may hold the moov
}

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	d := &demuxer{src: src, info: container.NewInfo(formatName, formatLongName), advEdits: true,
		byID: map[int64]*track{}, trexByID: map[int64]int{}}
	d.info.Format.Size = src.Size()
	if start < 0 || start > src.Size() {
		start = 0
	}
	if err := d.readRoot(start); err != nil {
		// mov_read_header failed: ffprobe shows nothing for the file.
		return nil, err
	}
	if !d.foundMoov {
		// A second pass looks for a moov hidden in a free box
		// (mov_read_header's moov_retry).
		d.moovRetry = true
		if err := d.readRoot(start); err != nil {
			return nil, err
		}
	}
	if !d.foundMoov {
		return nil, demuxkit.Errorf(fmtName, "moov", start, container.ErrMalformed, "moov atom not found")
	}
	if err := d.finish(); err != nil {
		return nil, err
	}
	return d.info, nil
}

// readRoot walks the top-level boxes as mov_read_header's root
// mov_read_default: ftyp, moov, the fragments (moof, sidx) and top-level
// meta/udta. It reads only box headers elsewhere (mdat is never read).
func (d *demuxer) readRoot(start int64) error {
	size := d.src.Size() - start
	return walk(d.src, d.src.Budget(), start, size, func(b box) error {
		if err := d.parseBox(b, "root"); err != nil {
			return err
		}
		if d.foundMoov && d.foundMdat && d.fragComplete {
			// mov_read_default stops after any root box once moov and
			// mdat are known and the fragment index is complete (a sidx
			// reaching the end): later fragments are not read.
			return errStop
		}
		return nil
	})
}

// children walks the boxes inside b with parent type parent, as
// mov_read_default does for container atoms.
func (d *demuxer) children(b box, parent string) error {
	return d.childrenAt(b.payOff(), b.payLen(), parent)
}

func (d *demuxer) childrenAt(off, n int64, parent string) error {
	if d.depth >= maxDepth {
		return nil
	}
	d.depth++
	defer func() { d.depth-- }()
	return walk(d.src, d.src.Budget(), off, n, func(c box) error {
		if parent != "root" && parent != "moov" && (c.typ == "trak" || c.typ == "mdat") {
			// "Broken file, trak/mdat not at top-level": the level ends.
			return errStop
		}
		return d.parseBox(c, parent)
	})
}

// payload reads the payload of b, refusing what the allocation limit does
// not allow. Leaf boxes are small; the sample tables are the exception and
// are read in chunks by their own readers.
func (d *demuxer) payload(b box) ([]byte, error) {
	return demuxkit.ReadAt(d.src, b.payOff(), b.payLen(), fmtName, b.typ)
}

// parseBox dispatches one box as mov_default_parse_table does.
func (d *demuxer) parseBox(b box, parent string) error {
	if (b.typ == "hoov" || b.typ == "free" && d.moovRetry) && b.payLen() >= 8 {
		// "Detected moov in a free or hoov atom": a payload opening
		// with an mvhd or cmov box is read as the moov.
		if p, err := demuxkit.ReadAt(d.src, b.payOff()+4, 4, fmtName, b.typ); err == nil &&
			(string(p) == "mvhd" || string(p) == "cmov") {
			b.typ = "moov"
		}
	}
	switch b.typ {
	case "ftyp":
		return d.readFtyp(b)
	case "moov":
		if d.foundMoov {
			return nil // "Found duplicated MOOV Atom. Skipped it"
		}
		err := d.children(b, "moov")
		d.foundMoov = true
		return err
	case "mdat":
		if b.payLen() > 0 {
			d.foundMdat = true
		}
		return nil
	case "mvhd":
		return d.readMvhd(b)
	case "trak":
		return d.readTrak(b)
	case "tkhd":
		return d.readTkhd(b)
	case "mdhd":
		return d.readMdhd(b)
	case "hdlr":
		return d.readHdlr(b)
	case "mdia", "minf", "stbl", "dinf", "edts", "mvex", "traf", "tref", "udta", "sinf", "schi":
		return d.children(b, b.typ)
	case "elst":
		return d.readElst(b)
	case "stsd":
		return d.readStsd(b)
	case "stts":
		return d.readStts(b)
	case "stsz", "stz2":
		return d.readStsz(b)
	case "stsc":
		return d.readStsc(b)
	case "stco", "co64":
		return d.readStco(b)
	case "ctts":
		return d.readCtts(b)
	case "meta":
		return d.readMeta(b)
	case "ilst":
		d.itunes = true
		err := d.children(b, "ilst")
		d.itunes = false
		return err
	case "keys":
		if d.mdtaHdlr && parent == "meta" && len(d.metaKeys) == 0 {
			return d.readKeys(b)
		}
		return nil
	case "----":
		return d.readCustom(b)
	case "chap":
		return d.readChap(b)
	case "tmcd":
		return d.readTmcdRef(b)
	case "trex":
		return d.readTrex(b)
	case "moof":
		return d.readMoof(b)
	case "tfhd":
		return d.readTfhd(b)
	case "tfdt":
		return d.readTfdt(b)
	case "trun":
		return d.readTrun(b)
	case "sidx":
		return d.readSidx(b)
	case "pssh":
		return d.readPssh(b)
	}
	if parent == "udta" || parent == "ilst" {
		return d.readUdtaString(b)
	}
	return nil
}

// finish applies what mov_read_header and avformat_find_stream_info do once
// every box is read: fragment bit rates, start times from the first
// packet, frame rates, and the fields the decoders report.
func (d *demuxer) finish() error {
	if err := d.markChapters(); err != nil {
		return err
	}
	d.timecodes()
	readUpTo := d.packetsReadUpTo()
	for _, t := range d.tracks {
		st := t.st
		if st.Type == container.Subtitle && (st.Width <= 0 || st.Height <= 0) {
			st.Width, st.Height = int(t.width), int(t.height)
		}
		if st.Type == container.Subtitle && st.CodecName == "dvd_subtitle" && st.ExtradataSize == 64 {
			st.ExtradataSize = dvdSubExtradataSize(st.Width, st.Height)
		}
		// A broken trak keeps avformat_new_stream's time base but is
		// otherwise finished like the others.
		st.DurationTS = t.duration
		if len(d.trex) > 0 && t.duration > 0 && t.duration != container.NoPTS {
			st.BitRate = container.Rescale(t.dataSize, t.timeScale*8, t.duration)
		}
		read := (st.Type == container.Audio || st.Type == container.Video || t.firstChunk <= readUpTo) &&
			t.firstChunk < d.src.Size() // a packet past the end is never read
		fromPacket := st.StartPTS == container.NoPTS && read // update_initial_timestamps sets it
		if st.StartPTS == container.NoPTS && t.pktStart != container.NoPTS && read {
			st.StartPTS = t.pktStart
		}
		if st.StartPTS == container.NoPTS && t.firstPTS != container.NoPTS && read {
			// A fragment's first sample gives the start time only
			// through the packet avformat_find_stream_info reads.
			st.StartPTS = t.firstPTS + t.dtsShift
		}
		if st.Type == container.Video && t.framesForFps > 0 && t.durForFps > 0 {
			st.AvgFrameRate = container.Rational{Num: t.timeScale * t.framesForFps, Den: t.durForFps}.Reduce(1<<31 - 1)
		}
		if st.Type == container.Video {
			// r_frame_rate counts as set once its numerator is (an stts
			// of zero deltas sets 1/0).
			if st.RFrameRate.Num == 0 && t.hasSamples && len(t.deltas) > 0 {
				// ff_rfps_calculate over the first index entries, or for
				// fragments over the first packets find_stream_info reads.
				var info int64
				deltas := t.deltas
				if t.fragDeltas {
					if n := d.wholeFragSamples(t); n < len(deltas) {
						// The object ends first: the packets read are
						// those it holds whole, n-1 intervals.
						deltas = deltas[:max(n-1, 0)]
					} else if int64(len(deltas)) == t.framesForFps {
						// All the packets are read: the last one's
						// duration is no interval between two of them.
						deltas = deltas[:len(deltas)-1]
					}
					for _, d := range deltas {
						info += d
					}
				}
				if r, avg, ok := rfps.Guess(deltas, -t.dtsShift, st.TimeBase, info); ok {
					st.RFrameRate = r
					if avg && !st.AvgFrameRate.Valid() {
						st.AvgFrameRate = r
					}
				}
			}
			// mov_read_header attaches the tkhd matrix to video streams
			// after the side data read with the boxes (dvcC, pssh).
			if t.matrix != nil {
				st.AddSideData(container.DisplayMatrix{Matrix: *t.matrix})
			}
			t.video.attach(st)
			decoderRate := d.describeVideo(t)
			if st.AvgFrameRate.Num == 0 && t.hasSamples && t.durForFps == 0 {
				st.AvgFrameRate = d.zeroDurationAvg(t)
			}
			if st.CodecName == "h264" && t.hasCtts && (!t.fragCtts || !t.h264Restricted && st.PixFmt != "") {
				// The reordering the composition offsets show, which the
				// decoder's own delay can only raise: mov_build_index
				// sets it from ctts (mov_estimate_video_delay); for
				// fragments the decoder finds it as pictures arrive out
				// of order ("Increasing reorder buffer"), unless the SPS
				// fixes it with a bitstream restriction.
				st.HasBFrames = max(st.HasBFrames, videoDelay(t.delayDeltas, t.delayOffsets))
			}
			if st.RFrameRate.Num == 0 && st.TimeBase.Num > 0 {
				// avformat_find_stream_info's last resort: the frame
				// rate the decoder set when it opened, unless it is
				// finer than the stream time base, whose ticks are
				// used then.
				tick := container.Rational{Num: st.TimeBase.Den, Den: st.TimeBase.Num}
				if decoderRate.Valid() && decoderRate.Num*tick.Den <= tick.Num*decoderRate.Den {
					st.RFrameRate = decoderRate
				} else {
					st.RFrameRate = tick
				}
			}
		}
		if st.Type != container.Audio {
			continue
		}
		// mov_read_header: an audio stream takes the Replay Gain of the
		// file's tags (ff_replaygain_export of s->metadata), after the
		// side data of its boxes (dac3).
		st.ExportReplayGain(container.ReplayGainFromTags(d.info.Format.Tags))
		switch st.CodecName {
		case "ac3":
			// The AC-3 parser reports the frame header's nominal rate (it
			// leaves E-AC-3's alone).
			if t.ac3BitRate > 0 {
				st.BitRate = t.ac3BitRate
			}
			// The decoder reports the frame's bsmod as its audio service
			// type, from which avformat_find_stream_info sets the
			// disposition; dac3 repeats the bsmod of the frames.
			if ast, ok := container.SideDataOf[container.AudioServiceType](st); ok && t.hasSamples {
				if disp, ok := ast.Type.Disposition(); ok {
					st.Disposition = disp
				}
			}
		case "eac3":
			// The E-AC-3 decoder reports what the first packet's frames
			// say (ac3_decode_frame): their rate, added up over an
			// independent frame and its dependent frames, and their
			// layout.
			if b := d.firstPacket(t, maxAC3Packet); b != nil {
				if p, err := ac3.ParsePacket(b); err == nil {
					p.Describe(st)
				}
			}
		case "mp1", "mp2", "mp3":
			d.mpegAudioHeader(t)
		case "dts":
			// The decoder reports what the first packet holds: DTS-HD
			// Master Audio's lossless sample format and width, and no
			// bit rate for a frame with extensions.
			if b := d.firstPacket(t, maxDTSPacket); b != nil {
				if f, err := dts.ParseFrame(b); err == nil {
					f.Describe(st)
				}
			}
		case "truehd", "mlp":
			// The decoder's sample format and width come from the major
			// sync of the first access unit, which dmlp does not repeat.
			if b := d.firstPacket(t, maxMLPHeader); b != nil {
				if m, err := mlp.ParseAccessUnit(b); err == nil {
					m.Describe(st)
				}
			}
		case "aac":
			// The profile comes from the decoder, which needs a packet
			// (not one past the end of a truncated file).
			if t.hasASC && t.hasSamples && t.firstChunk < d.src.Size() {
				st.Profile = t.asc.Profile()
			}
			// mov_read_header makes the start padding the samples the
			// decoder skips, and update_initial_timestamps adds them to
			// the first packet's time, when the start time is that
			// packet's (mov_fix_index sets it with an edit list).
			if t.startPad > 0 && fromPacket && st.StartPTS != container.NoPTS && st.SampleRate > 0 && st.TimeBase.Num > 0 {
				st.StartPTS += container.RescaleQ(t.startPad, container.Rational{Num: 1, Den: int64(st.SampleRate)}, st.TimeBase)
			}
		}
		if st.BitRate == 0 {
			// avcodec_open2 gives PCM-like codecs their nominal rate
			// (get_bit_rate: sample rate x channels x bits per sample).
			if bps := codec.BitsPerSample(st.CodecName); bps > 0 && st.SampleRate > 0 && st.Channels > 0 &&
				int64(st.Channels) <= (1<<62)/int64(st.SampleRate)/int64(bps) {
				st.BitRate = int64(st.SampleRate) * int64(st.Channels) * int64(bps)
			}
		}
	}
	return nil
}

// zeroDurationAvg is the avg_frame_rate avformat_find_stream_info
// measures on a video track whose samples all last 0 ticks. mov_read_packet
// gives the last packet what remains of the track duration; the others
// take the frame duration compute_pkt_fields derives from the h264
// parser's frame rate (the SPS timing), or none for the other codecs. The
// first two packets are not counted, and the count stops at the analysis
// limit (5 s).
func (d *demuxer) zeroDurationAvg(t *track) container.Rational {
	st := t.st
	tb := st.TimeBase
	n := t.framesForFps
	if t.sampleCount > 0 {
		n = t.sampleCount
	}
	if tb.Num <= 0 || tb.Den <= 0 || n < 3 || st.CodecName == "mpeg1video" || st.CodecName == "mpeg2video" {
		return container.Rational{}
	}
	var pd int64 // the duration compute_pkt_fields gives a packet
	if st.CodecName == "h264" && t.config != nil {
		if p, _ := h264.ParseExtradata(t.config); p != nil && p.Active() != nil {
			if fr, ok := p.Active().FrameRate(); ok && fr.Den*1000 > fr.Num && fr.Num*tb.Num > 0 {
				pd = fr.Den * tb.Den / (fr.Num * tb.Num)
			}
		}
	}
	last := st.DurationTS
	if last <= 0 || last == container.NoPTS {
		last = pd
	}
	const limit = 5 * 1000000 // max_stream_analyze_duration, in µs
	var span, frames int64
	for i := int64(3); i <= n; i++ {
		if container.Rescale(span, tb.Num*1000000, tb.Den) >= limit {
			break
		}
		dur := pd
		if i == n {
			dur = last
		}
		if dur > 0 {
			span += dur
			frames++
		}
		if pd <= 0 && i < n {
			i = n - 1 // only the last packet has a duration
		}
	}
	return rfps.Average(frames, span, tb)
}

// dvdSubExtradataSize is the length of the text mov_rewrite_dvd_sub_extradata
// makes of a VobSub track's 64-byte palette: "size: WxH\n" when both are
// known, then "palette: " and the 16 colours as six hexadecimal digits
// separated by ", ", and a newline.
func dvdSubExtradataSize(w, h int) int {
	n := len("palette: ") + 16*6 + 15*len(", ") + 1
	if w > 0 && h > 0 {
		n += len(fmt.Sprintf("size: %dx%d\n", w, h))
	}
	return n
}

// packetsReadUpTo estimates how far into the object
// avformat_find_stream_info reads packets, which it does in file order
// (mov_find_next_sample, for samples less than a second apart): the
// subtitle and data tracks whose first sample lies before that get their
// start time from it; the others take the format's start and duration
// (fill_all_stream_timings). It reads none when every stream has its
// parameters (has_codec_parameters) and none waits for a first timestamp:
// audio and video always wait, a subtitle stream with a codec and a data
// stream do not. It reads until it has the first packet of every audio
// and video track, the one estimated here, and on to the probe limits
// while a stream of another type has no known codec.
func (d *demuxer) packetsReadUpTo() int64 {
	upTo := int64(-1)
	for _, st := range d.info.Streams {
		if st.CodecName == "" && st.Type != container.Data && st.Type != container.Audio && st.Type != container.Video {
			return math.MaxInt64
		}
	}
	for _, t := range d.tracks {
		st := t.st
		if (st.Type != container.Audio && st.Type != container.Video) || !t.hasSamples {
			continue
		}
		if st.CodecName == "" {
			return math.MaxInt64 // "unknown codec": read to the limits
		}
		// An audio stream is done with its first packet. A video stream
		// needs a decoded picture, a few packets with reordering; and
		// without the container's r_frame_rate and avg_frame_rate, the
		// intervals of fps_analyze_framecount packets (20, 40 for a
		// coarse time base).
		need := 1
		if st.Type == container.Video {
			if t.hasCtts {
				need += 2
			}
			if st.RFrameRate.Num == 0 || t.framesForFps == 0 || t.durForFps == 0 {
				need = 21
				if st.TimeBase.Num > 0 && st.TimeBase.Den < 2000*st.TimeBase.Num {
					need = 41
				}
			}
		}
		offs := t.headOffsets()
		if len(offs) == 0 {
			continue
		}
		if len(offs) < need && int64(len(offs)) < maxHeadSamples {
			return math.MaxInt64 // the track ends first: read to the end
		}
		upTo = max(upTo, offs[min(need, len(offs))-1])
	}
	if upTo < 0 && len(d.info.Streams) > len(d.tracks) {
		upTo = math.MaxInt64 // a cover's packet is queued: packets are read
	}
	return upTo
}

// readChap notes where the chapter track references of a tref are
// (mov_read_chap; the last chap box wins). They are read in finish, once
// every track is known, and matched through the id map: a box of millions
// of references costs one pass over its bytes and no memory.
func (d *demuxer) readChap(b box) error {
	d.chapters = b
	return nil
}

// markChapters applies mov_read_chapters to the tracks the chap box names:
// a video chapter track is a timed thumbnail, any other becomes binary
// data.
func (d *demuxer) markChapters() error {
	b := d.chapters
	if b.typ == "" {
		return nil
	}
	_, err := d.forEntries(b.payOff(), b.payLen()/4, 4, "chap", func(e []byte) bool {
		t := d.trackByID(int64(binary.BigEndian.Uint32(e)))
		if t == nil {
			return true
		}
		if t.st.Type == container.Video {
			t.st.Disposition |= container.DispositionAttachedPic | container.DispositionTimedThumbnails
		} else {
			t.st.Type = container.Data
			t.st.CodecName = "bin_data"
		}
		return true
	})
	return err
}

// maxCodecConfig bounds the codec configuration boxes kept for a decoder
// (av1C): real ones are tens of bytes.
const maxCodecConfig = 64 << 10

// maxFirstPacket bounds what is read of a first packet whose headers a
// decoder needs: the sequence and frame headers of a temporal unit come
// first in it.
const maxFirstPacket = 4 << 10

// maxJPEGHeader bounds what is read of a first motion JPEG frame: its
// quantisation and Huffman tables and application segments come before
// the frame header.
const maxJPEGHeader = 16 << 10

// The bytes of a first audio packet the decoder's headers can take: a
// DTS frame with its extension substream (DCA_MAX_FRAME_SIZE plus
// DCA_MAX_EXSS_HEADER_SIZE) and a TrueHD access unit header with the
// longest major sync.
const (
	maxAC3Packet = 32768 // AC3_FRAME_BUFFER_SIZE
	maxDTSPacket = 16384 + 4096
	maxMLPHeader = 4 + 28 + 2 + 2*15
)

// firstPacket reads the start of the track's first sample, at most max
// bytes, or returns nil when the track has none or it cannot be read.
func (d *demuxer) firstPacket(t *track, max int64) []byte {
	if t.firstChunk <= 0 || !t.hasSamples || t.firstSize <= 0 {
		return nil
	}
	n := min(t.firstSize, max)
	b, err := demuxkit.ReadAt(d.src, t.firstChunk, n, fmtName, "first packet")
	if err != nil {
		return nil
	}
	return b
}

// describeVideo lets the codec fill what FFmpeg's decoder reports once
// opened with the track's configuration record (its extradata) and, where
// the decoder needs one, the first packet. It runs after the boxes
// (pasp, colr, fiel) have set the container's values, which the codec
// keeps or replaces as the decoder does. ffprobe passes over what it
// cannot read, and so does this: the stream keeps what was set.
func (d *demuxer) describeVideo(t *track) (decoderRate container.Rational) {
	st := t.st
	switch st.CodecName {
	case "h264":
		// FFmpeg's H.264 decoder exports the parameter sets' fields when
		// it decodes a picture, not when it opens: a track without
		// samples (an init segment), or whose first sample lies past the
		// end of the object, keeps the container's.
		if t.config != nil || t.format == "avc1" {
			p, _ := h264.ParseExtradata(t.config)
			pkt := d.firstPacket(t, maxFirstPacket)
			if !t.hasSamples || t.firstChunk >= d.src.Size() || t.firstSize > d.src.Size()-t.firstChunk ||
				p.IsAVC && d.h264Garbled(t, p.NALLengthSize) {
				// Nor does it from a first packet the object cuts short.
				// Nor does it when the first packets hold no NAL unit.
				// Its options, read from the extradata, are set.
				st.DecoderOptions = container.H264Options{IsAVC: p.IsAVC, NALLengthSize: p.NALLengthSize}
				break
			}
			p.Fill(st)
			if s := p.Active(); s != nil {
				_, t.h264Restricted = s.HasBFrames()
				// The parser and the decoder set the VUI's frame rate.
				if r, ok := s.FrameRate(); ok {
					decoderRate = r
				}
			}
			if p.IsAVC && st.FieldOrder == "" {
				// The parser reads it from the first pictures.
				if order := p.PictureFieldOrder(pkt, p.NALLengthSize); order != "" {
					st.FieldOrder = order
				}
			}
		}
	case "hevc":
		if t.config != nil {
			// The HEVC decoder exports them, and the VUI's frame rate,
			// as it opens.
			if x, _ := hevc.ParseExtradata(t.config); x != nil {
				_ = x.Describe(st)
				decoderRate = x.FrameRate()
			}
		}
	case "av1":
		tu, _ := av1.Describe(st, t.config, d.firstPacket(t, maxFirstPacket))
		if st.ExtradataSize == 0 && tu != nil {
			// An empty av1C (an empty_moov init segment):
			// avformat_find_stream_info has extract_extradata take the
			// sequence header from the first packet.
			st.ExtradataSize = tu.ExtradataSize
		}
	case "vp9":
		if h, _ := vp9.ParseHeader(d.firstPacket(t, maxFirstPacket)); h != nil {
			h.FillStream(st)
		}
	case "mpeg4":
		b := t.config
		if len(b) == 0 {
			b = d.firstPacket(t, maxFirstPacket)
		}
		if c, _ := mpeg4.Parse(b); c != nil {
			c.Fill(st)
		}
	case "mpeg1video", "mpeg2video":
		// The decoder reads the extradata's sequence header, then the
		// first packet's headers up to its first slice.
		pkt := d.firstPacket(t, maxFirstPacket)
		if st.ExtradataSize == 0 {
			// avformat_find_stream_info has extract_extradata take the
			// sequence headers from the first packet.
			st.ExtradataSize = mpegvideo.ExtradataSize(pkt)
		}
		b := append(append([]byte(nil), t.config...), pkt...)
		if h, _ := mpegvideo.Parse(b); h != nil {
			h.Fill(st)
		}
	case "h263":
		if h, _ := h263.ParsePictureHeader(d.firstPacket(t, maxFirstPacket)); h != nil {
			h.Fill(st)
		}
	case "mjpeg":
		// Tables (DQT, DHT) and an APPn come before the frame header.
		_ = jpeg.DescribeFrame(st, d.firstPacket(t, maxJPEGHeader), int(min(t.firstSize, 1<<31-1)))
	case "png":
		// Each sample is a PNG image, whose header chunks the decoder
		// reads as it does a cover's.
		sar := st.SampleAspectRatio
		_ = picture.DescribeBytes(st, d.firstPacket(t, maxJPEGHeader), "image/png")
		if sar.Valid() {
			st.SampleAspectRatio = sar // pasp, which ffprobe prefers to pHYs
		}
	case "prores":
		_ = prores.Describe(st, d.firstPacket(t, maxFirstPacket), int(min(t.firstSize, 1<<31-1)))
	case "ffv1":
		// The configuration record is the glbl box.
		ffv1.Describe(st, t.config, d.firstPacket(t, maxFirstPacket))
	case "dnxhd":
		_ = dnxhd.Describe(st, d.firstPacket(t, maxFirstPacket), int(min(t.firstSize, 1<<31-1)))
	case "dvvideo":
		// The decoder's profile, from the first frame's header DIF
		// block and VAUX source pack.
		if pf := codec.DVPixFmt(d.firstPacket(t, maxFirstPacket), int(min(t.firstSize, 1<<31-1)), st.CodecTag, st.Width, st.Height); pf != "" {
			st.PixFmt, st.ChromaLocation = pf, "topleft"
		}
	default:
		if t.hasSamples {
			describePixFmt(st, t.format, t.depth, t.config)
		}
	}
	return decoderRate
}

// wholeFragSamples counts the track's first fragment samples that lie
// whole inside the object (of those located), the packets
// avformat_find_stream_info can read before the end of a cut file.
func (d *demuxer) wholeFragSamples(t *track) int {
	for i, off := range t.fragOffs {
		if off < 0 || off > d.src.Size() || t.fragSizes[i] > d.src.Size()-off {
			return i
		}
	}
	return math.MaxInt
}

// h264Garbled tells whether none of the track's first packets opens with
// a NAL unit the decoder can split off: a length that fits in the packet
// and a header with its forbidden bit clear and a type from 1 to 23. Such
// packets (samples located at the wrong offsets, in a file whose boxes
// were moved) give no picture. Their first bytes are read; a track whose
// packets cannot be located is not garbled.
func (d *demuxer) h264Garbled(t *track, nalLengthSize int) bool {
	const packets = 3
	offs, sizes := t.headSamples()
	if len(offs) == 0 || nalLengthSize < 1 || nalLengthSize > 4 {
		return false
	}
	n := int64(nalLengthSize)
	for i := 0; i < len(offs) && i < packets; i++ {
		if offs[i] < 0 || offs[i] > d.src.Size()-n-1 {
			return false
		}
		b, err := demuxkit.ReadAt(d.src, offs[i], n+1, fmtName, "h264 packet")
		if err != nil {
			return false
		}
		var l int64
		for _, c := range b[:n] {
			l = l<<8 | int64(c)
		}
		if typ := b[n] & 0x1f; l > 0 && l <= sizes[i]-n && b[n]&0x80 == 0 && typ >= 1 && typ <= 23 {
			return false
		}
	}
	return true
}

// mpegAudioHeader reads the 4-byte header of the first MPEG audio frame,
// because the decoder reports its channel mode where mp4 muxers write a
// fixed channel count of 2. It is the only payload read, 4 bytes.
func (d *demuxer) mpegAudioHeader(t *track) {
	if t.firstChunk <= 0 || !t.hasSamples {
		return
	}
	h, err := demuxkit.ReadAt(d.src, t.firstChunk, 4, fmtName, "mpeg audio header")
	if err != nil || h[0] != 0xff || h[1]&0xe0 != 0xe0 {
		return
	}
	if h[3]>>6 == 3 {
		t.st.Channels, t.st.ChannelLayout = 1, "mono"
	} else {
		t.st.Channels, t.st.ChannelLayout = 2, "stereo"
	}
}
