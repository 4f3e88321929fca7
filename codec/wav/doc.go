// Package wav holds what FFmpeg knows about the WAVEFORMATEX family of audio
// headers, shared by every container that carries one (WAV, RF64, Wave64,
// AVI, ASF, Matroska's A_MS/ACM): the format tag to codec table
// (libavformat/riff.c ff_codec_wav_tags), the WAVEFORMATEXTENSIBLE sub-format
// GUIDs (riffdec.c ff_codec_wav_guids) and the parse of the structure itself
// (riffdec.c ff_get_wav_header); the channel mask is named by package
// codec's LayoutName, the one table of FFmpeg's layout names.
//
// What the decoders of these codecs report once opened (sample format,
// bits_per_raw_sample, a decoder's own layout) and their bits per sample
// are facts of the codec, not of WAVEFORMATEX: they are in package codec,
// which every container uses.
//
// Like every codec package it parses from byte slices and does no I/O.
//
// References:
//   - https://learn.microsoft.com/en-us/windows/win32/api/mmreg/ns-mmreg-waveformatex
//   - https://learn.microsoft.com/en-us/windows/win32/api/mmreg/ns-mmreg-waveformatextensible
//   - RFC 2361 (WAVE and AVI codec registries)
//
// Departures: the tag table is FFmpeg 5.1's (later FFmpeg maps 0x0069 to
// adpcm_ima_xbox and knows G.728).
package wav
