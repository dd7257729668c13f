package session

import (
	"podium/files"

	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"podium/model"
	"podium/session/election"
)

// demoVote opens the demo congress with the given number of formal
// delegates present.
func demoVote(t testing.TB, present int) (*Session, *MemoryLog, model.Setup) {
	t.Helper()
	setup := files.Demo()
	log := &MemoryLog{}
	s, err := Create(log, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range setup.Roster {
		if p.Kind == model.Formal && n < present {
			exec(t, s, Mark{Meta: at(1), Person: p.ID, Status: Present})
			n++
		}
	}
	var open bool
	s.Read(func(st *State) { open = st.Quorum().Opening })
	if open { // no business before the meeting is declared valid (RULES §2)
		exec(t, s, DeclareOpen{Meta: by("host", 1)})
	}
	return s, log, setup
}

// aye is an adoption vote (RULES §3) that adopts: 61 of the demo's 122
// delegates for (二分之一以上), by show of hands.
func aye() *VoteCounts { return &VoteCounts{Method: model.VoteHands, For: 61} }

func by(actor string, min int) Meta {
	return Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: actor}
}

func vote(s *Session) (v Vote) {
	s.Read(func(st *State) { v = *st.Vote })
	return
}

// nonCandidates returns present formal delegates who are not candidates.
func nonCandidates(s *Session, setup model.Setup) []string {
	var out []string
	s.Read(func(st *State) {
		for i, p := range setup.Roster {
			if p.Kind == model.Formal && st.Attendance[i].Status == Present && !st.isCandidate(i) {
				out = append(out, p.ID)
			}
		}
	})
	return out
}

func wantErr(t *testing.T, s *Session, c Command, target any) {
	t.Helper()
	_, err := s.Execute(c)
	switch tg := target.(type) {
	case error:
		if !errors.Is(err, tg) {
			t.Fatalf("%T: err = %v, want %v", c, err, tg)
		}
	default:
		if err == nil || !errors.As(err, target) {
			t.Fatalf("%T: err = %v, want %T", c, err, target)
		}
	}
}

// ballot builds a demo ballot approving the candidates at the given slate
// indexes.
func ballot(n int, approve ...int) election.Ballot {
	b := election.Ballot{Marks: make([]election.Mark, n)}
	for _, i := range approve {
		b.Marks[i] = election.Approve
	}
	return b
}

// TestElectionFromQuorumToRunoff runs the demo's election: method and
// scrutineers, the quorum refused and met, issued and collected, double
// entry with a mistake found and corrected, the decision with a runoff in
// 社团, the runoff from a paper tally, and the elected in the approved order.
func TestElectionFromQuorumToRunoff(t *testing.T) {
	s, log, setup := demoVote(t, 97)
	cands := setup.Election.Candidates

	wantErr(t, s, OpenRound{by("host", 10)}, ErrMethodNotAdopted)
	exec(t, s, AdoptMethod{Meta: by("host", 10), Method: setup.Election.Method, Vote: aye()})
	wantErr(t, s, OpenRound{by("host", 10)}, ErrNoScrutineers)

	// Scrutineers: never a candidate, present formal delegates, two people.
	free := nonCandidates(s, setup)
	var se *ScrutineerError
	wantErr(t, s, AdoptScrutineers{Meta: by("host", 11), Scrutineer: free[0], Chief: cands[4].PersonID}, &se)
	if se.Reason != "candidate" || se.Role != "chief" {
		t.Fatalf("candidate as chief: %+v", se)
	}
	wantErr(t, s, AdoptScrutineers{Meta: by("host", 11), Scrutineer: free[0], Chief: free[0]}, &se)
	if se.Reason != "same_person" {
		t.Fatalf("same person: %+v", se)
	}
	wantErr(t, s, AdoptScrutineers{Meta: by("host", 11), Scrutineer: "D0123", Chief: free[0]}, &se)
	if se.Reason != "not_formal" {
		t.Fatalf("observer: %+v", se)
	}
	exec(t, s, AdoptScrutineers{Meta: by("host", 11), Scrutineer: free[0], Chief: free[1], Counters: []string{"计票员甲"}, Vote: aye()})

	// RULES §9 example 1: 97 present → no election; 98 → may proceed.
	var qe *QuorumError
	wantErr(t, s, OpenRound{by("host", 12)}, &qe)
	if qe.Present != 97 || qe.Need != 98 || qe.What != "election" {
		t.Fatalf("quorum: %+v", qe)
	}
	var absent string
	s.Read(func(st *State) {
		for i, p := range setup.Roster {
			if p.Kind == model.Formal && st.Attendance[i].Status != Present && absent == "" {
				absent = p.ID
			}
		}
	})
	exec(t, s, Mark{Meta: at(12), Person: absent, Status: Present})
	exec(t, s, OpenRound{by("host", 13)})
	wantErr(t, s, CollectBallots{by("host", 13), 98}, ErrNotIssued)
	var ie *IssueError
	wantErr(t, s, IssueBallots{by("host", 13), 99}, &ie)
	exec(t, s, IssueBallots{by("host", 14), 98})
	wantErr(t, s, EnterBallot{by("t1", 14), -1, ballot(15)}, ErrNotCollected)
	exec(t, s, CollectBallots{by("host", 20), 98})

	// 主席团 0-2 and 分院学生会 3-9 are approved on every ballot, 分院学生会
	// 10 never. 社团 has 3 seats: 11 on every ballot (98), then two more
	// of 12-14 on each: 35 × {12,13}, 35 × {12,14}, 28 × {13,14} gives
	// 12 = 70, 13 = 63, 14 = 63. All pass (62 needed); 13 and 14 tie
	// across the cut-off for the last seat: a runoff (RULES §9 ex. 7).
	var stack []election.Ballot
	for i := 0; i < 98; i++ {
		approve := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11}
		switch {
		case i < 35:
			approve = append(approve, 12, 13)
		case i < 70:
			approve = append(approve, 12, 14)
		default:
			approve = append(approve, 13, 14)
		}
		stack = append(stack, ballot(15, approve...))
	}

	for i, b := range stack {
		exec(t, s, EnterBallot{by("t1", 21), -1, b})
		mistake := b
		if i == 4 {
			mistake = ballot(15, 0, 1, 2) // the second teller misreads ballot 5
		}
		exec(t, s, EnterBallot{by("t2", 21), -1, mistake})
	}
	var be *BallotError
	wantErr(t, s, EnterBallot{by("t1", 22), -1, ballot(15)}, &be)
	if be.Reason != "stack_full" {
		t.Fatalf("stack full: %+v", be)
	}
	var me *EntryMismatchError
	wantErr(t, s, DecideRound{by("host", 23)}, &me)
	if !reflect.DeepEqual(me.Differ, []int{4}) {
		t.Fatalf("differences %v", me.Differ)
	}
	exec(t, s, EnterBallot{by("t2", 24), 4, stack[4]})
	exec(t, s, DecideRound{by("host", 25)})

	v := vote(s)
	r := v.Current()
	if r.Result == nil || r.Result.Reason != "" || len(r.Result.Runoffs) != 1 {
		t.Fatalf("result: %+v", r.Result)
	}
	ro := r.Result.Runoffs[0]
	if ro.Category != "社团" || ro.Seats != 1 || !reflect.DeepEqual(ro.Candidates, []string{cands[13].Name, cands[14].Name}) {
		t.Fatalf("runoff %+v", ro)
	}
	if len(r.Result.Elected) != 12 {
		t.Fatalf("elected %v", r.Result.Elected)
	}
	wantErr(t, s, DeclareVacant{by("host", 26)}, ErrNoVacancy)

	// The runoff, counted from a paper tally.
	exec(t, s, OpenRound{by("host", 30)})
	v = vote(s)
	if r := v.Current(); r.Kind != election.Runoff || len(r.Slate) != 2 || r.Seats["社团"] != 1 {
		t.Fatalf("runoff round %+v", r)
	}
	exec(t, s, IssueBallots{by("host", 31), 98})
	exec(t, s, CollectBallots{by("host", 35), 98})
	var te *election.TallyError
	wantErr(t, s, EnterTally{by("t1", 36), election.Tally{Counts: []election.TallyCount{{Approve: 60, Disapprove: 30, Abstain: 7}, {Approve: 38, Disapprove: 50, Abstain: 10}}, Invalid: []int{0, 0, 1}}}, &te)
	exec(t, s, EnterTally{by("t1", 36), election.Tally{Counts: []election.TallyCount{{Approve: 60, Disapprove: 30, Abstain: 7}, {Approve: 37, Disapprove: 50, Abstain: 10}}, Invalid: []int{0, 0, 1}}})
	wantErr(t, s, EnterBallot{by("t1", 36), -1, ballot(2)}, ErrMixedEntry)
	exec(t, s, DecideRound{by("host", 37)})
	wantErr(t, s, OpenRound{by("host", 38)}, ErrNothingToHold)

	v = vote(s)
	var elected []string
	for _, c := range v.Elected() {
		elected = append(elected, c.Name)
	}
	var want []string
	for i, c := range cands {
		if i != 10 && i != 14 {
			want = append(want, c.Name)
		}
	}
	if !reflect.DeepEqual(elected, want) {
		t.Fatalf("elected in order:\n got %v\nwant %v", elected, want)
	}

	// Everything survives a replay.
	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	var live, replayed State
	s.Read(func(st *State) { live = *st })
	re.Read(func(st *State) { replayed = *st })
	if !reflect.DeepEqual(live.Vote, replayed.Vote) {
		t.Fatal("replayed election differs from the live one")
	}
}

// TestVoidRoundIsVotedAgain is RULES §9 example 2.
func TestVoidRoundIsVotedAgain(t *testing.T) {
	s, _, setup := demoVote(t, 122)
	free := nonCandidates(s, setup)
	exec(t, s, AdoptMethod{Meta: by("host", 1), Method: setup.Election.Method, Vote: aye()})
	exec(t, s, AdoptScrutineers{Meta: by("host", 1), Scrutineer: free[0], Chief: free[1], Vote: aye()})
	exec(t, s, OpenRound{by("host", 2)})
	exec(t, s, IssueBallots{by("host", 2), 120})
	exec(t, s, CollectBallots{by("host", 3), 121})
	wantErr(t, s, EnterBallot{by("t1", 3), -1, ballot(15)}, ErrRoundVoid)
	// The void round is recorded, then voted again with the same slate.
	exec(t, s, DecideRound{by("host", 4)})
	v := vote(s)
	if r := v.Current(); !r.Void() || r.Result == nil || r.Result.RoundValid || len(r.Result.Elected) != 0 {
		t.Fatalf("void round: %+v", r.Result)
	}
	exec(t, s, OpenRound{by("host", 5)})
	v = vote(s)
	if len(v.Rounds) != 2 || v.Rounds[1].Kind != election.Regular || !slices.Equal(namesOf(v.Rounds[1].Slate), namesOf(setup.Election.Candidates)) {
		t.Fatalf("revote: %+v", v.Rounds[1])
	}
	exec(t, s, IssueBallots{by("host", 6), 120})
	exec(t, s, CollectBallots{by("host", 7), 119}) // fewer than issued: valid
	if v = vote(s); v.Current().Void() {
		t.Fatal("119 of 120 is a valid round")
	}
}

func namesOf(cs []model.Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// TestSecondRoundThenVacancy is RULES §9 example 9 in a category: too few
// pass, a second round for the missing seats, and the host leaves the seat
// still open vacant.
func TestSecondRoundThenVacancy(t *testing.T) {
	s, _, setup := demoVote(t, 122)
	cands := setup.Election.Candidates
	free := nonCandidates(s, setup)
	exec(t, s, AdoptMethod{Meta: by("host", 1), Method: setup.Election.Method, Vote: aye()})
	exec(t, s, AdoptScrutineers{Meta: by("host", 1), Scrutineer: free[0], Chief: free[1], Vote: aye()})
	exec(t, s, OpenRound{by("host", 2)})
	exec(t, s, IssueBallots{by("host", 2), 122})
	exec(t, s, CollectBallots{by("host", 3), 122})
	// Everyone passes but 分院学生会 10 and 社团 12-14, who get 61 (not
	// more than half of 122).
	counts := make([]election.TallyCount, 15)
	for i := range counts {
		counts[i] = election.TallyCount{Approve: 100, Disapprove: 22}
		if i == 10 {
			counts[i] = election.TallyCount{Approve: 0, Disapprove: 122}
		}
		if i >= 12 {
			counts[i] = election.TallyCount{Approve: 61, Disapprove: 61}
		}
	}
	exec(t, s, EnterTally{by("t1", 4), election.Tally{Counts: counts, Invalid: []int{0, 0, 0}}})
	exec(t, s, DecideRound{by("host", 5)})
	v := vote(s)
	sr := v.Current().Result.SecondRounds
	if len(sr) != 1 || sr[0].Category != "社团" || sr[0].Seats != 2 || len(sr[0].Candidates) != 3 {
		t.Fatalf("second rounds %+v", sr)
	}
	wantErr(t, s, DeclareVacant{by("host", 6)}, ErrNoVacancy) // the rules call for a second round first
	exec(t, s, OpenRound{by("host", 6)})
	exec(t, s, IssueBallots{by("host", 6), 122})
	exec(t, s, CollectBallots{by("host", 7), 122})
	exec(t, s, EnterTally{by("t1", 8), election.Tally{Counts: []election.TallyCount{{Approve: 70, Disapprove: 52, Abstain: 0}, {Approve: 50, Disapprove: 72, Abstain: 0}, {Approve: 40, Disapprove: 82, Abstain: 0}}, Invalid: []int{0, 0, 0}}})
	exec(t, s, DecideRound{by("host", 9)})
	v = vote(s)
	if r := v.Current(); r.Kind != election.Second || len(r.Result.Elected) != 1 || r.Result.Elected[0] != cands[12].Name {
		t.Fatalf("second round: %+v", r.Result)
	}
	exec(t, s, DeclareVacant{by("host", 10)})
	v = vote(s)
	if v.Vacant["社团"] != 1 || len(v.Pending) != 0 {
		t.Fatalf("vacant %v pending %v", v.Vacant, v.Pending)
	}
	wantErr(t, s, OpenRound{by("host", 11)}, ErrNothingToHold)
	// 主席团 3 + 分院学生会 7 (of 8: 10 had no approvals) + 社团 11, and 12
	// from the second round: 12 elected, 1 seat vacant.
	if got := len(v.Elected()); got != 12 {
		t.Fatalf("elected %d, want 12", got)
	}
}
