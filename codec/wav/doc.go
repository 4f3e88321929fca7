// Package wav holds what FFmpeg knows about the WAVEFORMATEX family of audio
// headers, shared by every container that carries one (WAV, RF64, Wave64,
// AVI, ASF, Matroska's A_MS/ACM): the format tag to codec table
// (libavformat/riff.c ff_codec_wav_tags), the WAVEFORMATEXTENSIBLE sub-format
// GUIDs (riffdec.c ff_codec_wav_guids), the channel-mask to layout-name
// mapping (libavutil/channel_layout.c) and the parse of the structure itself
// (riffdec.c ff_get_wav_header).
//
// It also records what avformat_find_stream_info learns when it opens the
// decoders of these codecs (sample format, bits_per_raw_sample), because
// ffprobe prints the decoder's view and mediaprobe decodes nothing.
//
// Like every codec package it parses from byte slices and does no I/O.
//
// References:
//   - https://learn.microsoft.com/en-us/windows/win32/api/mmreg/ns-mmreg-waveformatex
//   - https://learn.microsoft.com/en-us/windows/win32/api/mmreg/ns-mmreg-waveformatextensible
//   - RFC 2361 (WAVE and AVI codec registries)
//
// Departures: the tag table is FFmpeg 5.1's (later FFmpeg maps 0x0069 to
// adpcm_ima_xbox and knows G.728); only the decoders' defaults that reach
// ffprobe's output are recorded.
package wav
