#!/usr/bin/env bash
# Regenerates the small media files in testdata/ and their ffprobe goldens.
#
#   testdata/gen.sh            (from the project root; needs ffmpeg 5.1, Debian 12's package)
#
# One short file per case the probe must handle, with tags and cover art where
# the container allows them. Each FILE gets FILE.ffprobe.json: the output of
#   ffprobe -v error -show_format -show_streams -of json FILE
# with format.filename removed. The goldens come from ffprobe, never from
# mediaprobe. Files are kept small (well under 64 KiB each) so the repo stays light.
set -eu
cd "$(dirname "$0")"
command -v ffmpeg >/dev/null || { echo "gen.sh: needs ffmpeg (apt-get install -y ffmpeg)" >&2; exit 1; }

D=0.4
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
BX=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact)
TAGS=(-metadata "title=Test title" -metadata "artist=Test artist" -metadata "album=Test album"
      -metadata "album_artist=Test album artist" -metadata "composer=Test composer"
      -metadata "genre=Rock" -metadata "date=2020" -metadata "track=2/9" -metadata "comment=mediaprobe testdata")
MONO=(-f lavfi -i "sine=frequency=440:sample_rate=22050:duration=$D")
STEREO=(-f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(660*2*PI*t):s=22050:d=$D:c=stereo")
SURR=(-f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(550*2*PI*t)|sin(660*2*PI*t)|sin(770*2*PI*t)|sin(880*2*PI*t)|sin(990*2*PI*t):s=8000:d=$D:c=5.1")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff -f lavfi -i "testsrc=size=64x48:rate=1:duration=1" -frames:v 1 "$tmp/cover.jpg"
ff -f lavfi -i "smptebars=size=32x32:rate=1:duration=1" -frames:v 1 "$tmp/cover.png"
JPG=$tmp/cover.jpg; PNG=$tmp/cover.png

gen() { # name, then ffmpeg arguments
  local name=$1; shift
  ff "$@" "${BX[@]}" "$name"
}

# MPEG audio
gen mp3_cbr_id3v24_cover.mp3 "${STEREO[@]}" -i "$JPG" -map 0:a -map 1:v -c:a libmp3lame -b:a 64k -c:v copy -id3v2_version 4 -metadata:s:v title="Front" -metadata:s:v comment="Cover (front)" "${TAGS[@]}"
gen mp3_vbr_xing_mono.mp3 "${MONO[@]}" -c:a libmp3lame -q:a 6 "${TAGS[@]}"
gen mp3_cbr_noxing.mp3 "${MONO[@]}" -c:a libmp3lame -b:a 32k -write_xing 0
gen mp3_id3v23_id3v1.mp3 "${MONO[@]}" -c:a libmp3lame -b:a 32k -id3v2_version 3 -write_id3v1 1 "${TAGS[@]}"
gen mp3_png_cover.mp3 "${MONO[@]}" -i "$PNG" -map 0:a -map 1:v -c:a libmp3lame -b:a 32k -c:v copy "${TAGS[@]}"
gen mp2_layer2.mp2 "${MONO[@]}" -c:a mp2 -b:a 64k
gen mpeg25_8k.mp3 -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a libmp3lame -b:a 8k

# FLAC
gen flac_s16_cover.flac "${STEREO[@]}" -i "$JPG" -map 0:a -map 1:v -c:a flac -c:v copy -disposition:v attached_pic "${TAGS[@]}"
gen flac_s24_51.flac "${SURR[@]}" -c:a flac -sample_fmt s32 -bits_per_raw_sample 24
# A channel mask comment naming 7.1(wide) (0xFF), not the decoder's 7.1.
gen flac_71wide.flac -f lavfi -i "aevalsrc=0|0|0|0|0|0|0|0:c=7.1(wide):s=8000:d=$D" -c:a flac -sample_fmt s16
# An ID3v2 tag in front of FLAC (as some taggers write it): the tag of an mp3
# made here, then a FLAC stream without Vorbis comments.
gen "$tmp/plain.flac" "${MONO[@]}" -c:a flac
python3 - "$tmp/plain.flac" mp3_id3v23_id3v1.mp3 flac_id3.flac <<'PY'
import sys
flac, mp3, out = sys.argv[1:]
m = open(mp3, "rb").read()
n = 10 + (m[6] << 21 | m[7] << 14 | m[8] << 7 | m[9])
open(out, "wb").write(m[:n] + open(flac, "rb").read())
PY

# Ogg
gen ogg_vorbis_tags.ogg "${STEREO[@]}" -c:a libvorbis -q:a 0 "${TAGS[@]}"
gen ogg_opus.opus "${STEREO[@]}" -c:a libopus -b:a 24k "${TAGS[@]}"
gen ogg_flac.oga "${MONO[@]}" -c:a flac "${TAGS[@]}"
gen ogg_speex.spx -f lavfi -i "sine=frequency=300:sample_rate=16000:duration=$D" -c:a libspeex

# WAV, Wave64, AIFF
gen wav_s16le.wav "${MONO[@]}" -c:a pcm_s16le
gen wav_s24le_info.wav "${MONO[@]}" -c:a pcm_s24le "${TAGS[@]}"
gen wav_f32le_51.wav "${SURR[@]}" -c:a pcm_f32le
gen wav_u8.wav -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_u8
gen wav_mulaw.wav -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_mulaw
gen wav_alaw.wav -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_alaw
gen wav_adpcm_ms.wav "${STEREO[@]}" -c:a adpcm_ms
gen wav_adpcm_ima.wav "${MONO[@]}" -c:a adpcm_ima_wav
gen wav_mp3.wav "${MONO[@]}" -c:a libmp3lame -b:a 32k
gen wav_rf64.wav "${MONO[@]}" -c:a pcm_s16le -rf64 always
# A layout with no standard name: ffprobe prints "2 channels (FC+LFE)".
gen wav_fc_lfe.wav -f lavfi -i "aevalsrc=0|0:c=FC+LFE:s=8000:d=$D" -c:a pcm_s16le
# What the decoder reports, not the header: bits_per_sample 1 and
# bits_per_raw_sample 8 (dfpwm), s16p and no layout (G.723.1), flt (Speex).
gen wav_dfpwm.wav -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a dfpwm
gen wav_g723_1.wav -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a g723_1 -b:a 6300
gen wav_speex.wav -f lavfi -i "sine=frequency=300:sample_rate=16000:duration=$D" -c:a libspeex
# Two codecs ffmpeg cannot write, in the headers wavdec.c knows them by:
# 16-bit float PCM in 32-bit slots (bits_per_sample 32) and DK4 IMA ADPCM
# (bits_per_sample 0), each with silent data.
python3 - <<'PY'
import struct
def wav(name, fmt, data):
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    open(name, "wb").write(b"RIFF" + struct.pack("<I", len(body)) + body)
# PCM tag, 1 channel, 8 kHz, 32000 B/s, block 4, 32 bits, cbSize 2, value 1.
wav("wav_f16le.wav", struct.pack("<HHIIHHHH", 1, 1, 8000, 32000, 4, 32, 2, 1), bytes(4 * 800))
# Tag 0x61, 1 channel, 8 kHz, 4055 B/s, block 256, 4 bits, cbSize 2, 505 samples a block.
wav("wav_adpcm_ima_dk4.wav", struct.pack("<HHIIHHHH", 0x61, 1, 8000, 4055, 256, 4, 2, 505), bytes(256 * 4))
PY
gen w64_s16le.w64 "${MONO[@]}" -c:a pcm_s16le
gen aiff_s16be_tags.aiff "${MONO[@]}" -c:a pcm_s16be "${TAGS[@]}"
gen aifc_s24be.aif "${MONO[@]}" -c:a pcm_s24be -f aiff
gen aifc_alaw.aifc -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_alaw -f aiff

# caf/au: Core Audio Format (PCM from the lpcm flags, ALAC with its cookie
# and packet table, mu-law, IMA4, Opus, info tags) and Sun AU (PCM, A-law,
# mu-law, G.722, the annotation as tags). Short and 8 kHz to stay small.
S8=(-f lavfi -i "sine=frequency=300:sample_rate=8000:duration=0.2")
gen caf_s16le_tags.caf "${S8[@]}" -c:a pcm_s16le "${TAGS[@]}"
gen caf_s24be.caf "${S8[@]}" -c:a pcm_s24be
gen caf_f32be.caf "${S8[@]}" -c:a pcm_f32be
gen caf_alac_stereo.caf -f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(660*2*PI*t):s=8000:d=0.3:c=stereo" -c:a alac -sample_fmt s32p
gen caf_ulaw.caf "${S8[@]}" -c:a pcm_mulaw
gen caf_ima4.caf "${S8[@]}" -c:a adpcm_ima_qt
gen caf_opus.caf "${S8[@]}" -c:a libopus -b:a 16k
# MP3 packets: the bit rate is the first frame's, as the decoder sets it; and
# detection must take the file for CAF, not for the MP3 frames it holds.
gen caf_mp3.caf "${S8[@]}" -c:a libmp3lame -b:a 16k
gen caf_ac3.caf "${S8[@]}" -c:a ac3 -ar 48000 -b:a 64k
# ffmpeg's CAF muxer refuses AAC: the raw frames of an ADTS stream are put
# in a CAF by hand, with an ES descriptor cookie and a packet table of
# variable sizes (one varint a packet), as Apple's tools write them.
gen "$tmp/aac.aac" "${S8[@]}" -c:a aac -b:a 16k
python3 - "$tmp/aac.aac" caf_aac.caf <<'PY'
import struct, sys
adts = open(sys.argv[1], "rb").read()
frames, i = [], 0
while i + 7 <= len(adts):
    n = (adts[i+3] & 3) << 11 | adts[i+4] << 3 | adts[i+5] >> 5
    frames.append(adts[i + (7 if adts[i+1] & 1 else 9):i + n]); i += n
profile, sfi, chans = (adts[2] >> 6) + 1, (adts[2] >> 2) & 15, (adts[2] & 1) << 2 | adts[3] >> 6
asc = struct.pack(">H", profile << 11 | sfi << 7 | chans << 3)
dsi = b"\x05" + bytes([len(asc)]) + asc
dcd = b"\x04" + bytes([13 + len(dsi)]) + bytes([0x40, 0x15, 0, 0, 0]) + struct.pack(">II", 0, 16000) + dsi
esd = b"\x03" + bytes([3 + len(dcd) + 3]) + b"\0\0\0" + dcd + b"\x06\x01\x02"
kuki = b"\0\0\0\0" + esd
def varint(v):
    out = [v & 0x7f]; v >>= 7
    while v: out.append(0x80 | v & 0x7f); v >>= 7
    return bytes(reversed(out))
pakt = struct.pack(">qqii", len(frames), 1024 * len(frames) - 2048, 2048, 0) + b"".join(varint(len(f)) for f in frames)
chunk = lambda t, b: t + struct.pack(">q", len(b)) + b
desc = struct.pack(">d", 8000.0) + b"aac " + struct.pack(">IIIII", 2, 0, 1024, chans, 0)
out = b"caff\0\1\0\0" + chunk(b"desc", desc) + chunk(b"kuki", kuki) + chunk(b"pakt", pakt) + chunk(b"data", b"\0\0\0\1" + b"".join(frames))
open(sys.argv[2], "wb").write(out)
PY
gen au_s16be_tags.au "${S8[@]}" -c:a pcm_s16be -metadata title="Test title" -metadata artist="Test artist" -metadata album="Test album" -metadata genre=Rock
gen au_alaw.au "${S8[@]}" -c:a pcm_alaw
gen au_mulaw.au "${S8[@]}" -c:a pcm_mulaw
gen au_g722.au -f lavfi -i "sine=frequency=300:sample_rate=16000:duration=0.2" -c:a adpcm_g722

# AAC and the MP4 family
gen aac_lc.aac "${STEREO[@]}" -c:a aac -b:a 48k
gen aac_id3.aac "${MONO[@]}" -c:a aac -b:a 32k -write_id3v2 1 "${TAGS[@]}"
gen m4a_aac_cover.m4a "${STEREO[@]}" -i "$JPG" -map 0:a -map 1:v -c:a aac -b:a 48k -c:v copy -disposition:v attached_pic "${TAGS[@]}"
gen m4a_alac.m4a "${MONO[@]}" -c:a alac "${TAGS[@]}"
gen m4a_png_cover.m4a "${MONO[@]}" -i "$PNG" -map 0:a -map 1:v -c:a aac -b:a 32k -c:v copy -disposition:v attached_pic "${TAGS[@]}"
gen m4a_faststart.m4a "${MONO[@]}" -c:a aac -b:a 32k -movflags +faststart "${TAGS[@]}"
gen 3gp_aac.3gp -f lavfi -i "sine=frequency=440:sample_rate=8000:duration=$D" -c:a aac -b:a 12k
gen m4a_ac3_fc_lfe.m4a -f lavfi -i "aevalsrc=0|0:c=FC+LFE:s=48000:d=$D" -c:a ac3 -b:a 96k
gen mov_pcm.mov "${MONO[@]}" -c:a pcm_s16le
# Decoders' own layouts in MP4: FLAC's 3.0 and ALAC's 6.1(back) (not the
# default 2.1 and 6.1), and none for Opus mapping family 255.
gen mp4_flac_3ch.mp4 -f lavfi -i "aevalsrc=0|0|0:c=3.0:s=8000:d=$D" -c:a flac -sample_fmt s16 -strict -2
gen m4a_alac_7ch.m4a -f lavfi -i "aevalsrc=0|0|0|0|0|0|0:c=6.1(back):s=8000:d=0.1" -c:a alac -sample_fmt s16p
gen mp4_opus_family255.mp4 "${STEREO[@]}" -ar 48000 -c:a libopus -mapping_family 255 -b:a 24k
gen mp4_fragmented_aac.mp4 "${MONO[@]}" -c:a aac -b:a 32k -movflags frag_keyframe+empty_moov

# Side data (side_data_list)
# A display matrix. ffmpeg 5.1 writes no rotation, so the tkhd matrix of a
# PNG video track is set by hand to a counter-clockwise turn of 30 degrees
# (cos and sin in 16.16: 56756, 32768), which ffprobe prints truncated: -29.
gen mov_png_rot30.mov -f lavfi -i "testsrc=size=32x24:rate=5:duration=$D" -c:v png
python3 - mov_png_rot30.mov <<'PY'
import struct, sys
p = sys.argv[1]; b = bytearray(open(p, "rb").read())
i = b.find(b"tkhd")
off = i - 4 + (48 if b[i + 4] == 0 else 60)
b[off:off + 36] = struct.pack(">9i", 56756, 32768, 0, -32768, 56756, 0, 0, 0, 0x40000000)
open(p, "wb").write(b)
PY
# Audio Service Type from the bsmod of dac3: mode 7 is karaoke (8) with two
# channels and voice over (7) with one (mov_read_dac3).
gen m4a_ac3_karaoke.m4a -f lavfi -i "aevalsrc=0|0:s=48000:d=$D" -c:a ac3 -b:a 96k -audio_service_type ka
gen m4a_ac3_voiceover.m4a -f lavfi -i "aevalsrc=0:s=48000:d=$D" -c:a ac3 -b:a 96k -audio_service_type vo
# Replay Gain from REPLAYGAIN_* tags; a peak without a gain exports nothing.
gen flac_replaygain.flac "${MONO[@]}" -c:a flac -metadata REPLAYGAIN_TRACK_GAIN="-3.50 dB" \
    -metadata REPLAYGAIN_TRACK_PEAK=0.988 -metadata REPLAYGAIN_ALBUM_GAIN="-4.25 dB" -metadata REPLAYGAIN_ALBUM_PEAK=1.000
gen flac_replaygain_peak_only.flac "${MONO[@]}" -c:a flac -metadata REPLAYGAIN_TRACK_PEAK=0.988
gen mp3_replaygain_id3.mp3 "${MONO[@]}" -c:a libmp3lame -b:a 32k -metadata REPLAYGAIN_TRACK_GAIN="+1.5 dB"
# Replay Gain from the LAME tag: ffmpeg writes none, so the fields of the tag
# are set by hand and its CRC-16 fixed (ffmpeg trusts the tag only then).
gen "$tmp/lame.mp3" "${MONO[@]}" -c:a libmp3lame -q:a 6
lame_rg() { # in, out, peak (9.23), radio gain field, audiophile gain field
python3 - "$@" <<'PY'
import struct, sys
src, dst = sys.argv[1:3]
peak, radio, audiophile = (int(x, 0) for x in sys.argv[3:6])
b = bytearray(open(src, "rb").read())
start = 0  # the first frame, after the ID3v2 tag
if b[:3] == b"ID3":
    start = 10 + (b[6] << 21 | b[7] << 14 | b[8] << 7 | b[9])
x = max(b.find(b"Xing", start), b.find(b"Info", start))
flags = struct.unpack(">I", b[x + 4:x + 8])[0]
p = x + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4) + 4 * bool(flags & 8) + 9 + 1 + 1
struct.pack_into(">IHH", b, p, peak, radio, audiophile)
crc_at = p + 8 + 1 + 1 + 3 + 1 + 1 + 2 + 4 + 2
crc = 0
for c in b[start:crc_at]:
    crc ^= c
    for _ in range(8):
        crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
struct.pack_into(">H", b, crc_at, crc)
open(dst, "wb").write(b)
PY
}
# radio gain: name 1, originator 3 (user), sign, 35 (-3.5 dB); then a peak alone
lame_rg "$tmp/lame.mp3" mp3_lame_replaygain.mp3 0x00700000 $((0x2000 | 0x0c00 | 0x200 | 35)) 0
lame_rg "$tmp/lame.mp3" mp3_lame_peak_only.mp3 0x00700000 0 0

# Video: a few frames each, kept small; one thread, so that encoders are
# deterministic.
V=(-f lavfi -i "testsrc=size=64x48:rate=25" -frames:v 4 -threads 1 -pix_fmt yuv420p)
gen h264_baseline.mp4 "${V[@]}" -c:v libx264 -profile:v baseline -preset ultrafast
gen h264_main_bframes.mp4 "${V[@]}" -c:v libx264 -profile:v main -bf 2 -preset medium
gen h264_high_bframes.mov "${V[@]}" -c:v libx264 -profile:v high -bf 3 -preset medium
gen h264_rotate90.mp4 "${V[@]}" -c:v libx264 -preset ultrafast -metadata:s:v rotate=90
gen h264_interlaced.mp4 -f lavfi -i "testsrc=size=64x64:rate=25" -frames:v 4 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset ultrafast -flags +ilme+ildct -x264-params interlaced=1:tff=1
gen hevc_main.mp4 "${V[@]}" -c:v libx265 -tag:v hvc1 -x265-params log-level=error:pools=none:frame-threads=1
gen hevc_main10.mp4 "${V[@]}" -c:v libx265 -pix_fmt yuv420p10le -x265-params log-level=error:pools=none:frame-threads=1
gen hevc_hdr10.mp4 "${V[@]}" -c:v libx265 -pix_fmt yuv420p10le -tag:v hvc1 \
    -x265-params "log-level=error:pools=none:frame-threads=1:hdr10=1:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400"
gen av1.mp4 "${V[@]}" -c:v libaom-av1 -cpu-used 8 -b:v 100k
gen vp9.mp4 "${V[@]}" -c:v libvpx-vp9 -deadline realtime -b:v 100k
gen mpeg4_bframes.mp4 "${V[@]}" -c:v mpeg4 -bf 2
gen mpeg2.mp4 "${V[@]}" -c:v mpeg2video -b:v 500k -maxrate 1M -bufsize 1M
gen mjpeg.mov "${V[@]}" -c:v mjpeg
gen prores_hq.mov "${V[@]}" -c:v prores_ks -profile:v 3
printf '1\n00:00:00,000 --> 00:00:00,100\nHello\n' > "$tmp/sub.srt"
gen mov_text.mp4 -f lavfi -i "testsrc=size=64x48:rate=25" -i "$tmp/sub.srt" -map 0:v -map 1:s -frames:v 4 -threads 1 -pix_fmt yuv420p \
    -c:v libx264 -preset ultrafast -c:s mov_text
# An init segment (fragmented, cut after its moov) and a faststart file cut
# after its moov: no picture reaches the H.264 decoder, which then exports
# none of the parameter sets' fields; HEVC's decoder exports them as it opens.
cut_after_moov() { # file: keep the boxes up to and including moov
  python3 - "$1" <<'PY'
import struct, sys
p = sys.argv[1]; d = open(p, 'rb').read(); off = 0
while off + 8 <= len(d):
    size, typ = struct.unpack('>I4s', d[off:off + 8]); off += size
    if typ == b'moov':
        break
open(p, 'wb').write(d[:off])
PY
}
gen mp4_init_h264.mp4 "${V[@]}" -c:v libx264 -preset ultrafast -movflags +frag_keyframe+empty_moov && cut_after_moov mp4_init_h264.mp4
gen mp4_init_hevc.mp4 "${V[@]}" -c:v libx265 -tag:v hvc1 -x265-params log-level=error:pools=none:frame-threads=1 -movflags +frag_keyframe+empty_moov && cut_after_moov mp4_init_hevc.mp4
gen mp4_moov_only_h264.mp4 "${V[@]}" -c:v libx264 -preset ultrafast -movflags +faststart && cut_after_moov mp4_moov_only_h264.mp4
# Raw elementary streams and IVF: the stream's own headers are all there is.
gen raw_h264.h264 "${V[@]}" -c:v libx264 -preset medium -bf 2
gen raw_h264_baseline.264 "${V[@]}" -c:v libx264 -profile:v baseline -preset ultrafast
gen raw_h264_interlaced.h264 -f lavfi -i "testsrc=size=64x64:rate=25" -frames:v 4 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset ultrafast -flags +ilme+ildct -x264-params interlaced=1:tff=1
gen raw_hevc.hevc "${V[@]}" -c:v libx265 -x265-params log-level=error:pools=none:frame-threads=1
gen raw_hevc_main10.h265 "${V[@]}" -c:v libx265 -pix_fmt yuv420p10le -x265-params log-level=error:pools=none:frame-threads=1
gen raw_mpeg4.m4v "${V[@]}" -c:v mpeg4 -f m4v
gen raw_mpeg4_bframes.m4v "${V[@]}" -c:v mpeg4 -bf 2 -f m4v
gen raw_mpeg2.m2v "${V[@]}" -c:v mpeg2video -f mpeg2video
gen raw_mpeg1.mpv "${V[@]}" -c:v mpeg1video -f mpeg1video
gen raw_av1.obu "${V[@]}" -c:v libaom-av1 -cpu-used 8 -b:v 100k -f obu
gen ivf_vp8.ivf "${V[@]}" -c:v libvpx -deadline realtime -b:v 100k
gen ivf_vp9.ivf "${V[@]}" -c:v libvpx-vp9 -deadline realtime -b:v 100k
gen ivf_av1.ivf "${V[@]}" -c:v libaom-av1 -cpu-used 8 -b:v 100k
# A time base FFmpeg finds unreliable (150 ticks a second): find_stream_info
# reads on and averages one-tick packets, so avg_frame_rate is 150/1.
gen ivf_vp8_150fps.ivf -f lavfi -i "testsrc=size=32x32:rate=150" -frames:v 3 -threads 1 -c:v libvpx -b:v 50k
# Matroska / WebM (container/matroska): codecs through CodecPrivate and the
# first blocks, tags per track and file, attachments (a font, a cover),
# dispositions, colour and HDR side data, stereo mode, VfW and ACM tracks.
printf 'not really a font' > "$tmp/font.ttf"
gen mkv_h264_aac_srt_attach.mkv -f lavfi -i "testsrc=size=64x48:rate=25" "${STEREO[@]}" -i "$tmp/sub.srt" -map 0:v -map 1:a -map 2:s \
    -frames:v 4 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset medium -bf 2 -c:a aac -b:a 32k -c:s srt \
    -attach "$tmp/font.ttf" -metadata:s:t mimetype=application/x-truetype-font -attach "$JPG" -metadata:s:t:1 mimetype=image/jpeg \
    -metadata:s:a language=fre -metadata:s:s title="Subs" -disposition:s forced+hearing_impaired -disposition:a default+comment "${TAGS[@]}"
gen webm_vp9_opus_small.webm "${STEREO[@]}" "${V[@]}" -c:v libvpx-vp9 -deadline realtime -b:v 100k -c:a libopus -b:a 24k -shortest
gen webm_vp8_vorbis_small.webm "${MONO[@]}" "${V[@]}" -c:v libvpx -deadline realtime -b:v 100k -c:a libvorbis -shortest
gen mka_flac_tags.mka "${STEREO[@]}" -c:a flac "${TAGS[@]}"
gen mka_pcm_s24le.mka "${MONO[@]}" -c:a pcm_s24le
gen mka_mp3.mka "${MONO[@]}" -c:a libmp3lame -b:a 32k
gen mka_eac3_51.mka "${SURR[@]}" -ar 48000 -c:a eac3 -b:a 192k
gen mka_adpcm_ms.mka "${MONO[@]}" -c:a adpcm_ms
gen mkv_mpeg4_asp.mkv "${V[@]}" -c:v mpeg4 -bf 2
gen mkv_theora.mkv "${V[@]}" -c:v libtheora
gen mka_truehd.mka -f lavfi -i "aevalsrc=0|0:s=48000:d=0.3" -c:a truehd -strict -2
gen mkv_hevc_hdr10.mkv "${V[@]}" -c:v libx265 -pix_fmt yuv420p10le \
    -x265-params "log-level=error:pools=none:frame-threads=1:hdr10=1:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400"
gen mkv_h264_stereo_sar.mkv "${V[@]}" -c:v libx264 -preset ultrafast -metadata:s:v stereo_mode=left_right -aspect 16:9 -color_range pc -color_primaries bt709 -color_trc bt709 -colorspace bt709

# Matroska: the container's FlagInterlaced wins over the parser's field
# order; an H.264 stream without B-frames gets a start time only once 7
# frames are decoded; live files (unknown sizes); PCM big-endian and
# float; Opus 5.1; chapters; a language and a title without default.
gen mkv_h264_tff.mkv "${V[@]}" -c:v libx264 -preset ultrafast -flags +ilme+ildct -x264-params interlaced=1:tff=1
gen mkv_h264_8frames.mkv -f lavfi -i "testsrc=size=64x48:rate=25" -frames:v 8 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset ultrafast
gen webm_live.webm -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$D" "${V[@]}" -c:v libvpx-vp9 -deadline realtime -b:v 100k -c:a libopus -b:a 24k -live 1 -f webm
gen mka_pcm_s16be.mka -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_s16be
gen mka_pcm_f32le.mka -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_f32le
gen mka_opus_51.mka -f lavfi -i "aevalsrc=0|0|0|0|0|0:c=5.1:s=48000:d=$D" -c:a libopus -b:a 64k
printf ';FFMETADATA1\ntitle=Chaptered\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=200\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=200\nEND=400\ntitle=Two\n' > "$tmp/chapters.txt"
gen mka_ac3_chapters.mka "${MONO[@]}" -i "$tmp/chapters.txt" -map 0:a -map_metadata 1 -map_chapters 1 -ar 48000 -c:a ac3 -b:a 64k \
    -metadata:s:a language=ger -metadata:s:a title="Deutsch" -disposition:a 0

# Attachments by MIME type: FFmpeg 5.1 knows no codec for text/plain; a
# PNG is an attached picture.
gen mka_attachments.mka "${MONO[@]}" -c:a flac -attach "$tmp/font.ttf" -metadata:s:t:0 mimetype=text/plain \
    -attach "$tmp/font.ttf" -metadata:s:t:1 mimetype=application/vnd.ms-opentype -attach "$PNG" -metadata:s:t:2 mimetype=image/png

# Matroska files ffmpeg cannot write (TargetType prefixes, tag languages,
# projections, mastering display, dispositions, field orders, VobSub size,
# a resync), built by container/matroska's tests.
ff -f lavfi -i "aevalsrc=0|0:s=48000:d=0.2" -c:a ac3 -b:a 192k "$tmp/crafted.ac3"
ff -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=0.3" -c:a libmp3lame -b:a 64k -write_xing 0 -id3v2_version 0 "$tmp/crafted.mp3"
MKV_CRAFTED_DIR="$PWD" MKV_CRAFTED_AC3="$tmp/crafted.ac3" MKV_CRAFTED_MP3="$tmp/crafted.mp3" \
    go test -count=1 -run TestWriteCrafted ../container/matroska >/dev/null
# ASF: WMA and WMV, the Microsoft MPEG-4 variants and MPEG-4 in ASF. ffmpeg
# writes a cover as an MJPEG video stream, not as WM/Picture.
gen asf_wmav1.wma "${MONO[@]}" -c:a wmav1 -b:a 32k
gen asf_wmav2_tags.wma "${STEREO[@]}" -c:a wmav2 -b:a 48k "${TAGS[@]}"
gen asf_wmav2_cover.wma "${STEREO[@]}" -i "$JPG" -map 0:a -map 1:v -c:a wmav2 -b:a 32k -c:v copy -disposition:v attached_pic "${TAGS[@]}"
gen asf_wmav2_wmv1.wmv "${MONO[@]}" "${V[@]}" -c:v wmv1 -b:v 100k -c:a wmav2 -b:a 32k
gen asf_wmv2.wmv "${V[@]}" -c:v wmv2 -b:v 100k
gen asf_msmpeg4.asf "${V[@]}" -c:v msmpeg4 -b:v 100k
gen asf_msmpeg4v2.asf "${V[@]}" -c:v msmpeg4v2 -b:v 100k
gen asf_mpeg4.asf "${V[@]}" -c:v mpeg4 -b:v 100k
gen asf_wmav1_mpeg4.asf "${STEREO[@]}" "${V[@]}" -c:v mpeg4 -b:v 100k -c:a wmav1 -b:a 32k
gen asf_h264.asf "${V[@]}" -c:v libx264 -preset ultrafast
gen asf_mp3_ac3.asf "${MONO[@]}" "${STEREO[@]}" -map 0:a -map 1:a -c:a:0 libmp3lame -b:a:0 32k -c:a:1 ac3 -b:a:1 96k
# B-frames: the packets' times are decoding times, so no start time.
gen asf_mpeg4_bframes.asf "${V[@]}" -c:v mpeg4 -bf 2 -b:v 100k
# ffmpeg has no WMV3 encoder: asf_wmv2.wmv relabelled WMV3, with a Main
# profile sequence header (STRUCT_C) allowing B-frames as its extradata.
python3 - asf_wmv2.wmv asf_wmv3_bframes.wmv <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
i = b.find(b"WMV2")
b[i:i + 4] = b"WMV3"
e = i - 16 + 40  # the extradata after the 40-byte BITMAPINFOHEADER
b[e:e + 4] = bytes.fromhex("4ef11a11")
open(sys.argv[2], "wb").write(b)
PY
# A PNG back cover in the metadata library object (no description), and a
# container aspect ratio (AspectRatioX/Y) for a video stream.
python3 - "$PNG" <<'PY'
import struct, sys
def u16s(s): return s.encode("utf-16-le") + b"\0\0"
def obj(g, body): return g + struct.pack("<Q", 24 + len(body)) + body
def desc(name, typ, val):
    n = u16s(name); return struct.pack("<H", len(n)) + n + struct.pack("<HH", typ, len(val)) + val
def mentry(sn, name, typ, val):
    n = u16s(name); return struct.pack("<HHHHI", 0, sn, len(n), typ, len(val)) + n + val
def insert(src, dst, new):
    b = open(src, "rb").read()
    d = b.find(bytes.fromhex("3626b2758e66cf11a6d900aa0062ce6c"), 30)  # the data object
    hsize, count = struct.unpack_from("<QI", b, 16)
    out = bytearray(b[:d] + new + b[d:])
    struct.pack_into("<QI", out, 16, hsize + len(new), count + 1)
    fp = out.find(bytes.fromhex("a1dcab8c47a9cf118ee400c00c205365"))  # file properties
    struct.pack_into("<Q", out, fp + 40, len(out))
    open(dst, "wb").write(out)
png = open(sys.argv[1], "rb").read()
pic = bytes([4]) + struct.pack("<I", len(png)) + u16s("image/png") + u16s("") + png
lib = bytes.fromhex("941c23449894d149a1411d134e457054")
insert("asf_wmav2_tags.wma", "asf_metadata_library_png.wma",
       obj(lib, struct.pack("<H", 2) + mentry(0, "WM/Picture", 1, pic) + mentry(1, "WM/Lyrics", 0, u16s("la la"))))
ext = bytes.fromhex("40a4d0d207e3d21197f000a0c95ea850")
insert("asf_wmv2.wmv", "asf_wmv2_aspect.wmv", obj(ext, struct.pack("<H", 2) +
       desc("AspectRatioX", 3, struct.pack("<I", 4)) + desc("AspectRatioY", 3, struct.pack("<I", 3))))
PY
# What ffmpeg does not write, added by hand to asf_wmav2_tags.wma: a WM/Picture
# cover, typed values (a DWORD past 2^31 and a QWORD, printed as FFmpeg's int
# widened with its sign; WORD, BOOL, GUID, an empty string), a metadata
# object and a language list with its extended stream properties.
python3 - asf_wmav2_tags.wma asf_wmpicture.wma "$JPG" <<'PY'
import struct, sys
src, dst, jpg = sys.argv[1], sys.argv[2], sys.argv[3]
b = open(src, "rb").read()
def u16s(s): return s.encode("utf-16-le") + b"\0\0"
def obj(g, body): return g + struct.pack("<Q", 24 + len(body)) + body
EXT = bytes.fromhex("40a4d0d207e3d21197f000a0c95ea850")
META = bytes.fromhex("eacbf8c5af5b77488467aa8c44fa4cca")
LANG = bytes.fromhex("a946437ce0effc4bb229393ede415c85")
EXTSTREAM = bytes.fromhex("cba5e61472c632438399a96952065b5a")
def desc(name, typ, val):
    n = u16s(name)
    return struct.pack("<H", len(n)) + n + struct.pack("<HH", typ, len(val)) + val
img = open(jpg, "rb").read()
pic = bytes([3]) + struct.pack("<I", len(img)) + u16s("image/jpeg") + u16s("Front") + img
ds = [desc("WM/Year", 0, u16s("2019")), desc("WM/BigDword", 3, struct.pack("<I", 0x80000001)),
      desc("WM/EncodingTime", 4, struct.pack("<Q", 0x1D2C3B4A5968778)), desc("WM/Word", 5, struct.pack("<H", 65535)),
      desc("IsVBR", 2, struct.pack("<I", 1)), desc("WM/MediaClassPrimaryID", 6, bytes(16)),
      desc("WM/Picture", 1, pic), desc("WM/Publisher", 0, u16s("Pub")), desc("Empty", 0, u16s(""))]
ext = obj(EXT, struct.pack("<H", len(ds)) + b"".join(ds))
m = [(0, 1, "WM/SharedUserRating", 3, struct.pack("<I", 50)), (0, 0, "Flag", 2, struct.pack("<H", 1))]
mb = struct.pack("<H", len(m))
for li, sn, name, typ, val in m:
    n = u16s(name)
    mb += struct.pack("<HHHHI", li, sn, len(n), typ, len(val)) + n + val
meta = obj(META, mb)
lang = obj(LANG, struct.pack("<H", 1) + bytes([len(u16s("de-DE"))]) + u16s("de-DE"))
es = obj(EXTSTREAM, bytes(16) + struct.pack("<I", 0) + bytes(24) + struct.pack("<IHHQHH", 0, 1, 0, 0, 0, 0))
new = ext + meta + lang + es
d = b.find(bytes.fromhex("3626b2758e66cf11a6d900aa0062ce6c"), 30)
hsize, count = struct.unpack_from("<QI", b, 16)
out = bytearray(b[:d] + new + b[d:])
struct.pack_into("<QI", out, 16, hsize + len(new), count + 4)
# the file properties' file size
fp = out.find(bytes.fromhex("a1dcab8c47a9cf118ee400c00c205365"))
struct.pack_into("<Q", out, fp + 24 + 16, len(out))
open(dst, "wb").write(out)
PY
# Ogg Theora: the decoder's picture size and colour space; a video-only file
# (no average frame rate) and one interleaved with Vorbis (an average rate).
gen ogg_theora_470bg.ogv -f lavfi -i "testsrc=size=66x50:rate=10" -frames:v 4 -threads 1 -pix_fmt yuv422p -c:v libtheora -color_primaries bt470bg
gen ogg_theora_vorbis.ogv -f lavfi -i "testsrc=size=64x48:rate=25:duration=$D" -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=$D" -threads 1 -c:v libtheora -c:a libvorbis -q:a 0
# Still images: a JPEG whose end is within the 2 KiB probe (jpeg_pipe), one
# longer (image2, by its extension), PNG and BMP (their pipes).
ff -f lavfi -i "testsrc=size=16x16:rate=1" -frames:v 1 -q:v 20 image_small.jpg
ff -f lavfi -i "testsrc=size=96x64:rate=1" -frames:v 1 image_large.jpg
ff -f lavfi -i "testsrc=size=24x16:rate=1" -frames:v 1 -pix_fmt rgba image_rgba.png
ff -f lavfi -i "testsrc=size=8x8:rate=1" -frames:v 1 -pix_fmt bgr24 image_bgr24.bmp
# mpegts: MPEG-TS/M2TS pairs the corpus lacks (a few frames each).
# begin mpegts
TSV=(-f lavfi -i "testsrc=size=64x48:rate=25:duration=0.16")
TSA=(-f lavfi -i "sine=frequency=440:sample_rate=48000:duration=0.2")
TSO=(-threads 1 -pix_fmt yuv420p)
gen ts_mpeg4_mp3_lang.ts "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -c:v mpeg4 -c:a libmp3lame -b:a 64k -metadata:s:a language=fra \
    -metadata service_name=Chan -metadata service_provider=Prov
gen ts_h264_eac3.ts "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -c:v libx264 -preset ultrafast -c:a eac3 -b:a 96k
gen ts_opus.ts "${TSA[@]}" -c:a libopus -b:a 32k
gen ts_two_programs.ts "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -map 0:v -map 1:a -c:v mpeg2video -c:a mp2 -b:a 64k \
    -program title=One:st=0 -program title=Two:st=1
gen ts_dts.ts "${TSA[@]}" -c:a dca -strict -2 -b:a 384k
gen ts_aac_latm.ts "${TSA[@]}" -c:a aac -b:a 64k -mpegts_flags +latm
gen m2ts_mpeg2_mp2.m2ts "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -c:v mpeg2video -c:a mp2 -b:a 64k
# end mpegts
# mpeg: MPEG-PS/VOB pairs the corpus lacks.
# begin mpegps
gen ps_mpeg2_lpcm.vob "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -c:v mpeg2video -c:a pcm_dvd -f vob
gen ps_mpeg2_dts.vob "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -c:v mpeg2video -c:a dca -strict -2 -b:a 384k -f vob
gen ps_h264_mp3.mpg "${TSV[@]}" "${TSA[@]}" "${TSO[@]}" -c:v libx264 -preset ultrafast -c:a libmp3lame -b:a 64k -f mpeg
# end mpegps
# AVI: the codec pairs the shared corpus lacks. The video input comes first
# and the output options after all inputs, so that they apply to the output.
AV=(-f lavfi -i "testsrc=size=64x48:rate=25")
AVO=(-frames:v 4 -threads 1 -pix_fmt yuv420p)
gen avi_h264_pcm.avi "${AV[@]}" "${MONO[@]}" "${AVO[@]}" -c:v libx264 -preset ultrafast -c:a pcm_s16le
gen avi_mpeg2_mp2.avi "${AV[@]}" "${STEREO[@]}" "${AVO[@]}" -c:v mpeg2video -c:a mp2 -b:a 64k
gen avi_mpeg4_aac.avi "${AV[@]}" "${STEREO[@]}" "${AVO[@]}" -c:v mpeg4 -bf 2 -c:a aac -b:a 32k
gen avi_mpeg1_adpcm_ms.avi "${AV[@]}" "${MONO[@]}" "${AVO[@]}" -c:v mpeg1video -c:a adpcm_ms
gen avi_msmpeg4v3_strn.avi "${AV[@]}" "${AVO[@]}" -c:v msmpeg4 -metadata:s:v title="Video name" "${TAGS[@]}"
gen avi_h263.avi -f lavfi -i "testsrc=size=128x96:rate=25" "${AVO[@]}" -c:v h263
gen avi_cinepak.avi "${AV[@]}" "${AVO[@]}" -c:v cinepak
gen avi_vp8.avi "${AV[@]}" "${AVO[@]}" -c:v libvpx -deadline realtime -b:v 100k
gen avi_rawvideo_bgr24.avi "${AV[@]}" -frames:v 2 -threads 1 -c:v rawvideo -pix_fmt bgr24
gen avi_pcm_u8_audio_only.avi -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=$D" -c:a pcm_u8
# FLV: the codecs ffmpeg 5.1 muxes into FLV without -strict (no HEVC, no
# VP6 encoder), a few frames each.
FV=(-f lavfi -i "testsrc=size=64x48:rate=25")
FA=(-f lavfi -i "sine=frequency=440:sample_rate=22050:duration=0.2")
FO=(-frames:v 4 -threads 1 -pix_fmt yuv420p)
gen flv_flv1_mp3.flv "${FV[@]}" "${FA[@]}" "${FO[@]}" -c:v flv1 -c:a libmp3lame -b:a 32k
gen flv_h264_aac.flv "${FV[@]}" "${FA[@]}" "${FO[@]}" -c:v libx264 -preset medium -bf 2 -c:a aac -b:a 32k -metadata title="Test title"
# 30000/1001 fps: the metadata's 29.97 becomes avg_frame_rate 989/33 (av_d2q
# to 1000), the timestamps r_frame_rate 30000/1001.
gen flv_flv1_ntsc.flv -f lavfi -i "testsrc=size=32x32:rate=30000/1001" -frames:v 30 -threads 1 -c:v flv1
gen flv_flashsv.flv "${FV[@]}" "${FO[@]}" -c:v flashsv
gen flv_flashsv2.flv "${FV[@]}" "${FO[@]}" -c:v flashsv2
gen flv_speex.flv "${FA[@]}" -ar 16000 -c:a libspeex
gen flv_pcm_s16le.flv "${FA[@]}" -c:a pcm_s16le
gen flv_pcm_u8.flv "${FA[@]}" -c:a pcm_u8
gen flv_nellymoser.flv "${FA[@]}" -c:a nellymoser
gen flv_adpcm_swf.flv "${FA[@]}" -c:a adpcm_swf
gen flv_alaw.flv "${FA[@]}" -ar 8000 -c:a pcm_alaw
# No duration in the metadata: ffprobe takes the last tag's timestamp,
# found through the PreviousTagSize at the end. The onMetaData of an FLV
# made here is replaced by one with strings, a boolean, a date, a nested
# object and a strict array (each a format tag or skipped as flvdec.c does).
gen "$tmp/meta.flv" "${FV[@]}" "${FA[@]}" "${FO[@]}" -c:v flv1 -c:a libmp3lame -b:a 32k
python3 - "$tmp/meta.flv" flv_no_duration.flv <<'PY'
import struct, sys
src = open(sys.argv[1], "rb").read()
def s(k):
    k = k.encode()
    return struct.pack(">H", len(k)) + k
body = b"\x02" + s("onMetaData") + b"\x08" + struct.pack(">I", 6)
body += s("encoder") + b"\x02" + s("mediaprobe")
body += s("hasVideo") + b"\x01\x01"
body += s("lasttimestamp") + b"\x00" + struct.pack(">d", 2.5)
body += s("creationdate") + b"\x0b" + struct.pack(">dh", 0.0, 0)
body += s("nested") + b"\x03" + s("inner") + b"\x00" + struct.pack(">d", 7.0) + b"\x00\x00\x09"
body += s("list") + b"\x0a" + struct.pack(">I", 2) + b"\x00" + struct.pack(">d", 1.0) + b"\x05"
body += b"\x00\x00\x09"
p = struct.unpack(">I", src[5:9])[0] + 4
size = int.from_bytes(src[p + 1:p + 4], "big")
tag = bytes([18]) + len(body).to_bytes(3, "big") + b"\0" * 7 + body + struct.pack(">I", len(body) + 11)
open(sys.argv[2], "wb").write(src[:p] + tag + src[p + 11 + size + 4:])
PY
# An onCaption tag after the codec configurations: a text subtitle stream
# (flv_data_packet), from the first string of its strict array.
python3 - flv_h264_aac.flv flv_caption.flv <<'PY'
import struct, sys
src = open(sys.argv[1], "rb").read()
def s(k):
    k = k.encode()
    return struct.pack(">H", len(k)) + k
body = b"\x02" + s("onCaption") + b"\x0a" + struct.pack(">I", 2) + b"\x00" + struct.pack(">d", 1) + b"\x02" + s("hello")
p = struct.unpack(">I", src[5:9])[0] + 4
p += 11 + int.from_bytes(src[p + 1:p + 4], "big") + 4  # after onMetaData
tag = bytes([18]) + len(body).to_bytes(3, "big") + (20).to_bytes(3, "big") + b"\0" * 4 + body + struct.pack(">I", len(body) + 11)
open(sys.argv[2], "wb").write(src[:p] + tag + src[p:])
PY
# VP6 (no encoder in ffmpeg): ten frames of a key-frame header (sub-version
# 6, 15x20 macroblocks) and filler, with the FLV adjustment byte 0x21; for
# vp6a the alpha plane's offset, the frame, and the same frame as the alpha
# plane. The decoder's size is 318x239.
python3 - <<'PY'
import struct
def tag(t, ts, body):
    return bytes([t]) + len(body).to_bytes(3, "big") + ts.to_bytes(3, "big") + b"\0" * 4 + body + struct.pack(">I", len(body) + 11)
for name, cid in (("vp6f", 4), ("vp6a", 5)):
    b = b"FLV\x01\x01\0\0\0\x09\0\0\0\0"
    for i in range(10):
        frame = bytes([0x00 if i == 0 else 0x80, 6 << 3 | 0x06, 15, 20, 15, 20]) + bytes((j * 7 + i) & 255 for j in range(300))
        if cid == 5:
            frame = len(frame).to_bytes(3, "big") + frame + frame
        b += tag(9, 40 * i, bytes([(0x10 if i == 0 else 0x20) | cid, 0x21]) + frame)
    open("flv_%s.flv" % name, "wb").write(b)
PY
# An ID3v2 tag in front: FFmpeg passes over it, then takes the header size
# as an absolute offset, finds no tag there and resynchronises on the FLV
# that follows ("Concatenated FLV": its timestamps start at 1).
python3 - mp3_id3v23_id3v1.mp3 flv_flv1_mp3.flv flv_id3.flv <<'PY'
import sys
m = open(sys.argv[1], "rb").read()
n = 10 + (m[6] << 21 | m[7] << 14 | m[8] << 7 | m[9])
open(sys.argv[3], "wb").write(m[:n] + open(sys.argv[2], "rb").read())
PY
# Cut inside the first video frame: the h264 decoder opens with the avcC
# but decodes no picture, so ffprobe prints no size; the AAC stream has only
# its configuration, and keeps the tag flags' rate and channels.
head -c 1500 flv_h264_aac.flv > flv_truncated.flv
# "NGINX RTMP" 40 bytes past the header makes it live_flv (it also breaks
# the metadata, whose duration is then the last tag's timestamp).
python3 - flv_h264_aac.flv flv_live.flv <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[9 + 40:9 + 50] = b"NGINX RTMP"
open(sys.argv[2], "wb").write(b)
PY

# wavpack/ape
# WavPack from ffmpeg's encoder (mono s16, stereo 24-bit in s32p, 5.1 float
# with APEv2 tags) and from the wavpack CLI (hybrid lossy with -b, and an
# ID3v1 tag appended). Debian has no Monkey's Audio encoder: container/ape is
# tested on hand-built headers and the shared corpus.
gen wv_mono_s16.wv "${MONO[@]}" -c:a wavpack
gen wv_stereo_s24.wv "${STEREO[@]}" -t 0.1 -c:a wavpack -sample_fmt s32p -bits_per_raw_sample 24 "${TAGS[@]}"
gen wv_51_flt.wv "${SURR[@]}" -t 0.1 -c:a wavpack -sample_fmt fltp
# The same in Matroska (A_WAVPACK4): the blocks lose their "wvpk" headers.
gen wv_51_flt.mka -i wv_51_flt.wv -c copy
if command -v wavpack >/dev/null; then
  ff "${STEREO[@]}" -c:a pcm_s16le "$tmp/w.wav"
  wavpack -q -y -b128 "$tmp/w.wav" -o wv_hybrid.wv
  python3 - wv_hybrid.wv <<'PY'
import sys
f = sys.argv[1]
tag = b"TAG" + b"ID3v1 title".ljust(30, b"\0") + b"ID3v1 artist".ljust(30, b"\0") + b"\0" * 30 + b"2001" + b"\0" * 30 + bytes([17])
open(f, "ab").write(tag)
PY
  # An APEv2 cover (a binary item named *.jpg): an attached picture.
  ff -f lavfi -i "testsrc=size=16x16:rate=1:duration=1" -frames:v 1 "$tmp/c.jpg"
  ff "${MONO[@]}" -t 0.1 -c:a pcm_s16le "$tmp/m.wav"
  wavpack -q -y -w "Title=Cover test" --write-binary-tag "Cover Art (Front)=@$tmp/c.jpg" "$tmp/m.wav" -o wv_cover.wv
fi

# rawaudio/amr: raw AC-3, E-AC-3 and DTS streams (container/rawaudio), and
# AMR (container/amr). A karaoke AC-3 (bsmod 7, two channels) and a
# visually impaired one give the stream a disposition. Debian's ffmpeg has
# no AMR encoder, so the AMR files are built frame by frame (a header byte
# with the frame type and the quality bit, then random speech bits): the
# storage format for both codecs with mixed frame types, headerless
# streams long enough for amrnb_probe/amrwb_probe (more than 100 frames),
# and a storage file holding one byte after its magic.
A=(-f lavfi -i "sine=frequency=440:sample_rate=48000:duration=0.25")
gen raw_ac3_karaoke.ac3 "${A[@]}" -ac 2 -c:a ac3 -b:a 96k -audio_service_type ka
gen raw_ac3_vi_mono.ac3 "${A[@]}" -ac 1 -c:a ac3 -b:a 64k -audio_service_type vi
gen raw_eac3.eac3 "${A[@]}" -ac 2 -c:a eac3 -b:a 96k
gen raw_dts.dts "${A[@]}" -ac 2 -c:a dca -strict -2 -b:a 320k
python3 - <<'PY'
import random
nb = [13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1]
wb = [18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 1, 1, 1, 1, 1, 1]
r = random.Random(8)
def frames(sizes, types):
    out = bytearray()
    for t in types:
        out.append(t << 3 | 4)
        out += bytes(r.randrange(256) for _ in range(sizes[t] - 1))
    return bytes(out)
open("amr_nb.amr", "wb").write(b"#!AMR\n" + frames(nb, [7] * 20 + [0, 15, 8] * 10 + [5] * 40))
open("amr_wb.amr", "wb").write(b"#!AMR-WB\n" + frames(wb, [2] * 30 + [8, 9, 15] * 5 + [0] * 30))
open("raw_amrnb.amrnb", "wb").write(frames(nb, [0] * 110 + [4] * 10))
open("raw_amrwb.amrwb", "wb").write(frames(wb, [0] * 105))
open("amr_one_byte.amr", "wb").write(b"#!AMR\n\x3c")
PY


# tta/mpc: TTA (ffmpeg's tta muxer writes an APEv2 tag), TTA behind the
# ID3v2 tag (with its cover) of an mp3 made here, 24-bit 5.1 TTA, and
# Musepack SV8 from mpcenc (musepack-tools), with APEv2 tags and in mono.
# mpcenc takes 32 to 48 kHz only. SV7, TAK and Shorten have no encoder
# here: their unit tests build headers by hand.
gen tta_s16_tags.tta "${STEREO[@]}" -t 0.1 -f tta "${TAGS[@]}"
gen tta_s24_51.tta "${SURR[@]}" -t 0.1 -sample_fmt s32 -f tta
gen "$tmp/plain.tta" "${MONO[@]}" -t 0.1 -f tta
python3 - "$tmp/plain.tta" mp3_cbr_id3v24_cover.mp3 tta_id3_cover.tta <<'PY'
import sys
tta, mp3, out = sys.argv[1:]
m = open(mp3, "rb").read()
n = 10 + (m[6] << 21 | m[7] << 14 | m[8] << 7 | m[9])
open(out, "wb").write(m[:n] + open(tta, "rb").read())
PY
if command -v mpcenc >/dev/null; then
  ff -f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(660*2*PI*t):s=44100:d=0.3:c=stereo" -c:a pcm_s16le "$tmp/st.wav"
  ff -f lavfi -i "sine=frequency=440:sample_rate=32000:duration=0.3" -c:a pcm_s16le "$tmp/mono.wav"
  mpcenc --silent --overwrite --quality 2 --artist "Test artist" --title "Test title" --album "Test album" --tag "Year=2020" "$tmp/st.wav" mpc8_tags.mpc
  mpcenc --silent --overwrite --quality 2 "$tmp/mono.wav" mpc8_mono.mpc
fi

# dsd/voc/gsm: Creative Voice and raw GSM from ffmpeg; DSF, DSDIFF and the
# Amiga IFF sound forms by hand (nothing here writes them), with the same
# cover as an ID3v2 picture.
VOC8K=(-f lavfi -i "sine=frequency=300:sample_rate=8000:duration=0.2")
gen voc_u8.voc "${VOC8K[@]}" -c:a pcm_u8
gen voc_alaw.voc "${VOC8K[@]}" -c:a pcm_alaw
gen voc_s16_stereo.voc -f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(660*2*PI*t):s=8000:d=0.1:c=stereo" -c:a pcm_s16le
# Stereo 8-bit: an extended block (8) before the sound block; 11024 Hz.
gen voc_u8_stereo.voc -f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(660*2*PI*t):s=11025:d=0.1:c=stereo" -c:a pcm_u8
# 20 frames are too few for gsm_probe: ffprobe takes them by the extension
# (score 1); 60 frames score 51.
gen gsm_libgsm.gsm "${MONO[@]}" -ar 8000 -c:a libgsm
gen gsm_long.gsm -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=1.2" -c:a libgsm
python3 - "$JPG" <<'PY'
import struct, sys
cover = open(sys.argv[1], "rb").read()
be64 = lambda v: struct.pack(">Q", v); be32 = lambda v: struct.pack(">I", v); be16 = lambda v: struct.pack(">H", v)
def pattern(n, seed=0x69): return bytes((seed + i * 37) & 255 for i in range(n))
def ck8(cid, body):  # DSDIFF chunk: 64-bit size, padded
    return cid + be64(len(body)) + body + (b"\0" if len(body) & 1 else b"")
def ck(cid, body):   # IFF chunk: 32-bit size, padded
    return cid + be32(len(body)) + body + (b"\0" if len(body) & 1 else b"")
def id3(frames):     # ID3v2.3, frames of (id, body)
    body = b"".join(fid + be32(len(d)) + b"\0\0" + d for fid, d in frames)
    n = len(body)
    return b"ID3\x03\x00\x00" + bytes([(n >> 21) & 127, (n >> 14) & 127, (n >> 7) & 127, n & 127]) + body
def text(s): return b"\x00" + s.encode()
apic = (b"APIC", b"\x00image/jpeg\x00\x03Front\x00" + cover)

# DSDIFF: FVER, PROP/SND (FS, CHNL, CMPR, extras), then DSD or DST data.
def dff(name, ids, comp=b"DSD ", rate=2822400, nbytes=1400, prop_extra=b"", extra=b"", dst_frames=None):
    prop = b"SND " + ck8(b"FS  ", be32(rate)) + ck8(b"CHNL", be16(len(ids)) + b"".join(ids))
    prop += ck8(b"CMPR", comp + b"\x0enot compressed\x00") + prop_extra
    body = b"DSD " + ck8(b"FVER", be32(0x01050000)) + ck8(b"PROP", prop)
    if dst_frames is None:
        body += ck8(b"DSD ", pattern(nbytes))
    else:
        dst = ck8(b"FRTE", be32(dst_frames) + be16(75))
        for i in range(dst_frames):
            dst += ck8(b"DSTF", pattern(100 + i))
        body += ck8(b"DST ", dst)
    open(name, "wb").write(b"FRM8" + be64(len(body) + len(extra)) + body + extra)
ST = [b"SLFT", b"SRGT"]
dff("dff_dsd_abss.dff", ST, prop_extra=ck8(b"ABSS", be16(1) + bytes([2, 3]) + be32(44100)))
dff("dff_dsd_51.dff", [b"MLFT", b"MRGT", b"C   ", b"LFE ", b"LS  ", b"RS  "], rate=5644800, nbytes=6 * 200)
# LSCO 4 (5.1) overrides a five-channel CHNL.
dff("dff_dsd_lsco.dff", [b"MLFT", b"MRGT", b"C   ", b"LS  ", b"RS  "], nbytes=5 * 200, prop_extra=ck8(b"LSCO", be16(4)))
dff("dff_dsd_4ch.dff", [b"MLFT", b"MRGT", b"LS  ", b"RS  "], nbytes=4 * 200)
dff("dff_dst.dff", ST, comp=b"DST ", dst_frames=3)
diin = ck8(b"DIIN", ck8(b"DIAR", be32(9) + b"A. Artist") + ck8(b"DITI", be32(7) + b"A title"))
comt = ck8(b"COMT", be16(2) + be16(2020) + bytes([5, 6, 7, 8]) + be16(0) + be16(0) + be32(5) + b"hello\0"
                    + be16(2021) + bytes([1, 2, 3, 4]) + be16(3) + be16(2) + be32(4) + b"mach")
dff("dff_dsd_tags.dff", ST, prop_extra=ck8(b"ID3 ", id3([(b"TIT2", text("ID3 title")), (b"TPE1", text("ID3 artist")), apic])),
    extra=diin + comt)

# DSF: DSD, fmt and data chunks (blocks of each channel in turn), an
# ID3v2 tag at the end.
def dsf(name, chtype, chans, bitorder=1, samples=8 * 600, block=256, tag=b""):
    nblocks = -(-samples // 8 // block)
    data = pattern(nblocks * block * chans, 0x96)
    total = 28 + 52 + 12 + len(data)
    out = b"DSD " + struct.pack("<QQQ", 28, total + len(tag), total if tag else 0)
    out += b"fmt " + struct.pack("<QIIIIIIQII", 52, 1, 0, chtype, chans, 2822400, bitorder, samples, block, 0)
    out += b"data" + struct.pack("<Q", 12 + len(data)) + data + tag
    open(name, "wb").write(out)
dsf("dsf_mono_msbf.dsf", 1, 1, bitorder=8, samples=8 * 512)
dsf("dsf_51.dsf", 7, 6, samples=8 * 300)
dsf("dsf_id3_cover.dsf", 2, 2, tag=id3([(b"TIT2", text("DSF title")), (b"TALB", text("DSF album")), apic]))

# Amiga sound forms: 8SVX (plain with text chunks, Fibonacci-delta stereo),
# 16SV, MAUD.
def vhdr(rate, comp): return ck(b"VHDR", be32(400) + be32(0) + be32(0) + be16(rate) + bytes([1, comp]) + be32(0x10000))
open("iff_8svx.8svx", "wb").write(ck(b"FORM", b"8SVX" + vhdr(8000, 0) + ck(b"NAME", b"Beep\0") + ck(b"AUTH", b"Someone")
                                     + ck(b"ANNO", b"a note") + ck(b"BODY", pattern(400))))
open("iff_8svx_fib.8svx", "wb").write(ck(b"FORM", b"8SVX" + vhdr(11025, 1) + ck(b"CHAN", be32(6)) + ck(b"BODY", pattern(600))))
open("iff_16sv.iff", "wb").write(ck(b"FORM", b"16SV" + vhdr(16000, 0) + ck(b"BODY", pattern(1200))))
mhdr = ck(b"MHDR", be32(300) + be16(16) + be16(16) + be32(22050) + be16(1) + be16(0) + be16(2) + be16(0) + be32(0) * 3)
open("iff_maud.iff", "wb").write(ck(b"FORM", b"MAUD" + mhdr + ck(b"MDAT", pattern(1200))))

# Creative Voice blocks ffmpeg does not write.
def vhdr26(version=0x0114, check=None):
    if check is None:
        check = (~version + 0x1234) & 0xffff
    return b"Creative Voice File\x1a" + struct.pack("<HHH", 26, version, check)
def blk(t, body): return bytes([t]) + len(body).to_bytes(3, "little") + body
# Sound Blaster 4-bit ADPCM in a block 1, after a text block (5).
open("voc_sbpro4.voc", "wb").write(vhdr26() + blk(5, b"made by hand\0") + blk(1, bytes([256 - 125, 1]) + pattern(800)) + b"\0")
# New sound data (block 9): Creative ADPCM, 4 bits, mono, 11025 Hz.
open("voc_adpcm_ct.voc", "wb").write(vhdr26(0x0120) + blk(9, struct.pack("<IBBHI", 11025, 4, 1, 0x200, 0) + pattern(1000)) + b"\0")
# A sound block of size 0 (to the end of the file) and a bad check word.
open("voc_tail.voc", "wb").write(vhdr26(check=0) + bytes([1, 0, 0, 0, 256 - 100, 0]) + pattern(500))
# Block 8 (stereo, 22050 Hz), block 1 of pcm_s16le, block 2.
rate = 65536 - 256000000 // (2 * 22050)
open("voc_ext_s16.voc", "wb").write(vhdr26() + blk(8, struct.pack("<HBB", rate, 0, 1)) + blk(1, bytes([0x80, 4]) + pattern(400))
                                    + blk(2, pattern(400)) + b"\0")
# An unknown codec (5): no packet, and ffprobe's default bit rate.
open("voc_badcodec.voc", "wb").write(vhdr26() + blk(1, bytes([131, 5]) + pattern(400)) + b"\0")
PY

# mp4 first audio packet: TrueHD in MP4, whose decoder takes its sample
# format and width from the first access unit's major sync (dmlp has
# neither).
gen mp4_truehd.mp4 -f lavfi -i "aevalsrc=sin(440*2*PI*t)|sin(660*2*PI*t):s=48000:d=0.05:c=stereo" -c:a truehd -strict -2

# mka: decoder facts of VfW-era, QuickTime and lossless codecs in Matroska,
# AVI and ASF (one tiny frame each).
V1=(-f lavfi -i "testsrc2=size=32x24:rate=5:duration=0.2" -threads 1)
A1=(-f lavfi -i "sine=frequency=440:sample_rate=8000:duration=0.1" -threads 1)
gen mkv_ffvhuff_yuva420p.mkv "${V1[@]}" -frames:v 1 -c:v ffvhuff -pix_fmt yuva420p
gen avi_huffyuv_rgb24.avi "${V1[@]}" -frames:v 1 -c:v huffyuv -pix_fmt rgb24
gen avi_utvideo_ulh0.avi "${V1[@]}" -frames:v 1 -c:v utvideo -pix_fmt yuv420p -colorspace bt709
gen mkv_wmv2_vfw.mkv "${V1[@]}" -frames:v 1 -c:v wmv2
gen mkv_raw_i420.mkv -f lavfi -i "testsrc2=size=16x8:rate=5:duration=0.2" -frames:v 1 -c:v rawvideo -pix_fmt yuv420p
gen mkv_prores_4444.mkv "${V1[@]}" -frames:v 1 -c:v prores_ks -profile:v 4 -pix_fmt yuva444p10le
gen mkv_svq1_qt.mkv "${V1[@]}" -frames:v 1 -c:v svq1
gen mkv_png.mkv "${V1[@]}" -frames:v 1 -c:v png
gen avi_png.avi "${V1[@]}" -frames:v 1 -c:v png
gen asf_png.asf "${V1[@]}" -frames:v 1 -c:v png
gen mka_tta.mka "${A1[@]}" -c:a tta
gen mka_flac_51_mask.mka -f lavfi -i "aevalsrc=0|0|0|0|0|0:c=5.1:s=8000:d=0.1" -c:a flac
gen avi_flac.avi "${A1[@]}" -c:a flac
gen asf_aac.asf "${A1[@]}" -c:a aac -b:a 16k
# FFV1: version 0 (the frame header), 1 (with a depth), 3 (the configuration record).
gen avi_ffv1_v0_bgr0.avi "${V1[@]}" -frames:v 1 -c:v ffv1 -level 0 -pix_fmt bgr0
gen mkv_ffv1_v1_yuva420p.mkv "${V1[@]}" -frames:v 1 -c:v ffv1 -level 1 -pix_fmt yuva420p
gen mkv_ffv1_v3_yuv422p10.mkv "${V1[@]}" -frames:v 1 -c:v ffv1 -level 3 -pix_fmt yuv422p10le
# FFV1 in MOV: the configuration record is the glbl box.
gen mov_ffv1_rgb.mov -f lavfi -i "testsrc=size=32x32:rate=25" -frames:v 2 -threads 1 -pix_fmt bgr0 -c:v ffv1 -level 3
# ASF frame rates guessed from millisecond timestamps (23.976 fps: 41/42 ms
# apart), and an MPEG-4 VOL rate that gives packets durations (120 fps).
gen asf_wmv2_23976.wmv -f lavfi -i "testsrc2=size=16x16:rate=24000/1001:duration=1.8" -threads 1 -c:v wmv2 -g 250 -b:v 20k
gen asf_mpeg4_120fps.asf -f lavfi -i "testsrc2=size=16x16:rate=120:duration=0.4" -threads 1 -c:v mpeg4 -g 250 -b:v 20k
gen mka_tta_51.mka -f lavfi -i "aevalsrc=0|0|0|0|0|0:c=5.1:s=8000:d=0.1" -c:a tta
# Frame and decoder facts in AVI and ASF: VP9 and DTS in AVI, VP8 and FLAC
# in ASF, Microsoft Video 1 (RGB555) and a Matroska NV12 raw track.
gen avi_vp9.avi "${V1[@]}" -frames:v 1 -c:v libvpx-vp9 -deadline realtime
gen avi_dts.avi "${V1[@]}" -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=0.05" -c:v mpeg4 -c:a dca -strict -2 -b:a 256k
gen asf_vp8.asf "${V1[@]}" -frames:v 1 -c:v libvpx
gen asf_flac.asf "${A1[@]}" -c:a flac
gen avi_msvideo1.avi "${V1[@]}" -frames:v 1 -c:v msvideo1
gen mkv_raw_nv12.mkv -f lavfi -i "testsrc2=size=16x8:rate=5:duration=0.2" -frames:v 1 -c:v rawvideo -pix_fmt nv12
# H.264 copied from MP4 into AVI and ASF keeps its avcC record (is_avc);
# AVI's empty chunks for a 1/50 time base leave frames two ticks apart,
# from which find_stream_info guesses r_frame_rate.
gen "$tmp/avc.mp4" -f lavfi -i "testsrc2=size=16x16:rate=25:duration=0.8" -threads 1 -c:v libx264 -bf 2 -g 250
gen avi_h264_avcc.avi -i "$tmp/avc.mp4" -c copy
gen asf_h264_avcc.asf -i "$tmp/avc.mp4" -c copy
gen "$tmp/avc.ts" -f lavfi -i "testsrc2=size=16x16:rate=25:duration=0.8" -threads 1 -c:v libx264 -bf 2 -g 250
gen avi_h264_from_ts.avi -i "$tmp/avc.ts" -c copy
gen "$tmp/hvc.mp4" -f lavfi -i "testsrc2=size=16x16:rate=25:duration=0.2" -threads 1 -c:v libx265 -x265-params log-level=0
gen avi_hevc_hvcc.avi -i "$tmp/hvc.mp4" -c copy
gen "$tmp/av1.mp4" -f lavfi -i "testsrc2=size=16x16:rate=25:duration=0.12" -threads 1 -c:v libaom-av1 -cpu-used 8
gen avi_av1_av1c.avi -i "$tmp/av1.mp4" -c copy
# Matroska H.264 and HEVC too short to guess a decoding timestamp with
# B-frames: no start time, and the stream's duration from the file's.
gen mkv_h264_3frames_bf.mkv -f lavfi -i "testsrc2=size=16x16:rate=25" -threads 1 -frames:v 3 -c:v libx264 -bf 3
gen mkv_hevc_2frames_bf.mkv -f lavfi -i "testsrc2=size=16x16:rate=25" -threads 1 -frames:v 2 -c:v libx265 -x265-params log-level=0:bframes=2
# misc: raw MPEG-4 whose layer gives an unreliable time base (resolution
# 30000 for 30000/1001; 120 with B-VOPs): r_frame_rate from the VOP times.
# A FLAC of one frame: no start time.
gen raw_mpeg4_30000_1001.m4v -f lavfi -i "testsrc=size=32x32:rate=30000/1001" -frames:v 24 -threads 1 -pix_fmt yuv420p -c:v mpeg4 -q:v 31 -f m4v
gen raw_mpeg4_bframes_120.m4v -f lavfi -i "testsrc=size=32x32:rate=120" -frames:v 24 -threads 1 -pix_fmt yuv420p -c:v mpeg4 -q:v 31 -bf 2 -f m4v
# An FLV whose SPS gives 600 fps (x264 told a time base of 1/600) for 30 fps
# timestamps: packets of 1 ms leave ff_rfps_calculate only rates of 33 fps
# and more: r_frame_rate 60/1.
gen misc_flv_h264_sps600.flv -f lavfi -i "testsrc=size=32x32:rate=30" -frames:v 30 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset ultrafast -enc_time_base 1/600
# Raw HEVC with pic_timing SEI fields: the parser's field order is the
# picture structure (bottom field: "tt").
gen raw_hevc_interlaced_bff.hevc -f lavfi -i "testsrc=size=32x32:rate=25" -frames:v 8 -pix_fmt yuv420p -c:v libx265 -x265-params log-level=error:pools=none:frame-threads=1:interlace=bff -f hevc
# The same in MPEG-TS, whose HEVC streams go through the same parser.
gen ts_hevc_interlaced_bff.ts -f lavfi -i "testsrc=size=32x32:rate=25" -frames:v 8 -pix_fmt yuv420p -c:v libx265 -x265-params log-level=error:pools=none:frame-threads=1:interlace=bff
gen misc_flac_one_frame.flac -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=0.1" -c:a flac

# mp4 (helper mp4): FFmpeg 5.1's view of less common MP4/MOV layouts.
# A fragmented mov_text track alone: no stream needs a packet, so
# avformat_find_stream_info reads none and the track has no start time.
printf 'WEBVTT\n\n00:00.000 --> 00:00.100\nHi\n' > "$tmp/sub.vtt"
gen mp4_frag_text_only.mp4 -i "$tmp/sub.vtt" -c:s mov_text -movflags frag_keyframe+empty_moov
# A drop-frame timecode track with a reel name: the tmcd frame rate and the
# timecode tag on the tmcd and video streams.
gen mov_tmcd_drop.mov -f lavfi -i "testsrc=size=32x24:rate=30000/1001" -frames:v 3 -threads 1 -pix_fmt yuv420p -c:v mpeg4 \
    -timecode "01:02:03;04" -metadata:s:v reel_name=Reel1
# E-AC-3 in MP4: the decoder's rate from the first frame.
gen mp4_eac3.mp4 -f lavfi -i "aevalsrc=0|0:s=48000:d=0.1" -c:a eac3 -b:a 96k
# 24-bit PCM in MOV (in24 with enda): the decoder's bits_per_raw_sample;
# MPEG-2 video under QuickTime's m2v1 tag.
gen mov_pcm_s24le.mov -f lavfi -i "aevalsrc=0:s=8000:d=0.1" -c:a pcm_s24le
gen mov_mpeg2_m2v1.mov -f lavfi -i "testsrc=size=32x24:rate=25" -frames:v 2 -threads 1 -pix_fmt yuv420p -c:v mpeg2video
# AV1 in fragments with an empty av1C: the extradata comes from the first
# packet's sequence header.
gen mp4_av1_empty_av1c.mp4 -f lavfi -i "testsrc=size=32x24:rate=25" -frames:v 2 -threads 1 -pix_fmt yuv420p -c:v libaom-av1 -cpu-used 8 \
    -movflags frag_keyframe+empty_moov
# H.264 whose stts deltas were zeroed (edts dropped): r_frame_rate 1/0 and
# avg_frame_rate from the parser's frame rate and the last packet.
gen mp4_h264_zero_stts.mp4 -f lavfi -i "testsrc=size=32x24:rate=25" -frames:v 5 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset ultrafast
python3 - mp4_h264_zero_stts.mp4 <<'PY'
import struct, sys
p = sys.argv[1]; d = bytearray(open(p, 'rb').read())
i = d.find(b'stts'); n = struct.unpack('>I', d[i + 8:i + 12])[0]
for k in range(n):
    struct.pack_into('>I', d, i + 12 + 8 * k + 4, 0)
i = d.find(b'edts')
if i > 0:
    d[i:i + 4] = b'free'
open(p, 'wb').write(d)
PY
# A fragmented H.264 file cut inside its first packet: the decoder makes
# no picture of it, and find_stream_info reads no interval.
gen mp4_frag_h264_cut.mp4 -f lavfi -i "testsrc=size=32x24:rate=25" -frames:v 5 -threads 1 -pix_fmt yuv420p -c:v libx264 -preset ultrafast \
    -movflags frag_keyframe+empty_moov
python3 - mp4_frag_h264_cut.mp4 <<'PY'
import sys
p = sys.argv[1]; d = open(p, 'rb').read()
open(p, 'wb').write(d[:d.find(b'mdat') + 4 + 100])
PY
# Fragmented AAC whose edit skips the encoder delay: FFmpeg 5.1 keeps
# advanced edit lists on, so the first packet starts before zero.
gen mp4_frag_aac_elst.mp4 -f lavfi -i "aevalsrc=0:s=48000:d=0.1" -c:a aac -b:a 32k -frag_duration 50000 -movflags +frag_custom+dash+delay_moov

# subs (container/subtitle): standalone text subtitles. ffprobe reads no
# cue (find_stream_info needs no packet), so what differs is detection and,
# for ASS, the header as extradata. SubRip with its cues out of order, a
# position and HTML tags, CRLF line ends behind a UTF-8 byte-order mark;
# WebVTT with STYLE, REGION and NOTE blocks and cue settings; ASS made by
# ffmpeg from the SubRip, and the same in UTF-16 (converted to UTF-8 by
# FFmpeg's text reader before the header is measured).
printf '\xef\xbb\xbf2\r\n00:00:03,000 --> 00:00:04,000 X1:10 X2:300 Y1:20 Y2:200\r\n<i>Second</i> <font color="#ff0000">red</font>\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,500\r\n<b>First</b>\r\ntwo lines\r\n' > sub_srt_bom_crlf.srt
printf 'WEBVTT - header text\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:r1 width:40%% lines:3\n\nNOTE a comment\n\nc1\n00:00:02.000 --> 00:00:03.000 align:start position:10%% region:r1\n<v Roger>Hi <b>there</b>\n\n00:00.500 --> 00:01.000\nearlier\n' > sub_webvtt_blocks.vtt
ff -i sub_srt_bom_crlf.srt -fflags +bitexact sub_ass_from_srt.ass
# A comment line after the events, with characters of 2, 3 and 4 UTF-8
# bytes (a surrogate pair in UTF-16), is header too.
{ printf '\xff\xfe'; { cat sub_ass_from_srt.ass; printf '; note \xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\n'; } | iconv -f utf-8 -t utf-16le; } > sub_ass_utf16le.ass

# ffprobe goldens
for f in *; do
  [ -f "$f" ] || continue
  case $f in *.json|*.sh|*.md) continue ;; esac
  ffprobe -v error -show_format -show_streams -of json "$f" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); d["format"].pop("filename",None); print(json.dumps(d,indent=1,ensure_ascii=False))' > "$f.ffprobe.json"
done
