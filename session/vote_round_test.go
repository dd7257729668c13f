package session

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"podium/model"
	"podium/session/election"
)

// formalIDs returns the ids of the formal delegates whose presence is (or
// is not) as asked, in roster order.
func formalIDs(s *Session, setup model.Setup, present bool) []string {
	var out []string
	s.Read(func(st *State) {
		for i, p := range setup.Roster {
			if p.Kind == model.Formal && (st.Attendance[i].Status == Present) == present && !st.isCandidate(i) {
				out = append(out, p.ID)
			}
		}
	})
	return out
}

// openedRound opens the demo's regular round with present formal delegates
// present.
func openedRound(t *testing.T, present int) (*Session, model.Setup) {
	t.Helper()
	s, _, setup := demoVote(t, present)
	free := nonCandidates(s, setup)
	exec(t, s, AdoptMethod{Meta: by("host", 1), Method: setup.Election.Method, Vote: aye()})
	exec(t, s, AdoptScrutineers{Meta: by("host", 1), Scrutineer: free[0], Chief: free[1], Vote: aye()})
	exec(t, s, OpenRound{by("host", 2)})
	return s, setup
}

// passAll is a demo tally on which every candidate gets approve of valid
// (the rest disapprove), no invalid ballots.
func passAll(valid, approve int) election.Tally {
	counts := make([]election.TallyCount, 15)
	for i := range counts {
		counts[i] = election.TallyCount{Approve: approve, Disapprove: valid - approve}
	}
	// 分院学生会 has 8 candidates for 7 seats: one gets nothing.
	counts[10] = election.TallyCount{Disapprove: valid}
	// 社团 has 4 for 3.
	counts[14] = election.TallyCount{Disapprove: valid}
	return election.Tally{Counts: counts, Invalid: []int{0, 0, 0}}
}

// TestAttendanceBetweenOpeningAndIssue: the attendance may change between
// the round's opening (quorum checked, 实到 announced) and the issue of
// the ballots. RULES §2: a ballot issue without quorum is refused; RULES
// §6.2: issued may not exceed the formal delegates present, and a round
// whose ballots were all duly issued is not void.
func TestAttendanceBetweenOpeningAndIssue(t *testing.T) {
	cases := []struct {
		name           string
		open           int // present when the round opens
		arrive, leave  int // formal delegates who arrive / leave after
		issue          int
		wantErr        any // nil, or a pointer to the typed error
		wantValid      bool
		wantPresent    int // the round's 实到 in the result
		wantElectedMin int
	}{
		{"late arrivals get ballots; the round is valid", 98, 2, 0, 100, nil, true, 100, 13},
		{"no change", 100, 0, 0, 100, nil, true, 100, 13},
		{"a departure below quorum refuses the issue (97 of 122)", 98, 0, 1, 97, new(*QuorumError), false, 0, 0},
		{"a departure above quorum: no more ballots than present", 100, 0, 1, 100, new(*IssueError), false, 0, 0},
		{"a departure above quorum: 99 ballots for 99 present", 100, 0, 1, 99, nil, true, 99, 13},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, setup := openedRound(t, c.open)
			for _, id := range formalIDs(s, setup, false)[:c.arrive] {
				exec(t, s, Mark{Meta: at(3), Person: id, Status: Present})
			}
			for _, id := range formalIDs(s, setup, true)[2 : 2+c.leave] { // not the scrutineers
				exec(t, s, Mark{Meta: at(3), Person: id, Status: Left})
			}
			_, err := s.Execute(IssueBallots{by("host", 4), c.issue})
			if c.wantErr != nil {
				if err == nil || !errors.As(err, c.wantErr) {
					t.Fatalf("issue %d: err = %v, want %T", c.issue, err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("issue %d: %v", c.issue, err)
			}
			exec(t, s, CollectBallots{by("host", 5), c.issue})
			exec(t, s, EnterTally{by("t1", 6), passAll(c.issue, c.issue*3/4)})
			exec(t, s, DecideRound{by("host", 7)})
			v := vote(s)
			r := v.Current()
			if r.Result.RoundValid != c.wantValid || r.Result.Reason != "" {
				t.Fatalf("round valid %v (%q), want %v", r.Result.RoundValid, r.Result.Reason, c.wantValid)
			}
			if r.Result.Present != c.wantPresent || r.Result.Issued != c.issue {
				t.Fatalf("present %d issued %d, want %d %d", r.Result.Present, r.Result.Issued, c.wantPresent, c.issue)
			}
			if len(r.Result.Elected) < c.wantElectedMin {
				t.Fatalf("elected %v", r.Result.Elected)
			}
			if _, revote, ok := v.Next(); revote || ok {
				t.Fatalf("a decided valid round is not voted again (revote %v, due %v)", revote, ok)
			}
		})
	}
}

// TestElectedWriteInKeepsCategory: a write-in person tied across the
// cut-off goes to a runoff (RULES §6.4 step 3); elected there, they are
// announced after the approved candidates (§6.5) in their own category.
func TestElectedWriteInKeepsCategory(t *testing.T) {
	s, setup := openedRound(t, 122)
	cands := setup.Election.Candidates
	exec(t, s, IssueBallots{by("host", 3), 122})
	exec(t, s, CollectBallots{by("host", 4), 122})
	// Everyone but 10 passes with 100; in 社团 (11-14, 3 seats) 11 and 12
	// get 70, 13 and the write-in 王五 63, 14 none: 13 and 王五 tie across
	// the cut-off (62 needed).
	tally := passAll(122, 100)
	tally.Counts[11] = election.TallyCount{Approve: 70, Disapprove: 52}
	tally.Counts[12] = election.TallyCount{Approve: 70, Disapprove: 52}
	tally.Counts[13] = election.TallyCount{Approve: 63, Disapprove: 59}
	tally.WriteIns = []election.WriteInCount{{Name: "王五", Category: "社团", Approve: 63}}
	exec(t, s, EnterTally{by("t1", 5), tally})
	exec(t, s, DecideRound{by("host", 6)})
	v := vote(s)
	ro := v.Current().Result.Runoffs
	if len(ro) != 1 || ro[0].Category != "社团" || ro[0].Seats != 1 || len(ro[0].Candidates) != 2 || ro[0].Candidates[1] != "王五" {
		t.Fatalf("runoffs %+v", ro)
	}
	exec(t, s, OpenRound{by("host", 7)})
	exec(t, s, IssueBallots{by("host", 8), 122})
	exec(t, s, CollectBallots{by("host", 9), 122})
	exec(t, s, EnterTally{by("t1", 10), election.Tally{
		Counts:  []election.TallyCount{{Approve: 50, Disapprove: 72}, {Approve: 70, Disapprove: 52}},
		Invalid: []int{0, 0, 0},
	}})
	exec(t, s, DecideRound{by("host", 11)})
	v = vote(s)
	el := v.Elected()
	if len(el) != 13 {
		t.Fatalf("elected %d: %+v", len(el), el)
	}
	last := el[12]
	if last.Name != "王五" || last.Category != "社团" || last.PersonID != "" {
		t.Fatalf("the write-in person elected in the runoff: %+v", last)
	}
	if el[11].Name != cands[12].Name {
		t.Fatalf("approved order: %+v", el)
	}
}

// TestSeatWithNoOneLeftToElect: a category with fewer candidates than
// seats (write-ins may fill them) leaves a seat that a second round cannot
// fill: no candidate is left (RULES §6.4 step 4). The host must be able to
// leave it vacant, and a second round held for another category must not
// drop it from the record.
func TestSeatWithNoOneLeftToElect(t *testing.T) {
	cases := []struct {
		name  string
		other bool // 社团 also needs a second round
	}{
		{"alone", false},
		{"beside a second round in 社团", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, log, setup := demoVote(t, 122)
			free := nonCandidates(s, setup)
			m := setup.Election.Method
			// 主席团 has 3 candidates for 4 seats.
			m.Categories = []model.Category{{Name: "主席团", Seats: 4}, {Name: "分院学生会", Seats: 6}, {Name: "社团", Seats: 3}}
			exec(t, s, AdoptMethod{Meta: by("host", 1), Method: m, Vote: aye()})
			exec(t, s, AdoptScrutineers{Meta: by("host", 1), Scrutineer: free[0], Chief: free[1], Vote: aye()})
			exec(t, s, OpenRound{by("host", 2)})
			exec(t, s, IssueBallots{by("host", 3), 122})
			exec(t, s, CollectBallots{by("host", 4), 122})
			tally := passAll(122, 100)
			tally.Counts[9] = election.TallyCount{Disapprove: 122} // 分院学生会: 6 of 8 pass
			if c.other {
				tally.Counts[13] = election.TallyCount{Disapprove: 122} // 社团: 2 of 4 pass
			}
			exec(t, s, EnterTally{by("t1", 5), tally})
			exec(t, s, DecideRound{by("host", 6)})
			if c.other {
				exec(t, s, OpenRound{by("host", 7)})
				v := vote(s)
				if r := v.Current(); r.Kind != election.Second || len(r.Slate) != 2 || r.Seats["社团"] != 1 {
					t.Fatalf("second round %+v", r)
				}
				exec(t, s, IssueBallots{by("host", 8), 122})
				exec(t, s, CollectBallots{by("host", 9), 122})
				exec(t, s, EnterTally{by("t1", 10), election.Tally{
					Counts:  []election.TallyCount{{Approve: 100, Disapprove: 22}, {Disapprove: 122}},
					Invalid: []int{0, 0, 0},
				}})
				exec(t, s, DecideRound{by("host", 11)})
			}
			wantErr(t, s, OpenRound{by("host", 12)}, ErrNothingToHold)
			exec(t, s, DeclareVacant{by("host", 13)})
			v := vote(s)
			if v.Vacant["主席团"] != 1 || len(v.Pending) != 0 {
				t.Fatalf("vacant %v pending %+v", v.Vacant, v.Pending)
			}
			if got := len(v.Elected()); got != 12 {
				t.Fatalf("elected %d, want 12", got)
			}
			re, err := Load(log)
			if err != nil {
				t.Fatal(err)
			}
			if again := vote(re); !reflect.DeepEqual(again.Pending, v.Pending) || !reflect.DeepEqual(again.Vacant, v.Vacant) || len(again.Rounds) != len(v.Rounds) {
				t.Fatal("replayed election differs from the live one")
			}
		})
	}
}

// TestPendingQueue walks the queue of RULES §6.4 across rounds and
// categories: one round calls a runoff in 社团 and a second round in
// 主席团; the runoff is void and voted again, ties again and is held
// again; the second round leaves its seat open and the host leaves it
// vacant. Every step survives a replay.
func TestPendingQueue(t *testing.T) {
	s, log, setup := demoVote(t, 122)
	cands := setup.Election.Candidates
	free := nonCandidates(s, setup)
	exec(t, s, AdoptMethod{Meta: by("host", 1), Method: setup.Election.Method, Vote: aye()})
	exec(t, s, AdoptScrutineers{Meta: by("host", 1), Scrutineer: free[0], Chief: free[1], Vote: aye()})
	type step struct {
		kind    election.Kind
		revote  bool
		slate   []int // candidate indexes of the round's slate
		seats   map[string]int
		collect int // > 122: void
		counts  []election.TallyCount
		pending []election.Kind
	}
	tie := election.TallyCount{Approve: 63, Disapprove: 59}
	first := passAll(122, 100).Counts
	first[2] = election.TallyCount{Approve: 61, Disapprove: 61} // 主席团: 2 of 3
	first[11], first[12], first[13], first[14] = election.TallyCount{Approve: 70, Disapprove: 52}, election.TallyCount{Approve: 70, Disapprove: 52}, tie, tie
	steps := []step{
		{election.Regular, false, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, map[string]int{"主席团": 3, "分院学生会": 7, "社团": 3}, 122, first,
			[]election.Kind{election.Runoff, election.Second}},
		{election.Runoff, false, []int{13, 14}, map[string]int{"社团": 1}, 123, nil, []election.Kind{election.Second}},
		{election.Runoff, true, []int{13, 14}, map[string]int{"社团": 1}, 122, []election.TallyCount{{Approve: 60, Disapprove: 62}, {Approve: 60, Disapprove: 62}},
			[]election.Kind{election.Second, election.Runoff}},
		{election.Runoff, false, []int{13, 14}, map[string]int{"社团": 1}, 122, []election.TallyCount{{Approve: 40, Disapprove: 82}, {Approve: 80, Disapprove: 42}},
			[]election.Kind{election.Second}},
		{election.Second, false, []int{2}, map[string]int{"主席团": 1}, 122, []election.TallyCount{{Approve: 61, Disapprove: 61}},
			[]election.Kind{election.Second}},
	}
	for i, st := range steps {
		exec(t, s, OpenRound{by("host", 10*i+2)})
		v := vote(s)
		r := v.Current()
		var slate []string
		for _, k := range st.slate {
			slate = append(slate, cands[k].Name)
		}
		if r.Kind != st.kind || !slices.Equal(namesOf(r.Slate), slate) || !reflect.DeepEqual(r.Seats, st.seats) {
			t.Fatalf("step %d: round %v %v %v, want %v %v %v", i, r.Kind, namesOf(r.Slate), r.Seats, st.kind, slate, st.seats)
		}
		exec(t, s, IssueBallots{by("host", 10*i+3), 122})
		exec(t, s, CollectBallots{by("host", 10*i+4), st.collect})
		if st.collect <= 122 {
			exec(t, s, EnterTally{by("t1", 10*i+5), election.Tally{Counts: st.counts, Invalid: []int{0, 0, 0}}})
		}
		exec(t, s, DecideRound{by("host", 10*i+6)})
		v = vote(s)
		var kinds []election.Kind
		for _, p := range v.Pending {
			kinds = append(kinds, p.Kind)
		}
		if !slices.Equal(kinds, st.pending) {
			t.Fatalf("step %d: pending %v, want %v", i, kinds, st.pending)
		}
		if i+1 < len(steps) {
			if _, revote, ok := v.Next(); !ok || revote != steps[i+1].revote {
				t.Fatalf("step %d: next revote %v ok %v", i, revote, ok)
			}
		}
	}
	if v := vote(s); !v.CanVacate() { // the host decides: another second round, or vacant
		t.Fatal("the seat the second round left open cannot be left vacant")
	}
	exec(t, s, DeclareVacant{by("host", 91)})
	wantErr(t, s, OpenRound{by("host", 92)}, ErrNothingToHold)
	v := vote(s)
	if v.Vacant["主席团"] != 1 || len(v.Elected()) != 12 {
		t.Fatalf("vacant %v elected %d", v.Vacant, len(v.Elected()))
	}
	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	if again := vote(re); !reflect.DeepEqual(again.Pending, v.Pending) || !reflect.DeepEqual(again.Vacant, v.Vacant) || !slices.Equal(namesOf(again.Elected()), namesOf(v.Elected())) {
		t.Fatal("replayed election differs from the live one")
	}
}
