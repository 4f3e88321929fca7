package hostile

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// Cat concatenates byte slices.
func Cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// BE16 .. LE64 encode one integer.
func BE16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func BE32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func BE64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
func LE16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func LE32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func LE64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

// Zeros returns n zero bytes.
func Zeros(n int) []byte { return make([]byte, n) }

// Rand is splitmix64: a fixed, tiny generator, so that an input's bytes
// (and the hash its golden records), or a sweep's mutations, never change
// with the standard library. Its value is its state: Rand(seed).
type Rand uint64

// Next returns the next 64 pseudo-random bits.
func (r *Rand) Next() uint64 {
	*r += 0x9E3779B97F4A7C15
	z := uint64(*r)
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// Intn returns a number in [0, n); n must be positive.
func (r *Rand) Intn(n int) int { return int(r.Next() % uint64(n)) }

// Fill fills b with pseudo-random bytes.
func (r *Rand) Fill(b []byte) {
	for i := range b {
		b[i] = byte(r.Next())
	}
}

// key4 names the i-th of up to 36^4 distinct four-character keys: i in base
// 36, digits then upper-case letters, most significant first.
func key4(i int) []byte {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	k := []byte("0000")
	for j := 3; j >= 0; j-- {
		k[j] = digits[i%36]
		i /= 36
	}
	return k
}

// ---- ISO-BMFF (MP4, QuickTime) ----

// Box returns an ISO-BMFF box (ISO/IEC 14496-12 4.2): 32-bit size, four-
// character type, payload.
func Box(typ string, payload ...[]byte) []byte {
	body := Cat(payload...)
	return Cat(BE32(uint32(8+len(body))), []byte(typ), body)
}

// FullBox returns a box whose payload starts with version and flags.
func FullBox(typ string, version byte, flags uint32, payload ...[]byte) []byte {
	return Box(typ, append([]byte{version, byte(flags >> 16), byte(flags >> 8), byte(flags)}, Cat(payload...)...))
}

// BoxHeader returns the header alone of a box of the given total size, for
// boxes whose payload is too large to build (a sparse mdat).
func BoxHeader(typ string, size uint32) []byte { return Cat(BE32(size), []byte(typ)) }

// ftypM4A is an ftyp box of an iTunes audio file.
func ftypM4A() []byte {
	return Box("ftyp", []byte("M4A "), BE32(0x200), []byte("M4A isommp42"))
}

// mvhd is a version-0 movie header: time scale 1000, duration 100.
func mvhd(nextTrackID uint32) []byte {
	return FullBox("mvhd", 0, 0,
		BE32(0), BE32(0), // creation, modification time
		BE32(1000), BE32(100), // time scale, duration
		BE32(0x00010000), BE16(0x0100), Zeros(10), // rate 1.0, volume 1.0, reserved
		unityMatrix(), Zeros(24), // matrix, pre_defined
		BE32(nextTrackID))
}

func unityMatrix() []byte {
	return Cat(BE32(0x00010000), BE32(0), BE32(0), BE32(0), BE32(0x00010000), BE32(0), BE32(0), BE32(0), BE32(0x40000000))
}

// tkhd is a version-0 track header, enabled, of the given id.
func tkhd(id uint32) []byte {
	return FullBox("tkhd", 0, 3,
		BE32(0), BE32(0), BE32(id), BE32(0), BE32(100), // times, track_ID, reserved, duration
		Zeros(8), BE16(0), BE16(0), BE16(0x0100), BE16(0), // reserved, layer, alternate group, volume, reserved
		unityMatrix(), BE32(0), BE32(0)) // matrix, width, height
}

// Hdlr returns a handler box of the given handler type and name (ISO/IEC
// 14496-12 8.4.3): pre_defined, handler_type, three reserved words, name.
func Hdlr(handler string, name []byte) []byte {
	return FullBox("hdlr", 0, 0, BE32(0), []byte(handler), Zeros(12), name)
}

// pcmTrackChildren are the boxes of the mdia of a 16-bit stereo 44.1 kHz
// 'sowt' (pcm_s16le) track of `samples` samples in one chunk at chunkOff
// (no chunk when samples is 0), with the given hdlr boxes.
func pcmMdia(samples uint32, chunkOff uint32, hdlrs ...[]byte) []byte {
	sowt := Box("sowt",
		Zeros(6), BE16(1), // reserved, data_reference_index
		BE16(0), BE16(0), BE32(0), // version, revision, vendor
		BE16(2), BE16(16), BE16(0), BE16(0), // channels, sample size, compression id, packet size
		BE32(44100<<16)) // sample rate 16.16
	var stts, stsc, stco []byte
	if samples > 0 {
		stts = FullBox("stts", 0, 0, BE32(1), BE32(samples), BE32(1))
		stsc = FullBox("stsc", 0, 0, BE32(1), BE32(1), BE32(samples), BE32(1))
		stco = FullBox("stco", 0, 0, BE32(1), BE32(chunkOff))
	} else {
		stts = FullBox("stts", 0, 0, BE32(0))
		stsc = FullBox("stsc", 0, 0, BE32(0))
		stco = FullBox("stco", 0, 0, BE32(0))
	}
	stbl := Box("stbl",
		FullBox("stsd", 0, 0, BE32(1), sowt),
		stts, stsc,
		FullBox("stsz", 0, 0, BE32(4), BE32(samples)), // every sample 4 bytes
		stco)
	minf := Box("minf",
		FullBox("smhd", 0, 0, Zeros(4)),
		Box("dinf", FullBox("dref", 0, 0, BE32(1), FullBox("url ", 0, 1))),
		stbl)
	return Box("mdia",
		FullBox("mdhd", 0, 0, BE32(0), BE32(0), BE32(44100), BE32(samples), BE16(0x55C4), BE16(0)), // und
		Cat(hdlrs...),
		minf)
}

// pcmTrak is a trak of a pcm_s16le track (see pcmMdia) with the given
// extra boxes after its tkhd (tref, ...).
func pcmTrak(id, samples, chunkOff uint32, extra ...[]byte) []byte {
	return Box("trak", tkhd(id), Cat(extra...), pcmMdia(samples, chunkOff, Hdlr("soun", []byte("SoundHandler\x00"))))
}

// ---- ID3v2 ----

// SyncSafe encodes n as a 28-bit syncsafe integer (ID3v2.4 6.2).
func SyncSafe(n uint32) []byte {
	return []byte{byte(n >> 21 & 0x7F), byte(n >> 14 & 0x7F), byte(n >> 7 & 0x7F), byte(n & 0x7F)}
}

// ID3v2 frame format flags (ID3v2.4 4.1.2).
const (
	ID3FlagDataLength  = 0x0001 // a data length indicator precedes the data
	ID3FlagCompression = 0x0008 // zlib
)

// ID3Frame returns an ID3v2.4 frame: id, syncsafe size, flags, body.
func ID3Frame(id string, flags uint16, body []byte) []byte {
	return Cat([]byte(id), SyncSafe(uint32(len(body))), BE16(flags), body)
}

// ID3CompressedFrame returns an ID3v2.4 frame whose body is zlib-compressed
// (flags 0x0008 and 0x0001): a syncsafe data length indicator, which holds
// the decompressed length, then the zlib stream of body. FFmpeg reads the
// indicator as a plain 32-bit integer (id3v2.c, avio_rb32) and uses it
// only to size its buffer, of at most 32768 times the compressed length.
func ID3CompressedFrame(id string, body []byte) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(body)
	w.Close()
	return ID3Frame(id, ID3FlagCompression|ID3FlagDataLength, Cat(SyncSafe(uint32(len(body))), z.Bytes()))
}

// zeroDeflater compresses a body that ends in a long run of zeros without
// compressing the zeros more than once: the zlib stream of a prefix and n
// zeros is the prefix deflated up to a sync flush, then the raw deflate
// stream of n zeros (which refers to nothing before it, so it can follow
// any byte-aligned non-final block), then the Adler-32 of both, computed
// from the prefix's (RFC 1950 8.2: n zeros add n*a to b).
type zeroDeflater struct {
	zeros map[int][]byte
	w     *flate.Writer
}

func (d *zeroDeflater) zlib(prefix []byte, n int) []byte {
	if d.zeros == nil {
		d.zeros = map[int][]byte{}
	}
	tail, ok := d.zeros[n]
	if !ok {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write(make([]byte, n))
		w.Close()
		tail = b.Bytes()
		d.zeros[n] = tail
	}
	var b bytes.Buffer
	b.Write([]byte{0x78, 0xDA}) // deflate, 32 KiB window, best compression
	if d.w == nil {
		d.w, _ = flate.NewWriter(&b, flate.BestCompression)
	} else {
		d.w.Reset(&b)
	}
	d.w.Write(prefix)
	d.w.Flush()
	b.Write(tail)
	const mod = 65521
	a, s := uint64(1), uint64(0)
	for _, c := range prefix {
		a = (a + uint64(c)) % mod
		s = (s + a) % mod
	}
	s = (s + uint64(n)%mod*a) % mod
	b.Write(BE32(uint32(s<<16 | a)))
	return b.Bytes()
}

// compressedFrame is ID3CompressedFrame of prefix and n zeros.
func (d *zeroDeflater) compressedFrame(id string, prefix []byte, n int) []byte {
	return ID3Frame(id, ID3FlagCompression|ID3FlagDataLength,
		Cat(SyncSafe(uint32(len(prefix)+n)), d.zlib(prefix, n)))
}

// ID3v2Tag returns an ID3v2.4 tag holding the frames.
func ID3v2Tag(frames ...[]byte) []byte {
	body := Cat(frames...)
	return Cat([]byte("ID3\x04\x00\x00"), SyncSafe(uint32(len(body))), body)
}

// TXXX returns the body of a TXXX frame in ISO-8859-1: description, value.
func TXXX(desc, value string) []byte {
	return Cat([]byte{0}, []byte(desc), []byte{0}, []byte(value))
}

// APIC returns the body of an APIC frame in ISO-8859-1: MIME type, picture
// type, description, data.
func APIC(mime string, picType byte, desc string, data []byte) []byte {
	return Cat([]byte{0}, []byte(mime), []byte{0, picType}, []byte(desc), []byte{0}, data)
}

// MP3Frames returns n silent MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz,
// joint stereo: 417 bytes each, the header and zeros (a zero side info is
// silence).
func MP3Frames(n int) []byte {
	f := make([]byte, 417)
	copy(f, []byte{0xFF, 0xFB, 0x90, 0x44})
	return bytes.Repeat(f, n)
}

// ---- ADTS and APEv2 ----

// ADTSFrames returns n silent AAC-LC stereo 44.1 kHz ADTS frames of 13
// bytes: the 7-byte header (no CRC) and the raw data block FFmpeg's aac
// encoder writes for silence.
func ADTSFrames(n int) []byte {
	f := []byte{
		0xFF, 0xF1, // syncword, MPEG-4, layer 0, protection absent
		0x50,       // profile LC, sampling index 4 (44100), channel config (high bit) 0
		0x80,       // channel config 2, frame length bits 12-11
		0x01, 0xBF, // frame length 13, buffer fullness 0x7FF
		0xFC,                               // buffer fullness, one raw data block
		0x21, 0x10, 0x04, 0x60, 0x8C, 0x1C, // CPE of silence, END
	}
	return bytes.Repeat(f, n)
}

// APE item flags (APEv2 specification).
const APEFlagBinary = 1 << 1 // item type 1: binary

// APEItem returns one APEv2 item: value size, flags, key, NUL, value.
func APEItem(key string, flags uint32, value []byte) []byte {
	return Cat(LE32(uint32(len(value))), LE32(flags), []byte(key), []byte{0}, value)
}

// APETag returns an APEv2 tag of the given items with a footer only (no
// header), as it ends a file.
func APETag(fields int, items []byte) []byte {
	return Cat(items, []byte("APETAGEX"),
		LE32(2000),                  // version
		LE32(uint32(len(items)+32)), // tag size: items and footer
		LE32(uint32(fields)),        // item count
		LE32(0), Zeros(8))           // flags: footer, no header; reserved
}

// ---- Ogg ----

// oggCRCTable is the Ogg CRC-32 (RFC 3533 6): polynomial 0x04C11DB7,
// initial value 0, not reflected, no final xor.
var oggCRCTable = func() (t [256]uint32) {
	for i := range t {
		r := uint32(i) << 24
		for j := 0; j < 8; j++ {
			if r&0x80000000 != 0 {
				r = r<<1 ^ 0x04C11DB7
			} else {
				r <<= 1
			}
		}
		t[i] = r
	}
	return
}()

// OggCRC returns the Ogg checksum of b (a page with its CRC field zero).
func OggCRC(b []byte) uint32 {
	var crc uint32
	for _, c := range b {
		crc = crc<<8 ^ oggCRCTable[byte(crc>>24)^c]
	}
	return crc
}

// Ogg page header flags.
const (
	OggContinued = 0x01
	OggBOS       = 0x02
	OggEOS       = 0x04
)

// OggPage returns one page with a correct CRC from its lacing values and
// payload.
func OggPage(flags byte, granule int64, serial, seq uint32, lacing, payload []byte) []byte {
	b := make([]byte, 0, 27+len(lacing)+len(payload))
	b = append(b, "OggS"...)
	b = append(b, 0, flags)
	b = binary.LittleEndian.AppendUint64(b, uint64(granule))
	b = binary.LittleEndian.AppendUint32(b, serial)
	b = binary.LittleEndian.AppendUint32(b, seq)
	b = append(b, 0, 0, 0, 0, byte(len(lacing)))
	b = append(b, lacing...)
	b = append(b, payload...)
	binary.LittleEndian.PutUint32(b[22:], OggCRC(b))
	return b
}

// OggPackets lays packets out on pages of serial, numbered from *seq on,
// at most 255 lacing values a page; bos marks the first page. Pages on
// which a packet ends carry granule, the others -1 (RFC 3533 6).
func OggPackets(serial uint32, seq *uint32, bos bool, granule int64, packets ...[]byte) []byte {
	type seg struct {
		n   byte
		end bool
	}
	var segs []seg
	var data []byte
	for _, p := range packets {
		n := len(p)
		for n >= 255 {
			segs = append(segs, seg{255, false})
			n -= 255
		}
		segs = append(segs, seg{byte(n), true})
		data = append(data, p...)
	}
	var out []byte
	continued := false
	for len(segs) > 0 {
		k := min(255, len(segs))
		lacing := make([]byte, k)
		size, ends := 0, false
		for i := 0; i < k; i++ {
			lacing[i] = segs[i].n
			size += int(segs[i].n)
			ends = ends || segs[i].end
		}
		var flags byte
		if continued {
			flags |= OggContinued
		}
		if bos {
			flags |= OggBOS
			bos = false
		}
		g := int64(-1)
		if ends {
			g = granule
		}
		out = append(out, OggPage(flags, g, serial, *seq, lacing, data[:size])...)
		*seq++
		continued = !segs[k-1].end
		segs, data = segs[k:], data[size:]
	}
	return out
}

// VorbisComment returns a Vorbis comment structure: vendor, count, entries
// (without the framing bit).
func VorbisComment(vendor string, entries [][]byte) []byte {
	n := 8 + len(vendor)
	for _, e := range entries {
		n += 4 + len(e)
	}
	b := make([]byte, 0, n)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(vendor)))
	b = append(b, vendor...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(entries)))
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(e)))
		b = append(b, e...)
	}
	return b
}

// vorbisID is a Vorbis identification header: 2 channels, 44100 Hz,
// nominal 128000 bit/s, block sizes 2^8 and 2^11.
var vorbisID = Cat([]byte("\x01vorbis"), LE32(0), []byte{2}, LE32(44100), LE32(0), LE32(128000), LE32(0), []byte{0xB8, 1})

// bitWriter packs values LSB first, as Vorbis does (Vorbis I 2.1.4).
type bitWriter struct {
	b    []byte
	nbit uint
}

func (w *bitWriter) put(v uint64, n uint) {
	for i := uint(0); i < n; i++ {
		if w.nbit%8 == 0 {
			w.b = append(w.b, 0)
		}
		if v>>i&1 != 0 {
			w.b[len(w.b)-1] |= 1 << (w.nbit % 8)
		}
		w.nbit++
	}
}

// vorbisSetup is the smallest setup header FFmpeg's Vorbis decoder accepts
// (Vorbis I 4.2.4, field by field below): one codebook of two one-bit
// codes, one floor 1 without partitions, one residue 0 of one partition,
// one mapping, one mode. It decodes nothing useful; ffprobe opens the
// decoder with it, which it must (ffprobe refuses a stream whose decoder
// does not open).
var vorbisSetup = func() []byte {
	var w bitWriter
	w.put(0, 8)         // vorbis_codebook_count - 1
	w.put(0x564342, 24) // codebook sync pattern
	w.put(1, 16)        // codebook_dimensions
	w.put(2, 24)        // codebook_entries
	w.put(0, 1)         // ordered: no
	w.put(0, 1)         // sparse: no
	w.put(0, 5)         // length of entry 0 - 1
	w.put(0, 5)         // length of entry 1 - 1
	w.put(0, 4)         // codebook_lookup_type: none
	w.put(0, 6)         // vorbis_time_count - 1
	w.put(0, 16)        // time domain transform type 0
	w.put(0, 6)         // vorbis_floor_count - 1
	w.put(1, 16)        // floor type 1
	w.put(0, 5)         // floor1_partitions
	w.put(0, 2)         // floor1_multiplier - 1
	w.put(8, 4)         // rangebits
	w.put(0, 6)         // vorbis_residue_count - 1
	w.put(0, 16)        // residue type 0
	w.put(0, 24)        // residue_begin
	w.put(32, 24)       // residue_end
	w.put(31, 24)       // residue_partition_size - 1
	w.put(0, 6)         // residue_classifications - 1
	w.put(0, 8)         // residue_classbook
	w.put(0, 3)         // cascade low bits of classification 0
	w.put(0, 1)         // no high bits
	w.put(0, 6)         // vorbis_mapping_count - 1
	w.put(0, 16)        // mapping type 0
	w.put(0, 1)         // one submap
	w.put(0, 1)         // no coupling
	w.put(0, 2)         // reserved
	w.put(0, 8)         // submap 0: time configuration (unused)
	w.put(0, 8)         // submap 0: floor 0
	w.put(0, 8)         // submap 0: residue 0
	w.put(0, 6)         // vorbis_mode_count - 1
	w.put(0, 1)         // mode 0: blockflag (short blocks)
	w.put(0, 16)        // window type
	w.put(0, 16)        // transform type
	w.put(0, 8)         // mapping 0
	w.put(1, 1)         // framing flag
	return Cat([]byte("\x05vorbis"), w.b)
}()

// OpusHead is an Opus identification header: version 1, 2 channels,
// pre-skip 312, 48000 Hz, gain 0, mapping family 0.
var OpusHead = Cat([]byte("OpusHead"), []byte{1, 2}, LE16(312), LE32(48000), LE16(0), []byte{0})

// opusStream is a complete Ogg Opus stream of the given serial: head,
// tags, and pages of 20 ms CELT packets (TOC 0xF8) up to 1 s.
func opusStream(serial uint32) []byte {
	var seq uint32
	pkt := []byte{0xF8, 0xFF, 0xFE}
	b := Cat(
		OggPackets(serial, &seq, true, 0, OpusHead),
		OggPackets(serial, &seq, false, 0, Cat([]byte("OpusTags"), VorbisComment("hostile", [][]byte{[]byte("TITLE=after the junk")}))))
	granule := int64(0)
	for i := 0; i < 5; i++ {
		granule += 10 * 960
		pkts := make([][]byte, 10)
		for j := range pkts {
			pkts[j] = pkt
		}
		b = append(b, OggPackets(serial, &seq, false, granule, pkts...)...)
	}
	return fixLastPageEOS(b)
}

// fixLastPageEOS sets the EOS flag of the last page of b and recomputes
// its CRC.
func fixLastPageEOS(b []byte) []byte {
	last := bytes.LastIndex(b, []byte("OggS"))
	b[last+5] |= OggEOS
	binary.LittleEndian.PutUint32(b[last+22:], 0)
	binary.LittleEndian.PutUint32(b[last+22:], OggCRC(b[last:]))
	return b
}

// ---- FLAC ----

// FLAC metadata block types.
const (
	FLACStreamInfo    = 0
	FLACPadding       = 1
	FLACVorbisComment = 4
	FLACPicture       = 6
)

// FLACBlock returns a metadata block header and body.
func FLACBlock(last bool, typ byte, body []byte) []byte {
	if last {
		typ |= 0x80
	}
	return Cat([]byte{typ, byte(len(body) >> 16), byte(len(body) >> 8), byte(len(body))}, body)
}

// flacStreamInfo is a STREAMINFO body: block size 4096, 44100 Hz, 2
// channels, 16 bits, total samples.
func flacStreamInfo(samples uint64) []byte {
	b := Cat(BE16(4096), BE16(4096), Zeros(6)) // min/max block size, min/max frame size unknown
	// 20 bits sample rate, 3 bits channels-1, 5 bits bps-1, 36 bits samples.
	v := uint64(44100)<<44 | uint64(1)<<41 | uint64(15)<<36 | samples
	return Cat(b, BE64(v), Zeros(16)) // MD5 unknown
}

// flacFrames returns n frames of 4096 samples of silence, two CONSTANT
// subframes each (FLAC format: FRAME_HEADER, SUBFRAME_CONSTANT), with their
// CRC-8 and CRC-16.
func flacFrames(n int) []byte {
	var out []byte
	for i := 0; i < n; i++ {
		// sync, fixed block size; block size 4096, 44.1 kHz; independent
		// stereo, 16 bits; frame number (UTF-8 coded, < 128 here).
		h := []byte{0xFF, 0xF8, 0xC9, 0x18, byte(i)}
		h = append(h, crc8(h))
		f := append(h, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00) // two CONSTANT subframes of value 0
		crc := crc16(f)
		out = append(out, append(f, byte(crc>>8), byte(crc))...)
	}
	return out
}

func crc8(b []byte) byte {
	var c byte
	for _, x := range b {
		c ^= x
		for i := 0; i < 8; i++ {
			if c&0x80 != 0 {
				c = c<<1 ^ 0x07
			} else {
				c <<= 1
			}
		}
	}
	return c
}

func crc16(b []byte) uint16 {
	var c uint16
	for _, x := range b {
		c ^= uint16(x) << 8
		for i := 0; i < 8; i++ {
			if c&0x8000 != 0 {
				c = c<<1 ^ 0x8005
			} else {
				c <<= 1
			}
		}
	}
	return c
}

// flacFile is "fLaC", STREAMINFO, the given blocks (the last one flagged as
// such) and four frames of silence.
func flacFile(blocks ...[2][]byte) []byte {
	b := Cat([]byte("fLaC"), FLACBlock(len(blocks) == 0, FLACStreamInfo, flacStreamInfo(4*4096)))
	for i, blk := range blocks {
		b = append(b, FLACBlock(i == len(blocks)-1, blk[0][0], blk[1])...)
	}
	return append(b, flacFrames(4)...)
}

// FLACPictureBody returns a PICTURE block body: type, MIME, description,
// width, height, depth, colours, data.
func FLACPictureBody(picType uint32, mime, desc string, data []byte) []byte {
	return Cat(BE32(picType), BE32(uint32(len(mime))), []byte(mime), BE32(uint32(len(desc))), []byte(desc),
		BE32(1), BE32(1), BE32(24), BE32(0), BE32(uint32(len(data))), data)
}

// png1x1 is the head of a PNG: signature and IHDR of a 1x1 RGB image.
var png1x1 = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde")

// ---- RIFF and Wave64 ----

// Chunk returns a RIFF chunk: id, little-endian size, body, pad byte.
func Chunk(id string, body []byte) []byte {
	b := Cat([]byte(id), LE32(uint32(len(body))), body)
	if len(body)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

// pcmFmt is a WAVEFORMAT body: PCM, 2 channels, 44100 Hz, 16 bits.
var pcmFmt = Cat(LE16(1), LE16(2), LE32(44100), LE32(44100*4), LE16(4), LE16(16))

// WAV returns a RIFF/WAVE file of the given chunks.
func WAV(chunks ...[]byte) []byte {
	body := Cat(chunks...)
	return Cat([]byte("RIFF"), LE32(uint32(4+len(body))), []byte("WAVE"), body)
}

// The Wave64 GUIDs (libavformat/w64.c).
var (
	w64RIFF        = []byte{'r', 'i', 'f', 'f', 0x2E, 0x91, 0xCF, 0x11, 0xA5, 0xD6, 0x28, 0xDB, 0x04, 0xC1, 0x00, 0x00}
	w64SummaryList = []byte{0xBC, 0x94, 0x5F, 0x92, 0x5A, 0x52, 0xD2, 0x11, 0x86, 0xDC, 0x00, 0xC0, 0x4F, 0x8E, 0xDB, 0x8A}
)

func w64GUID(id string) []byte {
	return Cat([]byte(id), []byte{0xF3, 0xAC, 0xD3, 0x11, 0x8C, 0xD1, 0x00, 0xC0, 0x4F, 0x8E, 0xDB, 0x8A})
}

// W64Chunk returns a Wave64 chunk: GUID, 64-bit size (header included),
// body, padding to 8 bytes.
func W64Chunk(guid, body []byte) []byte {
	b := Cat(guid, LE64(uint64(24+len(body))), body)
	if pad := len(b) % 8; pad != 0 {
		b = append(b, Zeros(8-pad)...)
	}
	return b
}

// utf16le encodes s as UTF-16LE with a terminating NUL.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return append(b, 0, 0)
}

// keyName is the i-th distinct key of a tag dictionary.
func keyName(prefix string, i int) string { return fmt.Sprintf("%s%06d", prefix, i) }
