package session

import (
	"fmt"
	"iter"
	"time"
)

// Timeline is every attendance change in order (State.Timeline). It is
// kept compact because a congress makes tens of thousands of changes and
// replay rebuilds them all: a change is 32 bytes without a pointer (its
// actor is a number in the timeline's table of names, its time Unix
// nanoseconds, and what an undo restores is found through the person's
// previous change), the rare undos and reasons are noted beside, so the
// collector never scans the changes; they are kept in chunks that are
// never copied to grow. At and All give each change as a Change.
type Timeline struct {
	chunks   [][]change        // each of chunkLen changes, the last one filling
	n        int               // the number of changes
	undos    map[int]undoNote  // an undo's index → what it undid
	undoneBy map[int]uint64    // the index of a change taken back → the undo's Seq
	reasons  map[int]uint32    // a change's index → the reason it set (a name's number), when any
	names    []string          // the name numbered n is names[n-1]; 0 is ""
	ids      map[string]uint32 // each name's number
}

// undoNote is what an undo undid: the change's Seq and index.
type undoNote struct {
	seq   uint64
	index int32
}

// chunkLen is the changes of a chunk: 16 KiB, one of Go's size classes.
const chunkLen = 512

// change is one Change as the timeline keeps it. prev is the index of
// the person's change before it (-1: none), which set the status it
// replaced: an undo of it restores that status's time and reason.
type change struct {
	seq      uint64
	at       int64
	person   int32
	actor    uint32
	prev     int32
	from, to Status
	flags    uint8 // isUndo, isUndone, hasReason
}

// The bits of change.flags.
const (
	isUndo    = 1 // an undo: Timeline.undos has what it undid
	isUndone  = 2 // taken back: Timeline.undoneBy has by what
	hasReason = 4 // it set a reason: Timeline.reasons has it
)

// Len returns the number of changes.
func (t *Timeline) Len() int { return t.n }

// At returns change i (0 ≤ i < Len), the first made first.
func (t *Timeline) At(i int) Change {
	if i < 0 || i >= t.n {
		panic(fmt.Sprintf("session: timeline index %d out of range [0, %d)", i, t.n))
	}
	return t.change(i, t.at(i))
}

// All yields every change with its index, in order.
func (t *Timeline) All() iter.Seq2[int, Change] {
	return func(yield func(int, Change) bool) {
		for i, c := range t.changes() {
			if !yield(i, t.change(i, c)) {
				return
			}
		}
	}
}

// changes yields every change as kept, with its index, in order.
func (t *Timeline) changes() iter.Seq2[int, *change] {
	return func(yield func(int, *change) bool) {
		for k, ch := range t.chunks {
			for j := range ch {
				if !yield(k*chunkLen+j, &ch[j]) {
					return
				}
			}
		}
	}
}

// at returns the change of index i as kept.
func (t *Timeline) at(i int) *change { return &t.chunks[i/chunkLen][i%chunkLen] }

// add appends c and returns its index.
func (t *Timeline) add(c change) int {
	k := len(t.chunks) - 1
	if k < 0 || len(t.chunks[k]) == chunkLen {
		t.chunks = append(t.chunks, make([]change, 0, chunkLen))
		k++
	}
	t.chunks[k] = append(t.chunks[k], c)
	t.n++
	return t.n - 1
}

func (t *Timeline) change(i int, c *change) Change {
	x := Change{Seq: c.seq, At: time.Unix(0, c.at).UTC(), Actor: t.str(c.actor), Person: int(c.person),
		From: c.from, To: c.to, Reason: t.reasonOf(i)}
	if c.flags&isUndo != 0 {
		x.Undoes = t.undos[i].seq
	}
	if c.flags&isUndone != 0 {
		x.UndoneBy = t.undoneBy[i]
	}
	return x
}

// reasonOf returns the reason change i set ("" for i < 0: nobody's).
func (t *Timeline) reasonOf(i int) string {
	if i < 0 || t.at(i).flags&hasReason == 0 {
		return ""
	}
	return t.str(t.reasons[i])
}

// sinceOf returns the time from which the status change i set holds: its
// own time, or for an undo the time of the status it restored (the zero
// time for i < 0: nobody's status was ever set).
func (t *Timeline) sinceOf(i int) time.Time {
	for i >= 0 {
		c := t.at(i)
		if c.flags&isUndo == 0 {
			return time.Unix(0, c.at).UTC()
		}
		i = int(t.at(int(t.undos[i].index)).prev)
	}
	return time.Time{}
}

// str returns the name numbered n.
func (t *Timeline) str(n uint32) string {
	if n == 0 {
		return ""
	}
	return t.names[n-1]
}

// name returns the number of s in the table of names, adding it the first
// time: the same names get the same numbers whatever path applied them.
func (t *Timeline) name(s string) uint32 {
	if s == "" {
		return 0
	}
	if n, ok := t.ids[s]; ok {
		return n
	}
	if t.ids == nil {
		t.ids = map[string]uint32{}
	}
	t.names = append(t.names, s)
	n := uint32(len(t.names))
	t.ids[s] = n
	return n
}

// stackKey names an undo stack: a terminal's (when the mark names one) or
// an actor's (an undo takes back this terminal's last action, not the
// actor name's).
type stackKey struct {
	terminal bool
	name     string
}

func stackKeyOf(actor, terminal string) stackKey {
	if terminal != "" {
		return stackKey{true, terminal}
	}
	return stackKey{false, actor}
}

// stackID returns the number of the undo stack k, adding an empty one the
// first time.
func (st *State) stackID(k stackKey) int32 {
	if n, ok := st.stackIDs[k]; ok {
		return n
	}
	if st.stackIDs == nil {
		st.stackIDs = map[stackKey]int32{}
	}
	n := int32(len(st.stacks))
	st.stacks = append(st.stacks, nil)
	st.stackIDs[k] = n
	return n
}

// undoTop returns the last mark still standing of the undo stack k, as
// its change.
func (st *State) undoTop(k stackKey) (*change, bool) {
	n, ok := st.stackIDs[k]
	if !ok || len(st.stacks[n]) == 0 {
		return nil, false
	}
	s := st.stacks[n]
	return st.Timeline.at(int(s[len(s)-1])), true
}

// mark applies a Marked or an Excused event of the person at roster index
// i: an undo pops the stack of the event's terminal (its actor's when it
// names none) and restores the earlier status with its original time and
// reason; any other mark is pushed on it.
func (st *State) mark(e Event, i int, status Status, reason string, undoes uint64, terminal string) error {
	if !status.Valid() {
		return &CorruptError{e.Seq, "attendance of an unknown person or status"}
	}
	r := st.Timeline.name(reason)
	stack := st.stackID(stackKeyOf(e.Actor, terminal))
	return st.markIn(e.Seq, e.At, i, status, r, undoes, stack, st.Timeline.name(e.Actor))
}

// markIn is mark with the reason and the actor as numbers of the
// timeline's names and the undo stack by its number (replay finds them
// once per actor and terminal).
func (st *State) markIn(seq uint64, at time.Time, i int, to Status, reason uint32, undoes uint64, stack int32, actor uint32) error {
	tl := &st.Timeline
	s := &st.stacks[stack]
	since, undone := at, int32(-1)
	if undoes != 0 {
		n := len(*s)
		if n == 0 || tl.at(int((*s)[n-1])).seq != undoes {
			return &CorruptError{seq, "undoes a mark that is not the terminal's last"}
		}
		undone = (*s)[n-1]
		*s = (*s)[:n-1]
		u := tl.at(int(undone))
		since = tl.sinceOf(int(u.prev))
		reason = 0
		if r := int(u.prev); r >= 0 && tl.at(r).flags&hasReason != 0 {
			reason = tl.reasons[r]
		}
	}
	a := &st.Attendance[i]
	from := a.Status
	if st.isFormal[i] {
		if from == Present {
			st.present--
		}
		if to == Present {
			st.present++
			st.peak = max(st.peak, st.present)
		}
	}
	c := change{seq: seq, at: at.UnixNano(), person: int32(i), actor: actor, prev: st.last[i], from: from, to: to}
	if undone >= 0 {
		c.flags |= isUndo
	}
	if reason != 0 {
		c.flags |= hasReason
	}
	j := tl.add(c)
	st.last[i] = int32(j)
	if reason != 0 {
		if tl.reasons == nil {
			tl.reasons = map[int]uint32{}
		}
		tl.reasons[j] = reason
	}
	if undone >= 0 {
		if tl.undos == nil {
			tl.undos, tl.undoneBy = map[int]undoNote{}, map[int]uint64{}
		}
		tl.undos[j], tl.undoneBy[int(undone)] = undoNote{undoes, undone}, seq
		tl.at(int(undone)).flags |= isUndone
	} else {
		*s = append(*s, int32(j))
	}
	a.Status, a.Since, a.Reason = to, since, tl.str(reason)
	return nil
}
