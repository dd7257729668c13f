package session

import (
	"errors"
	"testing"

	"podium/model"
)

// TestRolesRefusedByTheCore: each role may give only its commands, and a
// refusal changes nothing.
func TestRolesRefusedByTheCore(t *testing.T) {
	s, log := meetingSession(t, 100)
	as := func(r Role) Meta { return Meta{At: at(2).At, Actor: string(r) + ":1", Role: r} }
	cases := []struct {
		role Role
		cmd  Command
		ok   bool
	}{
		{RoleDesk, Mark{Meta: as(RoleDesk), Person: "D0110", Status: Present}, true},
		{RoleDesk, Undo{as(RoleDesk)}, true},
		{RoleDesk, AddNote{Meta: as(RoleDesk), Text: "x"}, false},
		{RoleDesk, StartItem{as(RoleDesk), 0}, false},
		{RoleSecretary, AddNote{Meta: as(RoleSecretary), Text: "记录"}, true},
		{RoleSecretary, AskQuestion{Meta: as(RoleSecretary), Delegate: "D0001", Target: "主席团", Text: "问"}, true},
		{RoleSecretary, Mark{Meta: as(RoleSecretary), Person: "D0111", Status: Present}, false},
		{RoleSecretary, StartItem{as(RoleSecretary), 0}, false},
		{RoleSecretary, RecordVote{Meta: as(RoleSecretary), Subject: "x", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 70}, false},
		{RoleTeller, Mark{Meta: as(RoleTeller), Person: "D0112", Status: Present}, false},
		{RoleTeller, OpenRound{as(RoleTeller)}, false},
		{RoleProjector, Mark{Meta: as(RoleProjector), Person: "D0113", Status: Present}, false},
		{RoleProjector, AddNote{Meta: as(RoleProjector), Text: "x"}, false},
		{"janitor", Mark{Meta: as("janitor"), Person: "D0114", Status: Present}, false},
		{RoleHost, StartItem{as(RoleHost), 0}, true},
		{"", AddNote{Meta: as(""), Text: "the console is the host"}, true},
	}
	for _, c := range cases {
		before := log.Len()
		_, err := s.Execute(c.cmd)
		var re *RoleError
		switch {
		case c.ok && err != nil:
			t.Errorf("%s %T refused: %v", c.role, c.cmd, err)
		case !c.ok && !errors.As(err, &re):
			t.Errorf("%s %T: err = %v, want a RoleError", c.role, c.cmd, err)
		case !c.ok && log.Len() != before:
			t.Errorf("%s %T: a refused command wrote an event", c.role, c.cmd)
		}
	}
}
