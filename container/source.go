package container

import "io"

// Source is what a demuxer reads from: random access to an object of known
// size. The probe package supplies one that buffers, counts reads and bytes,
// honours the context and enforces the probe's limits; demuxers never see the
// caller's reader.
type Source interface {
	io.ReaderAt
	// Size is the object's length in bytes.
	Size() int64
	// Budget is the probe's account of memory, structures, streams and
	// time, which every reader of the object charges. Never nil.
	Budget() *Budget
}
