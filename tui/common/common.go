package common

import (
	"errors"
	"time"

	"podium/model"
	"podium/session"
	"podium/words"
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
	Terminal      string // this connection (session.Meta.Terminal)
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

	namesakes map[string]bool // the names two people share (Setup.Namesakes), once
	byID      map[string]int  // roster index by id, once
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

// Meta returns the time, actor and terminal for a new command.
func (c *Common) Meta() session.Meta {
	return session.Meta{At: c.Now(), Actor: c.Actor, Role: c.Role, OnlyGroup: c.OnlyGroup, Terminal: c.Terminal}
}

// Check runs the core's checks of cmd now, storing nothing
// (session.Preview): nil when Exec would take it, else the refusal. Every
// confirmation asks it before it asks its question, so that what the core
// would refuse is refused at once, never after a second key.
func (c *Common) Check(cmd session.Command) error {
	_, err := c.Sess.Preview(cmd)
	return err
}

// Preview returns the events cmd would cause now, or the refusal
// (session.Preview): what a confirmation states will be recorded.
func (c *Common) Preview(cmd session.Command) ([]session.Event, error) { return c.Sess.Preview(cmd) }

// CheckPerson is the core's check of a person picked to ask, propose or
// co-sign (session.State.CheckPerson): a formal delegate, present.
func (c *Common) CheckPerson(id string, role session.Code) (err error) {
	c.Sess.Read(func(st *session.State) { err = st.CheckPerson(id, role) })
	return err
}

// CheckScrutineer is the core's check of a person picked as scrutineer or
// chief scrutineer (session.State.CheckScrutineer).
func (c *Common) CheckScrutineer(id, role, other string) (err error) {
	c.Sess.Read(func(st *session.State) { err = st.CheckScrutineer(id, role, other) })
	return err
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

// PersonName returns the name of the person with this roster id, with
// their unit when another person shares the name (RULES §7: two people of
// one name are told apart wherever they appear).
func (c *Common) PersonName(id string) string {
	if p, ok := c.Person(id); ok {
		return c.Label(p.Name, p.Unit)
	}
	return id
}

// Person returns the roster's person with this id.
func (c *Common) Person(id string) (model.Person, bool) {
	i, ok := c.PersonIndex(id)
	if !ok {
		return model.Person{}, false
	}
	return c.Setup.Roster[i], true
}

// PersonIndex returns the roster index of the person with this id (and
// of their status in Snap.Status).
func (c *Common) PersonIndex(id string) (int, bool) {
	if c.byID == nil {
		c.byID = make(map[string]int, len(c.Setup.Roster))
		for i, p := range c.Setup.Roster {
			if _, dup := c.byID[p.ID]; !dup { // the first, as a scan finds it
				c.byID[p.ID] = i
			}
		}
	}
	i, ok := c.byID[id]
	return i, ok
}

// Label writes a name, with the unit when the name is a namesake's
// (model.Setup.Namesakes).
func (c *Common) Label(name, unit string) string {
	if c.namesakes == nil {
		c.namesakes = c.Setup.Namesakes()
	}
	if c.namesakes[name] {
		return words.WithUnit(name, unit, c.Texts.Lang)
	}
	return name
}

// CandidateLabel writes a candidate's or a write-in person's name as the
// screens show it: with the unit (of the roster person the candidate is)
// when another person shares the name.
func (c *Common) CandidateLabel(name string) string {
	if c.namesakes == nil {
		c.namesakes = c.Setup.Namesakes()
	}
	if !c.namesakes[name] || c.Setup.Election == nil {
		return name
	}
	for _, cand := range c.Setup.Election.Candidates {
		if cand.Name == name && cand.PersonID != "" {
			return c.PersonName(cand.PersonID)
		}
	}
	return name
}

// CandidateLabels are CandidateLabel for the names two people share, for
// election.Result.TextWith.
func (c *Common) CandidateLabels() map[string]string {
	out := map[string]string{}
	if c.Setup.Election == nil {
		return out
	}
	for _, cand := range c.Setup.Election.Candidates {
		if l := c.CandidateLabel(cand.Name); l != cand.Name {
			out[cand.Name] = l
		}
	}
	return out
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
