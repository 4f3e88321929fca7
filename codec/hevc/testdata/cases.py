"""Hand-made hvcC records and Annex B extradata: each exercises one rule of
FFmpeg 5.1's HEVC parameter set and SEI parsing. gen.py gives each to ffprobe."""
from craft import *

C = {}
V = dict(sar=(1,), signal=0, colour=(1, 1, 1), chroma_loc=(0, 0))

C['base'] = std(sps(vui_kw=V))
C['novui'] = std(sps())
C['prof0_compat2'] = std(sps(profile=0, compat=(1 << 29), vui_kw=V))
C['prof0_nocompat'] = std(sps(profile=0, compat=0, vui_kw=V))
C['prof9'] = std(sps(profile=9, vui_kw=V))
C['prof3'] = std(sps(profile=3, vui_kw=V))
C['prof31'] = std(sps(profile=31, vui_kw=V))
C['level93'] = std(sps(level=93, vui_kw=V))
C['crop_ok'] = std(sps(conf=(1, 2, 3, 4), vui_kw=V))
C['crop_bad'] = std(sps(conf=(80, 80, 0, 0), vui_kw=V))
C['crop422'] = std(sps(chroma=2, profile=4, conf=(1, 2, 3, 4), vui_kw=V))
C['crop444'] = std(sps(chroma=3, profile=4, conf=(1, 2, 3, 4), vui_kw=V))
C['crop_mono'] = std(sps(chroma=0, profile=4, conf=(1, 2, 3, 4), vui_kw=V))
C['sep_plane'] = std(sps(chroma=3, sep=1, profile=4, conf=(1, 2, 3, 4), vui_kw=dict(V, colour=(1, 1, 0))))
C['loc6'] = std(sps(vui_kw=dict(V, chroma_loc=(6, 0))))
C['loc5'] = std(sps(vui_kw=dict(V, chroma_loc=(5, 1))))
C['loc_422'] = std(sps(chroma=2, profile=4, vui_kw=dict(V, chroma_loc=(2, 2))))
C['prim200'] = std(sps(vui_kw=dict(V, colour=(200, 200, 200))))
C['prim0'] = std(sps(vui_kw=dict(V, colour=(0, 0, 3))))
C['prim22'] = std(sps(vui_kw=dict(V, colour=(22, 18, 14))))
C['prim23'] = std(sps(vui_kw=dict(V, colour=(23, 19, 15))))
C['rgb10'] = std(sps(chroma=3, profile=4, depth=10, vui_kw=dict(V, colour=(1, 1, 0))))
C['rgb12'] = std(sps(chroma=3, profile=4, depth=12, vui_kw=dict(V, colour=(1, 1, 0))))
C['rgb9'] = std(sps(chroma=3, profile=4, depth=9, vui_kw=dict(V, colour=(1, 1, 0))))
C['rgb420'] = std(sps(vui_kw=dict(V, colour=(1, 1, 0))))
C['gray9'] = std(sps(chroma=0, profile=4, depth=9, depth_c=11, vui_kw=V))
C['depth11'] = std(sps(depth=11, vui_kw=V))
C['depth_mismatch'] = std(sps(depth=10, depth_c=8, vui_kw=V))
C['full420'] = std(sps(vui_kw=dict(V, signal=1)))
C['full444'] = std(sps(chroma=3, profile=4, vui_kw=dict(V, signal=1)))
C['full_rgb'] = std(sps(chroma=3, profile=4, vui_kw=dict(V, signal=1, colour=(1, 1, 0))))
C['sar17'] = std(sps(vui_kw=dict(V, sar=(17,))))
C['sar0'] = std(sps(vui_kw=dict(V, sar=(0,))))
C['sar13'] = std(sps(vui_kw=dict(V, sar=(13,))))
C['sar255_0den'] = std(sps(vui_kw=dict(V, sar=(255, 4, 0))))
C['sar255_small'] = std(sps(vui_kw=dict(V, sar=(255, 1, 1000))))
C['sar255_big'] = std(sps(vui_kw=dict(V, sar=(255, 1000, 1))))
C['sar255_red'] = std(sps(vui_kw=dict(V, sar=(255, 6, 4))))
C['sar255_zero'] = std(sps(vui_kw=dict(V, sar=(255, 0, 5))))
C['reorder_fix'] = std(sps(ordering=[(2, 5, 0)], vui_kw=V))
C['reorder_16'] = std(sps(ordering=[(15, 16, 0)], vui_kw=V))
C['dec17'] = std(sps(ordering=[(16, 1, 0)], vui_kw=V))
C['sub3_all'] = std(sps(max_sub=3, ordering=[(1, 0, 0), (2, 1, 0), (5, 3, 0)], ordering_all=True, vui_kw=V), v=vps(max_sub=3))
C['sub3_last'] = std(sps(max_sub=3, ordering=[(1, 0, 0), (2, 1, 0), (5, 4, 0)], vui_kw=V), v=vps(max_sub=3))
C['sub3_ptl'] = std(sps(max_sub=3, sub=[(1, 1), (0, 1)], ordering=[(1, 0, 0), (2, 1, 0), (5, 1, 0)], vui_kw=V), v=vps(max_sub=3))
C['maxsub8'] = std(sps(max_sub=8, vui_kw=V), v=vps(max_sub=3))
C['poc200'] = std(sps(poc=200, vui_kw=V))
C['poc12'] = std(sps(poc=12, lt=[(65535, 1), (3, 0)], vui_kw=V))
C['poc13'] = std(sps(poc=13, vui_kw=V))
def rps_n(n, pred=False):
    def f(w):
        w.ue(n)
        for i in range(n):
            if i > 0: w.f(pred)
            if pred and i > 0:
                w.f(0); w.ue(0)  # sign, abs_delta_rps_minus1 -> delta -1
                # ref has NumDeltaPocs entries: 2 for the explicit first; loop j <= num
                k = prev[0]
                cnt = 0
                for j in range(k + 1):
                    w.f(1); cnt += 1
                prev[0] = cnt
            else:
                w.ue(1); w.ue(1); w.ue(0); w.f(1); w.ue(0); w.f(1)
                prev[0] = 2
    prev = [0]
    return f
C['rps64'] = std(sps(rps=rps_n(64), vui_kw=V))
C['rps65'] = std(sps(rps=rps_n(65), vui_kw=V))
C['rps_pred'] = std(sps(rps=rps_n(5, pred=True), vui_kw=V))
C['rps_pred_long'] = std(sps(rps=rps_n(40, pred=True), vui_kw=V))
def rps_bad(w):
    w.ue(1); w.ue(16); w.ue(0)
C['rps_neg16'] = std(sps(rps=rps_bad, vui_kw=V))
def rps_bigdelta(w):
    w.ue(1); w.ue(1); w.ue(0); w.ue(32768); w.f(1)
C['rps_delta'] = std(sps(rps=rps_bigdelta, vui_kw=V))
def rps_delta_ok(w):
    w.ue(1); w.ue(1); w.ue(0); w.ue(32767); w.f(1)
C['rps_delta_ok'] = std(sps(rps=rps_delta_ok, vui_kw=V))
C['lt31'] = std(sps(lt=[(i, i & 1) for i in range(31)], vui_kw=V))
C['lt32'] = std(sps(lt=[(i, i & 1) for i in range(32)], vui_kw=V))
def sl_flat(w):
    for size in range(4):
        for m in range(0, 6, 3 if size == 3 else 1):
            w.f(1)
            if size > 1: w.se(8)
            for i in range(16 if size == 0 else 64): w.se(1 if i == 0 else 0)
C['scaling_coded'] = std(sps(scaling=sl_flat, vui_kw=V))
C['scaling_default'] = std(sps(scaling='default', vui_kw=V))
def sl_pred(delta_at_3):
    def f(w):
        for size in range(4):
            for m in range(0, 6, 3 if size == 3 else 1):
                w.f(0); w.ue(delta_at_3 if (size == 3 and m == 3) else (1 if m > 0 else 0))
    return f
C['scaling_pred'] = std(sps(scaling=sl_pred(1), vui_kw=V))
C['scaling_pred_bad'] = std(sps(scaling=sl_pred(2), vui_kw=V))
def sl_dc(dc):
    def f(w):
        for size in range(4):
            for m in range(0, 6, 3 if size == 3 else 1):
                if size == 2 and m == 0:
                    w.f(1); w.se(dc)
                    for i in range(64): w.se(0)
                else:
                    w.f(0); w.ue(0)
    return f
C['scaling_dc_bad'] = std(sps(scaling=sl_dc(248), vui_kw=V))
C['scaling_dc_m7'] = std(sps(scaling=sl_dc(-7), vui_kw=V))
C['scaling_dc_m8'] = std(sps(scaling=sl_dc(-8), vui_kw=V))
C['pcm'] = std(sps(pcm=(7, 7), vui_kw=V))
C['pcm_bad'] = std(sps(pcm=(8, 7), vui_kw=V))
def rext(w):
    w.f(1); w.f(1); w.u(7, 0)
    for i in range(9): w.f(i & 1)
C['rext_flags'] = std(sps(chroma=3, profile=4, ext=rext, vui_kw=V))
def ext_other(w):
    w.f(1); w.f(0); w.u(7, 0x7f)
C['ext_other'] = std(sps(ext=ext_other, vui_kw=V))
C['ctb7'] = std(sps(min_cb=1, diff_cb=3, vui_kw=V))
C['ctb3'] = std(sps(min_cb=0, diff_cb=0, min_tb=0, diff_tb=0, depth_inter=0, depth_intra=0, vui_kw=V))
C['w_not_mult'] = std(sps(width=324, vui_kw=V))
C['w_mult8'] = std(sps(width=328, min_cb=0, vui_kw=V))
C['w0'] = std(sps(width=0, vui_kw=V))
C['wbig'] = std(sps(width=20000, height=20000, vui_kw=V))
C['wok_big'] = std(sps(width=16384, height=8192, vui_kw=V))
C['depth_bad'] = std(sps(depth_inter=4, vui_kw=V))
C['trafo_bad'] = std(sps(min_tb=0, diff_tb=4, vui_kw=V))
C['tb_ge_cb'] = std(sps(min_cb=0, min_tb=1, vui_kw=V))
C['sid15'] = std(sps(sid=15, vui_kw=V), p=pps(sid=15))
C['sid16'] = std(sps(sid=16, vui_kw=V))
C['chroma4'] = std(sps(chroma=4, vui_kw=V))
C['novps'] = hvcc([(33, [sps(vui_kw=V)]), (34, [pps()])])
C['vps_after'] = hvcc([(33, [sps(vui_kw=V)]), (32, [vps()]), (34, [pps()])])
C['vid3'] = hvcc([(32, [vps(vid=3)]), (33, [sps(vid=3, vui_kw=V)])])
C['two_sps'] = hvcc([(32, [vps()]), (33, [sps(sid=1, vui_kw=dict(V, colour=(9, 16, 9))), sps(sid=0, width=640, height=480, vui_kw=V)])])
C['two_sps_hi'] = hvcc([(32, [vps()]), (33, [sps(sid=5, vui_kw=dict(V, colour=(9, 16, 9))), sps(sid=7, width=640, height=480, vui_kw=V)])])
C['vps_replaced'] = hvcc([(32, [vps()]), (33, [sps(vui_kw=V)]), (32, [vps(level=93)])])
C['vps_repeat'] = hvcc([(32, [vps()]), (33, [sps(vui_kw=V)]), (32, [vps()])])
C['vps_other'] = hvcc([(32, [vps()]), (33, [sps(vui_kw=V)]), (32, [vps(vid=1)])])
C['sps_replaced'] = hvcc([(32, [vps()]), (33, [sps(vui_kw=V), sps(width=640, height=480, vui_kw=V)])])
C['sps_bad_after'] = hvcc([(32, [vps()]), (33, [sps(vui_kw=V), sps(poc=200, vui_kw=V)])])
C['vps_bad3'] = hvcc([(32, [vps(reserved3=1)]), (33, [sps(vui_kw=V)])])
C['vps_ffff'] = hvcc([(32, [vps(ffff=0xfffe)]), (33, [sps(vui_kw=V)])])
C['vps_trunc'] = hvcc([(32, [vps(truncate_bits=100)]), (33, [sps(vui_kw=V)])])
C['vps_trunc2'] = hvcc([(32, [vps(), vps(truncate_bits=100)]), (33, [sps(vui_kw=V)])])
C['vps_timing'] = hvcc([(32, [vps(timing=(1001, 60000))]), (33, [sps(vui_kw=V)])])
C['vps_hrd'] = hvcc([(32, [vps(timing=(1, 50), hrds=1, layer_sets=0)]), (33, [sps(vui_kw=V)])])
C['vps_hrd2'] = hvcc([(32, [vps(timing=(1, 50), hrds=2, layer_sets=1, max_layer_id=3)]), (33, [sps(vui_kw=V)])])
C['vps_hrd_many'] = hvcc([(32, [vps(timing=(1, 50), hrds=3, layer_sets=1)]), (33, [sps(vui_kw=V)])])
C['vps_layersets'] = hvcc([(32, [vps(layer_sets=1023, max_layer_id=0)]), (33, [sps(vui_kw=V)])])
C['vps_layersets_big'] = hvcc([(32, [vps(layer_sets=1024, max_layer_id=0)]), (33, [sps(vui_kw=V)])])
C['vps_prof0'] = hvcc([(32, [vps(profile=0, compat=0)]), (33, [sps(vui_kw=V)])])

def raw(bits):
    def f(w):
        for b in bits: w.f(b)
    return f
def rawf(fn):
    return fn
# VUI alternates: raw_after_ffi writes everything after frame_field_info_present_flag, SPS extension flag included.
def tail_A(w):
    w.f(1); w.u(32, 1001); w.u(32, 60000); w.f(0); w.f(0); w.f(0)  # timing right away (no defdisp flag)
    w.f(0)  # sps_extension_present_flag
C['vui_pattern'] = std(sps(vui_kw=dict(V, raw_after_ffi=tail_A)))
def tail_A2(w):
    w.f(1); w.u(32, 1001 | (1 << 20)); w.u(32, 60000); w.f(0); w.f(0); w.f(0); w.f(0)
C['vui_pattern_no'] = std(sps(vui_kw=dict(V, raw_after_ffi=tail_A2)))
C['vui_strange_timing'] = std(sps(vui_kw=dict(V, raw_after_ffi=raw([0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0]))))
C['vui_overread'] = std(sps(vui_kw=dict(V, raw_after_ffi=raw([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]))))
C['vui_restr_short'] = std(sps(vui_kw=dict(V, raw_after_ffi=raw([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]))))
def tail_defdisp(w):
    w.f(1); w.ue(8); w.ue(8); w.ue(4); w.ue(4)
    w.f(1); w.u(32, 1); w.u(32, 30); w.f(0); w.f(0); w.f(1); w.f(0); w.f(1); w.f(1); w.ue(0); w.ue(2); w.ue(1); w.ue(15); w.ue(15)
    w.f(0)
C['vui_defdisp'] = std(sps(vui_kw=dict(V, raw_after_ffi=tail_defdisp)))
C['vui_hrd'] = std(sps(vui_kw=dict(V, timing=(1, 25), hrd_cpb=3, restriction=True)))
C['vui_hrd_bad'] = std(sps(vui_kw=dict(V, timing=(1, 25), hrd_cpb=40, restriction=True)))
C['vui_hrd_sub3'] = std(sps(max_sub=3, vui_kw=dict(V, timing=(1, 25), hrd_cpb=0, restriction=True)), v=vps(max_sub=3))
C['vui_field_seq'] = std(sps(vui_kw=dict(V, field_seq=1, ffi=1)))
C['vui_overscan'] = std(sps(vui_kw=dict(V, overscan=1)))
# SEI
def t35_a53(n, size_extra=1, typ=3, flag=0x40):
    return bytes([0xB5, 0, 0x31]) + b'GA94' + bytes([typ, flag | n, 0xff]) + bytes([0xfc, 0x80, 0x80] * n) + bytes([0xff] * size_extra)
C['sei_a53'] = std(extra=[(39, [sei([(4, t35_a53(2))])])])
C['sei_a53_short'] = std(extra=[(39, [sei([(4, t35_a53(2, size_extra=0))])])])
C['sei_a53_noflag'] = std(extra=[(39, [sei([(4, t35_a53(2, flag=0))])])])
C['sei_a53_type4'] = std(extra=[(39, [sei([(4, t35_a53(2, typ=4))])])])
C['sei_a53_cn'] = std(extra=[(39, [sei([(4, bytes([0x26]) + t35_a53(1)[1:])])])])
C['sei_a53_ff'] = std(extra=[(39, [sei([(4, bytes([0xFF, 0x12]) + t35_a53(1)[1:])])])])
C['sei_a53_other_country'] = std(extra=[(39, [sei([(4, bytes([0xB4]) + t35_a53(1)[1:])])])])
C['sei_a53_suffix'] = std(extra=[(40, [sei([(4, t35_a53(2))], prefix=False)])])
C['sei_alt16'] = std(sps(vui_kw=V), extra=[(39, [sei([(147, bytes([16]))])])])
C['sei_alt2'] = std(sps(vui_kw=V), extra=[(39, [sei([(147, bytes([2]))])])])
C['sei_alt0'] = std(sps(vui_kw=V), extra=[(39, [sei([(147, bytes([0]))])])])
C['sei_alt19'] = std(sps(vui_kw=V), extra=[(39, [sei([(147, bytes([19]))])])])
C['sei_alt_novui'] = std(sps(), extra=[(39, [sei([(147, bytes([18]))])])])
C['sei_alt_twice'] = std(sps(vui_kw=V), extra=[(39, [sei([(147, bytes([16])), (147, bytes([18]))])])])
C['sei_alt_after_bad'] = std(sps(vui_kw=V), extra=[(39, [sei([(137, bytes(23)), (147, bytes([16]))])])])
C['sei_alt_after_good'] = std(sps(vui_kw=V), extra=[(39, [sei([(137, bytes(24)), (144, bytes(4)), (147, bytes([16]))])])])
C['sei_alt_sep_nal'] = std(sps(vui_kw=V), extra=[(39, [sei([(137, bytes(23))]), sei([(147, bytes([16]))])])])
C['sei_alt_after_udu15'] = std(sps(vui_kw=V), extra=[(39, [sei([(5, bytes(15)), (147, bytes([16]))])])])
C['sei_alt_after_udu16'] = std(sps(vui_kw=V), extra=[(39, [sei([(5, bytes(range(1, 17))), (147, bytes([16]))])])])
C['sei_alt_after_cll3'] = std(sps(vui_kw=V), extra=[(39, [sei([(144, bytes(3)), (147, bytes([16]))])])])
C['sei_alt_empty'] = std(sps(vui_kw=V), extra=[(39, [sei([(147, b'')])])])
C['sei_alt_big_type'] = std(sps(vui_kw=V), extra=[(39, [sei([(300, bytes(3)), (147, bytes([16]))])])])
C['sei_alt_suffix'] = std(sps(vui_kw=V), extra=[(40, [sei([(147, bytes([16]))], prefix=False)])])
C['sei_pictiming_nosps'] = hvcc([(39, [sei([(1, bytes([0x10])), (147, bytes([16]))])]), (32, [vps()]), (33, [sps(vui_kw=V)])])
C['sei_pictiming_sps'] = std(sps(vui_kw=V), extra=[(39, [sei([(1, bytes([0x10])), (147, bytes([16]))])])])
C['sei_aps_bad'] = std(sps(vui_kw=V), extra=[(39, [sei([(129, bytes([0x00, 0b10001000])), (147, bytes([16]))])])])
def aps(n_minus1, sid):
    w = W(); w.u(4, 0); w.f(0); w.f(0); w.ue(n_minus1); w.ue(sid); w.trailing(); return w.bytes()
C['sei_aps_id3'] = std(sps(vui_kw=V), extra=[(39, [sei([(129, aps(0, 3)), (1, bytes([0x10])), (147, bytes([16]))])])])
C['sei_aps_id0'] = std(sps(vui_kw=V), extra=[(39, [sei([(129, aps(0, 0)), (1, bytes([0x10])), (147, bytes([16]))])])])
C['sei_aps_n16'] = std(sps(vui_kw=V), extra=[(39, [sei([(129, aps(16, 0)), (147, bytes([16]))])])])
C['sei_aps_id16'] = std(sps(vui_kw=V), extra=[(39, [sei([(129, aps(0, 16)), (147, bytes([16]))])])])
def fg(cancel=0, values=1, intervals=1, sep=0):
    w = W(); w.f(cancel)
    if not cancel:
        w.u(2, 0); w.f(sep)
        if sep: w.u(3, 2); w.u(3, 2); w.f(0); w.u(8, 1); w.u(8, 1); w.u(8, 1)
        w.u(2, 0); w.u(4, 3); w.f(1); w.f(0); w.f(1)
        for c in (0, 2):
            w.u(8, intervals - 1); w.u(3, values - 1)
            for i in range(intervals):
                w.u(8, 0); w.u(8, 255)
                for j in range(values): w.se(5)
        w.f(1)
    w.trailing(); return w.bytes()
C['sei_fg'] = std(extra=[(39, [sei([(19, fg())])])])
C['sei_fg_sep'] = std(extra=[(39, [sei([(19, fg(sep=1, values=6, intervals=3))])])])
C['sei_fg_7'] = std(extra=[(39, [sei([(19, fg(values=7))])])])
C['sei_fg_cancel'] = std(extra=[(39, [sei([(19, fg())]), sei([(19, fg(cancel=1))])])])
C['sei_fg_then_bad'] = std(extra=[(39, [sei([(19, fg())]), sei([(19, fg(values=7))])])])
C['sei_mdcv_cll'] = std(extra=[(39, [sei([(137, bytes(range(24))), (144, bytes([3, 232, 1, 144]))])])])
C['sei_hdr10plus'] = std(sps(vui_kw=V), extra=[(39, [sei([(4, bytes([0xB5, 0, 0x3C, 0, 1, 4, 1, 0])), (147, bytes([16]))])])])
C['sei_only'] = hvcc([(39, [sei([(4, t35_a53(1)), (147, bytes([16])), (19, fg())])])])
C['sei_layer1'] = std(sps(vui_kw=V), extra=[(39, [bytes([39 << 1, 1 << 3 | 1]) + sei([(147, bytes([16]))])[2:]])])
# Annex B extradata
def annexb(*nals, sc=b'\x00\x00\x00\x01'):
    return b''.join(sc + n for n in nals)
C['annexb'] = annexb(vps(), sps(vui_kw=V), pps(), sei([(147, bytes([16]))]))
C['annexb3'] = annexb(vps(), sps(vui_kw=V), pps(), sc=b'\x00\x00\x01')
C['annexb_pps_first'] = annexb(vps(), pps(), sps(vui_kw=V))
C['annexb_bad_sei'] = annexb(vps(), sps(vui_kw=V), pps(), sei([(137, bytes(23))]), sei([(147, bytes([16]))]))
C['annexb_bad_sps_first'] = annexb(vps(), sps(sid=1, poc=200), sps(vui_kw=V))
C['annexb_vps_trunc'] = annexb(vps(truncate_bits=100), sps(vui_kw=V))
C['annexb_garbage'] = b'\x00\x00\x02\x11\x22' + annexb(vps(), sps(vui_kw=V))
C['annexb_zeros'] = annexb(vps(), sps(vui_kw=V)) + bytes(8)
C['annexb_tid0'] = annexb(vps(), bytes([33 << 1, 0]) + sps(vui_kw=V)[2:])
C['annexb_forbidden'] = annexb(vps(), bytes([0x80 | 33 << 1, 1]) + sps(vui_kw=V)[2:])
C['annexb_layer1'] = annexb(vps(), bytes([33 << 1, 1 << 3 | 1]) + sps(vui_kw=V)[2:])
C['short3'] = bytes([0, 0, 1])
# hvcC structure
C['hvcc_hdr22'] = std()[:22]
C['hvcc_hdr23'] = std()[:23]
C['hvcc_arrays255'] = bytearray(std()[:22]) + bytes([255]) + std()[23:]
C['hvcc_cnt_short'] = hvcc([(32, [vps()]), (33, [sps(vui_kw=V)])])[:-5]
big = bytearray(std(sps(vui_kw=V))[:22]) + bytes([4])
big += bytes([0x80 | 35]) + (1000).to_bytes(2, 'big') + bytes(2 * 1000)
big += std(sps(vui_kw=V))[23:]
big[22] = 4
C['hvcc_1000_empty'] = bytes(big)
C['hvcc_claims'] = bytearray(std()[:22]) + bytes([255]) + bytes([0x80 | 33, 0xff, 0xff])
C['hvcc_nal1'] = hvcc([(32, [vps(), b'\x40']), (33, [sps(vui_kw=V)])])
C['hvcc_embedded'] = hvcc([(32, [vps() + b'\x00\x00\x01' + sps(vui_kw=V)])])
C['hvcc_embedded4'] = hvcc([(32, [vps() + b'\x00\x00\x00\x01' + sps(vui_kw=V) + b'\x00\x00\x01' + pps()])])
C['hvcc_v0_annexb'] = bytes([0, 0, 1]) + std(sps(vui_kw=V))[3:]
C['hvcc_v0'] = bytes([0, 1]) + std(sps(vui_kw=V))[2:]
C['hvcc_zero_len_nal'] = hvcc([(32, [vps(), b'']), (33, [sps(vui_kw=V)])])

# Dynamic HDR metadata in ITU-T T.35 messages: FFmpeg parses it, and a
# refusal ends the SEI unit before the alternative transfer after it.
def hdr10plus(windows=1, rows=None, cut=None, anchors=9):
    w = W(); w.u(8, 1); w.u(2, windows)
    for i in range(max(windows, 1) - 1):
        w.u(16 * 6 + 8 + 16 * 3, 0); w.f(0)
    w.u(27, 400)
    if rows is None: w.f(0)
    else:
        w.f(1); w.u(5, rows); w.u(5, 2)
        for i in range(rows * 2): w.u(4, 1)
    for i in range(max(windows, 1)):
        for j in range(4): w.u(17, 1000)
        w.u(4, 9)
        for j in range(9): w.u(7, 10 * j); w.u(17, 100 * j)
        w.u(10, 1)
    w.f(0)
    for i in range(max(windows, 1)):
        w.f(1); w.u(12, 1); w.u(12, 2); w.u(4, anchors)
        for j in range(anchors): w.u(10, j)
        w.f(0)
    b = w.bytes()
    if cut is not None: b = b[:cut]
    return bytes([0xB5, 0, 0x3C, 0, 1, 4]) + b
def vivid(cut=None, sat=2):
    w = W(); w.u(8, 1); w.u(48, 0x123456789ab); w.f(1); w.f(0); w.u(12, 100); w.f(1); w.u(64, 0x0102030405060708)
    w.f(1); w.f(0); w.u(2, 0); w.u(8, 1); w.u(40, 5)
    w.f(1); w.u(3, sat)
    for i in range(sat): w.u(8, 3)
    b = w.bytes()
    if cut is not None: b = b[:cut]
    return bytes([0xB5, 0, 0x04, 0, 5]) + b
for k, p in {'hdr10plus': hdr10plus(), 'hdr10plus_3win': hdr10plus(windows=3, rows=3),
             'hdr10plus_0win': hdr10plus(windows=0), 'hdr10plus_rows1': hdr10plus(rows=1),
             'hdr10plus_rows26': hdr10plus(rows=26), 'hdr10plus_cut': hdr10plus(cut=20),
             'hdr10plus_cut_anchors': hdr10plus(cut=60), 'hdr10plus_other_app': bytes([0xB5, 0, 0x3C, 0, 1, 5, 1]),
             'vivid': vivid(), 'vivid_cut': vivid(cut=9), 'vivid_cut_late': vivid(cut=17), 'vivid_v2': bytes([0xB5, 0, 4, 0, 5, 2]),
             'vivid_other_code': bytes([0xB5, 0, 4, 0, 6])}.items():
    C['sei_' + k] = std(sps(vui_kw=V), extra=[(39, [sei([(4, p), (147, bytes([16]))])])])

# A VPS that runs past its end after its profile_tier_level is kept when
# it is the first of its id, and refused when it would replace one.
C['vps_overread_kept'] = hvcc([(32, [vps(timing=(1, 25), truncate_bits=180)]), (33, [sps(vui_kw=V)])])
C['vps_overread_replacing'] = hvcc([(32, [vps(level=93), vps(timing=(1, 25), truncate_bits=180)]), (33, [sps(vui_kw=V)])])
# Cut in the HRD, whose errors FFmpeg ignores, with only flags and unchecked
# ue(v) read past the end: kept. Cut before the extension flag only: kept.
C['vps_overread_hrd'] = hvcc([(32, [vps(timing=(1, 25), hrds=1, truncate_bits=230)]), (33, [sps(vui_kw=V)])])
C['vps_overread_ext'] = hvcc([(32, [vps(truncate_bits=146)]), (33, [sps(vui_kw=V)])])
C['vps_overread_timing_flag'] = hvcc([(32, [vps(truncate_bits=145)]), (33, [sps(vui_kw=V)])])
