package iff

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads IFF sound forms and DSDIFF.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:     name,
		LongName: longName,
		Probe:    probe,
		Read:     read,
	}
}

const (
	name     = "iff"
	longName = "IFF (Interchange File Format)"
)

func tagOf(s string) uint32 { return binary.LittleEndian.Uint32([]byte(s)) }

// The chunk and form ids iff.c acts on, as little-endian words (MKTAG).
var (
	idFORM = tagOf("FORM")
	idFRM8 = tagOf("FRM8")
	id8SVX = tagOf("8SVX")
	id16SV = tagOf("16SV")
	idMAUD = tagOf("MAUD")
	idMHDR = tagOf("MHDR")
	idMDAT = tagOf("MDAT")
	idVHDR = tagOf("VHDR")
	idCHAN = tagOf("CHAN")
	idPBM  = tagOf("PBM ")
	idILBM = tagOf("ILBM")
	idBMHD = tagOf("BMHD")
	idDGBL = tagOf("DGBL")
	idCAMG = tagOf("CAMG")
	idCMAP = tagOf("CMAP")
	idACBM = tagOf("ACBM")
	idDEEP = tagOf("DEEP")
	idRGB8 = tagOf("RGB8")
	idRGBN = tagOf("RGBN")
	idDSD  = tagOf("DSD ")
	idDST  = tagOf("DST ")
	idDSTF = tagOf("DSTF")
	idFRTE = tagOf("FRTE")
	idANIM = tagOf("ANIM")
	idANHD = tagOf("ANHD")
	idDPAN = tagOf("DPAN")
	idANNO = tagOf("ANNO")
	idAUTH = tagOf("AUTH")
	idCopy = tagOf("(c) ")
	idFVER = tagOf("FVER")
	idNAME = tagOf("NAME")
	idTEXT = tagOf("TEXT")
	idABIT = tagOf("ABIT")
	idBODY = tagOf("BODY")
	idDBOD = tagOf("DBOD")
	idDPEL = tagOf("DPEL")
	idDLOC = tagOf("DLOC")
	idTVDC = tagOf("TVDC")
	idDIIN = tagOf("DIIN")
	idPROP = tagOf("PROP")
	idSND  = tagOf("SND ")
	idCOMT = tagOf("COMT")
)

// probe scores as iff.c iff_probe: a FORM of one of the types iff.c reads,
// or a FRM8 of type DSD, is certain.
func probe(head []byte) int {
	// FFmpeg's probe buffer is padded with zeros, which match no type: a
	// FORM needs 12 bytes, a FRM8 16.
	if len(head) < 12 {
		return 0
	}
	id := binary.LittleEndian.Uint32(head)
	if id == idFORM {
		switch binary.LittleEndian.Uint32(head[8:]) {
		case id8SVX, id16SV, idMAUD, idPBM, idACBM, idDEEP, idILBM, idRGB8, idANIM, idRGBN:
			return 100
		}
	}
	if id == idFRM8 && len(head) >= 16 && binary.LittleEndian.Uint32(head[12:]) == idDSD {
		return 100
	}
	return 0
}

// state is what iff_read_header accumulates over the chunks.
type state struct {
	r         *reader
	info      *container.Info
	st        *container.Stream
	typ       container.MediaType
	is64      bool
	codecTag  uint32
	codecName string
	rate      int
	channels  int
	mask      uint64 // the native layout; 0 with channels set is unspecified
	bodyPos   int64
	duration  int64 // st->duration, NoPTS until a chunk sets it

	svx8Compression int // -1 until VHDR says
	maudBits        int
	maudCompression int
}

func (s *state) fail(kind error, off int64, format string, args ...any) error {
	return demuxkit.Errorf(name, "chunk", off, kind, format, args...)
}

// setLayout gives the stream a native layout.
func (s *state) setLayout(mask uint64) {
	s.mask, s.channels = mask, codec.LayoutChannels(mask)
}

// read walks the chunks as iff_read_header does.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	r := &reader{src: src, size: src.Size(), pos: start}
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Unknown, name, start)
	if err != nil {
		return nil, err
	}
	s := &state{r: r, info: info, st: st, duration: container.NoPTS,
		svx8Compression: -1, maudBits: -1, maudCompression: -1}
	s.setLayout(codec.LayoutMono)
	form, err := r.rl32()
	if err != nil {
		return nil, err
	}
	s.is64 = form == idFRM8
	if s.is64 {
		r.seek(r.pos + 8)
	} else {
		r.seek(r.pos + 4)
	}
	if s.codecTag, err = r.rl32(); err != nil {
		return nil, err
	}
	if s.codecTag == idANIM {
		r.seek(r.pos + 12)
	}
	for !r.eof {
		if err := s.chunk(); err != nil {
			return nil, err
		}
	}
	if s.typ == container.Video || s.codecTag == idANIM {
		return nil, demuxkit.Errorf(name, "form", start, container.ErrUnsupported, "IFF picture forms are not read")
	}
	if s.typ != container.Audio {
		return nil, demuxkit.Errorf(name, "form", start, container.ErrMalformed, "no sound or picture header")
	}
	info.Format.DataOffset = s.bodyPos
	if err := s.describe(); err != nil {
		return nil, err
	}
	return info, nil
}

// chunk reads one chunk at the position and moves past it.
func (s *state) chunk() error {
	r := s.r
	if err := r.src.Budget().Visit(name, "chunk", r.pos); err != nil {
		return err
	}
	at := r.pos
	id, size, err := r.chunkHeader(s.is64)
	if err != nil {
		return err
	}
	orig := r.pos
	if size >= math.MaxInt64 {
		return s.fail(container.ErrMalformed, at, "chunk of %d bytes", size)
	}
	metaKey := ""
	switch id {
	case idVHDR:
		s.typ = container.Audio
		if size < 14 {
			return s.fail(container.ErrMalformed, at, "VHDR of %d bytes", size)
		}
		r.seek(r.pos + 12)
		rate, err := r.rb16()
		if err != nil {
			return err
		}
		s.rate = int(rate)
		if size >= 16 {
			r.seek(r.pos + 1)
			c, err := r.u8()
			if err != nil {
				return err
			}
			s.svx8Compression = int(c)
		}
	case idMHDR:
		if err := s.mhdr(at, size); err != nil {
			return err
		}
	case idABIT, idBODY, idDBOD, idDSD, idDST, idMDAT:
		s.bodyPos = r.pos
		if uint64(s.bodyPos)+size > math.MaxInt64 {
			return s.fail(container.ErrMalformed, at, "body of %d bytes", size)
		}
		if id == idDST {
			if err := s.dstFrames(int64(uint64(s.bodyPos) + size)); err != nil {
				return err
			}
		}
	case idCHAN:
		if size < 4 {
			return s.fail(container.ErrMalformed, at, "CHAN of %d bytes", size)
		}
		v, err := r.rb32()
		if err != nil {
			return err
		}
		if v < 6 {
			s.setLayout(codec.LayoutMono)
		} else {
			s.setLayout(codec.LayoutStereo)
		}
	case idCAMG, idDLOC:
		if size < 4 {
			return s.fail(container.ErrMalformed, at, "picture chunk of %d bytes", size)
		}
	case idCMAP:
		if size < 3 || size > 768 || size%3 != 0 {
			return s.fail(container.ErrMalformed, at, "invalid CMAP chunk size %d", size)
		}
	case idBMHD:
		s.typ = container.Video
		if size <= 8 {
			return s.fail(container.ErrMalformed, at, "BMHD of %d bytes", size)
		}
	case idDGBL:
		s.typ = container.Video
		if size < 8 {
			return s.fail(container.ErrMalformed, at, "DGBL of %d bytes", size)
		}
	case idTVDC:
		if size < 32 {
			return s.fail(container.ErrMalformed, at, "TVDC of %d bytes", size)
		}
	case idDPEL:
		if size < 4 || size&3 != 0 {
			return s.fail(container.ErrMalformed, at, "DPEL of %d bytes", size)
		}
	case idDPAN:
		r.seek(r.pos + 2)
		d, err := r.rb16()
		if err != nil {
			return err
		}
		s.duration = int64(d)
	case idANNO, idTEXT:
		metaKey = "comment"
	case idAUTH:
		metaKey = "artist"
	case idCopy:
		metaKey = "copyright"
	case idNAME:
		metaKey = "title"
	case idFVER:
		if size < 4 {
			return s.fail(container.ErrMalformed, at, "FVER of %d bytes", size)
		}
		if _, err := r.rb32(); err != nil {
			return err
		}
		s.typ = container.Audio
	case idDIIN:
		if err := s.diin(orig, size); err != nil {
			return err
		}
	case idPROP:
		if size < 4 {
			return s.fail(container.ErrMalformed, at, "PROP of %d bytes", size)
		}
		typ, err := r.rl32()
		if err != nil {
			return err
		}
		if typ == idSND {
			if err := s.prop(orig, size); err != nil {
				return err
			}
		}
	case idCOMT:
		if size < 2 {
			return s.fail(container.ErrMalformed, at, "COMT of %d bytes", size)
		}
		if err := s.comt(); err != nil {
			return err
		}
	}
	if metaKey != "" {
		if err := s.metadata(metaKey, uint32(size), at); err != nil {
			return err
		}
	}
	r.skipTo(orig, size, int64(size&1))
	return nil
}

// metadata reads a text of n bytes into the format's tags as get_metadata
// does: all n bytes must be there, and the value ends at the first NUL.
func (s *state) metadata(key string, n uint32, at int64) error {
	if n == math.MaxUint32 {
		return s.fail(container.ErrLimit, at, "cannot allocate metadata tag %s", key)
	}
	b, ok, err := s.r.bytes(n)
	if err != nil {
		return err
	}
	if !ok {
		return s.fail(container.ErrTruncated, at, "metadata tag %s of %d bytes", key, n)
	}
	s.info.Format.Tags.Set(key, cString(b))
	return nil
}

// cString returns b up to its first NUL.
func cString(b []byte) string {
	for i, x := range b {
		if x == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// mhdr reads a MAUD header.
func (s *state) mhdr(at int64, size uint64) error {
	r := s.r
	s.typ = container.Audio
	if size < 32 {
		return s.fail(container.ErrMalformed, at, "MHDR of %d bytes", size)
	}
	r.seek(r.pos + 4)
	bits, err := r.rb16()
	if err != nil {
		return err
	}
	s.maudBits = int(bits)
	r.seek(r.pos + 2)
	num, err := r.rb32()
	if err != nil {
		return err
	}
	den, err := r.rb16()
	if err != nil {
		return err
	}
	if den == 0 {
		return s.fail(container.ErrMalformed, at, "MHDR rate divisor 0")
	}
	r.seek(r.pos + 2)
	s.rate = int(int32(num / uint32(den)))
	ch, err := r.rb16()
	if err != nil {
		return err
	}
	comp, err := r.rb16()
	if err != nil {
		return err
	}
	s.maudCompression = int(comp)
	switch ch {
	case 0:
		return s.fail(container.ErrMalformed, at, "MHDR of 0 channels")
	case 1:
		s.setLayout(codec.LayoutMono)
	case 2:
		s.setLayout(codec.LayoutStereo)
	default:
		s.mask, s.channels = 0, int(ch)
	}
	return nil
}

// describe sets the codec and its parameters after the walk, as the end
// of iff_read_header does for sound.
func (s *state) describe() error {
	st := s.st
	st.Type = container.Audio
	if s.rate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(s.rate)}
	}
	switch {
	case s.codecTag == id16SV:
		s.codecName = "pcm_s16be_planar"
	case s.codecTag == idMAUD:
		switch {
		case s.maudBits == 8 && s.maudCompression == 0:
			s.codecName = "pcm_u8"
		case s.maudBits == 16 && s.maudCompression == 0:
			s.codecName = "pcm_s16be"
		case s.maudBits == 8 && s.maudCompression == 2:
			s.codecName = "pcm_alaw"
		case s.maudBits == 8 && s.maudCompression == 3:
			s.codecName = "pcm_mulaw"
		default:
			return demuxkit.Errorf(name, "MHDR", s.bodyPos, container.ErrUnsupported,
				"compression %d and bit depth %d", s.maudCompression, s.maudBits)
		}
	case s.codecTag != idDSD && s.codecTag != idDST:
		switch s.svx8Compression {
		case 0:
			s.codecName = "pcm_s8_planar"
		case 1:
			s.codecName = "8svx_fib"
		case 2:
			s.codecName = "8svx_exp"
		default:
			return demuxkit.Errorf(name, "VHDR", s.bodyPos, container.ErrMalformed,
				"unknown SVX8 compression method %d", s.svx8Compression)
		}
	}
	bits := codec.BitsPerSample(s.codecName)
	blockAlign := s.channels * bits
	if (s.codecTag == idDSD || s.codecTag == idMAUD) && blockAlign <= 0 {
		return demuxkit.Errorf(name, "form", s.bodyPos, container.ErrMalformed, "block align %d", blockAlign)
	}
	if s.codecName == "dst" {
		// dstdec.c decode_init refuses these, and ffprobe fails when it
		// cannot open a stream's decoder.
		if s.channels > 6 || s.rate > 512*44100 || (588*int64(s.rate)/44100)&7 != 0 {
			return demuxkit.Errorf(name, "form", s.bodyPos, container.ErrUnsupported,
				"DST of %d channels at %d Hz", s.channels, s.rate)
		}
	}
	st.CodecName = s.codecName
	st.CodecTag = s.codecTag
	st.SampleRate = s.rate
	st.Channels = s.channels
	if s.mask != 0 {
		st.ChannelLayout = codec.LayoutName(s.mask)
	}
	st.BitRate = int64(s.channels) * int64(s.rate) * int64(bits)
	if st.BitRate < 0 {
		st.BitRate = 0
	}
	// The packets carry no timestamps: the stream has no start, and its
	// duration is DST's frame count or the bit-rate estimate.
	st.DurationTS = s.duration
	codec.FillDecoded(st)
	return nil
}

// dstFrames walks the DST chunk's frames as read_dst_frame does before
// the first packet: an FRTE chunk gives the duration, and a DSTF chunk
// must come before the end.
func (s *state) dstFrames(end int64) error {
	r := s.r
	for !r.eof {
		if err := r.src.Budget().Visit(name, "DST chunk", r.pos); err != nil {
			return err
		}
		at := r.pos
		if at >= end {
			break
		}
		id, size, err := r.chunkHeader(s.is64)
		if err != nil {
			return err
		}
		orig := r.pos
		if size < 1 || size >= math.MaxInt64 {
			return s.fail(container.ErrMalformed, at, "DST chunk of %d bytes", size)
		}
		switch id {
		case idDSTF:
			return nil
		case idFRTE:
			if size < 4 {
				return s.fail(container.ErrMalformed, at, "FRTE of %d bytes", size)
			}
			n, err := r.rb32()
			if err != nil {
				return err
			}
			s.duration = int64(uint64(n) * uint64(int64(s.rate)) / 75)
		}
		r.skipTo(orig, size, int64(size&1))
	}
	return demuxkit.Errorf(name, "DST ", end, container.ErrTruncated, "no DST frame")
}

// subChunks walks the chunks of a DSDIFF container chunk of size bytes
// whose body is at orig, as parse_dsd_diin and parse_dsd_prop do (a
// little-endian id, a 64-bit big-endian size, the body padded to even),
// calling each with the chunk's id and size, its header's offset and its
// body's.
func (s *state) subChunks(orig int64, size uint64, what string, each func(id uint32, n uint64, at, sub int64) error) error {
	r := s.r
	eof := satAdd(orig, size)
	for satAdd(r.pos, 12) <= eof && !r.eof {
		if err := r.src.Budget().Visit(name, what+" chunk", r.pos); err != nil {
			return err
		}
		at := r.pos
		id, n, err := r.chunkHeader(true)
		if err != nil {
			return err
		}
		sub := r.pos
		if n >= math.MaxInt64 {
			return s.fail(container.ErrMalformed, at, "%s chunk of %d bytes", what, n)
		}
		if err := each(id, n, at, sub); err != nil {
			return err
		}
		r.skipTo(sub, n, int64(n&1))
	}
	return nil
}

// diin reads the edited-master information chunk as parse_dsd_diin does:
// the artist and the title.
func (s *state) diin(orig int64, size uint64) error {
	return s.subChunks(orig, size, "DIIN", func(id uint32, n uint64, at, _ int64) error {
		key := ""
		switch id {
		case tagOf("DIAR"):
			key = "artist"
		case tagOf("DITI"):
			key = "title"
		}
		if key == "" || n <= 4 {
			return nil
		}
		l, err := s.r.rb32()
		if err != nil {
			return err
		}
		return s.metadata(key, uint32(min(uint64(l), n-4)), at)
	})
}

// satAdd is av_sat_add64 for a position and a size.
func satAdd(a int64, n uint64) int64 {
	if n > uint64(math.MaxInt64-a) {
		return math.MaxInt64
	}
	return a + int64(n)
}

// The DSDIFF channel ids of the layouts parse_dsd_prop recognises.
var dsdLayouts = []struct {
	mask uint64
	ids  []string
}{
	{codec.LayoutStereo, []string{"SLFT", "SRGT"}},
	{codec.Layout5Point0, []string{"MLFT", "MRGT", "C   ", "LS  ", "RS  "}},
	{codec.Layout5Point1, []string{"MLFT", "MRGT", "C   ", "LFE ", "LS  ", "RS  "}},
}

// dsdLoudspeaker is iff.c dsd_loudspeaker_config: LSCO's configuration
// numbers 0 to 4, 0 where FFmpeg names no layout.
var dsdLoudspeaker = [...]uint64{codec.LayoutStereo, 0, 0, codec.Layout5Point0, codec.Layout5Point1}

// prop reads the sound property chunks as parse_dsd_prop does.
func (s *state) prop(orig int64, size uint64) error {
	return s.subChunks(orig, size, "property", s.property)
}

// property reads one sound property chunk of n bytes whose body is at sub.
func (s *state) property(id uint32, n uint64, at, sub int64) error {
	r := s.r
	switch id {
	case tagOf("ABSS"):
		if n < 8 {
			return s.fail(container.ErrMalformed, at, "ABSS of %d bytes", n)
		}
		b, err := r.read(8)
		if err != nil {
			return err
		}
		s.st.Tags.Set("absolute_start_time", fmt.Sprintf("%02dh:%02dm:%02ds:%d",
			binary.BigEndian.Uint16(b), b[2], b[3], int32(binary.BigEndian.Uint32(b[4:]))))
	case tagOf("CHNL"):
		if n < 2 {
			return s.fail(container.ErrMalformed, at, "CHNL of %d bytes", n)
		}
		ch, err := r.rb16()
		if err != nil {
			return err
		}
		s.mask, s.channels = 0, int(ch)
		if n < 2+uint64(ch)*4 || ch == 0 {
			return s.fail(container.ErrMalformed, at, "CHNL of %d bytes for %d channels", n, ch)
		}
		if ch > 6 {
			break // "channel layout": unspecified
		}
		var ids [6]uint32
		for i := range int(ch) {
			if ids[i], err = r.rl32(); err != nil {
				return err
			}
		}
		for _, d := range dsdLayouts {
			if len(d.ids) != int(ch) {
				continue
			}
			match := true
			for i, x := range d.ids {
				match = match && ids[i] == tagOf(x)
			}
			if match {
				s.setLayout(d.mask)
				break
			}
		}
	case tagOf("CMPR"):
		if n < 4 {
			return s.fail(container.ErrMalformed, at, "CMPR of %d bytes", n)
		}
		tag, err := r.rl32()
		if err != nil {
			return err
		}
		s.codecTag = tag
		switch tag {
		case idDSD:
			s.codecName = "dsd_msbf"
		case idDST:
			s.codecName = "dst"
		default:
			return s.fail(container.ErrUnsupported, at, "%q compression is not supported", codec.TagString(tag))
		}
	case tagOf("FS  "):
		if n < 4 {
			return s.fail(container.ErrMalformed, at, "FS of %d bytes", n)
		}
		v, err := r.rb32()
		if err != nil {
			return err
		}
		s.rate = int(v / 8)
	case tagOf("ID3 "):
		if err := s.id3(sub, n, at); err != nil {
			return err
		}
	case tagOf("LSCO"):
		if n < 2 {
			return s.fail(container.ErrMalformed, at, "LSCO of %d bytes", n)
		}
		config, err := r.rb16()
		if err != nil {
			return err
		}
		if config != 0xFFFF {
			if int(config) < len(dsdLoudspeaker) {
				s.mask = dsdLoudspeaker[config]
				s.channels = codec.LayoutChannels(s.mask)
			}
			if s.channels == 0 {
				return s.fail(container.ErrUnsupported, at, "loudspeaker configuration %d", config)
			}
		}
	}
	return nil
}

// id3 reads the ID3v2 tag of an ID3 property chunk as ff_id3v2_read does:
// text frames to the format's tags without overwriting, pictures to
// streams; a tag longer than its chunk fails the header.
func (s *state) id3(sub int64, n uint64, at int64) error {
	if uint32(n) == 10 {
		// id3v2_read_internal searches no further than the chunk size
		// less a tag header (unsigned), which leaves no room here.
		return nil
	}
	t, err := tags.ReadID3v2(s.r.src, sub)
	if err != nil && errors.Is(err, container.ErrLimit) {
		return err
	}
	if t == nil {
		return nil
	}
	for k, v := range t.Tags.All() {
		s.info.Format.Tags.AddIfAbsent(k, v)
	}
	if err := tags.PictureStreams(s.info, s.r.src, t.Pictures); err != nil {
		return err
	}
	end := min(t.End, s.r.size)
	if uint64(end-sub) > n {
		return s.fail(container.ErrMalformed, at, "id3 exceeds chunk size")
	}
	s.r.seek(end)
	return nil
}

// The comment types of a COMT chunk name its text's key by their reference
// number (iff.c dsd_source_comment, dsd_history_comment).
var (
	dsdSourceComment  = [...]string{"dsd_source_comment", "analogue_source_comment", "pcm_source_comment"}
	dsdHistoryComment = [...]string{"general_remark", "operator_name", "creating_machine", "timezone", "file_revision"}
)

// comt reads the comments chunk as iff_read_header does: each comment's
// time is a stream tag, its text a format tag named by its type.
func (s *state) comt() error {
	r := s.r
	count, err := r.rb16()
	if err != nil {
		return err
	}
	for i := range int(count) {
		at := r.pos
		if err := r.src.Budget().Visit(name, "comment", at); err != nil {
			return err
		}
		b, err := r.read(8)
		if err != nil {
			return err
		}
		s.st.Tags.Set("comment_time", fmt.Sprintf("%04d-%02d-%02d %02d:%02d",
			binary.BigEndian.Uint16(b), b[2], b[3], b[4], b[5]))
		typ := binary.BigEndian.Uint16(b[6:])
		ref, err := r.rb16()
		if err != nil {
			return err
		}
		key := "comment"
		switch typ {
		case 1:
			key = "channel_comment"
			if i > 0 {
				key = fmt.Sprintf("channel%d_comment", ref)
			}
		case 2:
			key = "source_comment"
			if int(ref) < len(dsdSourceComment) {
				key = dsdSourceComment[ref]
			}
		case 3:
			key = "file_history"
			if int(ref) < len(dsdHistoryComment) {
				key = dsdHistoryComment[ref]
			}
		}
		l, err := r.rb32()
		if err != nil {
			return err
		}
		if err := s.metadata(key, l, at); err != nil {
			return err
		}
		if l&1 != 0 {
			r.seek(r.pos + 1)
		}
		if r.eof {
			// Past the end every further comment reads as zeros: a time
			// of zeros and an empty "comment", the same each time.
			if i+1 < int(count) {
				s.st.Tags.Set("comment_time", "0000-00-00 00:00")
				s.info.Format.Tags.Set("comment", "")
			}
			break
		}
	}
	return nil
}
