package session

import (
	"errors"
	"fmt"
	"sync"

	"podium/session/snapshot"
)

// TailLog is a Log that can also replay only the records after a given
// one: what Resume needs to bring a checkpoint's state up to date.
type TailLog interface {
	Log
	// ReplayAfter calls fn with every stored record after seq, in
	// order, with the same checks and the same lifetime of Data as
	// Replay.
	ReplayAfter(seq uint64, fn func(Record) error) error
}

// A checkpoint's image is the State a full replay gives, written by
// package snapshot: every field, exported or not, in the memory layout of
// the build that wrote it. It is a cache for the time to a ready state,
// never a record: only the build that wrote it may read it (its storage
// checks that), it is made only from a full replay of the log (Image),
// and CheckImage compares it with one.

// Image replays the whole log and returns the state it gives, encoded as
// a checkpoint's image, with the seq of its last event. It is made from a
// full replay, never from a live or resumed state, so that an image is by
// construction what the log gives.
func Image(log Log) (image []byte, seq uint64, err error) {
	s, err := Load(log)
	if err != nil {
		return nil, 0, err
	}
	image, err = snapshot.Encode(&s.st)
	if err != nil {
		return nil, 0, err
	}
	return image, s.st.Seq, nil
}

// ImageError is an image that could not be read, or that holds another
// state than a full replay of the log gives (Field names the first field
// of State that differs).
type ImageError struct {
	Seq    uint64 // the image's last event, 0 when it could not be read
	Field  string // the first field of State that differs, "" when unread
	Reason string
}

func (e *ImageError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("session: the checkpoint at event %d differs from the log's replay in %s", e.Seq, e.Field)
	}
	return "session: the checkpoint cannot be read: " + e.Reason
}

// readImage decodes image into st.
func readImage(image []byte, st *State) error {
	if err := snapshot.Decode(image, st); err != nil {
		return &ImageError{Reason: err.Error()}
	}
	if !st.Opened() {
		return &ImageError{Reason: "it holds no congress"}
	}
	return nil
}

// Resume returns the session of image (made by Image from the same log,
// by the same build, at event seq, which the image must hold) brought up
// to date with the records after it. On an error nothing is returned:
// load the log in full instead.
//
// The session resumed is not trusted until it is checked against a full
// replay of the log (Checked): its first command — and every caller of
// Checked — waits for that check, which compares every field of the
// state it started with; after a difference it executes nothing. Run
// Checked in the background once the session is up, so that the check is
// done before anyone needs it.
func Resume(log TailLog, image []byte, seq uint64) (*Session, error) {
	s := &Session{log: log, check: &resumeCheck{}}
	if err := readImage(image, &s.st); err != nil {
		return nil, err
	}
	if s.st.Seq != seq {
		return nil, &ImageError{Reason: fmt.Sprintf("it holds event %d, not %d", s.st.Seq, seq)}
	}
	p := replayer{st: &s.st, strs: map[string]string{}, refs: map[string]*nameRef{}}
	if err := log.ReplayAfter(s.st.Seq, p.record); err != nil {
		return nil, err
	}
	p.flush()
	return s, nil
}

// resumeCheck is the one check of a resumed session.
type resumeCheck struct {
	once sync.Once
	err  error
}

// Checked checks a session resumed from a checkpoint (Resume) against
// the log replayed in full, once, and returns the result to every
// caller: nil when the state it started with is the replay's (and for a
// session that was not resumed), else an *ImageError naming the first
// field of State that differs, or the replay's error. Until the check is
// done the session executes nothing, so that it is the state the session
// started with that is checked, and no command is decided on a state that
// is not the log's.
func (s *Session) Checked() error {
	c := s.check
	if c == nil {
		return nil
	}
	c.once.Do(func() {
		s.mu.RLock()
		defer s.mu.RUnlock()
		full, err := replayTo(s.log, s.st.Seq)
		if err != nil {
			c.err = err
		} else if f := snapshot.Differs(&s.st, &full); f != "" {
			c.err = &ImageError{Seq: s.st.Seq, Field: f}
		}
	})
	return c.err
}

// replayTo replays the log in full up to event seq (which it must hold).
func replayTo(log Log, seq uint64) (State, error) {
	var st State
	p := replayer{st: &st, strs: map[string]string{}, refs: map[string]*nameRef{}}
	err := log.Replay(func(r Record) error {
		if err := p.record(r); err != nil {
			return err
		}
		if st.Seq == seq {
			return errReplayed
		}
		return nil
	})
	p.flush()
	if !errors.Is(err, errReplayed) {
		if err == nil {
			err = &ImageError{Seq: seq, Reason: fmt.Sprintf("the log ends at event %d", st.Seq)}
		}
		return State{}, err
	}
	return st, nil
}

// errReplayed stops a replay at the event wanted.
var errReplayed = errors.New("replayed")

// CheckImage replays the log in full up to image's last event and
// reports whether it gives the state image holds: nil, or an
// *ImageError naming the first field of State that differs.
func CheckImage(log Log, image []byte) error {
	var img State
	if err := readImage(image, &img); err != nil {
		return err
	}
	full, err := replayTo(log, img.Seq)
	if err != nil {
		return err
	}
	if f := snapshot.Differs(&img, &full); f != "" {
		return &ImageError{Seq: img.Seq, Field: f}
	}
	return nil
}
