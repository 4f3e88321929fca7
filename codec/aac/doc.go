// Package aac parses the headers of MPEG-4 AAC audio: the
// AudioSpecificConfig that MP4, Matroska and other containers carry as
// codec private data, the ADTS frame header of raw .aac streams, and the
// program config element. It does no I/O and works on byte slices.
//
// The values are those ffprobe 5.1 reports after FFmpeg's AAC decoder has
// been initialised: the SBR output rate for HE-AAC, two channels for a mono
// stream that may carry parametric stereo, profile names ("LC", "HE-AAC",
// "HE-AACv2", "Main", "SSR", "LTP", "LD", "ELD").
//
// Specifications: ISO/IEC 14496-3 (MPEG-4 Audio) 1.6.2.1 AudioSpecificConfig,
// 1.A.2 ADTS, 4.4.1.1 program_config_element; ISO/IEC 13818-7 (MPEG-2 AAC).
// https://wiki.multimedia.cx/index.php/MPEG-4_Audio and
// https://wiki.multimedia.cx/index.php/ADTS summarise them.
//
// It mirrors libavcodec/mpeg4audio.c (avpriv_mpeg4audio_get_config2),
// libavcodec/adts_header.c (ff_adts_header_parse) and the configuration
// parts of libavcodec/aacdec_template.c.
//
// Departures: implicit SBR and PS (signalled only by extension payloads in
// the audio data) are not detected, since finding them means decoding the
// spectral data; for such streams ffprobe prints the doubled rate and
// "HE-AAC" while this package reports the core rate and "LC". ALS, CELP,
// HVXC and the other non-GA object types are identified but their specific
// configurations are not read.
package aac
