package dnxhd

// cidEntry is what the decoder takes from a compression ID's row of
// ff_dnxhd_cid_table (libavcodec/dnxhddata.c), the parameters of SMPTE ST
// 2019-1 Annex C. Zero means DNXHD_VARIABLE: the DNxHR (resolution
// independent) IDs take their size from the header and have no fixed
// coding unit size, and 1270 and 1271 no fixed bit depth.
type cidEntry struct {
	cid            uint32
	width          int // samples per line of the raster the ID codes
	bitDepth       int
	codingUnitSize int // bytes of one field (interlaced) or frame
}

// cids are the compression IDs FFmpeg 5.1 decodes.
var cids = [...]cidEntry{
	{1235, 1920, 10, 917504},
	{1237, 1920, 8, 606208},
	{1238, 1920, 8, 917504},
	{1241, 1920, 10, 458752}, // interlaced
	{1242, 1920, 8, 303104},  // interlaced
	{1243, 1920, 8, 458752},  // interlaced
	{1244, 1440, 8, 303104},  // interlaced
	{1250, 1280, 10, 458752},
	{1251, 1280, 8, 458752},
	{1252, 1280, 8, 303104},
	{1253, 1920, 8, 188416},
	{1256, 1920, 10, 1835008}, // 4:4:4
	{1258, 960, 8, 212992},
	{1259, 1440, 8, 417792},
	{1260, 1440, 8, 417792}, // interlaced, adaptive macroblock interlace
	{1270, 0, 0, 0},         // DNxHR 444
	{1271, 0, 0, 0},         // DNxHR HQX
	{1272, 0, 8, 0},         // DNxHR HQ
	{1273, 0, 8, 0},         // DNxHR SQ
	{1274, 0, 8, 0},         // DNxHR LB
}

func lookup(cid uint32) (cidEntry, bool) {
	for _, e := range cids {
		if e.cid == cid {
			return e, true
		}
	}
	return cidEntry{}, false
}

// Profile returns the profile name ffprobe prints for a compression ID
// (dnxhd_get_profile, libavcodec/profiles.c ff_dnxhd_profiles): "DNXHR 444"
// (1270), "DNXHR HQX" (1271), "DNXHR HQ" (1272), "DNXHR SQ" (1273), "DNXHR
// LB" (1274), and "DNXHD" for every other value, known or not.
func Profile(cid uint32) string {
	switch cid {
	case 1270:
		return "DNXHR 444"
	case 1271:
		return "DNXHR HQX"
	case 1272:
		return "DNXHR HQ"
	case 1273:
		return "DNXHR SQ"
	case 1274:
		return "DNXHR LB"
	}
	return "DNXHD"
}
