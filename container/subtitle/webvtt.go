package subtitle

import "github.com/mediaprobe/mediaprobe/container"

// probeWebVTT scores as webvttdec.c webvtt_probe: after an optional UTF-8
// byte-order mark, "WEBVTT" followed by a line break, a tab, a space or
// the end of the head (the probe buffer's zero padding) is certain. A
// UTF-16 file is not WebVTT to FFmpeg.
func probeWebVTT(head []byte) int {
	p := head
	if len(p) >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf {
		p = p[3:]
	}
	const sig = "WEBVTT"
	if len(p) < len(sig) || string(p[:len(sig)]) != sig {
		return 0
	}
	if len(p) == len(sig) {
		return 100
	}
	switch p[len(sig)] {
	case 0, '\n', '\r', '\t', ' ':
		return 100
	}
	return 0
}

// readWebVTT describes the one stream as webvtt_read_header does. Nothing
// is read: the cues it queues reach none of ffprobe's fields, and no cue
// can make it fail (a cue it cannot parse ends the queue, not the
// header). The "kind" option, the stream's disposition, is 0 (subtitles)
// by default.
func readWebVTT(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info, _, err := newInfo(src, "webvtt", "WebVTT subtitle", "webvtt", 1000, start)
	return info, err
}
