package flac

import (
	"encoding/binary"

	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Demuxer returns the demuxer that reads raw FLAC files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   "raw FLAC",
		Extensions: "flac",
		Probe:      probe,
		Read:       read,
	}
}

const name = "flac"

// Metadata block types (RFC 9639 section 8.1).
const (
	typeStreamInfo    = 0
	typePadding       = 1
	typeApplication   = 2
	typeSeekTable     = 3
	typeVorbisComment = 4
	typeCueSheet      = 5
	typePicture       = 6
)

// probe scores as flacdec.c flac_probe: 100 for "fLaC" followed by a
// plausible STREAMINFO, 50 for the marker alone; a bare frame sync scores as
// raw_flac_probe, a quarter of an extension match plus one.
func probe(b []byte) int {
	if len(b) >= 4 && binary.BigEndian.Uint16(b)&0xFFFE == 0xFFF8 {
		return rawProbe(b)
	}
	if len(b) < 4+4+13 || string(b[:4]) != "fLaC" {
		return 0
	}
	typ := b[4] & 0x7F
	size := uint32(b[5])<<16 | uint32(b[6])<<8 | uint32(b[7])
	minBlock := binary.BigEndian.Uint16(b[8:])
	maxBlock := binary.BigEndian.Uint16(b[10:])
	rate := (uint32(b[18])<<16 | uint32(b[19])<<8 | uint32(b[20])) >> 4
	if typ == typeStreamInfo && size == flaccodec.StreamInfoSize && minBlock >= 16 &&
		maxBlock >= minBlock && rate != 0 && rate <= 655350 {
		return 100
	}
	return 50
}

// rawProbe checks the fixed fields of a frame header (RFC 9639 9.1).
func rawProbe(b []byte) int {
	switch {
	case b[2]&0xF0 == 0: // reserved block size code
		return 0
	case b[2]&0x0F == 0x0F: // invalid sample rate code
		return 0
	case b[3]&0xF0 >= (8+3)<<4: // reserved channel assignment
		return 0
	case b[3]&0x0E == 0x0E: // reserved sample size code
		return 0
	case b[3]&0x01 == 0x01: // reserved bit
		return 0
	}
	return 50/4 + 1
}

// read walks the metadata blocks as flac_read_header does. Where FFmpeg
// fails to open the file, it returns a nil Info and the error.
func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	info := container.NewInfo(name, "raw FLAC")
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "flac"

	var marker [4]byte
	if err := demuxkit.ReadFull(src, marker[:], start, name, "marker"); err != nil {
		return nil, err
	}
	if string(marker[:]) != "fLaC" {
		// flac_read_header: no marker means raw frames; the parameters come
		// from the frames, which we do not decode.
		info.Format.DataOffset = start
		return info, nil
	}
	r := &reader{src: src, info: info, st: st}
	off, err := r.blocks(start + 4)
	if err != nil {
		return nil, err
	}
	info.Format.DataOffset = off
	if r.streamInfo && !r.firstPacketTimed(off) {
		st.StartPTS = container.NoPTS
	}
	if len(r.comments) > 0 {
		if err := r.vorbisComments(); err != nil {
			return nil, err
		}
	}
	// flac_read_header ends with ff_replaygain_export: the REPLAYGAIN_*
	// comments become the audio stream's Replay Gain side data.
	st.ExportReplayGain(container.ReplayGainFromTags(info.Format.Tags))
	return info, nil
}

// reader carries the state of one header walk.
type reader struct {
	src        container.Source
	info       *container.Info
	st         *container.Stream
	streamInfo bool
	comments   [][][2]string // the Vorbis comments of each VORBIS_COMMENT block
	si         flaccodec.StreamInfo
}

// firstPacketTimed reports whether the first frame from off reaches
// avformat_find_stream_info with a time stamp, which gives the stream its
// start time. flacdec.c has no time stamps of its own: FFmpeg's FLAC
// parser (flac_parser.c) gives a packet the one its frame header implies,
// and for a stream of fixed block size only once it has found the next
// frame's header (get_best_header sets pts only with a best_child). So
// there is none:
//   - when no frame follows the metadata;
//   - when the whole stream is one frame: STREAMINFO's sample count fits
//     in its fixed block size, or what follows the metadata is shorter
//     than two frames of its minimum frame size;
//   - when the frames' headers are ones FFmpeg 5.1 refuses: sample size
//     codes 3 and 7, which RFC 9639 gives to 20 and 32 bits and which
//     libFLAC 1.4 writes (ff_flac_decode_frame_header: "invalid sample
//     size code"); the parser then finds no frame at all. The frame
//     header is read only for a STREAMINFO of those depths.
func (r *reader) firstPacketTimed(off int64) bool {
	if off >= r.src.Size() {
		return false
	}
	si := r.si
	if si.MinBlockSize == si.MaxBlockSize {
		// One frame: the sample count fits in a block, or the audio
		// bytes cannot hold two frames of the smallest size.
		if si.TotalSamples > 0 && si.TotalSamples <= uint64(si.MaxBlockSize) {
			return false
		}
		if si.MinFrameSize > 0 && r.src.Size()-off < 2*int64(si.MinFrameSize) {
			return false
		}
	}
	if si.BitsPerSample != 20 && si.BitsPerSample != 32 {
		return true
	}
	var h [4]byte
	if demuxkit.ReadFull(r.src, h[:], off, name, "frame header") != nil {
		return true
	}
	if h[0] != 0xFF || h[1]&0xFE != 0xF8 {
		return true // not a frame where the metadata ends: not judged here
	}
	code := h[3] >> 1 & 7
	return code != 3 && code != 7
}

// blocks walks the metadata block headers from off and returns the offset
// of the first frame.
func (r *reader) blocks(off int64) (int64, error) {
	for {
		if err := r.src.Budget().Visit(name, "block", off); err != nil {
			return 0, err
		}
		var h [4]byte
		// flacdec.c: a header cut short is invalid data, even right after a
		// block that did not claim to be the last.
		if err := demuxkit.ReadFull(r.src, h[:], off, name, "block header"); err != nil {
			return 0, err
		}
		last := h[0]&0x80 != 0
		typ := h[0] & 0x7F
		size := int64(h[1])<<16 | int64(h[2])<<8 | int64(h[3])
		body := off + 4
		left := r.src.Size() - body
		var err error
		next := body + size
		switch typ {
		case typeStreamInfo:
			err = r.streamInfoBlock(body, size)
		case typeCueSheet:
			err = r.cueSheet(body, size)
		case typePicture:
			if size > left {
				return 0, demuxkit.Errorf(name, "picture", body, container.ErrTruncated, "%d bytes, %d left", size, left)
			}
			var extra int64
			extra, err = r.picture(body, size)
			next += extra
		case typeSeekTable:
			// Read by flacdec.c (and so must be present), used only for
			// seeking: skipped here.
			if size > left {
				return 0, demuxkit.Errorf(name, "seektable", body, container.ErrTruncated, "%d bytes, %d left", size, left)
			}
		default:
			if !r.streamInfo {
				return 0, demuxkit.Errorf(name, "block", off, container.ErrMalformed, "type %d before STREAMINFO", typ)
			}
			if typ == typeVorbisComment {
				err = r.vorbisComment(body, size)
			}
			// PADDING, APPLICATION and reserved types are skipped unread.
		}
		if err != nil {
			return 0, err
		}
		if last {
			return next, nil
		}
		if next >= r.src.Size() {
			return 0, demuxkit.Errorf(name, "block header", next, container.ErrTruncated, "no block after a block not marked last")
		}
		off = next
	}
}
