package app

import (
	"context"
	"fmt"
	"time"

	"podium/data"
	"podium/session"
)

// Against is how two copies of a congress compare (podium verify
// --against): each verified, and how far they are alike.
type Against struct {
	Events, OtherEvents int
	Head, OtherHead     [32]byte
	data.Comparison
	// Here and There are the first event after the common part in each
	// file (nil where the file ends there).
	Here, There *EventSummary
}

// EventSummary names an event: its seq, time, actor and kind.
type EventSummary struct {
	Seq   uint64
	At    time.Time
	Actor string
	Kind  string
}

// String is the event as a line names it.
func (e EventSummary) String() string {
	return fmt.Sprintf("event %d (%s, %s, %s)", e.Seq, e.At.In(cst).Format("2006-01-02 15:04:05"), e.Actor, e.Kind)
}

// VerifyAgainst verifies the logs in db and other (read-only, or copies
// while a podium holds them) and compares them event by event: where two
// writers extended the same chain, it names the first event where the
// files part.
func VerifyAgainst(ctx context.Context, db, other string) (Against, error) {
	var a Against
	for _, p := range []string{db, other} {
		if !Exists(p) {
			return a, &MissingError{p}
		}
	}
	s1, done1, err := openStoreForReading(ctx, db)
	if err != nil {
		return a, err
	}
	defer done1()
	s2, done2, err := openStoreForReading(ctx, other)
	if err != nil {
		return a, err
	}
	defer done2()
	if a.Events, a.Head, err = s1.Verify(); err != nil {
		return a, fmt.Errorf("%s: %w", db, err)
	}
	if a.OtherEvents, a.OtherHead, err = s2.Verify(); err != nil {
		return a, fmt.Errorf("%s: %w", other, err)
	}
	if a.Comparison, err = s1.Compare(s2); err != nil {
		return a, err
	}
	if a.Here, err = summary(s1, a.Same+1); err != nil {
		return a, err
	}
	a.There, err = summary(s2, a.Same+1)
	return a, err
}

// summary names event seq of the store, nil when it has none.
func summary(s *data.Store, seq uint64) (*EventSummary, error) {
	var out *EventSummary
	err := s.RecordsFrom(seq, func(r data.Stored) error {
		e, err := session.Decode(r.Data)
		if err != nil {
			out = &EventSummary{Seq: r.Seq, Kind: "unreadable"}
		} else {
			out = &EventSummary{Seq: r.Seq, At: e.At, Actor: e.Actor, Kind: session.KindOf(e.Body).Name}
		}
		return errBatch
	})
	if err != nil && err != errBatch {
		return nil, err
	}
	return out, nil
}
