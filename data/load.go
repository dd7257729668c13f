package data

import (
	"errors"
	"fmt"

	"podium/session"
)

// The store replays a checkpoint's tail.
var _ session.TailLog = (*Store)(nil)

// Loaded says how Load brought a session to the log's last event: from
// the checkpoint and the records after it, or by replaying the log in
// full, and why.
type Loaded struct {
	// Resumed is set when the session was resumed from the checkpoint.
	Resumed bool
	// Seq is the checkpoint's last event (0 when none was used).
	Seq uint64
	// Replayed is the number of events replayed: those after the
	// checkpoint, or all of them.
	Replayed uint64
	// Why says why no checkpoint was used: a *CheckpointError (nil when
	// one was).
	Why error
}

// Load returns the session of the log: resumed from the checkpoint
// beside the database (session.Resume: its image, then the records after
// it) when Checkpoint finds one usable, else replayed in full
// (session.Load). The checkpoint is only a cache: whatever is wrong with
// it, or if the session cannot resume from it, Load replays the log in
// full, and the error is that replay's. A session resumed from a
// checkpoint executes nothing until it is checked against a full replay
// (session.Session.Checked): run that in the background once it is up.
//
// The checkpoint file is mapped, not read, and let go once decoded: the
// state keeps nothing of it. A panic while resuming from it — a memory
// fault in the mapping, or an image no build of podium wrote — is taken as
// a damaged checkpoint (Loaded.Why says what it was): the checkpoint is a
// cache and never stops podium from starting.
func (s *Store) Load() (*session.Session, Loaded, error) {
	var (
		sess *session.Session
		c    checkpointFile
		err  error
	)
	if gerr := guard(CheckpointPath(s.path), "reading the checkpoint", func() error {
		var release func()
		c, release, err = s.checkpoint(mapCheckpointFile)
		defer release()
		if err == nil {
			if sess, err = session.Resume(s, c.image, c.seq); err != nil {
				err = &CheckpointError{Path: CheckpointPath(s.path), Reason: CheckpointNotResumed, Seq: c.seq, Err: err}
			}
		}
		return nil
	}); gerr != nil {
		sess, err = nil, &CheckpointError{Path: CheckpointPath(s.path), Reason: CheckpointDamaged, Seq: c.seq, Err: gerr}
	}
	if err == nil {
		return sess, Loaded{Resumed: true, Seq: c.seq, Replayed: s.Len() - c.seq}, nil
	}
	sess, lerr := session.Load(s)
	if lerr != nil {
		return nil, Loaded{Why: err}, lerr
	}
	return sess, Loaded{Replayed: s.Len(), Why: err}, nil
}

// String says in a line how the session was loaded, for a log.
func (l Loaded) String() string {
	if l.Resumed {
		return fmt.Sprintf("resumed from the checkpoint of event %d and the %d events after it", l.Seq, l.Replayed)
	}
	s := fmt.Sprintf("replayed the log in full (%d events)", l.Replayed)
	var ce *CheckpointError
	if errors.As(l.Why, &ce) {
		s += "; no checkpoint used: " + ce.Reason.String()
		if ce.Detail != "" {
			s += ": " + ce.Detail
		}
		if ce.Err != nil {
			s += ": " + ce.Err.Error()
		}
	}
	return s
}
