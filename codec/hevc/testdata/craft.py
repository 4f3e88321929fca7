# Bitstream crafting for HEVC parameter sets (test ground truth only).
class W:
    def __init__(s): s.bits = []
    def u(s, n, v):
        for i in range(n-1, -1, -1): s.bits.append((v >> i) & 1)
        return s
    def f(s, v): return s.u(1, int(bool(v)))
    def ue(s, v):
        v += 1; n = v.bit_length()
        s.u(n-1, 0); s.u(n, v); return s
    def se(s, v):
        return s.ue(2*v-1 if v > 0 else -2*v)
    def trailing(s):
        s.bits.append(1)
        while len(s.bits) % 8: s.bits.append(0)
        return s
    def bytes(s):
        b = s.bits + [0] * (-len(s.bits) % 8)
        return bytes(int(''.join(map(str, b[i:i+8])), 2) for i in range(0, len(b), 8))

def escape(rbsp):
    out = bytearray(); z = 0
    for c in rbsp:
        if z >= 2 and c <= 3:
            out.append(3); z = 0
        out.append(c)
        z = z + 1 if c == 0 else 0
    if z >= 2: out.append(3)
    return bytes(out)

def nal(typ, payload_bits, layer=0, tid=1, trailing=True):
    w = W(); w.u(1, 0); w.u(6, typ); w.u(6, layer); w.u(3, tid)
    w.bits += payload_bits.bits
    if trailing: w.trailing()
    return escape(w.bytes())

def ptl(w, profile=1, compat=None, level=60, tier=0, max_sub=1, sub=None, space=0):
    if compat is None: compat = (1 << (31 - profile)) if 0 < profile < 32 else 0
    w.u(2, space); w.f(tier); w.u(5, profile); w.u(32, compat)
    w.u(4, 0b1001)  # progressive, interlaced, non-packed, frame-only
    w.u(43, 0); w.u(1, 0)
    w.u(8, level)
    sub = sub or []
    for i in range(max_sub - 1):
        pp, lp = (sub[i] if i < len(sub) else (0, 0))
        w.f(pp); w.f(lp)
    if max_sub > 1:
        for i in range(max_sub - 1, 8): w.u(2, 0)
    for i in range(max_sub - 1):
        pp, lp = (sub[i] if i < len(sub) else (0, 0))
        if pp:
            w.u(2, 0); w.f(0); w.u(5, profile); w.u(32, compat); w.u(4, 0); w.u(43, 0); w.u(1, 0)
        if lp: w.u(8, level)

def vps(vid=0, max_sub=1, timing=None, hrds=0, profile=1, level=60, reserved3=3, ffff=0xffff, layer_sets=0, max_layer_id=0, truncate_bits=None, compat=None):
    w = W(); w.u(4, vid); w.u(2, reserved3); w.u(6, 0); w.u(3, max_sub-1); w.f(1); w.u(16, ffff)
    ptl(w, profile=profile, level=level, max_sub=max_sub, compat=compat)
    w.f(1)
    for i in range(max_sub): w.ue(4); w.ue(2); w.ue(0)
    w.u(6, max_layer_id); w.ue(layer_sets)
    for i in range(layer_sets):
        for j in range(max_layer_id + 1): w.f(1)
    if timing:
        w.f(1); w.u(32, timing[0]); w.u(32, timing[1]); w.f(0); w.ue(hrds)
        for i in range(hrds):
            w.ue(0)
            if i: w.f(1)
            hrd(w, True, max_sub)
    else:
        w.f(0)
    w.f(0)
    if truncate_bits is not None:
        w.bits = w.bits[:truncate_bits]
        return nal(32, w, trailing=True)
    return nal(32, w)

def hrd(w, common, max_sub, cpb=0, nal_hrd=True):
    if common:
        w.f(nal_hrd); w.f(0)
        if nal_hrd:
            w.f(0); w.u(4, 0); w.u(4, 0); w.u(5, 23); w.u(5, 23); w.u(5, 23)
    for i in range(max_sub):
        w.f(1)  # fixed_pic_rate_general
        w.ue(0)  # elemental duration
        w.ue(cpb)  # cpb_cnt_minus1 (low_delay not read)
        if nal_hrd and cpb <= 31:
            for j in range(cpb + 1):
                w.ue(1000); w.ue(2000); w.f(0)

def vui(w, sar=None, overscan=None, signal=None, colour=None, chroma_loc=None, field_seq=0, ffi=0,
        defdisp=None, timing=None, hrd_cpb=None, restriction=False, raw_after_ffi=None, max_sub=1):
    if sar is None: w.f(0)
    else:
        w.f(1); w.u(8, sar[0])
        if sar[0] == 255: w.u(16, sar[1]); w.u(16, sar[2])
    if overscan is None: w.f(0)
    else: w.f(1); w.f(overscan)
    if signal is None: w.f(0)
    else:
        w.f(1); w.u(3, 5); w.f(signal)  # video_format, full_range
        if colour is None: w.f(0)
        else: w.f(1); w.u(8, colour[0]); w.u(8, colour[1]); w.u(8, colour[2])
    if chroma_loc is None: w.f(0)
    else: w.f(1); w.ue(chroma_loc[0]); w.ue(chroma_loc[1])
    w.f(0); w.f(field_seq); w.f(ffi)
    if raw_after_ffi is not None:
        raw_after_ffi(w); return
    if defdisp is None: w.f(0)
    else:
        w.f(1)
        for v in defdisp: w.ue(v)
    if timing is None: w.f(0)
    else:
        w.f(1); w.u(32, timing[0]); w.u(32, timing[1]); w.f(0)
        if hrd_cpb is None: w.f(0)
        else: w.f(1); hrd(w, True, max_sub, cpb=hrd_cpb)
    if not restriction: w.f(0)
    else:
        w.f(1); w.f(0); w.f(1); w.f(1); w.ue(0); w.ue(2); w.ue(1); w.ue(15); w.ue(15)

def sps(vid=0, sid=0, max_sub=1, profile=1, compat=None, level=60, chroma=1, sep=0, width=320, height=240,
        conf=None, depth=8, depth_c=None, poc=4, ordering=None, ordering_all=False, min_cb=0, diff_cb=3, min_tb=0, diff_tb=3,
        depth_inter=1, depth_intra=1, scaling=None, amp=0, sao=1, pcm=None, rps=None, lt=None, tmvp=1, sis=1,
        vui_kw=None, ext=None, trunc=None, raw_tail=None, sub=None):
    w = W(); w.u(4, vid); w.u(3, max_sub-1); w.f(1)
    ptl(w, profile=profile, compat=compat, level=level, max_sub=max_sub, sub=sub)
    w.ue(sid); w.ue(chroma)
    if chroma == 3: w.f(sep)
    w.ue(width); w.ue(height)
    if conf is None: w.f(0)
    else:
        w.f(1)
        for v in conf: w.ue(v)
    w.ue(depth - 8); w.ue((depth_c if depth_c is not None else depth) - 8)
    w.ue(poc)
    ordering = ordering or [(4, 2, 0)] * max_sub
    w.f(ordering_all)
    for i in (range(max_sub) if ordering_all else [max_sub - 1]):
        d, r, l = ordering[i]; w.ue(d); w.ue(r); w.ue(l)
    w.ue(min_cb); w.ue(diff_cb); w.ue(min_tb); w.ue(diff_tb); w.ue(depth_inter); w.ue(depth_intra)
    if scaling is None: w.f(0)
    else:
        w.f(1)
        if scaling == 'default': w.f(0)
        else: w.f(1); scaling(w)
    w.f(amp); w.f(sao)
    if pcm is None: w.f(0)
    else: w.f(1); w.u(4, pcm[0]); w.u(4, pcm[1]); w.ue(0); w.ue(1); w.f(0)
    if rps is None: w.ue(0)
    else: rps(w)
    if lt is None: w.f(0)
    else:
        w.f(1); w.ue(len(lt))
        for v, used in lt: w.u(poc + 4, v); w.f(used)
    w.f(tmvp); w.f(sis)
    if vui_kw is None: w.f(0)
    else: w.f(1); vui(w, max_sub=max_sub, **vui_kw)
    if ext is None: w.f(0)
    else: ext(w)
    if raw_tail: raw_tail(w)
    if trunc is not None:
        w.bits = w.bits[:trunc]
    return nal(33, w)

def pps(pid=0, sid=0, tiles=None, dqp=None, cb=0, cr=0, deblock=None, pml=0, ext=None):
    w = W(); w.ue(pid); w.ue(sid); w.f(0); w.f(0); w.u(3, 0); w.f(1); w.f(0); w.ue(0); w.ue(0); w.se(0)
    w.f(0); w.f(0)
    if dqp is None: w.f(0)
    else: w.f(1); w.ue(dqp)
    w.se(cb); w.se(cr); w.f(0); w.f(0); w.f(0); w.f(0)
    w.f(tiles is not None); w.f(0)
    if tiles is not None:
        c, r, uni = tiles; w.ue(c); w.ue(r); w.f(uni)
        if not uni:
            for i in range(c): w.ue(0)
            for i in range(r): w.ue(0)
        w.f(1)
    w.f(1)
    if deblock is None: w.f(0)
    else: w.f(1); w.f(0); w.f(0); w.se(deblock[0]); w.se(deblock[1])
    w.f(0); w.f(0); w.ue(pml); w.f(0)
    if ext is None: w.f(0)
    else: ext(w)
    return nal(34, w)

def sei(msgs, prefix=True):
    out = bytearray()
    for typ, payload in msgs:
        t = typ
        while t >= 255: out.append(255); t -= 255
        out.append(t)
        n = len(payload)
        while n >= 255: out.append(255); n -= 255
        out.append(n)
        out += payload
    out.append(0x80)
    hdr = bytes([(39 if prefix else 40) << 1, 1])
    return escape(hdr + bytes(out))

def hvcc(arrays, profile=1, level=60, length_size=4, header=None):
    h = bytearray([1, profile, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, level, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0c | (length_size - 1), len(arrays)])
    if header is not None: h = bytearray(header)
    for typ, nals in arrays:
        h += bytes([0x80 | typ]) + len(nals).to_bytes(2, 'big')
        for n in nals: h += len(n).to_bytes(2, 'big') + n
    return bytes(h)

def std(s=None, v=None, p=None, extra=()):
    return hvcc([(32, [v or vps()]), (33, [s or sps()]), (34, [p or pps()])] + list(extra))
