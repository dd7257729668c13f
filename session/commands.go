package session

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"podium/model"
)

// Command is a request to change the congress. Every command carries its
// time and the actor (the terminal or role) that gave it. Every command
// type is registered once in the table of commands (registry.go) with its
// stable name, the roles that may give it, its decide function and the
// event kinds it may cause.
type Command interface{ meta() Meta }

// Meta is what every command carries: its time, the actor (terminal or
// person) and the actor's role, which the core checks (Permitted), and
// the terminal — the connection — it came from. In a command line of
// podium apply they are "at" (RFC 3339), "actor", "role" and the optional
// "terminal".
type Meta struct {
	At    time.Time `json:"at"`
	Actor string    `json:"actor"`
	Role  Role      `json:"role"`
	// OnlyGroup limits the terminal to one deliberation group (a group's
	// own terminal, a secretary's, over SSH): it may only report that
	// group (ReportGroup). "" for every other terminal. It is not stored:
	// the report stores its group.
	OnlyGroup string `json:"only_group,omitempty" apply:"optional"`
	// Terminal names the connection the command came from (one SSH
	// session, the host's console): an undo takes back that terminal's
	// last mark, whoever else acts under the same actor. Each mark stores
	// it (Marked.Terminal, Excused.Terminal), so replay rebuilds every
	// terminal's undo stack; "" (and every mark stored before terminals
	// were) means the actor's own stack.
	Terminal string `json:"terminal" apply:"optional"`
}

func (m Meta) meta() Meta { return m }

// Open creates the congress from a setup. It must be the first command.
type Open struct {
	Meta
	Setup model.Setup `json:"setup"`
}

// Mark sets a person's attendance status. Reason is the reason of a
// leave (请假), shown in the minutes' table of absentees; only a mark
// on_leave may carry one, and it may be left out.
type Mark struct {
	Meta
	Person string `json:"person"` // roster id
	Status Status `json:"status"`
	Reason string `json:"reason" apply:"optional"`
}

// Undo takes back the last attendance mark of the command's terminal
// (Meta.Terminal; the actor's when it names none) that still stands: the
// person's earlier status returns with its original time.
type Undo struct{ Meta }

// StartItem makes agenda item Index (0-based) the current one.
type StartItem struct {
	Meta
	Index int `json:"index"`
}

// DeclareOpen declares the meeting valid (宣布会议有效). It is refused
// unless the opening quorum is met (RULES §2).
type DeclareOpen struct{ Meta }

// decide validates cmd against st and returns the events it causes, or a
// typed refusal. It changes nothing. The command's entry in the registry
// says who may give it and what it may cause.
func decide(st *State, cmd Command) ([]Body, error) {
	c := commandOf(cmd)
	if c == nil {
		return nil, ErrUnknownCommand
	}
	if err := checkRole(c, cmd); err != nil {
		return nil, err
	}
	if err := checkText(cmd); err != nil {
		return nil, err
	}
	if c.name != "open" && !st.Opened() {
		return nil, ErrNotOpen
	}
	if err := st.checkClock(cmd.meta().At); err != nil {
		return nil, err
	}
	bodies, err := c.decide(st, cmd)
	if err != nil {
		return nil, err
	}
	for _, b := range bodies {
		if !slices.Contains(c.emits, b.kind()) {
			return nil, fmt.Errorf("session: internal: %s caused a %s event, which it is not registered to cause", c.name, KindOf(b).Name)
		}
	}
	return bodies, nil
}

func decideOpen(st *State, cmd Command) ([]Body, error) {
	c := cmd.(Open)
	if st.Opened() {
		return nil, ErrAlreadyOpen
	}
	if err := CheckSetup(c.Setup); err != nil {
		return nil, err
	}
	return []Body{Opened{Setup: c.Setup}}, nil
}

func decideMark(st *State, cmd Command) ([]Body, error) {
	c := cmd.(Mark)
	i, ok := st.index[c.Person]
	if !ok {
		return nil, &UnknownPersonError{ID: c.Person}
	}
	if !c.Status.Valid() {
		return nil, fmt.Errorf("session: unknown status %d", c.Status)
	}
	if a := st.Attendance[i].Status; c.Status == Left && a != Present && a != Left {
		return nil, &NotPresentError{ID: c.Person, Name: st.Setup.Roster[i].Name, Status: a, Role: CodeAsLeaving}
	}
	if strings.TrimSpace(c.Reason) != "" {
		if c.Status != OnLeave {
			return nil, &FieldError{Field: "reason", Reason: "is only given with a leave (on_leave)", Code: CodeReasonNotLeave}
		}
		if a := st.Attendance[i]; a.Status == OnLeave && a.Reason == c.Reason {
			return nil, &SameStatusError{ID: c.Person, Status: c.Status}
		}
		return []Body{Excused{Person: c.Person, Reason: c.Reason, Terminal: c.Terminal}}, nil
	}
	if st.Attendance[i].Status == c.Status {
		return nil, &SameStatusError{ID: c.Person, Status: c.Status}
	}
	return []Body{Marked{Person: c.Person, Status: c.Status, Terminal: c.Terminal}}, nil
}

func decideUndo(st *State, cmd Command) ([]Body, error) {
	m := cmd.meta()
	c, ok := st.undoTop(stackKeyOf(m.Actor, m.Terminal))
	if !ok {
		return nil, &NothingToUndoError{Actor: m.Actor, Terminal: m.Terminal}
	}
	return []Body{Marked{Person: st.Setup.Roster[c.person].ID, Status: c.from, Undoes: c.seq, Terminal: m.Terminal}}, nil
}

func decideStartItem(st *State, cmd Command) ([]Body, error) {
	c := cmd.(StartItem)
	if c.Index < 0 || c.Index >= len(st.Setup.Agenda) {
		return nil, &ItemError{Index: c.Index, Len: len(st.Setup.Agenda)}
	}
	if why := st.unfinished(); why != "" && c.Index != st.Item {
		return nil, &UnfinishedError{Index: st.Item, Why: why}
	}
	if st.Setup.Agenda[c.Index].Kind == model.ItemElection && st.Vote != nil {
		q := st.Quorum()
		if ok, need := st.Vote.RoundQuorum(q.Count); !ok {
			return nil, &QuorumError{What: "election", Rule: st.Vote.Method.Quorum, Count: q.Count, Need: need}
		}
	}
	return append(st.endSpeech(c.Meta), ItemStarted{Index: c.Index, Count: st.Count()}), nil
}

func decideDeclareOpen(st *State, _ Command) ([]Body, error) {
	if st.Declared != nil {
		return nil, ErrAlreadyDeclared
	}
	q := st.Quorum()
	if !q.Opening {
		return nil, &QuorumError{What: "opening", Rule: st.Setup.Meeting.OpeningQuorum, Count: q.Count, Need: q.OpeningNeed}
	}
	return []Body{DeclaredOpen{Count: q.Count}}, nil
}

// CheckSetup validates a setup: a name, at least one formal delegate, ids
// present and unique, names and units present, usable rules, an model.
func CheckSetup(s model.Setup) error {
	if s.Meeting.Name == "" {
		return &SetupError{"meeting.name", "is empty"}
	}
	for field, f := range map[string]model.Fraction{
		"meeting.opening_quorum":  s.Meeting.OpeningQuorum,
		"meeting.election_quorum": s.Meeting.ElectionQuorum,
		"meeting.ordinary":        s.Meeting.Ordinary,
		"meeting.charter":         s.Meeting.Charter,
	} {
		if !f.Valid() {
			return &SetupError{field, fmt.Sprintf("%d/%d is not a fraction between 0 and 1", f.Num, f.Den)}
		}
	}
	seen := make(map[string]int, len(s.Roster))
	formal := 0
	for i, p := range s.Roster {
		switch {
		case p.ID == "":
			return &SetupError{fmt.Sprintf("roster[%d].id", i), "is empty"}
		case p.Name == "":
			return &SetupError{fmt.Sprintf("roster[%d].name", i), "is empty"}
		case p.Unit == "":
			return &SetupError{fmt.Sprintf("roster[%d].unit", i), "is empty"}
		case p.Kind > model.Guest:
			return &SetupError{fmt.Sprintf("roster[%d].kind", i), "is unknown"}
		}
		if j, dup := seen[p.ID]; dup {
			return &SetupError{fmt.Sprintf("roster[%d].id", i), fmt.Sprintf("%q is also the id of roster[%d]", p.ID, j)}
		}
		seen[p.ID] = i
		if p.Kind == model.Formal {
			formal++
		}
	}
	if formal == 0 {
		return &SetupError{"roster", "has no formal delegate"}
	}
	if len(s.Agenda) == 0 {
		return &SetupError{"agenda", "is empty"}
	}
	if err := checkFloorSetup(s); err != nil {
		return err
	}
	if s.Election != nil {
		return checkElection(s, seen)
	}
	return nil
}

// checkElection checks the prepared election: a usable method, candidates
// with distinct names in its categories, each linked candidate a formal
// delegate on the roster.
func checkElection(s model.Setup, ids map[string]int) error {
	el := s.Election
	if len(el.Candidates) == 0 {
		return &SetupError{"election.candidates", "is empty"}
	}
	if err := checkMethod(el.Method, el.Candidates); err != nil {
		return &SetupError{"election.method", err.(*MethodError).Reason}
	}
	names := map[string]bool{}
	for i, c := range el.Candidates {
		field := fmt.Sprintf("election.candidates[%d]", i)
		if c.Name == "" || names[c.Name] {
			return &SetupError{field + ".name", fmt.Sprintf("%q is empty or stands twice on the slate", c.Name)}
		}
		names[c.Name] = true
		if c.PersonID == "" {
			continue
		}
		j, ok := ids[c.PersonID]
		if !ok {
			return &SetupError{field + ".person_id", fmt.Sprintf("%q is not on the roster", c.PersonID)}
		}
		if p := s.Roster[j]; p.Kind != model.Formal || p.Name != c.Name {
			return &SetupError{field + ".person_id", fmt.Sprintf("%q is %s (%s), not the formal delegate %s", c.PersonID, p.Name, p.Kind, c.Name)}
		}
	}
	return nil
}
