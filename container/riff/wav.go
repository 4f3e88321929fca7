package riff

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	wavcodec "github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// WAV returns the demuxer that reads WAV / WAVE (Waveform Audio) files:
// RIFF, RIFX and RF64 (also BW64) with a WAVE form.
func WAV() container.Demuxer {
	return container.Demuxer{
		Name:       wavName,
		LongName:   wavLongName,
		Extensions: "wav",
		Flags:      container.ID3v2Pictures,
		Probe:      probeWAV,
		Read:       readWAV,
	}
}

const (
	wavName     = "wav"
	wavLongName = "WAV / WAVE (Waveform Audio)"
)

// probeWAV scores as wavdec.c wav_probe: RIFF or RIFX with the WAVE form
// score 99, one below certain so that the ACT demuxer, whose files start
// with a WAV header, wins over it; RF64 with its ds64 chunk scores 100.
func probeWAV(head []byte) int {
	if len(head) <= 32 || !bytes.Equal(head[8:12], []byte("WAVE")) {
		return 0
	}
	switch string(head[:4]) {
	case "RIFF", "RIFX":
		return 99
	case "RF64", "BW64":
		// BW64 (ITU-R BS.2088) has RF64's layout; ffprobe 5.1 reads both.
		if string(head[12:16]) == "ds64" {
			return 100
		}
	}
	return 0
}

// The chunk ids the WAV demuxer acts on.
var (
	idFmt  = fourcc("fmt ")
	idXMA2 = fourcc("XMA2")
	idData = fourcc("data")
	idFact = fourcc("fact")
	idBext = fourcc("bext")
	idList = fourcc("LIST")
	idInfo = fourcc("INFO")
	idID3  = fourcc("ID3 ")
	idid3  = fourcc("id3 ")
	idSMV0 = fourcc("SMV0")
)

// wavState is what wav_read_header keeps while it walks the chunks.
type wavState struct {
	src        container.Source
	info       *container.Info
	st         *container.Stream
	hdr        *wavcodec.Header
	rifx, rf64 bool
	unaligned  int64

	dataSize    int64 // from ds64 for RF64, else the data chunk's size
	sampleCount int64 // from ds64 or the first fact chunk
	dataOff     int64 // -1 until a data chunk is found
	dataEnd     int64
	gotFmt      bool
	gotXMA2     bool

	meta container.Tags // s->metadata: bext and INFO, raw keys
	id3  container.Tags // the tags of id3 chunks, used when meta is empty
}

// readWAV reads the header chunks as wav_read_header does.
func readWAV(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	w := &wavState{src: src, dataOff: -1, unaligned: start & 1}
	w.info = container.NewInfo(wavName, wavLongName)
	var riff [12]byte
	if err := demuxkit.ReadFull(src, riff[:], start, "wav", "RIFF header"); err != nil {
		return nil, err
	}
	switch string(riff[:4]) {
	case "RIFF":
	case "RIFX":
		w.rifx = true
	case "RF64", "BW64":
		w.rf64 = true
	default:
		return nil, demuxkit.Errorf("wav", "RIFF header", start, container.ErrMalformed, "invalid start code %q", riff[:4])
	}
	if string(riff[8:]) != "WAVE" {
		return nil, demuxkit.Errorf("wav", "RIFF header", start, container.ErrMalformed, "invalid format %q", riff[8:])
	}
	pos := start + 12
	if w.rf64 {
		var err error
		if pos, err = w.readDS64(pos); err != nil {
			return nil, err
		}
	}
	if err := w.walk(pos); err != nil {
		return w.partial(err)
	}
	if !w.gotFmt && !w.gotXMA2 {
		return nil, demuxkit.Errorf("wav", "", start, container.ErrMalformed, "no 'fmt ' or 'XMA2' tag found")
	}
	if w.dataOff < 0 {
		return nil, demuxkit.Errorf("wav", "", start, container.ErrMalformed, "no 'data' tag found")
	}
	w.finish()
	return w.info, nil
}

// partial decides what to return when the chunk walk fails. FFmpeg's
// wav_read_header fails as a whole, and ffprobe prints no streams, so no
// Info is returned, except for a limit error: that one is ours, not the
// file's, and the stream found so far is worth returning with it.
func (w *wavState) partial(err error) (*container.Info, error) {
	if errors.Is(err, container.ErrLimit) && w.st != nil {
		return w.info, err
	}
	return nil, err
}

// readDS64 reads the ds64 chunk that must follow an RF64 header and
// returns the offset after it.
func (w *wavState) readDS64(pos int64) (int64, error) {
	c, err := readChunkHeader(w.src, pos, false)
	if err != nil || c.ID != fourcc("ds64") {
		return 0, demuxkit.Errorf("wav", "ds64", pos, container.ErrMalformed, "no ds64 chunk after RF64")
	}
	if c.Size < 24 {
		return 0, demuxkit.Errorf("wav", "ds64", pos, container.ErrMalformed, "ds64 of %d bytes", c.Size)
	}
	var b [24]byte
	if err := demuxkit.ReadFull(w.src, b[:], c.Body(), "wav", "ds64"); err != nil {
		return 0, err
	}
	// b[0:8] is the RIFF size, not needed.
	w.dataSize = int64(binary.LittleEndian.Uint64(b[8:]))
	w.sampleCount = int64(binary.LittleEndian.Uint64(b[16:]))
	if w.dataSize < 0 || w.sampleCount < 0 {
		return 0, demuxkit.Errorf("wav", "ds64", pos, container.ErrMalformed,
			"negative data size %d or sample count %d", w.dataSize, w.sampleCount)
	}
	// FFmpeg skips the rest of ds64 without re-aligning.
	return c.Body() + c.Size, nil
}

// walk visits the chunks from pos until the end of the object, a data
// chunk of unknown length, or an error FFmpeg fails on.
func (w *wavState) walk(pos int64) error {
	size := w.src.Size()
	for {
		if err := w.src.Budget().Visit("wav", "chunk", pos); err != nil {
			return err
		}
		c, err := readChunkHeader(w.src, pos, w.rifx)
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		body := c.Body()
		next := addClamp(body, c.Size)
		switch c.ID {
		case idFmt:
			// Only the first fmt chunk counts (wav_read_header).
			if !w.gotXMA2 && !w.gotFmt {
				if err := w.parseFmt(body, c.Size); err != nil {
					return err
				}
			}
			w.gotFmt = true
		case idXMA2:
			if !w.gotFmt && !w.gotXMA2 {
				if err := w.parseXMA2(body, c.Size); err != nil {
					return err
				}
			}
			w.gotXMA2 = true
		case idData:
			switch {
			case w.rf64:
				next = addClamp(body, w.dataSize)
				w.dataEnd = next
			case c.Size != math.MaxUint32:
				w.dataSize = c.Size
				if c.Size == 0 {
					next = math.MaxInt64
				}
				w.dataEnd = next
			default:
				// "Ignoring maximum wav data size, file may be invalid"
				w.dataSize = 0
				next, w.dataEnd = math.MaxInt64, math.MaxInt64
			}
			w.dataOff = body
			if !w.rf64 && c.Size == 0 {
				// The end of the data is unknown: no footer search.
				return nil
			}
		case idFact:
			if w.sampleCount == 0 {
				v, err := readUint32(w.src, body, w.rifx)
				if err != nil {
					return err
				}
				w.sampleCount = int64(v)
			}
		case idBext:
			if err := readBext(w.src, body, c.Size, &w.meta); err != nil {
				return err
			}
		case idList:
			if c.Size < 4 {
				return demuxkit.Errorf("wav", "LIST", c.Off, container.ErrMalformed, "too short LIST tag")
			}
			typ, err := readUint32(w.src, body, false)
			if err != nil {
				return err
			}
			if typ == idInfo {
				// ff_read_riff_info's result is ignored by wav_read_header:
				// only a limit error ends the probe here.
				if err := tags.ReadRIFFInfo(w.src, body+4, c.Size-4, &w.meta); errors.Is(err, container.ErrLimit) {
					return err
				}
			}
		case idID3, idid3:
			if err := w.readID3(body); err != nil {
				return err
			}
		case idSMV0:
			if !w.gotFmt {
				return demuxkit.Errorf("wav", "SMV0", c.Off, container.ErrMalformed, "found no 'fmt ' tag before the 'SMV0' tag")
			}
			// SMV video is not read (see the package doc); FFmpeg stops the
			// chunk walk here as well.
			return nil
		}
		if next >= size {
			return nil
		}
		// wav_seek_tag: chunks start at even offsets relative to the
		// start of the RIFF header.
		pos = next + (next+w.unaligned)&1
	}
}

// addClamp returns a+b, or math.MaxInt64 when that overflows.
func addClamp(a, b int64) int64 {
	if b > math.MaxInt64-a {
		return math.MaxInt64
	}
	return a + b
}

// parseFmt reads the format chunk into the audio stream
// (wav_parse_fmt_tag).
func (w *wavState) parseFmt(off, size int64) error {
	h, err := readFmt(w.src, off, size, w.rifx, "wav")
	if err != nil {
		return err
	}
	w.hdr = h
	if w.st, err = w.src.Budget().AddStream(w.info, container.Audio, "wav", off); err != nil {
		return err
	}
	setAudio(w.st, h)
	return nil
}

// parseXMA2 reads an XMA2 chunk (wav_parse_xma2_tag): an Xbox 360 XMA2
// stream whose rate and channels are in the chunk.
func (w *wavState) parseXMA2(off, size int64) error {
	if size < 36 {
		return demuxkit.Errorf("wav", "XMA2", off, container.ErrMalformed, "XMA2 chunk of %d bytes", size)
	}
	b, err := readUpTo(w.src, off, min(size, 32+8+4*255), "wav", "XMA2")
	if err != nil {
		return err
	}
	if w.st, err = w.src.Budget().AddStream(w.info, container.Audio, "wav", off); err != nil {
		return err
	}
	w.st.CodecName = "xma2"
	if len(b) < 32 {
		return demuxkit.Errorf("wav", "XMA2", off, container.ErrTruncated, "XMA2 chunk cut short")
	}
	version, streams := b[0], int(b[1])
	if version != 3 && version != 4 {
		return demuxkit.Errorf("wav", "XMA2", off, container.ErrMalformed, "XMA2 version %d", version)
	}
	hdr := int64(32)
	if version == 4 {
		hdr += 8
	}
	if size != hdr+4*int64(streams) || int64(len(b)) < size {
		return demuxkit.Errorf("wav", "XMA2", off, container.ErrMalformed, "XMA2 chunk of %d bytes for %d streams", size, streams)
	}
	p := 12
	rate := int(int32(binary.BigEndian.Uint32(b[p:])))
	p += 4
	if version == 4 {
		p += 8
	}
	p += 4
	w.st.DurationTS = int64(binary.BigEndian.Uint32(b[p:]))
	p += 4 + 8
	channels := 0
	for i := 0; i < streams; i++ {
		channels += int(b[p+4*i])
	}
	if channels <= 0 || rate <= 0 {
		return demuxkit.Errorf("wav", "XMA2", off, container.ErrMalformed, "XMA2 with %d channels at %d Hz", channels, rate)
	}
	w.st.Channels, w.st.SampleRate = channels, rate
	w.st.TimeBase = container.Rational{Num: 1, Den: int64(rate)}
	w.st.ExtradataSize = int(size)
	w.st.SampleFmt = codec.SampleFormat("xma2", channels)
	return nil
}

// readID3 reads an ID3v2 tag stored in an "id3 " chunk: its text frames
// become the format's tags only when no INFO or bext tags were found (they
// go to FFmpeg's id3v2_meta, which avformat_open_input uses as a fallback),
// and its pictures become streams at once (ff_id3v2_parse_apic).
func (w *wavState) readID3(off int64) error {
	id3, err := tags.ReadID3v2(w.src, off)
	if err != nil && errors.Is(err, container.ErrLimit) {
		return err
	}
	if id3 == nil {
		return nil
	}
	for k, v := range id3.Tags.All() {
		// ff_id3v2_read_dict sets text frames without overwriting.
		w.id3.AddIfAbsent(k, v)
	}
	return tags.PictureStreams(w.info, w.src, id3.Pictures)
}

// finish derives the duration and the codec quirks after the walk, as the
// end of wav_read_header does, and converts the tags.
func (w *wavState) finish() {
	st, info := w.st, w.info
	info.Format.DataOffset = w.dataOff
	dataSize, sampleCount := w.dataSize, w.sampleCount
	if dataSize > math.MaxInt64>>3 {
		dataSize = 0 // "Data size is too large"
	}
	bpcs := 0
	if w.hdr != nil {
		bpcs = w.hdr.BitsPerCodedSample
	}
	ch := int64(st.Channels)
	// Some writers count the fact samples of all channels: when the count
	// over the channels agrees with the bit rate, divide it.
	if st.BitRate > 0 && dataSize > 0 && st.SampleRate > 0 && sampleCount > 0 && ch > 1 && sampleCount%ch == 0 {
		r := 8.0 * float64(dataSize) * float64(ch) * float64(st.SampleRate) / float64(sampleCount) / float64(st.BitRate)
		if math.Abs(r-1.0) < 0.3 {
			sampleCount /= ch
		}
	}
	if dataSize > 0 && sampleCount != 0 && ch != 0 && (dataSize<<3)/sampleCount/ch > int64(bpcs)+1 {
		sampleCount = 0 // "ignoring wrong sample_count"
	}
	if st.CodecName == "g729" && sampleCount != 0 && dataSize<<3 > sampleCount {
		sampleCount = 0 // FFmpeg's G.729 hack (ticket 4577)
	}
	if sampleCount == 0 || codec.ExactBitsPerSample(st.CodecName) > 0 {
		bps := int64(codec.BitsPerSample(st.CodecName))
		if ch != 0 && dataSize != 0 && bps != 0 && w.dataEnd <= w.src.Size() {
			sampleCount = (dataSize << 3) / (ch * bps)
		}
	}
	if sampleCount != 0 {
		st.DurationTS = sampleCount
	}
	if w.hdr != nil {
		ba := w.hdr.BlockAlign
		switch {
		case st.CodecName == "pcm_s32le" && ba == st.Channels*4 && bpcs == 32 &&
			len(w.hdr.Extradata) == 2 && binary.LittleEndian.Uint16(w.hdr.Extradata) == 1:
			// 16-bit float samples in 32-bit slots, flagged in the extradata.
			st.CodecName = "pcm_f16le"
			codec.FillDecoded(st)
		case st.CodecName == "pcm_s24le" && ba == st.Channels*4 && bpcs == 24:
			// 24-bit samples in 32-bit slots are FFmpeg's 24-bit float PCM.
			st.CodecName = "pcm_f24le"
			codec.FillDecoded(st)
		}
		if st.CodecName == "mp1" || st.CodecName == "mp2" || st.CodecName == "mp3" {
			decodeMPEGAudio(w.src, st, w.dataOff)
		}
	}
	meta := tags.MetadataConv(w.meta, wavMetadataConv)
	meta = tags.MetadataConv(meta, tags.RIFFInfoConv)
	if meta.Len() == 0 && w.id3.Len() > 0 {
		meta = w.id3
	}
	info.Format.Tags = meta
}
