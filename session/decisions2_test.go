package session

import (
	"errors"
	"slices"
	"testing"
	"time"

	"podium/model"
	"podium/session/election"
)

func atDesk(terminal string, min int) Meta {
	return Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: "desk:签到台", Role: RoleDesk, Terminal: terminal}
}

// TestUndoKeepsTimes: RULES §1, §7. An undo restores the earlier status
// with its original time; the timeline keeps arrival and departure; who
// arrived and left is counted as arrived, never absent; a leave carries
// its reason, which an undo restores too.
func TestUndoKeepsTimes(t *testing.T) {
	s, log := newSession(t, 10)
	t901, t1120 := t0.Add(31*time.Minute), t0.Add(170*time.Minute)
	exec(t, s, Mark{Meta: atDesk("a", 31), Person: "D0001", Status: Present})
	exec(t, s, Mark{Meta: atDesk("a", 40), Person: "D0002", Status: Present})
	exec(t, s, Mark{Meta: atDesk("a", 170), Person: "D0001", Status: Left})
	exec(t, s, Mark{Meta: atDesk("a", 171), Person: "D0002", Status: Left}) // a mistake …
	exec(t, s, Undo{Meta: atDesk("a", 172)})                                // … taken back at 11:22
	exec(t, s, Mark{Meta: atDesk("a", 173), Person: "D0003", Status: OnLeave, Reason: "参加省运动会"})
	exec(t, s, Mark{Meta: atDesk("a", 174), Person: "D0003", Status: Present})
	exec(t, s, Undo{Meta: atDesk("a", 175)})
	wantErr(t, s, Mark{Meta: atDesk("a", 176), Person: "D0004", Status: Present, Reason: "x"}, new(*FieldError))
	check := func(s *Session) {
		s.Read(func(st *State) {
			cases := []struct {
				i       int
				status  Status
				since   time.Time
				arrived time.Time
				left    time.Time
				reason  string
			}{
				{0, Left, t1120, t901, t1120, ""},
				{1, Present, t0.Add(40 * time.Minute), t0.Add(40 * time.Minute), time.Time{}, ""},
				{2, OnLeave, t0.Add(173 * time.Minute), time.Time{}, time.Time{}, "参加省运动会"},
				{3, NotArrived, time.Time{}, time.Time{}, time.Time{}, ""},
			}
			for _, c := range cases {
				a, p := st.Attendance[c.i], st.Presence(c.i)
				if a.Status != c.status || !a.Since.Equal(c.since) || a.Reason != c.reason {
					t.Errorf("D%d: %+v, want %v since %v", c.i+1, a, c.status, c.since)
				}
				if !p.Arrived.Equal(c.arrived) || !p.Left.Equal(c.left) || p.Reason != c.reason {
					t.Errorf("D%d presence %+v", c.i+1, p)
				}
			}
			if n := st.Attended(); n != 2 {
				t.Errorf("attended %d, want 2 (the one who left included)", n)
			}
			// The timeline keeps the mistake and its undo, marked.
			var undone, undo int
			for _, c := range st.History(1) {
				if c.UndoneBy != 0 {
					undone++
				}
				if c.Undoes != 0 {
					undo++
				}
			}
			if undone != 1 || undo != 1 {
				t.Errorf("history of D0002: %+v", st.History(1))
			}
		})
	}
	check(s)
	check(replayed(t, log))
}

// TestUndoPerTerminal: the same actor on two terminals keeps two undo
// stacks: an undo takes back this terminal's last mark, never the
// other's; replay rebuilds them from the terminal stored with each event.
func TestUndoPerTerminal(t *testing.T) {
	s, log := newSession(t, 10)
	exec(t, s, Mark{Meta: atDesk("ssh:aa", 1), Person: "D0001", Status: Present})
	exec(t, s, Mark{Meta: atDesk("ssh:bb", 2), Person: "D0002", Status: Present})
	s = replayed(t, log)
	exec(t, s, Undo{Meta: atDesk("ssh:aa", 3)})
	var nu *NothingToUndoError
	wantErr(t, s, Undo{Meta: atDesk("ssh:aa", 4)}, &nu)
	if nu.Terminal != "ssh:aa" {
		t.Fatalf("%+v", nu)
	}
	s.Read(func(st *State) {
		if st.Attendance[0].Status != NotArrived || st.Attendance[1].Status != Present {
			t.Fatalf("terminal aa's undo took back %v / %v", st.Attendance[0], st.Attendance[1])
		}
		if !st.CanUndo("desk:签到台", "ssh:bb") || st.CanUndo("desk:签到台", "ssh:aa") {
			t.Fatal("CanUndo")
		}
	})
	// Without a terminal (codec 2 events, podium apply lines without
	// one) the actor's stack is used.
	exec(t, s, Mark{Meta: atDesk("", 5), Person: "D0003", Status: Present})
	exec(t, s, Undo{Meta: atDesk("", 6)})
	s = replayed(t, log)
	s.Read(func(st *State) {
		if st.Attendance[2].Status != NotArrived || st.Attendance[1].Status != Present {
			t.Fatal("actor stack")
		}
	})
}

// TestCleanText: Rule C. Control and bidi characters are refused in
// every text of a command, naming the field; line feeds only in
// paragraphs.
func TestCleanText(t *testing.T) {
	s, _ := meetingSession(t, 100)
	cases := []struct {
		cmd   Command
		field string
		r     rune
	}{
		{AddNote{Meta: by("sec", 2), Text: "报告\x07结束"}, "text", 0x07},
		{AddNote{Meta: by("sec", 2), Text: "a\x00"}, "text", 0},
		{AddNote{Meta: by("sec", 2), Text: "\u202e告报"}, "text", 0x202e},
		{AddNote{Meta: by("sec", 2), Text: "x\x7f"}, "text", 0x7f},
		{AskQuestion{Meta: by("sec", 2), Delegate: "D0001", Target: "主席\n团", Text: "问"}, "target", '\n'},
		{FileMotion{Meta: by("sec", 2), Proposer: "D0001", CoSigners: []string{"D0002", "D0003\u2066"}, Title: "x"}, "cosigners[1]", 0x2066},
		{AddNote{Meta: Meta{At: t0.Add(2 * time.Minute), Actor: "sec\x1b[31m"}, Text: "x"}, "actor", 0x1b},
		{AddNote{Meta: by("sec", 2), Text: "bad \xff utf-8"}, "text", 0xfffd},
	}
	for _, c := range cases {
		_, err := s.Execute(c.cmd)
		var te *TextError
		if !errors.As(err, &te) || te.Field != c.field || te.Rune != c.r {
			t.Errorf("%T %q: %v", c.cmd, c.field, err)
		}
	}
	exec(t, s, AddNote{Meta: by("sec", 3), Text: "第一段\n第二段\t完"})
	if got := StripText("a\x07b\u202ec\nd", false); got != "abcd" {
		t.Errorf("strip: %q", got)
	}
	if got := StripText("a\nb\tc", true); got != "a\nb\tc" {
		t.Errorf("strip paragraph: %q", got)
	}
}

// TestTallyPerCategoryInSession: a round counted from a tally sheet whose
// invalid parts lie in several categories has no per-ballot figure, in
// the state and after replay.
func TestTallyPerCategoryInSession(t *testing.T) {
	s, setup := openedRound(t, 118)
	_ = setup
	exec(t, s, IssueBallots{Meta: by("host", 3), N: 118})
	exec(t, s, CollectBallots{Meta: by("host", 4), N: 118})
	tally := passAll(118, 100)
	tally.Invalid = []int{1, 2, 0}
	for i := range tally.Counts {
		cat := setup.Election.Candidates[i].Category
		tally.Counts[i].Disapprove -= map[string]int{"主席团": 1, "分院学生会": 2}[cat]
	}
	exec(t, s, EnterTally{Meta: by("t1", 5), Tally: tally})
	exec(t, s, DecideRound{Meta: by("host", 6)})
	s.Read(func(st *State) {
		r := st.Vote.Current()
		if !r.Result.CategoryOnly || r.Result.Valid != 0 || r.Result.Invalid != 0 || r.CountedBy() != CountedByTally {
			t.Fatalf("%+v", r.Result)
		}
		if c := r.Result.Categories; c[0].Invalid != 1 || c[1].Invalid != 2 || c[2].Invalid != 0 {
			t.Fatalf("categories %+v", c)
		}
	})
}

// TestTiePolicies: RULES §6.4 step 3. tie = "runoff" holds a runoff among
// the tied; tie = "vacant" leaves their seat vacant (缺额), no runoff.
func TestTiePolicies(t *testing.T) {
	for _, tie := range []model.Tie{model.TieRunoff, model.TieVacant} {
		s, _, setup := demoVote(t, 118)
		m := setup.Election.Method
		m.Tie = tie
		free := nonCandidates(s, setup)
		exec(t, s, AdoptMethod{Meta: by("host", 2), Method: m, Vote: aye()})
		exec(t, s, AdoptScrutineers{Meta: by("host", 3), Scrutineer: free[0], Chief: free[1], Vote: aye()})
		exec(t, s, OpenRound{Meta: by("host", 4)})
		exec(t, s, IssueBallots{Meta: by("host", 5), N: 118})
		exec(t, s, CollectBallots{Meta: by("host", 6), N: 118})
		tally := passAll(118, 100)
		// 社团 (11–14): 90, 90, 87, 87 for 3 seats: a tie at the cut-off.
		for i, a := range []int{90, 90, 87, 87} {
			tally.Counts[11+i] = election.TallyCount{Approve: a, Disapprove: 118 - a}
		}
		exec(t, s, EnterTally{Meta: by("t1", 7), Tally: tally})
		exec(t, s, DecideRound{Meta: by("host", 8)})
		s.Read(func(st *State) {
			v := st.Vote
			res := v.Current().Result
			switch tie {
			case model.TieRunoff:
				if len(res.Runoffs) != 1 || res.Runoffs[0].Seats != 1 || len(v.Pending) != 1 || v.Vacant["社团"] != 0 {
					t.Fatalf("runoff: %+v / %+v", res.Runoffs, v.Pending)
				}
			case model.TieVacant:
				if len(res.Runoffs) != 0 || len(v.Pending) != 0 || v.Vacant["社团"] != 1 || len(res.Vacancies) != 1 {
					t.Fatalf("vacant: %+v pending %+v vacant %v", res.Vacancies, v.Pending, v.Vacant)
				}
				if res.Candidates[13].Status != election.Tied || res.Candidates[14].Status != election.Tied || res.Candidates[11].Status != election.Elected {
					t.Fatalf("statuses %+v", res.Candidates[11:])
				}
				if _, _, ok := v.Next(); ok {
					t.Fatal("a round is due after a tie left seats vacant")
				}
			}
		})
	}
}

// TestSwitchEntry: the host switches a round between keyed ballots and a
// tally sheet with a reason; what was entered is set aside, kept, never
// counted; the counting method says what happened.
func TestSwitchEntry(t *testing.T) {
	s, setup := openedRound(t, 118)
	n := len(setup.Election.Candidates)
	exec(t, s, IssueBallots{Meta: by("host", 3), N: 118})
	exec(t, s, CollectBallots{Meta: by("host", 4), N: 118})
	teller := func(name string, min int) Meta {
		return Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: name, Role: RoleTeller}
	}
	exec(t, s, EnterBallot{Meta: teller("t1", 5), Index: -1, Ballot: ballot(n, 0, 1)})
	wantErr(t, s, EnterTally{Meta: teller("t2", 6), Tally: passAll(118, 100)}, ErrMixedEntry)
	var se *StatusError
	wantErr(t, s, SwitchEntry{Meta: by("host", 6), To: EntryBallots, Reason: "x"}, &se)
	if se.Reason != CodeSameEntry {
		t.Fatalf("%+v", se)
	}
	wantErr(t, s, SwitchEntry{Meta: teller("t1", 6), To: EntryTally, Reason: "x"}, new(*RoleError))
	wantErr(t, s, SwitchEntry{Meta: by("host", 6), To: EntryTally}, new(*FieldError))
	exec(t, s, SwitchEntry{Meta: by("host", 7), To: EntryTally, Reason: "监票人已核对计票单"})
	wantErr(t, s, EnterBallot{Meta: teller("t1", 8), Index: -1, Ballot: ballot(n)}, ErrMixedEntry)
	exec(t, s, EnterTally{Meta: teller("t2", 8), Tally: passAll(118, 100)})
	exec(t, s, SwitchEntry{Meta: by("host", 9), To: EntryBallots, Reason: "改回录入选票"})
	s.Read(func(st *State) {
		r := st.Vote.Current()
		if len(r.SetAside) != 2 || r.SetAside[0].Teller != "t1" || len(r.SetAside[0].Ballots) != 1 || r.SetAside[1].Tally == nil ||
			r.SetAside[1].Reason != "改回录入选票" || r.Mode() != EntryBallots || r.Tally != nil || len(r.Tellers) != 0 {
			t.Fatalf("set aside %+v mode %v", r.SetAside, r.Mode())
		}
	})
	// One teller keys the whole stack: single entry, not double.
	for i := 0; i < 118; i++ {
		exec(t, s, EnterBallot{Meta: teller("t1", 10), Index: -1, Ballot: ballot(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13)})
	}
	s.Read(func(st *State) {
		if got := st.Vote.Current().CountedBy(); got != CountedBySingle {
			t.Fatalf("counted by %v", got)
		}
	})
	for i := 0; i < 118; i++ {
		exec(t, s, EnterBallot{Meta: teller("t2", 11), Index: -1, Ballot: ballot(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13)})
	}
	exec(t, s, DecideRound{Meta: by("host", 12)})
	s.Read(func(st *State) {
		if got := st.Vote.Current().CountedBy(); got != CountedByDouble {
			t.Fatalf("counted by %v", got)
		}
	})
}

// TestAuditOldRules: a result stored by rule version 1 is the same under
// today's counter when its figures are (the fields version 2 added are no
// difference); a tally's inferred per-ballot figure is reported.
func TestAuditOldRules(t *testing.T) {
	s, _ := decidedCongress(t)
	s.Read(func(st *State) {
		for _, r := range st.Vote.Rounds {
			old := *r.Result
			old.PartlyInvalid, old.Vacancies = 0, nil
			old.Method.Tie, old.Method.OtherMarks = "", ""
			old.InvalidBallots = slices.Clone(old.InvalidBallots)
			for i := range old.InvalidBallots {
				old.InvalidBallots[i].Selections, old.InvalidBallots[i].Seats, old.InvalidBallots[i].Partly = 0, 0, false
			}
			res, err := st.Vote.result(r)
			if err != nil {
				t.Fatal(err)
			}
			if d := resultDiffs(old, res, 1); len(d) != 0 {
				t.Errorf("round %d: rules 1 differs: %v", r.No, d)
			}
			if d := resultDiffs(old, res, 2); r.Result.PartlyInvalid+len(r.Result.InvalidBallots) > 0 && len(d) == 0 {
				t.Errorf("round %d: rules 2 compares the new fields", r.No)
			}
			inferred := old
			inferred.CategoryOnly, inferred.Valid = !res.CategoryOnly, res.Valid+1
			if d := resultDiffs(inferred, res, 1); len(d) != 2 {
				t.Errorf("round %d: an inferred figure: %v", r.No, d)
			}
		}
	})
}
