// Package dvdsub reads what ffprobe reports of DVD subtitles (VobSub,
// FFmpeg's dvd_subtitle) from their extradata: the text of a .idx file,
// whose "size:" line the decoder (libavcodec/dvdsubdec.c
// dvdsub_parse_extradata) takes as the stream's width and height.
package dvdsub

import (
	"bytes"
	"strconv"
)

// maxDimension bounds a size FFmpeg would accept (av_image_check_size
// refuses larger pictures long before).
const maxDimension = 1 << 16

// Size returns the width and height of the first "size: WxH" line of the
// extradata, read as sscanf("%dx%d") does; ok is false when there is none
// or it is not two positive numbers.
func Size(extradata []byte) (width, height int, ok bool) {
	for _, line := range bytes.Split(extradata, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if !bytes.HasPrefix(line, []byte("size:")) {
			continue
		}
		rest := bytes.TrimLeft(line[5:], " \t")
		x := bytes.IndexByte(rest, 'x')
		if x < 0 {
			return 0, 0, false
		}
		w, okW := leadingInt(rest[:x])
		h, okH := leadingInt(bytes.TrimLeft(rest[x+1:], " \t"))
		if !okW || !okH || w <= 0 || h <= 0 || w > maxDimension || h > maxDimension {
			return 0, 0, false
		}
		return w, h, true
	}
	return 0, 0, false
}

// leadingInt reads the decimal number b starts with.
func leadingInt(b []byte) (int, bool) {
	n := 0
	for n < len(b) && n < 8 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	v, err := strconv.Atoi(string(b[:n]))
	return v, err == nil
}
