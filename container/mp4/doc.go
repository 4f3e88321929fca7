// Package mp4 reads QuickTime movies and the ISO base media file format
// family (mp4, m4a, m4v, 3gp, 3g2, mj2, fragmented mp4) and reports them as
// ffprobe 5.1 does, under the format name "mov,mp4,m4a,3gp,3g2,mj2".
//
// A file is a tree of boxes (atoms): a size, a four-character type and a
// payload. The movie box (moov) holds one trak per stream with its media
// header (mdhd: time scale, duration, language), its handler (hdlr: the
// stream type) and its sample table (stbl: sample descriptions in stsd,
// timing in stts and ctts, sizes in stsz, chunking in stsc and stco). Edit
// lists (elst) move the presentation; iTunes-style metadata lives in
// moov/udta/meta/ilst; fragmented files add movie fragments (moof/traf/trun)
// after an initial moov with mvex/trex defaults, possibly indexed by sidx.
//
// Only headers and indexes are read: the top-level walk reads box headers
// (mdat is skipped by its size wherever it is), the moov tree is read box by
// box, the sample tables are summed in bounded chunks and never expanded
// into per-sample entries, and cover art is located (offset and length),
// not read, apart from its first bytes.
//
// Specifications: ISO/IEC 14496-12 (ISO base media file format),
// ISO/IEC 14496-14 (MP4, esds), ISO/IEC 14496-3 (AudioSpecificConfig),
// Apple's QuickTime File Format
// (https://developer.apple.com/documentation/quicktime-file-format),
// 3GPP TS 26.244 (3gp, loci), ETSI TS 102 366 (dac3, dec3), the Opus and
// FLAC in ISO BMFF encapsulations (dOps, dfLa).
//
// The package mirrors libavformat/mov.c (mov_read_default and the box
// readers of its parse table, mov_build_index, mov_fix_index,
// mov_read_header) and libavformat/isom.c (the codec tag tables,
// ff_mp4_read_dec_config_descr, ff_mov_lang_to_iso639). Boxes are walked
// with github.com/abema/go-mp4's ReadBoxStructure one level at a time, since
// mov.c clamps a child to its parent where go-mp4 fails; leaf payloads are
// decoded here from bytes, because go-mp4 has no QuickTime sound
// description v1/v2 and reads whole tables.
//
// Departures: the index is summarised, so values ffmpeg derives from
// individual packets are approximated from the tables: the start time is the
// first sample's composition time or the leading empty edits, the stream
// bit rate uses all sample sizes, and r_frame_rate for irregular timing
// falls back to the average frame rate. Where ffprobe's values come from
// the packets avformat_find_stream_info reads (E-AC-3, DTS and TrueHD
// frames, first timestamps of subtitle and data tracks, timecodes), the
// first packets are located from the tables and read, and how far
// find_stream_info reads is estimated from what each audio and video
// stream needs. Implicit SBR is not reported. Deep video fields (profile,
// pixel format, level, colour) are left to the codec parsers. A sample
// table (stts, ctts, trun) whose entries run more than 64 KiB past the end
// of its box is refused, and such an stsz is taken as cut short, where
// mov.c reads whatever follows the box as entries: the box bounds the
// reads, so that a small box cannot make a probe read the whole object.
//
// Cost: every box is a structure on the probe's budget, sample tables are
// read through one reused 64 KiB buffer, and tracks, fragment defaults and
// chapter references are matched through maps, so a file costs time linear
// in the boxes and table bytes it holds.
package mp4
