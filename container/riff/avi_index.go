package riff

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// idx1EntrySize is the size of one idx1 entry: chunk id, flags, offset,
// size.
const idx1EntrySize = 16

// indexChunk is how much of an index is read at a time: the entries are
// summarised as they are read, never kept.
const indexChunk = 4 << 20

// maxODMLDepth is avidec.c MAX_ODML_DEPTH: how deeply super indexes may
// nest.
const maxODMLDepth = 1000

// loadIndex is avidec.c avi_load_index: the chunks after the movi list are
// walked for an idx1 index and INFO lists, up to the first other chunk
// after an index was read.
func (a *aviState) loadIndex() error {
	pos := a.moviEnd
	found := false
	for pos >= 0 && pos <= a.ioFsize-8 {
		if err := a.src.Budget().Visit(aviName, "chunk", pos); err != nil {
			return err
		}
		c, err := readChunkHeader(a.src, pos, false)
		if err != nil {
			if isEOF(err) {
				return nil
			}
			return err
		}
		next := addClamp(c.Body(), c.Size+c.Size&1)
		switch {
		case c.ID == idIdx1:
			ok, err := a.readIdx1(c.Body(), c.Size)
			if err != nil {
				return err
			}
			if ok {
				a.indexLoaded = 2
				found = true
			}
		case c.ID == idList:
			typ, err := readUint32(a.src, c.Body(), false)
			if err != nil {
				return err
			}
			if typ == idInfo {
				n := c.Size - 4
				if c.Size < 4 {
					n = int64(uint32(c.Size) - 4)
				}
				if err := tags.ReadRIFFInfo(a.src, c.Body()+4, n, &a.meta); isLimit(err) {
					return err
				}
			}
		case found:
			return nil
		}
		pos = next
	}
	return nil
}

// readIdx1 reads the idx1 index of size bytes at off as avi_read_idx1
// does, into the streams' index summaries. Its offsets are relative to the
// movi list, or absolute: the first entry is matched against the first
// packet to tell. It reports false where avi_read_idx1 fails (no entry, or
// the object ends inside the index), with the entries read kept.
func (a *aviState) readIdx1(off, size int64) (bool, error) {
	n := size / idx1EntrySize
	if n <= 0 {
		return false, nil
	}
	firstPacketPos, err := a.firstPacket()
	if err != nil {
		return false, err
	}
	var dataOffset int64
	if len(a.streams) == 1 && a.streams[0].st.CodecTag == fourcc("MMES") {
		firstPacketPos, dataOffset = 0, a.moviList
	}
	firstPacket := true
	lastPos, lastIdx := int64(-1), int64(-1)
	var buf []byte
	for done := int64(0); done < n; {
		if err := a.src.Budget().Visit(aviName, "idx1", off); err != nil {
			return false, err
		}
		k := min(n-done, indexChunk/idx1EntrySize)
		have := a.ioFsize - off
		if have < k*idx1EntrySize {
			k = max(have, 0) / idx1EntrySize
			if k == 0 {
				return false, nil // avio_feof: the index is cut short
			}
		}
		b, err := demuxkit.ReadScratch(a.src, &buf, off, k*idx1EntrySize, aviName, "idx1")
		if err != nil {
			return false, err
		}
		for e := 0; e+idx1EntrySize <= len(b); e += idx1EntrySize {
			tag := binary.LittleEndian.Uint32(b[e:])
			pos := int64(binary.LittleEndian.Uint32(b[e+8:]))
			length := binary.LittleEndian.Uint32(b[e+12:])
			index := (tag&0xff - '0') * 10
			index += (tag>>8&0xff - '0')
			if index >= uint32(len(a.streams)) {
				continue
			}
			if tag>>16&0xff == 'p' && tag>>24 == 'c' {
				continue // palette changes
			}
			s := a.streams[index]
			if firstPacket && firstPacketPos != 0 {
				if a.moviList+4 != pos || pos+500 > firstPacketPos {
					dataOffset = firstPacketPos - pos
				}
				firstPacket = false
			}
			pos += dataOffset
			if lastIdx != pos && length != 0 {
				s.addIndexEntry(pos, s.cumLen, int64(int32(length)))
				lastIdx = pos
			}
			s.cumLen += s.getDuration(int64(int32(length)))
			lastPos = pos
		}
		done += k
		off += k * idx1EntrySize
	}
	_ = lastPos
	return true, nil
}

// readODMLIndex reads an OpenDML index (indx, or a standard index ix##
// that a super index points to) at off as avidec.c read_odml_index does.
// A super index's entries are followed to the standard indexes, each read
// once whatever points to it (a loop of indexes costs one read of each),
// and no deeper than maxODMLDepth.
func (a *aviState) readODMLIndex(off int64) error {
	if err := a.src.Budget().Visit(aviName, "indx", off); err != nil {
		return err
	}
	// Well-formed indexes do not overlap, so all of them together are no
	// longer than the file: more means index chunks that overlap or loop.
	if a.odmlRead += 24; a.odmlRead > a.ioFsize {
		return demuxkit.Errorf(aviName, "indx", off, container.ErrMalformed, "indexes longer than the file")
	}
	var h [24]byte
	if n, _ := a.src.ReadAt(h[:], off); n < len(h) {
		return demuxkit.Errorf(aviName, "indx", off, container.ErrTruncated, "index header cut short")
	}
	le := binary.LittleEndian
	longsPerEntry := le.Uint16(h[0:])
	subType, indexType := h[2], h[3]
	entries := int64(int32(le.Uint32(h[4:])))
	chunkID := le.Uint32(h[8:])
	base := int64(le.Uint64(h[12:]))
	streamID := int(int32((chunkID&0xff)-'0'))*10 + int(int32((chunkID>>8&0xff)-'0'))
	if streamID < 0 || streamID >= len(a.streams) {
		return demuxkit.Errorf(aviName, "indx", off, container.ErrMalformed, "index of stream %d", streamID)
	}
	s := a.streams[streamID]
	if subType != 0 || indexType > 1 || indexType == 1 && longsPerEntry != 2 {
		return demuxkit.Errorf(aviName, "indx", off, container.ErrMalformed, "index type %d/%d", indexType, subType)
	}
	if a.fsize > 0 && (base < 0 || base >= a.fsize) {
		// "ODML index invalid": a base written twice in 32 bits is taken
		// once.
		if uint64(base)>>32 == uint64(base)&0xFFFFFFFF && base&0xFFFFFFFF < a.fsize && a.fsize <= 0xFFFFFFFF {
			base &= 0xFFFFFFFF
		} else {
			return demuxkit.Errorf(aviName, "indx", off, container.ErrMalformed, "index base %d past the end", base)
		}
	}
	pos := off + 24
	if entries <= 0 {
		a.indexLoaded = 2
		return nil
	}
	if indexType == 1 {
		// Standard index: 8 bytes an entry, offset (from base, to the
		// data) and size (bit 31 clear on key frames).
		lastPos := int64(-1)
		var buf []byte
		for done := int64(0); done < entries; {
			k := min(entries-done, indexChunk/8)
			have := (a.ioFsize - pos) / 8
			if have < k {
				k = max(have, 0)
				if k == 0 {
					return demuxkit.Errorf(aviName, "ix", pos, container.ErrTruncated, "index cut short")
				}
			}
			if a.odmlRead += k * 8; a.odmlRead > a.ioFsize {
				return demuxkit.Errorf(aviName, "ix", pos, container.ErrMalformed, "indexes longer than the file")
			}
			b, err := demuxkit.ReadScratch(a.src, &buf, pos, k*8, aviName, "ix")
			if err != nil {
				return err
			}
			for e := 0; e+8 <= len(b); e += 8 {
				p := int64(le.Uint32(b[e:])) + base - 8
				length := int64(le.Uint32(b[e+4:]) & 0x7FFFFFFF)
				if lastPos != p && length != 0 {
					s.addIndexEntry(p, s.cumLen, length)
				}
				s.cumLen += s.getDuration(length)
				lastPos = p
			}
			done += k
			pos += k * 8
		}
		a.indexLoaded = 2
		return nil
	}
	// Super index: 16 bytes an entry, the offset of a standard index
	// chunk, its size and its duration.
	for i := int64(0); i < entries; i++ {
		var e [16]byte
		if a.odmlRead += 16; a.odmlRead > a.ioFsize {
			return demuxkit.Errorf(aviName, "indx", pos+16*i, container.ErrMalformed, "indexes longer than the file")
		}
		if n, _ := a.src.ReadAt(e[:], pos+16*i); n < len(e) {
			return demuxkit.Errorf(aviName, "indx", pos+16*i, container.ErrTruncated, "super index cut short")
		}
		offset := int64(le.Uint64(e[:]))
		if offset < 0 || offset > math.MaxInt64-8 {
			return demuxkit.Errorf(aviName, "indx", pos+16*i, container.ErrMalformed, "index at %d", offset)
		}
		if a.odmlDepth > maxODMLDepth {
			return demuxkit.Errorf(aviName, "indx", off, container.ErrMalformed, "too deeply nested ODML indexes")
		}
		if a.odmlSeen == nil {
			a.odmlSeen = map[int64]bool{}
		}
		if a.odmlSeen[offset] {
			continue // a loop: this index was read already
		}
		a.odmlSeen[offset] = true
		if err := a.src.Budget().Visit(aviName, "indx entry", pos+16*i); err != nil {
			return err
		}
		a.odmlDepth++
		err := a.readODMLIndex(offset + 8)
		a.odmlDepth--
		if isLimit(err) {
			return err
		}
	}
	a.indexLoaded = 2
	return nil
}
