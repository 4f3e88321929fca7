package asf

import (
	"strconv"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/codec/vc1"
	wavcodec "github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/codec/wma"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

const (
	name     = "asf"
	longName = "ASF (Advanced / Active Streaming Format)"
)

// Demuxer returns the demuxer of ASF files (WMA, WMV), FFmpeg's "asf"
// (asfdec_f.c), which is the one ffprobe 5.1 uses.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:     name,
		LongName: longName,
		Probe:    probe,
		Read:     read,
	}
}

// probe scores as asf_probe does: certain for the header object's GUID.
func probe(b []byte) int {
	if len(b) >= 16 && guid(b[:16]) == guidHeader {
		return 100
	}
	return 0
}

// maxStreams is ASF_MAX_STREAMS: asf_read_stream_properties refuses a
// stream past it (counting attached pictures).
const maxStreams = 127

// Value types of the extended content description and metadata objects.
const (
	typeUnicode   = 0
	typeByteArray = 1
	typeBool      = 2
	typeDWORD     = 3
	typeQWORD     = 4
	typeWORD      = 5
	typeGUID      = 6
	typeASCII     = -1 // FFmpeg's own: the strings of the content encryption object
)

// fileProps is what asf_read_file_properties keeps.
type fileProps struct {
	fileSize   uint64
	playTime   uint64 // 100 ns
	preroll    uint64 // ms
	flags      uint32 // bit 0: broadcast
	minPktSize uint32
	maxPktSize uint32
}

// payloadExt is a payload extension system of a stream: its type (the
// first byte of its GUID) and size.
type payloadExt struct {
	typ  byte
	size uint16
}

// reader holds the state of one read_header.
type reader struct {
	src  container.Source
	info *container.Info
	c    cursor
	hdr  fileProps

	byID      [128]*container.Stream // asfid2avid
	bitrates  [128]uint32
	dar       [128]container.Rational
	langIndex [128]uint16
	languages [128]string
	exts      [128][]payloadExt
	// codecRates are the frame rates the video decoders or parsers take
	// from the extradata or first frame (MPEG-4 VOL, H.264/HEVC VUI).
	codecRates [128]container.Rational
}

// read mirrors asf_read_header, then reads the first data packets for the
// streams' start times and frame rates, as avformat_find_stream_info does.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	info.Format.Size = src.Size()
	r := &reader{src: src, info: info, c: cursor{src: src, pos: start}}
	for i := range r.langIndex {
		r.langIndex[i] = 128 // no language
	}
	c := &r.c
	if c.guid() != guidHeader {
		if c.err != nil {
			return nil, c.err
		}
		return nil, demuxkit.Errorf(name, "header", start, container.ErrUnknownFormat, "no ASF header object")
	}
	// Size, object count and two reserved bytes: FFmpeg trusts neither
	// count nor size and walks objects until the data object.
	c.skip(8 + 4 + 2)
	var dataObj int64 = -1
	var dataSize uint64
	for dataObj < 0 {
		gpos := c.pos
		if err := src.Budget().Visit(name, "object", gpos); err != nil {
			return nil, err
		}
		g := c.guid()
		gsize := c.u64()
		if c.err != nil {
			return nil, c.err
		}
		if g == guidData {
			dataObj = gpos
			dataSize = gsize
			break
		}
		if gsize < 24 {
			return nil, demuxkit.Errorf(name, "object", gpos, container.ErrMalformed, "object of %d bytes", gsize)
		}
		var err error
		switch g {
		case guidFileProperties:
			err = r.fileProperties(gpos)
		case guidStreamProperties:
			err = r.streamProperties(gpos, int64(min(gsize, 1<<62)))
		case guidContentDesc:
			r.contentDesc()
		case guidLanguageList:
			r.languageList()
		case guidExtContentDesc:
			r.extContentDesc()
		case guidMetadata, guidMetadataLibrary:
			r.metadata()
		case guidExtStreamProps:
			if err := r.extStreamProperties(gpos); err != nil {
				return nil, err
			}
			// An optional stream properties object may follow inside it:
			// the walk goes on from here.
			if c.err != nil {
				return nil, c.err
			}
			continue
		case guidHeaderExtension:
			// Its children are walked as if they were the header's.
			c.guid()
			c.skip(6)
			continue
		case guidContentEncryption:
			err = r.contentEncryption()
		case guidExtContentEncrypt:
			info.Format.Tags.Set("encryption", "ASF Extended Content Encryption")
		}
		if err != nil {
			return nil, err
		}
		if c.err != nil {
			return nil, c.err
		}
		if gsize > uint64(src.Size()) {
			return nil, demuxkit.Errorf(name, "object", gpos, container.ErrTruncated, "object of %d bytes past the end", gsize)
		}
		c.pos = gpos + int64(gsize)
	}
	// The data object's header: file id, packet count, two reserved bytes.
	c.guid()
	c.u64()
	c.skip(2)
	if c.err != nil || c.pos > src.Size() {
		return nil, demuxkit.Errorf(name, "data", dataObj, container.ErrTruncated, "data object header past the end")
	}
	info.Format.DataOffset = c.pos
	dataEnd := int64(-1)
	if r.hdr.flags&1 == 0 && dataSize >= 100 && dataSize <= uint64(1<<62) {
		dataEnd = dataObj + int64(dataSize)
	}
	r.finishStreams()
	convertMetadata(&info.Format.Tags)
	if err := r.scanPackets(c.pos, dataEnd); err != nil {
		return info, err
	}
	return info, nil
}

// fileProperties reads the file properties object.
func (r *reader) fileProperties(gpos int64) error {
	c := &r.c
	c.guid()
	r.hdr.fileSize = c.u64()
	c.u64() // creation time
	c.u64() // data packets
	r.hdr.playTime = c.u64()
	c.u64() // send duration
	r.hdr.preroll = uint64(c.u32())
	c.u32()
	r.hdr.flags = c.u32()
	r.hdr.minPktSize = c.u32()
	r.hdr.maxPktSize = c.u32()
	if r.hdr.minPktSize >= 1<<29 {
		return demuxkit.Errorf(name, "file properties", gpos, container.ErrMalformed, "packet size %d", r.hdr.minPktSize)
	}
	c.u32() // max bit rate
	return nil
}

// streamProperties reads a stream properties object of size bytes at gpos
// as asf_read_stream_properties does.
func (r *reader) streamProperties(gpos, size int64) error {
	c := &r.c
	if len(r.info.Streams) >= maxStreams {
		return demuxkit.Errorf(name, "stream properties", gpos, container.ErrLimit, "too many streams")
	}
	pos1 := c.pos
	g := c.guid()
	var typ container.MediaType
	codecName := ""
	testExtAudio := false
	switch g {
	case guidAudioStream:
		typ = container.Audio
	case guidVideoStream:
		typ = container.Video
	case guidJFIFMedia:
		typ, codecName = container.Video, "mjpeg"
	case guidCommandStream:
		typ = container.Data
	case guidExtStreamEmbed:
		testExtAudio = true
		typ = container.Unknown
	default:
		if c.err != nil {
			return c.err
		}
		return demuxkit.Errorf(name, "stream properties", gpos, container.ErrMalformed, "unknown stream type")
	}
	st, err := r.src.Budget().AddStream(r.info, typ, name, gpos)
	if err != nil {
		return err
	}
	st.TimeBase = container.Rational{Num: 1, Den: 1000}
	st.CodecName = codecName
	if r.hdr.flags&1 == 0 {
		fsize := r.src.Size()
		fs := int64(r.hdr.fileSize)
		if fsize <= 0 || fs <= 0 || uint64(abs(fsize-fs)) < uint64(min(fsize, fs))/20 {
			st.DurationTS = int64(r.hdr.playTime/10000 - r.hdr.preroll)
		}
	}
	c.guid()  // error correction type
	c.skip(8) // time offset
	typeSpecific := int64(c.u32())
	c.u32()
	id := int(c.u16() & 0x7f)
	r.byID[id] = st
	c.u32()
	dvrAudio := false
	if testExtAudio {
		if c.guid() == guidExtStreamAudio {
			st.Type = container.Audio
			dvrAudio = true
			c.guid()
			c.skip(12)
			c.guid()
			c.u32()
		}
	}
	if c.err != nil {
		return c.err
	}
	switch {
	case st.Type == container.Audio:
		off := c.pos
		b := c.raw(min(typeSpecific, wavcodec.MaxHeaderLen, max(r.src.Size()-off, 0)), "audio format")
		if c.err != nil {
			return c.err
		}
		h, err := wavcodec.ParseHeader(b, typeSpecific, false, off)
		if err != nil {
			return err
		}
		setAudio(st, h)
		if dvrAudio {
			st.CodecTag = 0
		}
	case st.Type == container.Video && size-(c.pos-pos1+24) >= 51:
		c.skip(4 + 4 + 1 + 2)
		sizeX := int64(int32(c.u32()))
		bmp := c.raw(40-4, "video format")
		if c.err != nil {
			return c.err
		}
		var full [codec.BitmapInfoHeaderSize]byte
		copy(full[4:], bmp)
		h, _ := codec.ParseBitmapInfoHeader(full[:])
		st.Width, st.Height = int(h.Width), int(h.Height)
		var extradata []byte
		if sizeX > 40 {
			if size < sizeX-40 {
				return demuxkit.Errorf(name, "stream properties", gpos, container.ErrMalformed, "extradata of %d bytes in a %d-byte object", sizeX-40, size)
			}
			n := min(sizeX-40, max(r.src.Size()-c.pos, 0)) // ffio_limit
			extradata = append([]byte(nil), c.raw(n, "extradata")...)
			if c.err != nil {
				return c.err
			}
		}
		st.CodecTag = h.Compression
		st.CodecName = codec.BMPCodec(h.Compression)
		if h.Compression == 'D'|'V'<<8|'R'<<16|' '<<24 {
			st.Width, st.Height = 0, 0
			extradata = nil
		}
		r.codecRates[id] = describeVideo(st, extradata, int(h.BitCount))
		st.ExtradataSize = len(extradata)
	}
	return nil
}

// abs is |x| for the file-size check.
func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// setAudio fills st from the WAVEFORMATEX, and what the decoder reports.
func setAudio(st *container.Stream, h *wavcodec.Header) {
	h.Fill(st)
	wma.Describe(st, h.Extradata)
	if st.CodecName == "flac" {
		// The decoder opens with the STREAMINFO in the extradata.
		if b, ok := flac.ExtradataStreamInfo(h.Extradata); ok {
			if si, err := flac.ParseStreamInfo(b); err == nil {
				_ = si.Describe(st)
			}
		}
	}
	if st.CodecName == "aac" {
		// The decoder opens with the AudioSpecificConfig in the extradata.
		if c, err := aac.ParseAudioSpecificConfig(h.Extradata); err == nil {
			st.Channels, st.SampleRate = c.OutputChannels(), c.OutputSampleRate()
			st.ChannelLayout, st.Profile = c.Layout(), c.Profile()
		}
	}
}

// describeVideo sets what the decoder reports once opened with the
// extradata.
func describeVideo(st *container.Stream, extradata []byte, bitCount int) (codecRate container.Rational) {
	if codec.DescribeInit(st, bitCount, extradata) {
		// The decoders with one output format set it when they open.
		return
	}
	switch st.CodecName {
	case "wmv3":
		if cfg, err := vc1.ParseWMV3(extradata); err == nil {
			cfg.Describe(st)
		}
	case "vc1":
		if cfg, err := vc1.ParseWVC1(extradata); err == nil {
			cfg.Describe(st)
		}
	}
	if len(extradata) > 0 {
		switch st.CodecName {
		case "mpeg4":
			return es.MPEG4(st, extradata)
		case "h264":
			if rate, ok := es.Record(st, extradata, nil); ok {
				return rate
			}
			return es.H264(st, extradata)
		case "hevc":
			return es.HEVC(st, extradata)
		}
	}
	return
}

// extStreamProperties reads an extended stream properties object's fixed
// fields, stream names and payload extension systems, leaving the cursor
// after them.
func (r *reader) extStreamProperties(gpos int64) error {
	c := &r.c
	c.skip(16) // start and end time
	leak := c.u32()
	c.skip(4 * 6)
	c.u32() // flags
	num := c.u16()
	langIdx := c.u16()
	if num < 128 {
		r.langIndex[num] = langIdx
	}
	c.u64() // average time per frame
	names := int(c.u16())
	exts := int(c.u16())
	if num < 128 {
		r.bitrates[num] = leak
		r.exts[num] = r.exts[num][:0]
	}
	for i := 0; i < names && c.err == nil; i++ {
		if err := r.src.Budget().Visit(name, "stream name", c.pos); err != nil {
			return err
		}
		c.u16()
		c.skip(int64(c.u16()))
	}
	for i := 0; i < exts && c.err == nil; i++ {
		if err := r.src.Budget().Visit(name, "payload extension", c.pos); err != nil {
			return err
		}
		g := c.guid()
		size := c.u16()
		n := int32(c.u32())
		if n < 0 {
			return demuxkit.Errorf(name, "extended stream properties", gpos, container.ErrMalformed, "payload extension of %d bytes", n)
		}
		c.skip(int64(n))
		if num < 128 && i < 8 {
			r.exts[num] = append(r.exts[num], payloadExt{typ: g[0], size: size})
		}
	}
	if c.pos > r.src.Size() {
		return demuxkit.Errorf(name, "extended stream properties", gpos, container.ErrTruncated, "past the end")
	}
	return nil
}

// contentDesc reads the content description object: title, author,
// copyright, description; the rating is skipped.
func (r *reader) contentDesc() {
	c := &r.c
	var l [5]int
	for i := range l {
		l[i] = int(c.u16())
	}
	r.tag("title", typeUnicode, l[0], 32)
	r.tag("author", typeUnicode, l[1], 32)
	r.tag("copyright", typeUnicode, l[2], 32)
	r.tag("comment", typeUnicode, l[3], 32)
	c.skip(int64(l[4]))
}

// extContentDesc reads the extended content description object.
func (r *reader) extContentDesc() {
	c := &r.c
	n := int(c.u16())
	for i := 0; i < n && c.err == nil; i++ {
		if r.src.Budget().Visit(name, "descriptor", c.pos) != nil {
			return
		}
		nameLen := int(c.u16())
		if nameLen%2 != 0 {
			nameLen++
		}
		key, _ := c.str16(nameLen, 1024, "descriptor name")
		typ := int(c.u16())
		valueLen := int(c.u16())
		if typ == typeUnicode && valueLen%2 != 0 {
			valueLen++
		}
		switch key {
		case "AspectRatioX":
			r.dar[0].Num = int64(r.value(typ, 32))
		case "AspectRatioY":
			r.dar[0].Den = int64(r.value(typ, 32))
		default:
			r.tag(key, typ, valueLen, 32)
		}
	}
}

// metadata reads a metadata or metadata library object: its values are
// format tags whatever stream they name.
func (r *reader) metadata() {
	c := &r.c
	n := int(c.u16())
	for i := 0; i < n && c.err == nil; i++ {
		if r.src.Budget().Visit(name, "descriptor", c.pos) != nil {
			return
		}
		c.u16() // language list index
		stream := int(c.u16())
		nameLen := int(c.u16())
		typ := int(c.u16())
		valueLen := int32(c.u32())
		if valueLen < 0 || valueLen > 0xFFFF {
			return // asf_read_metadata fails, and its caller ignores it
		}
		key, _ := c.str16(nameLen, 2*nameLen+1, "descriptor name")
		switch key {
		case "AspectRatioX":
			v := r.value(typ, 16)
			if stream < 128 {
				r.dar[stream].Num = int64(v)
			}
		case "AspectRatioY":
			v := r.value(typ, 16)
			if stream < 128 {
				r.dar[stream].Den = int64(v)
			}
		default:
			r.tag(key, typ, int(valueLen), 16)
		}
	}
}

// languageList reads the language list object.
func (r *reader) languageList() {
	c := &r.c
	n := int(c.u16())
	for j := 0; j < n && c.err == nil; j++ {
		if r.src.Budget().Visit(name, "language", c.pos) != nil {
			return
		}
		l := int(c.u8())
		lang, _ := c.str16(l, 6, "language")
		if j < 128 {
			r.languages[j] = lang
		}
	}
}

// contentEncryption reads the content encryption object's strings as
// format tags, as asfdec_f.c does.
func (r *reader) contentEncryption() error {
	c := &r.c
	c.skip(int64(c.u32())) // secret data
	for _, key := range []string{"ASF_Protection_Type", "ASF_Key_ID", "ASF_License_URL"} {
		n := c.u32()
		if n > 0xFFFF {
			return demuxkit.Errorf(name, "content encryption", c.pos, container.ErrMalformed, "string of %d bytes", n)
		}
		r.tag(key, typeASCII, int(n), 32)
	}
	return nil
}

// value reads a numeric value as get_value does: an int, INT_MIN for the
// types that are not numbers (which read nothing). A BOOL is 32 bits in
// the extended content description and 16 in the metadata objects.
func (r *reader) value(typ, boolBits int) int32 {
	c := &r.c
	switch typ {
	case typeBool:
		if boolBits == 32 {
			return int32(c.u32())
		}
		return int32(c.u16())
	case typeDWORD:
		return int32(c.u32())
	case typeQWORD:
		return int32(c.u64()) // truncated to an int, as FFmpeg returns it
	case typeWORD:
		return int32(c.u16())
	}
	return -1 << 31
}

// tag reads a value of length n as get_tag does and sets it as a format
// tag, when it is a string or number that is not empty. Byte arrays are
// skipped except WM/Picture, which becomes an attached picture. The
// cursor ends after the value whatever was read.
func (r *reader) tag(key string, typ, n int, boolBits int) {
	c := &r.c
	off := c.pos
	defer func() {
		if c.err == nil {
			c.pos = off + int64(n)
		}
	}()
	if strings.HasPrefix(key, "xmp") {
		return // export_xmp is off
	}
	var value string
	switch typ {
	case typeUnicode:
		value, _ = c.str16(n, 2*n+1, "value")
	case typeASCII:
		b := c.raw(min(int64(n), max(r.src.Size()-off, 0)), "value")
		if i := strings.IndexByte(string(b), 0); i >= 0 {
			b = b[:i]
		}
		value = string(b)
	case typeByteArray:
		if key == "WM/Picture" {
			r.picture(n)
		}
		return
	case typeBool, typeDWORD, typeQWORD, typeWORD:
		// The int get_value returns, widened to 64 bits with its sign and
		// printed unsigned.
		value = strconv.FormatUint(uint64(int64(r.value(typ, boolBits))), 10)
	default:
		return
	}
	if value != "" {
		r.info.Format.Tags.Set(key, value)
	}
}

// picture reads a WM/Picture value of n bytes as asf_read_picture does and
// adds its attached-picture stream, locating the image bytes without
// reading them.
func (r *reader) picture(n int) {
	c := &r.c
	if n < 1+4+2+2 {
		return
	}
	typ := int(c.u8())
	n--
	if typ >= len(tags.PictureTypes) {
		typ = 0
	}
	picSize := int32(c.u32())
	n -= 4
	mime, ret := c.str16(n, 64, "picture MIME type")
	n -= ret
	codecName := picture.CodecForMIME(mime)
	if codecName == "" || c.err != nil {
		return
	}
	if int(picSize) >= n || picSize < 0 {
		return
	}
	desc, _ := c.str16(n-int(picSize), (n-int(picSize))*2+1, "picture description")
	if c.err != nil {
		return
	}
	dataOff := c.pos
	length := min(int64(picSize), max(r.src.Size()-dataOff, 0))
	if length <= 0 {
		return // av_get_packet reads nothing
	}
	st, err := r.src.Budget().AddStream(r.info, container.Video, name, dataOff)
	if err != nil {
		// Past max_streams FFmpeg goes on without the picture; a spent
		// budget stops the walk.
		if r.src.Budget().Err() != nil {
			c.err = err
		}
		return
	}
	st.Disposition |= container.DispositionAttachedPic
	st.CodecName = codecName
	if desc != "" {
		st.Tags.Set("title", desc)
	}
	st.Tags.Set("comment", tags.PictureTypes[typ])
	st.Picture = &container.Picture{Offset: dataOff, Length: length, MIME: mime, Type: typ}
	if err := picture.Describe(st, r.src, dataOff, length, mime); err != nil {
		c.err = err
	}
}

// finishStreams applies what read_header sets after the walk: the
// extended stream properties' bit rates, aspect ratios and languages.
func (r *reader) finishStreams() {
	for id, st := range r.byID {
		if st == nil {
			continue
		}
		if st.BitRate == 0 {
			st.BitRate = int64(r.bitrates[id])
		}
		if d := r.dar[id]; d.Num > 0 && d.Den > 0 {
			st.SampleAspectRatio = d.Reduce(1<<31 - 1)
		} else if d := r.dar[0]; d.Num > 0 && d.Den > 0 && st.Type == container.Video {
			st.SampleAspectRatio = d.Reduce(1<<31 - 1)
		}
		if li := r.langIndex[id]; li < 128 {
			if l := r.languages[li]; len(l) > 1 {
				if iso, ok := iso639B[l[:2]]; ok {
					st.Tags.Set("language", iso)
				}
			}
		}
	}
}

// metadataConv is ff_asf_metadata_conv: ASF attribute names and the
// generic names ffprobe prints for them.
var metadataConv = [...][2]string{
	{"WM/AlbumArtist", "album_artist"},
	{"WM/AlbumTitle", "album"},
	{"Author", "artist"},
	{"Description", "comment"},
	{"WM/Composer", "composer"},
	{"WM/EncodedBy", "encoded_by"},
	{"WM/EncodingSettings", "encoder"},
	{"WM/Genre", "genre"},
	{"WM/Language", "language"},
	{"WM/OriginalFilename", "filename"},
	{"WM/PartOfSet", "disc"},
	{"WM/Publisher", "publisher"},
	{"WM/Tool", "encoder"},
	{"WM/TrackNumber", "track"},
	{"WM/MediaStationCallSign", "service_provider"},
	{"WM/MediaStationName", "service_name"},
}

// convertMetadata renames the tags as ff_metadata_conv does: a new
// dictionary built in order, each key replaced by its generic name
// (compared ignoring case), later duplicates overwriting earlier ones.
func convertMetadata(t *container.Tags) {
	var out container.Tags
	for _, tag := range t.List() {
		key := tag.Key
		for _, m := range metadataConv {
			if strings.EqualFold(key, m[0]) {
				key = m[1]
				break
			}
		}
		out.Set(key, tag.Value)
	}
	*t = out
}
