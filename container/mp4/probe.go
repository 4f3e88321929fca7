package mp4

import "encoding/binary"

// probe scores the head as mov_probe (libavformat/mov.c) does: it walks the
// top-level box headers and rates the best known type it meets (100 for
// moov, mdat, ftyp, pnot, udta; 95 for free, junk, wide, pict; 50 for skip,
// uuid, prfl; 5 for a JPEG 2000 ftyp). A moov holding an MPEG-PS handler
// scores 5 so that the mpegps probe wins.
func probe(p []byte) int {
	score := 0
	moovOff := -1
	n := int64(len(p))
	var off int64
	for off+8 <= n {
		size := int64(binary.BigEndian.Uint32(p[off:]))
		minSize := int64(8)
		if size == 1 && off+16 <= n {
			s := binary.BigEndian.Uint64(p[off+8:])
			if s > 1<<62 {
				break
			}
			size = int64(s)
			minSize = 16
		} else if size == 0 {
			size = n - off
		}
		if size < minSize {
			off += 4
			continue
		}
		tag := string(p[off+4 : off+8])
		switch tag {
		case "moov", "mdat", "pnot", "udta", "ftyp":
			if tag == "moov" {
				moovOff = int(off + 4)
			}
			if tag == "ftyp" && off+12 <= n {
				if b := string(p[off+8 : off+12]); b == "jp2 " || b == "jpx " || b == "jxl " {
					score = max(score, 5)
					break
				}
			}
			score = 100
		case "ediw", "wide", "free", "junk", "pict":
			score = max(score, 95)
		case "\x82\x82\x7f\x7d":
			score = max(score, 45)
		case "skip", "uuid", "prfl":
			score = max(score, 50)
		}
		if size > 1<<62-off {
			break
		}
		off += size
	}
	if score > 50 && moovOff != -1 {
		for i := moovOff; i+16 < len(p); i += 2 {
			if string(p[i:i+4]) == "hdlr" && string(p[i+8:i+12]) == "mhlr" && string(p[i+12:i+16]) == "MPEG" {
				return 5
			}
		}
	}
	return score
}
