package mp4

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"

	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Our own ilst reader: dhowden/tag's ReadAtoms takes no 64-bit atoms, does
// not bound children by their parent and returns a map; this one walks with
// go-mp4 (box.go) and keeps file order.

// udtaKeys maps a udta/ilst atom type to ffmpeg's key (mov_read_udta_string).
var udtaKeys = map[string]string{
	"@PRM": "premiere_version", "@PRQ": "quicktime_version", "aART": "album_artist",
	"akID": "account_type", "apID": "account_id", "catg": "category", "cpil": "compilation",
	"cprt": "copyright", "desc": "description", "disk": "disc", "egid": "episode_uid",
	"FIRM": "firmware", "gnre": "genre", "hdvd": "hd_video", "keyw": "keywords",
	"ldes": "synopsis", "manu": "make", "modl": "model", "pcst": "podcast",
	"pgap": "gapless_playback", "purd": "purchase_date", "rtng": "rating",
	"soaa": "sort_album_artist", "soal": "sort_album", "soar": "sort_artist",
	"soco": "sort_composer", "sonm": "sort_name", "sosn": "sort_show", "stik": "media_type",
	"trkn": "track", "tven": "episode_id", "tves": "episode_sort", "tvnn": "network",
	"tvsh": "show", "tvsn": "season_number",
	"\xa9ART": "artist", "\xa9PRD": "producer", "\xa9alb": "album", "\xa9aut": "artist",
	"\xa9chp": "chapter", "\xa9cmt": "comment", "\xa9com": "composer", "\xa9cpy": "copyright",
	"\xa9day": "date", "\xa9dir": "director", "\xa9dis": "disclaimer", "\xa9ed1": "edit_date",
	"\xa9enc": "encoder", "\xa9fmt": "original_format", "\xa9gen": "genre", "\xa9grp": "grouping",
	"\xa9hst": "host_computer", "\xa9inf": "comment", "\xa9lyr": "lyrics", "\xa9mak": "make",
	"\xa9mod": "model", "\xa9nam": "title", "\xa9ope": "original_artist", "\xa9prd": "producer",
	"\xa9prf": "performers", "\xa9req": "playback_requirements", "\xa9src": "original_source",
	"\xa9st3": "subtitle", "\xa9swr": "encoder", "\xa9too": "encoder", "\xa9trk": "track",
	"\xa9url": "URL", "\xa9wrn": "warning", "\xa9wrt": "composer", "\xa9xyz": "location",
}

// rawKeys are read as raw bytes even outside ilst.
var rawKeys = map[string]bool{"@PRM": true, "@PRQ": true, "FIRM": true}

// readMeta finds the hdlr inside a meta box, full box or QuickTime's plain
// one, by scanning 32-bit words as mov_read_meta does, and reads the
// children from there.
func (d *demuxer) readMeta(b box) error {
	n := min(b.payLen(), 64)
	head, err := demuxkit.ReadAt(d.src, b.payOff(), n, fmtName, "meta")
	if err != nil {
		return err
	}
	for i := int64(0); i+4 <= n && b.payLen()-i > 8; i += 4 {
		if string(head[i:i+4]) == "hdlr" {
			start := i - 4
			if start < 0 {
				return nil
			}
			return d.childrenAt(b.payOff()+start, b.payLen()-start, "meta")
		}
	}
	return nil
}

// readKeys reads the QuickTime metadata key table (mov_read_keys), for
// ilst items named by index.
func (d *demuxer) readKeys(b box) error {
	p, err := d.payload(b)
	if err != nil {
		return err
	}
	c := &cursor{b: p}
	c.skip(4)
	count := int64(c.u32())
	if c.bad || count > int64(len(p))/8 {
		return nil
	}
	keys := make([]string, 1, count+1)
	for i := int64(0); i < count; i++ {
		if err := d.src.Budget().Visit(fmtName, "keys", b.payOff()+int64(c.pos)); err != nil {
			return err
		}
		size := int64(c.u32())
		c.skip(4)
		if c.bad || size < 8 {
			return nil
		}
		k := c.take(int(size - 8))
		if k == nil {
			break
		}
		keys = append(keys, cstring(k))
	}
	d.metaKeys = keys
	return nil
}

// readCustom reads a '----' item: mean, name and data children in any
// order, the name becoming the key (mov_read_custom).
func (d *demuxer) readCustom(b box) error {
	p, err := d.payload(b)
	if err != nil {
		return err
	}
	c := &cursor{b: p}
	var mean, key, val []byte
	for i := 0; i < 3; i++ {
		if c.left() <= 12 {
			break
		}
		n := int(c.u32())
		tag := c.fourcc()
		c.skip(4)
		if n < 12 || n-12 > c.left() {
			break
		}
		n -= 12
		var dst *[]byte
		switch {
		case tag == "mean":
			dst = &mean
		case tag == "name":
			dst = &key
		case tag == "data" && n > 4:
			c.skip(4)
			n -= 4
			dst = &val
		default:
			i = 3
			continue
		}
		if *dst != nil {
			break
		}
		*dst = c.take(n)
	}
	if mean != nil && key != nil && val != nil {
		k := cstring(key)
		if k == "iTunSMPB" {
			d.readSMPB(cstring(val))
		}
		if k != "cdec" {
			d.info.Format.Tags.Set(k, cstring(val))
		}
	}
	return nil
}

// readSMPB takes the encoder delay of iTunes gapless information (the
// second of the hexadecimal fields) as the start padding of the last
// stream created, as mov_read_custom does (sscanf "%*X %X %X %X", a delay
// in 1..16383).
func (d *demuxer) readSMPB(v string) {
	if len(d.tracks) == 0 || len(d.info.Streams) == 0 {
		return
	}
	t := d.tracks[len(d.tracks)-1]
	if t.st != d.info.Streams[len(d.info.Streams)-1] {
		return // a cover stream came last
	}
	var f [4]int32
	for i := range f {
		var ok bool
		if f[i], v, ok = scanHex(v); !ok {
			return
		}
	}
	if f[1] > 0 && f[1] < 16384 {
		t.startPad = int64(f[1])
	}
}

// scanHex reads one %X conversion from the start of s as glibc's sscanf
// does: blanks, an optional sign and 0x, at least one hexadecimal digit;
// the value is kept modulo 2^32, as stored in a C int.
func scanHex(s string) (v int32, rest string, ok bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] >= '\t' && s[i] <= '\r') {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && hexDigit(s[i+2]) >= 0 {
		i += 2
	}
	var u uint32
	start := i
	for ; i < len(s) && hexDigit(s[i]) >= 0; i++ {
		u = u<<4 | uint32(hexDigit(s[i]))
	}
	if i == start {
		return 0, s, false
	}
	if neg {
		u = -u
	}
	return int32(u), s[i:], true
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// readUdtaString reads one metadata atom under udta or ilst
// (mov_read_udta_string): in ilst a 'data' child with a type code, in udta
// a QuickTime string with a 16-bit length and a language code.
func (d *demuxer) readUdtaString(b box) error {
	if b.typ == "loci" {
		return d.readLoci(b)
	}
	key := udtaKeys[b.typ]
	raw := rawKeys[b.typ]
	size := b.payLen()
	var dataType uint32
	var lang uint16
	var language string
	var strSize int64
	var c *cursor
	if d.itunes && size > 8 {
		// Only the 16-byte data header is read first: a cover image is
		// located, never read.
		pos := b.payOff()
		for {
			if err := d.src.Budget().Visit(fmtName, b.typ, pos); err != nil {
				return err
			}
			h, err := demuxkit.ReadAt(d.src, pos, min(16, b.off+b.size-pos), fmtName, b.typ)
			if err != nil {
				return err
			}
			hc := &cursor{b: h}
			dataSize := int64(hc.u32())
			tag := hc.fourcc()
			if tag != "data" || dataSize > size || dataSize < 16 || hc.bad {
				return nil
			}
			dataType = hc.u32()
			hc.skip(4)
			if hc.bad {
				return nil
			}
			strSize = dataSize - 16
			size -= 16
			if key == "" && d.mdtaHdlr && len(d.metaKeys) > 0 {
				idx := binary.BigEndian.Uint32([]byte(b.typ))
				if idx > 0 && int64(idx) < int64(len(d.metaKeys)) {
					key = d.metaKeys[idx]
				}
			}
			if b.typ == "covr" || key == "com.apple.quicktime.artwork" {
				if err := d.readCovr(pos+16, b.off+b.size, dataType, strSize); err != nil {
					return err
				}
				pos += 16 + strSize
				size -= strSize
				if size > 8 && pos < b.off+b.size {
					continue
				}
				return nil
			}
			if key == "" || size < 0 {
				return nil
			}
			body, err := demuxkit.ReadAt(d.src, pos+16, min(strSize, b.off+b.size-pos-16), fmtName, b.typ)
			if err != nil {
				return nil
			}
			c = &cursor{b: body}
			break
		}
	} else {
		p, err := d.payload(b)
		if err != nil {
			return err
		}
		c = &cursor{b: p}
		if size > 4 && key != "" && !d.itunes && !raw {
			strSize = int64(c.u16())
			if strSize > size {
				raw = true
				c.pos = 0
				strSize = size
			} else {
				lang = c.u16()
				if l, ok := langISO639(lang); ok {
					language = l
				}
				size -= 4
			}
		} else {
			strSize = size
		}
	}
	if key == "" || size < 0 {
		return nil
	}
	body := c.take(int(min(strSize, int64(c.left()))))
	if body == nil && strSize > 0 {
		return nil // ffio_read_size would fail
	}
	var val string
	switch b.typ {
	case "trkn", "disk":
		if d.itunes || !raw {
			val = trackNumber(body)
			d.info.Format.Tags.Set(key, val)
			return nil
		}
	case "gnre":
		if len(body) >= 2 {
			g := int(body[1])
			if g >= 1 && g <= len(tags.ID3v1Genres) {
				d.info.Format.Tags.Set(key, tags.ID3v1Genres[g-1]) // mov.c indexes ff_id3v1_genre_str
			}
		}
		return nil
	case "akID", "cpil", "egid", "hdvd", "pcst", "pgap", "rtng", "stik":
		if len(body) >= 1 {
			d.info.Format.Tags.Set(key, strconv.Itoa(int(body[0])))
		}
		return nil
	case "tves", "tvsn":
		if len(body) >= 4 {
			d.info.Format.Tags.Set(key, strconv.Itoa(int(body[3])))
		}
		return nil
	}
	switch {
	case !raw && (dataType == 3 || (dataType == 0 && (lang < 0x400 || lang == 0x7fff))):
		val = macString(body)
	case dataType == 21:
		val = strconv.FormatInt(beSigned(body), 10)
	case dataType == 22:
		val = strconv.FormatUint(beUnsigned(body), 10)
	case dataType == 23 && len(body) >= 4:
		val = fmt.Sprintf("%f", math.Float32frombits(binary.BigEndian.Uint32(body)))
	case dataType > 1 && dataType != 4:
		return nil // "Skipping unhandled metadata"
	default:
		val = cstring(body)
	}
	d.info.Format.Tags.Set(key, val)
	if language != "" && language != "und" {
		d.info.Format.Tags.Set(key+"-"+language, val)
	}
	return nil
}

// trackNumber renders trkn/disk as "current/total" or "current"
// (mov_metadata_track_or_disc_number).
func trackNumber(b []byte) string {
	c := &cursor{b: b}
	c.skip(2)
	cur := int16(c.u16())
	var total int16
	if len(b) >= 6 {
		total = int16(c.u16())
	}
	if total == 0 {
		return strconv.Itoa(int(cur))
	}
	return strconv.Itoa(int(cur)) + "/" + strconv.Itoa(int(total))
}

func beSigned(b []byte) int64 {
	switch len(b) {
	case 1:
		return int64(int8(b[0]))
	case 2:
		return int64(int16(binary.BigEndian.Uint16(b)))
	case 3:
		return int64(int32(uint32(b[0])<<24|uint32(b[1])<<16|uint32(b[2])<<8) >> 8)
	case 4:
		return int64(int32(binary.BigEndian.Uint32(b)))
	}
	return 0
}

func beUnsigned(b []byte) uint64 {
	switch len(b) {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(binary.BigEndian.Uint16(b))
	case 3:
		return uint64(b[0])<<16 | uint64(b[1])<<8 | uint64(b[2])
	case 4:
		return uint64(binary.BigEndian.Uint32(b))
	}
	return 0
}

// readCovr adds a cover image as an attached-picture stream (mov_read_covr
// via ff_add_attached_pic): data type 13 JPEG, 14 PNG, 27 BMP; the first
// bytes override the declared type between JPEG and PNG. The image is at
// off, n bytes long, and must end by end (the item's end). Past the stream
// limit it fails, as mov_read_covr fails the header.
func (d *demuxer) readCovr(off, end int64, dataType uint32, n int64) error {
	var id, mime string
	switch dataType {
	case 0xd:
		id, mime = "mjpeg", "image/jpeg"
	case 0xe:
		id, mime = "png", "image/png"
	case 0x1b:
		id, mime = "bmp", "image/bmp"
	default:
		return nil
	}
	if n < 0 || off > end || n > end-off {
		return nil // ff_add_attached_pic fails on a short read
	}
	if n >= 8 && id != "bmp" {
		if magic, err := demuxkit.ReadAt(d.src, off, 8, fmtName, "covr"); err == nil {
			if binary.BigEndian.Uint64(magic) == 0x89504e470d0a1a0a {
				id, mime = "png", "image/png"
			} else {
				id, mime = "mjpeg", "image/jpeg"
			}
		}
	}
	st, err := d.src.Budget().AddStream(d.info, container.Video, fmtName, off)
	if err != nil {
		return err
	}
	st.Disposition = container.DispositionAttachedPic
	st.CodecName = id
	st.HasID = true
	st.Picture = &container.Picture{Offset: off, Length: n, MIME: mime, Type: -1}
	_ = picture.Describe(st, d.src, off, n, mime)
	return nil
}

// readLoci renders a 3GPP location (TS 26.244 'loci') as the location tag,
// in the form of the ISO 6709 '\xa9xyz' string (mov_metadata_loci).
func (d *demuxer) readLoci(b box) error {
	if b.payLen() < 4+2+1+1+4+4+4 {
		return nil
	}
	p, err := d.payload(b)
	if err != nil {
		return err
	}
	c := &cursor{b: p}
	c.skip(4)
	lang, _ := langISO639(c.u16())
	rest := p[c.pos:]
	n := len(rest)
	place := cstring(rest)
	used := len(place)
	if used < n {
		used++ // the NUL
	}
	c.skip(used)
	if n-used < 1 {
		return nil
	}
	c.skip(1) // role
	if c.left() < 12 {
		return nil
	}
	fix := func(v uint32) float64 { return float64(float32(int32(v)) / float32(1<<16)) }
	lon, lat, alt := fix(c.u32()), fix(c.u32()), fix(c.u32())
	val := fmt.Sprintf("%+08.4f%+09.4f", lat, lon)
	if alt != 0 {
		val += fmt.Sprintf("%+f", alt)
	}
	val += "/" + place
	if lang != "" && lang != "und" {
		d.info.Format.Tags.Set("location-"+lang, val)
	}
	d.info.Format.Tags.Set("location", val)
	return nil
}
