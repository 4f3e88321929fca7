package mp4

import (
	"encoding/binary"
)

// Helpers that build ISO BMFF boxes for the tests. Every test input is
// assembled from these, with its fields commented where it is built.

func u8(v uint8) []byte   { return []byte{v} }
func u16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func u24(v uint32) []byte { return []byte{byte(v >> 16), byte(v >> 8), byte(v)} }
func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// mkbox is a box with a 32-bit size: size, type, payload.
func mkbox(typ string, payload ...[]byte) []byte {
	p := cat(payload...)
	return cat(u32(uint32(8+len(p))), []byte(typ), p)
}

// mkbox64 is a box with a 64-bit size: size 1, type, largesize, payload.
func mkbox64(typ string, payload ...[]byte) []byte {
	p := cat(payload...)
	return cat(u32(1), []byte(typ), u64(uint64(16+len(p))), p)
}

// full is a full box header: version and 24-bit flags.
func full(version uint8, flags uint32) []byte { return cat(u8(version), u24(flags)) }

func zeros(n int) []byte { return make([]byte, n) }

var identity = cat(u32(0x10000), u32(0), u32(0), u32(0), u32(0x10000), u32(0), u32(0), u32(0), u32(0x40000000))

func ftypM4A() []byte {
	return mkbox("ftyp",
		[]byte("M4A "),                                 // major brand
		u32(512),                                       // minor version
		[]byte("M4A "), []byte("isom"), []byte("iso2"), // compatible brands
	)
}

func mvhd(timescale, duration uint32) []byte {
	return mkbox("mvhd", full(0, 0),
		u32(0), u32(0), // creation, modification time
		u32(timescale), u32(duration),
		u32(0x10000), u16(0x100), zeros(10), // rate, volume, reserved
		identity,
		zeros(24), // pre_defined
		u32(2),    // next track id
	)
}

func tkhd(id uint32, flags uint32) []byte {
	return mkbox("tkhd", full(0, flags),
		u32(0), u32(0), // creation, modification time
		u32(id), u32(0), // track id, reserved
		u32(0), zeros(8), // duration, reserved
		u16(0), u16(0), u16(0x100), u16(0), // layer, alternate group, volume, reserved
		identity,
		u32(0), u32(0), // width, height
	)
}

func mdhd(timescale, duration uint32, lang uint16) []byte {
	return mkbox("mdhd", full(0, 0),
		u32(0), u32(0), // creation, modification time
		u32(timescale), u32(duration),
		u16(lang), u16(0), // packed ISO-639-2 language, quality
	)
}

func hdlr(sub, name string) []byte {
	return mkbox("hdlr", full(0, 0), u32(0), []byte(sub), zeros(12), []byte(name), u8(0))
}

// esdsAAC is an ES_Descriptor with a DecoderConfigDescriptor for AAC and
// the AudioSpecificConfig asc.
func esdsAAC(asc []byte) []byte {
	dsi := cat(u8(0x05), u8(uint8(len(asc))), asc)
	dcd := cat(u8(0x04), u8(uint8(13+len(dsi))),
		u8(0x40),    // objectTypeIndication: AAC
		u8(0x15),    // streamType audio, upstream 0, reserved 1
		u24(0),      // bufferSizeDB
		u32(128000), // maxBitrate
		u32(128000), // avgBitrate
		dsi)
	es := cat(u8(0x03), u8(uint8(3+len(dcd)+3)),
		u16(1), u8(0), // ES_ID, flags
		dcd,
		u8(0x06), u8(1), u8(2)) // SLConfigDescriptor
	return mkbox("esds", full(0, 0), es)
}

// mp4a is an AudioSampleEntry (v0) with children.
func mp4a(channels, rate uint16, children ...[]byte) []byte {
	return mkbox("mp4a",
		zeros(6), u16(1), // reserved, data reference index
		u16(0), u16(0), u32(0), // version, revision, vendor
		u16(channels), u16(16), // channel count, sample size
		u16(0), u16(0), // compression id, packet size
		u32(uint32(rate)<<16), // sample rate 16.16
		cat(children...))
}

// stblAudio is a sample table of n samples of 1024 ticks and size bytes
// each, all in one chunk at chunkOff.
func stblAudio(entry []byte, n, size, chunkOff uint32) []byte {
	return mkbox("stbl",
		mkbox("stsd", full(0, 0), u32(1), entry),
		mkbox("stts", full(0, 0), u32(1), u32(n), u32(1024)), // one run: n x 1024
		mkbox("stsz", full(0, 0), u32(size), u32(n)),         // constant size
		mkbox("stsc", full(0, 0), u32(1), u32(1), u32(n), u32(1)),
		mkbox("stco", full(0, 0), u32(1), u32(chunkOff)),
	)
}

// ilstItem is an iTunes item holding one data atom of type dataType.
func ilstItem(typ string, dataType uint32, value []byte) []byte {
	return mkbox(typ, mkbox("data", u32(dataType), u32(0), value))
}

// m4a builds a small AAC-LC m4a: 44.1 kHz stereo, n frames of 100 bytes,
// with the given ilst items, moov before mdat.
func m4a(n uint32, items ...[]byte) []byte {
	asc := []byte{0x12, 0x10} // AOT 2 (LC), 44100 Hz (index 4), 2 channels
	build := func(mdatOff uint32) []byte {
		trak := mkbox("trak",
			tkhd(1, 3), // enabled | in movie
			mkbox("mdia",
				mdhd(44100, n*1024, 0x55c4), // "und"
				hdlr("soun", "SoundHandler"),
				mkbox("minf", stblAudio(mp4a(2, 44100, esdsAAC(asc)), n, 100, mdatOff+8)),
			))
		var udta []byte
		if len(items) > 0 {
			udta = mkbox("udta", mkbox("meta", full(0, 0), hdlr("mdir", ""), mkbox("ilst", items...)))
		}
		return cat(ftypM4A(), mkbox("moov", mvhd(1000, n*1024*1000/44100), trak, udta))
	}
	head := build(0)
	head = build(uint32(len(head)))
	return cat(head, mkbox("mdat", zeros(int(n)*100)))
}
