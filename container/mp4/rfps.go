package mp4

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// rfpsFrames is how many index entries mov_build_index hands to
// ff_rfps_add_frame (those while nb_index_entries < 100).
const rfpsFrames = 99

// rfpsGuess is rfps.Guess, which FLV shares.
func rfpsGuess(deltas []int64, start int64, tb container.Rational, infoDur int64) (container.Rational, bool, bool) {
	return rfps.Guess(deltas, start, tb, infoDur)
}
