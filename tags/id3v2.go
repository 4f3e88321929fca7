package tags

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"io"

	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// ID3v2 is what one or more consecutive ID3v2 tags hold.
type ID3v2 struct {
	// End is the offset of the first byte after the last tag read. It may
	// lie past the end of the object when a tag claims more bytes than
	// there are, as ffmpeg's position does.
	End int64
	// Tags are the text frames with ffmpeg's key names, in file order,
	// after ffmpeg's conversions (ff_id3v2_34_metadata_conv and friends).
	Tags container.Tags
	// Priv are the PRIV frames as ff_id3v2_parse_priv_dict renders them
	// ("id3v2_priv.OWNER" = escaped data). ffmpeg adds them to the format
	// tags of mp3, aac, tta and wav after the demuxer's own tags.
	Priv container.Tags
	// Pictures are the APIC/PIC frames in file order, every one of them up
	// to one past the stream limit (see addPicture).
	Pictures []APIC
}

// APIC is one attached picture frame.
type APIC struct {
	MIME        string // the MIME type as written (ID3v2.2: the three-letter format)
	Type        int    // picture type (3 = front cover)
	Description string // the picture's description, in UTF-8
	// Codec is ffmpeg's codec for the MIME type (ff_id3v2_mime_tags):
	// "mjpeg", "png", "gif", "tiff" or "bmp".
	Codec string
	// Offset and Length locate the image bytes in the object. When the
	// frame is unsynchronised the bytes in the object are escaped; Data then
	// holds the first unescaped bytes.
	Offset, Length int64
	Data           []byte // the first bytes of the image, enough for its header
	// Decoded is set when the bytes at Offset are not the image itself
	// (an unsynchronised or zlib-compressed frame): Data holds the decoded
	// image, up to maxDecodedPicture bytes, and DecodedLength its full size.
	Decoded       bool
	DecodedLength int64
}

const (
	id3Format = "id3v2"
	// id3HeaderSize is the size of a tag header and of a footer.
	id3HeaderSize = 10
	// picturePrefix is how many leading image bytes APIC.Data keeps.
	picturePrefix = 64
	// maxDecodedPicture bounds APIC.Data for decoded pictures: enough for
	// any image header, including a JPEG's EXIF block before its SOF.
	maxDecodedPicture = 256 << 10
	// apicHeadRead is the first read of a picture frame: encoding, MIME
	// type, picture type and description fit in it nearly always.
	apicHeadRead = 1024
)

// The frame flags as ffmpeg tests them, in ID3v2.4 positions, for both
// v2.3 and v2.4 frames (id3v2.h ID3v2_FLAG_*): a v2.3 frame's compression
// and encryption bits are thus not recognised, as in ffmpeg.
const (
	flagDataLen     = 0x0001
	flagUnsync      = 0x0002
	flagEncryption  = 0x0004
	flagCompression = 0x0008
)

// ReadID3v2 reads the ID3v2 tags that start at off, as many as follow each
// other. It returns nil and no error when there is no tag at off.
//
// It mirrors libavformat/id3v2.c (id3v2_read_internal, id3v2_parse):
// ID3v2.2, 2.3 and 2.4, tag- and frame-level unsynchronisation, the
// extended header, the v2.4 footer, zlib-compressed frames, the v2.4
// frame-size heuristic for writers that used v2.3 sizes, text frames (the
// first string only, the first frame of a key winning), TXXX, COMM, USLT,
// PRIV and APIC/PIC, the TYER/TDAT/TIME merge and the key conversions.
// dhowden/tag's ID3v2 reader is not used: it returns a map, which loses
// the order and renames repeated frames, and it keeps one picture.
//
// Picture payloads are not read unless the frame is unsynchronised or
// compressed, where the image exists only once decoded.
//
// When src is an ID3v2Cache, a tag already read at off is returned as it
// was, and a tag read without error is kept: the leading tag, which the
// probe and some demuxers (mp3, aac) all need, is parsed once. The result
// is shared then, and must not be modified (Clone its Tags).
func ReadID3v2(src container.Source, off int64) (*ID3v2, error) {
	cache, _ := src.(ID3v2Cache)
	if cache != nil {
		if t, ok := cache.ID3v2At(off); ok {
			return t, nil
		}
	}
	res, err := readID3v2(src, off)
	if cache != nil && res != nil && err == nil {
		cache.SetID3v2At(off, res)
	}
	return res, err
}

// ID3v2Cache is implemented by a Source that keeps the ID3v2 tags read
// from it, by offset (the probe's source does).
type ID3v2Cache interface {
	ID3v2At(off int64) (*ID3v2, bool)
	SetID3v2At(off int64, t *ID3v2)
}

func readID3v2(src container.Source, off int64) (*ID3v2, error) {
	size := src.Size()
	var res *ID3v2
	var meta container.Tags
	pos := off
	budget := src.Budget()
	for pos >= 0 && pos <= size-id3HeaderSize {
		if err := budget.Visit(id3Format, "tag", pos); err != nil {
			return res, err
		}
		var hdr [id3HeaderSize]byte
		if err := demuxkit.ReadFull(src, hdr[:], pos, id3Format, "header"); err != nil {
			return res, err
		}
		if !id3Match(hdr[:]) {
			break
		}
		if res == nil {
			res = &ID3v2{}
		}
		length := int64(hdr[6]&0x7f)<<21 | int64(hdr[7]&0x7f)<<14 | int64(hdr[8]&0x7f)<<7 | int64(hdr[9]&0x7f)
		p := &id3Parser{src: src, budget: budget, size: size, res: res, meta: &meta}
		end, err := p.parseTag(pos+id3HeaderSize, length, hdr[3], hdr[5])
		if err != nil {
			res.End = end
			res.Tags = finishID3Tags(meta)
			return res, err
		}
		pos = end
	}
	if res == nil {
		return nil, nil
	}
	res.End = pos
	res.Tags = finishID3Tags(meta)
	return res, nil
}

// id3Match is ff_id3v2_match for the "ID3" magic.
func id3Match(b []byte) bool {
	return len(b) >= id3HeaderSize && b[0] == 'I' && b[1] == 'D' && b[2] == '3' &&
		b[3] != 0xff && b[4] != 0xff && (b[6]|b[7]|b[8]|b[9])&0x80 == 0
}

type id3Parser struct {
	src     container.Source
	budget  *container.Budget
	size    int64
	res     *ID3v2
	meta    *container.Tags
	scratch []byte // reused for picture headers and chunks, charged as it grows

	zr   io.ReadCloser // the zlib reader, reset for each compressed frame
	zbuf []byte        // its output buffer
}

// readScratch reads the n bytes at off, or as many as the object holds,
// into the parser's reusable buffer: the result is valid until the next
// call.
func (p *id3Parser) readScratch(off, n int64, what string) ([]byte, error) {
	if off >= p.size {
		return nil, nil
	}
	return demuxkit.ReadScratch(p.src, &p.scratch, off, min(n, p.size-off), id3Format, what)
}

// addPicture keeps a picture frame. No more than one past the stream limit
// are kept: each becomes a stream where pictures become streams, so the
// probe fails at that many, and elsewhere they are not used.
func (p *id3Parser) addPicture(a APIC) {
	if len(p.res.Pictures) <= p.budget.Limits().MaxStreams {
		p.res.Pictures = append(p.res.Pictures, a)
	}
}

// parseTag walks the frames of one tag whose body starts at start and
// declares length bytes, as id3v2_parse does, and returns where the next
// tag may start. Errors are returned only for limits (the caller's
// budget); malformed frames end the walk as they end ffmpeg's.
func (p *id3Parser) parseTag(start, length int64, version, flags byte) (int64, error) {
	end := start + length
	var isv34 bool
	var hdrLen int64
	switch version {
	case 2:
		if flags&0x40 != 0 {
			return end, nil // "cannot handle compression"
		}
		hdrLen = 6
	case 3, 4:
		isv34 = true
		hdrLen = 10
	default:
		return end, nil // unknown version: skipped whole
	}
	unsync := flags&0x80 != 0
	pos := start
	remaining := length
	if isv34 && flags&0x40 != 0 {
		var b [4]byte
		p.readZeroPadded(b[:], pos)
		extLen := int64(b[0]&0x7f)<<21 | int64(b[1]&0x7f)<<14 | int64(b[2]&0x7f)<<7 | int64(b[3]&0x7f)
		if version == 4 {
			extLen -= 4 // v2.4 counts the size field itself
		}
		if extLen < 0 {
			return end, nil
		}
		pos += 4 + extLen
		remaining -= extLen + 4
		if remaining < 0 {
			return end, nil
		}
	}
	for remaining >= hdrLen {
		if pos > p.size-hdrLen {
			break // the frame header cannot be read
		}
		if err := p.budget.Visit(id3Format, "frame", pos); err != nil {
			return end, err
		}
		var fh [10]byte
		if err := demuxkit.ReadFull(p.src, fh[:hdrLen], pos, id3Format, "frame header"); err != nil {
			return end, err
		}
		var id string
		var tlen int64
		var tflags uint16
		if isv34 {
			id = string(fh[:4])
			tlen = int64(binary.BigEndian.Uint32(fh[4:8]))
			if version == 4 && tlen > 0x7f {
				// Some writers put v2.3 sizes into v2.4 tags: take the
				// syncsafe reading when a frame follows it, else the plain
				// one when a frame follows that, else stop (id3v2_parse).
				if tlen < remaining {
					cur := pos + 8
					if p.checkTag(cur + 2 + syncsafeOf(tlen)) {
						tlen = syncsafeOf(tlen)
					} else if !p.checkTag(cur + 2 + tlen) {
						break
					}
				} else {
					tlen = syncsafeOf(tlen)
				}
			}
			tflags = binary.BigEndian.Uint16(fh[8:10])
		} else {
			id = string(fh[:3])
			tlen = int64(fh[3])<<16 | int64(fh[4])<<8 | int64(fh[5])
		}
		if tlen > 1<<28 {
			break
		}
		remaining -= hdrLen + tlen
		if remaining < 0 {
			break
		}
		body := pos + hdrLen
		next := body + tlen
		pos = next
		if tlen == 0 {
			continue
		}
		if tflags&flagDataLen != 0 {
			if tlen < 4 {
				break
			}
			body += 4
			tlen -= 4
		}
		if tflags&flagEncryption != 0 {
			continue
		}
		isText := id[0] == 'T'
		isComm := isv34 && id == "COMM" || !isv34 && id == "COM"
		isUSLT := id == "USLT"
		isPic := isv34 && id == "APIC" || !isv34 && id == "PIC"
		isPriv := isv34 && id == "PRIV"
		switch {
		case isText || isComm || isUSLT || isPriv || isPic:
			if err := p.frame(id, body, tlen, tflags, unsync, isv34); err != nil {
				return end, err
			}
		case id[0] == 0:
			// Padding (or an invalid frame id ffmpeg takes for it).
			remaining = -1
		}
	}
	if version == 4 && flags&0x10 != 0 {
		end += id3HeaderSize // the footer
	}
	return end, nil
}

// syncsafeOf reinterprets a 32-bit size as four 7-bit groups
// (size_to_syncsafe).
func syncsafeOf(n int64) int64 {
	return n&0x7f | (n&0x7f00)>>1 | (n&0x7f0000)>>2 | (n&0x7f000000)>>3
}

// checkTag is id3v2.c check_tag: four bytes at off that are all zero or
// all [A-Z0-9] look like the next frame id.
func (p *id3Parser) checkTag(off int64) bool {
	if off < 0 || off > p.size-4 {
		return false
	}
	var b [4]byte
	if n, _ := p.src.ReadAt(b[:], off); n < 4 {
		return false
	}
	if b == [4]byte{} {
		return true
	}
	for _, c := range b {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// readZeroPadded fills b from off, leaving zeros where the object ends, as
// avio reads at the end of a file.
func (p *id3Parser) readZeroPadded(b []byte, off int64) {
	if off < 0 || off >= p.size {
		return
	}
	p.src.ReadAt(b, off)
}

// readBody returns the n bytes at off, or as many as the object holds.
func (p *id3Parser) readBody(off, n int64, what string) ([]byte, error) {
	if off >= p.size {
		return nil, nil
	}
	return demuxkit.ReadAt(p.src, off, min(n, p.size-off), id3Format, what)
}

// frame parses one frame whose body (after any data-length indicator) is
// [body, body+tlen).
func (p *id3Parser) frame(id string, body, tlen int64, tflags uint16, unsync, isv34 bool) error {
	decode := unsync || tflags&flagUnsync != 0
	compressed := tflags&flagCompression != 0
	isPic := id == "APIC" || id == "PIC"
	if isPic && !decode && !compressed {
		return p.apicInPlace(body, tlen, isv34)
	}
	if isPic && !compressed {
		return p.apicUnsync(body, tlen, isv34)
	}
	if min(tlen, p.size-body) > p.budget.MaxAlloc() {
		return nil // too large to hold in memory: skipped
	}
	b, err := p.readBody(body, tlen, "frame")
	if err != nil {
		if errors.Is(err, container.ErrLimit) {
			return err
		}
		return nil
	}
	if decode {
		if int64(len(b)) < tlen {
			return nil // "Failed to read tag data"
		}
		b = id3Unescape(b)
	}
	if compressed {
		var dlen int64
		if tflags&flagDataLen != 0 {
			var d [4]byte
			p.readZeroPadded(d[:], body-4)
			dlen = int64(binary.BigEndian.Uint32(d[:]))
		} else {
			dlen = tlen
		}
		if len(b) == 0 || dlen/32768 > int64(len(b)) {
			return nil
		}
		return p.compressedFrame(id, b, dlen, body, tlen, isv34)
	}
	p.parseFrame(id, &id3TextReader{b: b}, len(b), p.meta, &p.res.Priv)
	return nil
}

// parseFrame reads the fields of a decoded text, comment, lyrics or private
// frame body from r, whose frame holds taglen bytes, into meta or priv.
// (Pictures take their own paths: apicInPlace, apicUnsync,
// compressedFrame.)
func (p *id3Parser) parseFrame(id string, r *id3TextReader, taglen int, meta, priv *container.Tags) {
	switch {
	case id[0] == 'T':
		id3ReadText(r, taglen, id, meta)
	case id == "USLT":
		id3ReadUSLT(r, taglen, meta)
	case id == "COMM" || id == "COM":
		id3ReadComment(r, taglen, meta)
	case id == "PRIV":
		id3ReadPriv(r, taglen, priv)
	}
}

// compressedFrame reads a zlib-compressed frame (ID3v2.4 4.1.2), which
// ffmpeg inflates whole into a buffer of the declared length before it
// reads its fields. Here the frame is inflated piece by piece, each piece
// charged to the budget's MaxInflate before it is produced, and only what
// the fields need is kept: a text frame stops inflating once its strings
// have ended, a picture keeps its fields and the first maxDecodedPicture
// bytes of the image and counts the rest. So a frame whose few bytes of
// text are followed by megabytes of zeros costs those few bytes, as a
// bomb costs the budget, not the claim. One difference follows: a stream
// corrupt past the point where its text ends is read, where ffmpeg's
// uncompress fails and skips the frame.
func (p *id3Parser) compressedFrame(id string, z []byte, dlen, body, tlen int64, isv34 bool) error {
	picture := id == "APIC" || id == "PIC"
	var acc []byte    // the output kept
	fields := -1      // for a picture: the length of its fields once they parse
	next := int64(64) // the output length at which the text fields are tried next
	keep := func(out []byte) error {
		room := len(out)
		if picture && fields >= 0 {
			room = min(room, max(fields+maxDecodedPicture-len(acc), 0))
		}
		if room == 0 {
			return nil
		}
		if err := p.budget.Alloc(id3Format, "compressed frame", body, int64(room)); err != nil {
			return err
		}
		acc = append(acc, out[:room]...)
		return nil
	}
	// complete reports whether the fields parse from acc without reading
	// past it, given a body of dlen bytes at most.
	complete := func() bool {
		r := &id3TextReader{b: acc}
		if picture {
			_, hl, ok, need := id3APICHeader(r, int(min(dlen, 1<<30)), isv34)
			if ok {
				fields = hl
			}
			return ok || !need
		}
		var meta, priv container.Tags
		p.parseFrame(id, r, int(min(dlen, 1<<30)), &meta, &priv)
		return r.pos <= len(acc)
	}
	n, ok, err := p.inflate(z, dlen, body, func(out []byte) (bool, error) {
		if err := keep(out); err != nil {
			return false, err
		}
		if picture {
			if fields < 0 && complete() && fields < 0 {
				return false, nil // read_apic will give up
			}
			return true, nil // on to the end: the decoded length counts
		}
		if id != "PRIV" && int64(len(acc)) >= next {
			if complete() {
				return false, nil
			}
			next = 2 * int64(len(acc))
		}
		return true, nil
	})
	if err != nil || !ok {
		return err
	}
	if picture {
		p.decodedPicture(acc, n, body, tlen, isv34)
		return nil
	}
	p.parseFrame(id, &id3TextReader{b: acc}, int(min(n, 1<<30)), p.meta, &p.res.Priv)
	return nil
}

// inflate decompresses the zlib stream z, as zlib's uncompress does into a
// buffer of dlen bytes, handing each piece of output to fn, which returns
// false to stop early. n counts the bytes produced; ok is false where
// uncompress fails (a corrupt stream, or more than dlen bytes) and fn did
// not stop first. The reader and its output buffer are reused across the
// frames of the tag.
func (p *id3Parser) inflate(z []byte, dlen, off int64, fn func([]byte) (bool, error)) (n int64, ok bool, err error) {
	const chunk = 64 << 10
	if p.zr == nil {
		if p.zr, err = zlib.NewReader(bytes.NewReader(z)); err != nil {
			p.zr = nil
			return 0, false, nil
		}
	} else if err := p.zr.(zlib.Resetter).Reset(bytes.NewReader(z), nil); err != nil {
		return 0, false, nil
	}
	for {
		want := min(chunk, dlen+1-n)
		if err := p.budget.Inflate(id3Format, "compressed frame", off, want); err != nil {
			return n, false, err
		}
		if int64(len(p.zbuf)) < want {
			if err := p.budget.Alloc(id3Format, "compressed frame", off, want-int64(len(p.zbuf))); err != nil {
				return n, false, err
			}
			p.zbuf = make([]byte, want)
		}
		k, rerr := io.ReadFull(p.zr, p.zbuf[:want])
		n += int64(k)
		if n > dlen {
			return n, false, nil // larger than the frame said
		}
		if k > 0 {
			more, err := fn(p.zbuf[:k])
			if err != nil || !more {
				return n, err == nil, err
			}
		}
		switch {
		case rerr == io.EOF || rerr == io.ErrUnexpectedEOF:
			return n, true, nil
		case rerr != nil:
			return n, false, nil
		}
	}
}

// id3Unescape removes the unsynchronisation scheme's stuffed zero after every
// 0xff (ID3v2.4 6.1), in place.
func id3Unescape(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); i++ {
		out = append(out, b[i])
		if b[i] == 0xff && i+1 < len(b) && b[i+1] == 0 {
			i++
		}
	}
	return out
}

// PictureStreams appends one attached-picture video stream per APIC frame to
// info, as ff_id3v2_parse_apic does: the codec from the MIME type (PNG
// when the bytes carry PNG's signature), disposition attached_pic, the
// description as title when there is one and the picture type's name as
// comment. The image fields come from the image header (codec/picture).
// Past the stream limit it fails with ErrLimit, as ff_id3v2_parse_apic
// fails the whole file past FFmpeg's max_streams.
func PictureStreams(info *container.Info, src container.Source, pics []APIC) error {
	if info == nil {
		return nil
	}
	for _, a := range pics {
		st, err := src.Budget().AddStream(info, container.Video, id3Format, a.Offset)
		if err != nil {
			return err
		}
		st.CodecName = a.Codec
		if len(a.Data) >= 8 && string(a.Data[:8]) == "\x89PNG\r\n\x1a\n" {
			st.CodecName = "png"
		}
		st.Disposition = container.DispositionAttachedPic
		st.TimeBase = container.Rational{Num: 1, Den: 90000}
		if a.Description != "" {
			st.Tags.Set("title", a.Description)
		}
		typ := a.Type
		if typ < 0 || typ >= len(PictureTypes) {
			typ = 0
		}
		st.Tags.Set("comment", PictureTypes[typ])
		st.Picture = &container.Picture{Offset: a.Offset, Length: a.Length, MIME: a.MIME, Type: a.Type}
		if a.Decoded {
			// The bytes in the object are escaped or compressed: no range
			// of the object is the image.
			st.Picture.Offset, st.Picture.Length = -1, a.DecodedLength
			picture.DescribeBytes(st, a.Data, a.MIME)
		} else if src != nil {
			picture.Describe(st, src, a.Offset, a.Length, a.MIME)
		}
		if st.CodecName == "" {
			st.CodecName = a.Codec
		}
	}
	return nil
}
