package riff

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// The chunk and list ids of the AVI header.
var (
	idMovi = fourcc("movi")
	idNcdt = fourcc("ncdt")
	idIDIT = fourcc("IDIT")
	idDmlh = fourcc("dmlh")
	idAmvh = fourcc("amvh")
	idAvih = fourcc("avih")
	idStrh = fourcc("strh")
	idStrf = fourcc("strf")
	idStrd = fourcc("strd")
	idIndx = fourcc("indx")
	idVprp = fourcc("vprp")
	idStrn = fourcc("strn")
	idIdx1 = fourcc("idx1")
	idPads = fourcc("pads")
	idVids = fourcc("vids")
	idAuds = fourcc("auds")
	idTxts = fourcc("txts")
	idDats = fourcc("dats")
	idIavs = fourcc("iavs")
	idIvas = fourcc("ivas")
	idXVID = fourcc("XVID")
	idH264 = fourcc("H264")
	idDXSB = fourcc("DXSB")
	idDXSA = fourcc("DXSA")
	idAxan = fourcc("Axan")
)

// maxHeaderChunk is the size beyond which avi_read_header takes an unknown
// chunk for the sign of a broken header and starts the packets there
// ("Something went wrong during header parsing").
const maxHeaderChunk = 1000000

// readHeader walks the chunks from pos up to the movi list as
// avi_read_header does. The walk is flat: a LIST's type is read and the
// walk goes on inside it (hdrl, strl, odml), except for movi (the end of
// the header), INFO (its tags) and ncdt (Nikon tags, skipped).
func (a *aviState) readHeader(pos int64) error {
	codecType := container.Unknown // the last known strh type, kept across unknown ones
	var listEnd int64
	for {
		if pos >= a.ioFsize || pos < 0 {
			return demuxkit.Errorf(aviName, "header", pos, container.ErrMalformed, "no movi list")
		}
		if err := a.src.Budget().Visit(aviName, "chunk", pos); err != nil {
			return err
		}
		var h [8]byte
		if n, err := a.src.ReadAt(h[:], pos); n < 8 && err != nil && !isEOF(err) {
			return demuxkit.Errorf(aviName, "chunk", pos, err, "chunk header")
		}
		tag := binary.LittleEndian.Uint32(h[:])
		size := binary.LittleEndian.Uint32(h[4:])
		body := pos + 8
		padded := body + int64(size) + int64(size&1)
		switch tag {
		case idList:
			listEnd = body + int64(size)
			tag1, err := readUint32(a.src, body, false)
			if err != nil {
				return err
			}
			switch tag1 {
			case idMovi:
				a.moviList = body
				if size != 0 {
					a.moviEnd = body + int64(size) + int64(size&1)
				} else {
					a.moviEnd = a.fsize
				}
				return nil
			case idInfo:
				// ff_read_riff_info reads to the list's end; its errors are
				// ignored, as avi_read_header ignores them.
				n := int64(size) - 4
				if size < 4 {
					n = int64(uint32(size - 4))
				}
				if err := tags.ReadRIFFInfo(a.src, body+4, n, &a.meta); err != nil && isLimit(err) {
					return err
				}
				pos = body + 4 + n
			case idNcdt:
				pos = listEnd
			default:
				pos = body + 4
			}
		case idIDIT:
			b, err := readUpTo(a.src, body, min(int64(size)+int64(size&1), 63), aviName, "IDIT")
			if err != nil {
				return err
			}
			creationTime(&a.meta, b)
			pos = padded
		case idDmlh:
			a.odml = true
			pos = padded
		case idAmvh, idAvih:
			if tag == idAmvh {
				a.amv = true
			}
			b, err := readUpTo(a.src, body, 40, aviName, "avih")
			if err != nil {
				return err
			}
			b = append(b, make([]byte, 40-len(b))...)
			a.framePeriod = binary.LittleEndian.Uint32(b)
			a.avihWidth = int(int32(binary.LittleEndian.Uint32(b[32:])))
			a.avihHeight = int(int32(binary.LittleEndian.Uint32(b[36:])))
			// avio_skip(size - 40) in unsigned arithmetic: a shorter avih
			// sends the walk 4 GB on, past the end.
			pos = body + 40 + int64(size-40)
		case idStrh:
			var err error
			if pos, codecType, err = a.readStrh(body, size, codecType); err != nil {
				return err
			}
		case idStrf:
			var err error
			if pos, err = a.readStrf(body, size, listEnd, codecType); err != nil {
				return err
			}
		case idStrd:
			var err error
			if pos, err = a.readStrd(body, size, listEnd); err != nil {
				return err
			}
		case idIndx:
			if err := a.readODMLIndex(body); err != nil && isLimit(err) {
				return err
			}
			pos = body + int64(size)
		case idVprp:
			if err := a.readVprp(body, size); err != nil {
				return err
			}
			pos = body + int64(size)
		case idStrn:
			if len(a.streams) > 0 {
				n := int64(size) + int64(size&1)
				if n == math.MaxUint32 {
					return demuxkit.Errorf(aviName, "strn", pos, container.ErrMalformed, "name of %d bytes", n)
				}
				b, err := readUpTo(a.src, body, n, aviName, "strn")
				if err != nil {
					return err
				}
				if int64(len(b)) < n {
					return demuxkit.Errorf(aviName, "strn", pos, container.ErrTruncated, "name cut short")
				}
				st := a.streams[len(a.streams)-1].st
				st.Tags.Set("strn", cString(b))
				pos = body + n
				break
			}
			fallthrough
		default:
			if size > maxHeaderChunk && tag != idIdx1 {
				// "Something went wrong during header parsing": the
				// packets are taken to start here.
				a.moviList = body - 4
				a.moviEnd = a.fsize
				return nil
			}
			pos = padded
		}
	}
}

// readStrh reads a stream header (strh) and adds its stream, returning the
// offset after it and the codec type the following strf is read for.
func (a *aviState) readStrh(body int64, size uint32, codecType container.MediaType) (int64, container.MediaType, error) {
	b, err := readUpTo(a.src, body, 48, aviName, "strh")
	if err != nil {
		return 0, codecType, err
	}
	b = append(b, make([]byte, 48-len(b))...)
	le := binary.LittleEndian
	tag1, handler := le.Uint32(b), le.Uint32(b[4:])
	if tag1 == idPads {
		return body + 8 + int64(size-8), codecType, nil
	}
	if a.amv {
		if len(a.streams) > 0 {
			tag1 = idAuds
		} else {
			tag1 = idVids
		}
	}
	if tag1 == idIavs || tag1 == idIvas {
		// DV type 1: the streams come from the DV frames (dv.c).
		return 0, codecType, demuxkit.Errorf(aviName, "strh", body, container.ErrUnsupported, "DV type 1 AVI")
	}
	st, err := a.src.Budget().AddStream(a.info, container.Unknown, aviName, body)
	if err != nil {
		return 0, codecType, err
	}
	st.ID, st.HasID = int64(len(a.streams)), false
	s := &aviStream{st: st, handler: handler}
	a.streams = append(a.streams, s)

	s.scale, s.rate = le.Uint32(b[20:]), le.Uint32(b[24:])
	if s.scale == 0 || s.rate == 0 {
		// "scale/rate is invalid (This file has been generated by broken
		// software.)"
		if a.framePeriod != 0 {
			s.rate, s.scale = 1000000, a.framePeriod
		} else {
			s.rate, s.scale = 25, 1
		}
	}
	st.TimeBase = container.Rational{Num: int64(s.scale), Den: int64(s.rate)}.Reduce(math.MaxInt32)
	s.cumLen = int64(le.Uint32(b[28:]))
	st.NbFrames = int64(le.Uint32(b[32:]))
	st.StartPTS = 0
	if s.cumLen > 3600*int64(s.rate)/int64(s.scale) {
		s.cumLen = 0 // "crazy start time, iam scared, giving up"
	}
	s.sampleSize = int64(int32(le.Uint32(b[44:])))
	s.cumLen *= max(1, s.sampleSize)
	switch tag1 {
	case idVids:
		codecType = container.Video
		s.sampleSize = 0
		st.AvgFrameRate = container.Rational{Num: st.TimeBase.Den, Den: st.TimeBase.Num}
	case idAuds:
		codecType = container.Audio
	case idTxts:
		codecType = container.Subtitle
	case idDats:
		codecType = container.Data
	}
	if s.sampleSize < 0 {
		s.sampleSize = 0 // "Invalid sample_size ... setting it to 0"
	}
	if s.sampleSize == 0 {
		st.DurationTS = st.NbFrames
		if st.DurationTS > 0 && a.ioFsize > 0 && a.riffEnd > a.ioFsize {
			// "File is truncated adjusting duration"
			st.DurationTS = container.Rescale(st.DurationTS, a.ioFsize, a.riffEnd)
		}
	}
	return body + 48 + int64(size-48), codecType, nil
}

// readStrf reads a stream format (strf) into the last stream: a
// BITMAPINFOHEADER for video, a WAVEFORMATEX for audio. It returns the
// offset where avi_read_header goes on, which for video is after what
// ff_get_bmp_header and the extradata read took, not the chunk's end.
func (a *aviState) readStrf(body int64, size uint32, listEnd int64, codecType container.MediaType) (int64, error) {
	if size == 0 && (codecType == container.Audio || codecType == container.Video) {
		return body, nil
	}
	if len(a.streams) == 0 {
		return body + int64(size), nil
	}
	sz := int64(size)
	if body < listEnd {
		sz = min(sz, listEnd-body)
	}
	s := a.streams[len(a.streams)-1]
	st := s.st
	if s.hasType {
		return body + sz, nil
	}
	switch codecType {
	case container.Video:
		s.hasType = true
		st.Type = container.Video
		if a.amv {
			st.Width, st.Height = a.avihWidth, a.avihHeight
			st.CodecName = "amv"
			return body + sz, nil
		}
		return a.readBitmapInfo(s, body, sz)
	case container.Audio:
		h, err := readFmt(a.src, body, sz, false, aviName)
		if err != nil {
			return 0, err
		}
		s.hasType = true
		st.Type = container.Audio
		tb := st.TimeBase
		setAudio(st, h)
		st.TimeBase = tb // the strh time base, not 1/sample_rate
		s.extradata = h.Extradata
		s.dshowBlockAlign = int64(h.BlockAlign)
		if s.sampleSize != 0 && h.BlockAlign != 0 && s.sampleSize != int64(h.BlockAlign) {
			s.sampleSize = int64(h.BlockAlign) // "sample size != block align"
		}
		if s.handler == idAxan {
			// Xan DPCM declared as PCM.
			st.CodecName, st.CodecTag = "xan_dpcm", 0
			s.dshowBlockAlign = 0
			codec.FillDecoded(st)
		}
		if a.amv {
			st.CodecName = "adpcm_ima_amv"
			s.dshowBlockAlign = 0
			codec.FillDecoded(st)
		}
		switch st.CodecName {
		case "aac", "flac", "mp2":
			if s.dshowBlockAlign <= 4 && s.dshowBlockAlign != 0 {
				s.dshowBlockAlign = 0 // "overriding invalid dshow_block_align"
			}
		}
		if st.CodecName == "aac" && (s.dshowBlockAlign == 1024 && s.sampleSize == 1024 || s.dshowBlockAlign == 4096 && s.sampleSize == 4096) ||
			st.CodecName == "mp3" && s.dshowBlockAlign == 1152 && s.sampleSize == 1152 {
			s.sampleSize = 0 // "overriding sample_size"
		}
		return body + sz + (sz & 1), nil
	case container.Subtitle:
		s.hasType = true
		st.Type = container.Subtitle
		return body + sz, nil
	default:
		s.hasType = true
		st.Type = container.Data
		return body + sz, nil
	}
}

// readBitmapInfo reads a video strf as ff_get_bmp_header and the strf case
// of avi_read_header do.
func (a *aviState) readBitmapInfo(s *aviStream, body, size int64) (int64, error) {
	st := s.st
	b, err := readUpTo(a.src, body, codec.BitmapInfoHeaderSize, aviName, "strf")
	if err != nil {
		return 0, err
	}
	b = append(b, make([]byte, codec.BitmapInfoHeaderSize-len(b))...)
	bih, _ := codec.ParseBitmapInfoHeader(b)
	pos := body + codec.BitmapInfoHeaderSize
	st.Width, st.Height = int(bih.Width), int(bih.Height)
	tag := bih.Compression
	if tag == idDXSB || tag == idDXSA {
		st.Type, st.CodecTag, st.CodecName = container.Subtitle, tag, "xsub"
		return pos, nil
	}
	var exSize int64
	if size > codec.BitmapInfoHeaderSize && size < 1<<30 && size < a.fsize {
		exSize = size - codec.BitmapInfoHeaderSize
		if esize := int64(bih.Size); esize == size-1 && esize&1 != 0 {
			exSize = esize - codec.BitmapInfoHeaderSize
		}
		ex, err := readUpTo(a.src, pos, exSize, aviName, "strf extradata")
		if err != nil {
			return 0, err
		}
		s.extradata = ex
		pos += exSize
	}
	if exSize&1 != 0 {
		pos++
	}
	st.CodecTag = tag
	st.CodecName = codec.BMPCodec(tag)
	if st.CodecName == "" {
		// avi_read_header tries the QuickTime tags next.
		st.CodecName = codec.MovVideoCodecTag(tag)
	}
	if st.CodecName == "mpeg4" && s.handler == idXVID {
		st.CodecTag = idXVID
	}
	st.ExtradataSize = len(s.extradata)
	if st.CodecTag == 0 && st.Height > 0 && st.ExtradataSize < 1<<30 {
		st.ExtradataSize += 9 // the "BottomUp" marker FFmpeg appends
	}
	if st.Height < 0 {
		st.Height = -st.Height
	}
	st.BitsPerRawSample = 0
	s.bitCount = int(bih.BitCount)
	return pos, nil
}

// readStrd reads stream data (strd) as the stream's extradata when it has
// none yet.
func (a *aviState) readStrd(body int64, size uint32, listEnd int64) (int64, error) {
	if len(a.streams) == 0 {
		return body + int64(size), nil
	}
	s := a.streams[len(a.streams)-1]
	if s.st.ExtradataSize > 0 || len(s.extradata) > 0 || s.st.CodecTag == idH264 {
		return body + int64(size), nil
	}
	sz := int64(size)
	if body < listEnd {
		sz = min(sz, listEnd-body)
	}
	if sz >= 1<<30 {
		return body, nil
	}
	b, err := readUpTo(a.src, body, sz, aviName, "strd")
	if err != nil {
		return 0, err
	}
	s.extradata = b
	s.st.ExtradataSize = len(b)
	return body + sz + (sz & 1), nil
}

// readVprp reads the video properties header (vprp) for its aspect ratio:
// the frame aspect ratio over the active frame size.
func (a *aviState) readVprp(body int64, size uint32) error {
	if len(a.streams) == 0 || size <= 9*4 {
		return nil
	}
	b, err := readUpTo(a.src, body, 9*4, aviName, "vprp")
	if err != nil {
		return err
	}
	if len(b) < 9*4 {
		return nil
	}
	le := binary.LittleEndian
	aspectDen, aspectNum := int64(le.Uint16(b[20:])), int64(le.Uint16(b[22:]))
	activeNum, activeDen := int64(int32(le.Uint32(b[24:]))), int64(int32(le.Uint32(b[28:])))
	if aspectNum != 0 && aspectDen != 0 && activeNum != 0 && activeDen != 0 {
		// av_div_q(active_aspect, active)
		s := a.streams[len(a.streams)-1]
		s.vprpSAR = container.Rational{Num: aspectNum * activeDen, Den: aspectDen * activeNum}.Reduce(math.MaxInt32)
	}
	return nil
}

// months are the month names avi_metadata_creation_time knows.
var months = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// creationTime sets creation_time from an IDIT date as
// avi_metadata_creation_time does: "Mon Mar 10 15:04:43 2003" becomes
// "2003-03-10 15:04:43", and "2003/03/10..." has its slashes replaced.
func creationTime(meta *container.Tags, b []byte) {
	date := cString(b)
	f := strings.Fields(date)
	if len(f) >= 5 && len(f[0]) >= 3 {
		var day, year int
		_, err1 := fmt.Sscanf(f[2], "%d", &day)
		_, err2 := fmt.Sscanf(f[4], "%4d", &year)
		if err1 == nil && err2 == nil && len(f[1]) <= 3 && len(f[2]) <= 2 {
			tm := f[3]
			if len(tm) > 8 {
				tm = tm[:8]
			}
			for i, m := range months {
				if strings.EqualFold(f[1], m) {
					meta.Set("creation_time", fmt.Sprintf("%.4d-%.2d-%.2d %s", year, i+1, day, tm))
				}
			}
			return
		}
	}
	if len(date) > 7 && date[4] == '/' && date[7] == '/' {
		d := []byte(date)
		d[4], d[7] = '-', '-'
		meta.Set("creation_time", string(d))
	}
}

// isLimit reports whether err is one of the probe's limits, which end the
// walk where FFmpeg's own errors are ignored.
func isLimit(err error) bool { return errors.Is(err, container.ErrLimit) }

// isEOF reports whether err is the end of the object.
func isEOF(err error) bool { return errors.Is(err, io.EOF) }
