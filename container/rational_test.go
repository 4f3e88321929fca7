package container

import "testing"

// TestReduceSemiconvergent checks the last step of av_reduce, which
// compares the semiconvergent with the current terms of the expansion:
// 1e9/16666666 (a Matroska DefaultDuration of 60 fps) is 60/1 within
// 30000, not 29941/499.
func TestReduceSemiconvergent(t *testing.T) {
	for _, c := range []struct{ in, want Rational }{
		{Rational{1000000000, 16666666}, Rational{60, 1}},
		{Rational{1000000000, 41708333}, Rational{24000, 1001}},
		{Rational{1000000000, 40000000}, Rational{25, 1}},
	} {
		if got := c.in.Reduce(30000); got != c.want {
			t.Errorf("%v.Reduce(30000) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestD2Q(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want Rational
	}{
		{0.15, Rational{3, 20}}, {0.3127, Rational{3127, 10000}}, {1000, Rational{1000, 1}},
		{0.005, Rational{1, 200}}, {-0.5, Rational{-1, 2}}, {0, Rational{0, 1}},
	} {
		if got := D2Q(c.in, 1<<31-1); got != c.want {
			t.Errorf("D2Q(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
