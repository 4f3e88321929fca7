package mp4

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/alac"
	"github.com/mediaprobe/mediaprobe/codec/opus"
	"github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// readStsd reads the sample descriptions (mov_read_stsd and
// ff_mov_read_stsd_entries). The payload is read once and parsed from
// memory: go-mp4 has no QuickTime sound description v1/v2 and reads an
// unknown entry as opaque bytes, so the entries and their child boxes are
// decoded here.
func (d *demuxer) readStsd(b box) error {
	t := d.cur
	if t == nil {
		return nil
	}
	p, err := d.payload(b)
	if err != nil {
		return err
	}
	c := &cursor{b: p}
	t.stsdVersion = c.u8()
	c.skip(3)
	entries := int64(int32(c.u32()))
	if c.bad || entries <= 0 || entries > b.payLen()/8 || entries > 1024 {
		return demuxkit.Errorf(fmtName, "stsd", b.off, container.ErrMalformed, "invalid stsd entries %d", entries)
	}
	if t.stsdSeen {
		return demuxkit.Errorf(fmtName, "stsd", b.off, container.ErrMalformed, "duplicate stsd in a track")
	}
	t.stsdSeen = true
	pos := int64(8)
	for i := int64(0); i < entries; i++ {
		if pos+8 > int64(len(p)) {
			break // "reached eof, corrupted STSD atom"
		}
		size := int64(binary.BigEndian.Uint32(p[pos:]))
		format := string(p[pos+4 : pos+8])
		if size <= 7 {
			return demuxkit.Errorf(fmtName, "stsd", b.off, container.ErrMalformed, "invalid size %d in stsd", size)
		}
		end := min(pos+size, int64(len(p)))
		if t.codecTagSet && format != t.format && !multiFourccAllowed(t.format, format) {
			// "multiple fourcc not supported": later entries with another
			// codec are skipped.
			pos += size
			continue
		}
		first := !t.codecTagSet
		d.sampleEntry(t, p[pos:end], b.payOff()+pos, format, first)
		if t.st.Type == container.Audio && (t.st.SampleRate < 0 || t.st.Channels < 0) {
			return demuxkit.Errorf(fmtName, "stsd", b.off, container.ErrMalformed, "invalid sample rate %d or channels %d", t.st.SampleRate, t.st.Channels)
		}
		pos += size
	}
	d.finalizeCodec(t)
	return nil
}

func multiFourccAllowed(tag, format string) bool {
	switch tag {
	case "apcn", "apch", "dvpp", "dvcp":
		return true
	}
	return tag == "AV1x" && format == "AVup" || tag == "jpeg"
}

// codecID is mov_codec_id: the audio table first (unless the handler said
// video), with the WAVE format tags of Microsoft's "ms" fourccs; then, for
// a track that is not audio, the video table and the BITMAPINFOHEADER
// tags, then subtitle and data for tracks of those types.
func codecID(st *container.Stream, format string) string {
	id := codec.MovAudioCodec(format)
	if id == "" && len(format) == 4 && (format[:2] == "ms" || format[:2] == "TS") {
		switch tag := uint32(format[2])<<8 | uint32(format[3]); tag {
		case 0x0001:
			id = "pcm_s16le"
		case 0x0003:
			id = "pcm_f32le"
		default:
			id = wav.CodecName(tag, 0)
		}
	}
	if st.Type != container.Video && id != "" {
		st.Type = container.Audio
		return id
	}
	if st.Type == container.Audio || format == "\x00\x00\x00\x00" || format == "mp4s" {
		return id
	}
	id = codec.MovVideoCodec(format)
	if id == "" && len(format) == 4 {
		id = codec.BMPCodec(binary.LittleEndian.Uint32([]byte(format)))
	}
	if id != "" {
		st.Type = container.Video
		return id
	}
	if st.Type == container.Data || (st.Type == container.Subtitle && st.CodecName == "") {
		if id = codec.LookupFourCC(movSubtitleTags, format); id != "" {
			st.Type = container.Subtitle
			return id
		}
		return codec.LookupFourCC(movDataTags, format)
	}
	return ""
}

// sampleEntry parses one sample description; e starts at its size field,
// at offset base of the object.
func (d *demuxer) sampleEntry(t *track, e []byte, base int64, format string, first bool) {
	st := t.st
	t.format = format
	t.codecTagSet = true
	st.CodecTag = codec.Fourcc(format)
	id := codecID(st, format)
	if id != "" || first {
		st.CodecName = id
	}
	var childOff int
	switch st.Type {
	case container.Video:
		childOff = d.videoEntry(t, e)
	case container.Audio:
		childOff = d.audioEntry(t, e)
	case container.Subtitle:
		// mp4s carries a regular esds; the other text formats keep the
		// rest of the entry as extradata (mov_parse_stsd_subtitle).
		childOff = len(e)
		if format == "mp4s" {
			childOff = 16
		} else if len(e) > 16 {
			st.ExtradataSize = len(e) - 16
		}
	default:
		// mov_parse_stsd_data keeps the rest of a tmcd entry as
		// extradata and skips the rest of any other data entry (stpp,
		// wvtt, mett, an mp4s whose handler is not subp): no child box
		// is read, not even an esds.
		childOff = len(e)
		if format == "tmcd" && len(e) > 16 {
			tmcdEntry(t, e[16:])
		}
	}
	if childOff < len(e) && len(e)-childOff > 8 {
		d.entryChildren(t, e[childOff:], base+int64(childOff), 0)
	}
}

// videoEntry reads a VisualSampleEntry / QuickTime video description
// (mov_parse_stsd_video) and returns where its child boxes start.
func (d *demuxer) videoEntry(t *track, e []byte) int {
	st := t.st
	c := &cursor{b: e}
	c.skip(16)
	c.skip(4)
	vendor := c.u32()
	c.skip(8)
	st.Width = int(c.u16())
	st.Height = int(c.u16())
	c.skip(4 + 4 + 4 + 2)
	n := int(c.u8())
	name := c.take(31)
	if c.bad {
		return len(e)
	}
	st.Tags.Set("vendor_id", codec.TagString(binary.LittleEndian.Uint32(be32(vendor))))
	if n > 31 {
		n = 31
	}
	if s := macString(name[:n]); s != "" {
		st.Tags.Set("encoder", s)
	}
	t.depth = int(c.u16())
	c.skip(2) // colour table id
	return 86
}

func be32(v uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], v)
	return b[:]
}

// audioEntry reads a sound sample description (mov_parse_stsd_audio): the
// v0 fields, and the QuickTime v1/v2 extensions when mov.c reads them. It
// returns where the child boxes start.
func (d *demuxer) audioEntry(t *track, e []byte) int {
	st := t.st
	c := &cursor{b: e}
	c.skip(16)
	version := c.u16()
	c.skip(2)
	vendor := c.u32()
	channels := int(c.u16())
	bits := int(c.u16())
	c.u16() // audio_cid
	c.skip(2)
	rate := int(c.u32() >> 16)
	if c.bad {
		return len(e)
	}
	st.Tags.Set("vendor_id", codec.TagString(binary.LittleEndian.Uint32(be32(vendor))))
	st.Channels = channels
	st.SampleRate = rate
	bitsCoded := bits
	if !d.isom || strings.Contains(d.compat, "qt  ") || (t.stsdVersion == 0 && version > 0) {
		switch version {
		case 1:
			t.samplesPerFrame = int64(c.u32())
			c.skip(4)
			t.bytesPerFrame = int64(c.u32())
			c.skip(4)
		case 2:
			c.skip(4)
			rate := math.Float64frombits(c.u64())
			if !(rate >= 0 && rate <= 1<<31-1) {
				rate = -1 // out of int range: mov.c ends with "Invalid sample rate"
			}
			st.SampleRate = int(rate)
			st.Channels = int(int32(c.u32()))
			c.skip(4)
			bitsCoded = int(c.u32())
			flags := c.u32()
			t.bytesPerFrame = int64(c.u32())
			t.samplesPerFrame = int64(c.u32())
			if t.format == "lpcm" {
				st.CodecName = lpcmCodec(bitsCoded, flags)
			}
		}
	}
	if t.format == "\x00\x00\x00\x00" {
		if bitsCoded == 8 {
			st.CodecName = codecID(st, "raw ")
		} else if bitsCoded == 16 {
			st.CodecName = codecID(st, "twos")
		}
	}
	switch st.CodecName {
	case "pcm_s8", "pcm_u8":
		if bitsCoded == 16 {
			st.CodecName = "pcm_s16be"
		}
	case "pcm_s16le", "pcm_s16be":
		le := st.CodecName == "pcm_s16le"
		switch bitsCoded {
		case 8:
			st.CodecName = "pcm_s8"
		case 24:
			st.CodecName = pick(le, "pcm_s24le", "pcm_s24be")
		case 32:
			st.CodecName = pick(le, "pcm_s32le", "pcm_s32be")
		}
	case "mace3":
		t.samplesPerFrame, t.bytesPerFrame = 6, 2*int64(st.Channels)
	case "mace6":
		t.samplesPerFrame, t.bytesPerFrame = 6, int64(st.Channels)
	case "adpcm_ima_qt":
		t.samplesPerFrame, t.bytesPerFrame = 64, 34*int64(st.Channels)
	case "gsm":
		t.samplesPerFrame, t.bytesPerFrame = 160, 33
	}
	if bps := codec.BitsPerSample(st.CodecName); bps > 0 {
		t.sampleSize = int64(bps/8) * int64(st.Channels)
	}
	return c.pos
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// lpcmCodec is ff_mov_get_lpcm_codec_id: the PCM codec of a v2 'lpcm'
// description from its bit depth and format flags (1 float, 2 big-endian,
// 4 signed).
func lpcmCodec(bps int, flags uint32) string {
	float, be, signed := flags&1 != 0, flags&2 != 0, flags&4 != 0
	e := pick(be, "be", "le")
	if float {
		switch bps {
		case 32:
			return "pcm_f32" + e
		case 64:
			return "pcm_f64" + e
		}
		return ""
	}
	switch bps {
	case 8:
		return pick(signed, "pcm_s8", "pcm_u8")
	case 16, 24, 32:
		return pick(signed, "pcm_s", "pcm_u") + strconv.Itoa(bps) + e
	}
	return ""
}

// macRoman maps the upper half of Mac OS Roman to Unicode
// (mov_read_mac_string).
var macRoman = [128]rune{
	0xC4, 0xC5, 0xC7, 0xC9, 0xD1, 0xD6, 0xDC, 0xE1, 0xE0, 0xE2, 0xE4, 0xE3, 0xE5, 0xE7, 0xE9, 0xE8,
	0xEA, 0xEB, 0xED, 0xEC, 0xEE, 0xEF, 0xF1, 0xF3, 0xF2, 0xF4, 0xF6, 0xF5, 0xFA, 0xF9, 0xFB, 0xFC,
	0x2020, 0xB0, 0xA2, 0xA3, 0xA7, 0x2022, 0xB6, 0xDF, 0xAE, 0xA9, 0x2122, 0xB4, 0xA8, 0x2260, 0xC6, 0xD8,
	0x221E, 0xB1, 0x2264, 0x2265, 0xA5, 0xB5, 0x2202, 0x2211, 0x220F, 0x3C0, 0x222B, 0xAA, 0xBA, 0x3A9, 0xE6, 0xF8,
	0xBF, 0xA1, 0xAC, 0x221A, 0x192, 0x2248, 0x2206, 0xAB, 0xBB, 0x2026, 0xA0, 0xC0, 0xC3, 0xD5, 0x152, 0x153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0xF7, 0x25CA, 0xFF, 0x178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
	0x2021, 0xB7, 0x201A, 0x201E, 0x2030, 0xC2, 0xCA, 0xC1, 0xCB, 0xC8, 0xCD, 0xCE, 0xCF, 0xCC, 0xD3, 0xD4,
	0xF8FF, 0xD2, 0xDA, 0xDB, 0xD9, 0x131, 0x2C6, 0x2DC, 0xAF, 0x2D8, 0x2D9, 0x2DA, 0xB8, 0x2DD, 0x2DB, 0x2C7,
}

// macString decodes Mac OS Roman text up to its first NUL.
func macString(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if c == 0 {
			break
		}
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(macRoman[c-0x80])
		}
	}
	return sb.String()
}

// entryChildren walks the boxes after a sample entry's fixed fields (esds,
// wave, alac, dac3, dec3, dOps, dfLa, dmlp, enda, avcC, hvcC, ...), from
// memory, with the clamping of mov_read_default. base is the offset of b[0]
// in the object, for the few boxes mov.c reads past their end.
func (d *demuxer) entryChildren(t *track, b []byte, base int64, depth int) {
	if depth > maxDepth {
		return
	}
	_ = walk(bytes.NewReader(b), d.src.Budget(), 0, int64(len(b)), func(x box) error {
		p := b[x.payOff():min(x.off+x.size, int64(len(b)))]
		d.entryBox(t, x, p, b[x.off:min(x.off+x.size, int64(len(b)))], base, depth)
		return nil
	})
}

// entryBox handles one child of a sample entry; p is its payload, whole
// the box with its header; base+x.off is where the box is in the object.
func (d *demuxer) entryBox(t *track, x box, p, whole []byte, base int64, depth int) {
	st := t.st
	switch x.typ {
	case "esds":
		d.readEsds(t, p)
	case "sinf":
		d.entryChildren(t, p, base+x.payOff(), depth+1)
	case "frma":
		// Protected entries (encv, enca) name their original format here
		// (mov_read_frma): it becomes the codec tag and the codec.
		if len(p) >= 4 {
			f := string(p[:4])
			t.format = f
			st.CodecTag = codec.Fourcc(f)
			if id := codecID(st, f); id != "" {
				st.CodecName = id
			}
		}
	case "wave":
		if len(p) > 8 {
			d.entryChildren(t, p, base+x.payOff(), depth+1)
		}
	case "alac":
		if st.CodecName == "alac" {
			st.ExtradataSize = len(whole)
			t.alacCookie(whole)
		}
	case "dac3":
		if len(p) >= 3 {
			v := uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2])
			bsmod := (v >> 14) & 7
			acmod := (v >> 11) & 7
			lfe := (v >> 10) & 1
			setMask(st, codec.AC3Layout(uint(acmod), lfe == 1))
			// mov_read_dac3: the bit stream mode is the audio service
			// type, except that mode 7 with more than one channel (of the
			// layout just set) means karaoke.
			ast := container.AudioService(bsmod)
			if st.Channels > 1 && bsmod == 7 {
				ast = container.AudioServiceKaraoke
			}
			st.AddSideData(container.AudioServiceType{Type: ast})
			if code := (v >> 5) & 0x1f; int(code) < len(ac3Bitrates) {
				t.ac3BitRate = ac3Bitrates[code] * 1000
			}
		}
	case "dec3":
		if len(p) >= 5 {
			rate := int64(binary.BigEndian.Uint16(p) >> 3)
			v := uint32(p[2])<<16 | uint32(p[3])<<8 | uint32(p[4])
			bsmod := (v >> 12) & 0x1f // five bits, as mov_read_dec3 reads them
			acmod := (v >> 9) & 7
			lfe := (v >> 8) & 1
			setMask(st, codec.AC3Layout(uint(acmod), lfe == 1))
			// mov_read_dec3: the service type as for dac3.
			ast := container.AudioService(bsmod)
			if st.Channels > 1 && bsmod == 7 {
				ast = container.AudioServiceKaraoke
			}
			st.AddSideData(container.AudioServiceType{Type: ast})
			t.ac3BitRate = rate * 1000
		}
	case "dOps":
		if len(p) >= 11 && p[0] == 0 {
			st.ExtradataSize = len(p) + 8
			st.Channels = int(p[1])
			st.SampleRate = 48000
			// mov_read_dops makes the box an OpusHead (magic and version 1
			// in front; its multi-byte fields, unused here, byte-swapped),
			// whose mapping family gives the decoder's layout.
			if h, err := opus.ParseHead(append([]byte("OpusHead\x01"), p[1:]...)); err == nil {
				st.ChannelLayout = h.ChannelLayout()
			}
		}
	case "dfLa":
		d.readDfla(t, p)
	case "dmlp":
		if len(p) >= 10 {
			info := binary.BigEndian.Uint32(p)
			ratebits := (info >> 28) & 0xf
			if ratebits == 0xf {
				st.SampleRate = 0
			} else if ratebits&8 != 0 {
				st.SampleRate = 44100 << (ratebits & 7)
			} else {
				st.SampleRate = 48000 << (ratebits & 7)
			}
			assign := info & 0x1fff
			if assign == 0 {
				assign = (info >> 15) & 0x1f
			}
			var mask uint64
			for i, m := range thdLayout {
				if assign&(1<<uint(i)) != 0 {
					mask |= m
				}
			}
			setMask(st, mask)
		}
	case "chan":
		t.readChan(p)
	case "enda":
		if len(p) >= 2 && p[1] == 1 {
			littleEndian(st)
		}
	case "pcmC":
		// mov_read_pcmc (FFmpeg 5.1): a format_flags of 1 means little
		// endian, as enda; the sample size is not read.
		if len(p) >= 5 && p[4] == 1 {
			littleEndian(st)
		}
	case "avcC", "hvcC", "av1C", "glbl": // mov.c 5.1 knows no vvcC or evcC
		if st.ExtradataSize == 0 || x.typ != "glbl" {
			st.ExtradataSize = len(p)
		}
		if (x.typ != "glbl" || t.config == nil) && len(p) <= maxCodecConfig {
			// A glbl (mov_read_glbl) is the extradata too, an MPEG-4
			// VOL header for instance, unless a configuration box gave
			// it.
			t.config = append(t.config[:0], p...)
		}
		if x.typ == "hvcC" && t.format == "dvh1" {
			st.CodecName = "hevc"
		}
	case "ACLR":
		// mov_read_aclr: Avid's colour range atom joins the extradata,
		// its byte 19 gives the range (not for H.264).
		if st.CodecName != "h264" && len(p) == 16 && len(whole) == 24 {
			st.ExtradataSize += len(whole)
			switch whole[19] {
			case 1:
				st.ColorRange = "tv"
			case 2:
				st.ColorRange = "pc"
			}
		}
	case "APRG", "AALP":
		avidExtradata(st, whole)
	case "ARES":
		// mov_read_ares reads the display aspect of AVdn, AVd1 and
		// AVj2 entries instead, and nothing of AVin's.
		switch {
		case t.format == "AVin" && st.CodecName == "h264" && len(p) > 11:
		case (t.format == "AVd1" || t.format == "AVj2" || t.format == "AVdn") && len(p) >= 24:
		default:
			avidExtradata(st, whole)
		}
	case "colr":
		d.readColr(t, p, base+x.off+x.size)
	case "fiel":
		readFiel(st, p)
	case "mdcv":
		t.video.readMdcv(p)
	case "clli":
		t.video.readClli(p)
	case "dvcC", "dvvC", "dvwC":
		readDvcc(st, p)
	case "st3d":
		t.video.readSt3d(p)
	case "sv3d":
		t.video.readSv3d(p)
	case "pasp":
		if len(p) >= 8 {
			num := int64(int32(binary.BigEndian.Uint32(p)))
			den := int64(int32(binary.BigEndian.Uint32(p[4:])))
			if den != 0 {
				st.SampleAspectRatio = container.Rational{Num: num, Den: den}.Reduce(32767)
			}
		}
	}
}

// avidExtradata is mov_read_avid: an Avid atom, header included, is
// appended to the extradata of an AVUI or DNxHD stream.
func avidExtradata(st *container.Stream, whole []byte) {
	if st.CodecName == "avui" || st.CodecName == "dnxhd" {
		st.ExtradataSize += len(whole)
	}
}

// littleEndian is set_last_stream_little_endian: a big-endian PCM codec
// becomes its little-endian twin.
func littleEndian(st *container.Stream) {
	switch st.CodecName {
	case "pcm_s16be":
		st.CodecName = "pcm_s16le"
	case "pcm_s24be":
		st.CodecName = "pcm_s24le"
	case "pcm_s32be":
		st.CodecName = "pcm_s32le"
	case "pcm_f32be":
		st.CodecName = "pcm_f32le"
	case "pcm_f64be":
		st.CodecName = "pcm_f64le"
	}
}

func setMask(st *container.Stream, mask uint64) {
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
}

// alacCookie reads the ALAC magic cookie (the 36-byte 'alac' atom ffmpeg
// keeps as extradata): bit depth, channels and sample rate, which
// mov_finalize_stsd_codec and the ALAC decoder take over the entry's.
func (t *track) alacCookie(w []byte) {
	if len(w) != alac.ExtradataSize {
		return
	}
	c, err := alac.ParseConfig(w)
	if err != nil {
		return
	}
	st := t.st
	st.BitsPerRawSample = c.BitDepth
	st.Channels = c.Channels
	st.SampleRate = int(c.SampleRate)
}

// readChan reads a QuickTime channel layout ('chan', ff_mov_read_chan,
// after its version and flags): a layout tag, a channel bitmap, or channel
// descriptions (codec.CoreAudioChannelMask). Only the layouts ffmpeg
// names are kept.
func (t *track) readChan(p []byte) {
	if len(p) < 16 {
		return
	}
	mask := codec.CoreAudioChannelMask(p[4:])
	if mask == 0 {
		return
	}
	if _, ok := codec.StandardLayout(mask); ok {
		setMask(t.st, mask)
	}
}
