package hostile

import (
	"bytes"
	"fmt"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
)

// ---- a. quadratic tag dictionaries ----

// ID3TXXX builds an mp3 whose ID3v2.4 tag holds n TXXX frames of distinct
// descriptions TXXX000000.. and 40-byte values, then 40 silent frames:
// about 61 bytes a frame, 1.2 MB for n = 20,000. Each TXXX becomes a format
// tag named by its description (id3v2.c read_ttag), so a dictionary that
// searches its keys linearly (av_dict_set) costs n^2/2 comparisons.
// ffprobe 5.1: 20,000 format tags, in 4 s.
func ID3TXXX(n int) []byte {
	frames := make([][]byte, n)
	for i := range frames {
		v := fmt.Sprintf("value %06d of a hostile tag dictionary ", i)
		frames[i] = ID3Frame("TXXX", 0, TXXX(keyName("TXXX", i), v[:40]))
	}
	return Cat(ID3v2Tag(frames...), MP3Frames(40))
}

// vorbisKeys returns n comment entries KEY000000=value000000.
func vorbisKeys(n int) [][]byte {
	e := make([][]byte, n)
	for i := range e {
		e[i] = []byte(fmt.Sprintf("KEY%06d=value%06d", i, i))
	}
	return e
}

// VorbisCommentKeys returns a Vorbis comment structure (vendor, count,
// entries; no framing bit) of n distinct keys KEY000000=value000000..,
// 25 bytes each.
func VorbisCommentKeys(n int) []byte { return VorbisComment("hostile", vorbisKeys(n)) }

// VorbisCommentRepeatedKey returns a Vorbis comment structure of the one
// entry ARTIST=a n times, 12 bytes each.
func VorbisCommentRepeatedKey(n int) []byte {
	e := make([][]byte, n)
	for i := range e {
		e[i] = []byte("ARTIST=a")
	}
	return VorbisComment("hostile", e)
}

// FLACVorbisKeys builds a FLAC file whose VORBIS_COMMENT block holds n
// distinct keys KEY000000.. (25 bytes each: 2.5 MB for n = 100,000; a
// block holds at most 16 MiB, about 670,000 of them).
// ffprobe 5.1: 100,000 format tags, in 59 s.
func FLACVorbisKeys(n int) []byte {
	return flacFile([2][]byte{{FLACVorbisComment}, VorbisCommentKeys(n)})
}

// FLACVorbisRepeatedKey builds a FLAC file whose VORBIS_COMMENT block holds
// the one entry ARTIST=a n times (12 bytes each: 2.4 MB for n = 200,000).
// FFmpeg joins repeated Vorbis keys into one value (oggparsevorbis.c
// ff_vorbis_comment, AV_DICT_APPEND); a reader that does it by copying the
// value at each repetition moves n^2 bytes.
// ffprobe 5.1: one format tag ARTIST=a;a;...;a of 399,999 bytes, in 30 s.
func FLACVorbisRepeatedKey(n int) []byte {
	return flacFile([2][]byte{{FLACVorbisComment}, VorbisCommentRepeatedKey(n)})
}

// OggVorbisKeys builds an Ogg Vorbis file whose comment header holds n
// distinct keys (2.5 MB for n = 100,000), spread over as many pages as it
// takes, then two pages of audio packets. The setup header satisfies
// FFmpeg's Vorbis parser, not its decoder.
// ffprobe 5.1: 100,000 tags of stream 0, in 58 s.
func OggVorbisKeys(n int) []byte {
	var seq uint32
	comment := Cat([]byte("\x03vorbis"), VorbisCommentKeys(n), []byte{1})
	audio := []byte{0, 1, 2, 3} // even first byte: an audio packet of mode 0
	b := Cat(
		OggPackets(1, &seq, true, 0, vorbisID),
		OggPackets(1, &seq, false, 0, comment, vorbisSetup),
		OggPackets(1, &seq, false, 256, audio, audio, audio),
		OggPackets(1, &seq, false, 4410, audio, audio))
	return fixLastPageEOS(b)
}

// WAVInfoKeys builds a WAV file whose LIST/INFO chunk holds n sub-chunks
// of distinct four-character ids (0000, 0001, ..., base 36) and 8-byte
// values (16 bytes each: 1.6 MB for n = 100,000), before the fmt and data
// chunks. Each becomes a format tag (riffdec.c ff_read_riff_info).
// ffprobe 5.1: 100,000 format tags, in 63 s.
func WAVInfoKeys(n int) []byte {
	info := Cat([]byte("INFO"), RIFFInfoChunks(n))
	return WAV(Chunk("fmt ", pcmFmt), Chunk("LIST", info), Chunk("data", Zeros(4410*4)))
}

// RIFFInfoChunks returns the body of a LIST/INFO chunk after its list type:
// n sub-chunks of distinct ids 0000, 0001, .. and values v000000.. (16
// bytes each).
func RIFFInfoChunks(n int) []byte {
	b := make([]byte, 0, 16*n)
	for i := 0; i < n; i++ {
		b = append(b, Chunk(string(key4(i)), []byte(fmt.Sprintf("v%06d\x00", i)))...)
	}
	return b
}

// MP4Freeform builds an M4A file with one pcm_s16le track and, in
// moov/udta/meta/ilst, n freeform '----' items (mean com.apple.iTunes,
// name key000000.., a UTF-8 data atom): 84 bytes each, 3.4 MB for
// n = 40,000. Each item is four boxes; FFmpeg sets one format tag per item
// (mov.c mov_read_custom), once a stream exists.
// ffprobe 5.1: 40,003 format tags (major_brand, minor_version,
// compatible_brands, then the items), in 6 s; for n = 100,000, 100,003 in
// 36 s.
func MP4Freeform(n int) []byte {
	items := make([]byte, 0, 84*n)
	for i := 0; i < n; i++ {
		items = append(items, Box("----",
			FullBox("mean", 0, 0, []byte("com.apple.iTunes")),
			FullBox("name", 0, 0, []byte(keyName("key", i))),
			Box("data", BE32(1), BE32(0), []byte(fmt.Sprintf("value%06d", i))))...)
	}
	udta := Box("udta", FullBox("meta", 0, 0, Hdlr("mdir", []byte("appl\x00\x00\x00\x00\x00\x00\x00\x00\x00")), Box("ilst", items)))
	return m4aWith(udta)
}

// m4aWith builds ftyp, a moov of one pcm_s16le track of 4410 samples and
// the extra boxes, and the mdat of the samples.
func m4aWith(extra ...[]byte) []byte {
	const samples = 4410
	ftyp := ftypM4A()
	moov := func(off uint32) []byte { return Box("moov", mvhd(2), pcmTrak(1, samples, off), Cat(extra...)) }
	off := uint32(len(ftyp) + len(moov(0)) + 8)
	return Cat(ftyp, moov(off), Box("mdat", Zeros(samples*4)))
}

// ADTSAPEText builds an ADTS (AAC) file of 100 silent frames ended by an
// APEv2 tag of n text items Key000000=value000000 (29 bytes each: 1.7 MB
// for n = 60,000). FFmpeg reads the tag of an ADTS file (aacdec.c) and
// ignores a tag of more than 65536 items or more than 16 MiB altogether
// (apetag.c ff_ape_parse_tag).
// ffprobe 5.1: 60,000 format tags, in 8 s; for n = 70,000 none ("Too
// many tag fields (70000)").
func ADTSAPEText(n int) []byte {
	items := make([]byte, 0, 29*n)
	for i := 0; i < n; i++ {
		items = append(items, APEItem(keyName("Key", i), 0, []byte(fmt.Sprintf("value%06d", i)))...)
	}
	return Cat(ADTSFrames(100), APETag(n, items))
}

// W64Summary builds a Wave64 file whose summary list holds n entries of
// distinct four-character keys and UTF-16 values (24 bytes each: 2.4 MB for
// n = 100,000), before the data chunk. Each becomes a format tag
// (wavdec.c w64_read_header).
// ffprobe 5.1: 100,000 format tags, in 66 s.
func W64Summary(n int) []byte {
	list := make([]byte, 0, 4+24*n)
	list = append(list, LE32(uint32(n))...)
	for i := 0; i < n; i++ {
		v := utf16le(fmt.Sprintf("v%06d", i))
		list = append(list, key4(i)...)
		list = append(list, LE32(uint32(len(v)))...)
		list = append(list, v...)
	}
	body := Cat(w64GUID("wave"),
		W64Chunk(w64GUID("fmt "), pcmFmt),
		W64Chunk(w64SummaryList, list),
		W64Chunk(w64GUID("data"), Zeros(4410*4)))
	return Cat(w64RIFF, LE64(uint64(24+len(body))), body)
}

// ---- b. decompression ----

// ID3ZlibTXXX builds an mp3 whose ID3v2.4 tag holds n zlib-compressed TXXX
// frames (flags 0x0008 and 0x0001), each of which inflates to `inflated`
// bytes: the description zlib00, the value value00, and zeros. Deflate
// packs zeros about 1030:1, so n = 16 frames of 32 MiB take 524 KB and
// inflate to 512 MiB; 1300 silent frames follow (1.07 MB in all).
// ffprobe 5.1: the 16 format tags zlib00=value00 .. zlib15=value15, in
// 0.7 s.
func ID3ZlibTXXX(n, inflated int) []byte {
	var d zeroDeflater
	frames := make([][]byte, n)
	for i := range frames {
		body := TXXX(fmt.Sprintf("zlib%02d", i), fmt.Sprintf("value%02d", i))
		frames[i] = d.compressedFrame("TXXX", body, inflated-len(body))
	}
	return Cat(ID3v2Tag(frames...), MP3Frames(1300))
}

// ID3ZlibAPIC builds an mp3 whose ID3v2.4 tag holds n zlib-compressed APIC
// frames (image/jpeg, front cover), each inflating to `inflated` bytes: a
// JPEG start of image and zeros. n = 4,000 of 256 KiB take 1.1 MB and
// inflate to 1 GiB. Each APIC is a stream for FFmpeg
// (ff_id3v2_parse_apic), so past 1000 it refuses the file.
// ffprobe 5.1: refuses it ("Number of streams exceeds max_streams
// parameter (1000)", then "Cannot allocate memory"), after 1.1 s.
func ID3ZlibAPIC(n, inflated int) []byte {
	var d zeroDeflater
	frames := make([][]byte, n)
	for i := range frames {
		body := APIC("image/jpeg", 3, fmt.Sprintf("cover %d", i), []byte{0xFF, 0xD8, 0xFF, 0xE0})
		frames[i] = d.compressedFrame("APIC", body, inflated-len(body))
	}
	return Cat(ID3v2Tag(frames...), MP3Frames(40))
}

// ---- c. Ogg ----

// OggCaptureJunk builds junkBytes of random bytes holding a false capture
// pattern "OggS" and version 0 every 64 to 320 bytes (the first one with
// the BOS flag, so that the object probes as Ogg), then a valid Opus stream
// of one second. Each false page claims up to 65 KB, and its CRC is wrong:
// a resync that checksums every claimed page reads that much per false
// capture. No false page claims more bytes than the object has left after
// it: FFmpeg fails with "End of file" on a page that runs past the end
// (oggdec.c ogg_read_page), which would hide the stream.
// ffprobe 5.1: one opus stream (TITLE=after the junk, 1 s), one "CRC
// mismatch!" line, in 0.1 s.
func OggCaptureJunk(junkBytes int) []byte {
	r := Rand(1)
	junk := make([]byte, junkBytes)
	r.Fill(junk)
	var caps []int
	for off := 0; off+27 <= len(junk); off += 64 + r.Intn(257) {
		copy(junk[off:], "OggS\x00")
		caps = append(caps, off)
	}
	if len(caps) > 0 {
		junk[5] = OggBOS
	}
	tail := opusStream(1)
	for _, off := range caps {
		nsegs := int(junk[off+26])
		size := 27 + nsegs
		for i := 0; i < nsegs; i++ {
			if off+27+i < len(junk) {
				size += int(junk[off+27+i])
			} else {
				size += 255 // lacing values in the valid stream: assume the most
			}
		}
		if size > len(junk)-off+len(tail) {
			junk[off+26] = 0
		}
	}
	return Cat(junk, tail)
}

// OggBadCRCPages builds n pages that are well formed but for their CRC:
// each is the BOS page of an Opus stream of its own serial (47 bytes: 1.05
// MB for n = 22,400). A valid Opus stream follows. A reader that checks the
// CRC (as oggdec.c ogg_read_page does) sees one stream; one that does not
// sees n+1.
// ffprobe 5.1: one opus stream, as for OggCaptureJunk.
func OggBadCRCPages(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		p := OggPage(OggBOS, 0, uint32(1000+i), 0, []byte{byte(len(OpusHead))}, OpusHead)
		p[22] ^= 0x01 // wrong CRC
		b = append(b, p...)
	}
	return append(b, opusStream(1)...)
}

// OggSerials builds n BOS pages of Opus streams with distinct serials 1..n
// (47 bytes each: 4.7 MB for n = 100,000). Each BOS page starts a stream
// (oggdec.c ogg_new_stream); past max_streams (1000) FFmpeg refuses the
// file.
// ffprobe 5.1: refuses it (max_streams, "Cannot allocate memory").
func OggSerials(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, OggPage(OggBOS, 0, uint32(1+i), 0, []byte{byte(len(OpusHead))}, OpusHead)...)
	}
	return b
}

// ---- d. streams ----

// MP4EmptyTraks builds an ftyp and a moov holding a movie header and n
// empty trak boxes (8 bytes each: 800 KB for n = 100,000). Each trak is a
// stream for FFmpeg (mov.c mov_read_trak), which refuses the file past
// max_streams.
// ffprobe 5.1: refuses it (max_streams, "Cannot allocate memory"), for
// n = 100,000 and 1,000,000 alike.
func MP4EmptyTraks(n int) []byte {
	moov := Cat(mvhd(uint32(n+1)), bytes.Repeat(Box("trak"), n))
	return Cat(ftypM4A(), Box("moov", moov))
}

// FLACPictures builds a FLAC file with n PICTURE blocks, each a 1x1 PNG
// front cover (78 bytes: 7.8 MB for n = 100,000). Each picture is a stream
// for FFmpeg (flacdec.c, ff_flac_parse_picture).
// ffprobe 5.1: refuses it (max_streams, "Cannot allocate memory").
func FLACPictures(n int) []byte {
	pic := FLACPictureBody(3, "image/png", "", png1x1)
	blocks := make([][2][]byte, n)
	for i := range blocks {
		blocks[i] = [2][]byte{{FLACPicture}, pic}
	}
	return flacFile(blocks...)
}

// ID3APIC builds an mp3 whose ID3v2.4 tag holds n APIC frames, each a 1x1
// PNG front cover (56 bytes: 5.6 MB for n = 100,000), then 40 silent
// frames. Each picture is a stream for FFmpeg (ff_id3v2_parse_apic).
// ffprobe 5.1: refuses it (max_streams, "Cannot allocate memory").
func ID3APIC(n int) []byte {
	frames := make([][]byte, n)
	for i := range frames {
		frames[i] = ID3Frame("APIC", 0, APIC("image/png", 3, "", png1x1))
	}
	return Cat(ID3v2Tag(frames...), MP3Frames(40))
}

// ADTSAPEBinary builds an ADTS file of 100 silent frames ended by an APEv2
// tag of n binary items Blob0000.. holding a file name (blob0000.bin) and
// 700 zero bytes (733 bytes each: 1.1 MB for n = 1,500). Each binary item is an
// attachment stream for FFmpeg (apetag.c ape_tag_read_field); past
// max_streams it stops reading the tag and keeps what it has.
// ffprobe 5.1 for n = 1,500: exit status 0, 1000 streams (the aac
// stream and 999 attachments), no format tags.
func ADTSAPEBinary(n int) []byte {
	var items []byte
	for i := 0; i < n; i++ {
		v := Cat([]byte(fmt.Sprintf("blob%04d.bin\x00", i)), Zeros(700))
		items = append(items, APEItem(fmt.Sprintf("Blob%04d", i), APEFlagBinary, v)...)
	}
	return Cat(ADTSFrames(100), APETag(n, items))
}

// ---- e. chapter references ----

// MP4ChapterRefs builds an M4A file of `tracks` empty pcm_s16le tracks; the
// first has a tref/chap box listing `refs` track ids, cycling over the ids
// of the other tracks (4 bytes each: 16.4 MB for 1,000 tracks and 4,000,000
// references). FFmpeg looks each reference up among the streams
// (mov.c mov_read_chapters), refs x tracks comparisons.
// ffprobe 5.1 for 1,000 tracks and 4,000,000 references: 1000 streams,
// the first pcm_s16le, the 999 referenced ones data streams (bin_data),
// in 1.1 s.
func MP4ChapterRefs(tracks, refs int) []byte {
	ids := make([]byte, 0, 4*refs)
	for i := 0; i < refs; i++ {
		ids = append(ids, BE32(uint32(2+i%max(1, tracks-1)))...)
	}
	traks := [][]byte{pcmTrak(1, 0, 0, Box("tref", Box("chap", ids)))}
	for id := 2; id <= tracks; id++ {
		traks = append(traks, pcmTrak(uint32(id), 0, 0))
	}
	return Cat(ftypM4A(), Box("moov", mvhd(uint32(tracks+1)), Cat(traks...)))
}

// ---- f. sample tables ----

// MP4STTSPastEnd builds an M4A file whose one track has a 72-byte stts box
// (seven entries) that claims `entries` entries, the last box of the moov,
// in front of an mdat of mdatSize zero bytes (the case: 50,000,000
// entries, 60 MiB). The object is sparse: it holds 1 KB in memory. FFmpeg
// reads the entries past the box into the mdat (mov.c mov_read_stts) and,
// at the end of the file, refuses it.
// ffprobe 5.1: refuses it ("error reading header", "End of file"),
// after reading the 60 MiB.
func MP4STTSPastEnd(entries uint32, mdatSize int64) *Sparse {
	var tab []byte
	for i := 0; i < 7; i++ {
		tab = append(tab, Cat(BE32(1), BE32(1))...)
	}
	stts := FullBox("stts", 0, 0, BE32(entries), tab) // 72 bytes
	sowt := Box("sowt", Zeros(6), BE16(1), BE16(0), BE16(0), BE32(0), BE16(2), BE16(16), BE16(0), BE16(0), BE32(44100<<16))
	stbl := func(off uint32) []byte {
		return Box("stbl",
			FullBox("stsd", 0, 0, BE32(1), sowt),
			FullBox("stsc", 0, 0, BE32(1), BE32(1), BE32(7), BE32(1)),
			FullBox("stsz", 0, 0, BE32(4), BE32(7)),
			FullBox("stco", 0, 0, BE32(1), BE32(off)),
			stts)
	}
	moov := func(off uint32) []byte {
		return Box("moov", mvhd(2), Box("trak", tkhd(1), Box("mdia",
			FullBox("mdhd", 0, 0, BE32(0), BE32(0), BE32(44100), BE32(7), BE16(0x55C4), BE16(0)),
			Hdlr("soun", []byte("SoundHandler\x00")),
			Box("minf", FullBox("smhd", 0, 0, Zeros(4)), Box("dinf", FullBox("dref", 0, 0, BE32(1), FullBox("url ", 0, 1))), stbl(off)))))
	}
	ftyp := ftypM4A()
	off := uint32(len(ftyp) + len(moov(0)) + 8)
	var b sparseBuilder
	b.add(ftyp, moov(off), BoxHeader("mdat", uint32(8+mdatSize)))
	b.zeros(mdatSize)
	return &b.s
}

// ---- g. memory per box ----

// MP4HugeHdlr builds an M4A file whose one track's mdia holds two hdlr
// boxes of boxSize bytes each (the case: 31 MiB), whose names are
// SoundHandler A and SoundHandler B followed by zeros to the end of the
// box. The object is sparse. FFmpeg reads each name whole (mov.c
// mov_read_hdlr) and keeps the first (AV_DICT_DONT_OVERWRITE).
// ffprobe 5.1: one pcm_s16le stream with handler_name SoundHandler A, in
// 0.1 s.
func MP4HugeHdlr(boxSize int64) *Sparse {
	const samples = 4410
	hdlrHead := func(name string) []byte {
		return Cat(BE32(uint32(boxSize)), []byte("hdlr"), Zeros(4), Zeros(4), []byte("soun"), Zeros(12), []byte(name))
	}
	nameZeros := boxSize - int64(len(hdlrHead("SoundHandler A")))
	mdhd := FullBox("mdhd", 0, 0, BE32(0), BE32(0), BE32(44100), BE32(samples), BE16(0x55C4), BE16(0))
	// The minf of pcmMdia, without its mdhd and hdlr: build the mdia and
	// cut them off.
	minf := func(off uint32) []byte {
		m := pcmMdia(samples, off)
		return m[8+len(mdhd):]
	}
	tk := tkhd(1)
	mv := mvhd(2)
	ftyp := ftypM4A()
	mdiaSize := int64(8+len(mdhd)+len(minf(0))) + 2*boxSize
	trakSize := 8 + int64(len(tk)) + mdiaSize
	moovSize := 8 + int64(len(mv)) + trakSize
	off := uint32(int64(len(ftyp)) + moovSize + 8)
	var b sparseBuilder
	b.add(ftyp, BoxHeader("moov", uint32(moovSize)), mv, BoxHeader("trak", uint32(trakSize)), tk,
		BoxHeader("mdia", uint32(mdiaSize)), mdhd, hdlrHead("SoundHandler A"))
	b.zeros(nameZeros)
	b.add(hdlrHead("SoundHandler B"))
	b.zeros(nameZeros)
	b.add(minf(off), BoxHeader("mdat", 8+samples*4))
	b.zeros(samples * 4)
	return &b.s
}

// HangBound is how long one fuzz input may take before a fuzz target
// calls it a hang. It is wall time on a machine that may be busy (fuzz
// workers, other packages' tests, the race detector), so it is generous:
// a parser that loops without end fails it, a slow one is shown by the
// benchmarks (BenchmarkHostile), not here.
const HangBound = 10 * time.Second

// CheckPictures returns an error naming the first attached picture of info
// whose place is impossible in an object of size bytes: a contiguous image
// (Offset >= 0) must lie inside the object (an empty one, such as an MP4
// covr of no bytes, may sit at its end); one stored otherwise (Offset -1)
// must have a length that is not negative.
func CheckPictures(info *container.Info, size int64) error {
	if info == nil {
		return nil
	}
	for _, st := range info.Streams {
		p := st.Picture
		switch {
		case p == nil:
		case p.Offset == -1:
			if p.Length < 0 {
				return fmt.Errorf("stream %d: picture stored apart with length %d", st.Index, p.Length)
			}
		case p.Offset < 0 || p.Length < 0 || p.Offset > size-p.Length:
			return fmt.Errorf("stream %d: picture [%d,+%d) outside the %d-byte object", st.Index, p.Offset, p.Length, size)
		}
	}
	return nil
}
