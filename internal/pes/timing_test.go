package pes

import "testing"

func TestTail(t *testing.T) {
	const size = 100 * TailWindow
	// No stream ever has a duration: every window is read, growing.
	var offs []int64
	_ = Tail(size, 0, func(off, limit int64) (bool, bool, error) {
		offs = append(offs, off)
		return false, false, nil
	})
	if len(offs) != TailRetries+1 || offs[0] != size-TailWindow || offs[1] != size-2*TailWindow {
		t.Errorf("windows %v", offs)
	}
	// A duration found in the first window: one more window, then stop.
	n := 0
	_ = Tail(size, 0, func(off, limit int64) (bool, bool, error) { n++; return true, false, nil })
	if n != 2 {
		t.Errorf("%d windows after a first duration, want 2", n)
	}
	// Every stream has one at once; or the window reaches the start.
	n = 0
	_ = Tail(size, 0, func(off, limit int64) (bool, bool, error) { n++; return true, true, nil })
	if n != 1 {
		t.Errorf("%d windows when all streams have a duration, want 1", n)
	}
	n = 0
	_ = Tail(TailWindow/2, 10, func(off, limit int64) (bool, bool, error) {
		n++
		if off != 10 {
			t.Errorf("window at %d past the start", off)
		}
		return false, false, nil
	})
	if n != 1 {
		t.Errorf("%d windows over an object smaller than one, want 1", n)
	}
}
