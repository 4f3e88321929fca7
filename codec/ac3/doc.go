// Package ac3 parses the headers of Dolby Digital (AC-3) and Dolby Digital
// Plus (E-AC-3) audio: the sync frame that opens every frame of the
// elementary stream (syncinfo and bsi), and the AC3SpecificBox (dac3) and
// EC3SpecificBox (dec3) that MP4 carries in the sample entry. It does no
// I/O and works on byte slices.
//
// The values are those ffprobe 5.1 prints once avformat_find_stream_info
// has run FFmpeg's AC-3 parser and decoder over the first packets: the
// sample rate, the channel count and layout the decoder outputs (7.1 for an
// E-AC-3 independent substream with a dependent one), the planar float
// sample format, and the bit rate (the nominal rate of frmsizecod for AC-3,
// the size of the first frame over its duration for E-AC-3). Neither codec
// has a profile in FFmpeg 5.1.
//
// The audio service type (bsmod, a karaoke stream when bsmod is 7 and
// there is more than one channel) is reported three ways, because FFmpeg
// has three: as mov_read_dac3/mov_read_dec3 read it from the MP4 boxes
// (the Audio Service Type side data), as the parser reads it from each
// frame (AC-3 only: FFmpeg 5.1's parser reads no E-AC-3 bsmod), and as the
// decoder reads it (for E-AC-3 from the informational metadata). The
// disposition avformat_find_stream_info derives from it is the parser's
// where a parser runs after the decoder (raw streams, MPEG-TS) and the
// decoder's where none does (MP4, Matroska): see [SyncFrame.ParserServiceType]
// and [Packet.ServiceType].
//
// Specifications: ATSC A/52:2018 (AC-3: 5.3 syncinfo and bsi, Table 5.18
// frame sizes; Annex E: E-AC-3 bsi and the custom channel map, Table E2.5)
// and ETSI TS 102 366 Annex F (dac3, dec3).
//
// It mirrors libavcodec/ac3_parser.c (ff_ac3_parse_header, ac3_sync),
// libavcodec/aac_ac3_parser.c (ff_aac_ac3_parse), libavcodec/ac3dec.c
// (parse_frame_header, ac3_decode_frame), libavcodec/eac3dec.c
// (ff_eac3_parse_header) and libavformat/mov.c (mov_read_dac3,
// mov_read_dec3).
//
// Departures: the audio blocks are not decoded, so a frame whose header is
// valid but whose audio data the decoder rejects is reported as if it
// decoded. A packet whose dependent frame FFmpeg would refuse (a second
// dependent substream id, too many channels) is reported from the frames
// before it, where FFmpeg's decoder drops the packet. Reduced sample rate
// E-AC-3 (fscod 3), which FFmpeg 5.1's decoder does not decode, is parsed
// but refused by [ParsePacket] with container.ErrUnsupported.
package ac3
