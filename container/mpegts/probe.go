package mpegts

// Packet sizes FFmpeg recognises: plain transport packets, DVHS/M2TS
// source packets (a 4-byte timecode, then 188 bytes) and packets with
// 16 bytes of FEC parity.
const (
	tsPacketSize   = 188
	dvhsPacketSize = 192
	fecPacketSize  = 204
	syncByte       = 0x47
)

// analyze scores how regularly sync bytes recur at a packet size, as
// mpegts.c's analyze does. In probe mode only packets that carry an
// adaptation field or payload, or the null PID, count.
func analyze(buf []byte, packetSize int, probe bool) int {
	var stat [fecPacketSize]int
	statAll, best := 0, 0
	for i := 0; i < len(buf)-3; i++ {
		if buf[i] != syncByte {
			continue
		}
		pid := (int(buf[i+1])<<8 | int(buf[i+2])) & 0x1FFF
		asc := buf[i+3] & 0x30
		if !probe || pid == 0x1FFF || asc != 0 {
			x := i % packetSize
			stat[x]++
			statAll++
			best = max(best, stat[x])
		}
	}
	return best - max(statAll-10*best, 0)/10
}

// probe is mpegts_probe: blocks of up to 100 packets are scored at the
// three packet sizes, and the score grows with the regularity over the
// whole buffer.
func probe(b []byte) int {
	const checkCount, checkBlock = 10, 100
	n := len(b) / fecPacketSize
	if n == 0 {
		return 0
	}
	maxScore, sumScore := 0, 0
	for i := 0; i < n; i += checkBlock {
		left := min(n-i, checkBlock)
		s := analyze(b[tsPacketSize*i:][:tsPacketSize*left], tsPacketSize, true)
		d := analyze(b[dvhsPacketSize*i:][:dvhsPacketSize*left], dvhsPacketSize, true)
		f := analyze(b[fecPacketSize*i:][:fecPacketSize*left], fecPacketSize, true)
		s = max(s, d, f)
		sumScore += s
		maxScore = max(maxScore, s)
	}
	sumScore = sumScore * checkCount / n
	maxScore = maxScore * checkCount / checkBlock
	switch {
	case n > checkCount && sumScore > 6:
		return 100 + sumScore - checkCount
	case n >= checkCount && sumScore > 6:
		return 50 + sumScore - checkCount
	case n >= checkCount && maxScore > 6:
		return 50 + sumScore - checkCount
	case sumScore > 6:
		return 2
	}
	return 0
}

// packetSize is get_packet_size: the first 8 KiB decide between the three
// sizes, the winner having to beat the median of the three scores.
func packetSize(head []byte) int {
	const maxBuf, margin = 8192, 5
	b := head[:min(len(head), maxBuf)]
	s := analyze(b, tsPacketSize, false)
	d := analyze(b, dvhsPacketSize, false)
	f := analyze(b, fecPacketSize, false)
	m := median(s, f, d)
	if len(b) < maxBuf {
		m += margin
	}
	switch {
	case s > m:
		return tsPacketSize
	case d > m:
		return dvhsPacketSize
	case f > m:
		return fecPacketSize
	}
	return tsPacketSize // FFmpeg warns and falls back on 188
}

func median(a, b, c int) int {
	return max(min(a, b), min(max(a, b), c))
}
