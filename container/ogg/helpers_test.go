package ogg

import (
	"encoding/binary"
)

// oggPage builds one page with a correct CRC: header fields, then lacing
// values and payload for the given packet pieces. A piece whose length is a
// multiple of 255 and that is marked open (last packet continued on the next
// page) gets no terminating lacing value.
func oggPage(flags byte, granule int64, serial, seq uint32, open bool, pieces ...[]byte) []byte {
	var segs, payload []byte
	for i, p := range pieces {
		n := len(p)
		for n >= 255 {
			segs = append(segs, 255)
			n -= 255
		}
		if !(open && i == len(pieces)-1) {
			segs = append(segs, byte(n))
		}
		payload = append(payload, p...)
	}
	b := make([]byte, 0, pageHeaderSize+len(segs)+len(payload))
	b = append(b, "OggS"...)
	b = append(b, 0, flags)                                  // version 0, header type flags
	b = binary.LittleEndian.AppendUint64(b, uint64(granule)) // granule position
	b = binary.LittleEndian.AppendUint32(b, serial)          // bitstream serial number
	b = binary.LittleEndian.AppendUint32(b, seq)             // page sequence number
	b = append(b, 0, 0, 0, 0)                                // CRC, filled in below
	b = append(b, byte(len(segs)))                           // page_segments
	b = append(b, segs...)
	b = append(b, payload...)
	binary.LittleEndian.PutUint32(b[22:], crcUpdate(0, b))
	return b
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

// vorbisComment builds a Vorbis comment structure: vendor, count, entries.
func vorbisComment(vendor string, entries ...string) []byte {
	b := cat(le32(uint32(len(vendor))), []byte(vendor), le32(uint32(len(entries))))
	for _, e := range entries {
		b = append(b, le32(uint32(len(e)))...)
		b = append(b, e...)
	}
	return b
}

// vorbisID is an identification header: 2 channels, 44100 Hz, nominal
// 128000 bit/s, block sizes 2^8 and 2^11.
var vorbisID = cat(
	[]byte("\x01vorbis"),
	le32(0),         // vorbis_version
	[]byte{2},       // audio_channels
	le32(44100),     // audio_sample_rate
	le32(0),         // bitrate_maximum
	le32(128000),    // bitrate_nominal
	le32(0),         // bitrate_minimum
	[]byte{0xB8, 1}, // blocksize_1=11, blocksize_0=8; framing
)

// vorbisSetup is a setup header whose end holds one mode, short window:
// 20 bytes of 0xFF stand for the codebooks, floors, residues and mappings,
// then (LSB first) mode count-1 = 0 (6 bits), blockflag 0, window type 0
// (16), transform type 0 (16), mapping 0 (8), framing bit 1.
var vorbisSetup = func() []byte {
	b := []byte("\x05vorbis")
	for i := 0; i < 20; i++ {
		b = append(b, 0xFF)
	}
	// 6+1+16+16+8 = 47 zero bits, then the framing bit: bit 47 of 6 bytes.
	return append(b, 0, 0, 0, 0, 0, 0x80)
}()

// vorbisFile is a one-stream Vorbis file: id page, comment+setup page,
// audio pages with 3 short-block packets each (128 samples apiece after the
// first), granules as given.
func vorbisFile(serial uint32, firstGranule, lastGranule int64, comments ...string) []byte {
	audio := []byte{0, 1, 2, 3} // even first byte: audio packet, mode 0
	return cat(
		oggPage(flagBOS, 0, serial, 0, false, vorbisID),
		oggPage(0, 0, serial, 1, false, cat([]byte("\x03vorbis"), vorbisComment("test vendor", comments...), []byte{1}), vorbisSetup),
		oggPage(0, firstGranule, serial, 2, false, audio, audio, audio),
		oggPage(flagEOS, lastGranule, serial, 3, false, audio, audio),
	)
}

// opusHead is an OpusHead: version 1, 2 channels, pre-skip 312, 48000 Hz
// input, gain 0, mapping family 0.
var opusHead = cat([]byte("OpusHead"), []byte{1, 2}, []byte{0x38, 0x01}, le32(48000), []byte{0, 0}, []byte{0})

// opusFile is an Opus file whose audio packets are CELT 20 ms (TOC 0xF8:
// config 31, code 0): 960 samples each.
func opusFile(firstGranule, lastGranule int64, comments ...string) []byte {
	pkt := []byte{0xF8, 0xFF, 0xFE}
	return cat(
		oggPage(flagBOS, 0, 7, 0, false, opusHead),
		oggPage(0, 0, 7, 1, false, cat([]byte("OpusTags"), vorbisComment("libopus", comments...))),
		oggPage(0, firstGranule, 7, 2, false, pkt, pkt),
		oggPage(flagEOS, lastGranule, 7, 3, false, pkt),
	)
}
