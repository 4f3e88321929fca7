package container

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBudgetDefaults(t *testing.T) {
	l := NewBudget(nil, Limits{MaxStreams: 7}).Limits()
	assert.Equal(t, Limits{MaxAlloc: DefaultMaxAlloc, MaxAllocTotal: DefaultMaxAllocTotal, MaxInflate: DefaultMaxInflate,
		MaxStreams: 7, MaxStructures: DefaultMaxStructures}, l)
}

// TestBudgetVisitSticky: past MaxStructures every call fails alike, so a
// loop that missed one error stops at its next check.
func TestBudgetVisitSticky(t *testing.T) {
	b := NewBudget(nil, Limits{MaxStructures: 3})
	for i := 0; i < 3; i++ {
		require.NoError(t, b.Visit("x", "box", int64(i)))
	}
	err := b.Visit("x", "box", 3)
	require.ErrorIs(t, err, ErrLimit)
	assert.Contains(t, err.Error(), "x: box at 0x3")
	assert.ErrorIs(t, b.Alloc("x", "y", 0, 1), ErrLimit)
	assert.ErrorIs(t, b.Err(), ErrLimit)
	assert.Equal(t, int64(4), b.Used().Structures)
}

// TestBudgetAlloc: one allocation over MaxAlloc is refused without ending
// the probe (the structure may be skipped); the total ends it.
func TestBudgetAlloc(t *testing.T) {
	b := NewBudget(nil, Limits{MaxAlloc: 100, MaxAllocTotal: 250})
	assert.ErrorIs(t, b.Alloc("x", "big", 0, 101), ErrLimit)
	assert.NoError(t, b.Err())
	assert.NoError(t, b.Alloc("x", "a", 0, 100))
	assert.NoError(t, b.Alloc("x", "b", 0, 100))
	assert.ErrorIs(t, b.Alloc("x", "c", 0, 100), ErrLimit)
	assert.ErrorIs(t, b.Err(), ErrLimit)
	assert.Equal(t, int64(200), b.Used().Allocated)
}

func TestBudgetInflate(t *testing.T) {
	b := NewBudget(nil, Limits{MaxInflate: 10})
	assert.NoError(t, b.Inflate("x", "z", 0, 10))
	assert.ErrorIs(t, b.Inflate("x", "z", 0, 1), ErrLimit)
	assert.Equal(t, Usage{Inflated: 10}, b.Used())
}

// TestBudgetStreams: AddStream stops at MaxStreams without making the
// budget fail, so a demuxer may go on without the stream, as some of
// FFmpeg's do.
func TestBudgetStreams(t *testing.T) {
	b := NewBudget(nil, Limits{MaxStreams: 2})
	info := NewInfo("x", "X")
	for i := 0; i < 2; i++ {
		st, err := b.AddStream(info, Audio, "x", 0)
		require.NoError(t, err)
		assert.Equal(t, i, st.Index)
	}
	_, err := b.AddStream(info, Video, "x", 0x20)
	require.ErrorIs(t, err, ErrLimit)
	assert.Contains(t, err.Error(), "max_streams")
	assert.NoError(t, b.Err())
	assert.Len(t, info.Streams, 2)
}

func TestBudgetContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	b := NewBudget(ctx, Limits{})
	require.NoError(t, b.Visit("x", "y", 0))
	cancel()
	err := b.Visit("x", "y", 0)
	assert.True(t, errors.Is(err, context.Canceled))
	_, err = b.AddStream(NewInfo("x", "X"), Audio, "x", 0)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestNilBudget: a nil budget accounts for nothing and never fails.
func TestNilBudget(t *testing.T) {
	var b *Budget
	assert.NoError(t, b.Visit("x", "y", 0))
	assert.NoError(t, b.Alloc("x", "y", 0, 1<<40))
	assert.NoError(t, b.Err())
	assert.Equal(t, int64(DefaultMaxAlloc), b.MaxAlloc())
}
