package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"podium/data"
	"podium/session"
)

// Salvaged is what Salvage saved.
type Salvaged struct {
	*data.SalvageReport
	// LastAt, LastKind and LastActor describe the last saved event (its
	// kind as the core names its type: "Marked").
	LastAt    time.Time
	LastKind  string
	LastActor string
}

// Complete reports whether every event the damaged file's head names was
// saved.
func (s *Salvaged) Complete() bool { return s.Stop == "" }

// Salvage saves the events of the damaged database bad that can still be
// proved (data.Salvage: plain reads, the chain from event 1 up to the
// first event that cannot be read, whose link fails or that the core
// cannot decode) into a new database out, verified; bad is never written.
// A missing bad is a *MissingError; an out that exists a *data.ExistsError;
// nothing to save a *data.NothingSavedError (with its report).
func Salvage(ctx context.Context, bad, out string) (*Salvaged, error) {
	if !Exists(bad) {
		return nil, &MissingError{bad}
	}
	rep, err := data.Salvage(ctx, bad, out, func(r session.Record) error {
		e, err := session.Decode(r.Data)
		if err == nil && e.Seq != r.Seq {
			err = fmt.Errorf("stored under %d but numbered %d", r.Seq, e.Seq)
		}
		return err
	})
	if rep == nil {
		return nil, err
	}
	s := &Salvaged{SalvageReport: rep}
	if e, derr := session.Decode(rep.Last); derr == nil && rep.Saved > 0 {
		k := fmt.Sprintf("%T", e.Body)
		s.LastAt, s.LastKind, s.LastActor = e.At, k[strings.LastIndexByte(k, '.')+1:], e.Actor
	}
	return s, err
}
