package app

import (
	"time"

	"podium/session"
)

// Record executes cmd — a survey or a staff audit recorded from the
// command line — on the congress in db, which no running podium may hold
// (data.ErrInUse, after a short wait), and returns the seq of the last
// event it stored. A db without a congress is ErrNoCongress; a refusal of
// the core is returned as it is.
func Record(db string, cmd session.Command) (uint64, error) {
	c, err := Open(db, 300*time.Millisecond)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	evs, err := c.Session.Execute(cmd)
	if err != nil {
		return 0, err
	}
	return evs[len(evs)-1].Seq, nil
}
