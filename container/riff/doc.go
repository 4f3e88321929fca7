// Package riff reads the RIFF family of containers: WAV (RIFF/WAVE, its
// big-endian twin RIFX, and the 64-bit RF64 and BW64 forms), Sony Wave64,
// and AVI, which shares the chunk walk (chunk.go) and the WAVEFORMATEX
// parse (package codec/wav).
//
// A RIFF file is a sequence of chunks, each a four-character id, a 32-bit
// little-endian size and a body padded to an even length. WAV keeps the
// audio format in the "fmt " chunk (a WAVEFORMATEX), the samples in "data",
// the sample count of compressed audio in "fact", and metadata in LIST/INFO,
// "bext" (Broadcast Wave) and "id3 " chunks. RF64 and BW64 put the 64-bit
// sizes in a "ds64" chunk first. Wave64 uses 16-byte GUIDs for ids and
// 64-bit sizes that count the chunk header, aligned to 8 bytes.
//
// The WAV demuxers mirror FFmpeg 5.1's libavformat/wavdec.c (wav_read_header,
// w64_read_header) and riffdec.c. The data chunk is never read: chunks after
// it (a LIST at the end) are reached by moving the offset past it, as
// wavdec.c does on a seekable input.
//
// Specifications:
//   - https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/WAVE/WAVE.html
//   - EBU Tech 3285 (bext), EBU Tech 3306 (RF64), ITU-R BS.2088 (BW64)
//   - http://www.ambisonia.com/Members/mleese/sony_wave64.pdf (Wave64)
//
// AVI (avi*.go) mirrors libavformat/avidec.c avi_read_header: the hdrl
// list's avih, and per stream strh (time base from scale/rate, frame count,
// duration in frames for streams without a sample size), strf (a
// BITMAPINFOHEADER through codec.ParseBitmapInfoHeader and codec.BMPCodec,
// or a WAVEFORMATEX through codec/wav), strd, strn (the stream title), vprp
// (the aspect ratio) and indx (OpenDML super indexes), then INFO and IDIT
// tags. The header ends at the movi list, which is never walked: the idx1
// index after it (or the OpenDML indexes) is read once and summarised per
// stream, for the bit rates calculate_bitrate derives from it, and the
// first packet of each stream (found through the index, or by avi_sync's
// search from the start of movi) is handed to the codec packages for what
// avformat_find_stream_info learns from it (codec/es for H.264, MPEG-4 and
// MPEG-1/2 video, codec/jpeg, codec/vp8, codec/mpegaudio, codec/ac3,
// codec/aac). A well-formed file costs one read for the head and one for
// the index at the end.
//
// AVI departures: the non-interleaved detection (guess_ni_flag), which
// changes only the order FFmpeg reads packets in, is not done; DV type 1
// files and GAB2 subtitles are not read; a video fourcc found only among
// the MOV tags (FFmpeg's second lookup) is left unnamed.
//
// Departures from FFmpeg: the packets are not probed, so a PCM WAV whose
// samples are really S/PDIF (IEC 61937) AC-3 or DTS (wavdec.c set_spdif), or
// another format that avformat_find_stream_info would recognise in 16-bit
// PCM packets, is reported as PCM; SMV video in WAV is not read.
package riff
