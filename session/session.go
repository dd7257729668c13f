package session

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Record is one stored event: its sequence number and its encoded form.
// Codec is the codec it was encoded with (Encode: CodecVersion), which the
// log records with each run of events; 0 when unknown (Replay gives 0).
type Record struct {
	Seq   uint64
	Data  []byte
	Codec int
}

// Log is the durable event log a Session writes through. Package data
// implements it on bbolt.
type Log interface {
	// Append stores the records, in order, in one durable transaction.
	// When it returns nil the records survive a crash.
	Append(recs []Record) error
	// Replay calls fn with every stored record in sequence order. The
	// record's Data may not outlive the call.
	Replay(fn func(Record) error) error
}

// ErrEmpty: Load was given a log with no events.
var ErrEmpty = errors.New("session: the log is empty")

// Session is one congress: its state and the log behind it. It is safe for
// use by many goroutines (terminals); commands are executed one at a time.
type Session struct {
	mu  sync.RWMutex
	log Log
	// failed is the *WriteError of the last command whose events the log
	// could not store, nil after one it stored (LogFailure).
	failed error
	st     State
	subs   map[int]func(Event)
	next   int
	// check is the check of a session resumed from a checkpoint's image
	// against a full replay (Checked), nil for any other session.
	check *resumeCheck
}

// Create opens a new congress on an empty log by executing cmd.
func Create(log Log, cmd Open) (*Session, error) {
	s := &Session{log: log}
	if _, err := s.Execute(cmd); err != nil {
		return nil, err
	}
	return s, nil
}

// Load replays the log and returns the session in the state it was left.
func Load(log Log) (*Session, error) {
	s := &Session{log: log}
	p := replayer{st: &s.st, strs: map[string]string{}, refs: map[string]*nameRef{}}
	if err := log.Replay(p.record); err != nil {
		return nil, err
	}
	p.flush()
	if !s.st.Opened() {
		return nil, ErrEmpty
	}
	return s, nil
}

// Execute validates cmd, stores the events it causes durably, applies them
// and tells the subscribers. On any error nothing has changed.
func (s *Session) Execute(cmd Command) ([]Event, error) {
	if err := s.Checked(); err != nil {
		return nil, err // a resumed state that is not the log's decides nothing
	}
	s.mu.Lock()
	bodies, err := decide(&s.st, cmd)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	m := cmd.meta()
	at := time.Unix(0, m.At.UnixNano()).UTC() // as it will read back
	if at.Before(s.st.LastAt) {
		at = s.st.LastAt // within ClockTolerance (decide refused the rest)
	}
	role := m.Role
	if role == "" {
		role = RoleHost // the host's own console
	}
	evs := make([]Event, len(bodies))
	recs := make([]Record, len(bodies))
	for i, b := range bodies {
		evs[i] = Event{Seq: s.st.Seq + uint64(i) + 1, At: at, Actor: m.Actor, Role: role, Body: b}
		data, err := Encode(evs[i])
		if err != nil {
			s.mu.Unlock()
			return nil, err
		}
		recs[i] = Record{Seq: evs[i].Seq, Data: data, Codec: CodecVersion}
	}
	if err := s.log.Append(recs); err != nil {
		var fe *FencedError
		if errors.As(err, &fe) {
			// Not a failure to fix and retry: another podium took over.
			s.mu.Unlock()
			return nil, fe
		}
		we := &WriteError{Seq: recs[0].Seq, Err: err}
		s.failed = we
		s.mu.Unlock()
		return nil, we
	}
	s.failed = nil
	for _, e := range evs {
		if err := s.st.apply(e); err != nil {
			// decide accepted what apply refuses: a bug, not bad input.
			// The log holds the event; Load will report it.
			s.mu.Unlock()
			return nil, fmt.Errorf("session: internal: stored an event it cannot apply: %w", err)
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
	return evs, nil
}

// Preview checks cmd against the current state exactly as Execute would
// and returns the events it would cause, without storing or applying
// anything. The screens ask it before they ask to confirm: a command the
// core would refuse is refused at once, and the question states what
// will be recorded (the vote's outcome, the round's quorum).
func (s *Session) Preview(cmd Command) ([]Event, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	bodies, err := decide(&s.st, cmd)
	if err != nil {
		return nil, err
	}
	m := cmd.meta()
	at := time.Unix(0, m.At.UnixNano()).UTC()
	if at.Before(s.st.LastAt) {
		at = s.st.LastAt
	}
	evs := make([]Event, len(bodies))
	for i, b := range bodies {
		evs[i] = Event{Seq: s.st.Seq + uint64(i) + 1, At: at, Actor: m.Actor, Role: m.Role, Body: b}
	}
	return evs, nil
}

// LogFailure returns the *WriteError of the last command whose events the
// log could not store, or nil when the last command that reached the log
// was stored. Screens show it until a command succeeds.
func (s *Session) LogFailure() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.failed
}

// Read calls fn with the current state under a read lock. fn must not keep
// the state or call Execute.
func (s *Session) Read(fn func(st *State)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	fn(&s.st)
}

// Subscribe calls fn after each committed event, in order, from the
// goroutine that executed the command. fn must not block or call Execute.
// The returned function ends the subscription.
func (s *Session) Subscribe(fn func(Event)) (cancel func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.subs == nil {
		s.subs = map[int]func(Event){}
	}
	id := s.next
	s.next++
	s.subs[id] = fn
	return func() {
		s.mu.Lock()
		delete(s.subs, id)
		s.mu.Unlock()
	}
}
