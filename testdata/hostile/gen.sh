#!/usr/bin/env bash
# Regenerates testdata/hostile/NAME.json: what ffprobe 5.1 does with each
# hostile input of internal/hostile (hostile.Cases), summarised.
#
#   testdata/hostile/gen.sh            (from anywhere; needs Go, ffprobe 5.1 and python3)
#   testdata/hostile/gen.sh NAME...    (only those cases)
#
# Each input is written to a temporary directory as NAME.EXT and given to
#   ffprobe -v error -show_format -show_streams -of json NAME.EXT
# Whole outputs are never stored (some are megabytes); the summary keeps
# whether ffprobe refused the file (exit status, last error line), the
# format name, the stream count and types, the codecs of streams 0..2, the
# duration, and of the format's and stream 0's tags the count, the first,
# the last and the selected ones (values over 200 bytes as length, SHA-256
# and prefix). It also records the input's size and SHA-256, so that the
# tests notice a generator that no longer makes the input the golden was
# made from. The goldens come from ffprobe, never from mediaprobe.
#
# Some inputs take ffprobe a minute (its dictionaries are quadratic): the
# whole run takes about ten minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
command -v ffprobe >/dev/null || { echo "gen.sh: needs ffprobe (apt-get install -y ffmpeg)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ $# -eq 0 ]; then
  go run ./internal/hostile/cmd/hostilegen -dir "$tmp"
else
  mkdir -p "$tmp/all"
  for name in "$@"; do
    go run ./internal/hostile/cmd/hostilegen -dir "$tmp" -only "$name"
    mv "$tmp/manifest.json" "$tmp/all/$name.json"
  done
  python3 -c 'import json,sys; print(json.dumps([e for f in sys.argv[1:] for e in json.load(open(f))]))' "$tmp"/all/*.json > "$tmp/manifest.json"
fi

python3 - "$tmp" "$here" <<'PY'
import hashlib, json, os, re, subprocess, sys, time

tmp, out = sys.argv[1], sys.argv[2]
version = subprocess.run(["ffprobe", "-version"], capture_output=True, text=True).stdout.splitlines()[0]

def value(v):
    """A tag value as stored: the string itself, or its length, hash and
    prefix when it is long."""
    if len(v.encode()) <= 200:
        return v
    return {"length": len(v.encode()), "sha256": hashlib.sha256(v.encode()).hexdigest(), "prefix": v[:32]}

def tags(obj, select):
    t = (obj or {}).get("tags") or {}
    items = list(t.items())
    s = {
        "count": len(items),
        "first": [items[0][0], value(items[0][1])] if items else None,
        "last": [items[-1][0], value(items[-1][1])] if items else None,
    }
    sel = {k: value(t[k]) for k in select if k in t}
    if sel:
        s["selected"] = sel
    return s

def clean(line):
    line = re.sub(r" @ 0x[0-9a-f]+\]", "]", line)
    return line.replace(os.path.join(tmp, ""), "")

for e in json.load(open(os.path.join(tmp, "manifest.json"))):
    path = os.path.join(tmp, e["file"])
    begin = time.time()
    p = subprocess.run(["ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", path],
                       capture_output=True)
    took = time.time() - begin
    err = [clean(l) for l in p.stderr.decode(errors="replace").splitlines()]
    s = {
        "name": e["name"], "file": e["file"], "class": e["class"], "count": e["count"],
        "size": e["size"], "sha256": e["sha256"],
        "ffprobe": version,
        "command": "ffprobe -v error -show_format -show_streams -of json " + e["file"],
        "exit_status": p.returncode,
        "refused": p.returncode != 0,
        "stderr_lines": len(err),
        "stderr_head": err[:3],
    }
    if p.returncode != 0:
        s["error"] = err[-1] if err else ""
    else:
        doc = json.loads(p.stdout)
        fmt, streams = doc.get("format", {}), doc.get("streams", [])
        types = {}
        for st in streams:
            types[st.get("codec_type", "")] = types.get(st.get("codec_type", ""), 0) + 1
        s.update({
            "format_name": fmt.get("format_name"),
            "nb_streams": fmt.get("nb_streams"),
            "stream_types": types,
            "codecs": [st.get("codec_name", "") for st in streams[:3]],
            "duration": fmt.get("duration"),
            "format_tags": tags(fmt, e["select"] or []),
            "stream0_tags": tags(streams[0] if streams else None, e["select"] or []),
        })
    with open(os.path.join(out, e["name"] + ".json"), "w") as f:
        json.dump(s, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%-22s %-8s exit %d  %6.1fs  %s" % (e["name"], "refused" if s["refused"] else "ok", p.returncode, took,
                                             s.get("error", "") or "%s streams" % s.get("nb_streams")), flush=True)
    os.remove(path)
PY
