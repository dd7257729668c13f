package session

import (
	"errors"
	"strings"
	"testing"

	"podium/model"
	"podium/session/election"
)

// TestTextLimits: a text longer than its limit is refused with a typed
// error naming the field, its length and the limit, before anything is
// decided, and changes nothing; a text at the limit is accepted. Han
// characters count one each.
func TestTextLimits(t *testing.T) {
	s, log := meetingSession(t, 70)
	exec(t, s, StartItem{by("host", 1), 0})
	long := func(n int) string { return strings.Repeat("议", n) }
	for _, c := range []struct {
		name  string
		cmd   Command
		field string
		max   int
	}{
		{"a note", AddNote{Meta: by("sec", 2), Text: long(MaxText + 1)}, "text", MaxText},
		{"a question", AskQuestion{Meta: by("sec", 2), Delegate: "D0001", Target: "主席团", Text: long(MaxText + 5)}, "text", MaxText},
		{"a question's target", AskQuestion{Meta: by("sec", 2), Delegate: "D0001", Target: long(MaxShortText + 1), Text: "问"}, "target", MaxShortText},
		{"a motion's title", FileMotion{Meta: by("sec", 2), Proposer: "D0001", Title: long(MaxShortText + 1)}, "title", MaxShortText},
		{"a cosigner", FileMotion{Meta: by("sec", 2), Proposer: "D0001", CoSigners: []string{"D0002", long(300)}, Title: "t"}, "cosigners[1]", MaxShortText},
		{"a person's id", Mark{Meta: by("desk", 2), Person: strings.Repeat("D", 10<<20), Status: Present}, "person", MaxShortText},
		{"a write-in", EnterBallot{Meta: by("teller", 2), Index: -1, Ballot: election.Ballot{WriteIns: []election.WriteIn{{Name: long(201)}}}}, "ballot.write_ins[0].name", MaxShortText},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := int(log.Len())
			_, err := s.Execute(c.cmd)
			var tl *TextTooLongError
			if !errors.As(err, &tl) || tl.Field != c.field || tl.Max != c.max || tl.Len <= c.max {
				t.Fatalf("%v, want a *TextTooLongError for %s over %d", err, c.field, c.max)
			}
			if ErrorCode(err) != "text_too_long" {
				t.Errorf("code %q", ErrorCode(err))
			}
			if int(log.Len()) != before {
				t.Error("a refused command stored an event")
			}
		})
	}
	// At the limit: accepted.
	exec(t, s, AddNote{Meta: by("sec", 3), Text: long(MaxText)})

	setup := testSetup(3)
	setup.Roster[1].Name = long(MaxShortText + 1)
	_, err := Create(&MemoryLog{}, Open{Meta: at(0), Setup: setup})
	var tl *TextTooLongError
	if !errors.As(err, &tl) || tl.Field != "setup.roster[1].name" {
		t.Fatalf("a roster name of %d characters: %v", MaxShortText+1, err)
	}
	setup = testSetup(3)
	setup.Agenda[0].Script = long(MaxText)
	setup.Agenda = append(setup.Agenda, model.Item{Kind: model.ItemClosing, Title: "闭幕"})
	if _, err := Create(&MemoryLog{}, Open{Meta: at(0), Setup: setup}); err != nil {
		t.Fatalf("a script at the limit: %v", err)
	}
}
