package rfps

import "testing"

// TestStdFramerateIntegerRates: get_std_framerate's second range is the
// integer rates 31 to 60 (so that 60 fps timestamps in milliseconds give
// 60/1, as ffprobe prints for Matroska), not 61 to 90.
func TestStdFramerateIntegerRates(t *testing.T) {
	if got := StdFramerate(30*12 + 29); got != 60*1001*12 {
		t.Fatalf("StdFramerate(389) = %d, want %d", got, 60*1001*12)
	}
	if got := StdFramerate(30 * 12); got != 31*1001*12 {
		t.Fatalf("StdFramerate(360) = %d, want %d", got, 31*1001*12)
	}
}
