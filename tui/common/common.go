package common

import (
	"errors"
	"time"

	"podium/model"
	"podium/session"
)

// Common is what every screen shares: the terminal size, the styles, keys
// and texts of the language, the session and who acts through this
// terminal, and the clock.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Texts         *Texts
	Sess          *session.Session
	Actor         string
	Role          session.Role
	// OnlyGroup is the deliberation group a secretary's terminal is
	// limited to, "" for none (session.Meta.OnlyGroup).
	OnlyGroup string
	Now       func() time.Time

	// Setup is the congress as opened; it never changes in a session.
	Setup model.Setup
	// Names are the roster's and the candidates' names, which a text to
	// read never splits at the end of a line (Wrap).
	Names *Names
	// Snap is the state last read from the session.
	Snap Snapshot

	// Note is the status line: the last result, refusal or question.
	Note Note
	// Frame is the root's: showing screens, asking, confirming.
	Frame Frame
}

// Say puts n in the status line.
func (c *Common) Say(n Note) { c.Note = n }

// Tell puts n in the status line when there is one.
func (c *Common) Tell(n *Note) {
	if n != nil {
		c.Note = *n
	}
}

// Snapshot is what the screens render, copied from the session's state
// under its read lock so that rendering never holds the lock.
type Snapshot struct {
	Seq      uint64
	Status   []session.Attendance // parallel to the roster; Changes left out
	Count    session.Count
	Quorum   session.Quorum
	Units    []session.UnitCount
	Item     int
	Declared *session.Stamp
	// Vote is the election, nil when the congress has none.
	Vote *session.Vote
	// Items is each agenda item's progress, parallel to Setup.Agenda.
	Items []session.ItemState
	// Questions, Motions, Votes and Notes are the congress's business,
	// copied by value (see copyMeeting).
	Questions []session.Question
	Motions   []session.Motion
	Votes     []session.Resolution
	Notes     []session.Note
	// Ratings are the officers' ratings in review items (述职评议).
	Ratings []session.Rating
	// Floor is the speakers' lists and the groups' reports (floor.go).
	Floor FloorSnap
	// Needs is, per kind of resolution, the threshold a vote taken now
	// would apply (session.State.ResolutionNeed), for the host's script.
	Needs map[model.VoteKind]VoteNeed
	// LogErr is the *session.WriteError of the last command the log could
	// not store (a full disk), nil once one was stored
	// (Session.LogFailure): the frame's banner and chain badge show it.
	LogErr error
}

// VoteNeed is a resolution's threshold as the core would apply it now.
type VoteNeed struct {
	Rule       model.Fraction
	Base, Need int
}

// Meta returns the time and actor for a new command.
func (c *Common) Meta() session.Meta {
	return session.Meta{At: c.Now(), Actor: c.Actor, Role: c.Role, OnlyGroup: c.OnlyGroup}
}

// Exec executes cmd and refreshes the snapshot.
func (c *Common) Exec(cmd session.Command) ([]session.Event, error) {
	evs, err := c.Sess.Execute(cmd)
	c.Refresh()
	var fenced *session.FencedError
	if errors.As(err, &fenced) { // its time as this terminal's clock shows it
		f := *fenced
		f.At = f.At.In(c.Now().Location())
		err = &f
	}
	return evs, err
}

// Refresh reads the session's state into Snap when it has changed.
func (c *Common) Refresh() {
	c.Snap.LogErr = c.Sess.LogFailure()
	c.Sess.Read(func(st *session.State) {
		if st.Seq == c.Snap.Seq && c.Snap.Status != nil {
			return
		}
		s := &c.Snap
		s.Seq = st.Seq
		if len(s.Status) != len(st.Attendance) {
			s.Status = make([]session.Attendance, len(st.Attendance))
		}
		for i, a := range st.Attendance {
			s.Status[i] = session.Attendance{Status: a.Status, Since: a.Since}
		}
		s.Count = st.Count()
		s.Quorum = st.Quorum()
		s.Units = st.Units()
		s.Item = st.Item
		s.Declared = nil
		if st.Declared != nil {
			d := *st.Declared
			s.Declared = &d
		}
		s.Vote = CopyVote(voteOf(st))
		copyMeeting(s, st)
		copyFloor(s, st)
	})
}

// Clock formats t as HH:MM in the terminal's time zone (that of Now).
func (c *Common) Clock(t time.Time) string {
	return t.In(c.Now().Location()).Format("15:04")
}

// PersonName returns the name of the person with this roster id.
func (c *Common) PersonName(id string) string {
	for _, p := range c.Setup.Roster {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// Date writes a due date as the desk reads it: 2026-05-30.
func (c *Common) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.Now().Location()).Format("2006-01-02")
}

// Refusal is the note explaining a refusal of the core in the language,
// with its numbers, naming the key that ends an unfinished item.
func (c *Common) Refusal(err error) Note {
	text, calm, ok := c.Texts.floorRefusal(err, c.PersonName, c.Keys.Speak.End.Help().Key)
	if !ok {
		text, calm, ok = c.Texts.meetingRefusal(err, c.PersonName, c.Keys.EndItem.Help().Key)
	}
	if !ok {
		text, calm = c.Texts.Refusal(err, c.PersonName)
	}
	if calm {
		return Info(text)
	}
	return Failed(text)
}

// NoteKind is the tone of the status line.
type NoteKind int

// The tones of the status line.
const (
	NoteInfo NoteKind = iota // calm information
	NoteOK                   // something was done
	NoteErr                  // a refusal or failure
	NoteAsk                  // the UI waits for a confirmation or a choice
)

// Note is one message for the status line.
type Note struct {
	Kind NoteKind
	Text string
}

// Ref is a pointer to a copy of n.
func (n Note) Ref() *Note { return &n }

// Info is a calm note.
func Info(text string) Note { return Note{NoteInfo, text} }

// Done is the note of something done.
func Done(text string) Note { return Note{NoteOK, text} }

// Failed is the note of a refusal or a failure.
func Failed(text string) Note { return Note{NoteErr, text} }

// Asking is the note of a question: a confirmation or a choice awaited.
func Asking(text string) Note { return Note{NoteAsk, text} }
