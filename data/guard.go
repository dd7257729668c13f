package data

import (
	"fmt"
	"runtime/debug"
)

// guard runs fn, which reads the file through bbolt's memory map, so that
// a damaged file cannot crash the process: a memory fault (a page pointing
// outside the file, a file cut short under the map) becomes a panic
// (runtime/debug.SetPanicOnFault) and every panic — a fault, or one of
// bbolt's assertions about a page — becomes a *DamageError naming the
// file and what was being read.
//
// bbolt rolls back a transaction that panics, so the store stays usable.
// The callbacks podium hands in (a session applying events) run inside fn
// too: a panic of theirs that is not a memory fault is a bug, not damage,
// and is passed on (see guarded).
func guard(path, what string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			if b, ok := p.(bugPanic); ok {
				panic(b.p)
			}
			err = &DamageError{Path: path, Problems: []string{what + ": " + describePanic(p)}}
		}
	}()
	return fn()
}

// bugPanic carries a panic of a caller's callback through guard.
type bugPanic struct{ p any }

// callback marks where a loop under guard calls a caller's callback, so
// that guard passes the callback's panics on, except memory faults (reading
// an event's bytes from the map is reading the file): set in around each
// call, and defer pass once per loop, not once per record.
type callback struct{ in bool }

// pass, deferred, passes on a panic of the callback as the caller's.
func (c *callback) pass() {
	if !c.in {
		return // bbolt's, or none: guard's to judge
	}
	if p := recover(); p != nil {
		if isFault(p) {
			panic(p)
		}
		panic(bugPanic{p})
	}
}

// isFault reports whether a panic is a memory fault turned into a panic
// by SetPanicOnFault: the runtime's error then has an Addr method.
func isFault(p any) bool {
	_, ok := p.(interface{ Addr() uintptr })
	return ok
}

// describePanic says what a recovered panic means, in at most a line.
func describePanic(p any) string {
	if isFault(p) {
		return "a read fell outside the file (it is cut short, or a page points outside it)"
	}
	s := fmt.Sprint(p)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return "bbolt found a damaged page: " + s
}
