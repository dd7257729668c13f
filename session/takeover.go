package session

import (
	"errors"
	"fmt"
	"time"
)

// A congress is written by one podium at a time. A second laptop may
// follow it as a standby (a copy of the log, event by event); when the
// first one is gone, the host takes over on the standby: the takeover is
// an event of the chain (TakenOver) that starts a new epoch. The epoch
// fences the old writer: a podium that learns of a takeover of its log in
// a newer epoch refuses every write (*FencedError), and a standby refuses
// to follow a podium of an older epoch. Every log starts in epoch 1.

// TakeOver records that this podium, a standby that received the log of
// the congress up to its last event, takes over from the podium it
// followed (From: its address, "" when not known): from now on it writes
// the congress, in a new epoch. Only the host gives it.
type TakeOver struct {
	Meta
	From string `json:"from" apply:"optional"`
}

// TakenOver is a takeover (TakeOver): the events from this one on are
// written by the podium that took over, in epoch Epoch (one more than the
// epoch before). LastSeq is the last event received from the podium it
// followed (the one before this one); From is that podium's address. Who
// took over and when are the event's actor and time.
type TakenOver struct {
	Epoch   int    `json:"epoch"`
	LastSeq uint64 `json:"last_seq"`
	From    string `json:"from"`
}

func (TakenOver) kind() EventKind { return kindTakenOver }

// Takeover is a takeover as the state keeps it.
type Takeover struct {
	Seq     uint64
	At      time.Time
	Actor   string
	Epoch   int
	LastSeq uint64
	From    string
}

// Epoch returns the epoch of the log so far: 1, plus one for each
// takeover.
func (st *State) Epoch() int {
	if n := len(st.Takeovers); n > 0 {
		return st.Takeovers[n-1].Epoch
	}
	return 1
}

// decideTakeOver records a takeover: the next epoch, after the last event
// received.
func decideTakeOver(st *State, cmd Command) ([]Body, error) {
	c := cmd.(TakeOver)
	return []Body{TakenOver{Epoch: st.Epoch() + 1, LastSeq: st.Seq, From: c.From}}, nil
}

// applyTakenOver applies a takeover: its epoch must be the next one and it
// must follow the last event received.
func (st *State) applyTakenOver(e Event, b TakenOver) error {
	if b.Epoch != st.Epoch()+1 || b.LastSeq != e.Seq-1 {
		return &CorruptError{e.Seq, "a takeover out of its epoch or place"}
	}
	st.Takeovers = append(st.Takeovers, Takeover{Seq: e.Seq, At: e.At, Actor: e.Actor,
		Epoch: b.Epoch, LastSeq: b.LastSeq, From: b.From})
	return nil
}

// FencedError: another podium took this congress over (a standby, in a
// newer epoch): this podium's log refuses every write, and the terminals
// must connect to the one that took over. By and At are who took over and
// when, Seq the takeover's event (the first one this podium does not
// have), Epoch the new epoch.
type FencedError struct {
	Epoch int
	By    string
	At    time.Time
	Seq   uint64
}

// Error says who took over, when and from which event.
func (e *FencedError) Error() string {
	return fmt.Sprintf("session: %s took this congress over at %s (event %d, epoch %d): this podium writes nothing more; connect to the one that took over",
		e.By, e.At.UTC().Format(time.RFC3339), e.Seq, e.Epoch)
}

// FenceOf returns the FencedError that a takeover event stands for, or
// false when e is not one.
func FenceOf(e Event) (*FencedError, bool) {
	b, ok := e.Body.(TakenOver)
	if !ok {
		return nil, false
	}
	return &FencedError{Epoch: b.Epoch, By: e.Actor, At: e.At, Seq: e.Seq}, true
}

// Follower returns the session of a standby's log: like Load, but an
// empty log gives a session with no congress yet, which Follow fills.
func Follower(log Log) (*Session, error) {
	s, err := Load(log)
	if errors.Is(err, ErrEmpty) {
		return &Session{log: log}, nil
	}
	return s, err
}

// Follow applies events that another podium decided and that the caller
// has already stored in this session's log (a standby following its
// primary), in order, and tells the subscribers. The first must follow the
// last event applied. It decides nothing and writes nothing.
func (s *Session) Follow(evs []Event) error {
	s.mu.Lock()
	for _, e := range evs {
		if err := s.st.apply(e); err != nil {
			s.mu.Unlock()
			return err
		}
	}
	subs := make([]func(Event), 0, len(s.subs))
	for _, f := range s.subs {
		subs = append(subs, f)
	}
	s.mu.Unlock()
	for _, e := range evs {
		for _, f := range subs {
			f(e)
		}
	}
	return nil
}
