package tui

import (
	"charm.land/bubbles/v2/key"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/screens/agenda"
	"podium/tui/screens/attendance"
	"podium/tui/screens/election"
	"podium/tui/screens/item"
	"podium/tui/screens/motions"
	"podium/tui/screens/preparation"
	"podium/tui/screens/projector"
	"podium/tui/screens/questions"
	"podium/tui/screens/resolution"
	"podium/tui/screens/speakers"
)

// register lists every screen: adding a screen is its package and one
// line here. The order matters twice: a terminal opens on the first
// screen its role may see, and f2 shows the first screen that serves the
// current item (the item screen serving the rest).
func register(k *common.KeyMap) []*slot {
	kind := func(ks ...model.ItemKind) func(*common.Common, int) bool {
		return func(c *common.Common, i int) bool {
			if i < 0 || i >= len(c.Setup.Agenda) {
				return false
			}
			for _, x := range ks {
				if c.Setup.Agenda[i].Kind == x {
					return true
				}
			}
			return false
		}
	}
	ballots := func(c *common.Common, i int) bool {
		return c.Snap.Vote != nil && (i < 0 || kind(model.ItemElection)(c, i))
	}
	noElection := func(c *common.Common) string {
		if c.Snap.Vote == nil {
			return c.Texts.V.NoElection
		}
		return ""
	}
	return []*slot{
		{id: attendance.ID, make: attendance.New, key: k.ToDesk, sees: session.Mark{}, layout: withSidebar},
		{id: item.ID, make: item.New, sees: session.AddNote{}, layout: withSidebar, everyItem: true},
		{id: questions.ID, make: questions.New, key: k.ToQuestions, sees: session.AskQuestion{}, layout: withSidebar,
			serves: kind(model.ItemQuestioning)},
		{id: motions.ID, make: motions.New, key: k.ToMotions, sees: session.FileMotion{}, layout: withSidebar,
			serves: kind(model.ItemMotions)},
		{id: resolution.ID, make: resolution.New, sees: session.RecordVote{}, layout: withSidebar,
			serves: kind(model.ItemResolution)},
		// The speakers' list: the deliberation's screen, any item's by f10;
		// a group's own terminal sees it alone (its report).
		{id: speakers.ID, make: speakers.New, key: k.ToSpeakers, sees: session.ReportGroup{}, layout: withSidebar,
			serves: kind(model.ItemDeliberation)},
		{id: election.ID, make: election.New, key: k.ToElection, sees: session.EnterBallot{}, layout: wide,
			serves: ballots, disabled: noElection},
		// The agenda and the preparation are read by who keeps the record.
		{id: agenda.ID, make: agenda.New, key: k.ToAgenda, sees: session.AddNote{}, layout: wide},
		{id: preparation.ID, make: preparation.New, key: k.ToPrep, sees: session.AddNote{}, layout: wide},
		{id: projector.ID, make: projector.New, only: session.RoleProjector, layout: bare},
	}
}

// slot is a registered screen: how it is made and shown, who may see
// it, and the screen itself.
type slot struct {
	id   common.ScreenID
	make func(*common.Common) common.Screen
	// key shows the screen (f1, f3 …); unbound: none.
	key key.Binding
	// sees is the command whose permission lets a role see the screen
	// (session.Permitted): a screen is for who may act on it. only, when
	// set, makes it that role's only screen (the projector).
	sees session.Command
	only session.Role
	// layout is how the frame holds it.
	layout layout
	// serves reports whether the screen is that of agenda item i (-1:
	// before the agenda starts); everyItem makes it the screen of the
	// items no other screen serves.
	serves    func(c *common.Common, i int) bool
	everyItem bool
	// disabled, when set, says why the screen has nothing to show now.
	disabled func(c *common.Common) string

	s common.Screen
}

// layout is how the frame holds a screen.
type layout int

const (
	withSidebar layout = iota // beside the agenda and the units
	wide                      // the whole width between header and footer
	bare                      // the whole terminal, no frame (the projector)
)
