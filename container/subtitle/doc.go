// Package subtitle reads standalone text subtitle files, as ffprobe's
// "webvtt" (WebVTT), "srt" (SubRip) and "ass" (SubStation Alpha) formats:
// one subtitle stream each, codec webvtt, subrip or ass.
//
// FFmpeg's demuxers read the whole file into a queue of cues at
// read_header (ff_subtitles_queue_insert), but nothing of the cues reaches
// ffprobe's output: the stream's codec parameters are complete without a
// packet, so avformat_find_stream_info reads none, and no stream or the
// format gets a start time, a duration or a bit rate (the demuxers set
// none, and there is no bit rate to estimate one from). What ffprobe prints
// is the codec, the time base (1/1000 for WebVTT and SubRip, 1/100 for
// ASS), no disposition (webvttdec.c's "kind" option is 0 by default) and,
// for ASS only, the extradata: every line that is not a Dialogue event,
// which is the script's header.
//
// So WebVTT and SubRip are described from the probe alone and read nothing;
// ASS is read whole, in one read, to measure that header, and refused with
// container.ErrLimit above 8 MiB (maxASSSize), so that a probe stays
// bounded; every Dialogue event charges the budget one structure, so that
// a script of very many tiny events stops at the budget's limit
// (container.DefaultMaxStructures) where ffprobe would queue them all.
//
// Detection is FFmpeg's read_probe of each: webvtt_probe (the "WEBVTT"
// signature, after a UTF-8 byte-order mark, followed by a blank or the
// end), srt_probe (the first non-empty line a number, the next one a
// SubRip timing line), ass_probe (the "[Script Info]" section after any
// line breaks). srt_probe and ass_probe read the head through FFmpeg's text
// reader, which takes UTF-8 and, after their byte-order marks, UTF-16 LE
// and BE (converted to UTF-8 as it goes), and their line and timing rules
// are sscanf's: this package copies both, quirks included (see text.go and
// scan.go).
//
// The demuxers mirror FFmpeg 5.1's libavformat/webvttdec.c, srtdec.c,
// assdec.c and subtitles.c (FFTextReader, ff_subtitles_read_line).
//
// Specifications: WebVTT, https://www.w3.org/TR/webvtt1/; SubRip has none
// (FFmpeg's reader is the reference); ASS, the "Sub Station Alpha v4.00+
// Script Format" document.
package subtitle
