#!/usr/bin/env python3
"""Regenerates the ffprobe goldens of codec/hevc.

    codec/hevc/testdata/gen.py      (needs ffmpeg and ffprobe 5.1, Debian 12's package)

hvcc.golden: one line per extradata, "name hex json": the extradata (an hvcC
record, or Annex B bytes where the first bytes say so) and what ffprobe prints
for a video stream carrying it. Each extradata is put in the hvcC box of an
MP4 file made by ffmpeg (one libx265 frame), whose sample entry loses its
pasp, fiel, colr and btrt boxes so that every value printed comes from the
decoder; json holds ffprobe's fields of the stream that the package fills, or
{"fail": true} where ffprobe refuses the file. The records are those libx265
writes for a range of settings (with its "info" SEI off, to keep them short)
and the hand-made ones of cases.py.

annexb.golden: one line per raw HEVC stream, "name hex extradata_size extradata
r_frame_rate": a stream ffmpeg wrote, or one made by rearranging the units of
such a stream, and what ffprobe finds as its extradata (-show_data).

The goldens come from ffprobe, never from mediaprobe.
"""
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cases  # noqa: E402

KEYS = ["profile", "width", "height", "coded_width", "coded_height", "closed_captions", "film_grain",
        "has_b_frames", "sample_aspect_ratio", "pix_fmt", "level", "color_range", "color_space",
        "color_transfer", "color_primaries", "chroma_location"]

# libx265 settings: name, size, frames, pix_fmt, x265-params, extra ffmpeg options.
X265 = [
    ("x265_main", "320x240", 3, "yuv420p", "", []),
    ("x265_main10", "320x240", 3, "yuv420p10le", "", []),
    ("x265_rext422_10", "320x240", 3, "yuv422p10le", "", []),
    ("x265_rext444", "320x240", 3, "yuv444p", "", []),
    ("x265_rext420_12", "320x240", 3, "yuv420p12le", "", []),
    ("x265_gray", "320x240", 3, "gray", "", []),
    ("x265_gray10", "320x240", 3, "gray10le", "", []),
    ("x265_gbrp", "320x240", 3, "gbrp", "", []),
    ("x265_crop", "330x186", 3, "yuv420p", "", []),
    ("x265_crop422", "330x186", 3, "yuv422p", "", []),
    ("x265_hdr10", "320x240", 3, "yuv420p10le",
     "hdr10=1:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):"
     "max-cll=1000,400:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:range=limited", []),
    ("x265_full", "320x240", 3, "yuvj420p", "range=full", []),
    ("x265_full10", "320x240", 3, "yuv420p10le", "range=full", []),
    ("x265_bf0", "320x240", 3, "yuv420p", "bframes=0", []),
    ("x265_bf3", "320x240", 3, "yuv420p", "bframes=3:b-pyramid=0", []),
    ("x265_bf8", "320x240", 3, "yuv420p", "bframes=8:b-pyramid=1", []),
    ("x265_sar", "320x240", 3, "yuv420p", "", ["-vf", "setsar=4/3"]),
    ("x265_sar255", "320x240", 3, "yuv420p", "", ["-vf", "setsar=7/5"]),
    ("x265_chromaloc2", "320x240", 3, "yuv420p", "chromaloc=2", []),
    ("x265_still", "320x240", 1, "yuv420p", "", ["-profile:v", "mainstillpicture"]),
    ("x265_temporal", "320x240", 3, "yuv420p", "temporal-layers=1:bframes=3", []),
    ("x265_hrd", "320x240", 3, "yuv420p", "hrd=1:vbv-maxrate=500:vbv-bufsize=1000:bitrate=400", []),
    ("x265_scaling", "320x240", 3, "yuv420p", "scaling-list=default", []),
    ("x265_lossless", "320x240", 1, "yuv444p", "lossless=1", []),
    ("x265_bt709", "320x240", 3, "yuv420p", "colorprim=bt709:transfer=bt709:colormatrix=bt709", []),
    ("x265_ntsc", "320x240", 3, "yuv420p", "", ["-r", "30000/1001"]),
    ("x265_1080", "1920x1080", 1, "yuv420p", "", []),
]


def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, **kw)


def x265(path, size, frames, pix_fmt, params, extra, rate="25"):
    run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
        f"testsrc=size={size}:rate={rate}", "-frames:v", str(frames), "-pix_fmt", pix_fmt,
        "-c:v", "libx265", "-x265-params", "log-level=error:info=0" + (":" + params if params else ""),
        *extra, path)


def boxes(b, off, end):
    while off + 8 <= end:
        size, typ = struct.unpack(">I4s", b[off:off + 8])
        if size < 8:
            return
        yield off, size, typ
        off += size


# Header sizes of the boxes on the way to hvcC: the sample entry has 78
# bytes of VisualSampleEntry before its children, stsd a version and count.
HEADER = {b"stsd": 16, b"hvc1": 86, b"hev1": 86}
PATH = [b"moov", b"trak", b"mdia", b"minf", b"stbl", b"stsd", b"hev1", b"hvcC"]


def find_hvcc(b, off=0, end=None, depth=0):
    end = len(b) if end is None else end
    for o, s, t in boxes(b, off, end):
        if t == PATH[depth] or (PATH[depth] == b"hev1" and t == b"hvc1"):
            if depth == len(PATH) - 1:
                return b[o + 8:o + s]
            return find_hvcc(b, o + HEADER.get(t, 8), o + s, depth + 1)
    return None


def with_hvcc(b, payload, off=0, end=None, depth=0):
    """b with the hvcC payload replaced, the sizes above it fixed, and the
    sample entry's pasp, fiel, colr and btrt boxes dropped."""
    end = len(b) if end is None else end
    out = bytearray()
    for o, s, t in boxes(b, off, end):
        if t == PATH[depth] or (PATH[depth] == b"hev1" and t == b"hvc1"):
            if depth == len(PATH) - 1:
                body = payload
            else:
                h = HEADER.get(t, 8)
                body = b[o + 8:o + h] + with_hvcc(b, payload, o + h, o + s, depth + 1)
            out += struct.pack(">I", len(body) + 8) + t + body
        elif depth == 7 and t in (b"pasp", b"fiel", b"colr", b"btrt"):
            continue
        else:
            out += b[o:o + s]
    return bytes(out)


def probe_stream(path, *extra):
    p = subprocess.run(["ffprobe", "-v", "error", "-show_streams", *extra, "-of", "json", path],
                       capture_output=True, text=True)
    if p.returncode != 0 or not p.stdout.strip():
        return None
    return json.loads(p.stdout)["streams"][0]


def split_annexb(b):
    starts = [m.start() for m in re.finditer(b"\x00\x00\x01", b)]
    return [b[s + 3:(starts[i + 1] if i + 1 < len(starts) else len(b))] for i, s in enumerate(starts)]


def main():
    tmp = tempfile.mkdtemp()
    template = os.path.join(tmp, "template.mp4")
    x265(template, "64x64", 1, "yuv420p", "", [])
    tb = open(template, "rb").read()

    records = {}
    for name, size, frames, pix, params, extra in X265:
        path = os.path.join(tmp, name + ".mp4")
        x265(path, size, frames, pix, params, extra)
        records[name] = find_hvcc(open(path, "rb").read())
    records.update(cases.C)

    with open(os.path.join(HERE, "hvcc.golden"), "w") as out:
        for name, rec in records.items():
            path = os.path.join(tmp, "case.mp4")
            open(path, "wb").write(with_hvcc(tb, bytes(rec)))
            s = probe_stream(path)
            got = {"fail": True} if s is None else {k: s[k] for k in KEYS if k in s}
            out.write(f"{name} {bytes(rec).hex()} {json.dumps(got, separators=(',', ':'))}\n")

    # Raw streams: small, with no "info" SEI, a parameter set repeat and AUDs
    # in one of them; and rearrangements of the units of the first.
    base = os.path.join(tmp, "base.hevc")
    x265(base, "64x64", 4, "yuv420p", "bframes=2", [])
    rep = os.path.join(tmp, "rep.hevc")
    x265(rep, "64x64", 4, "yuv420p", "repeat-headers=1:aud=1:keyint=2", [])
    ntsc = os.path.join(tmp, "ntsc.hevc")
    x265(ntsc, "64x64", 2, "yuv420p", "", [], rate="30000/1001")
    a = open(base, "rb").read()
    u = split_annexb(a)
    vps, sps, pps = u[0], u[1], u[2]
    slices = [x for x in u if x[0] >> 1 & 0x3F < 32]

    def mk(*units, sc=b"\x00\x00\x01"):
        return b"".join(sc + x for x in units)

    raws = {
        "x265": a,
        "x265_repeat_aud": open(rep, "rb").read(),
        "x265_ntsc": open(ntsc, "rb").read(),
        "ps_after_first_slice": mk(slices[0], vps, sps, pps, *slices[1:]),
        "no_vps_in_first_au": mk(sps, pps, slices[0], vps, sps, pps, *slices[1:]),
        "two_sps_two_pps": mk(vps, sps, sps, pps, pps, *slices),
        "garbage_before": b"\x12\x34" + mk(vps, sps, pps, *slices),
        "four_byte_start_codes": mk(*(x.rstrip(b"\x00") for x in [vps, sps, pps] + slices), sc=b"\x00\x00\x00\x01"),
        "no_vps": mk(sps, pps, *slices),
    }
    with open(os.path.join(HERE, "annexb.golden"), "w") as out:
        for name, b in raws.items():
            path = os.path.join(tmp, "raw.hevc")
            open(path, "wb").write(b)
            s = probe_stream(path, "-show_data") or {}
            hx = "".join(line[10:49].replace(" ", "") for line in s.get("extradata", "").strip().splitlines())
            out.write(f"{name} {b.hex()} {s.get('extradata_size', 0)} {hx or '-'} {s.get('r_frame_rate', '-')}\n")


if __name__ == "__main__":
    main()
